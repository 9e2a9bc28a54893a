"""Changing organisations and memberships."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tillid.web.accounts.models import Invitation, Membership, Organisation, Role, User


class AccountError(Exception):
    """A change to people or roles that cannot be made; the message says why."""


def invite(organisation: Organisation, email: str, role: Role | str, by: User) -> Invitation:
    email = email.strip().lower()
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise AccountError(_("%(email)s is already a member.") % {"email": email})
    return Invitation.objects.create(
        organisation=organisation, email=email, role=role, invited_by=by
    )


def accept_invitation(invitation: Invitation, username: str, password: str, name: str = "") -> User:
    if not invitation.usable:
        raise AccountError(_("This invitation has expired or was already used. Ask for a new one."))
    with transaction.atomic():
        user = User.objects.filter(email__iexact=invitation.email).first()
        if user is None:
            if User.objects.filter(username=username).exists():
                raise AccountError(
                    _("The user name %(name)s is taken; choose another.") % {"name": username}
                )
            user = User(username=username, email=invitation.email, first_name=name)
            try:
                validate_password(password, user)
            except ValidationError as error:
                raise AccountError(" ".join(error.messages)) from None
            user.set_password(password)
            user.save()
        Membership.objects.get_or_create(
            user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
        )
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
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
