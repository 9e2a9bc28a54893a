"""The one grouped scan: confusion counts per cell of all protected attributes together.

Every grouping the audit reports (each attribute alone, their intersections, everyone) is a sum of
these cells, so the data is scanned once; what leaves the backend is one row of counts per cell.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import ibis
import ibis.expr.types as ir

from tillid.audit.labels import Roles, other_label_counts, to_float

Key = tuple[str | None, ...]
Sums = dict[str, float]
CONFUSION = ("tp", "fp", "tn", "fn")


def protected_keys(t: ir.Table, roles: Roles) -> dict[str, ir.Value]:
    """Protected attributes as text, so every backend returns the same group labels."""
    return {f"g{i}": t[name].cast("string") for i, name in enumerate(roles.protected)}


def calibration_bin(t: ir.Table, roles: Roles, bins: int) -> ir.IntegerValue:
    score = t[roles.score].cast("float64")
    raw = (score * bins).floor().cast("int64")
    binned: ir.IntegerValue = ibis.ifelse(raw >= bins, bins - 1, raw)
    return binned


def cell_aggregates(
    t: ir.Table, roles: Roles, count_columns: Sequence[str]
) -> dict[str, ir.Scalar]:
    y, y_hat = roles.y(t), roles.y_hat(t)
    outcomes = {"tp": y & y_hat, "fp": ~y & y_hat, "tn": ~y & ~y_hat, "fn": y & ~y_hat}
    aggregates: dict[str, ir.Scalar] = {"rows": t.count()}
    for name, condition in outcomes.items():
        aggregates[name] = t.count(where=condition)
    weight = t[roles.weights].cast("float64") if roles.weights else None
    if weight is not None:
        for name, condition in outcomes.items():
            aggregates[f"w_{name}"] = weight.sum(where=condition)
            aggregates[f"w2_{name}"] = (weight * weight).sum(where=condition)
    if roles.score:
        score = t[roles.score].cast("float64")
        scored = score.notnull() & y.notnull() & y_hat.notnull()
        y_number = to_float(y)
        w = weight if weight is not None else ibis.literal(1.0)
        aggregates["s_n"] = t.count(where=scored)
        aggregates["s_pos"] = t.count(where=scored & y)
        aggregates["s_w"] = (score * 0 + w).sum(where=scored)
        aggregates["s_sum"] = (score * w).sum(where=scored)
        aggregates["s_y"] = (y_number * w).sum(where=scored)
        if roles.scores_are_probabilities:  # a Brier score of raw amounts means nothing
            aggregates["s_brier"] = ((score - y_number) ** 2 * w).sum(where=scored)
    for i, column in enumerate(count_columns):
        aggregates[f"present_{i}"] = t[column].count()
    aggregates.update(other_label_counts(t, roles))
    return aggregates


@dataclass
class Cells:
    """Sums per group for every grouping, rolled up from the cells of one query."""

    attributes: list[str]
    groupings: list[tuple[int, ...]]
    sums: dict[tuple[int, ...], dict[Key, Sums]]
    calibration: dict[tuple[int, ...], dict[Key, dict[int, Sums]]]


def groupings_for(attribute_count: int, intersections: bool) -> list[tuple[int, ...]]:
    """(), then each attribute alone, then every combination of two or more if asked."""
    sizes = range(1, attribute_count + 1) if intersections else range(1, 2)
    found: list[tuple[int, ...]] = [()]
    for size in sizes:
        found += list(itertools.combinations(range(attribute_count), size))
    return found


def roll_up(
    records: list[dict[str, Any]],
    attributes: list[str],
    groupings: list[tuple[int, ...]],
    with_calibration: bool,
) -> Cells:
    sums: dict[tuple[int, ...], dict[Key, Sums]] = {g: {} for g in groupings}
    calibration: dict[tuple[int, ...], dict[Key, dict[int, Sums]]] = {g: {} for g in groupings}
    value_fields = [
        name
        for name in (records[0] if records else {})
        if not name.startswith("g") and name != "cal"
    ]
    for record in records:
        full_key = tuple(_text(record[f"g{i}"]) for i in range(len(attributes)))
        values = {name: _float(record[name]) for name in value_fields}
        for grouping in groupings:
            key = tuple(full_key[i] for i in grouping)
            _add(sums[grouping].setdefault(key, defaultdict(float)), values)
            if with_calibration and record.get("cal") is not None and _float(record["cal"]) >= 0:
                by_bin = calibration[grouping].setdefault(key, {})
                _add(by_bin.setdefault(int(record["cal"]), defaultdict(float)), values)
    return Cells(attributes, groupings, sums, calibration)


def _add(target: Sums, values: Sums) -> None:
    for name, value in values.items():
        target[name] += value


def _text(value: Any) -> str | None:
    if value is None:
        return None
    try:
        if value != value:  # NaN from pandas for a missing group value
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


def _float(value: Any) -> float:
    if value is None:
        return 0.0
    number = float(value)
    return 0.0 if number != number else number


def fetch_cells(
    source_execute: Any,
    t: ir.Table,
    roles: Roles,
    count_columns: Sequence[str],
    calibration_bins: int | None,
) -> list[dict[str, Any]]:
    keys = protected_keys(t, roles)
    if calibration_bins is not None and roles.score:
        score_bin = calibration_bin(t, roles, calibration_bins)
        keys["cal"] = ibis.ifelse(t[roles.score].isnull(), -1, score_bin)
    aggregates = cell_aggregates(t, roles, count_columns)
    frame = source_execute(t.group_by(**keys).aggregate(**aggregates))
    records: list[dict[str, Any]] = frame.to_dict("records")
    return records
