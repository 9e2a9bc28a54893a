"""Words for the ids the web app stores (risk classes, impact levels), taken from the packs."""

from __future__ import annotations

from functools import cache

from tillid.knowledge.model import Language
from tillid.web.assessments.knowledge import knowledge_base


def language_of(code: str | None) -> Language:
    return code if code in ("da", "en", "sv") else "da"  # type: ignore[return-value]


@cache
def outcome_labels(language: str) -> dict[str, str]:
    """Fact id -> title for every classification value and score level."""
    kb = knowledge_base()
    lang = language_of(language)
    labels = {}
    for classification in kb.classification.values():
        for value in classification.values:
            labels[value.id] = value.title.get(lang)
            labels[value.fact] = value.title.get(lang)
    for score in kb.score.values():
        for level in score.levels:
            labels[level.fact] = level.title.get(lang)
    return labels
