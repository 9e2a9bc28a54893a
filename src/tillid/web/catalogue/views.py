"""The catalogue's pages. Shared pages (/catalogue/...) read only through `selectors.shared_entries`
and `selectors.readable_entry`; the organisation's own pages (/o/<org>/catalogue/...) go through
`organisation_view` like every other organisation page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tillid.web.accounts.models import Country, Membership, Organisation, Role
from tillid.web.accounts.permissions import membership_for, organisation_view
from tillid.web.catalogue import selectors, services, text
from tillid.web.catalogue.challenges import CHALLENGE_CHOICES, challenge_label
from tillid.web.catalogue.forms import EntryForm, StartForm
from tillid.web.catalogue.models import Area, Entry, ProjectStatus
from tillid.web.inventory.models import LifecyclePhase

PAGE_SIZE = 25
START_TYPED = (
    "catalogue-start-typed"  # session key: the start form as typed, shown again if refused
)
MAX_QUERY_CHARS = 200


def _choice(value: str | None, allowed: list[str]) -> str:
    """A filter value from the address; anything not offered counts as 'all'."""
    return value if value in allowed else ""


def _filter(request: HttpRequest) -> selectors.CatalogueFilter:
    get = request.GET
    return selectors.CatalogueFilter(
        text=get.get("q", "").strip()[:MAX_QUERY_CHARS],
        area=_choice(get.get("area"), Area.values),
        challenge=_choice(get.get("challenge"), [code for code, _label in CHALLENGE_CHOICES]),
        status=_choice(get.get("status"), ProjectStatus.values),
        country=_choice(get.get("country"), Country.values),
    )


def _editor_memberships(request: HttpRequest) -> list[Membership]:
    if not request.user.is_authenticated:
        return []
    return [
        m
        for m in Membership.objects.filter(user=request.user).select_related("organisation")
        if m.allows(Role.EDITOR)
    ]


# --- Shared pages ---------------------------------------------------------------------------------


def catalogue_list(request: HttpRequest) -> HttpResponse:
    want = _filter(request)
    entries = selectors.search(selectors.shared_entries(request.user), want)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    memberships = (
        Membership.objects.filter(user=request.user).select_related("organisation")
        if request.user.is_authenticated
        else []
    )
    return render(
        request,
        "catalogue/list.html",
        {
            "page": page,
            "want": want,
            "nothing_searchable": bool(want.text) and not text.query_words(want.text),
            "areas": Area.choices,
            "challenges": CHALLENGE_CHOICES,
            "statuses": ProjectStatus.choices,
            "countries": Country.choices,
            "query": query.urlencode(),
            "memberships": memberships,
        },
    )


def catalogue_entry(request: HttpRequest, entry_id: int) -> HttpResponse:
    try:
        entry = selectors.readable_entry(request.user, entry_id)
    except Entry.DoesNotExist:
        raise Http404 from None
    own = request.user.is_authenticated and any(
        m.organisation_id == entry.organisation_id
        for m in Membership.objects.filter(user=request.user)
    )
    editors = _editor_memberships(request)
    can_start = bool(editors) and services.may_start_from(entry)
    return render(
        request,
        "catalogue/entry.html",
        {
            "entry": entry,
            "challenges": [challenge_label(c) for c in entry.challenge_codes()],
            "similar": selectors.similar_entries(entry, selectors.shared_entries(request.user)),
            "own": own,
            "can_edit_own": any(m.organisation_id == entry.organisation_id for m in editors),
            "start_form": StartForm(
                # After a refused start, what the person typed comes back (kept by the redirect).
                initial=request.session.pop(
                    START_TYPED,
                    {"name": entry.title, "lifecycle_phase": LifecyclePhase.PROCURE},
                )
            )
            if can_start
            else None,
            "start_organisations": [m.organisation for m in editors],
            "phases": LifecyclePhase.choices,
            "shows_stop_reason": entry.stop_reason
            and entry.status in (ProjectStatus.STOPPED, ProjectStatus.RETIRED),
        },
    )


@require_POST
@login_required
def catalogue_start(request: HttpRequest, entry_id: int) -> HttpResponse:
    """Start my assessment from this one: a new system and draft assessment in the chosen
    organisation, where the person must be an editor, with the entry's answers."""
    form = StartForm(request.POST)
    request.session[START_TYPED] = {
        key: request.POST.get(key, "")[:500] for key in ("organisation", "name", "lifecycle_phase")
    }
    if not form.is_valid():
        messages.error(
            request,
            _("Choose your organisation, a name for the new system and its lifecycle phase."),
        )
        return redirect("catalogue_entry", entry_id=entry_id)
    membership = membership_for(request.user, form.cleaned_data["organisation"])  # 404: not theirs
    if not membership.allows(Role.EDITOR):
        raise PermissionDenied
    try:
        # Only shared entries: never an organisation's draft, even for its own people.
        entry = selectors.shared_entries(request.user).select_related("system").get(pk=entry_id)
    except Entry.DoesNotExist:
        raise Http404 from None
    organisation: Organisation = membership.organisation
    try:
        assessment = services.start_from_entry(
            entry,
            organisation,
            request.user,  # type: ignore[arg-type]
            form.cleaned_data["name"],
            form.cleaned_data["lifecycle_phase"],
        )
    except services.CatalogueError as error:
        messages.error(request, str(error))
        return redirect("catalogue_entry", entry_id=entry_id)
    request.session.pop(START_TYPED, None)
    messages.success(
        request,
        _(
            "A new AI system and a draft assessment were made in %(organisation)s from the shared "
            "answers. Check every answer: they describe the other organisation's project."
        )
        % {"organisation": organisation.name},
    )
    return redirect("assessment", org_slug=organisation.slug, pk=assessment.pk)


# --- The organisation's own pages -----------------------------------------------------------------


@organisation_view(Role.VIEWER)
def catalogue_entries(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    entries = list(selectors.organisation_entries(organisation).order_by("title", "pk"))
    return render(
        request,
        "catalogue/organisation_list.html",
        {
            "organisation": organisation,
            "entries": entries,
            "counts": [
                (challenge_label(code), n)
                for code, n in selectors.challenge_counts(
                    selectors.organisation_entries(organisation)
                ).items()
                if n
            ],
            "can_edit": request.membership.allows(Role.EDITOR),  # type: ignore[attr-defined]
        },
    )


def _form_page(
    request: HttpRequest, organisation: Organisation, form: EntryForm, entry: Entry | None
) -> HttpResponse:
    return render(
        request,
        "catalogue/form.html",
        {"organisation": organisation, "form": form, "entry": entry},
    )


@organisation_view(Role.EDITOR)
def catalogue_entry_new(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    form = EntryForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.create_entry(organisation, request.user, form.entry_input())  # type: ignore[arg-type]
        except services.CatalogueError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The entry was saved."))
            return redirect("catalogue_entry", entry_id=entry.pk)
    return _form_page(request, organisation, form, None)


def _own_entry(organisation: Organisation, pk: int) -> Entry:
    try:
        return selectors.organisation_entry(organisation, pk)
    except Entry.DoesNotExist:
        raise Http404 from None


@organisation_view(Role.EDITOR)
def catalogue_entry_edit(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    entry = _own_entry(organisation, pk)
    if request.method == "POST":
        form = EntryForm(
            request.POST, instance=_own_entry(organisation, pk), organisation=organisation
        )
        if form.is_valid():
            try:
                services.update_entry(
                    entry,
                    request.user,  # type: ignore[arg-type]
                    form.entry_input(),
                    _int(request.POST.get("version")),
                )
            except services.CatalogueError as error:
                form.add_error(None, str(error))  # the form still holds what they typed
            else:
                messages.success(request, _("The entry was saved."))
                return redirect("catalogue_entry", entry_id=entry.pk)
    else:
        form = EntryForm(
            instance=entry, initial={"version": entry.version}, organisation=organisation
        )
    return _form_page(request, organisation, form, entry)


@organisation_view(Role.EDITOR)
def catalogue_entry_delete(
    request: HttpRequest, organisation: Organisation, pk: int
) -> HttpResponse:
    entry = _own_entry(organisation, pk)
    if request.method == "POST":
        title = entry.title
        services.delete_entry(entry)
        messages.success(request, _("“%(title)s” was deleted.") % {"title": title})
        return redirect("catalogue_entries", org_slug=organisation.slug)
    return render(request, "catalogue/delete.html", {"organisation": organisation, "entry": entry})


def _int(value: Any) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0
