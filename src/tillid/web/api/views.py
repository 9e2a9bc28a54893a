"""The API tokens page: organisation administrators make and revoke tokens."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from tillid.web.accounts.models import Organisation, Role
from tillid.web.accounts.permissions import organisation_view
from tillid.web.api import services
from tillid.web.api.models import TokenRole
from tillid.web.api.selectors import tokens_of


@organisation_view(Role.ADMIN)
@never_cache  # the page may hold a new token's secret: no browser or proxy may keep a copy
def api_tokens(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    new_secret = ""
    new_token = None
    error = ""
    if request.method == "POST":
        try:
            if "revoke" in request.POST:
                revoke = request.POST.get("revoke", "")
                token = services.revoke_token(organisation, int(revoke) if revoke.isdigit() else 0)
                messages.success(
                    request, _("The token %(name)s was revoked.") % {"name": token.name}
                )
                return redirect("api_tokens", org_slug=organisation.slug)
            new_token, new_secret = services.create_token(
                organisation,
                request.POST.get("name", ""),
                request.POST.get("role", ""),
                request.user,  # type: ignore[arg-type]
            )
        except (services.TokenError, ValueError) as problem:
            error = (
                str(problem)
                if isinstance(problem, services.TokenError)
                else _("There is no such token.")
            )
    # The secret is shown on this one response and never again (it is not stored, and a redirect
    # would have to carry it in the session).
    return render(
        request,
        "api/tokens.html",
        {
            "tokens": tokens_of(organisation),
            "roles": TokenRole.choices,
            "new_token": new_token,
            "new_secret": new_secret,
            "error": error,
            "name": request.POST.get("name", "") if error else "",
        },
    )
