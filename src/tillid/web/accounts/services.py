"""Changing organisations and memberships."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tillid.web.accounts.models import Invitation, Membership, Organisation, Role, User


class AccountError(Exception):
    """A change to people or roles that cannot be made; the message says why."""


def invite(organisation: Organisation, email: str, role: Role | str, by: User) -> Invitation:
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise AccountError(
            _("%(email)s is not an e-mail address.") % {"email": email[:100] or '""'}
        ) from None
    if role not in Role.values:
        raise AccountError(_("Unknown role %(role)s.") % {"role": str(role)[:30]})
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise AccountError(_("%(email)s is already a member.") % {"email": email})
    return Invitation.objects.create(
        organisation=organisation, email=email, role=role, invited_by=by
    )


def accept_invitation(
    invitation: Invitation,
    username: str,
    password: str,
    name: str = "",
    signed_in: User | None = None,
) -> User:
    """The invited person's account, made now unless they have one; that one must be signed in.

    Holding the link proves nothing about an existing account: without this, whoever got a link
    made out to someone's e-mail address (an admin of any organisation can make one) would be
    signed in as that person."""
    if not invitation.usable:
        raise AccountError(_("This invitation has expired or was already used. Ask for a new one."))
    with transaction.atomic():
        user = User.objects.filter(email__iexact=invitation.email).first()
        if user is not None and (signed_in is None or signed_in.pk != user.pk):
            raise AccountError(
                _(
                    "There is already an account for %(email)s. Log in to it first, then open "
                    "this link again."
                )
                % {"email": invitation.email}
            )
        if user is None:
            user = _new_user(invitation.email, username, password, name)
        Membership.objects.get_or_create(
            user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
        )
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
    return user


def _new_user(email: str, username: str, password: str, name: str) -> User:
    if not username:
        raise AccountError(_("Choose a user name."))
    if User.objects.filter(username=username).exists():
        raise AccountError(
            _("The user name %(name)s is taken; choose another.") % {"name": username}
        )
    user = User(username=username, email=email, first_name=name[:150])
    try:
        User.username_validator(username)
        validate_password(password, user)
    except ValidationError as error:
        raise AccountError(" ".join(error.messages)) from None
    user.set_password(password)
    user.save()
    return user


def change_role(organisation: Organisation, membership_id: int, role: str, by: User) -> Membership:
    if role not in Role.values:
        raise AccountError(_("Unknown role %(role)s.") % {"role": role})
    with transaction.atomic():
        membership = (
            Membership.objects.select_for_update()
            .filter(organisation=organisation, pk=membership_id)
            .first()
        )
        if membership is None:
            raise AccountError(_("No such member."))
        admins = Membership.objects.filter(organisation=organisation, role=Role.ADMIN)
        if membership.role == Role.ADMIN and role != Role.ADMIN and admins.count() == 1:
            raise AccountError(_("An organisation needs at least one administrator."))
        membership.role = role
        membership.save(update_fields=["role"])
    return membership
