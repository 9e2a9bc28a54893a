"""Changing register records: draft, edit, approve, publish, withdraw. Each step is in the history.

Only a system with an approved assessment can have a record published: the record states what that
assessment concluded (risk class, role, impact level, date), so there must be one a reviewer stood by.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tillid.web.accounts.models import User
from tillid.web.assessments.knowledge import knowledge_base
from tillid.web.assessments.models import ApprovedVersion
from tillid.web.inventory.models import AISystem
from tillid.web.register.models import (
    PublishedRecord,
    RecordEvent,
    RecordStatus,
    RegisterRecord,
)
from tillid.web.register.plain_language import Check, FieldRule, check_texts
from tillid.web.register.standards import RecordSnapshot

# The texts an editor writes, in the order the form shows them.
TEXT_FIELDS = [
    "name",
    "summary",
    "purpose",
    "contact",
    "legal_basis",
    "human_involvement",
    "data_used",
    "affected_groups",
    "risks",
    "links",
    "deployer_address",
    "submitter",
    "provider_database_url",
    "fria_summary",
    "dpia_summary",
]
# Limits follow the Dutch publication standard 1.0 where it has the field (name 100, short description
# 350, long texts 2500, addresses 500), so an export never breaks the standard's own limits.
RULES = [
    FieldRule("name", 100, required=True, readability=False),
    FieldRule("summary", 350, required=True),
    FieldRule("purpose", 2500, required=True),
    FieldRule("contact", 500, required=True, readability=False),
    FieldRule("legal_basis", 2500, required=False),
    FieldRule("human_involvement", 2500, required=True),
    FieldRule("data_used", 2500, required=True),
    FieldRule("affected_groups", 1000, required=True),
    FieldRule("risks", 2500, required=False),
    FieldRule("links", 2000, required=False, readability=False),
    FieldRule("deployer_address", 500, required=False, readability=False),
    FieldRule("submitter", 500, required=False, readability=False),
    FieldRule("provider_database_url", 500, required=False, readability=False),
    FieldRule("fria_summary", 2500, required=False),
    FieldRule("dpia_summary", 2500, required=False),
]
_LANGUAGE_OF_COUNTRY = {"DK": "da", "SE": "sv"}


class RegisterError(Exception):
    """A step that cannot be taken now; the message says why and what to do."""


def latest_approval(system: AISystem) -> ApprovedVersion | None:
    return (
        ApprovedVersion.objects.filter(assessment__system=system)
        .order_by("-approved_at", "-pk")
        .first()
    )


def texts_of(record: RegisterRecord) -> dict[str, str]:
    return {name: getattr(record, name) for name in TEXT_FIELDS}


def check_record(record: RegisterRecord) -> Check:
    return check_texts(texts_of(record), RULES)


# --- What the approved assessment concluded -----------------------------------------------------


def _classification(result: dict[str, Any], classification_id: str) -> list[str]:
    for item in result.get("classifications", []):
        if item.get("id") == classification_id:
            return list(item.get("values") or [])
    return []


def assessment_facts(approval: ApprovedVersion | None) -> dict[str, Any]:
    """Risk class, roles, impact level and date from a frozen approved version."""
    if approval is None:
        return {"risk_class": "", "roles": (), "impact_level": "", "assessment_date": ""}
    result = approval.result or {}
    risk = _classification(result, "aia.risk_class")
    level = next(
        (s.get("level") or "" for s in result.get("scores", []) if s.get("id") == "impact.level"),
        "",
    )
    return {
        "risk_class": risk[0] if risk else "",
        "roles": tuple(_classification(result, "aia.role")),
        "impact_level": level,
        "assessment_date": timezone.localtime(approval.approved_at).date().isoformat(),
    }


def _option_label(question_id: str, answer: Any, language: str) -> str:
    """The pack's own wording of a chosen option, in the record's language."""
    question = knowledge_base().question.get(question_id)
    if question is None or not isinstance(answer, str) or answer == "unsure":
        return ""
    for option in question.options:
        if option.id == answer:
            return option.label.get(language)  # type: ignore[arg-type]
    return ""


# --- The steps ------------------------------------------------------------------------------------


def start_record(system: AISystem, user: User) -> RegisterRecord:
    """A draft pre-filled from the inventory and the latest approved assessment; the existing one if
    the system already has a record."""
    existing = RegisterRecord.objects.filter(system=system).first()
    if existing is not None:
        return existing
    approval = latest_approval(system)
    if approval is None:
        raise RegisterError(
            _(
                "This system has no approved assessment yet. A public record states what the "
                "assessment concluded, so have an assessment approved first."
            )
        )
    organisation = system.organisation
    language = _LANGUAGE_OF_COUNTRY.get(organisation.country, "en")
    answers = (approval.answer_set or {}).get("answers", {})
    with transaction.atomic():
        record = RegisterRecord.objects.create(
            organisation=organisation,
            system=system,
            language=language,
            name=system.name,
            summary=system.purpose if len(system.purpose) <= 350 else "",
            purpose=system.purpose,
            contact=system.owner.email if system.owner and system.owner.email else "",
            legal_basis=_option_label(
                "gdpr.q_legal_basis", answers.get("gdpr.q_legal_basis"), language
            ),
            human_involvement=_option_label(
                "gdpr.q_automation", answers.get("gdpr.q_automation"), language
            ),
            data_used=system.data_used,
            affected_groups=system.affected_groups,
            links=system.links,
        )
        RecordEvent.objects.create(record=record, kind=RecordEvent.Kind.STARTED, actor=user)
    return record


def _locked(record: RegisterRecord, seen_version: int) -> RegisterRecord:
    locked = RegisterRecord.objects.select_for_update().get(pk=record.pk)
    if locked.version != seen_version:
        raise RegisterError(
            _(
                "Someone else changed this record while you were looking at it. "
                "Reload the page to see the current state, then try again."
            )
        )
    return locked


def save_texts(
    record: RegisterRecord, user: User, texts: dict[str, str], seen_version: int
) -> None:
    """Saves the editor's texts; an approval no longer holds once a text changes."""
    with transaction.atomic():
        locked = _locked(record, seen_version)
        changed = False
        for name in [*TEXT_FIELDS, "language"]:
            if name in texts and getattr(locked, name) != texts[name]:
                setattr(locked, name, texts[name])
                changed = True
        if not changed:
            return
        locked.status = RecordStatus.DRAFT
        locked.approved_by = None
        locked.approved_at = None
        locked.version += 1
        locked.save()
        RecordEvent.objects.create(record=locked, kind=RecordEvent.Kind.SAVED, actor=user)
    record.refresh_from_db()


def _must_pass_check(record: RegisterRecord) -> None:
    check = check_record(record)
    if not check.ok_to_publish:
        raise RegisterError(
            ngettext(
                "The record is not ready: %(n)d text is missing or too long. "
                "The list under 'Before publishing' says which.",
                "The record is not ready: %(n)d texts are missing or too long. "
                "The list under 'Before publishing' says which.",
                len(check.blocking),
            )
            % {"n": len(check.blocking)}
        )


def approve_record(record: RegisterRecord, user: User, seen_version: int) -> None:
    with transaction.atomic():
        locked = _locked(record, seen_version)
        if locked.status != RecordStatus.DRAFT:
            raise RegisterError(
                _("Only a draft can be approved; these texts are already approved.")
            )
        _must_pass_check(locked)
        locked.status = RecordStatus.APPROVED
        locked.approved_by = user
        locked.approved_at = timezone.now()
        locked.version += 1
        locked.save()
        RecordEvent.objects.create(record=locked, kind=RecordEvent.Kind.APPROVED, actor=user)
    record.refresh_from_db()


def snapshot_of(
    record: RegisterRecord,
    approval: ApprovedVersion | None,
    version: int,
    published_at: str = "",
    first_published_at: str = "",
    record_url: str = "",
) -> RecordSnapshot:
    system = record.system
    organisation = record.organisation
    return RecordSnapshot(
        record_id=record.pk,
        version=version,
        name=record.name.strip(),
        summary=record.summary.strip(),
        purpose=record.purpose.strip(),
        organisation=organisation.name,
        organisation_type=organisation.organisation_type,
        country=organisation.country,
        language=record.language,
        contact=record.contact.strip(),
        lifecycle_phase=system.lifecycle_phase,
        system_status=system.status,
        vendor=system.vendor,
        legal_basis=record.legal_basis.strip(),
        human_involvement=record.human_involvement.strip(),
        data_used=record.data_used.strip(),
        affected_groups=record.affected_groups.strip(),
        risks=record.risks.strip(),
        links=tuple(line.strip() for line in record.links.splitlines() if line.strip()),
        deployer_address=record.deployer_address.strip(),
        submitter=record.submitter.strip(),
        provider_database_url=record.provider_database_url.strip(),
        fria_summary=record.fria_summary.strip(),
        dpia_summary=record.dpia_summary.strip(),
        published_at=published_at,
        first_published_at=first_published_at or published_at,
        record_url=record_url,
        **assessment_facts(approval),
    )


def publish_record(
    record: RegisterRecord, user: User, seen_version: int, record_url: str = ""
) -> PublishedRecord:
    """Freezes the approved texts as the next version and makes the record public."""
    record_url = record_url or reverse("register_record", args=[record.pk])
    with transaction.atomic():
        locked = _locked(record, seen_version)
        # PUBLISHED: the texts are unchanged since a reviewer approved them; publishing again makes
        # a new version (e.g. after a withdrawal, or with a newly approved assessment).
        if locked.status == RecordStatus.DRAFT:
            raise RegisterError(
                _("A reviewer must approve these texts before they can be published.")
            )
        _must_pass_check(locked)
        approval = latest_approval(locked.system)
        if approval is None:
            raise RegisterError(
                _("The system has no approved assessment, so the record cannot be published.")
            )
        now = timezone.now()
        first = locked.published_versions.order_by("version").first()
        version = locked.published_version + 1
        snapshot = snapshot_of(
            locked,
            approval,
            version,
            published_at=now.isoformat(timespec="seconds"),
            first_published_at=first.snapshot.get("published_at", "") if first else "",
            record_url=record_url,
        )
        published = PublishedRecord.objects.create(
            record=locked,
            version=version,
            snapshot=snapshot.to_dict(),
            name=snapshot.name,
            summary=snapshot.summary,
            organisation_name=snapshot.organisation,
            country=snapshot.country,
            risk_class=snapshot.risk_class,
            approved_by=locked.approved_by,
            published_by=user,
        )
        locked.published_version = version
        locked.withdrawn_at = None
        locked.status = RecordStatus.PUBLISHED
        locked.version += 1
        locked.save()
        RecordEvent.objects.create(
            record=locked, kind=RecordEvent.Kind.PUBLISHED, version=version, actor=user
        )
    record.refresh_from_db()
    return published


def withdraw_record(record: RegisterRecord, user: User, seen_version: int) -> None:
    """Hides the record from the public; every published version is kept."""
    with transaction.atomic():
        locked = _locked(record, seen_version)
        if not locked.is_public:
            raise RegisterError(_("The record is not published, so there is nothing to withdraw."))
        locked.withdrawn_at = timezone.now()
        locked.version += 1
        locked.save()
        RecordEvent.objects.create(
            record=locked,
            kind=RecordEvent.Kind.WITHDRAWN,
            version=locked.published_version,
            actor=user,
        )
    record.refresh_from_db()
