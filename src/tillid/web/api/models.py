"""API tokens: how an authority's other systems act in one organisation without a person's password.

Only a hash of the token is stored; the token itself is shown once, when it is made. A token belongs
to the organisation, not to the person who made it, and acts with the role it was given.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tillid.web.accounts.models import ROLE_RANK, Organisation, Role


class TokenRole(models.TextChoices):
    """The roles a token may act with: reading, or reading and editing. Review stays with people."""

    VIEWER = Role.VIEWER.value, _("Viewer (read only)")
    EDITOR = Role.EDITOR.value, _("Editor (read and change)")


class ApiToken(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    # The first characters of the token, so an administrator can tell which one a system uses.
    prefix = models.CharField(max_length=16)
    token_hash = models.CharField(max_length=64, unique=True)
    role = models.CharField(_("role"), max_length=10, choices=TokenRole, default=TokenRole.VIEWER)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def allows(self, needed: Role | str) -> bool:
        return ROLE_RANK[Role(self.role)] >= ROLE_RANK[Role(needed)]
