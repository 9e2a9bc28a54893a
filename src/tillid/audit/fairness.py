"""Disparities between the reported groups of a grouping, with tests that survive many comparisons.

For every grouping and rate, every pair of reported groups is compared (two-proportion z-test, or
Fisher's exact test when an expected count is below 5). All these p-values form one family per
audit and are corrected together (Holm by default, controlling the chance of any false alarm; or
Benjamini–Hochberg). A disparity (the gap between the highest and the lowest group) is flagged when
any pair of groups differs significantly after correction, and those pairs are listed: the
extremes are often small groups whose gap is within chance while two large groups differ clearly
(COMPAS: Native American vs Asian defendants at the extremes, African-American vs Caucasian
significant). Testing all pairs is what makes picking any of them after looking legitimate.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from tillid.audit.metrics import rate_counts
from tillid.audit.result import (
    Disparity,
    FairnessReport,
    Grouping,
    GroupMetrics,
    PairDifference,
    RateName,
    SignificanceTest,
)
from tillid.audit.spec import AuditSpec
from tillid.audit.stats import TestOutcome, adjust_p_values, compare_proportions

DIFFERENCES: list[tuple[str, RateName]] = [
    ("demographic_parity_difference", "selection_rate"),
    ("equal_opportunity_difference", "tpr"),
    ("predictive_parity_difference", "precision"),
    ("false_positive_rate_difference", "fpr"),
    ("false_negative_rate_difference", "fnr"),
]
# Pairwise tests grow with the square of the groups; beyond this many groups a grouping (e.g. a
# postcode) is reported without tests rather than drowning every other test in the correction.
MAX_TESTED_GROUPS = 100
TESTED_RATES: tuple[RateName, ...] = ("selection_rate", "tpr", "fpr", "precision")
# FNR = 1 - TPR on the same rows, so its test is the TPR test; testing it twice would only
# make the correction stricter for nothing.
TEST_OF: dict[RateName, RateName] = {"fnr": "tpr"}


@dataclass
class _Pair:
    grouping: int
    rate: RateName
    first: str
    second: str
    outcome: TestOutcome


def fairness_reports(
    groupings: list[Grouping], sums_of: dict[tuple[int, str], dict[str, float]], spec: AuditSpec
) -> list[FairnessReport]:
    """`sums_of[(grouping index, group label)]` holds the counts behind each reported group."""
    weighted = spec.weights is not None
    pairs: list[_Pair] = []
    for index, grouping in enumerate(groupings):
        if len(grouping.groups) > MAX_TESTED_GROUPS:
            continue  # reported without tests; see MAX_TESTED_GROUPS
        for rate in TESTED_RATES:
            for a, b in itertools.combinations(grouping.groups, 2):
                x1, n1 = rate_counts(sums_of[(index, a.label)], rate, weighted)
                x2, n2 = rate_counts(sums_of[(index, b.label)], rate, weighted)
                if n1 <= 0 or n2 <= 0:
                    continue
                outcome = compare_proportions(x1, n1, x2, n2, exact=not weighted)
                pairs.append(_Pair(index, rate, a.label, b.label, outcome))
    adjusted = adjust_p_values([p.outcome.p_value for p in pairs], spec.correction)
    tests: dict[tuple[int, RateName, frozenset[str]], SignificanceTest] = {}
    for pair, p_adjusted in zip(pairs, adjusted, strict=True):
        tests[(pair.grouping, pair.rate, frozenset((pair.first, pair.second)))] = SignificanceTest(
            method=pair.outcome.method,
            p_value=pair.outcome.p_value,
            p_adjusted=p_adjusted,
            significant=p_adjusted < spec.alpha,
        )
    return [
        _report(index, grouping, tests, spec)
        for index, grouping in enumerate(groupings)
        if grouping.attributes
    ]


def _report(
    index: int,
    grouping: Grouping,
    tests: dict[tuple[int, RateName, frozenset[str]], SignificanceTest],
    spec: AuditSpec,
) -> FairnessReport:
    disparities: dict[str, Disparity] = {}
    for metric, rate in DIFFERENCES:
        disparities[metric] = _difference(metric, rate, index, grouping.groups, tests)
    selection = disparities["demographic_parity_difference"]
    ratio = _ratio(grouping.groups, selection)
    four_fifths_violated = ratio.value is not None and ratio.value < spec.four_fifths
    # Four-fifths, tested: a pair of groups that differs significantly and whose selection rates
    # are in a ratio below the threshold (the extremes alone are often two small groups).
    rates = {g.label: g.selection_rate.value or 0.0 for g in grouping.groups}
    ratio.significant_pairs = [
        pair
        for pair in selection.significant_pairs
        if rates[pair.higher] > 0 and rates[pair.lower] / rates[pair.higher] < spec.four_fifths
    ]
    ratio.flagged = bool(ratio.significant_pairs)
    tpr, fpr = (
        disparities["equal_opportunity_difference"],
        disparities["false_positive_rate_difference"],
    )
    odds = max(
        (d for d in (tpr, fpr) if d.value is not None),
        key=lambda d: d.value or 0.0,
        default=None,
    )
    equalized = Disparity(
        metric="equalized_odds_difference",
        rate=odds.rate if odds else "tpr",
        value=odds.value if odds else None,
        higher=odds.higher if odds else None,
        lower=odds.lower if odds else None,
        test=odds.test if odds else None,
        significant_pairs=odds.significant_pairs if odds else [],
        flagged=odds.flagged if odds else False,
    )
    ordered = [
        disparities["demographic_parity_difference"],
        ratio,
        disparities["equal_opportunity_difference"],
        equalized,
        disparities["predictive_parity_difference"],
        disparities["false_positive_rate_difference"],
        disparities["false_negative_rate_difference"],
    ]
    return FairnessReport(
        attributes=grouping.attributes,
        disparities=ordered,
        four_fifths_violated=four_fifths_violated,
    )


def _extremes(
    groups: list[GroupMetrics], rate: RateName
) -> tuple[GroupMetrics, GroupMetrics] | None:
    rated = [g for g in groups if g.rate(rate).value is not None]
    if len(rated) < 2:
        return None
    highest = max(rated, key=lambda g: g.rate(rate).value or 0.0)
    lowest = min(rated, key=lambda g: g.rate(rate).value or 0.0)
    return highest, lowest


def _difference(
    metric: str,
    rate: RateName,
    index: int,
    groups: list[GroupMetrics],
    tests: dict[tuple[int, RateName, frozenset[str]], SignificanceTest],
) -> Disparity:
    extremes = _extremes(groups, rate)
    if extremes is None:
        return Disparity(metric=metric, rate=rate, value=None, flagged=False)
    high, low = extremes
    value = (high.rate(rate).value or 0.0) - (low.rate(rate).value or 0.0)
    tested = TEST_OF.get(rate, rate)
    test = tests.get((index, tested, frozenset((high.label, low.label))))
    pairs = _significant_pairs(index, rate, tested, groups, tests)
    return Disparity(
        metric=metric,
        rate=rate,
        value=value,
        higher=high.label,
        lower=low.label,
        test=test,
        significant_pairs=pairs,
        flagged=bool(pairs),
    )


def _significant_pairs(
    index: int,
    rate: RateName,
    tested: RateName,
    groups: list[GroupMetrics],
    tests: dict[tuple[int, RateName, frozenset[str]], SignificanceTest],
) -> list[PairDifference]:
    pairs = []
    for a, b in itertools.combinations(groups, 2):
        test = tests.get((index, tested, frozenset((a.label, b.label))))
        rate_a, rate_b = a.rate(rate).value, b.rate(rate).value
        if test is None or not test.significant or rate_a is None or rate_b is None:
            continue
        high, low = (a, b) if rate_a >= rate_b else (b, a)
        pairs.append(
            PairDifference(
                higher=high.label,
                lower=low.label,
                difference=abs(rate_a - rate_b),
                test=test,
            )
        )
    return sorted(pairs, key=lambda pair: -pair.difference)


def _ratio(groups: list[GroupMetrics], selection: Disparity) -> Disparity:
    extremes = _extremes(groups, "selection_rate")
    value = None
    if extremes is not None:
        high, low = extremes
        top = high.selection_rate.value or 0.0
        value = (low.selection_rate.value or 0.0) / top if top > 0 else None
    return Disparity(
        metric="demographic_parity_ratio",
        rate="selection_rate",
        value=value,
        higher=selection.higher,
        lower=selection.lower,
        test=selection.test,
        flagged=False,
    )
