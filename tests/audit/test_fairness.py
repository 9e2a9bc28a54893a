"""Disparity tests: real gaps are flagged, chance gaps between many small groups are not."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tillid.audit import AuditSpec, run_audit

SPEC = AuditSpec(target="label", prediction="prediction", protected=["group"], checks=["fairness"])


def _decisions(rng: np.random.Generator, rates: dict[str, float], size: int) -> pd.DataFrame:
    parts = [
        pd.DataFrame(
            {
                "group": name,
                "label": rng.integers(0, 2, size),
                "prediction": (rng.random(size) < rate).astype(int),
            }
        )
        for name, rate in rates.items()
    ]
    return pd.concat(parts, ignore_index=True)


def test_no_false_alarms_when_groups_only_differ_by_chance() -> None:
    rng = np.random.default_rng(0)
    alarms = 0
    for _ in range(20):
        frame = _decisions(rng, {f"g{i}": 0.4 for i in range(8)}, 40)
        result = run_audit(frame, SPEC)
        alarms += any(d.flagged for d in result.fairness[0].disparities)
    # Holm keeps the chance of any false alarm per audit at 5%: expect about 1 in 20.
    assert alarms <= 3


def test_a_real_gap_between_large_groups_is_flagged_with_its_pair() -> None:
    rng = np.random.default_rng(1)
    frame = _decisions(rng, {"A": 0.30, "B": 0.45, "C": 0.31}, 2000)
    result = run_audit(frame, SPEC)
    report = result.fairness[0]
    parity = next(d for d in report.disparities if d.metric == "demographic_parity_difference")
    assert parity.flagged and parity.higher == "group=B" and parity.lower in {"group=A", "group=C"}
    pairs = {(p.higher, p.lower) for p in parity.significant_pairs}
    assert pairs == {("group=B", "group=A"), ("group=B", "group=C")}
    ratio = next(d for d in report.disparities if d.metric == "demographic_parity_ratio")
    assert report.four_fifths_violated and ratio.flagged
    assert ratio.value is not None and ratio.value < 0.8


def test_very_many_groups_are_reported_without_tests() -> None:
    rng = np.random.default_rng(2)
    frame = _decisions(rng, {f"{1000 + i}": 0.4 for i in range(120)}, 20)
    result = run_audit(frame, SPEC)
    assert any("without significance tests" in w for w in result.warnings)
    assert all(d.test is None and not d.flagged for d in result.fairness[0].disparities)
