"""`{% question_evidence q %}`: the files behind a question, under it on the questionnaire page."""

from __future__ import annotations

from typing import Any

from django import template

from tillid.web.actions.selectors import evidence_by_question

register = template.Library()


@register.inclusion_tag("actions/_question_evidence.html", takes_context=True)
def question_evidence(context: template.Context, question: Any) -> dict[str, Any]:
    assessment = context["assessment"]
    request = context.get("request")
    # One query per page, not per question: kept on the request for the rest of the page.
    cache: dict[int, dict[str, list[Any]]] = getattr(request, "_evidence_by_question", {})
    if assessment.pk not in cache:
        cache[assessment.pk] = evidence_by_question(assessment)
        if request is not None:
            request._evidence_by_question = cache  # type: ignore[attr-defined]
    return {
        "organisation": context.get("organisation"),
        "assessment": assessment,
        "question": question,
        "files": cache[assessment.pk].get(question.id, []),
        "can_edit": context.get("can_edit", False),
    }
