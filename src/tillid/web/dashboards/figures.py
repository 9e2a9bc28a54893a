"""The dashboards' charts: the selectors' figures with their words, in the reader's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, ngettext_lazy

from tillid.reports.anonymity import Release, Released, View
from tillid.reports.charts import Chart, ChartRow
from tillid.web.accounts.models import Country, OrganisationType
from tillid.web.assessments.labels import outcome_labels
from tillid.web.catalogue.challenges import challenge_label
from tillid.web.dashboards import selectors
from tillid.web.dashboards.selectors import DueDate, SystemFigures
from tillid.web.inventory.models import LifecyclePhase


def risk_label(risk_class: str, language: str) -> str:
    if risk_class == selectors.UNDETERMINED:
        return _("Not yet determined")
    if risk_class == selectors.NOT_ASSESSED:
        return _("Not yet assessed")
    return outcome_labels(language).get(risk_class, risk_class)


def phase_label(phase: str) -> str:
    return str(dict(LifecyclePhase.choices).get(phase, phase))


def measure_state_label(state: str) -> str:
    return {
        selectors.NOTHING_TO_DO: _("No measures still to do"),
        selectors.TO_DO: _("Measures to do, none overdue"),
        selectors.OVERDUE: _("Some measures overdue"),
    }[state]


def date_label(day: dt.date, ai_act: bool) -> str:
    shown = formats.date_format(day, "DATE_FORMAT")
    return _("%(date)s (AI Act)") % {"date": shown} if ai_act else shown


def view_label(view: View) -> str:
    if view is None:
        return _("All organisations")
    dimension, value = view
    if dimension == "country":
        return _("Country: %(country)s") % {"country": dict(Country.choices).get(value, value)}
    kind = dict(OrganisationType.choices).get(value, value)
    return _("Organisation type: %(type)s") % {"type": kind}


def _largest(rows: Sequence[ChartRow]) -> ChartRow | None:
    shown = [r for r in rows if r.values[0] is not None and r.values[0] > 0]
    return max(shown, key=lambda r: r.values[0] or 0, default=None)


def _describe(total: int | None, rows: Sequence[ChartRow], unit_words: Any) -> str:
    """One sentence: the total (`unit_words`: ngettext_lazy with %(n)s) and the largest group."""
    if total is None:
        return _("The total is hidden because the group is too small.")
    said = str(unit_words % {"n": total})
    largest = _largest(rows)
    if largest is None:
        return said
    return _("%(total)s; the largest group is %(label)s (%(n)s).") % {
        "total": said,
        "label": largest.label,
        "n": f"{largest.values[0]:g}",
    }


SYSTEMS = ngettext_lazy("%(n)s system in all", "%(n)s systems in all", "n")
ENTRIES = ngettext_lazy("%(n)s catalogue entry in all", "%(n)s catalogue entries in all", "n")
SHARED_ENTRIES = ngettext_lazy(
    "%(n)s shared catalogue entry in all", "%(n)s shared catalogue entries in all", "n"
)
WITH_DUTIES = ngettext_lazy(
    "%(n)s system with a duty starting later", "%(n)s systems with a duty starting later", "n"
)


# --- One organisation --------------------------------------------------------------------------


def risk_chart(figures: list[SystemFigures], language: str) -> Chart:
    rows = tuple(
        ChartRow(risk_label(c, language), (sum(f.risk_class == c for f in figures),))
        for c in selectors.risk_classes()
    )
    return Chart(
        title=_("Systems by risk class"),
        description=_describe(len(figures), rows, SYSTEMS),
        series=(_("Systems"),),
        rows=rows,
        label_heading=_("Risk class under the AI Act"),
    )


def phase_chart(figures: list[SystemFigures]) -> Chart:
    rows = tuple(
        ChartRow(phase_label(p), (sum(f.phase == p for f in figures),))
        for p in LifecyclePhase.values
    )
    return Chart(
        title=_("Systems by lifecycle phase"),
        description=_describe(len(figures), rows, SYSTEMS),
        series=(_("Systems"),),
        rows=rows,
        label_heading=_("Lifecycle phase"),
    )


def measures_chart(figures: list[SystemFigures]) -> Chart:
    to_do = sum(f.tasks_to_do for f in figures)
    overdue = sum(f.tasks_overdue for f in figures)
    rows = (
        ChartRow(_("Still to do, not overdue"), (to_do - overdue,)),
        ChartRow(_("Overdue"), (overdue,)),
    )
    return Chart(
        title=_("Measures still to do"),
        description=ngettext(
            "%(n)s measure still to do, of which %(overdue)s overdue.",
            "%(n)s measures still to do, of which %(overdue)s overdue.",
            to_do,
        )
        % {"n": to_do, "overdue": overdue},
        series=(_("Measures"),),
        rows=rows,
        label_heading=_("State"),
    )


def obligations_chart(dates: list[DueDate]) -> Chart:
    rows = tuple(
        ChartRow(date_label(d.date, d.ai_act), (len(d.systems), d.obligations)) for d in dates
    )
    first = next((d for d in dates if d.systems), None)
    if first is None:
        description = _("None of the systems has a duty starting on a later date.")
    else:
        description = ngettext(
            "The next duties start on %(date)s, for %(n)s system.",
            "The next duties start on %(date)s, for %(n)s systems.",
            len(first.systems),
        ) % {"date": formats.date_format(first.date, "DATE_FORMAT"), "n": len(first.systems)}
    return Chart(
        title=_("Duties starting on a later date"),
        description=description,
        series=(_("Systems"), _("Duties")),
        rows=rows,
        label_heading=_("Applies from"),
    )


def challenges_chart(entries: int, counts: dict[str, int]) -> Chart:
    rows = tuple(ChartRow(challenge_label(code), (n,)) for code, n in counts.items() if n)
    return Chart(
        title=_("Most common challenges"),
        description=_describe(entries, rows, ENTRIES),
        series=(_("Entries"),),
        rows=rows,
        label_heading=_("Challenge"),
    )


# --- Across organisations ----------------------------------------------------------------------


def _value(cell: Released) -> float | None:
    return None if cell.hidden else float(cell.count or 0)


def _amount(cell: Released) -> float | None:
    return None if cell.hidden else float(cell.amount or 0)


def _suppressed(
    release: Release,
    view: View,
    title: str,
    labels: dict[str, str],
    heading: str,
    unit_words: Any,
    series: tuple[str, ...],
    hidden_label: str,
    with_amount: bool = False,
) -> Chart:
    table = release.table(view)
    rows = tuple(
        ChartRow(
            labels[category],
            (_value(cell), _amount(cell)) if with_amount else (_value(cell),),
        )
        for category, cell in table.cells.items()
    )
    return Chart(
        title=title,
        description=_describe(table.total.count, rows, unit_words),
        series=series,
        rows=rows,
        hidden_label=hidden_label,
        label_heading=heading,
    )


def across_charts(across: selectors.Across, view: View, language: str) -> list[tuple[str, Chart]]:
    """(chart id, chart) for each figure across organisations, in the page's order."""
    hidden = _("hidden")
    systems = (_("Systems"),)
    dates = {
        d: date_label(dt.date.fromisoformat(d), d in across.ai_act_dates)
        for d in across.obligation_dates
    }
    return [
        (
            "risk",
            _suppressed(
                across.risk,
                view,
                _("Systems by risk class"),
                {c: risk_label(c, language) for c in across.risk.categories},
                _("Risk class under the AI Act"),
                SYSTEMS,
                systems,
                hidden,
            ),
        ),
        (
            "phase",
            _suppressed(
                across.phase,
                view,
                _("Systems by lifecycle phase"),
                {p: phase_label(p) for p in across.phase.categories},
                _("Lifecycle phase"),
                SYSTEMS,
                systems,
                hidden,
            ),
        ),
        (
            "measures",
            _suppressed(
                across.measures,
                view,
                _("Systems by state of their measures"),
                {s: measure_state_label(s) for s in across.measures.categories},
                _("State"),
                SYSTEMS,
                (_("Systems"), _("Measures still to do")),
                hidden,
                with_amount=True,
            ),
        ),
        (
            "obligations",
            _suppressed(
                across.obligations,
                view,
                _("Systems with duties starting on a later date"),
                dates,
                _("Applies from"),
                WITH_DUTIES,
                systems,
                hidden,
            ),
        ),
        (
            "challenges",
            _suppressed(
                across.challenges,
                view,
                _("Most common challenges in shared catalogue entries"),
                {c: challenge_label(c) for c in across.challenges.categories},
                _("Challenge"),
                SHARED_ENTRIES,
                (_("Entries"),),
                hidden,
            ),
        ),
    ]
