"""The dashboards: an organisation's own figures (/o/<org>/dashboard/), the anonymised figures
across organisations for anyone signed in (/dashboards/), and the research dataset for the
platform operator (/dashboards/research.<csv|parquet>)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from tillid.reports.anonymity import View, views_of
from tillid.web.accounts.models import Organisation, Role
from tillid.web.accounts.permissions import organisation_view
from tillid.web.dashboards import figures, research, selectors


@organisation_view(Role.VIEWER)
def organisation_dashboard(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    as_of = timezone.localdate()
    systems = selectors.system_figures(organisation, as_of)
    dates = selectors.obligations_by_date(organisation, as_of)
    entries, challenges = selectors.challenges_of(organisation)
    charts = [
        ("risk", figures.risk_chart(systems, request.LANGUAGE_CODE)),
        ("phase", figures.phase_chart(systems)),
        ("measures", figures.measures_chart(systems)),
        ("obligations", figures.obligations_chart(dates)),
    ]
    context = {
        "as_of": as_of,
        "charts": charts,
        "systems": len(systems),
        "to_do": sum(s.tasks_to_do for s in systems),
        "overdue": sum(s.tasks_overdue for s in systems),
        "systems_overdue": sum(1 for s in systems if s.tasks_overdue),
        "next_ai_act": next((d for d in dates if d.ai_act), None),
        "next_duties": next((d for d in dates if d.systems), None),
        "entries": entries,
        "challenges": figures.challenges_chart(entries, challenges) if entries else None,
    }
    return render(request, "dashboards/organisation.html", context)


def _view(value: str) -> View:
    """ "" for everyone, or "dimension:value"; LookupError when it is not one of the views."""
    if not value:
        return None
    dimension, _sep, chosen = value.partition(":")
    view = (dimension, chosen)
    if view not in views_of(selectors.FILTERS):
        raise LookupError(value)
    return view


@login_required
def across_organisations(request: HttpRequest) -> HttpResponse:
    as_of = timezone.localdate()
    across = selectors.across_organisations(as_of)
    offered = [v for v in views_of(selectors.FILTERS) if across.systems.table(v).total.count]
    status, problem = 200, ""
    try:
        view = _view(request.GET.get("view", "")[:80])
    except LookupError:
        view, status = None, 400
        problem = _("There is no group %(group)s. Choose one from the list.") % {
            "group": repr(request.GET.get("view", "")[:80])
        }
    context = {
        "as_of": as_of,
        "across": across,
        "limits": across.thresholds,
        "view": view,
        "view_value": f"{view[0]}:{view[1]}" if view else "",
        "view_label": figures.view_label(view),
        "shown": view in offered,
        "choices": [(f"{v[0]}:{v[1]}" if v else "", figures.view_label(v)) for v in offered],
        "problem": problem,
        "total": across.systems.table(view).total,
        "entries": across.entries.table(view).total,
        "charts": figures.across_charts(across, view, request.LANGUAGE_CODE)
        if view in offered
        else [],
        "may_export": request.user.is_staff,
    }
    return render(request, "dashboards/across.html", context, status=status)


@login_required
def research_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The k-anonymous research dataset, for the platform operator only."""
    if not request.user.is_staff:
        raise PermissionDenied
    if fmt not in research.FORMATS:
        raise Http404("Unknown format")
    dataset = research.research_dataset(selectors.thresholds(), timezone.localdate())
    content, content_type = research.FORMATS[fmt](dataset)
    response = HttpResponse(content, content_type=content_type)
    name = f"tillid-research-{dataset.as_of.isoformat()}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
