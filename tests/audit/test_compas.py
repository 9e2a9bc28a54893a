"""Given ProPublica's COMPAS data, the audit reproduces the known disparity in false positives.

ProPublica (2016, "Machine Bias") found that Black defendants who did not reoffend were labelled
medium or high risk about twice as often as white defendants (their article: 44.9% against 23.5%),
while white defendants who did reoffend were labelled low risk more often (47.7% against 28.0%).
On the 6,172 rows of ProPublica's published filter the same comparison gives 42.3% against 22.0%
and 28.5% against 49.6%, the figures usually reproduced from this file.
"""

from __future__ import annotations

import pandas as pd
import pytest

from tillid.audit import AuditSpec, run_audit


@pytest.fixture(scope="module")
def compas(compas_csv) -> pd.DataFrame:
    frame = pd.read_csv(compas_csv)
    # ProPublica's own filter: 6,172 people with a usable screening date and outcome.
    usable = (
        frame["days_b_screening_arrest"].between(-30, 30)
        & (frame["is_recid"] != -1)
        & (frame["c_charge_degree"] != "O")
        & (frame["score_text"] != "N/A")
    )
    return frame[usable]


def test_compas_false_positive_rate_by_race_reproduces_propublica(compas) -> None:
    assert len(compas) == 6172
    spec = AuditSpec(
        target="two_year_recid",
        prediction="decile_score",
        prediction_threshold=5,  # "medium" or "high" risk
        protected=["race", "sex"],
    )
    result = run_audit(compas, spec)
    race = {g.group["race"]: g for g in result.grouping("race").groups}
    black, white = race["African-American"], race["Caucasian"]
    assert black.fpr.value == pytest.approx(0.423, abs=0.001)
    assert white.fpr.value == pytest.approx(0.220, abs=0.001)
    assert black.fnr.value == pytest.approx(0.285, abs=0.001)
    assert white.fnr.value == pytest.approx(0.496, abs=0.001)
    for group, people in ((black, "African-American"), (white, "Caucasian")):
        rows = compas[compas["race"] == people]
        negatives = rows[rows["two_year_recid"] == 0]
        assert group.fpr.value == pytest.approx((negatives["decile_score"] >= 5).mean(), abs=1e-12)
    assert black.fpr.low > white.fpr.high  # the intervals do not even overlap

    fairness = next(f for f in result.fairness if f.attributes == ["race"])
    fpr = next(d for d in fairness.disparities if d.metric == "false_positive_rate_difference")
    # The extremes are two small groups: a large gap, but within chance after Holm.
    assert fpr.higher == "race=Native American" and not fpr.test.significant
    pair = next(
        p
        for p in fpr.significant_pairs
        if {p.higher, p.lower} == {"race=African-American", "race=Caucasian"}
    )
    assert fpr.flagged and pair.higher == "race=African-American" and pair.test.p_adjusted < 1e-10
    # 18 Native Americans are shown (k = 10); among the sex × race cells some are not.
    assert "Native American" in race
    assert any(s.attributes == ["race", "sex"] for s in result.suppressed)
