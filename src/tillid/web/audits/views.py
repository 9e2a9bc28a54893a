from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin

from tillid.audit import AuditResult, render_html, render_pdf
from tillid.web.accounts.models import Organisation, Role
from tillid.web.accounts.permissions import organisation_view
from tillid.web.assessments.models import Assessment
from tillid.web.audits import error_messages, services
from tillid.web.audits.forms import AuditForm, ConnectionForm
from tillid.web.audits.models import AuditRun


def _run(organisation: Organisation, pk: int) -> AuditRun:
    run = (
        AuditRun.objects.select_related("system", "assessment")
        .filter(organisation=organisation, pk=pk)
        .first()
    )
    if run is None:
        raise Http404("No such audit")
    return run


@organisation_view(Role.VIEWER)
def audit_list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    return render(
        request,
        "audits/list.html",
        {
            "runs": AuditRun.objects.filter(organisation=organisation).select_related("system"),
            "connections": organisation.data_connections.all(),
            "can_edit": request.membership.allows(Role.EDITOR),  # type: ignore[attr-defined]
        },
    )


@organisation_view(Role.EDITOR)
def audit_new(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    initial = {"system": request.GET.get("system")} if request.GET.get("system") else None
    form = AuditForm(
        request.POST or None, request.FILES or None, organisation=organisation, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        system = form.cleaned_data["system"]
        try:
            spec = services.read_spec(form.spec_data())
            latest = Assessment.objects.filter(system=system).order_by("-created_at").first()
            run = services.queue_run(
                organisation,
                system,
                spec,
                request.user,  # type: ignore[arg-type]
                upload=form.cleaned_data.get("data_file"),
                connection=form.cleaned_data.get("connection"),
                table=form.cleaned_data.get("table") or "",
                assessment=latest,
            )
        except services.AuditRequestError as error:
            form.add_error(None, str(error))
        else:
            return redirect("audit_detail", org_slug=organisation.slug, pk=run.pk)
    return render(request, "audits/form.html", {"form": form})


@organisation_view(Role.EDITOR)
def connection_new(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    form = ConnectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.register_connection(
                organisation, form.cleaned_data["name"], form.cleaned_data["url"], request.user
            )  # type: ignore[arg-type]
        except services.AuditRequestError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("The database was registered. Its URL is stored encrypted.")
            )
            return redirect("audits", org_slug=organisation.slug)
    return render(request, "audits/connection_form.html", {"form": form})


@organisation_view(Role.VIEWER)
def audit_detail(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    run = _run(organisation, pk)
    result = AuditResult.model_validate(run.result) if run.result else None
    error = error_messages.shown(run.error_message, run.error)
    warnings = error_messages.shown_warnings(result) if result else []
    step = error_messages.shown(run.step_message, run.step)
    return render(
        request,
        "audits/detail.html",
        {"run": run, "result": result, "error": error, "warnings": warnings, "step": step},
    )


@organisation_view(Role.VIEWER)
def audit_progress(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    run = _run(organisation, pk)
    step = error_messages.shown(run.step_message, run.step)
    response = render(request, "audits/_progress.html", {"run": run, "step": step})
    if run.finished:
        response["HX-Refresh"] = "true"  # show the result in full
    return response


@xframe_options_sameorigin
@organisation_view(Role.VIEWER)
def audit_report(
    request: HttpRequest, organisation: Organisation, pk: int, fmt: str
) -> HttpResponse:
    run = _run(organisation, pk)
    if not run.result:
        raise Http404("The audit has no result yet")
    result = AuditResult.model_validate(run.result)
    name = f"tillid-audit-{run.pk}.{fmt}"
    if fmt == "html":
        return HttpResponse(render_html(result), content_type="text/html; charset=utf-8")
    if fmt == "pdf":
        response = HttpResponse(render_pdf(result), content_type="application/pdf")
    elif fmt == "json":
        response = HttpResponse(result.to_json(), content_type="application/json")
    else:
        raise Http404("Unknown format")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
