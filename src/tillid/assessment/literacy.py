"""AI literacy needs of one system: which staff roles need which competence, at which level, and why.

Read off an assessment result: every obligation that names an `audience` (a staff role, e.g. human
overseers) and still applies or may apply contributes its measures' competences (an area at a level)
to that role. Where several obligations ask the same role for the same area, the highest level wins
and all reasons are kept, so "why" is always answerable with the obligations and their citations.
The split into roles, areas and levels is the `ai-literacy` pack's; this module only reads it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from tillid.assessment.result import ObligationStatus, Result
from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.model import COMPETENCE_LEVELS, CompetenceLevel, GlossaryTerm, Measure

# A need that applies now outranks one from a later date, which outranks one still undetermined.
_STATUS_ORDER: tuple[ObligationStatus, ...] = ("applies_now", "applies_from", "undetermined")


def level_rank(level: CompetenceLevel) -> int:
    return COMPETENCE_LEVELS.index(level)


@dataclass(frozen=True)
class CompetenceNeed:
    role: str  # glossary term of the staff role, e.g. lit.role_overseer
    area: str  # glossary term of the competence area, e.g. lit.area_oversight
    level: CompetenceLevel  # the highest level any reason asks for
    competence: str  # the measure describing the area at that level
    status: ObligationStatus  # applies_now, applies_from or undetermined
    applies_from: dt.date | None
    obligations: tuple[str, ...]  # the reasons: obligations asking for it
    citations: tuple[str, ...]


def competences(kb: KnowledgeBase) -> list[Measure]:
    """Every competence the packs describe (measures with an area and a level)."""
    return [m for m in kb.measure.values() if m.competence]


def staff_roles(kb: KnowledgeBase) -> list[GlossaryTerm]:
    """The staff roles obligations are addressed to, in the order the packs define them."""
    used = {o.audience for o in kb.obligation.values() if o.audience}
    return [term for term in kb.glossary.values() if term.id in used]


def competence_areas(kb: KnowledgeBase) -> list[GlossaryTerm]:
    used = {m.competence.area for m in competences(kb) if m.competence}
    return [term for term in kb.glossary.values() if term.id in used]


def covers(kb: KnowledgeBase, covered: Iterable[str], area: str, level: CompetenceLevel) -> bool:
    """Whether competences `covered` (measure ids) include `area` at `level` or higher."""
    for measure_id in covered:
        measure = kb.measure.get(measure_id)
        competence = measure.competence if measure else None
        if (
            competence
            and competence.area == area
            and level_rank(competence.level) >= level_rank(level)
        ):
            return True
    return False


def literacy_needs(kb: KnowledgeBase, result: Result) -> list[CompetenceNeed]:
    """The competences each staff role needs for the assessed system, with their reasons."""
    needs: dict[tuple[str, str], CompetenceNeed] = {}
    for outcome in result.obligations:
        obligation = kb.obligation.get(outcome.id)
        if not obligation or not obligation.audience or outcome.status == "not_applicable":
            continue
        for measure_id in obligation.measures:
            competence = kb.measure[measure_id].competence
            if competence is None:
                continue
            key = (obligation.audience, competence.area)
            new = CompetenceNeed(
                role=obligation.audience,
                area=competence.area,
                level=competence.level,
                competence=measure_id,
                status=outcome.status,
                applies_from=outcome.applies_from,
                obligations=(obligation.id,),
                citations=tuple(obligation.citations),
            )
            needs[key] = _merge(needs[key], new) if key in needs else new
    roles = [t.id for t in staff_roles(kb)]
    areas = [t.id for t in competence_areas(kb)]
    return sorted(needs.values(), key=lambda n: (roles.index(n.role), areas.index(n.area)))


def _merge(old: CompetenceNeed, new: CompetenceNeed) -> CompetenceNeed:
    higher = new if level_rank(new.level) > level_rank(old.level) else old
    firmer = min(old, new, key=lambda n: _STATUS_ORDER.index(n.status))
    dates = [d for d in (old.applies_from, new.applies_from) if d]
    return CompetenceNeed(
        role=old.role,
        area=old.area,
        level=higher.level,
        competence=higher.competence,
        status=firmer.status,
        applies_from=min(dates) if dates else None,
        obligations=old.obligations + tuple(o for o in new.obligations if o not in old.obligations),
        citations=old.citations + tuple(c for c in new.citations if c not in old.citations),
    )
