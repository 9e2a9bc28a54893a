"""/api/v1/knowledge: which packs (and versions) tillid assesses with, and their questions."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Path, Router
from ninja.errors import HttpError

from tillid.web.api.schemas import KnowledgeOut, QuestionOut, responses
from tillid.web.assessments.knowledge import knowledge_base

router = Router(tags=["knowledge"])


@router.get(
    "", response=responses({200: KnowledgeOut}), summary="The knowledge packs and their versions"
)
def get_knowledge(request: HttpRequest) -> dict[str, Any]:
    return {
        "packs": [
            {"id": p.meta.id, "version": p.meta.version, "title": p.meta.title.model_dump()}
            for p in knowledge_base().packs
        ]
    }


@router.get(
    "/questions/{question_id}",
    response=responses({200: QuestionOut}, 404),
    summary="A question: its texts, options and when it is asked",
)
def get_question(request: HttpRequest, question_id: Path[str]) -> dict[str, Any]:
    kb = knowledge_base()
    question = kb.question.get(question_id)
    if question is None:
        raise HttpError(404, _("There is no question %(id)s.") % {"id": question_id})
    return {**question.model_dump(mode="json"), "pack": kb.pack_of[question.id].meta.id}
