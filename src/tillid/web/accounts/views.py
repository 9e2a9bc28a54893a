from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from tillid.web.accounts import services
from tillid.web.accounts.models import Invitation, Organisation, Role
from tillid.web.accounts.permissions import organisation_view


@login_required
def home(request: HttpRequest) -> HttpResponse:
    memberships = list(request.user.memberships.select_related("organisation"))  # type: ignore[union-attr]
    if len(memberships) == 1:
        return redirect("systems", org_slug=memberships[0].organisation.slug)
    return render(request, "accounts/home.html", {"memberships": memberships})


@organisation_view(Role.VIEWER)
def members(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    is_admin = request.membership.allows(Role.ADMIN)  # type: ignore[attr-defined]
    if request.method == "POST":
        if not is_admin:
            return HttpResponse(status=403)
        try:
            if "invite" in request.POST:
                invitation = services.invite(
                    organisation,
                    request.POST.get("email", ""),
                    request.POST.get("role", ""),
                    request.user,  # type: ignore[arg-type]
                )
                link = request.build_absolute_uri(
                    reverse("accept_invitation", args=[invitation.token])
                )
                messages.success(
                    request,
                    _("Invitation made. Send this link to %(email)s: %(link)s")
                    % {"email": invitation.email, "link": link},
                )
            else:
                services.change_role(
                    organisation,
                    int(request.POST.get("membership", "0")),
                    request.POST.get("role", ""),
                    request.user,  # type: ignore[arg-type]
                )
                messages.success(request, _("The role was changed."))
        except (services.AccountError, ValueError) as error:
            messages.error(request, str(error))
        return redirect("members", org_slug=organisation.slug)
    return render(
        request,
        "accounts/members.html",
        {
            "members": organisation.memberships.select_related("user").order_by("user__username"),
            "invitations": organisation.invitations.filter(accepted_at__isnull=True),
            "roles": Role.choices,
            "is_admin": is_admin,
        },
    )


def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_object_or_404(Invitation.objects.select_related("organisation"), token=token)
    error = ""
    if request.method == "POST":
        try:
            user = services.accept_invitation(
                invitation,
                request.POST.get("username", "").strip(),
                request.POST.get("password", ""),
                request.POST.get("name", "").strip(),
                request.user if request.user.is_authenticated else None,  # type: ignore[arg-type]
            )
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("systems", org_slug=invitation.organisation.slug)
        except services.AccountError as problem:
            error = str(problem)
    email = getattr(request.user, "email", "") or ""
    return render(
        request,
        "accounts/invitation.html",
        {
            "invitation": invitation,
            "error": error,
            "signed_in_as_invitee": email.lower() == invitation.email.lower(),
        },
    )
