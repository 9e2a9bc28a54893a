"""Reading the dashboards' figures.

An organisation's own figures read that organisation only, through the inventory's, the action
plan's and the catalogue's own selectors, so the dashboard says what those pages say. Figures across
organisations are built from the same readings, one organisation at a time, turned into plain units
(one per system or per shared catalogue entry) and released through `tillid.reports.anonymity`:
nothing below the thresholds leaves this module. Time is an argument (`as_of`) everywhere.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max

from tillid.reports.anonymity import Release, Thresholds, Unit, release_counts, release_totals
from tillid.web.accounts.models import Country, Organisation, OrganisationType
from tillid.web.actions.models import STILL_TO_DO, Task
from tillid.web.actions.selectors import DueFilter, falling_due, is_overdue
from tillid.web.assessments.knowledge import knowledge_base
from tillid.web.assessments.models import Assessment
from tillid.web.catalogue.challenges import CHALLENGES
from tillid.web.catalogue.models import Entry, EntryChallenge, Visibility
from tillid.web.catalogue.selectors import challenge_counts, organisation_entries
from tillid.web.inventory.models import AISystem, LifecyclePhase
from tillid.web.inventory.selectors import systems_of

# A group across organisations is shown only when it has systems from at least this many
# organisations: with two, each could subtract its own figure and learn the other's exactly.
MIN_ORGANISATIONS = 3
NOT_ASSESSED = "not_assessed"  # no assessment yet (the inventory says "Not yet assessed")
UNDETERMINED = "undetermined"  # assessed, risk class not yet settled ("Not yet determined")
NOTHING_TO_DO = "nothing_to_do"
TO_DO = "to_do"
OVERDUE = "overdue"
MEASURE_STATES = (NOTHING_TO_DO, TO_DO, OVERDUE)
AI_ACT_PACK = "eu-ai-act"
SHARED = (Visibility.SIGNED_IN, Visibility.PUBLIC)
FILTERS: dict[str, list[str]] = {
    "country": list(Country.values),
    "organisation_type": list(OrganisationType.values),
}


def thresholds() -> Thresholds:
    """k from the setting TILLID_DASHBOARD_MIN_GROUP (default 5), never below the organisations."""
    min_units = int(getattr(settings, "TILLID_DASHBOARD_MIN_GROUP", 5))
    return Thresholds(max(min_units, MIN_ORGANISATIONS), MIN_ORGANISATIONS)


def risk_classes() -> list[str]:
    """The pack's risk classes in its order, then "not yet determined" and "not yet assessed"."""
    risk = knowledge_base().classification["aia.risk_class"]
    return [v.id for v in risk.values] + [UNDETERMINED, NOT_ASSESSED]


# --- One organisation --------------------------------------------------------------------------


@dataclass(frozen=True)
class SystemFigures:
    system_id: int
    risk_class: str  # one of risk_classes()
    phase: str
    tasks_to_do: int
    tasks_overdue: int

    @property
    def measure_state(self) -> str:
        if self.tasks_overdue:
            return OVERDUE
        return TO_DO if self.tasks_to_do else NOTHING_TO_DO


def system_figures(organisation: Organisation, as_of: dt.date) -> list[SystemFigures]:
    """Each system with the risk class of its latest assessment, exactly as the inventory reads
    it, and its measures (action-plan tasks) still to do and overdue on `as_of`."""
    to_do: Counter[int] = Counter()
    overdue: Counter[int] = Counter()
    for task in Task.objects.filter(
        organisation=organisation, required=True, status__in=STILL_TO_DO
    ).select_related("assessment"):
        to_do[task.assessment.system_id] += 1
        if is_overdue(task, as_of):
            overdue[task.assessment.system_id] += 1
    figures = []
    for system in systems_of(organisation):
        latest_risk = system.latest_risk_class  # type: ignore[attr-defined]
        assessed = system.latest_assessment_id is not None  # type: ignore[attr-defined]
        figures.append(
            SystemFigures(
                system_id=system.pk,
                risk_class=latest_risk or (UNDETERMINED if assessed else NOT_ASSESSED),
                phase=system.lifecycle_phase,
                tasks_to_do=to_do[system.pk],
                tasks_overdue=overdue[system.pk],
            )
        )
    return figures


def ai_act_dates(as_of: dt.date) -> list[dt.date]:
    """The dates after `as_of` from which AI Act duties apply, under the version of the Act in
    force on `as_of` (from the pack, not from anyone's data)."""
    return sorted({d for d, ai_act in _pack_dates(as_of) if ai_act})


def known_future_dates(as_of: dt.date) -> list[dt.date]:
    """Every date after `as_of` from which any pack's duty applies, under the versions in force."""
    return sorted({d for d, _ in _pack_dates(as_of)})


def _pack_dates(as_of: dt.date) -> list[tuple[dt.date, bool]]:
    """(date, of the AI Act) for every date after `as_of` from which a duty may apply under the
    version in force. As the engine does, a version without a date of its own for a duty (or whose
    dates all have conditions that may not hold) keeps the date of the version before it."""
    kb = knowledge_base()
    found = []
    for obligation in kb.obligation.values():
        pack = kb.pack_of[obligation.id]
        versions = sorted(pack.meta.legal_versions, key=lambda v: v.in_force_from)
        current = [v for v in versions if v.in_force_from <= as_of] or versions[:1]
        possible: set[dt.date] = set()
        for version in current:
            entries = [e for e in obligation.applies_from if e.legal_version == version.id]
            if not entries:
                continue
            own: set[dt.date] = set()
            for entry in entries:
                own.add(entry.date)
                if entry.when is None:  # always holds: later entries and earlier versions unused
                    break
            else:
                own |= possible
            possible = own
        ai_act = pack.meta.id == AI_ACT_PACK
        found += [(day, ai_act) for day in possible if day > as_of]
    return found


@dataclass
class DueDate:
    date: dt.date
    systems: set[int] = field(default_factory=set)
    obligations: int = 0  # (system, duty) pairs starting on the date
    ai_act: bool = False  # an application date of the AI Act


def obligations_by_date(organisation: Organisation, as_of: dt.date) -> list[DueDate]:
    """Duties of the organisation's systems that start after `as_of`, by date, read through the
    action plan's "Obligations and tasks falling due"; every AI Act application date is listed
    even when none of the systems has a duty starting then."""
    dates = {d: DueDate(d, ai_act=True) for d in ai_act_dates(as_of)}
    for item in falling_due(organisation, DueFilter(), "en", as_of):
        if not item.obligation_id or item.date is None:
            continue
        due = dates.setdefault(item.date, DueDate(item.date))
        due.systems.add(item.system.pk)
        due.obligations += 1
    return [dates[d] for d in sorted(dates)]


def challenges_of(organisation: Organisation) -> tuple[int, dict[str, int]]:
    """(number of the organisation's catalogue entries, entries per challenge, most common first;
    the vocabulary's order among equals)."""
    entries = organisation_entries(organisation)
    counts = challenge_counts(entries)
    order = list(CHALLENGES)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], order.index(item[0])))
    return entries.count(), dict(ranked)


# --- Across organisations ----------------------------------------------------------------------


@dataclass(frozen=True)
class Across:
    """Everything the page across organisations may show, already suppressed."""

    thresholds: Thresholds
    systems: Release  # the systems' totals per view
    risk: Release
    phase: Release
    measures: Release  # systems by state of their measures; amount: measures still to do
    obligation_dates: tuple[str, ...]  # ISO dates, from the packs
    ai_act_dates: tuple[str, ...]  # those of them that are application dates of the AI Act
    obligations: Release  # systems with a duty starting on each date
    entries: Release  # shared catalogue entries' totals
    challenges: Release


def across_organisations(as_of: dt.date) -> Across:
    """The anonymised figures, computed once per state of the data (cached)."""
    limits = thresholds()
    state = f"{as_of.isoformat()}:{limits.min_units}:{limits.min_organisations}:{_fingerprint()}"
    key = "dashboards:across:" + hashlib.sha256(state.encode()).hexdigest()
    found: Across | None = cache.get(key)
    if found is None:
        found = _across(as_of, limits)
        cache.set(key, found, timeout=600)
    return found


def _fingerprint() -> str:
    """Changes whenever anything counted changes: rows added, removed or edited."""
    parts = [
        AISystem.objects.aggregate(n=Count("pk"), t=Max("updated_at")),
        Assessment.objects.aggregate(n=Count("pk"), t=Max("updated_at")),
        Task.objects.aggregate(n=Count("pk"), t=Max("updated_at")),
        Entry.objects.aggregate(n=Count("pk"), t=Max("updated_at")),
        EntryChallenge.objects.aggregate(n=Count("pk"), t=Max("pk")),
        list(Organisation.objects.order_by("pk").values_list("pk", "country", "organisation_type")),
    ]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:24]


def _place(organisation: Organisation) -> dict[str, str]:
    return {"country": organisation.country, "organisation_type": organisation.organisation_type}


def _across(as_of: dt.date, limits: Thresholds) -> Across:
    system_units: list[tuple[Organisation, SystemFigures]] = []
    obligation_units = []
    dates = [d.isoformat() for d in known_future_dates(as_of)]
    for organisation in Organisation.objects.order_by("pk"):
        for figures in system_figures(organisation, as_of):
            system_units.append((organisation, figures))
        starting: dict[int, set[str]] = {}
        for due in obligations_by_date(organisation, as_of):
            for system_id in due.systems:
                starting.setdefault(system_id, set()).add(due.date.isoformat())
        obligation_units += [
            Unit(organisation.pk, _place(organisation), frozenset(d for d in days if d in dates))
            for days in starting.values()
        ]

    def units(category: str, amount: str = "") -> list[Unit]:
        return [
            Unit(
                o.pk,
                _place(o),
                frozenset([getattr(f, category)]),
                getattr(f, amount) if amount else 0,
            )
            for o, f in system_units
        ]

    systems = release_totals(units("phase"), FILTERS, limits)
    return Across(
        thresholds=limits,
        systems=systems,
        risk=release_counts(units("risk_class"), risk_classes(), FILTERS, limits, totals=systems),
        phase=release_counts(
            units("phase"), LifecyclePhase.values, FILTERS, limits, totals=systems
        ),
        measures=release_counts(
            units("measure_state", "tasks_to_do"), MEASURE_STATES, FILTERS, limits, totals=systems
        ),
        obligation_dates=tuple(dates),
        ai_act_dates=tuple(d.isoformat() for d in ai_act_dates(as_of)),
        obligations=release_counts(obligation_units, dates, FILTERS, limits, exclusive=False),
        entries=release_totals(_entry_units(), FILTERS, limits),
        challenges=release_counts(
            _entry_units(), list(CHALLENGES), FILTERS, limits, exclusive=False
        ),
    )


def _entry_units() -> list[Unit]:
    """Catalogue entries their organisations chose to share; drafts stay out of every figure."""
    codes: dict[int, set[str]] = {}
    for entry_id, code in EntryChallenge.objects.filter(
        entry__visibility__in=SHARED, code__in=list(CHALLENGES)
    ).values_list("entry_id", "code"):
        codes.setdefault(entry_id, set()).add(code)
    return [
        Unit(entry.organisation_id, _place(entry.organisation), frozenset(codes.get(entry.pk, ())))
        for entry in Entry.objects.filter(visibility__in=SHARED).select_related("organisation")
    ]
