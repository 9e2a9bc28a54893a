"""Who is calling the API, and what they may do: the API's one place where access is decided.

A request carries `Authorization: Bearer <token>`. The token names one organisation and a role; every
endpoint reads and changes only that organisation's data, and anything of another organisation is
answered with 404, as on the web pages, so ids do not tell outsiders what exists.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import formats
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError
from ninja.security import HttpBearer

from tillid.web.accounts.models import Organisation, Role, User
from tillid.web.api.models import ApiToken
from tillid.web.api.selectors import token_by_secret
from tillid.web.api.services import record_use


class BearerToken(HttpBearer):
    def __call__(self, request: HttpRequest) -> Any:
        scheme, _space, secret = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not secret.strip():
            raise AuthenticationError(
                message=_(
                    "Send your API token in the header Authorization: Bearer <token>. An "
                    "administrator of your organisation makes tokens on the page API tokens."
                )
            )
        return self.authenticate(request, secret.strip())

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken:
        found = token_by_secret(token)
        if found is None:
            raise AuthenticationError(
                message=_(
                    "This API token is not known. Check that it was copied whole, or ask an "
                    "administrator of your organisation for a new one."
                )
            )
        if found.revoked_at is not None:
            raise AuthenticationError(
                message=_(
                    "This API token was revoked on %(date)s. Ask an administrator of your "
                    "organisation for a new one."
                )
                % {"date": formats.date_format(found.revoked_at, "SHORT_DATE_FORMAT")}
            )
        record_use(found)
        return found


def caller(request: HttpRequest) -> ApiToken:
    return request.auth  # type: ignore[attr-defined,no-any-return]


def organisation_of(request: HttpRequest) -> Organisation:
    return caller(request).organisation


def acting_user(request: HttpRequest) -> User | None:
    """Whom the history names for a change made through the API: the person who made the token."""
    return caller(request).created_by


def require(request: HttpRequest, needed: Role) -> None:
    if not caller(request).allows(needed):
        raise HttpError(
            403,
            _(
                "This API token may only read. Ask an administrator of your organisation for a "
                "token with the editor role."
            ),
        )
