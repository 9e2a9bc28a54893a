"""Optional single sign-on with OpenID Connect (mozilla-django-oidc), switched on by settings.

People are matched by e-mail. A first-time user gets an account, and the organisations they were
invited to; without an invitation they can log in but see no organisation until an admin invites them.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from tillid.web.accounts.models import Invitation, Membership, User


class TillidOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    def create_user(self, claims: dict[str, Any]) -> User:
        user: User = super().create_user(claims)
        self.update_user(user, claims)
        return user

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        user.first_name = str(claims.get("given_name", user.first_name))[:150]
        user.last_name = str(claims.get("family_name", user.last_name))[:150]
        user.save(update_fields=["first_name", "last_name"])
        accept_pending_invitations(user)
        return user


def accept_pending_invitations(user: User) -> int:
    accepted = 0
    for invitation in Invitation.objects.filter(email__iexact=user.email, accepted_at__isnull=True):
        if not invitation.usable:
            continue
        Membership.objects.get_or_create(
            user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
        )
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        accepted += 1
    return accepted
