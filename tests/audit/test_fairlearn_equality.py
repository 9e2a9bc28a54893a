"""Given generated decisions, the audit's numbers equal fairlearn's MetricFrame to 1e-9."""

from __future__ import annotations

import itertools
import warnings

import numpy as np
import pandas as pd
import pytest
from fairlearn.metrics import (
    MetricFrame,
    demographic_parity_difference,
    demographic_parity_ratio,
    equal_opportunity_difference,
    equalized_odds_difference,
    false_negative_rate,
    false_positive_rate,
    selection_rate,
    true_positive_rate,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.metrics import accuracy_score, brier_score_loss, precision_score, roc_auc_score

from tillid.audit import AuditSpec, run_audit

PROTECTED = ["sex", "race", "age_group"]
TOLERANCE = 1e-9
METRICS = {
    "accuracy": accuracy_score,
    "precision": precision_score,
    "tpr": true_positive_rate,
    "fpr": false_positive_rate,
    "fnr": false_negative_rate,
    "selection_rate": selection_rate,
}


def _key(values: object) -> tuple[str, ...]:
    return tuple(str(v) for v in (values if isinstance(values, tuple) else (values,)))


@pytest.fixture(scope="module")
def audited(decisions_of) -> tuple[pd.DataFrame, object]:
    frame = decisions_of(20_000, seed=7)
    spec = AuditSpec(
        target="label",
        prediction="prediction",
        score="score",
        protected=PROTECTED,
        k=1,
        checks=["performance", "fairness"],
    )
    return frame, run_audit(frame, spec)


@pytest.mark.parametrize(
    "attributes",
    [list(c) for size in (1, 2, 3) for c in itertools.combinations(PROTECTED, size)],
    ids=lambda a: "×".join(a),
)
def test_rates_per_group_equal_fairlearn(audited, attributes: list[str]) -> None:
    frame, result = audited
    fairlearn = MetricFrame(
        metrics={**METRICS, "count": lambda y, p: len(y)},
        y_true=frame["label"],
        y_pred=frame["prediction"],
        sensitive_features=frame[attributes],
    )
    ours = {
        _key(tuple(g.group[a] for a in attributes)): g for g in result.grouping(*attributes).groups
    }
    assert len(ours) == len(fairlearn.by_group)
    for index, row in fairlearn.by_group.iterrows():
        group = ours[_key(index)]
        assert group.counts.n == row["count"]
        for name in METRICS:
            assert group.rate(name).value == pytest.approx(row[name], abs=TOLERANCE), name
    for name in METRICS:
        assert result.overall.rate(name).value == pytest.approx(
            fairlearn.overall[name], abs=TOLERANCE
        )


@pytest.mark.parametrize(
    "attributes",
    [list(c) for size in (1, 3) for c in itertools.combinations(PROTECTED, size)],
    ids=lambda a: "×".join(a),
)
def test_disparities_equal_fairlearn(audited, attributes: list[str]) -> None:
    frame, result = audited
    features = frame[attributes]
    y, p = frame["label"], frame["prediction"]
    expected = {
        "demographic_parity_difference": demographic_parity_difference(
            y, p, sensitive_features=features
        ),
        "demographic_parity_ratio": demographic_parity_ratio(y, p, sensitive_features=features),
        "equalized_odds_difference": equalized_odds_difference(y, p, sensitive_features=features),
        "equal_opportunity_difference": equal_opportunity_difference(
            y, p, sensitive_features=features
        ),
        "predictive_parity_difference": MetricFrame(
            metrics=precision_score, y_true=y, y_pred=p, sensitive_features=features
        ).difference(),
    }
    report = next(r for r in result.fairness if sorted(r.attributes) == sorted(attributes))
    found = {d.metric: d.value for d in report.disparities}
    for metric, value in expected.items():
        assert found[metric] == pytest.approx(value, abs=TOLERANCE), metric


def test_auc_and_brier_per_group_equal_scikit_learn(audited) -> None:
    frame, result = audited
    for group in result.grouping("race").groups:
        rows = frame[frame["race"] == group.group["race"]]
        assert group.auc == pytest.approx(
            roc_auc_score(rows["label"], rows["score"]), abs=TOLERANCE
        )
        assert group.auc_error_bound == 0.0
        assert group.brier == pytest.approx(
            brier_score_loss(rows["label"], rows["score"]), abs=TOLERANCE
        )
    assert result.overall.auc == pytest.approx(
        roc_auc_score(frame["label"], frame["score"]), abs=TOLERANCE
    )


def test_continuous_scores_give_auc_within_its_reported_bound(decisions_of) -> None:
    frame = decisions_of(5000, seed=3)
    frame["score"] = frame["score"] + pd.Series(range(len(frame))) * 1e-9
    spec = AuditSpec(target="label", prediction="prediction", score="score", protected=["sex"], k=1)
    result = run_audit(frame, spec)
    exact = roc_auc_score(frame["label"], frame["score"])
    assert abs(result.overall.auc - exact) <= result.overall.auc_error_bound + TOLERANCE


def test_weighted_rates_equal_fairlearn_with_sample_weight(decisions_of) -> None:
    frame = decisions_of(8000, seed=11, weights=True)
    spec = AuditSpec(
        target="label", prediction="prediction", protected=["race"], weights="weight", k=1
    )
    result = run_audit(frame, spec)
    weights = frame["weight"]
    fairlearn = MetricFrame(
        metrics={
            "accuracy": accuracy_score,
            "selection_rate": selection_rate,
            "precision": precision_score,
            "tpr": true_positive_rate,
        },
        y_true=frame["label"],
        y_pred=frame["prediction"],
        sensitive_features=frame["race"],
        sample_params={
            name: {"sample_weight": weights}
            for name in ("accuracy", "selection_rate", "precision", "tpr")
        },
    )
    ours = {g.group["race"]: g for g in result.grouping("race").groups}
    for race, row in fairlearn.by_group.iterrows():
        for name in ("accuracy", "selection_rate", "precision", "tpr"):
            assert ours[race].rate(name).value == pytest.approx(row[name], abs=TOLERANCE), name


def test_weighted_auc_and_brier_equal_scikit_learn(decisions_of) -> None:
    frame = decisions_of(6000, seed=12, weights=True)
    spec = AuditSpec(
        target="label",
        prediction="prediction",
        score="score",
        protected=["sex"],
        weights="weight",
        k=1,
    )
    result = run_audit(frame, spec)
    for group in result.grouping("sex").groups:
        rows = frame[frame["sex"] == group.group["sex"]]
        w = rows["weight"]
        assert group.auc == pytest.approx(
            roc_auc_score(rows["label"], rows["score"], sample_weight=w), abs=TOLERANCE
        )
        assert group.brier == pytest.approx(
            brier_score_loss(rows["label"], rows["score"], sample_weight=w), abs=TOLERANCE
        )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.integers(20, 300),
    seed=st.integers(0, 10_000),
    skew=st.floats(0.05, 0.95),
)
def test_any_small_table_gives_fairlearns_numbers(rows: int, seed: int, skew: float) -> None:
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(
        {
            "label": (rng.random(rows) < skew).astype(int),
            "prediction": rng.integers(0, 2, rows),
            "a": rng.choice(["x", "y", "z"], rows),
            "b": rng.choice(["u", "v"], rows),
        }
    )
    if frame["label"].nunique() < 2:
        frame.loc[0, "label"] = 1 - frame.loc[0, "label"]
    spec = AuditSpec(
        target="label", prediction="prediction", protected=["a", "b"], k=1, checks=["performance"]
    )
    result = run_audit(frame, spec)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fairlearn = MetricFrame(
            metrics=METRICS,
            y_true=frame["label"],
            y_pred=frame["prediction"],
            sensitive_features=frame[["a", "b"]],
        )
    ours = {_key(tuple(g.group.values())): g for g in result.grouping("a", "b").groups}
    for index, row in fairlearn.by_group.iterrows():
        if _key(index) not in ours:  # fairlearn lists empty combinations, with NaN
            assert row.isna().all()
            continue
        group = ours[_key(index)]
        for name in METRICS:
            value = group.rate(name).value
            # fairlearn reports 0 where a rate is undefined (no one in the denominator); we say None
            assert (value if value is not None else 0.0) == pytest.approx(row[name], abs=TOLERANCE)
