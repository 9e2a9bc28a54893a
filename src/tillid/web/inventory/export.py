"""The inventory as CSV and Excel, for the authority's own lists and reporting."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from tillid.web.inventory.models import AISystem


def _columns() -> list[str]:
    return [
        _("Name"),
        _("Purpose"),
        _("Owner"),
        _("Vendor"),
        _("Lifecycle phase"),
        _("Status"),
        _("Risk class"),
        _("Impact level"),
        _("Assessment status"),
        _("Open measures"),
        _("Affected groups"),
        _("Data used"),
        _("Links"),
        _("Last changed"),
    ]


def _safe(value: object) -> object:
    # A text starting with = + - @ is run as a formula by spreadsheet programs (CSV injection).
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _printable(value: object) -> object:
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _rows(systems: Iterable[AISystem], labels: dict[str, str]) -> Iterable[list[object]]:
    for s in systems:
        yield [
            s.name,
            s.purpose,
            str(s.owner or ""),
            s.vendor,
            s.get_lifecycle_phase_display(),
            s.get_status_display(),
            labels.get(getattr(s, "latest_risk_class", "") or "", ""),
            labels.get(getattr(s, "latest_impact_level", "") or "", ""),
            getattr(s, "latest_status", "") or "",
            getattr(s, "latest_open_measures", None) or 0,
            s.affected_groups,
            s.data_used,
            " ".join(s.link_list()),
            s.updated_at.strftime("%Y-%m-%d %H:%M"),
        ]


def inventory_csv(systems: Iterable[AISystem], labels: dict[str, str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")  # Danish and Swedish Excel read ; as the separator
    writer.writerow(_columns())
    writer.writerows([_safe(v) for v in row] for row in _rows(systems, labels))
    return "\ufeff" + out.getvalue()  # the BOM makes Excel read UTF-8 (æ, ø, å, ä, ö)


def inventory_xlsx(systems: Iterable[AISystem], labels: dict[str, str]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("AI systems")[:31]
    sheet.append(_columns())
    for row in _rows(systems, labels):
        # Control characters (a vertical tab pasted from Word) are not allowed in a workbook.
        sheet.append([_printable(v) for v in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                # A text cell, never a formula: the name shows exactly as typed and nothing runs.
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
