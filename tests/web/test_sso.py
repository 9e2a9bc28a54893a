"""Single sign-on: people are matched by e-mail and get the organisations they were invited to."""

from __future__ import annotations

import pytest
from django.test import override_settings

from tillid.web.accounts.models import Invitation, Organisation, Role
from tillid.web.accounts.sso import TillidOIDCBackend

pytestmark = pytest.mark.django_db

OIDC = {
    "OIDC_RP_CLIENT_ID": "tillid",
    "OIDC_RP_CLIENT_SECRET": "secret",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://idp.example/auth",
    "OIDC_OP_TOKEN_ENDPOINT": "https://idp.example/token",
    "OIDC_OP_USER_ENDPOINT": "https://idp.example/userinfo",
    "OIDC_RP_SIGN_ALGO": "HS256",
}


@override_settings(**OIDC)
def test_a_first_sso_login_creates_the_person_with_the_organisations_they_were_invited_to() -> None:
    organisation = Organisation.objects.create(
        slug="havbjerg", name="Havbjerg", organisation_type="municipality", country="DK"
    )
    Invitation.objects.create(
        organisation=organisation, email="mette@havbjerg.dk", role=Role.REVIEWER
    )
    claims = {"email": "Mette@Havbjerg.dk", "given_name": "Mette", "family_name": "Jensen"}

    user = TillidOIDCBackend().create_user(claims)

    assert user.get_full_name() == "Mette Jensen"
    membership = user.memberships.get()
    assert (membership.organisation, membership.role) == (organisation, Role.REVIEWER)
    assert Invitation.objects.get().accepted_at is not None


@override_settings(**OIDC)
def test_without_an_invitation_an_sso_user_sees_no_organisation() -> None:
    Organisation.objects.create(slug="x", name="X", organisation_type="sme", country="SE")
    user = TillidOIDCBackend().create_user({"email": "someone@elsewhere.se"})
    assert not user.memberships.exists()
