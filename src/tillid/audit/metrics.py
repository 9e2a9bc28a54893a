"""From summed confusion counts to rates with Wilson intervals, the way fairlearn defines them."""

from __future__ import annotations

from collections.abc import Mapping

from tillid.audit.result import (
    CalibrationBin,
    ConfusionCounts,
    GroupKey,
    GroupMetrics,
    Rate,
    RateName,
)
from tillid.audit.stats import wilson_interval

# Each rate is a share of confusion cells: (numerator cells, denominator cells).
RATE_CELLS: dict[RateName, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "accuracy": (("tp", "tn"), ("tp", "fp", "tn", "fn")),
    "precision": (("tp",), ("tp", "fp")),
    "tpr": (("tp",), ("tp", "fn")),
    "fpr": (("fp",), ("fp", "tn")),
    "fnr": (("fn",), ("tp", "fn")),
    "selection_rate": (("tp", "fp"), ("tp", "fp", "tn", "fn")),
    "base_rate": (("tp", "fn"), ("tp", "fp", "tn", "fn")),
}


def rate_counts(sums: Mapping[str, float], name: RateName, weighted: bool) -> tuple[float, float]:
    """(successes, trials) for a rate. Weighted: Kish effective trials, successes scaled alike.

    The effective size (sum w)^2 / sum w^2 keeps intervals and tests honest when a few heavy rows
    dominate; unweighted it is the plain count.
    """
    numerator, denominator = RATE_CELLS[name]
    if not weighted:
        return (sum(sums[c] for c in numerator), sum(sums[c] for c in denominator))
    total = sum(sums[f"w_{c}"] for c in denominator)
    squares = sum(sums[f"w2_{c}"] for c in denominator)
    if total <= 0 or squares <= 0:
        return (0.0, 0.0)
    effective = total * total / squares
    share = sum(sums[f"w_{c}"] for c in numerator) / total
    return (share * effective, effective)


def rate_value(sums: Mapping[str, float], name: RateName, weighted: bool) -> float | None:
    numerator, denominator = RATE_CELLS[name]
    prefix = "w_" if weighted else ""
    total = sum(sums[prefix + c] for c in denominator)
    if total <= 0:
        return None
    return sum(sums[prefix + c] for c in numerator) / total


def build_rate(
    sums: Mapping[str, float], name: RateName, weighted: bool, confidence: float
) -> Rate:
    value = rate_value(sums, name, weighted)
    if value is None:
        return Rate(value=None)
    successes, trials = rate_counts(sums, name, weighted)
    low, high = wilson_interval(successes, trials, confidence)
    return Rate(value=value, low=low, high=high)


def group_label(attributes: list[str], key: tuple[str | None, ...]) -> str:
    if not attributes:
        return "all"
    return ", ".join(f"{a}={_shown(v)}" for a, v in zip(attributes, key, strict=True))


def _shown(value: str | None) -> str:
    return "(missing)" if value is None else value


def build_group_metrics(
    attributes: list[str],
    key: tuple[str | None, ...],
    sums: Mapping[str, float],
    weighted: bool,
    confidence: float,
) -> GroupMetrics:
    counts = ConfusionCounts(
        n=int(sum(sums[c] for c in ("tp", "fp", "tn", "fn"))),
        tp=int(sums["tp"]),
        fp=int(sums["fp"]),
        tn=int(sums["tn"]),
        fn=int(sums["fn"]),
    )
    group: GroupKey = dict(zip(attributes, key, strict=True))
    rates = {name: build_rate(sums, name, weighted, confidence) for name in RATE_CELLS}
    brier = None
    if sums.get("s_w", 0.0) > 0 and "s_brier" in sums:
        brier = sums["s_brier"] / sums["s_w"]
    return GroupMetrics(
        group=group,
        label=group_label(attributes, key),
        rows=int(sums["rows"]),
        counts=counts,
        weight=sum(sums[f"w_{c}"] for c in ("tp", "fp", "tn", "fn")) if weighted else None,
        brier=brier,
        **rates,
    )


def build_calibration(
    by_bin: Mapping[int, Mapping[str, float]], bins: int, k: int, confidence: float
) -> list[CalibrationBin]:
    """Mean score vs observed positive share per score bin; bins with fewer than k rows dropped."""
    from tillid.audit.privacy import suppress_small_groups

    sizes: dict[tuple[str | None, ...], tuple[int, int]] = {
        (str(b),): (int(s["s_n"]), int(s["s_n"])) for b, s in by_bin.items() if s["s_n"] > 0
    }
    hidden = suppress_small_groups(["bin"], sizes, k)
    result = []
    for b in sorted(by_bin):
        s = by_bin[b]
        if s["s_n"] <= 0 or (str(b),) in hidden or s["s_w"] <= 0:
            continue
        observed = s["s_y"] / s["s_w"]
        low, high = wilson_interval(observed * s["s_n"], s["s_n"], confidence)
        result.append(
            CalibrationBin(
                low=b / bins,
                high=(b + 1) / bins,
                n=int(s["s_n"]),
                mean_score=s["s_sum"] / s["s_w"],
                observed_rate=Rate(value=observed, low=low, high=high),
            )
        )
    return result
