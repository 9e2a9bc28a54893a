"""Changing AI-literacy records: people, groups, training activities and records, self-assessments.

Every id that comes from a form (a role, a competence, a system, a group, an activity) is checked
against the packs or against the organisation's own rows, so nothing can point at another
organisation or at a competence the packs do not know.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from tillid.assessment.literacy import competence_areas, competences, staff_roles
from tillid.knowledge.model import COMPETENCE_LEVELS
from tillid.web.accounts.models import Organisation, User
from tillid.web.assessments.knowledge import knowledge_base
from tillid.web.inventory.models import AISystem
from tillid.web.literacy.models import (
    SelfAssessment,
    StaffGroup,
    StaffMember,
    TrainingActivity,
    TrainingRecord,
)

SELF_LEVELS = ("none", *COMPETENCE_LEVELS)


class LiteracyError(Exception):
    """Input that cannot be saved; the message says what is wrong and how to fix it."""


@dataclass
class PersonInput:
    name: str
    job_title: str = ""
    roles: list[str] = field(default_factory=list)
    group_ids: list[int] = field(default_factory=list)
    system_ids: list[int] = field(default_factory=list)
    user_id: int | None = None


def _check_roles(roles: list[str]) -> list[str]:
    known = [t.id for t in staff_roles(knowledge_base())]
    unknown = [r for r in roles if r not in known]
    if unknown:
        raise LiteracyError(_("Unknown role: %(role)s.") % {"role": ", ".join(unknown)})
    return [r for r in known if r in roles]  # the framework's order, no repeats


def _own(model: type, organisation: Organisation, ids: list[int], what: str) -> list:
    found = list(model.objects.filter(organisation=organisation, pk__in=ids))
    if len(found) != len(set(ids)):
        raise LiteracyError(_("Choose %(what)s of this organisation.") % {"what": what})
    return found


def _user(organisation: Organisation, user_id: int | None) -> User | None:
    if user_id is None:
        return None
    user = User.objects.filter(pk=user_id, memberships__organisation=organisation).first()
    if user is None:
        raise LiteracyError(_("Choose a user who is a member of this organisation."))
    return user


def save_person(
    organisation: Organisation, data: PersonInput, person: StaffMember | None = None
) -> StaffMember:
    name = data.name.strip()
    if not name:
        raise LiteracyError(_("Give the person's name."))
    roles = _check_roles(data.roles)
    groups = _own(StaffGroup, organisation, data.group_ids, _("groups"))
    systems = _own(AISystem, organisation, data.system_ids, _("systems"))
    user = _user(organisation, data.user_id)
    with transaction.atomic():
        person = person or StaffMember(organisation=organisation)
        person.name, person.job_title = name[:200], data.job_title.strip()[:200]
        person.roles, person.user = roles, user
        person.save()
        person.groups.set(groups)
        person.systems.set(systems)
    return person


def create_group(organisation: Organisation, name: str, description: str = "") -> StaffGroup:
    name = name.strip()
    if not name:
        raise LiteracyError(_("Give the group a name."))
    if StaffGroup.objects.filter(organisation=organisation, name=name).exists():
        raise LiteracyError(_("There is already a group called %(name)s.") % {"name": name})
    return StaffGroup.objects.create(
        organisation=organisation, name=name[:200], description=description.strip()[:2000]
    )


def create_activity(
    organisation: Organisation,
    title: str,
    competence_ids: list[str],
    description: str = "",
    validity_months: int | None = None,
) -> TrainingActivity:
    title = title.strip()
    if not title:
        raise LiteracyError(_("Give the training a title."))
    known = [m.id for m in competences(knowledge_base())]
    unknown = [c for c in competence_ids if c not in known]
    if unknown:
        raise LiteracyError(_("Unknown competence: %(id)s.") % {"id": ", ".join(unknown)})
    if not competence_ids:
        raise LiteracyError(_("Choose at least one competence the training covers."))
    if validity_months is not None and not 1 <= validity_months <= 120:
        raise LiteracyError(_("A training is valid for 1 to 120 months, or leave it empty."))
    return TrainingActivity.objects.create(
        organisation=organisation,
        title=title[:200],
        description=description.strip()[:5000],
        competences=[c for c in known if c in competence_ids],
        validity_months=validity_months,
    )


def record_training(
    organisation: Organisation,
    person: StaffMember,
    activity_id: int,
    completed_on: dt.date,
    today: dt.date,
    user: User,
    evidence_note: str = "",
    evidence_reference: str = "",
) -> TrainingRecord:
    if person.organisation_id != organisation.pk:
        raise LiteracyError(_("Choose a person of this organisation."))
    activity = TrainingActivity.objects.filter(organisation=organisation, pk=activity_id).first()
    if activity is None:
        raise LiteracyError(_("Choose a training of this organisation."))
    if completed_on > today:
        raise LiteracyError(_("A training cannot be completed in the future; check the date."))
    return TrainingRecord.objects.create(
        organisation=organisation,
        person=person,
        activity=activity,
        completed_on=completed_on,
        evidence_note=evidence_note.strip()[:2000],
        evidence_reference=evidence_reference.strip()[:500],
        recorded_by=user,
    )


def save_self_assessment(
    organisation: Organisation, person: StaffMember, levels: dict[str, str], user: User
) -> SelfAssessment:
    if person.organisation_id != organisation.pk:
        raise LiteracyError(_("Choose a person of this organisation."))
    areas = [t.id for t in competence_areas(knowledge_base())]
    missing = [a for a in areas if levels.get(a) not in SELF_LEVELS]
    if missing:
        raise LiteracyError(_("Choose a level for every area."))
    return SelfAssessment.objects.create(
        organisation=organisation,
        person=person,
        levels={a: levels[a] for a in areas},
        answered_by=user,
    )


def start_light_path(
    organisation: Organisation, user: User, tool_ids: list[str], responsible: str
) -> list[AISystem]:
    """Registers and assesses each chosen tool (skipping names already registered) and records the
    person responsible for AI as management. Returns the tools' systems."""
    from tillid.web.assessments import services as assessments
    from tillid.web.inventory.models import LifecyclePhase, SystemStatus
    from tillid.web.literacy.quick import TOOLS_BY_ID, preset_answers

    unknown = [t for t in tool_ids if t not in TOOLS_BY_ID]
    if unknown or not tool_ids:
        raise LiteracyError(_("Choose at least one of the AI tools listed."))
    systems = []
    with transaction.atomic():
        for tool_id in tool_ids:
            tool = TOOLS_BY_ID[tool_id]
            name = str(tool.name)
            system = AISystem.objects.filter(organisation=organisation, name=name).first()
            if system is None:
                system = AISystem.objects.create(
                    organisation=organisation,
                    name=name,
                    purpose=str(tool.purpose),
                    owner=user,
                    lifecycle_phase=LifecyclePhase.OPERATE,
                    status=SystemStatus.IN_USE,
                )
                assessment = assessments.start_assessment(system, user)
                inputs = [
                    assessments.AnswerInput(q, v, None) for q, v in preset_answers(tool).items()
                ]
                assessments.save_answers(assessment, user, inputs)
            systems.append(system)
        if responsible.strip():
            save_person(
                organisation,
                PersonInput(name=responsible, roles=["lit.role_management"], user_id=user.pk),
            )
    return systems
