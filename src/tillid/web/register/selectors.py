"""Reading the register. Public functions return only published, not withdrawn records; the
organisation's functions are scoped to the organisation like the rest of the app."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import F, Q, QuerySet

from tillid.web.accounts.models import Organisation
from tillid.web.inventory.models import AISystem
from tillid.web.register.models import PublishedRecord, RegisterRecord


class NotPublic(Exception):
    """No such record, or not published: the visitor sees the same 404 either way."""


class Withdrawn(Exception):
    def __init__(self, record: RegisterRecord) -> None:
        super().__init__(record.pk)
        self.record = record


@dataclass(frozen=True)
class PublicFilter:
    text: str = ""
    organisation: str = ""  # slug
    risk_class: str = ""
    country: str = ""


def public_records(want: PublicFilter | None = None) -> QuerySet[PublishedRecord]:
    """The current version of every public record: published and not withdrawn."""
    want = want or PublicFilter()
    rows = PublishedRecord.objects.filter(
        record__withdrawn_at__isnull=True, version=F("record__published_version")
    )
    if want.text:
        matches = Q()
        for variant in _case_variants(want.text):
            matches |= (
                Q(name__icontains=variant)
                | Q(summary__icontains=variant)
                | Q(organisation_name__icontains=variant)
            )
        rows = rows.filter(matches)
    if want.organisation:
        rows = rows.filter(record__organisation__slug=want.organisation)
    if want.risk_class:
        rows = rows.filter(risk_class=want.risk_class)
    if want.country:
        rows = rows.filter(country=want.country)
    return rows.select_related("record", "record__organisation").order_by(
        "organisation_name", "name", "pk"
    )


def _case_variants(text: str) -> set[str]:
    """The text as typed, in lower case, upper case and with a capital first letter. SQLite's
    LIKE folds only ASCII letters, so "ANSØGNINGER" would not find "ansøgninger" there; with
    these variants it does (PostgreSQL folds every letter itself)."""
    return {text, text.lower(), text.upper(), text[:1].upper() + text[1:].lower()}


def public_record(record_id: int) -> PublishedRecord:
    """The current version; NotPublic when there is none, Withdrawn when it was withdrawn."""
    record = RegisterRecord.objects.filter(pk=record_id, published_version__gt=0).first()
    if record is None:
        raise NotPublic(record_id)
    if record.withdrawn_at is not None:
        raise Withdrawn(record)
    return record.published_versions.get(version=record.published_version)


def public_version(record_id: int, version: int) -> PublishedRecord:
    """An earlier (or the current) version of a public record, for the history; same errors."""
    current = public_record(record_id)
    row = current.record.published_versions.filter(version=version).first()
    if row is None:
        raise NotPublic(record_id)
    return row


def public_versions(record: RegisterRecord) -> QuerySet[PublishedRecord]:
    return record.published_versions.order_by("-version")


def public_organisations() -> QuerySet[Organisation]:
    """Organisations with at least one public record, for the filter."""
    return Organisation.objects.filter(
        register_records__withdrawn_at__isnull=True,
        register_records__published_version__gt=0,
    ).distinct()


def system_and_record(
    organisation: Organisation, system_pk: int
) -> tuple[AISystem, RegisterRecord | None]:
    """AISystem.DoesNotExist when the system is not this organisation's."""
    system = AISystem.objects.get(organisation=organisation, pk=system_pk)
    record = RegisterRecord.objects.filter(organisation=organisation, system=system).first()
    return system, record
