"""The audit result as Markdown (notebooks), plain text (terminal) or HTML with SVG charts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from tillid.audit.result import AuditResult, Disparity, GroupMetrics, Rate, RateName


@dataclass
class _Table:
    title: str
    headers: list[str]
    rows: list[list[str]]
    notes: list[str] = field(default_factory=list)


def _pct(rate: Rate) -> str:
    if rate.value is None:
        return "–"
    if rate.low is None or rate.high is None:
        return f"{rate.value:.1%}"
    return f"{rate.value:.1%} [{rate.low:.1%}, {rate.high:.1%}]"


def _num(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _group_rows(groups: list[GroupMetrics], with_scores: bool) -> list[list[str]]:
    rows = []
    for g in groups:
        c = g.counts
        row = [g.label, str(c.n), str(c.tp), str(c.fp), str(c.tn), str(c.fn)]
        row += [
            _pct(g.selection_rate),
            _pct(g.tpr),
            _pct(g.fpr),
            _pct(g.precision),
            _pct(g.accuracy),
        ]
        if with_scores:
            row += [_num(g.auc), _num(g.brier)]
        rows.append(row)
    return rows


def _disparity_row(d: Disparity) -> list[str]:
    test = d.test
    return [
        d.metric.replace("_", " "),
        _num(d.value),
        f"{d.higher} vs {d.lower}" if d.higher else "–",
        f"{test.p_adjusted:.2g} ({test.method})" if test else "–",
        _flag_text(d),
    ]


def _flag_text(d: Disparity) -> str:
    """YES with the largest significant pair, which need not be the extreme pair."""
    if not d.flagged or not d.significant_pairs:
        return ""
    top = d.significant_pairs[0]
    more = len(d.significant_pairs) - 1
    extra = f" (+{more} more)" if more else ""
    return f"YES: {top.higher} vs {top.lower} {top.difference:+.3f}{extra}"


def _tables(result: AuditResult) -> list[_Table]:
    tables: list[_Table] = []
    spec = result.spec
    summary = [
        ["source", f"{result.source} ({result.backend})"],
        ["rows", f"{result.rows} ({result.rows_used} with target and prediction)"],
        ["positive label", f"{spec.target} = {result.positive_label}"],
        ["k (smallest group shown)", str(result.k)],
        ["correction", f"{spec.correction}, alpha {spec.alpha}"],
    ]
    tables.append(_Table("Audit", ["", ""], summary, list(result.warnings)))
    with_scores = spec.score is not None
    headers = [
        "group",
        "n",
        "tp",
        "fp",
        "tn",
        "fn",
        "selection",
        "TPR",
        "FPR",
        "precision",
        "accuracy",
    ]
    if with_scores:
        headers += ["AUC", "Brier"]
    if result.overall is not None:
        groups = [result.overall] + [g for grouping in result.groupings for g in grouping.groups]
        tables.append(
            _Table(
                "Performance by group (rates with 95% Wilson intervals)",
                headers,
                _group_rows(groups, with_scores),
            )
        )
    for report in result.fairness:
        tables.append(
            _Table(
                f"Fairness: {' × '.join(report.attributes)}",
                ["disparity", "value", "between", "p (adjusted)", "flagged"],
                [_disparity_row(d) for d in report.disparities],
                [f"Four-fifths rule violated (selection-rate ratio below {spec.four_fifths})."]
                if report.four_fifths_violated
                else [],
            )
        )
    if result.suppressed:
        tables.append(
            _Table(
                f"Suppressed groups (fewer than {result.k} rows, or complementary)",
                ["group", "reason"],
                [[s.label, s.reason.replace("_", " ")] for s in result.suppressed],
            )
        )
    if result.quality is not None:
        q = result.quality
        rows = [
            [
                c.column,
                c.dtype,
                str(c.missing),
                f"{c.missing_share:.1%}",
                "yes" if c.constant else "",
                _opt(c.out_of_range),
                _opt(c.not_allowed),
                _opt(c.invalid_type),
            ]
            for c in q.columns
        ]
        notes = [f"Duplicate rows: {q.duplicates}."] if q.duplicates is not None else []
        notes += [f"Possible leakage: {f.explanation}" for f in q.leakage]
        tables.append(
            _Table(
                "Data quality",
                [
                    "column",
                    "type",
                    "missing",
                    "share",
                    "constant",
                    "out of range",
                    "not allowed",
                    "invalid",
                ],
                rows,
                notes,
            )
        )
    if result.drift is not None:
        d = result.drift
        tables.append(
            _Table(
                f"Drift: {d.current} ({d.current_rows} rows) vs {d.reference} "
                f"({d.reference_rows} rows)",
                ["column", "kind", "PSI", "level", "mean ref → cur"],
                [
                    [
                        c.column,
                        c.kind,
                        _num(c.psi),
                        c.level,
                        f"{_num(c.reference_mean)} → {_num(c.current_mean)}"
                        if c.kind == "numeric"
                        else "",
                    ]
                    for c in d.columns
                ],
            )
        )
    return tables


def _opt(value: int | None) -> str:
    return "" if value is None else str(value)


def render_markdown(result: AuditResult) -> str:
    return _render(result, _markdown_table)


def render_text(result: AuditResult) -> str:
    return _render(result, _text_table)


def _render(result: AuditResult, table: Callable[[_Table], str]) -> str:
    return "\n\n".join(table(t) for t in _tables(result)) + "\n"


def _markdown_table(t: _Table) -> str:
    lines = [f"### {t.title}", "", "| " + " | ".join(t.headers) + " |"]
    lines.append("|" + "---|" * len(t.headers))
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in t.rows]
    if t.notes:
        lines += ["", *(f"- {note}" for note in t.notes)]
    return "\n".join(lines)


def _text_table(t: _Table) -> str:
    widths = [max(len(row[i]) for row in [t.headers, *t.rows]) for i in range(len(t.headers))]

    def line(cells: list[str]) -> str:
        return "  ".join(
            cell.ljust(width) for cell, width in zip(cells, widths, strict=True)
        ).rstrip()

    lines = [t.title, "=" * len(t.title), line(t.headers), line(["-" * w for w in widths])]
    lines += [line(row) for row in t.rows]
    lines += [f"* {note}" for note in t.notes]
    return "\n".join(lines)


# --- HTML with SVG charts ----------------------------------------------------------------------

_RATE_PANELS: list[tuple[RateName, str]] = [
    ("selection_rate", "Selection rate"),
    ("tpr", "True-positive rate"),
    ("fpr", "False-positive rate"),
]
_ROW = 22
_LABEL = 190
_PANEL = 200
_GAP = 24


def render_html(result: AuditResult) -> str:
    """A self-contained HTML page: the tables of the text report plus SVG charts.

    Charts carry a <title> and a text alternative and never rely on colour alone (flagged items
    are also marked with a sign), so the page stays usable with a screen reader.
    """
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>tillid audit: {escape(result.source)}</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;"
        "padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse;margin:1rem 0}"
        "th,td{border:1px solid #bbb;padding:.2rem .5rem;text-align:left;font-size:.9rem}"
        "svg{display:block;margin:1rem 0}figcaption{font-size:.9rem;color:#333}</style>",
        "</head><body>",
        f"<h1>Audit of {escape(result.source)}</h1>",
    ]
    for table in _tables(result):
        parts.append(_html_table(table))
        if table.title.startswith("Performance") and result.groupings:
            for grouping in result.groupings:
                if grouping.groups:
                    parts.append(_rates_figure(grouping.attributes, grouping.groups))
        if table.title.startswith("Fairness:"):
            report = next(
                f for f in result.fairness if table.title.endswith(" × ".join(f.attributes))
            )
            parts.append(_disparity_figure(report.attributes, report.disparities))
        if table.title.startswith("Drift") and result.drift is not None:
            parts.append(_drift_figure(result))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _html_table(t: _Table) -> str:
    head = "".join(f"<th scope='col'>{escape(h)}</th>" for h in t.headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in t.rows
    )
    notes = "".join(f"<li>{escape(note)}</li>" for note in t.notes)
    return (
        f"<h2>{escape(t.title)}</h2><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody>"
        f"</table>" + (f"<ul>{notes}</ul>" if notes else "")
    )


def _rates_figure(attributes: list[str], groups: list[GroupMetrics]) -> str:
    """Per group one row; per rate one panel: a dot at the rate, a line for its interval."""
    width = _LABEL + len(_RATE_PANELS) * (_PANEL + _GAP)
    height = 30 + _ROW * len(groups) + 20
    title = f"Rates by {' × '.join(attributes)} with 95% intervals"
    svg = [
        f'<svg role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for p, (rate, name) in enumerate(_RATE_PANELS):
        x0 = _LABEL + p * (_PANEL + _GAP)
        svg.append(f'<text x="{x0}" y="14" font-size="12">{escape(name)}</text>')
        svg.append(
            f'<line x1="{x0}" y1="22" x2="{x0}" y2="{height - 18}" stroke="#999"/>'
            f'<line x1="{x0 + _PANEL}" y1="22" x2="{x0 + _PANEL}" y2="{height - 18}" '
            'stroke="#ddd"/>'
            f'<text x="{x0}" y="{height - 4}" font-size="10">0%</text>'
            f'<text x="{x0 + _PANEL - 24}" y="{height - 4}" font-size="10">100%</text>'
        )
        for i, group in enumerate(groups):
            y = 30 + i * _ROW + _ROW / 2
            r = group.rate(rate)
            if r.value is None:
                continue
            low = r.low if r.low is not None else r.value
            high = r.high if r.high is not None else r.value
            svg.append(
                f'<line x1="{x0 + low * _PANEL:.1f}" y1="{y}" x2="{x0 + high * _PANEL:.1f}" '
                f'y2="{y}" stroke="#1f4e9c" stroke-width="2"/>'
                f'<circle cx="{x0 + r.value * _PANEL:.1f}" cy="{y}" r="4" fill="#1f4e9c">'
                f"<title>{escape(group.label)}: {escape(_pct(r))}</title></circle>"
            )
    for i, group in enumerate(groups):
        y = 30 + i * _ROW + _ROW / 2 + 4
        svg.append(f'<text x="0" y="{y}" font-size="12">{escape(group.label)}</text>')
    svg.append("</svg>")
    caption = (
        f"<figcaption>{escape(title)}. Dot: the rate; line: its Wilson interval. "
        "The same figures are in the table above.</figcaption>"
    )
    return "<figure>" + "".join(svg) + caption + "</figure>"


def _disparity_figure(attributes: list[str], disparities: list[Disparity]) -> str:
    shown = [
        d for d in disparities if d.value is not None and d.metric != "demographic_parity_ratio"
    ]
    width, height = _LABEL + 320, 20 + _ROW * len(shown)
    title = f"Disparities by {' × '.join(attributes)} (gap between highest and lowest group)"
    svg = [
        f'<svg role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for i, d in enumerate(shown):
        y = 10 + i * _ROW
        value = d.value or 0.0
        colour = "#b3261e" if d.flagged else "#7a7a7a"
        mark = " ▲ flagged: a significant gap" if d.flagged else ""
        svg.append(
            f'<text x="0" y="{y + 14}" font-size="12">{escape(d.metric.replace("_", " "))}</text>'
            f'<rect x="{_LABEL}" y="{y + 3}" width="{max(value, 0) * 250:.1f}" height="14" '
            f'fill="{colour}"/><text x="{_LABEL + max(value, 0) * 250 + 4:.1f}" y="{y + 14}" '
            f'font-size="11">{value:.3f}{mark}</text>'
        )
    svg.append("</svg>")
    return f"<figure>{''.join(svg)}<figcaption>{escape(title)}.</figcaption></figure>"


def _drift_figure(result: AuditResult) -> str:
    assert result.drift is not None
    columns = [c for c in result.drift.columns if c.psi is not None]
    scale = 250 / max([0.3, *[c.psi or 0.0 for c in columns]])
    width, height = _LABEL + 330, 20 + _ROW * len(columns)
    title = "Population stability index per column (lines at 0.1 and 0.25)"
    svg = [
        f'<svg role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for threshold in (0.1, 0.25):
        x = _LABEL + threshold * scale
        svg.append(
            f'<line x1="{x:.1f}" y1="5" x2="{x:.1f}" y2="{height}" stroke="#999" '
            'stroke-dasharray="4 3"/>'
        )
    for i, c in enumerate(columns):
        y = 10 + i * _ROW
        psi = c.psi or 0.0
        colour = {"major": "#b3261e", "moderate": "#b36b00"}.get(c.level, "#2e7d32")
        svg.append(
            f'<text x="0" y="{y + 14}" font-size="12">{escape(c.column)}</text>'
            f'<rect x="{_LABEL}" y="{y + 3}" width="{psi * scale:.1f}" height="14" '
            f'fill="{colour}"/><text x="{_LABEL + psi * scale + 4:.1f}" y="{y + 14}" '
            f'font-size="11">{psi:.3f} {escape(c.level)}</text>'
        )
    svg.append("</svg>")
    return f"<figure>{''.join(svg)}<figcaption>{escape(title)}.</figcaption></figure>"


_PRINT_CSS = """
@page { size: A4 landscape; margin: 14mm 12mm 16mm 12mm;
        @bottom-right { content: "tillid · " counter(page) " / " counter(pages); font-size: 8pt; } }
body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
h1 { font-size: 16pt; } h2 { font-size: 12pt; break-after: avoid; }
table { width: 100%; } th, td { font-size: 7.5pt; padding: 1pt 3pt; } tr, svg { break-inside: avoid; }
svg { max-width: 100%; height: auto; }
"""


def render_pdf(result: AuditResult) -> bytes:
    """The HTML report printed to PDF (A4 landscape, so the per-group table fits; page numbers),
    charts included as vector graphics."""
    from weasyprint import CSS, HTML  # imported here: it loads system libraries (Pango)

    document = HTML(string=render_html(result))
    pdf: bytes = document.write_pdf(stylesheets=[CSS(string=_PRINT_CSS)])
    return pdf
