"""What a knowledge-pack update changed for an assessment, in the reader's words."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from tillid.knowledge.model import Language
from tillid.web.assessments.knowledge import knowledge_base


def _titles(kb: Any, classification_id: str, values: list[str] | None, lang: Language) -> str:
    classification = kb.classification.get(classification_id)
    if classification is None or not values:
        return "–"
    names = {v.id: v.title.get(lang) for v in classification.values}
    return ", ".join(names.get(v, v) for v in values)


def describe_change(kind: str, item: str, before: Any, after: Any, lang: Language) -> str:
    kb = knowledge_base()
    if kind == "classification":
        classification = kb.classification.get(item)
        title = classification.title.get(lang) if classification else item
        return _("%(title)s: %(before)s → %(after)s") % {
            "title": title,
            "before": _titles(kb, item, before, lang),
            "after": _titles(kb, item, after, lang),
        }
    if kind in ("obligation_added", "obligation_removed", "obligation_status", "obligation_date"):
        obligation = kb.obligation.get(item)
        title = obligation.title.get(lang) if obligation else item
        if kind == "obligation_added":
            return _("New duty: %(title)s") % {"title": title}
        if kind == "obligation_removed":
            return _("No longer a duty: %(title)s") % {"title": title}
        if kind == "obligation_date":
            return _("%(title)s: applies from %(after)s instead of %(before)s") % {
                "title": title,
                "before": before or "–",
                "after": after or "–",
            }
        return _("%(title)s: now %(after)s (was %(before)s)") % {
            "title": title,
            "before": before,
            "after": after,
        }
    if kind == "new_question":
        question = kb.question.get(item)
        return _("New question to answer: %(text)s") % {
            "text": question.text.get(lang) if question else item
        }
    return _("An earlier answer is no longer used (question %(id)s was removed).") % {"id": item}


def describe_changes(changes: list[Any], lang: Language) -> list[str]:
    """`changes`: reevaluate.Change objects or their stored dict form."""
    described = []
    for change in changes:
        if isinstance(change, dict):
            described.append(
                describe_change(
                    change["kind"], change["item"], change["before"], change["after"], lang
                )
            )
        else:
            described.append(
                describe_change(change.kind, change.item, change.before, change.after, lang)
            )
    return described
