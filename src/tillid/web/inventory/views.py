from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tillid.web.accounts.models import Organisation, Role
from tillid.web.accounts.permissions import organisation_view
from tillid.web.assessments.labels import outcome_labels
from tillid.web.inventory import services
from tillid.web.inventory.export import inventory_csv, inventory_xlsx
from tillid.web.inventory.forms import SystemForm
from tillid.web.inventory.models import AISystem, LifecyclePhase, SystemStatus
from tillid.web.inventory.selectors import SORTS, InventoryFilter, system_of, systems_of


def _filter(request: HttpRequest) -> InventoryFilter:
    get = request.GET
    return InventoryFilter(
        text=get.get("q", "").strip()[:200],
        risk_class=get.get("risk", ""),
        phase=get.get("phase", ""),
        status=get.get("status", ""),
        open_measures=get.get("open") == "1",
        sort=get.get("sort", "name") if get.get("sort") in SORTS else "name",
    )


def _system(organisation: Organisation, pk: int) -> AISystem:
    try:
        return system_of(organisation, pk)
    except AISystem.DoesNotExist:
        raise Http404 from None


@organisation_view(Role.VIEWER)
def system_list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    want = _filter(request)
    labels = outcome_labels(request.LANGUAGE_CODE)
    context = {
        "systems": systems_of(organisation, want),
        "want": want,
        "labels": labels,
        "risk_classes": risk_class_choices(request.LANGUAGE_CODE),
        "phases": LifecyclePhase.choices,
        "statuses": SystemStatus.choices,
        "query": request.GET.urlencode(),
    }
    template = "inventory/_table.html" if request.htmx else "inventory/list.html"  # type: ignore[attr-defined]
    return render(request, template, context)


def risk_class_choices(language: str) -> list[tuple[str, str]]:
    from tillid.web.assessments.knowledge import knowledge_base

    risk = knowledge_base().classification["aia.risk_class"]
    lang = language if language in ("da", "en", "sv") else "da"
    return [(v.id, v.title.get(lang)) for v in risk.values] + [("none", _("Not yet assessed"))]


@organisation_view(Role.VIEWER)
def system_export(request: HttpRequest, organisation: Organisation, fmt: str) -> HttpResponse:
    systems = systems_of(organisation, _filter(request))
    labels = outcome_labels(request.LANGUAGE_CODE)
    name = f"tillid-{organisation.slug}-ai-systems"
    if fmt == "csv":
        response = HttpResponse(
            inventory_csv(systems, labels), content_type="text/csv; charset=utf-8"
        )
    elif fmt == "xlsx":
        response = HttpResponse(
            inventory_xlsx(systems, labels),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404("Unknown format")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@organisation_view(Role.EDITOR)
def system_new(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    form = SystemForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            system = services.create_system(organisation, form.cleaned_data)
        except services.InventoryError as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, _("The system was registered."))
            return redirect("system_detail", org_slug=organisation.slug, pk=system.pk)
    return render(request, "inventory/form.html", {"form": form, "system": None})


@organisation_view(Role.VIEWER)
def system_detail(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    system = _system(organisation, pk)
    return render(
        request,
        "inventory/detail.html",
        {
            "system": system,
            "assessments": system.assessments.order_by("-created_at"),
            "labels": outcome_labels(request.LANGUAGE_CODE),
            "can_edit": request.membership.allows(Role.EDITOR),  # type: ignore[attr-defined]
        },
    )


@organisation_view(Role.EDITOR)
def system_edit(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    system = _system(organisation, pk)
    form = SystemForm(
        request.POST or None,
        instance=system,
        organisation=organisation,
        initial={"version": system.version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_system(system, form.cleaned_data, int(request.POST.get("version") or 0))
        except services.InventoryError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Saved."))
            return redirect("system_detail", org_slug=organisation.slug, pk=system.pk)
    return render(request, "inventory/form.html", {"form": form, "system": system})
