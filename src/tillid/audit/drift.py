"""Drift between reference and current data: population stability index and change per column.

Numeric columns are cut at the reference deciles; text and true/false columns are compared value by
value (up to 50 values; more is an identifier, not a distribution). Only counts per bin leave the
backend. Bins or values with fewer than k rows in either data set are pooled into "(other)".
PSI = sum((current - reference) * ln(current / reference)), with empty shares set to 0.0001.
Conventional reading: below 0.1 stable, 0.1 to 0.25 moderate, above 0.25 a major shift.
"""

from __future__ import annotations

import itertools
import math
from typing import Any, Literal

import ibis
import ibis.expr.types as ir

from tillid.audit.errors import AuditDataError, column_not_found
from tillid.audit.labels import coerce_label
from tillid.audit.messages import AuditMessage
from tillid.audit.result import ColumnDrift, DriftBin, DriftReport
from tillid.audit.sources import OpenedSource, open_source
from tillid.audit.spec import AuditSpec, DriftSpec

EMPTY_SHARE = 1e-4
MAX_CATEGORIES = 50
OTHER = "(other)"


def drift_report(source: OpenedSource, spec: AuditSpec, k: int) -> DriftReport:
    assert spec.drift is not None
    drift = spec.drift
    reference, current = _reference_and_current(source, drift)
    try:
        return _drift_report(reference, current, spec, k)
    finally:
        reference.close()


def _drift_report(
    reference: OpenedSource, current: OpenedSource, spec: AuditSpec, k: int
) -> DriftReport:
    assert spec.drift is not None
    drift = spec.drift
    columns = drift.columns or [
        c for c in current.table.columns if c not in {drift.split_column, spec.weights}
    ]
    for name in columns:
        for data in (reference, current):
            if name not in data.table.columns:
                raise column_not_found(
                    name, data.named, data.table.columns, AuditMessage("role.drift_column")
                )
    schema = reference.table.schema()
    numeric = [c for c in columns if schema[c].is_numeric() and not schema[c].is_boolean()]
    categorical = [c for c in columns if c not in numeric]

    ref_summary = _summary(reference, numeric, categorical, drift.bins)
    if ref_summary["rows"] == 0:
        raise AuditDataError.of("reference_no_rows", source=reference.named)
    cur_summary = _summary(current, numeric, categorical, 0, distinct=False)
    if cur_summary["rows"] == 0:
        raise AuditDataError.of("current_no_rows", source=current.named)
    for data, summary in ((reference, ref_summary), (current, cur_summary)):
        if int(summary["rows"]) < k:
            raise AuditDataError.of(
                "drift_too_few_rows", source=data.named, rows=int(summary["rows"]), k=k
            )
    edges = {c: _edges(ref_summary, c, drift.bins) for c in numeric}
    ref_hist = _numeric_histograms(reference, edges)
    cur_hist = _numeric_histograms(current, edges)
    wanted = [c for c in categorical if int(ref_summary[f"distinct_{c}"]) <= MAX_CATEGORIES]
    ref_values = _category_counts(reference, wanted)
    cur_values = _category_counts(current, wanted)

    results = []
    for name in columns:
        base = _base_drift(name, ref_summary, cur_summary, numeric)
        if name in numeric:
            labels = _bin_labels(edges[name])
            ref_counts = dict(zip(labels, ref_hist[name], strict=True))
            cur_counts = dict(zip(labels, cur_hist[name], strict=True))
        elif name in wanted:
            ref_counts, cur_counts = ref_values.get(name, {}), cur_values.get(name, {})
        else:
            base["level"] = "not computed"
            base["note"] = (
                f"more than {MAX_CATEGORIES} distinct values: an identifier, not a distribution"
            )
            results.append(ColumnDrift(**base))
            continue
        bins = _pool_small(ref_counts, cur_counts, k)
        psi = _psi(bins)
        base.update(psi=psi, level=_level(psi), bins=bins)
        results.append(ColumnDrift(**base))
    return DriftReport(
        reference=reference.description,
        current=current.description,
        reference_rows=int(ref_summary["rows"]),
        current_rows=int(cur_summary["rows"]),
        columns=results,
    )


def _reference_and_current(
    source: OpenedSource, drift: DriftSpec
) -> tuple[OpenedSource, OpenedSource]:
    if drift.split_column is not None:
        t = source.table
        column = t[drift.split_column]
        assert drift.reference_value is not None
        reference_value = coerce_label(drift.reference_value, column.type())
        reference = t.filter(column == reference_value)
        split = {"source": source.named, "column": drift.split_column}
        reference_phrase = AuditMessage(
            "source.where_equals", {**split, "value": str(drift.reference_value)}
        )
        if drift.current_value is not None:
            current_value = coerce_label(drift.current_value, column.type())
            current = t.filter(column == current_value)
            current_phrase = AuditMessage(
                "source.where_equals", {**split, "value": str(drift.current_value)}
            )
        else:
            current = t.filter(column != reference_value)
            current_phrase = AuditMessage(
                "source.where_not_equals", {**split, "value": str(drift.reference_value)}
            )
        return (
            _part_of(source, reference, reference_phrase),
            _part_of(source, current, current_phrase),
        )
    assert drift.reference is not None
    reference = open_source(
        drift.reference, table=drift.reference_table, query=drift.reference_query
    )
    return reference, source


def _part_of(source: OpenedSource, rows: ir.Table, phrase: AuditMessage) -> OpenedSource:
    return OpenedSource(rows, phrase.english(), source.backend, phrase=phrase)


def _summary(
    data: OpenedSource, numeric: list[str], categorical: list[str], bins: int, distinct: bool = True
) -> dict[str, Any]:
    t = data.table
    aggregates: dict[str, ir.Scalar] = {"rows": t.count()}
    for name in [*numeric, *categorical]:
        aggregates[f"present_{name}"] = t[name].count()
    for name in numeric:
        x = t[name].cast("float64")
        aggregates[f"mean_{name}"] = x.mean()
        aggregates[f"std_{name}"] = x.std()
        for j in range(1, bins):
            aggregates[f"q{j}_{name}"] = x.quantile(j / bins)
    for name in categorical if distinct else []:
        aggregates[f"distinct_{name}"] = t[name].nunique()
    row: dict[str, Any] = data.execute(t.aggregate(**aggregates)).iloc[0].to_dict()
    return row


def _edges(summary: dict[str, Any], name: str, bins: int) -> list[float]:
    found = (summary.get(f"q{j}_{name}") for j in range(1, bins))
    numbers = {float(v) for v in found if v is not None and not math.isnan(float(v))}
    return sorted(numbers)


def _bin_labels(edges: list[float]) -> list[str]:
    if not edges:
        return ["all values", "(missing)"]
    labels = [f"< {edges[0]:g}"]
    labels += [f"[{lo:g}, {hi:g})" for lo, hi in itertools.pairwise(edges)]
    labels.append(f"≥ {edges[-1]:g}")
    return [*labels, "(missing)"]


def _numeric_histograms(data: OpenedSource, edges: dict[str, list[float]]) -> dict[str, list[int]]:
    if not edges:
        return {}
    t = data.table
    aggregates: dict[str, ir.Scalar] = {}
    for i, (name, cuts) in enumerate(edges.items()):
        x = t[name].cast("float64")
        bounds = [-math.inf, *cuts, math.inf]
        for j, (lo, hi) in enumerate(itertools.pairwise(bounds)):
            condition = (
                x < hi if lo == -math.inf else (x >= lo) if hi == math.inf else (x >= lo) & (x < hi)
            )
            aggregates[f"c{i}_{j}"] = t.count(where=condition)
        aggregates[f"c{i}_missing"] = t.count(where=x.isnull())
    row = data.execute(t.aggregate(**aggregates)).iloc[0].to_dict()
    return {
        name: [int(row[f"c{i}_{j}"]) for j in range(len(cuts) + 1)] + [int(row[f"c{i}_missing"])]
        for i, (name, cuts) in enumerate(edges.items())
    }


def _category_counts(data: OpenedSource, columns: list[str]) -> dict[str, dict[str, int]]:
    if not columns:
        return {}
    t = data.table
    parts = [
        t.group_by(value=t[name].cast("string"))
        .aggregate(n=t.count())
        .mutate(column=ibis.literal(name))
        for name in columns
    ]
    union = parts[0]
    for part in parts[1:]:
        union = union.union(part)
    counts: dict[str, dict[str, int]] = {}
    for record in data.execute(union).to_dict("records"):
        value = record["value"]
        label = "(missing)" if value is None or value != value else str(value)
        counts.setdefault(str(record["column"]), {})[label] = int(record["n"])
    return counts


def _pool_small(reference: dict[str, int], current: dict[str, int], k: int) -> list[DriftBin]:
    """Shares per bin; bins with fewer than k rows on either side are pooled into "(other)"."""
    ref_total, cur_total = sum(reference.values()), sum(current.values())
    labels = list(dict.fromkeys([*reference, *current]))
    pooled_ref = pooled_cur = 0
    kept: list[tuple[str, int, int]] = []
    for label in labels:
        r, c = reference.get(label, 0), current.get(label, 0)
        if r == 0 and c == 0:
            continue
        if 0 < r < k or 0 < c < k:
            pooled_ref, pooled_cur = pooled_ref + r, pooled_cur + c
        else:
            kept.append((label, r, c))
    if pooled_ref or pooled_cur:
        kept.append((OTHER, pooled_ref, pooled_cur))
    return [
        DriftBin(
            label=label,
            reference_share=r / ref_total if ref_total else 0.0,
            current_share=c / cur_total if cur_total else 0.0,
        )
        for label, r, c in kept
    ]


def _psi(bins: list[DriftBin]) -> float:
    total = 0.0
    for b in bins:
        ref, cur = max(b.reference_share, EMPTY_SHARE), max(b.current_share, EMPTY_SHARE)
        total += (cur - ref) * math.log(cur / ref)
    return total


def _level(psi: float) -> Literal["stable", "moderate", "major"]:
    if psi < 0.1:
        return "stable"
    return "moderate" if psi <= 0.25 else "major"


def _base_drift(
    name: str, ref: dict[str, Any], cur: dict[str, Any], numeric: list[str]
) -> dict[str, Any]:
    def share_missing(summary: dict[str, Any]) -> float:
        rows = int(summary["rows"])
        return (rows - int(summary[f"present_{name}"])) / rows if rows else 0.0

    base: dict[str, Any] = {
        "column": name,
        "kind": "numeric" if name in numeric else "categorical",
        "psi": None,
        "level": "not computed",
        "reference_missing_share": share_missing(ref),
        "current_missing_share": share_missing(cur),
    }
    if name in numeric:
        base.update(
            reference_mean=_finite(ref.get(f"mean_{name}")),
            current_mean=_finite(cur.get(f"mean_{name}")),
            reference_std=_finite(ref.get(f"std_{name}")),
            current_std=_finite(cur.get(f"std_{name}")),
        )
    return base


def _finite(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    return None if math.isnan(number) or math.isinf(number) else number
