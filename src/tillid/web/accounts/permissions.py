"""The one place where access is decided: every organisation page goes through `organisation_view`.

A person who is not a member of an organisation gets 404, not 403, so the URL space does not tell
outsiders which organisations or objects exist.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from tillid.web.accounts.models import Membership, Organisation, Role

OrganisationView = Callable[..., HttpResponse]


def membership_for(user: Any, org_slug: str) -> Membership:
    membership = (
        Membership.objects.select_related("organisation")
        .filter(user=user, organisation__slug=org_slug)
        .first()
    )
    if membership is None:
        raise Http404("No such organisation")
    return membership


def organisation_view(needed: Role = Role.VIEWER) -> Callable[[OrganisationView], OrganisationView]:
    """Wraps a view taking (request, organisation, ...): logs in, checks membership and role."""

    def decorate(view: OrganisationView) -> OrganisationView:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, org_slug: str, *args: Any, **kwargs: Any) -> HttpResponse:
            membership = membership_for(request.user, org_slug)
            if not membership.allows(needed):
                raise PermissionDenied
            request.membership = membership  # type: ignore[attr-defined]
            organisation: Organisation = membership.organisation
            return view(request, organisation, *args, **kwargs)

        return wrapped

    return decorate
