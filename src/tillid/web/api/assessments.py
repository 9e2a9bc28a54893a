"""/api/v1/.../assessments: start, read and answer assessments; their result and documents.

Answers are saved all or nothing: when one answer is wrong or was changed by someone else since you
read it, none is saved, and the reply says which and why, so you can send the set again.
"""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

from django.db import transaction
from django.http import FileResponse, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Status
from ninja.errors import HttpError

from tillid.reports.documents import render_document
from tillid.reports.view import build_view
from tillid.web.accounts.models import Organisation, Role
from tillid.web.api.auth import acting_user, organisation_of, require
from tillid.web.api.problems import InputProblems
from tillid.web.api.schemas import (
    AnswerConflicts,
    AnswerOut,
    AnswersIn,
    AnswersSaved,
    AssessmentOut,
    DocumentFormat,
    DocumentKind,
    Id,
    Language,
    Problem,
    ResultQuery,
    responses,
)
from tillid.web.api.systems import found_system
from tillid.web.assessments import services
from tillid.web.assessments.knowledge import knowledge_base
from tillid.web.assessments.labels import language_of, outcome_labels
from tillid.web.assessments.models import Assessment
from tillid.web.assessments.selectors import (
    answers_with_versions,
    assessment_of,
    assessments_of_system,
)
from tillid.web.assessments.views import DOCUMENT_TYPES

router = Router(tags=["assessments"])


def found_assessment(organisation: Organisation, assessment_id: int) -> Assessment:
    assessment = assessment_of(organisation, assessment_id)
    if assessment is None:
        raise HttpError(
            404, _("There is no assessment %(id)s in your organisation.") % {"id": assessment_id}
        )
    return assessment


def assessment_out(request: HttpRequest, assessment: Assessment) -> dict[str, Any]:
    labels = outcome_labels(request.LANGUAGE_CODE)
    return {
        "id": assessment.pk,
        "system_id": assessment.system_id,
        "system_name": assessment.system.name,
        "status": assessment.status,
        "status_title": assessment.get_status_display(),
        "revision": assessment.revision,
        "version": assessment.version,
        "context": {
            "organisation_type": assessment.organisation_type,
            "country": assessment.country,
            "lifecycle_phase": assessment.lifecycle_phase,
        },
        "summary": {
            "risk_class": assessment.risk_class,
            "risk_class_title": labels.get(assessment.risk_class, ""),
            "impact_level": assessment.impact_level,
            "impact_level_title": labels.get(assessment.impact_level, ""),
            "complete": assessment.complete,
            "open_questions": assessment.open_questions,
            "open_measures": assessment.open_measures,
        },
        "pack_versions": assessment.pack_versions,
        "created_at": assessment.created_at,
        "updated_at": assessment.updated_at,
    }


@router.get(
    "/systems/{system_id}/assessments",
    response=responses({200: list[AssessmentOut]}, 404),
    summary="List a system's assessments",
)
def list_assessments(request: HttpRequest, system_id: Path[Id]) -> list[dict[str, Any]]:
    system = found_system(organisation_of(request), system_id)
    return [assessment_out(request, a) for a in assessments_of_system(system)]


@router.post(
    "/systems/{system_id}/assessments",
    response=responses({201: AssessmentOut}, 403, 404),
    summary="Start an assessment of a system",
)
def start_assessment(request: HttpRequest, system_id: Path[Id]) -> Status[dict[str, Any]]:
    require(request, Role.EDITOR)
    system = found_system(organisation_of(request), system_id)
    assessment = services.start_assessment(system, acting_user(request))  # type: ignore[arg-type]
    return Status(201, assessment_out(request, assessment))


@router.get(
    "/assessments/{assessment_id}",
    response=responses({200: AssessmentOut}, 404),
    summary="Get an assessment's status and summary",
)
def get_assessment(request: HttpRequest, assessment_id: Path[Id]) -> dict[str, Any]:
    return assessment_out(request, found_assessment(organisation_of(request), assessment_id))


def _answer_out(answer: Any) -> dict[str, Any]:
    return {
        "question_id": answer.question_id,
        "value": answer.value,
        "version": answer.version,
        "updated_by": answer.updated_by.username if answer.updated_by else None,
        "updated_at": answer.updated_at,
    }


@router.get(
    "/assessments/{assessment_id}/answers",
    response=responses({200: list[AnswerOut]}, 404),
    summary="Get all answers",
)
def get_answers(request: HttpRequest, assessment_id: Path[Id]) -> list[dict[str, Any]]:
    assessment = found_assessment(organisation_of(request), assessment_id)
    return [_answer_out(a) for a in answers_with_versions(assessment)]


def _inputs(payload: AnswersIn) -> list[services.AnswerInput]:
    counts = Counter(a.question_id for a in payload.answers)
    twice = [question_id for question_id, n in counts.items() if n > 1]
    if twice:
        raise InputProblems({q: _("The question is answered twice; send it once.") for q in twice})
    return [services.AnswerInput(a.question_id, a.value, a.version) for a in payload.answers]


@router.put(
    "/assessments/{assessment_id}/answers",
    response={
        **responses({200: AnswersSaved}, 400, 403, 404, 413),
        409: AnswerConflicts | Problem,
    },
    summary="Save a set of answers",
    description="Send each answer with the `version` you read (null for a question with no answer "
    "yet) and `value` null to clear it. All are saved, or none: 422 names answers that are not "
    "valid, 409 lists answers someone else changed since you read them, with their value and "
    "version, so you can decide and send again.",
)
def put_answers(
    request: HttpRequest, assessment_id: Path[Id], payload: AnswersIn
) -> Status[dict[str, Any]]:
    require(request, Role.EDITOR)
    assessment = found_assessment(organisation_of(request), assessment_id)
    inputs = _inputs(payload)
    with transaction.atomic():
        try:
            outcome = services.save_answers(assessment, acting_user(request), inputs)  # type: ignore[arg-type]
        except services.AssessmentError as error:
            raise HttpError(409, str(error)) from None
        if outcome.errors or outcome.conflicts:
            transaction.set_rollback(True)
    if outcome.errors:
        raise InputProblems(outcome.errors)
    if outcome.conflicts:
        return Status(409, _conflicts(assessment, outcome.conflicts))
    assessment.refresh_from_db()
    return Status(200, {"saved": outcome.saved, "assessment": assessment_out(request, assessment)})


def _conflicts(assessment: Assessment, conflicts: list[services.Conflict]) -> dict[str, Any]:
    versions = dict(answers_with_versions(assessment).values_list("question_id", "version"))
    return {
        "detail": " ".join(
            _(
                "%(by)s changed this answer while you were answering. Your answer was not saved. "
                "The answer now shown is theirs; change it again if yours is right."
            )
            % {"by": c.by}
            + f" ({c.question_id})"
            for c in conflicts
        ),
        "conflicts": [
            {
                "question_id": c.question_id,
                "yours": c.yours,
                "theirs": c.theirs,
                "current_version": versions.get(c.question_id),
                "by": c.by,
            }
            for c in conflicts
        ],
    }


@router.get(
    "/assessments/{assessment_id}/result",
    response=responses({200: dict[str, Any]}, 404),
    summary="The assessment's result",
    description="Without `lang`: the engine's result (ids, dates and the trace of every "
    "conclusion). With `lang`: the worded view the result page and the reports show.",
)
def get_result(
    request: HttpRequest, assessment_id: Path[Id], query: Query[ResultQuery]
) -> dict[str, Any]:
    assessment = found_assessment(organisation_of(request), assessment_id)
    result = services.evaluate_assessment(assessment, as_of=query.as_of)
    if query.lang is None:
        return result.to_dict()
    view = build_view(knowledge_base(), result, query.lang, assessment.system.name)
    return view.model_dump(mode="json")


@router.get(
    "/assessments/{assessment_id}/documents/{kind}.{fmt}",
    response=responses({200: None}, 404),
    summary="Download a document (report, DPIA, FRIA, procurement) as md, html, pdf or docx",
    openapi_extra={
        "responses": {
            200: {
                "description": "The document",
                "content": {
                    t.split(";")[0]: {"schema": {"type": "string", "format": "binary"}}
                    for t in DOCUMENT_TYPES.values()
                },
            }
        }
    },
)
def get_document(
    request: HttpRequest,
    assessment_id: Path[Id],
    kind: Path[DocumentKind],
    fmt: Path[DocumentFormat],
    lang: Language | None = None,
) -> FileResponse:
    assessment = found_assessment(organisation_of(request), assessment_id)
    language = language_of(lang or request.LANGUAGE_CODE)
    content = render_document(
        kind,
        knowledge_base(),
        services.evaluate_assessment(assessment),
        services.answer_set_of(assessment),
        language,
        fmt,
    )
    data = content.encode() if isinstance(content, str) else content
    name = f"tillid-{kind}-{assessment.pk}-{timezone.localdate().isoformat()}.{fmt}"
    response = FileResponse(
        io.BytesIO(data),
        as_attachment=fmt != "html",
        filename=name,
        content_type=DOCUMENT_TYPES[fmt],
    )
    return response
