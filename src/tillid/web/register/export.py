"""All published records as CSV and Excel: the current version of each public record, one per row."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from django.utils.translation import gettext as _
from openpyxl import Workbook

# Texts starting with = + - @ run as formulas in spreadsheet programs (CSV injection): the inventory
# export neutralises them, and so does this one, with the same function.
from tillid.web.accounts.models import Country
from tillid.web.inventory.export import _safe as spreadsheet_safe
from tillid.web.inventory.models import LifecyclePhase
from tillid.web.register.models import PublishedRecord
from tillid.web.register.standards import RecordSnapshot


def _columns() -> list[str]:
    return [
        _("Record"),
        _("Version"),
        _("Published"),
        _("Name"),
        _("Organisation"),
        _("Country"),
        _("Short description"),
        _("Purpose and use"),
        _("Risk class"),
        _("Role"),
        _("Impact level"),
        _("Assessment approved"),
        _("Lifecycle phase"),
        _("Legal basis"),
        _("How people are involved"),
        _("Data used"),
        _("Who is affected"),
        _("Risks and how they are handled"),
        _("Contact"),
        _("Links"),
        _("Language of the texts"),
        _("Address"),
    ]


def _label(choices: type[Country] | type[LifecyclePhase], value: str) -> str:
    return str(choices(value).label) if value in choices.values else value


def _rows(
    rows: Iterable[PublishedRecord], labels: dict[str, str], record_url: dict[int, str]
) -> Iterable[list[object]]:
    for row in rows:
        s = RecordSnapshot.from_dict(row.snapshot)
        yield [
            spreadsheet_safe(v)
            for v in [
                s.record_id,
                s.version,
                s.published_at[:10],
                s.name,
                s.organisation,
                _label(Country, s.country),
                s.summary,
                s.purpose,
                labels.get(s.risk_class, s.risk_class),
                ", ".join(labels.get(r, r) for r in s.roles),
                labels.get(s.impact_level, s.impact_level),
                s.assessment_date[:10],
                _label(LifecyclePhase, s.lifecycle_phase),
                s.legal_basis,
                s.human_involvement,
                s.data_used,
                s.affected_groups,
                s.risks,
                s.contact,
                " ".join(s.links),
                s.language,
                record_url.get(s.record_id, ""),
            ]
        ]


def records_csv(
    rows: Iterable[PublishedRecord], labels: dict[str, str], record_url: dict[int, str]
) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")  # Danish and Swedish Excel read ; as the separator
    writer.writerow(_columns())
    writer.writerows(_rows(rows, labels, record_url))
    return "\ufeff" + out.getvalue()  # the BOM makes Excel read UTF-8


def records_xlsx(
    rows: Iterable[PublishedRecord], labels: dict[str, str], record_url: dict[int, str]
) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Transparency register")[:31]
    sheet.append(_columns())
    for row in _rows(rows, labels, record_url):
        sheet.append(row)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
