"""Reading action plans, what falls due and evidence. Every function is scoped to an organisation
or to an assessment already fetched for one: nothing is read across tenants."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from tillid.knowledge.citations import readable
from tillid.knowledge.model import Language
from tillid.reports.wording import say
from tillid.web.accounts.models import Organisation, User
from tillid.web.actions.models import STILL_TO_DO, Evidence, Task, TaskChange, TaskStatus
from tillid.web.assessments.knowledge import knowledge_base
from tillid.web.assessments.models import Assessment
from tillid.web.assessments.services import evaluate_assessment
from tillid.web.inventory.models import AISystem


@dataclass
class MeasureText:
    title: str
    text: str
    who: list[str]
    evidence: str


@dataclass
class ObligationText:
    id: str
    title: str
    citations: list[str]


@dataclass
class TaskRow:
    task: Task
    measure: MeasureText
    obligations: list[ObligationText]
    overdue: bool
    evidence_count: int = 0


@dataclass
class DueItem:
    """One line of "Obligations and tasks falling due": a task, or an obligation from a date."""

    date: dt.date | None
    title: str
    system: AISystem
    assessment: Assessment
    overdue: bool
    task: Task | None = None
    obligation_id: str = ""
    citations: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DueFilter:
    system: int | None = None
    owner: int | None = None  # 0: tasks nobody owns
    status: str = "todo"  # todo (open or in progress), all, or one TaskStatus

    @property
    def shows_obligations(self) -> bool:
        """Obligations have no owner or status, so they are shown only when those are not filtered."""
        return self.owner is None and self.status in ("todo", "all")


def measure_text(measure_id: str, lang: Language) -> MeasureText:
    measure = knowledge_base().measure.get(measure_id)
    if measure is None:  # the pack no longer has it; the task keeps its id
        return MeasureText(measure_id, "", [], "")
    return MeasureText(
        title=measure.title.get(lang),
        text=measure.text.get(lang),
        who=[say(f"who.{w}", lang) for w in measure.who],
        evidence=measure.evidence.get(lang),
    )


def obligation_texts(obligation_ids: list[str], lang: Language) -> list[ObligationText]:
    kb = knowledge_base()
    texts = []
    for obligation_id in obligation_ids:
        obligation = kb.obligation.get(obligation_id)
        if obligation is None:
            texts.append(ObligationText(obligation_id, obligation_id, []))
        else:
            texts.append(
                ObligationText(
                    obligation_id,
                    obligation.title.get(lang),
                    [readable(c, lang) for c in obligation.citations],
                )
            )
    return texts


def is_overdue(task: Task, today: dt.date) -> bool:
    return task.still_to_do and task.due is not None and task.due < today


def tasks_of(assessment: Assessment) -> QuerySet[Task]:
    return (
        Task.objects.filter(assessment=assessment)
        .select_related("owner", "updated_by")
        .annotate(evidence_count=Count("evidence", filter=Q(evidence__removed_at__isnull=True)))
    )


def task_rows(tasks: QuerySet[Task] | list[Task], lang: Language, today: dt.date) -> list[TaskRow]:
    return [
        TaskRow(
            task=task,
            measure=measure_text(task.measure_id, lang),
            obligations=obligation_texts(task.obligations, lang),
            overdue=is_overdue(task, today),
            evidence_count=getattr(task, "evidence_count", 0),
        )
        for task in tasks
    ]


def task_of(organisation: Organisation, pk: int) -> Task:
    """The task, or Task.DoesNotExist when it is not this organisation's."""
    return Task.objects.select_related("assessment__system", "owner", "updated_by").get(
        organisation=organisation, pk=pk
    )


def members_of(organisation: Organisation) -> list[User]:
    return list(
        User.objects.filter(memberships__organisation=organisation).order_by(
            "first_name", "last_name", "username"
        )
    )


def latest_assessments(organisation: Organisation) -> list[Assessment]:
    """Each system's latest assessment (the one the inventory shows)."""
    latest: dict[int, Assessment] = {}
    for assessment in (
        Assessment.objects.filter(organisation=organisation)
        .select_related("system")
        .order_by("system_id", "-created_at", "-pk")
    ):
        latest.setdefault(assessment.system_id, assessment)
    return list(latest.values())


def falling_due(
    organisation: Organisation, want: DueFilter, lang: Language, today: dt.date
) -> list[DueItem]:
    """Tasks still to do (or as filtered) and obligations that apply from a future date, by date;
    undated items last."""
    tasks = Task.objects.filter(organisation=organisation, required=True).select_related(
        "owner", "assessment__system"
    )
    if want.system:
        tasks = tasks.filter(assessment__system_id=want.system)
    if want.owner == 0:
        tasks = tasks.filter(owner__isnull=True)
    elif want.owner:
        tasks = tasks.filter(owner_id=want.owner)
    if want.status == "todo":
        tasks = tasks.filter(status__in=STILL_TO_DO)
    elif want.status in TaskStatus.values:
        tasks = tasks.filter(status=want.status)
    items = [
        DueItem(
            date=task.due,
            title=measure_text(task.measure_id, lang).title,
            system=task.assessment.system,
            assessment=task.assessment,
            overdue=is_overdue(task, today),
            task=task,
        )
        for task in tasks
    ]
    if want.shows_obligations:
        items += _future_obligations(organisation, want, lang, today)
    return sorted(items, key=lambda i: (i.date is None, i.date or today, i.system.name, i.title))


def _future_obligations(
    organisation: Organisation, want: DueFilter, lang: Language, today: dt.date
) -> list[DueItem]:
    kb = knowledge_base()
    items = []
    for assessment in latest_assessments(organisation):
        if want.system and assessment.system_id != want.system:
            continue
        result = evaluate_assessment(assessment, as_of=today, with_trace=False)
        for obligation in result.obligations:
            if obligation.status != "applies_from" or obligation.applies_from is None:
                continue
            if obligation.applies_from <= today:
                continue
            known = kb.obligation.get(obligation.id)
            items.append(
                DueItem(
                    date=obligation.applies_from,
                    title=known.title.get(lang) if known else obligation.id,
                    system=assessment.system,
                    assessment=assessment,
                    overdue=False,
                    obligation_id=obligation.id,
                    citations=[readable(c, lang) for c in known.citations] if known else [],
                )
            )
    return items


def evidence_of(
    assessment: Assessment, *, question_id: str = "", task: Task | None = None
) -> tuple[list[Evidence], list[Evidence]]:
    """(files kept, files removed) for a question or a task, oldest first."""
    found = Evidence.objects.filter(assessment=assessment).select_related(
        "uploaded_by", "removed_by"
    )
    found = found.filter(task=task) if task is not None else found.filter(question_id=question_id)
    kept = [e for e in found if not e.removed]
    return kept, [e for e in found if e.removed]


def evidence_by_question(assessment: Assessment) -> dict[str, list[Evidence]]:
    """The files kept behind each question, in one query for the whole questionnaire page."""
    by_question: dict[str, list[Evidence]] = {}
    for evidence in Evidence.objects.filter(
        assessment=assessment, task__isnull=True, removed_at__isnull=True
    ).exclude(question_id=""):
        by_question.setdefault(evidence.question_id, []).append(evidence)
    return by_question


def evidence_in(organisation: Organisation, pk: int) -> Evidence:
    """A file still kept, or Evidence.DoesNotExist when it is not this organisation's."""
    return Evidence.objects.select_related("assessment", "task").get(
        organisation=organisation, pk=pk, removed_at__isnull=True
    )


HISTORY_FIELDS = {
    "owner": _("Owner"),
    "due": _("Due date"),
    "status": _("Status"),
    "reason": _("Reason if not relevant"),
    "notes": _("Notes"),
    "file": _("File"),
    "sha256": "SHA-256",
}


@dataclass
class HistoryLine:
    field: str
    before: str
    after: str


@dataclass
class HistoryEntry:
    change: TaskChange
    lines: list[HistoryLine]


def task_history(task: Task) -> list[HistoryEntry]:
    """The task's changes, oldest first, each field as "before → after"."""
    return [
        HistoryEntry(
            change,
            [
                HistoryLine(str(HISTORY_FIELDS.get(k, k)), change.before.get(k, ""), value)
                for k, value in change.after.items()
            ],
        )
        for change in task.changes.select_related("actor")
    ]
