"""Reading API tokens."""

from __future__ import annotations

from django.db.models import QuerySet

from tillid.web.accounts.models import Organisation
from tillid.web.api.models import ApiToken
from tillid.web.api.services import token_hash


def tokens_of(organisation: Organisation) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(organisation=organisation).select_related("created_by")


def token_by_secret(raw: str) -> ApiToken | None:
    """The token with this secret, revoked or not; None when there is none."""
    if not raw or len(raw) > 200:
        return None
    return (
        ApiToken.objects.select_related("organisation", "created_by")
        .filter(token_hash=token_hash(raw))
        .first()
    )
