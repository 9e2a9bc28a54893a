from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from tillid.web.accounts.models import Organisation, Role
from tillid.web.accounts.permissions import organisation_view
from tillid.web.actions import evidence as evidence_service
from tillid.web.actions import selectors, services
from tillid.web.actions.filetypes import accepted_list, content_type_of
from tillid.web.actions.forms import TaskForm
from tillid.web.actions.models import Evidence, Task, TaskStatus
from tillid.web.actions.uploads import limit_evidence_upload
from tillid.web.assessments.knowledge import knowledge_base
from tillid.web.assessments.labels import language_of
from tillid.web.assessments.models import Assessment
from tillid.web.assessments.services import evaluate_assessment


def _assessment(organisation: Organisation, pk: int) -> Assessment:
    found = (
        Assessment.objects.select_related("system").filter(organisation=organisation, pk=pk).first()
    )
    if found is None:
        raise Http404("No such assessment")
    return found


def _task(organisation: Organisation, pk: int) -> Task:
    try:
        return selectors.task_of(organisation, pk)
    except Task.DoesNotExist:
        raise Http404("No such task") from None


def _may_work(request: HttpRequest) -> bool:
    return bool(request.membership.allows(Role.EDITOR))  # type: ignore[attr-defined]


def _back(request: HttpRequest, organisation: Organisation, default: str) -> HttpResponse:
    """Back to the page the form was on, if it is one of this organisation's pages."""
    back = request.POST.get("back", "")
    if back.startswith(f"/o/{organisation.slug}/") and "//" not in back and "\\" not in back:
        return redirect(back)
    return redirect(default)


def _upload_context() -> dict[str, Any]:
    return {
        "accepted": accepted_list(),
        "max_size": filesizeformat(settings.EVIDENCE_MAX_BYTES),
    }


# The action plan


@organisation_view(Role.VIEWER)
def action_plan(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    assessment = _assessment(organisation, pk)
    if request.method == "POST":
        if not _may_work(request):
            return HttpResponse(status=403)
        result = evaluate_assessment(assessment, with_trace=False)
        outcome = services.sync_action_plan(assessment, result.measures, request.user)  # type: ignore[arg-type]
        messages.success(request, _sync_message(outcome))
        return redirect("action_plan", org_slug=organisation.slug, pk=assessment.pk)
    lang = language_of(request.LANGUAGE_CODE)
    today = timezone.localdate()
    rows = selectors.task_rows(selectors.tasks_of(assessment), lang, today)
    return render(
        request,
        "actions/plan.html",
        {
            "assessment": assessment,
            "system": assessment.system,
            "rows": rows,
            "members": selectors.members_of(organisation),
            "statuses": TaskStatus.choices,
            "may_work": _may_work(request),
            "overdue": sum(1 for r in rows if r.overdue),
            "still_to_do": sum(1 for r in rows if r.task.still_to_do),
        },
    )


def _sync_message(outcome: services.SyncOutcome) -> str:
    return _(
        "The action plan now follows the result: %(added)d new, %(updated)d changed, "
        "%(gone)d no longer required, %(removed)d unused removed."
    ) % {
        "added": outcome.added,
        "updated": outcome.updated,
        "gone": outcome.no_longer_required,
        "removed": outcome.removed,
    }


@organisation_view(Role.VIEWER)
def task_detail(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    task = _task(organisation, pk)
    lang = language_of(request.LANGUAGE_CODE)
    row = selectors.task_rows([task], lang, timezone.localdate())[0]
    kept, removed = selectors.evidence_of(task.assessment, task=task)
    return render(
        request,
        "actions/task.html",
        {
            "row": row,
            "task": task,
            "assessment": task.assessment,
            "system": task.assessment.system,
            "members": selectors.members_of(organisation),
            "statuses": TaskStatus.choices,
            "may_work": _may_work(request),
            "evidence": kept,
            "removed": removed,
            "history": selectors.task_history(task),
            **_upload_context(),
        },
    )


@organisation_view(Role.VIEWER)
def task_edit(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    """Saves a task from its row in the plan (htmx swaps the row) or from the task page."""
    task = _task(organisation, pk)
    if request.method != "POST":
        return redirect("task", org_slug=organisation.slug, pk=task.pk)
    if not _may_work(request):
        return HttpResponse(status=403)
    form = TaskForm(request.POST)
    error, saved = "", False
    if not form.is_valid():
        error = form.error_text()
    else:
        try:
            task = services.update_task(task, request.user, form.edit("notes" in request.POST))  # type: ignore[arg-type]
            saved = True
        except services.TaskConflict as conflict:
            error = str(conflict)
            task = selectors.task_of(organisation, task.pk)
        except services.ActionError as problem:
            error = str(problem)
    if request.htmx:  # type: ignore[attr-defined]
        lang = language_of(request.LANGUAGE_CODE)
        row = selectors.task_rows(
            selectors.tasks_of(task.assessment).filter(pk=task.pk), lang, timezone.localdate()
        )[0]
        return render(
            request,
            "actions/_task_row.html",
            {
                "row": row,
                "members": selectors.members_of(organisation),
                "statuses": TaskStatus.choices,
                "may_work": True,
                "error": error,
                "saved": saved,
            },
        )
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("The task was saved."))
    return _back(request, organisation, reverse("task", args=[organisation.slug, task.pk]))


# Obligations and tasks falling due


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@organisation_view(Role.VIEWER)
def falling_due(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    get = request.GET
    status = get.get("status", "todo")
    want = selectors.DueFilter(
        system=_number(get.get("system")),
        owner=_number(get.get("owner")),
        status=status if status in ("todo", "all", *TaskStatus.values) else "todo",
    )
    today = timezone.localdate()
    items = selectors.falling_due(organisation, want, language_of(request.LANGUAGE_CODE), today)
    return render(
        request,
        "actions/due.html",
        {
            "items": items,
            "want": want,
            "today": today,
            "systems": organisation.systems.order_by("name"),
            "members": selectors.members_of(organisation),
            "statuses": TaskStatus.choices,
            "overdue": sum(1 for i in items if i.overdue),
        },
    )


# Evidence. Upload views switch CSRF checking off only until the size limit is in place (it must
# be before anything reads the form), then check it as usual.


def _receive(
    request: HttpRequest, assessment: Assessment, question_id: str = "", task: Task | None = None
) -> None:
    files = request.FILES.getlist("file")  # reads the upload: the size limit applies here
    if getattr(request, "evidence_too_large", False):
        messages.error(request, evidence_service.too_large_message())
        return
    if not files:
        messages.error(request, _("Choose a file to upload."))
        return
    if len(files) > 1:
        messages.error(request, _("Upload one file at a time."))
        return
    upload = files[0]
    try:
        kept = evidence_service.add_evidence(
            assessment,
            request.user,  # type: ignore[arg-type]
            upload.name or "",
            upload.chunks(),
            question_id=question_id,
            task=task,
        )
    except evidence_service.EvidenceError as error:
        messages.error(request, str(error))
        return
    messages.success(request, _("%(name)s was added as evidence.") % {"name": kept.name})


def _refused_unread() -> HttpResponse:
    return HttpResponse(
        evidence_service.too_large_message(), status=413, content_type="text/plain; charset=utf-8"
    )


@csrf_exempt
def question_evidence(
    request: HttpRequest, org_slug: str, pk: int, question_id: str
) -> HttpResponse:
    if request.method == "POST" and not limit_evidence_upload(request):
        return _refused_unread()
    return _question_evidence(request, org_slug, pk, question_id)


@organisation_view(Role.VIEWER)  # membership first, so outsiders' uploads are not even read
@csrf_protect
def _question_evidence(
    request: HttpRequest, organisation: Organisation, pk: int, question_id: str
) -> HttpResponse:
    assessment = _assessment(organisation, pk)
    question = knowledge_base().question.get(question_id)
    if question is None:
        raise Http404("No such question")
    if request.method == "POST":
        if not _may_work(request):
            return HttpResponse(status=403)
        _receive(request, assessment, question_id=question_id)
        return redirect(request.path)
    kept, removed = selectors.evidence_of(assessment, question_id=question_id)
    lang = language_of(request.LANGUAGE_CODE)
    return render(
        request,
        "actions/question_evidence.html",
        {
            "assessment": assessment,
            "system": assessment.system,
            "question_text": question.text.get(lang),
            "question_id": question_id,
            "question_anchor": "q-" + question_id.replace(".", "-"),
            "section_id": question.section,
            "evidence": kept,
            "removed": removed,
            "may_work": _may_work(request) and assessment.editable,
            **_upload_context(),
        },
    )


@csrf_exempt
def task_evidence(request: HttpRequest, org_slug: str, pk: int) -> HttpResponse:
    if request.method == "POST" and not limit_evidence_upload(request):
        return _refused_unread()
    return _task_evidence(request, org_slug, pk)


@organisation_view(Role.EDITOR)
@csrf_protect
def _task_evidence(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    task = _task(organisation, pk)
    if request.method == "POST":
        _receive(request, task.assessment, task=task)
    return redirect("task", org_slug=organisation.slug, pk=task.pk)


@organisation_view(Role.VIEWER)
def download_evidence(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    try:
        evidence = selectors.evidence_in(organisation, pk)
    except Evidence.DoesNotExist:
        raise Http404("No such file") from None
    try:
        content = evidence_service.evidence_path(evidence).open("rb")
    except FileNotFoundError:
        raise Http404("The file is missing from the evidence folder") from None
    response = FileResponse(
        content,
        as_attachment=True,
        filename=evidence.name,
        content_type=content_type_of(evidence.kind, evidence.name),
    )
    # Never shown inside tillid's pages: a browser saves it, and may not guess another type.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-cache"
    return response


@organisation_view(Role.EDITOR)
def remove_evidence(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    try:
        evidence = selectors.evidence_in(organisation, pk)
    except Evidence.DoesNotExist:
        raise Http404("No such file") from None
    if request.method == "POST":
        try:
            evidence_service.remove_evidence(evidence, request.user)  # type: ignore[arg-type]
            messages.success(
                request,
                _("%(name)s was removed. The history keeps a record of it.")
                % {"name": evidence.name},
            )
        except evidence_service.EvidenceError as error:
            messages.error(request, str(error))
    if evidence.task_id:
        return redirect("task", org_slug=organisation.slug, pk=evidence.task_id)
    return redirect(
        "question_evidence",
        org_slug=organisation.slug,
        pk=evidence.assessment_id,
        question_id=evidence.question_id,
    )
