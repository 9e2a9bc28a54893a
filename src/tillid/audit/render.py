"""The audit result as Markdown (notebooks, reports) or plain text (terminal)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tillid.audit.result import AuditResult, Disparity, GroupMetrics, Rate


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
        "YES" if d.flagged else "",
    ]


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
