"""Statistics on aggregate counts: Wilson intervals, tests, multiple-testing correction.

Everything here works on counts that already left the backend: plain Python, no rows, no numpy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist
from typing import Literal

_NORMAL = NormalDist()

Correction = Literal["holm", "bh"]


def wilson_interval(successes: float, n: float, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a proportion; stays inside [0, 1] even for 0 or n successes.

    `successes` and `n` may be fractional for weighted rows (`n` is then the effective size).
    """
    if n <= 0:
        return (math.nan, math.nan)
    z = _NORMAL.inv_cdf(0.5 + confidence / 2)
    p = min(max(successes / n, 0.0), 1.0)
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    low = 0.0 if successes <= 0 else max(0.0, centre - half)
    high = 1.0 if successes >= n else min(1.0, centre + half)
    return (low, high)


@dataclass(frozen=True)
class TestOutcome:
    method: Literal["z-test", "fisher-exact"]
    p_value: float


def two_proportion_z_test(x1: float, n1: float, x2: float, n2: float) -> float:
    """Two-sided p-value of the pooled two-proportion z-test."""
    if n1 <= 0 or n2 <= 0:
        return math.nan
    pooled = (x1 + x2) / (n1 + n2)
    variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
    if variance <= 0:
        # Both groups all-successes or all-failures: no evidence of a difference.
        return 1.0
    z = (x1 / n1 - x2 / n2) / math.sqrt(variance)
    return 2 * _NORMAL.cdf(-abs(z))  # the lower tail keeps tiny p-values exact


def _log_hypergeometric(a: int, row1: int, col1: int, total: int) -> float:
    """log P(top-left cell = a) for a 2x2 table with fixed margins (a within its support)."""
    return _log_comb(col1, a) + _log_comb(total - col1, row1 - a) - _log_comb(total, row1)


def _log_comb(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def fisher_exact_test(x1: int, n1: int, x2: int, n2: int) -> float:
    """Two-sided Fisher exact p-value: sum of tables no more likely than the observed one.

    Same convention as scipy.stats.fisher_exact (relative tolerance 1e-7 for ties).
    """
    total = n1 + n2
    col1 = x1 + x2
    low, high = max(0, col1 - n2), min(n1, col1)
    observed = _log_hypergeometric(x1, n1, col1, total)
    threshold = observed + math.log1p(1e-7)
    p = 0.0
    for a in range(low, high + 1):
        log_p = _log_hypergeometric(a, n1, col1, total)
        if log_p <= threshold:
            p += math.exp(log_p)
    return min(1.0, p)


def compare_proportions(x1: float, n1: float, x2: float, n2: float, exact: bool) -> TestOutcome:
    """Fisher exact test when any expected cell count is below 5 (Cochran), else the z-test.

    `exact=False` (weighted data: counts are not integers) always uses the z-test.
    """
    total = n1 + n2
    successes = x1 + x2
    expected = min(n1, n2) * min(successes, total - successes) / total if total > 0 else 0.0
    if exact and expected < 5:
        return TestOutcome("fisher-exact", fisher_exact_test(int(x1), int(n1), int(x2), int(n2)))
    return TestOutcome("z-test", two_proportion_z_test(x1, n1, x2, n2))


def adjust_p_values(p_values: list[float], method: Correction = "holm") -> list[float]:
    """Holm (family-wise error) or Benjamini–Hochberg (false discovery rate) adjusted p-values.

    NaN p-values (untestable comparisons) stay NaN and do not count towards the family size.
    """
    indexed = [(p, i) for i, p in enumerate(p_values) if not math.isnan(p)]
    m = len(indexed)
    adjusted = [math.nan] * len(p_values)
    if m == 0:
        return adjusted
    indexed.sort()
    if method == "holm":
        running = 0.0
        for rank, (p, i) in enumerate(indexed):
            running = max(running, min(1.0, (m - rank) * p))
            adjusted[i] = running
    else:
        running = 1.0
        for rank in range(m - 1, -1, -1):
            p, i = indexed[rank]
            running = min(running, p * m / (rank + 1))
            adjusted[i] = min(1.0, running)
    return adjusted
