"""Wilson intervals, proportion tests and corrections agree with textbook values and scipy."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats as scipy_stats

from tillid.audit.stats import (
    adjust_p_values,
    compare_proportions,
    fisher_exact_test,
    two_proportion_z_test,
    wilson_interval,
)


def test_wilson_interval_matches_textbook_values() -> None:
    # Agresti & Coull (1998) / Newcombe (1998): 0 of 10 -> [0, 0.2775]; 81 of 263 -> [0.2553, 0.3662]
    low, high = wilson_interval(0, 10)
    assert low == 0.0
    assert high == pytest.approx(0.2775, abs=1e-4)
    low, high = wilson_interval(81, 263)
    assert (low, high) == (pytest.approx(0.2553, abs=1e-4), pytest.approx(0.3662, abs=1e-4))


@given(st.integers(1, 5000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_wilson_interval_contains_the_estimate_and_stays_in_unit_range(
    case: tuple[int, int],
) -> None:
    successes, n = case
    low, high = wilson_interval(successes, n)
    assert 0.0 <= low <= successes / n <= high <= 1.0


@settings(max_examples=200)
@given(st.integers(0, 60), st.integers(1, 60), st.integers(0, 60), st.integers(1, 60))
def test_fisher_exact_equals_scipy(x1: int, n1: int, x2: int, n2: int) -> None:
    x1, x2 = min(x1, n1), min(x2, n2)
    expected = scipy_stats.fisher_exact([[x1, n1 - x1], [x2, n2 - x2]]).pvalue
    assert fisher_exact_test(x1, n1, x2, n2) == pytest.approx(expected, rel=1e-6, abs=1e-12)


def test_z_test_equals_the_normal_approximation() -> None:
    # 30/100 vs 45/100: pooled p = 0.375, z = -2.1909
    p = two_proportion_z_test(30, 100, 45, 100)
    z = (0.30 - 0.45) / math.sqrt(0.375 * 0.625 * (2 / 100))
    assert p == pytest.approx(2 * scipy_stats.norm.sf(abs(z)), rel=1e-12)


def test_small_expected_counts_use_fisher_large_use_z() -> None:
    assert compare_proportions(1, 12, 6, 14, exact=True).method == "fisher-exact"
    assert compare_proportions(300, 1000, 350, 1000, exact=True).method == "z-test"
    assert compare_proportions(1, 12, 6, 14, exact=False).method == "z-test"


def test_holm_and_benjamini_hochberg_match_their_definitions() -> None:
    p = [0.01, 0.04, 0.03, 0.005, math.nan]
    holm = adjust_p_values(p, "holm")
    # sorted 0.005, 0.01, 0.03, 0.04 -> 4x, 3x, 2x, 1x with running maximum
    assert holm[:4] == pytest.approx([0.03, 0.06, 0.06, 0.02])
    assert math.isnan(holm[4])
    bh = adjust_p_values(p, "bh")
    # 0.005*4/1=0.02, 0.01*4/2=0.02, 0.03*4/3=0.04, 0.04*4/4=0.04
    assert bh[:4] == pytest.approx([0.02, 0.04, 0.04, 0.02])
