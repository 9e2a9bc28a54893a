"""Changing the action plan: making tasks from an assessment's measures, and people's edits to them.

Which measures an assessment needs, and by when, is the engine's answer (tillid.assessment); these
functions turn that answer into tasks and keep them when the answer changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from tillid.assessment.result import MeasureResult
from tillid.web.accounts.models import Membership, User
from tillid.web.actions.models import STILL_TO_DO, Task, TaskChange, TaskStatus
from tillid.web.assessments.models import Assessment


class ActionError(Exception):
    """A change to the action plan that cannot be made; the message says why and what to do."""


class TaskConflict(ActionError):
    """Someone else changed the task since the form was made; nothing was saved."""


@dataclass
class SyncOutcome:
    added: int = 0
    updated: int = 0
    no_longer_required: int = 0
    removed: int = 0


@dataclass
class TaskEdit:
    """What a person sent for one task. `notes` None: the form did not show the notes."""

    seen_version: int
    owner_id: int | None
    due: dt.date | None
    status: str
    reason: str = ""
    notes: str | None = None


def planned_due(measure_due: dt.date | None, today: dt.date) -> dt.date | None:
    """When a task is due: the date the duty behind the measure applies from, or today when that
    date has passed (many duties have applied for years; "due in 1987" helps nobody plan)."""
    return max(measure_due, today) if measure_due else None


def sync_action_plan(
    assessment: Assessment,
    measures: Sequence[MeasureResult],
    by: User | None = None,
    today: dt.date | None = None,
) -> SyncOutcome:
    """Makes the plan match `measures`: a task per measure, due when the result says, unless a
    person already set another date. A task whose measure is gone is deleted only if nobody ever
    worked on it; otherwise it stays, marked as no longer required by the assessment."""
    today = today or timezone.localdate()
    outcome = SyncOutcome()
    with transaction.atomic():
        tasks = {
            t.measure_id: t
            for t in Task.objects.select_for_update(of=("self",))  # PostgreSQL: no outer join
            .select_related("owner")
            .filter(assessment=assessment)
        }
        for position, measure in enumerate(measures):
            task = tasks.pop(measure.id, None)
            if task is None:
                task = Task.objects.create(
                    organisation_id=assessment.organisation_id,
                    assessment=assessment,
                    measure_id=measure.id,
                    obligations=list(measure.obligations),
                    phases=list(measure.phases),
                    position=position,
                    result_due=measure.due,
                    due=planned_due(measure.due, today),
                )
                TaskChange.objects.create(
                    task=task, kind=TaskChange.Kind.CREATED, after=_readable(task), actor=by
                )
                outcome.added += 1
            elif _follow_result(task, measure, position, today, by):
                outcome.updated += 1
        for task in tasks.values():
            if not task.worked_on:
                task.delete()
                outcome.removed += 1
            elif task.required:
                task.required = False
                task.version = F("version") + 1
                task.save(update_fields=["required", "version", "updated_at"])
                TaskChange.objects.create(task=task, kind=TaskChange.Kind.NOT_REQUIRED, actor=by)
                outcome.no_longer_required += 1
        refresh_open_measures(assessment)
    return outcome


def _follow_result(
    task: Task, measure: MeasureResult, position: int, today: dt.date, by: User | None
) -> bool:
    """Updates what the result decides; True when something a person sees changed."""
    seen_before = (task.required, task.due)
    before = _readable(task)
    if measure.due != task.result_due and not task.due_moved:
        task.due = planned_due(measure.due, today)
    task.result_due = measure.due
    task.required = True
    task.obligations = list(measure.obligations)
    task.phases = list(measure.phases)
    task.position = position
    changed = seen_before != (task.required, task.due)
    fields = ["result_due", "due", "required", "obligations", "phases", "position"]
    if changed:
        task.version = F("version") + 1
        fields += ["version", "updated_at"]
    task.save(update_fields=fields)
    if changed:
        kind = TaskChange.Kind.REQUIRED if not seen_before[0] else TaskChange.Kind.CHANGED
        _record(task, kind, before, _readable(task), by)
    return changed


def _readable(task: Task) -> dict[str, str]:
    """The fields people set, as the history shows them."""
    return {
        "owner": str(task.owner) if task.owner_id else "",
        "due": task.due.isoformat() if task.due else "",
        "status": str(TaskStatus(task.status).label),
        "reason": task.reason,
        "notes": task.notes,
    }


def _record(
    task: Task, kind: str, before: dict[str, str], after: dict[str, str], by: User | None
) -> None:
    """Writes the fields that differ between before and after to the task's history."""
    changed = [k for k in after if before.get(k) != after[k]]
    TaskChange.objects.create(
        task=task,
        kind=kind,
        before={k: before.get(k, "") for k in changed},
        after={k: after[k] for k in changed},
        actor=by,
    )


def refresh_open_measures(assessment: Assessment) -> None:
    """Once an assessment has an action plan, its open measures are the tasks still to do; the
    inventory's "only with open measures" filter reads this column."""
    tasks = Task.objects.filter(assessment_id=assessment.pk)
    if not tasks.exists():
        return
    count = tasks.filter(required=True, status__in=STILL_TO_DO).count()
    Assessment.objects.filter(pk=assessment.pk).update(open_measures=count)
    assessment.open_measures = count


def update_task(task: Task, by: User, edit: TaskEdit) -> Task:
    """Saves a person's change to a task, unless someone else changed it since (TaskConflict)."""
    if edit.status not in TaskStatus.values:
        raise ActionError(_("Unknown status %(status)s.") % {"status": edit.status})
    reason = edit.reason.strip()
    if edit.status == TaskStatus.NOT_RELEVANT and not reason:
        raise ActionError(
            _("Say why the measure is not relevant: the reason is required for that status.")
        )
    if len(reason) > 2000:
        raise ActionError(_("The reason is longer than 2,000 characters; shorten it."))
    if edit.notes is not None and len(edit.notes) > 5000:
        raise ActionError(_("The notes are longer than 5,000 characters; shorten them."))
    if edit.owner_id is not None and not _is_member(task, edit.owner_id):
        raise ActionError(
            _("The chosen owner is not a member of %(organisation)s. Choose one of its members.")
            % {"organisation": task.organisation}
        )
    with transaction.atomic():
        current = (
            Task.objects.select_for_update(of=("self",))  # PostgreSQL locks no nullable join
            .select_related("updated_by")
            .get(pk=task.pk)
        )
        if current.version != edit.seen_version:
            raise TaskConflict(_conflict_message(current))
        before = _readable(current)
        current.owner_id = edit.owner_id
        current.due_moved = current.due_moved or current.due != edit.due
        current.due = edit.due
        current.status = edit.status
        current.reason = reason if edit.status == TaskStatus.NOT_RELEVANT else ""
        if edit.notes is not None:
            current.notes = edit.notes.strip()
        current.worked_on = True
        current.updated_by = by
        current.version = current.version + 1
        current.save()
        after = _readable(current)
        if after != before:
            _record(current, TaskChange.Kind.CHANGED, before, after, by)
        refresh_open_measures(current.assessment)
    return current


def _is_member(task: Task, user_id: int) -> bool:
    return Membership.objects.filter(organisation_id=task.organisation_id, user_id=user_id).exists()


def _conflict_message(current: Task) -> str:
    return _(
        "%(who)s changed this task at %(when)s while you were editing it. Your change was not "
        "saved; the task now shows theirs. Make your change again if it is still right."
    ) % {
        "who": current.updated_by or _("Someone"),
        "when": date_format(localtime(current.updated_at), "SHORT_DATETIME_FORMAT"),
    }


def record_evidence(task: Task, kind: str, name: str, sha256: str, by: User | None) -> None:
    """Evidence on a task is work on it: the task is kept even if its measure goes."""
    if not task.worked_on:
        Task.objects.filter(pk=task.pk).update(worked_on=True)
        task.worked_on = True
    TaskChange.objects.create(
        task=task, kind=kind, after={"file": name, "sha256": sha256}, actor=by
    )
