"""Organisations, people and what each person may do in each organisation.

The organisation's type and country are the assessment context (see tillid.knowledge.context): a
Danish municipality and a Swedish agency get different questions and duties.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OrganisationType(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    REGION = "region", _("Region")
    STATE_AGENCY = "state_agency", _("State agency")
    OTHER_PUBLIC_BODY = "other_public_body", _("Other public body")
    PRIVATE_PUBLIC_SERVICE = "private_public_service", _("Private body delivering a public service")
    SME = "sme", _("Small or medium-sized enterprise")
    COMPANY = "company", _("Other company")


class Country(models.TextChoices):
    DK = "DK", _("Denmark")
    SE = "SE", _("Sweden")
    OTHER_EU = "other_eu", _("Other EU country")
    NON_EU = "non_eu", _("Country outside the EU")


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(unique=True, max_length=60)
    organisation_type = models.CharField(_("type"), max_length=40, choices=OrganisationType)
    country = models.CharField(_("country"), max_length=10, choices=Country)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A person. Django's user with the language they read tillid in."""

    language = models.CharField(
        _("language"),
        max_length=2,
        choices=[("da", "Dansk"), ("en", "English"), ("sv", "Svenska")],
        default="da",
    )

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Role(models.TextChoices):
    """Ordered from least to most: each role may do everything the roles before it may."""

    VIEWER = "viewer", _("Viewer")
    EDITOR = "editor", _("Editor")
    REVIEWER = "reviewer", _("Reviewer (legal/DPO)")
    ADMIN = "admin", _("Administrator")


ROLE_RANK = {role: rank for rank, role in enumerate(Role)}


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role, default=Role.VIEWER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation} ({self.role})"

    def allows(self, needed: Role | str) -> bool:
        return ROLE_RANK[Role(self.role)] >= ROLE_RANK[Role(needed)]


def _invitation_token() -> str:
    return secrets.token_urlsafe(32)


def _in_two_weeks():  # type: ignore[no-untyped-def]
    return timezone.now() + timedelta(days=14)


class Invitation(models.Model):
    """An admin invites a person by e-mail; the link carries a single-use token."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("role"), max_length=10, choices=Role, default=Role.VIEWER)
    token = models.CharField(max_length=64, unique=True, default=_invitation_token)
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_in_two_weeks)
    accepted_at = models.DateTimeField(null=True, blank=True)

    @property
    def usable(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()
