from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from tillid.reports.documents import DOCUMENT_KINDS, render_document
from tillid.web.accounts.models import Organisation, Role
from tillid.web.accounts.permissions import organisation_view
from tillid.web.assessments import services
from tillid.web.assessments.changes import describe_changes
from tillid.web.assessments.knowledge import knowledge_base, pack_versions
from tillid.web.assessments.labels import language_of, outcome_labels
from tillid.web.assessments.models import Assessment
from tillid.web.assessments.questionnaire import sections, show_typed
from tillid.web.inventory.models import AISystem

DOCUMENT_TITLES = {
    "report": gettext_lazy("Assessment report"),
    "dpia": gettext_lazy("DPIA draft"),
    "fria": gettext_lazy("Fundamental-rights impact assessment draft"),
    "procurement": gettext_lazy("Procurement requirements annex"),
}
DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
}


def _assessment(organisation: Organisation, pk: int) -> Assessment:
    found = (
        Assessment.objects.select_related("system").filter(organisation=organisation, pk=pk).first()
    )
    if found is None:
        raise Http404("No such assessment")
    return found


def _common(request: HttpRequest, assessment: Assessment) -> dict[str, Any]:
    membership = request.membership  # type: ignore[attr-defined]
    return {
        "assessment": assessment,
        "system": assessment.system,
        "labels": outcome_labels(request.LANGUAGE_CODE),
        "can_edit": assessment.editable and membership.allows(Role.EDITOR),
        "can_review": membership.allows(Role.REVIEWER),
        "can_comment": membership.allows(Role.EDITOR),
    }


@organisation_view(Role.EDITOR)
def start(request: HttpRequest, organisation: Organisation, system_pk: int) -> HttpResponse:
    system = AISystem.objects.filter(organisation=organisation, pk=system_pk).first()
    if system is None:
        raise Http404
    if request.method != "POST":
        return redirect("system_detail", org_slug=organisation.slug, pk=system.pk)
    assessment = services.start_assessment(system, request.user)  # type: ignore[arg-type]
    return redirect("assessment", org_slug=organisation.slug, pk=assessment.pk)


@organisation_view(Role.VIEWER)
def overview(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    assessment = _assessment(organisation, pk)
    lang = language_of(request.LANGUAGE_CODE)
    pages = sections(assessment, lang)
    first_open = next((s for s in pages if s.answered < len(s.questions)), None)
    update = None
    if services.packs_changed(assessment):
        update = {
            "before": assessment.pack_versions,
            "after": pack_versions(),
            "changes": describe_changes(services.pack_changes(assessment), lang),
        }
    return render(
        request,
        "assessments/overview.html",
        {
            **_common(request, assessment),
            "sections": pages,
            "first_open": first_open,
            "complete": first_open is None,  # live: the stored summary may predate a pack update
            "pack_update": update,
        },
    )


@organisation_view(Role.EDITOR)
def reassess(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    assessment = _assessment(organisation, pk)
    if request.method == "POST" and services.packs_changed(assessment):
        changes = services.reassess(assessment, request.user)  # type: ignore[arg-type]
        messages.success(
            request,
            ngettext(
                "Re-assessed with the current knowledge packs: %(n)d change, recorded in the history.",
                "Re-assessed with the current knowledge packs: %(n)d changes, recorded in the history.",
                len(changes),
            )
            % {"n": len(changes)},
        )
    return redirect("assessment", org_slug=organisation.slug, pk=pk)


def _inputs(request: HttpRequest) -> list[services.AnswerInput]:
    inputs = []
    # htmx posts one question as it changes ("only"); a plain form post sends the whole section.
    only = request.POST.get("only")
    for question_id in [only] if only else request.POST.getlist("question"):
        question = knowledge_base().question.get(question_id)
        if question is None:
            continue
        key = f"a:{question_id}"
        value: Any = (
            request.POST.getlist(key) if question.kind == "multi" else request.POST.get(key, "")
        )
        seen = request.POST.get(f"v:{question_id}", "")
        inputs.append(
            services.AnswerInput(question_id, value, int(seen) if seen.isdigit() else None)
        )
    return inputs


@organisation_view(Role.VIEWER)
def section(
    request: HttpRequest, organisation: Organisation, pk: int, section_id: str
) -> HttpResponse:
    assessment = _assessment(organisation, pk)
    lang = language_of(request.LANGUAGE_CODE)
    outcome = services.SaveOutcome()
    problem = ""  # why nothing could be saved (e.g. approved meanwhile), shown in the form
    typed: dict[str, Any] = {}
    if request.method == "POST":
        if not request.membership.allows(Role.EDITOR):  # type: ignore[attr-defined]
            return HttpResponse(status=403)
        inputs = _inputs(request)
        typed = {i.question_id: i.value for i in inputs}
        try:
            outcome = services.save_answers(assessment, request.user, inputs)  # type: ignore[arg-type]
        except services.AssessmentError as error:
            problem = str(error)
        if not request.htmx and not (problem or outcome.errors or outcome.conflicts):  # type: ignore[attr-defined]
            return _after_section(request, organisation, assessment, section_id, lang)
    pages = sections(assessment, lang)
    current = next((s for s in pages if s.id == section_id), None)
    if current is None:
        # The answers changed which sections are shown; go back to the overview.
        return redirect("assessment", org_slug=organisation.slug, pk=assessment.pk)
    for question in current.questions:
        question.error = outcome.errors.get(question.id, "")
        if question.error and question.id in typed:
            # Show what the person typed next to the message, so they can correct it, not retype it.
            show_typed(question, typed[question.id])
        question.conflict = next(
            (c for c in outcome.conflicts if c.question_id == question.id), None
        )
    index = [s.id for s in pages].index(section_id)
    context = {
        **_common(request, assessment),
        "sections": pages,
        "section": current,
        "previous": pages[index - 1] if index > 0 else None,
        "next": pages[index + 1] if index + 1 < len(pages) else None,
        "saved": outcome.saved,
        "problem": problem,
    }
    template = "assessments/_section_form.html" if request.htmx else "assessments/section.html"  # type: ignore[attr-defined]
    return render(request, template, context)


def _after_section(
    request: HttpRequest,
    organisation: Organisation,
    assessment: Assessment,
    section_id: str,
    lang: Any,
) -> HttpResponse:
    pages = sections(assessment, lang)
    ids = [s.id for s in pages]
    if request.POST.get("go") == "previous" and section_id in ids and ids.index(section_id) > 0:
        target = ids[ids.index(section_id) - 1]
    elif section_id in ids and ids.index(section_id) + 1 < len(ids):
        target = ids[ids.index(section_id) + 1]
    else:
        return redirect("assessment_result", org_slug=organisation.slug, pk=assessment.pk)
    return redirect(
        "assessment_section", org_slug=organisation.slug, pk=assessment.pk, section_id=target
    )


@organisation_view(Role.VIEWER)
def result(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    assessment = _assessment(organisation, pk)
    lang = language_of(request.LANGUAGE_CODE)
    return render(
        request,
        "assessments/result.html",
        {
            **_common(request, assessment),
            "view": services.worded_result(assessment, lang),
            "document_kinds": DOCUMENT_KINDS,
        },
    )


@organisation_view(Role.VIEWER)
def document(
    request: HttpRequest, organisation: Organisation, pk: int, kind: str, fmt: str
) -> HttpResponse:
    assessment = _assessment(organisation, pk)
    if kind not in DOCUMENT_KINDS or fmt not in DOCUMENT_TYPES:
        raise Http404("Unknown document")
    lang = language_of(request.GET.get("lang") or request.LANGUAGE_CODE)
    revision = request.GET.get("revision", "")
    if revision:
        # An approved revision's document: made from what was frozen at approval, never from
        # today's answers.
        frozen = assessment.approved_versions.filter(
            revision=int(revision) if revision.isdigit() and len(revision) < 9 else -1
        ).first()
        if frozen is None:
            raise Http404("No approved revision with this number")
        try:
            outcome, answers = services.approved_result(frozen)
        except services.AssessmentError as error:
            return render(
                request,
                "assessments/document_unavailable.html",
                {**_common(request, assessment), "problem": str(error)},
                status=409,
            )
    else:
        outcome = services.evaluate_assessment(assessment)
        answers = services.answer_set_of(assessment)
    content = render_document(
        kind,
        knowledge_base(),
        outcome,
        answers,
        lang,
        fmt,  # type: ignore[arg-type]
    )
    response = HttpResponse(content, content_type=DOCUMENT_TYPES[fmt])
    stamp = f"r{revision}" if revision else timezone.localdate().isoformat()
    name = f"tillid-{kind}-{assessment.pk}-{stamp}.{fmt}"
    disposition = "inline" if fmt == "html" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    return response


@organisation_view(Role.VIEWER)
def review(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    assessment = _assessment(organisation, pk)
    if request.method != "POST":
        return redirect("assessment", org_slug=organisation.slug, pk=pk)
    membership = request.membership  # type: ignore[attr-defined]
    action = request.POST.get("action", "")
    version = request.POST.get("version", "")
    seen = int(version) if version.isdigit() else 0  # a broken page: refused as out of date
    needed = Role.EDITOR if action in ("submit", "reopen") else Role.REVIEWER
    if not membership.allows(needed):
        return HttpResponse(status=403)
    try:
        if action == "submit":
            services.submit(assessment, request.user, seen)  # type: ignore[arg-type]
            messages.success(request, _("Submitted for review."))
        elif action == "approve":
            services.approve(assessment, request.user, seen, request.POST.get("comment", ""))  # type: ignore[arg-type]
            messages.success(request, _("Approved. This version is now frozen."))
        elif action == "return":
            services.return_for_changes(
                assessment, request.user, seen, request.POST.get("comment", "")
            )  # type: ignore[arg-type]
            messages.success(request, _("Returned to the editors with your comments."))
        elif action == "reopen":
            services.reopen(assessment, request.user, seen)  # type: ignore[arg-type]
            messages.success(
                request, _("A new revision was started. The approved version is kept.")
            )
        else:
            raise Http404
    except services.AssessmentError as error:
        messages.error(request, str(error))
    return redirect("assessment", org_slug=organisation.slug, pk=pk)


@organisation_view(Role.VIEWER)
def comment(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    assessment = _assessment(organisation, pk)
    if request.method == "POST":
        if not request.membership.allows(Role.EDITOR):  # type: ignore[attr-defined]
            return HttpResponse(status=403)  # viewers read; commenting is taking part
        try:
            services.add_comment(
                assessment,
                request.user,
                request.POST.get("text", ""),
                request.POST.get("question", ""),  # type: ignore[arg-type]
            )
        except services.AssessmentError as error:
            messages.error(request, str(error))
    back = request.POST.get("back", "")
    if back.startswith("/o/"):
        return redirect(back)
    return redirect("assessment", org_slug=organisation.slug, pk=pk)


@organisation_view(Role.VIEWER)
def history(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    assessment = _assessment(organisation, pk)
    lang = language_of(request.LANGUAGE_CODE)
    kb = knowledge_base()
    changes = []
    for change in assessment.changes.select_related("actor"):
        if change.kind == change.Kind.REASSESSED:
            changes.append(_reassessed_row(change, lang))
            continue
        question = kb.question.get(change.question_id)
        changes.append(
            {
                "change": change,
                "question": question.text.get(lang) if question else change.question_id,
                "before": _words(question, change.before, lang),
                "after": _words(question, change.after, lang),
            }
        )
    approved = list(assessment.approved_versions.select_related("approved_by"))
    return render(
        request,
        "assessments/history.html",
        {
            **_common(request, assessment),
            "changes": changes,
            "approved_versions": approved,
            "document_titles": [(kind, DOCUMENT_TITLES[kind]) for kind in DOCUMENT_KINDS],
            "since_approval": _since_approval(assessment, approved[0], lang) if approved else None,
        },
    )


def _since_approval(assessment: Assessment, approved: Any, lang: Any) -> list[dict[str, str]]:
    """Every answer that differs from the last approved version: the diff a reviewer needs."""
    kb = knowledge_base()
    before = approved.answer_set.get("answers", {})
    now = services.answers_of(assessment)
    rows = []
    for question in kb.questions:
        old, new = before.get(question.id), now.get(question.id)
        if old != new:
            rows.append(
                {
                    "question": question.text.get(lang),
                    "before": _words(question, old, lang),
                    "after": _words(question, new, lang),
                }
            )
    return rows


def _reassessed_row(change: Any, lang: Any) -> dict[str, Any]:
    after = change.after or {}
    versions = ", ".join(
        f"{pack} {change.before.get(pack, '–')} → {version}"
        for pack, version in after.get("packs", {}).items()
        if (change.before or {}).get(pack) != version
    )
    return {
        "change": change,
        "question": versions,
        "before": "",
        "after": "; ".join(describe_changes(after.get("changes", []), lang)) or _("No change."),
    }


def _words(question: Any, value: Any, lang: Any) -> str:
    from tillid.reports.view import answer_text

    if question is None or value is None:
        return "" if value is None else str(value)
    return answer_text(question, value, lang)
