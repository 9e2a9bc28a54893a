"""Drift: a shifted column shows a major PSI; an unchanged one stays stable."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tillid.audit import AuditDataError, AuditSpec, DriftSpec, run_audit


def _period(rows: int, seed: int, income_shift: float, share_m: float) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "label": rng.integers(0, 2, rows),
            "prediction": rng.integers(0, 2, rows),
            "sex": rng.choice(["F", "M"], rows, p=[1 - share_m, share_m]),
            "income": rng.normal(30000 + income_shift, 5000, rows),
            "age": rng.integers(18, 90, rows),
        }
    )


def test_psi_flags_the_shifted_column_only(tmp_path) -> None:
    reference = _period(5000, 1, 0, 0.5)
    current = _period(5000, 2, 6000, 0.5)
    reference.to_parquet(tmp_path / "reference.parquet")
    spec = AuditSpec(
        target="label",
        prediction="prediction",
        protected=["sex"],
        checks=["drift"],
        drift=DriftSpec(reference=str(tmp_path / "reference.parquet")),
    )
    drift = run_audit(current, spec).drift
    assert drift is not None
    levels = {c.column: c.level for c in drift.columns}
    assert levels["income"] == "major"
    assert levels["age"] == "stable" and levels["sex"] == "stable"
    income = next(c for c in drift.columns if c.column == "income")
    assert income.current_mean - income.reference_mean == pytest.approx(6000, rel=0.05)
    assert sum(b.reference_share for b in income.bins) == pytest.approx(1.0)


def test_split_column_and_categorical_psi_by_hand() -> None:
    before = _period(4000, 3, 0, 0.5).assign(period="2024")
    after = _period(4000, 4, 0, 0.8).assign(period="2025")
    frame = pd.concat([before, after], ignore_index=True)
    spec = AuditSpec(
        target="label",
        prediction="prediction",
        protected=["sex"],
        checks=["drift"],
        drift=DriftSpec(split_column="period", reference_value="2024", columns=["sex"]),
    )
    drift = run_audit(frame, spec).drift
    assert drift is not None and drift.reference_rows == 4000 and drift.current_rows == 4000
    ref = before["sex"].value_counts(normalize=True)
    cur = after["sex"].value_counts(normalize=True)
    expected = sum((cur[v] - ref[v]) * np.log(cur[v] / ref[v]) for v in ("F", "M"))
    assert drift.columns[0].psi == pytest.approx(expected, abs=1e-12)


def test_identical_data_has_zero_psi() -> None:
    frame = _period(3000, 5, 0, 0.5)
    doubled = pd.concat([frame.assign(period="a"), frame.assign(period="b")], ignore_index=True)
    spec = AuditSpec(
        target="label",
        prediction="prediction",
        protected=["sex"],
        checks=["drift"],
        drift=DriftSpec(split_column="period", reference_value="a"),
    )
    drift = run_audit(doubled, spec).drift
    assert drift is not None
    assert all(c.psi == pytest.approx(0.0, abs=1e-12) for c in drift.columns)


def test_reference_smaller_than_k_is_refused() -> None:
    frame = _period(500, 6, 0, 0.5).assign(period="2025")
    frame.loc[:4, "period"] = "2024"
    spec = AuditSpec(
        target="label",
        prediction="prediction",
        protected=["sex"],
        checks=["drift"],
        drift=DriftSpec(split_column="period", reference_value="2024"),
    )
    with pytest.raises(AuditDataError, match="only 5 rows; with k = 10"):
        run_audit(frame, spec)
