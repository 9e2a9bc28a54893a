"""People: invitations, roles, password login with throttling, and the demo data."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from tests.web.conftest import PASSWORD, Tenant, client_for, make_user
from tillid.web.accounts.models import Invitation, Membership, Organisation, Role, User
from tillid.web.assessments.models import Answer, ApprovedVersion, Assessment
from tillid.web.demo import load_demo_data
from tillid.web.inventory.models import AISystem

GOOD_PASSWORD = "Fjord lighthouse 1987 kayak"


def invite(tenant: Tenant, email: str, role: str = "editor") -> str:
    """The link the admin is shown to send."""
    admin = client_for(tenant.users[Role.ADMIN])
    page = admin.post(
        reverse("members", args=[tenant.slug]),
        {"invite": "1", "email": email, "role": role},
        follow=True,
    ).content.decode()
    found = re.search(r"http://testserver(/invitation/[\w-]+/)", page)
    assert found, page
    return found.group(1)


def join(client: Client, link: str, username: str, password: str) -> str:
    response = client.post(link, {"name": "Nina", "username": username, "password": password})
    return response["Location"] if response.status_code == 302 else response.content.decode()


# Invitations -------------------------------------------------------------------------------------


def test_an_invited_person_joins_with_the_role_they_were_given(a: Tenant) -> None:
    link = invite(a, "Nina@Havbjerg.example", "reviewer")
    newcomer = Client()
    assert "You were invited as Reviewer" in newcomer.get(link).content.decode()

    where = join(newcomer, link, "nina", GOOD_PASSWORD)
    assert where == reverse("systems", args=[a.slug])
    nina = User.objects.get(username="nina")
    assert nina.email == "nina@havbjerg.example" and nina.check_password(GOOD_PASSWORD)
    assert Membership.objects.get(user=nina).role == Role.REVIEWER
    assert newcomer.get(where).status_code == 200  # signed in


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short1", "This password is too short. It must contain at least 10 characters."),
        ("password123", "This password is too common."),
        ("4815162342000", "This password is entirely numeric."),
        ("nina-password", "The password is too similar to the username."),
    ],
)
def test_a_weak_password_is_refused_with_the_validators_message(
    a: Tenant, password: str, message: str
) -> None:
    link = invite(a, "nina@havbjerg.example")
    page = join(Client(), link, "nina-password", password)
    assert message in page
    assert not User.objects.filter(username="nina-password").exists()
    assert Invitation.objects.get(email="nina@havbjerg.example").accepted_at is None


@pytest.mark.parametrize(
    ("username", "message"),
    [("", "Choose a user name."), ("nina smith!", "Enter a valid username.")],
)
def test_a_missing_or_malformed_user_name_is_refused(
    a: Tenant, username: str, message: str
) -> None:
    link = invite(a, "nina@havbjerg.example")
    assert message in join(Client(), link, username, GOOD_PASSWORD)
    assert not User.objects.filter(email="nina@havbjerg.example").exists()


def test_a_used_invitation_cannot_be_used_again(a: Tenant) -> None:
    link = invite(a, "nina@havbjerg.example")
    join(Client(), link, "nina", GOOD_PASSWORD)
    again = Client()
    assert "expired or was already used" in again.get(link).content.decode()
    assert "expired or was already used" in join(again, link, "nina2", GOOD_PASSWORD)
    assert not User.objects.filter(username="nina2").exists()


def test_an_expired_invitation_cannot_be_used(a: Tenant) -> None:
    link = invite(a, "nina@havbjerg.example")
    Invitation.objects.filter(email="nina@havbjerg.example").update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    assert "expired or was already used" in join(Client(), link, "nina", GOOD_PASSWORD)
    assert not User.objects.filter(username="nina").exists()


@pytest.mark.django_db
def test_an_unknown_invitation_is_404() -> None:
    assert Client().get("/invitation/not-a-token/").status_code == 404


def test_an_invitation_to_someone_with_an_account_needs_that_account_signed_in(
    a: Tenant, b: Tenant
) -> None:
    """An admin of A invites B's admin by e-mail and opens the link: that must not sign them in
    as B's admin (it did), nor add B's admin to A."""
    victim = b.users[Role.ADMIN]
    link = invite(a, victim.email, "viewer")
    attacker = client_for(a.users[Role.ADMIN])
    page = join(attacker, link, "whatever", GOOD_PASSWORD)
    assert "There is already an account for" in page
    assert attacker.session[SESSION_KEY] == str(a.users[Role.ADMIN].pk)
    assert not Membership.objects.filter(user=victim, organisation=a.organisation).exists()

    # The invited person, signed in, joins with one click.
    invitee = client_for(victim)
    assert 'name="password"' not in invitee.get(link).content.decode()
    assert invitee.post(link).status_code == 302
    assert Membership.objects.get(user=victim, organisation=a.organisation).role == Role.VIEWER
    assert Membership.objects.get(user=victim, organisation=b.organisation).role == Role.ADMIN


@pytest.mark.parametrize(
    ("email", "role", "message"),
    [
        ("not an address", "editor", "is not an e-mail address."),
        ("nina@havbjerg.example", "owner", "Unknown role owner."),
        ("a-viewer@example.org", "editor", "is already a member."),
    ],
)
def test_a_bad_invitation_is_refused_with_a_message(
    a: Tenant, email: str, role: str, message: str
) -> None:
    admin = client_for(a.users[Role.ADMIN])
    before = Invitation.objects.count()
    page = admin.post(
        reverse("members", args=[a.slug]),
        {"invite": "1", "email": email, "role": role},
        follow=True,
    ).content.decode()
    assert message in page
    assert Invitation.objects.count() == before


# Roles -------------------------------------------------------------------------------------------


def test_an_admin_changes_a_role_but_never_removes_the_last_admin(a: Tenant) -> None:
    admin = client_for(a.users[Role.ADMIN])
    url = reverse("members", args=[a.slug])
    viewer = a.memberships[Role.VIEWER]
    assert (
        "The role was changed."
        in admin.post(
            url, {"membership": viewer.pk, "role": "editor"}, follow=True
        ).content.decode()
    )
    viewer.refresh_from_db()
    assert viewer.role == Role.EDITOR

    last = a.memberships[Role.ADMIN]
    page = admin.post(url, {"membership": last.pk, "role": "viewer"}, follow=True)
    assert "An organisation needs at least one administrator." in page.content.decode()
    last.refresh_from_db()
    assert last.role == Role.ADMIN

    for bad in ({"membership": "x", "role": "editor"}, {"membership": viewer.pk, "role": "god"}):
        assert admin.post(url, bad, follow=True).status_code == 200
    viewer.refresh_from_db()
    assert viewer.role == Role.EDITOR


# Logging in --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_logging_in_with_the_password_and_out_again() -> None:
    make_user("mette")
    client = Client()
    response = client.post(reverse("login"), {"username": "mette", "password": PASSWORD})
    assert response.status_code == 302 and SESSION_KEY in client.session
    client.post(reverse("logout"))
    assert SESSION_KEY not in client.session


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True)
def test_five_wrong_passwords_lock_the_account_even_for_the_right_one() -> None:
    make_user("mette")
    client = Client()
    url = reverse("login")
    for attempt in range(5):
        wrong = client.post(url, {"username": "mette", "password": f"guess {attempt}"})
        assert SESSION_KEY not in client.session
        assert wrong.status_code in (200, 429)
    locked = client.post(url, {"username": "mette", "password": PASSWORD})
    assert locked.status_code == 429
    assert SESSION_KEY not in client.session
    assert "Too many attempts" in locked.content.decode()
    # Someone else, from the same address, can still log in.
    make_user("jonas")
    other = Client()
    assert other.post(url, {"username": "jonas", "password": PASSWORD}).status_code == 302


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True)
def test_four_wrong_passwords_do_not_lock_the_account() -> None:
    make_user("mette")
    client = Client()
    url = reverse("login")
    for attempt in range(4):
        client.post(url, {"username": "mette", "password": f"guess {attempt}"})
    assert client.post(url, {"username": "mette", "password": PASSWORD}).status_code == 302


# Demo data ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_demo_data_loads_once_and_a_second_load_changes_nothing() -> None:
    first = load_demo_data()
    counts = [
        m.objects.count()
        for m in (Organisation, User, Membership, AISystem, Assessment, Answer, ApprovedVersion)
    ]
    assert first.organisations and not first.skipped
    assert Assessment.objects.filter(status="approved").exists()

    second = load_demo_data()
    assert second.organisations == [] and second.skipped == first.organisations
    assert second.logins == first.logins
    assert counts == [
        m.objects.count()
        for m in (Organisation, User, Membership, AISystem, Assessment, Answer, ApprovedVersion)
    ]
    client = Client()
    assert client.login(username=next(iter(first.logins)), password=first.password)
