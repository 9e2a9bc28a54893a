"""Making, revoking and using API tokens."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from tillid.web.accounts.models import Organisation, User
from tillid.web.api.models import ApiToken, TokenRole

TOKEN_PREFIX = "tillid_"
# last_used_at is for people ("is this token still in use?"); writing it on every request would
# turn every read into a write.
USE_RECORDED_EVERY = timedelta(minutes=1)


class TokenError(Exception):
    """The token cannot be made or revoked; the message says why."""


def token_hash(raw: str) -> str:
    # A token is 256 random bits, so a fast hash is as safe as a slow one and keeps requests fast.
    return hashlib.sha256(raw.encode()).hexdigest()


def create_token(
    organisation: Organisation, name: str, role: str, by: User
) -> tuple[ApiToken, str]:
    """The new token and its secret, which is shown once and never stored."""
    name = name.strip()
    if not name:
        raise TokenError(_("Give the token a name, e.g. the system that will use it."))
    if len(name) > 100:
        raise TokenError(_("The name is longer than 100 characters; shorten it."))
    if role not in TokenRole.values:
        raise TokenError(_("A token acts as a viewer or an editor; choose one of them."))
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        organisation=organisation,
        name=name,
        prefix=raw[: len(TOKEN_PREFIX) + 4],
        token_hash=token_hash(raw),
        role=role,
        created_by=by,
    )
    return token, raw


def revoke_token(organisation: Organisation, token_id: int) -> ApiToken:
    token = ApiToken.objects.filter(organisation=organisation, pk=token_id).first()
    if token is None:
        raise TokenError(_("There is no such token."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def record_use(token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > USE_RECORDED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
