"""Groups below k never appear, and cannot be recovered by subtracting shown groups from totals."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from tillid.audit import AuditSpec, run_audit
from tillid.audit.privacy import suppress_small_groups


def test_single_small_group_takes_the_next_smallest_with_it() -> None:
    sizes = {("A",): (500, 500), ("B",): (40, 40), ("C",): (3, 3)}
    hidden = suppress_small_groups(["race"], sizes, k=10)
    assert hidden == {("C",): "fewer_than_k", ("B",): "complementary"}


def test_two_small_groups_that_together_reach_k_need_no_partner() -> None:
    sizes = {("A",): (500, 500), ("B",): (6, 6), ("C",): (5, 5)}
    assert suppress_small_groups(["race"], sizes, k=10) == {
        ("B",): "fewer_than_k",
        ("C",): "fewer_than_k",
    }


def test_group_with_few_usable_rows_is_suppressed_even_if_large() -> None:
    sizes = {("A",): (500, 500), ("B",): (80, 4), ("C",): (90, 90)}
    hidden = suppress_small_groups(["race"], sizes, k=10)
    assert hidden[("B",)] == "fewer_than_k"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 40), min_size=6, max_size=6), st.integers(2, 15))
def test_no_suppressed_cell_can_be_recovered_from_a_shown_total(counts: list[int], k: int) -> None:
    keys = list(itertools.product(["F", "M"], ["A", "B", "C"]))
    sizes = {key: (n, n) for key, n in zip(keys, counts, strict=True) if n > 0}
    hidden = suppress_small_groups(["sex", "race"], sizes, k)
    for position in (0, 1):
        slices: dict[object, list[tuple[str, ...]]] = {}
        for key in sizes:
            slices.setdefault(key[:position] + key[position + 1 :], []).append(key)
        for members in slices.values():
            hidden_total = sum(sizes[key][0] for key in members if key in hidden)
            # Below k only when the whole slice is hidden: then its parent is below k too,
            # and suppressed in its own grouping.
            assert hidden_total == 0 or hidden_total >= k or set(members) <= set(hidden)
    assert all(key in hidden for key, size in sizes.items() if size[0] < k)


def test_result_never_shows_a_group_below_k_and_names_what_was_suppressed() -> None:
    rng = np.random.default_rng(5)
    rows = 3000
    frame = pd.DataFrame(
        {
            "label": rng.integers(0, 2, rows),
            "prediction": rng.integers(0, 2, rows),
            "region": rng.choice(["Nord", "Syd", "Midt"], rows),
        }
    )
    frame.loc[:6, "region"] = "Bornholm"  # 7 people: must never be shown
    result = run_audit(
        frame, AuditSpec(target="label", prediction="prediction", protected=["region"])
    )
    shown = [g for grouping in result.groupings for g in grouping.groups]
    assert all(g.rows >= 10 and g.counts.n >= 10 for g in shown)
    reasons = {s.label: s.reason for s in result.suppressed}
    assert reasons["region=Bornholm"] == "fewer_than_k"
    assert len(reasons) == 2  # plus one complementary group, or Bornholm = total - the others
    assert "Bornholm" not in json.dumps([g.model_dump() for g in shown])
    assert all(
        "Bornholm" not in d.higher + d.lower
        for f in result.fairness
        for d in f.disparities
        if d.higher and d.lower
    )


def test_k_is_configurable() -> None:
    rng = np.random.default_rng(6)
    frame = pd.DataFrame(
        {
            "label": rng.integers(0, 2, 400),
            "prediction": rng.integers(0, 2, 400),
            "group": ["x"] * 370 + ["y"] * 30,
        }
    )
    spec = AuditSpec(target="label", prediction="prediction", protected=["group"], k=50)
    result = run_audit(frame, spec)
    assert {s.label for s in result.suppressed} == {"group=x", "group=y"}
    assert result.grouping("group").groups == []
    assert result.overall is not None and result.overall.counts.n == 400
