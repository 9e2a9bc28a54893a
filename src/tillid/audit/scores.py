"""AUC per group, computed inside the backend from a score histogram.

Scores are put into fine equal-width buckets (10,000 over the observed range) and the Mann–Whitney
sum is taken over buckets with a window, so no score leaves the backend. Within a bucket positives
and negatives count as ties (half a pair each), exactly as in scikit-learn. When a bucket holds
more than one distinct score, the true AUC can differ by at most half of those tied pairs; that
bound is reported with every AUC (it is 0 for discrete scores such as deciles).
"""

from __future__ import annotations

from typing import Any

import ibis
import ibis.expr.types as ir

from tillid.audit.cells import Key, protected_keys
from tillid.audit.labels import Roles

BUCKETS = 10_000


def auc_by_group(
    execute: Any, t: ir.Table, roles: Roles, groupings: list[tuple[int, ...]]
) -> dict[tuple[int, ...], dict[Key, tuple[float | None, float | None]]]:
    """{grouping: {key: (auc, error bound)}}; None where a group lacks positives or negatives."""
    assert roles.score is not None and roles.score_min is not None and roles.score_max is not None
    base = _bucket_histogram(t, roles)
    key_names = [f"g{i}" for i in range(len(roles.protected))]
    parts = [
        _auc_for_grouping(base, grouping, key_names, index)
        for index, grouping in enumerate(groupings)
    ]
    union = parts[0]
    for part in parts[1:]:
        union = union.union(part)
    frame = execute(union)
    found: dict[tuple[int, ...], dict[Key, tuple[float | None, float | None]]] = {
        g: {} for g in groupings
    }
    for record in frame.to_dict("records"):
        grouping = groupings[int(record["grouping"])]
        key = tuple(_text(record[key_names[i]]) for i in grouping)
        positives, negatives = float(record["positives"]), float(record["negatives"])
        if positives <= 0 or negatives <= 0:
            found[grouping][key] = (None, None)
            continue
        pairs = positives * negatives
        found[grouping][key] = (
            float(record["mann_whitney"]) / pairs,
            float(record["ties"]) / 2 / pairs,
        )
    return found


def _bucket_histogram(t: ir.Table, roles: Roles) -> ir.Table:
    assert roles.score is not None and roles.score_min is not None and roles.score_max is not None
    score = t[roles.score].cast("float64")
    span = roles.score_max - roles.score_min
    if span > 0:
        raw = ((score - roles.score_min) / span * BUCKETS).floor().cast("int64")
        bucket = ibis.ifelse(raw >= BUCKETS, BUCKETS - 1, raw)
    else:
        bucket = ibis.literal(0, type="int64")
    y, y_hat = roles.y(t), roles.y_hat(t)
    scored = score.notnull() & y.notnull() & y_hat.notnull()
    weight = t[roles.weights].cast("float64") if roles.weights else score * 0 + 1.0
    keys = protected_keys(t, roles)
    histogram: ir.Table = (
        t.filter(scored)
        .group_by(bucket=bucket, **keys)
        .aggregate(
            pos=weight.sum(where=y),
            neg=weight.sum(where=~y),
            low=score.min(),
            high=score.max(),
        )
    )
    return histogram


def _auc_for_grouping(
    base: ir.Table, grouping: tuple[int, ...], key_names: list[str], index: int
) -> ir.Table:
    keys = [key_names[i] for i in grouping]
    by_bucket = base.group_by([*keys, "bucket"]).aggregate(
        pos=base.pos.sum().fill_null(0.0),
        neg=base.neg.sum().fill_null(0.0),
        mixed=base.high.max() > base.low.min(),
    )
    window = ibis.window(
        group_by=[by_bucket[k] for k in keys] or None,
        order_by=by_bucket.bucket,
        preceding=None,
        following=0,
    )
    below = by_bucket.neg.sum().over(window) - by_bucket.neg
    pairs = by_bucket.mutate(
        contribution=by_bucket.pos * (below + by_bucket.neg * 0.5),
        tied=ibis.ifelse(by_bucket.mixed, by_bucket.pos * by_bucket.neg, 0.0),
    )
    aggregates = {
        "mann_whitney": pairs.contribution.sum().cast("float64"),
        "ties": pairs.tied.sum().cast("float64"),
        "positives": pairs.pos.sum().cast("float64"),
        "negatives": pairs.neg.sum().cast("float64"),
    }
    summary = (
        pairs.group_by(keys).aggregate(**aggregates) if keys else pairs.aggregate(**aggregates)
    )
    columns: dict[str, Any] = {"grouping": ibis.literal(index, type="int64")}
    for name in key_names:
        columns[name] = summary[name] if name in keys else ibis.null("string")
    columns.update({name: summary[name] for name in aggregates})
    selected: ir.Table = summary.select(**columns)
    return selected


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return str(value)
