"""Data-quality findings: missing values, duplicates, constant columns, rule breaches, leakage."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tillid.audit import AuditSpec, ColumnRule, run_audit


def _frame() -> pd.DataFrame:
    rng = np.random.default_rng(2)
    rows = 2000
    frame = pd.DataFrame(
        {
            "case_id": np.arange(rows),
            "label": rng.integers(0, 2, rows),
            "prediction": rng.integers(0, 2, rows),
            "sex": rng.choice(["F", "M"], rows),
            "age": rng.integers(18, 90, rows).astype("float64"),
            "municipality": rng.choice(["101", "147", "751", "x"], rows),
            "country": "DK",
        }
    )
    frame["outcome_code"] = frame["label"] * 10  # the target in disguise
    frame["status"] = np.where(frame["label"] == 1, "closed-granted", "closed-refused")
    frame.loc[frame.sample(100, random_state=1).index, "age"] = np.nan
    frame.loc[frame.index[:30], "age"] = 150  # out of range
    return pd.concat([frame, frame.head(25)], ignore_index=True)  # 25 duplicates


def test_quality_report_finds_what_is_wrong() -> None:
    frame = _frame()
    spec = AuditSpec(
        target="label",
        prediction="prediction",
        protected=["sex"],
        columns={
            "age": ColumnRule(type="integer", min=0, max=120),
            "municipality": ColumnRule(type="integer", allowed=["101", "147", "751"]),
        },
    )
    quality = run_audit(frame, spec).quality
    assert quality is not None
    columns = {c.column: c for c in quality.columns}
    assert quality.rows == len(frame)
    assert quality.duplicates == 25
    assert columns["age"].missing == frame["age"].isna().sum()
    assert columns["age"].out_of_range == (frame["age"] > 120).sum()
    assert columns["municipality"].not_allowed == (frame["municipality"] == "x").sum()
    assert columns["municipality"].invalid_type == (frame["municipality"] == "x").sum()
    assert columns["country"].constant and not columns["sex"].constant
    leaks = {f.column: f.measure for f in quality.leakage}
    assert leaks == {"outcome_code": "correlation", "status": "purity"}
    by_group = {m.label: m.missing for m in quality.missing_by_group}
    assert (
        sum(by_group[label].get("age", 0) for label in ("sex=F", "sex=M")) == columns["age"].missing
    )
    balance = {b.label: b for b in quality.class_balance}
    females = frame[frame["sex"] == "F"]
    assert balance["sex=F"].positives == females["label"].sum()
