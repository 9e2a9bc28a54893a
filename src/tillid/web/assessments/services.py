"""Changing assessments: answering, reviewing, approving. Every change is written to the history.

The engine (tillid.assessment) decides everything legal; these functions only store answers, call it
and keep the summary columns the inventory filters on up to date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tillid.assessment.answers import AnswerSet, normalise_answer
from tillid.assessment.reevaluate import Change as ResultChange
from tillid.assessment.reevaluate import compare_summaries
from tillid.assessment.result import Result, Summary
from tillid.knowledge.context import Context
from tillid.knowledge.model import Language, Question
from tillid.reports.view import ReportView, build_view
from tillid.web.accounts.models import User
from tillid.web.assessments.knowledge import engine, knowledge_base, pack_versions
from tillid.web.assessments.models import (
    Answer,
    ApprovedVersion,
    Assessment,
    Change,
    Comment,
    Status,
)
from tillid.web.inventory.models import AISystem


class AssessmentError(Exception):
    """Something the user asked for cannot be done; the message says why and what to do."""


@dataclass
class AnswerInput:
    question_id: str
    value: Any  # as the form sent it: str, list[str], or None/"" to clear
    seen_version: int | None  # the answer's version the form was made from; None: it had none


@dataclass
class Conflict:
    question_id: str
    yours: Any
    theirs: Any
    by: str


@dataclass
class SaveOutcome:
    saved: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)


def context_of(assessment: Assessment) -> Context:
    return Context(
        organisation_type=assessment.organisation_type,  # type: ignore[arg-type]
        country=assessment.country,  # type: ignore[arg-type]
        lifecycle_phase=assessment.lifecycle_phase,  # type: ignore[arg-type]
    )


def answers_of(assessment: Assessment) -> dict[str, Any]:
    return dict(assessment.answers.values_list("question_id", "value"))


def answer_set_of(assessment: Assessment) -> AnswerSet:
    return AnswerSet(
        title=assessment.system.name,
        context=context_of(assessment),
        answers=answers_of(assessment),
        packs=assessment.pack_versions or pack_versions(),
    )


def evaluate_assessment(
    assessment: Assessment, as_of: dt.date | None = None, with_trace: bool = True
) -> Result:
    return engine().evaluate(
        context_of(assessment),
        answers_of(assessment),
        as_of or timezone.localdate(),
        with_trace=with_trace,
    )


def worded_result(assessment: Assessment, language: Language) -> ReportView:
    """The result in words, cached until an answer, the packs or the date change (every answer
    saved updates `updated_at`), because evaluating with traces and wording it costs ~25 ms."""
    today = timezone.localdate()
    key = "result-view:" + ":".join(
        [
            str(assessment.pk),
            assessment.updated_at.isoformat(),
            language,
            today.isoformat(),
            ",".join(f"{k}={v}" for k, v in sorted(pack_versions().items())),
        ]
    )
    view: ReportView | None = cache.get(key)
    if view is None:
        outcome = evaluate_assessment(assessment, today)
        view = build_view(knowledge_base(), outcome, language, assessment.system.name)
        cache.set(key, view, timeout=3600)
    return view


def start_assessment(system: AISystem, user: User) -> Assessment:
    organisation = system.organisation
    with transaction.atomic():
        assessment = Assessment.objects.create(
            organisation=organisation,
            system=system,
            organisation_type=organisation.organisation_type,
            country=organisation.country,
            lifecycle_phase=system.lifecycle_phase,
            pack_versions=pack_versions(),
            created_by=user,
        )
        Change.objects.create(
            assessment=assessment, revision=1, kind=Change.Kind.CREATED, actor=user
        )
        refresh_summary(assessment)
    return assessment


def _storable(question_id: str, raw: Any) -> Any:
    """The answer as JSON, or AssessmentError naming the problem in the user's words."""
    question = knowledge_base().question.get(question_id)
    if question is None:
        raise AssessmentError(_("There is no question %(id)s.") % {"id": question_id})
    if "\x00" in str(raw):  # PostgreSQL cannot store it, and no real answer contains it
        raise AssessmentError(_("The answer contains a NUL character; remove it."))
    try:
        value = normalise_answer(question, raw)
    except ValueError:
        raise AssessmentError(_answer_problem(question, raw)) from None
    if isinstance(value, frozenset):
        return [o for o in question.option_ids() if o in value]  # in the order of the options
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _answer_problem(question: Question, raw: Any) -> str:
    """What is wrong with an answer, in the reader's language (the core's message is English)."""
    language = get_language() or "da"
    lang = language[:2] if language[:2] in ("da", "en", "sv") else "da"
    if question.kind == "multi":
        values = raw if isinstance(raw, list) else [raw]
        alone = [o for o in question.options if o.exclusive and o.id in values]
        if alone and len(set(values)) > 1:
            return _("“%(option)s” cannot be combined with other options.") % {
                "option": alone[0].label.get(lang)  # type: ignore[arg-type]
            }
        unknown = [str(v)[:80] for v in values if v not in question.option_ids()]
        return _("“%(value)s” is not one of the options: %(options)s.") % {
            "value": ", ".join(unknown) or str(raw)[:80],
            "options": ", ".join(question.option_ids()),
        }
    if question.kind == "single":
        return _("“%(value)s” is not one of the options: %(options)s.") % {
            "value": str(raw)[:80],
            "options": ", ".join(question.option_ids()),
        }
    if question.kind == "yes_no":
        return _("Answer yes or no.")
    if question.kind == "number":
        if question.minimum is not None and question.maximum is not None:
            return _("Write a number from %(min)g to %(max)g.") % {
                "min": question.minimum,
                "max": question.maximum,
            }
        if question.minimum is not None:
            return _("Write a number of at least %(min)g.") % {"min": question.minimum}
        if question.maximum is not None:
            return _("Write a number of at most %(max)g.") % {"max": question.maximum}
        return _("Write a number, e.g. 1200.")
    if question.kind == "date":
        return _("Write the date as YYYY-MM-DD, e.g. 2026-12-31.")
    return _("Write a text.")


def _is_empty(raw: Any) -> bool:
    return raw is None or raw == "" or raw == []


def save_answers(assessment: Assessment, user: User, inputs: list[AnswerInput]) -> SaveOutcome:
    """Saves each answer unless someone else changed it since the form was made (a conflict)."""
    if not assessment.editable:
        raise AssessmentError(
            _("This assessment is %(status)s and cannot be changed.")
            % {"status": assessment.get_status_display()}
        )
    outcome = SaveOutcome()
    with transaction.atomic():
        if packs_changed(assessment):
            # Record what the pack update changed before the answers change, or it is lost.
            reassess(assessment, user)
        for item in inputs:
            try:
                value = None if _is_empty(item.value) else _storable(item.question_id, item.value)
            except AssessmentError as error:
                outcome.errors[item.question_id] = str(error)
                continue
            _save_one(assessment, user, item, value, outcome)
        if outcome.saved:
            refresh_summary(assessment)
    return outcome


def _save_one(
    assessment: Assessment, user: User, item: AnswerInput, value: Any, outcome: SaveOutcome
) -> None:
    current = (
        Answer.objects.select_for_update()
        .filter(assessment=assessment, question_id=item.question_id)
        .first()
    )
    before = current.value if current else None
    if before == value:
        return
    if value is None and item.seen_version is None:
        # Unanswered when the page was made and left so: a whole-page save must not clear (or
        # report as a conflict) an answer someone else gave meanwhile.
        return
    current_version = current.version if current else None
    if current_version != item.seen_version:
        by = str(current.updated_by) if current and current.updated_by else "?"
        outcome.conflicts.append(Conflict(item.question_id, value, before, by))
        return
    if value is None:
        assert current is not None
        current.delete()
    elif current is None:
        Answer.objects.create(
            assessment=assessment, question_id=item.question_id, value=value, updated_by=user
        )
    else:
        current.value = value
        current.version = F("version") + 1
        current.updated_by = user
        current.save(update_fields=["value", "version", "updated_by", "updated_at"])
    Change.objects.create(
        assessment=assessment,
        revision=assessment.revision,
        kind=Change.Kind.ANSWER,
        question_id=item.question_id,
        before=before,
        after=value,
        actor=user,
    )
    outcome.saved.append(item.question_id)


def refresh_summary(assessment: Assessment) -> Result:
    """Re-evaluates and stores what lists and filters show (risk class, level, completeness)."""
    result = evaluate_assessment(assessment, with_trace=False)
    risk = next((c for c in result.classifications if c.id == "aia.risk_class"), None)
    assessment.risk_class = risk.values[0] if risk and risk.values else ""
    level = next((s.level for s in result.scores if s.level), None)
    assessment.impact_level = level or ""  # the level's fact id, e.g. impact.level_3
    assessment.complete = result.complete
    assessment.open_questions = len(result.open_questions)
    assessment.open_measures = len(result.measures)
    assessment.pack_versions = pack_versions()
    assessment.baseline = Summary.of(result).to_dict()
    assessment.baseline_as_of = result.as_of
    assessment.save(
        update_fields=[
            "risk_class",
            "impact_level",
            "complete",
            "open_questions",
            "open_measures",
            "pack_versions",
            "baseline",
            "baseline_as_of",
            "updated_at",
        ]
    )
    return result


def packs_changed(assessment: Assessment) -> bool:
    return bool(assessment.baseline) and assessment.pack_versions != pack_versions()


def pack_changes(assessment: Assessment) -> list[ResultChange]:
    """What the current packs conclude differently from the packs the assessment was made with,
    for the same answers and the same date."""
    if not assessment.baseline or assessment.baseline_as_of is None:
        return []
    before = Summary.from_dict(assessment.baseline)
    after = engine().summarise(
        context_of(assessment), answers_of(assessment), assessment.baseline_as_of
    )
    return compare_summaries(before, after)


def reassess(assessment: Assessment, user: User) -> list[ResultChange]:
    """Moves the assessment to the current pack versions and writes what changed to the history.
    An approved version stays frozen; start a new revision to approve the changed result."""
    changes = pack_changes(assessment)
    Change.objects.create(
        assessment=assessment,
        revision=assessment.revision,
        kind=Change.Kind.REASSESSED,
        before=assessment.pack_versions,
        after={
            "packs": pack_versions(),
            "changes": [
                {
                    "kind": c.kind,
                    "item": c.item,
                    "before": _plain(c.before),
                    "after": _plain(c.after),
                }
                for c in changes
            ],
        },
        actor=user,
    )
    refresh_summary(assessment)
    return changes


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _check_version(assessment: Assessment, seen_version: int) -> None:
    if assessment.version != seen_version:
        raise AssessmentError(
            _(
                "Someone else changed this assessment while you were looking at it. "
                "Reload the page to see the current state, then try again."
            )
        )


def _step(
    assessment: Assessment,
    user: User,
    seen_version: int,
    allowed_from: tuple[str, ...],
    to: Status,
    kind: Change.Kind,
    comment: str = "",
) -> None:
    _check_version(assessment, seen_version)
    if assessment.status not in allowed_from:
        raise AssessmentError(
            _("This cannot be done while the assessment is %(status)s.")
            % {"status": assessment.get_status_display()}
        )
    assessment.status = to
    assessment.version += 1
    assessment.save(update_fields=["status", "version", "updated_at"])
    Change.objects.create(
        assessment=assessment, revision=assessment.revision, kind=kind, comment=comment, actor=user
    )


def submit(assessment: Assessment, user: User, seen_version: int) -> None:
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        _step(
            locked,
            user,
            seen_version,
            (Status.DRAFT, Status.RETURNED),
            Status.SUBMITTED,
            Change.Kind.SUBMITTED,
        )
    assessment.refresh_from_db()


def return_for_changes(assessment: Assessment, user: User, seen_version: int, comment: str) -> None:
    if not comment.strip():
        raise AssessmentError(_("Say what must be changed: the comment is required."))
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        _step(
            locked,
            user,
            seen_version,
            (Status.SUBMITTED,),
            Status.RETURNED,
            Change.Kind.RETURNED,
            comment.strip(),
        )
        Comment.objects.create(assessment=locked, text=comment.strip(), author=user)
    assessment.refresh_from_db()


def approve(
    assessment: Assessment, user: User, seen_version: int, comment: str = ""
) -> ApprovedVersion:
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        _step(
            locked,
            user,
            seen_version,
            (Status.SUBMITTED,),
            Status.APPROVED,
            Change.Kind.APPROVED,
            comment.strip(),
        )
        result = evaluate_assessment(locked)
        frozen = ApprovedVersion.objects.create(
            assessment=locked,
            revision=locked.revision,
            answer_set=answer_set_of(locked).model_dump(mode="json", exclude_none=True),
            result=result.to_dict(),
            approved_by=user,
        )
    assessment.refresh_from_db()
    return frozen


def approved_result(frozen: ApprovedVersion) -> tuple[Result, AnswerSet]:
    """What was approved, as it was approved: the frozen result and answers. The documents word
    it with the packs installed now, so they must be the packs it was approved under."""
    result = Result.from_dict(frozen.result)
    then = {p.id: p.version for p in result.packs}
    now = pack_versions()
    if any(now.get(pack) != version for pack, version in then.items()):
        changed = ", ".join(
            f"{pack} {version} → {now.get(pack, '–')}"
            for pack, version in sorted(then.items())
            if now.get(pack) != version
        )
        raise AssessmentError(
            _(
                "Revision %(revision)d was approved under knowledge packs that have since been "
                "updated (%(changed)s), so its documents can no longer be made exactly as "
                "approved. Download the documents of the current revision, or keep the copy "
                "downloaded when it was approved."
            )
            % {"revision": frozen.revision, "changed": changed}
        )
    # PostgreSQL's jsonb does not keep the order of keys; the documents list facts in the engine's.
    order = engine().fact_order
    facts = {f: result.facts[f] for f in order if f in result.facts}
    facts.update({f: v for f, v in result.facts.items() if f not in facts})
    return replace(result, facts=facts), AnswerSet.model_validate(frozen.answer_set)


def reopen(assessment: Assessment, user: User, seen_version: int) -> None:
    """Starts a new revision of an approved assessment; the approved version stays frozen."""
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        _step(locked, user, seen_version, (Status.APPROVED,), Status.DRAFT, Change.Kind.REOPENED)
        locked.revision += 1
        locked.save(update_fields=["revision"])
    assessment.refresh_from_db()


def add_comment(assessment: Assessment, user: User, text: str, question_id: str = "") -> Comment:
    text = text.strip()
    if not text:
        raise AssessmentError(_("The comment is empty."))
    if len(text) > 5000:
        raise AssessmentError(_("The comment is longer than 5,000 characters; shorten it."))
    if question_id and question_id not in knowledge_base().question:
        raise AssessmentError(_("There is no question %(id)s.") % {"id": question_id})
    return Comment.objects.create(
        assessment=assessment, question_id=question_id, text=text, author=user
    )
