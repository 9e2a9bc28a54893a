"""Reading AI literacy: what each system needs (from its latest assessment), who covers it, the gaps
per person, group and system, and the reminders the overview shows.

A need of a system is met when at least one person holds the role for that system and every such
person has a valid training record covering the competence (its area at the level, or higher). The
self-assessment is shown next to it but never closes a need: what a supervisor can check is the
training actually given.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from tillid.assessment.literacy import CompetenceNeed, covers, literacy_needs
from tillid.reports.literacy import ActivityEntry, LiteracyRecords, NeedEntry, TrainingEntry
from tillid.web.accounts.models import Organisation
from tillid.web.assessments.knowledge import knowledge_base
from tillid.web.assessments.models import Assessment
from tillid.web.assessments.services import evaluate_assessment
from tillid.web.inventory.models import AISystem
from tillid.web.literacy.models import (
    SelfAssessment,
    StaffGroup,
    StaffMember,
    TrainingActivity,
    TrainingRecord,
)

DUE_SOON = dt.timedelta(days=60)  # a training expiring within this shows on the overview
NEWLY_ASSESSED = dt.timedelta(days=30)  # a system assessed within this shows its new needs


def people_of(organisation: Organisation) -> QuerySet[StaffMember]:
    return StaffMember.objects.filter(organisation=organisation).prefetch_related(
        "groups",
        "systems",
        Prefetch("records", TrainingRecord.objects.select_related("activity")),
    )


def person_of(organisation: Organisation, pk: int) -> StaffMember | None:
    return people_of(organisation).filter(pk=pk).first()


def groups_of(organisation: Organisation) -> QuerySet[StaffGroup]:
    return StaffGroup.objects.filter(organisation=organisation)


def group_of(organisation: Organisation, pk: int) -> StaffGroup | None:
    return groups_of(organisation).filter(pk=pk).first()


def activities_of(organisation: Organisation) -> QuerySet[TrainingActivity]:
    return TrainingActivity.objects.filter(organisation=organisation)


def latest_self_assessment(person: StaffMember) -> SelfAssessment | None:
    return person.self_assessments.first()


def valid_competences(person: StaffMember, day: dt.date) -> list[str]:
    """The competences (measure ids) the person's valid training records cover on `day`."""
    found: list[str] = []
    for record in person.records.all():
        if record.valid_on(day):
            found += [c for c in record.activity.competences if c not in found]
    return found


def works_with(person: StaffMember, system: AISystem) -> bool:
    chosen = list(person.systems.all())
    return not chosen or system in chosen


@dataclass
class PersonStatus:
    person: StaffMember
    met: bool


@dataclass
class NeedStatus:
    system: AISystem
    assessment: Assessment
    need: CompetenceNeed
    people: list[PersonStatus] = field(default_factory=list)

    @property
    def met(self) -> bool:
        return bool(self.people) and all(p.met for p in self.people)

    @property
    def nobody(self) -> bool:
        return not self.people


def latest_assessments(organisation: Organisation) -> list[Assessment]:
    """Each system's newest assessment (whatever its review status: needs show while drafting)."""
    latest: dict[int, Assessment] = {}
    for assessment in (
        Assessment.objects.filter(organisation=organisation)
        .select_related("system")
        .order_by("system_id", "-created_at", "-pk")
    ):
        latest.setdefault(assessment.system_id, assessment)
    return sorted(latest.values(), key=lambda a: a.system.name)


def need_statuses(
    organisation: Organisation, day: dt.date, system: AISystem | None = None
) -> list[NeedStatus]:
    kb = knowledge_base()
    people = list(people_of(organisation))
    covered = {p.pk: valid_competences(p, day) for p in people}
    found = []
    for assessment in latest_assessments(organisation):
        if system is not None and assessment.system_id != system.pk:
            continue
        result = evaluate_assessment(assessment, as_of=day, with_trace=False)
        for need in literacy_needs(kb, result):
            status = NeedStatus(assessment.system, assessment, need)
            for person in people:
                if need.role in person.roles and works_with(person, assessment.system):
                    met = covers(kb, covered[person.pk], need.area, need.level)
                    status.people.append(PersonStatus(person, met))
            found.append(status)
    return found


@dataclass
class PersonGap:
    system: AISystem
    need: CompetenceNeed


def gaps_of_person(statuses: list[NeedStatus], person: StaffMember) -> list[PersonGap]:
    return [
        PersonGap(s.system, s.need)
        for s in statuses
        for p in s.people
        if p.person.pk == person.pk and not p.met
    ]


def needs_of_person(statuses: list[NeedStatus], person: StaffMember) -> list[NeedStatus]:
    return [s for s in statuses if any(p.person.pk == person.pk for p in s.people)]


@dataclass
class Coverage:
    label: str
    needed: int
    met: int

    @property
    def percent(self) -> int:
        return round(100 * self.met / self.needed) if self.needed else 100


def coverage_by_system(statuses: list[NeedStatus]) -> list[tuple[AISystem, Coverage]]:
    rows: dict[int, tuple[AISystem, Coverage]] = {}
    for s in statuses:
        _, coverage = rows.setdefault(s.system.pk, (s.system, Coverage(s.system.name, 0, 0)))
        coverage.needed += 1
        coverage.met += s.met
    return list(rows.values())


def coverage_by_person(
    statuses: list[NeedStatus], people: list[StaffMember]
) -> list[tuple[StaffMember, Coverage]]:
    rows = []
    for person in people:
        mine = [p for s in statuses for p in s.people if p.person.pk == person.pk]
        rows.append((person, Coverage(person.name, len(mine), sum(p.met for p in mine))))
    return rows


def coverage_of_group(statuses: list[NeedStatus], group: StaffGroup) -> Coverage:
    members = {m.pk for m in group.members.all()}
    mine = [p for s in statuses for p in s.people if p.person.pk in members]
    return Coverage(group.name, len(mine), sum(p.met for p in mine))


@dataclass
class DueTraining:
    record: TrainingRecord
    valid_until: dt.date
    expired: bool


def training_falling_due(organisation: Organisation, day: dt.date) -> list[DueTraining]:
    """Each person's latest record of an expiring activity that ends within DUE_SOON or has ended."""
    latest: dict[tuple[int, int], TrainingRecord] = {}
    for record in (
        TrainingRecord.objects.filter(organisation=organisation)
        .select_related("activity", "person")
        .order_by("-completed_on", "-pk")
    ):
        latest.setdefault((record.person_id, record.activity_id), record)
    due = []
    for record in latest.values():
        until = record.valid_until
        if until is not None and until <= day + DUE_SOON:
            due.append(DueTraining(record, until, until <= day))
    return sorted(due, key=lambda d: d.valid_until)


def new_needs(statuses: list[NeedStatus], now: dt.datetime) -> list[NeedStatus]:
    """Needs not yet met of systems whose latest assessment changed recently."""
    return [s for s in statuses if not s.met and s.assessment.updated_at >= now - NEWLY_ASSESSED]


def report_records(organisation: Organisation, day: dt.date) -> LiteracyRecords:
    """What the organisation's AI-literacy report documents, as plain records for the core."""
    statuses = need_statuses(organisation, day)
    activities = list(activities_of(organisation).prefetch_related("records"))
    records = (
        TrainingRecord.objects.filter(organisation=organisation)
        .select_related("person", "activity")
        .order_by("person__name", "-completed_on")
    )
    return LiteracyRecords(
        organisation=organisation.name,
        as_of=day,
        people=StaffMember.objects.filter(organisation=organisation).count(),
        activities=[
            ActivityEntry(
                a.title,
                list(a.competences),
                a.validity_months,
                len({r.person_id for r in a.records.all()}),
            )
            for a in activities
        ],
        trainings=[
            TrainingEntry(
                r.person.name,
                r.activity.title,
                r.completed_on,
                r.valid_until,
                " ".join(x for x in (r.evidence_note, r.evidence_reference) if x),
            )
            for r in records
        ],
        needs=[
            NeedEntry(
                system=s.system.name,
                role=s.need.role,
                competence=s.need.competence,
                obligations=list(s.need.obligations),
                citations=list(s.need.citations),
                trained=[p.person.name for p in s.people if p.met],
                untrained=[p.person.name for p in s.people if not p.met],
            )
            for s in statuses
        ],
    )
