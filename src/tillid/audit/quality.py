"""Data quality: missing values, duplicates, constant columns, declared rules, leakage, balance.

Column checks run as one aggregate over the whole table; duplicates and the purity of text columns
each need one more grouped query. Per-group figures come from the shared cell scan.
"""

from __future__ import annotations

import math
import tempfile
from typing import Any

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.types as ir

from tillid.audit.cells import Cells, Key
from tillid.audit.labels import Roles, coerce_label, to_float
from tillid.audit.result import (
    ClassBalance,
    ColumnQuality,
    Grouping,
    GroupMissing,
    LeakageFinding,
    QualityReport,
)
from tillid.audit.sources import OpenedSource
from tillid.audit.spec import AuditSpec, ColumnRule

LEAKAGE_CORRELATION = 0.95
LEAKAGE_PURITY = 0.98
PURITY_MAX_VALUES = 50
DUPLICATES_MEMORY = "512MB"


def quality_report(
    source: OpenedSource,
    spec: AuditSpec,
    roles: Roles,
    cells: Cells,
    count_columns: list[str],
    groupings: list[Grouping],
) -> QualityReport:
    t = source.table
    schema = t.schema()
    overall = cells.sums[()][()]
    rows = int(overall["rows"])
    rows_used = int(sum(overall[c] for c in ("tp", "fp", "tn", "fn")))
    features = _feature_columns(spec, list(t.columns))
    numeric_features = [c for c in features if _is_numeric(schema[c])]
    aggregates = _column_aggregates(t, spec, roles, numeric_features)
    values = source.execute(t.aggregate(**aggregates)).iloc[0].to_dict() if aggregates else {}

    columns = []
    for i, name in enumerate(count_columns):
        missing = rows - int(overall[f"present_{i}"])
        columns.append(
            ColumnQuality(
                column=name,
                dtype=str(schema[name]),
                missing=missing,
                missing_share=missing / rows if rows else 0.0,
                constant=bool(values.get(f"constant_{name}", 0) or missing == rows),
                out_of_range=_maybe_int(values.get(f"out_of_range_{name}")),
                not_allowed=_maybe_int(values.get(f"not_allowed_{name}")),
                invalid_type=_maybe_int(values.get(f"invalid_type_{name}")),
            )
        )
    leakage = _correlation_leaks(values, numeric_features)
    text_features = [c for c in features if not _is_numeric(schema[c])]
    leakage += _purity_leaks(source, roles, [c for c in text_features if c not in roles.protected])
    leakage += _protected_purity_leaks(cells, [c for c in text_features if c in roles.protected])
    return QualityReport(
        rows=rows,
        rows_used=rows_used,
        duplicates=_duplicates(source, rows),
        columns=columns,
        missing_by_group=_missing_by_group(cells, count_columns, groupings),
        class_balance=[
            ClassBalance(
                attributes=grouping.attributes,
                label=group.label,
                n=group.counts.n,
                positives=group.counts.tp + group.counts.fn,
                share=group.base_rate,
            )
            for grouping in groupings
            for group in grouping.groups
        ],
        leakage=leakage,
    )


def _feature_columns(spec: AuditSpec, columns: list[str]) -> list[str]:
    """Columns that could leak the target: everything except the roles themselves."""
    roles = {spec.target, spec.prediction, spec.score, spec.weights}
    if spec.drift and spec.drift.split_column:
        roles.add(spec.drift.split_column)
    return [c for c in columns if c not in roles]


def _is_numeric(dtype: dt.DataType) -> bool:
    return bool(dtype.is_numeric() or dtype.is_boolean())


def _orderable(column: ir.Column) -> ir.Column | None:
    dtype = column.type()
    if dtype.is_boolean():
        return column.cast("int32")
    if dtype.is_numeric() or dtype.is_string() or dtype.is_temporal():
        return column
    return None


def _column_aggregates(
    t: ir.Table, spec: AuditSpec, roles: Roles, numeric_features: list[str]
) -> dict[str, ir.Scalar]:
    aggregates: dict[str, ir.Scalar] = {}
    for name in t.columns:
        column = _orderable(t[name])
        if column is not None:
            aggregates[f"constant_{name}"] = ibis.ifelse(column.min() == column.max(), 1, 0)
    for name, rule in spec.columns.items():
        aggregates.update(_rule_aggregates(t, name, rule))
    y = to_float(roles.y(t))
    for name in numeric_features:
        x = to_float(t[name])
        both = x.notnull() & y.notnull()
        aggregates[f"n_{name}"] = t.count(where=both)
        aggregates[f"sx_{name}"] = x.sum(where=both)
        aggregates[f"sy_{name}"] = y.sum(where=both)
        aggregates[f"sxy_{name}"] = (x * y).sum(where=both)
        aggregates[f"sxx_{name}"] = (x * x).sum(where=both)
        aggregates[f"syy_{name}"] = (y * y).sum(where=both)
    return aggregates


def _rule_aggregates(t: ir.Table, name: str, rule: ColumnRule) -> dict[str, ir.Scalar]:
    column = t[name]
    dtype = column.type()
    present = column.notnull()
    aggregates: dict[str, ir.Scalar] = {}
    numeric = column.cast("float64") if dtype.is_numeric() else column.try_cast("float64")
    if rule.type is not None:
        invalid = _invalid_for_type(column, rule.type)
        if invalid is not None:
            aggregates[f"invalid_type_{name}"] = t.count(where=present & invalid)
    if rule.min is not None or rule.max is not None:
        outside = ibis.literal(False)
        if rule.min is not None:
            outside = outside | (numeric < rule.min)
        if rule.max is not None:
            outside = outside | (numeric > rule.max)
        aggregates[f"out_of_range_{name}"] = t.count(where=present & outside.fill_null(False))
    if rule.allowed is not None:
        allowed = [coerce_label(value, dtype) for value in rule.allowed]
        aggregates[f"not_allowed_{name}"] = t.count(where=present & ~column.isin(allowed))
    return aggregates


def _invalid_for_type(column: ir.Column, declared: str) -> ir.BooleanValue | None:
    dtype = column.type()
    if declared in {"number", "integer"}:
        if dtype.is_integer():
            return None
        as_number = column.cast("float64") if dtype.is_numeric() else column.try_cast("float64")
        invalid = as_number.isnull()
        if declared == "integer":
            invalid = invalid | (as_number != as_number.floor())
        result: ir.BooleanValue = invalid.fill_null(True)
        return result
    if declared == "boolean":
        return None if dtype.is_boolean() else column.cast("string").try_cast("boolean").isnull()
    if declared == "date":
        return None if dtype.is_temporal() else column.cast("string").try_cast("date").isnull()
    return None if dtype.is_string() else ibis.literal(True)


def _maybe_int(value: Any) -> int | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return int(value)


def _correlation_leaks(values: dict[str, Any], numeric_features: list[str]) -> list[LeakageFinding]:
    found = []
    for name in numeric_features:
        n = float(values.get(f"n_{name}") or 0)
        if n < 2:
            continue
        sx, sy = float(values[f"sx_{name}"] or 0), float(values[f"sy_{name}"] or 0)
        sxy = float(values[f"sxy_{name}"] or 0)
        sxx, syy = float(values[f"sxx_{name}"] or 0), float(values[f"syy_{name}"] or 0)
        variance_x, variance_y = n * sxx - sx * sx, n * syy - sy * sy
        if variance_x <= 0 or variance_y <= 0:
            continue
        correlation = (n * sxy - sx * sy) / math.sqrt(variance_x * variance_y)
        if abs(correlation) >= LEAKAGE_CORRELATION:
            found.append(
                LeakageFinding(
                    column=name,
                    measure="correlation",
                    value=correlation,
                    explanation=f'"{name}" is almost the target itself (correlation '
                    f"{correlation:.3f}); if it is known only after the decision, it leaks the "
                    "answer.",
                )
            )
    return found


def _purity_leaks(
    source: OpenedSource, roles: Roles, text_features: list[str]
) -> list[LeakageFinding]:
    """A text column whose every value has (almost) only positives or only negatives."""
    if not text_features:
        return []
    t = source.table.filter(roles.y(source.table).notnull())
    y = roles.y(t)
    parts = []
    for name in text_features:
        by_value = t.group_by(value=t[name]).aggregate(pos=t.count(where=y), neg=t.count(where=~y))
        parts.append(
            by_value.aggregate(
                column=ibis.literal(name),
                pure=ibis.greatest(by_value.pos, by_value.neg).sum().cast("float64"),
                total=(by_value.pos + by_value.neg).sum().cast("float64"),
                values=by_value.count(),
            )
        )
    union = parts[0]
    for part in parts[1:]:
        union = union.union(part)
    found = []
    for record in source.execute(union).to_dict("records"):
        total = float(record["total"] or 0)
        if total <= 0 or int(record["values"]) > PURITY_MAX_VALUES or int(record["values"]) < 2:
            continue
        purity = float(record["pure"]) / total
        if purity >= LEAKAGE_PURITY:
            found.append(_purity_finding(str(record["column"]), purity))
    return found


def _protected_purity_leaks(cells: Cells, attributes: list[str]) -> list[LeakageFinding]:
    """The purity check for protected attributes, from the cell counts: no extra scan."""
    found = []
    for name in attributes:
        by_value = cells.sums[(cells.attributes.index(name),)]
        positives = [s["tp"] + s["fn"] for s in by_value.values()]
        negatives = [s["fp"] + s["tn"] for s in by_value.values()]
        total = sum(positives) + sum(negatives)
        if total <= 0 or not 2 <= len(by_value) <= PURITY_MAX_VALUES:
            continue
        purity = sum(max(p, n) for p, n in zip(positives, negatives, strict=True)) / total
        if purity >= LEAKAGE_PURITY:
            found.append(_purity_finding(name, purity))
    return found


def _purity_finding(name: str, purity: float) -> LeakageFinding:
    return LeakageFinding(
        column=name,
        measure="purity",
        value=purity,
        explanation=f'Each value of "{name}" goes with one outcome in {purity:.1%} of rows: '
        "it may be the target in disguise.",
    )


def _duplicates(source: OpenedSource, rows: int) -> int:
    """Rows that repeat an earlier row exactly.

    On DuckDB, counting distinct 64-bit row hashes needs half the memory of distinct rows; a
    collision (which would count one duplicate too many) has odds of about n^2 / 2^65, 3 in a
    million at 10M rows. Elsewhere the backend counts distinct rows.
    """
    t = source.table
    if source.backend_name != "duckdb":
        return rows - int(source.execute(t.distinct().count()))
    row_hash = ibis.struct({name: t[name] for name in t.columns}).hash()
    query = t.aggregate(distinct=row_hash.nunique())
    if not source.owned:
        return rows - int(source.execute(query)["distinct"].iloc[0])
    # On our own DuckDB connection: a memory limit makes DuckDB partition the hash table and
    # spill to a private temporary folder, which is faster and keeps 100M rows under 600 MB
    # (instead of 5 GB); without the folder DuckDB would write into the working directory.
    with tempfile.TemporaryDirectory(prefix="tillid-duckdb-") as spill:
        source.backend.raw_sql(f"SET temp_directory = '{spill}'")
        source.backend.raw_sql(f"SET memory_limit = '{DUPLICATES_MEMORY}'")
        try:
            distinct = source.execute(query)["distinct"].iloc[0]
        finally:
            source.backend.raw_sql("RESET memory_limit")
    return rows - int(distinct)


def _missing_by_group(
    cells: Cells, count_columns: list[str], groupings: list[Grouping]
) -> list[GroupMissing]:
    found = []
    for grouping in groupings:
        if len(grouping.attributes) != 1:
            continue
        index = (cells.attributes.index(grouping.attributes[0]),)
        for group in grouping.groups:
            key: Key = tuple(group.group[a] for a in grouping.attributes)
            sums = cells.sums[index][key]
            missing = {
                name: int(sums["rows"] - sums[f"present_{i}"])
                for i, name in enumerate(count_columns)
                if sums["rows"] - sums[f"present_{i}"] > 0
            }
            found.append(
                GroupMissing(
                    attributes=grouping.attributes,
                    label=group.label,
                    rows=group.rows,
                    missing=missing,
                )
            )
    return found
