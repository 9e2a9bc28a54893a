"""Small-cell suppression and the k-anonymous research rows: what is shown never reveals a small group.

The checks here recount everything from the units themselves and test determinacy with their own
(dense, exact) Gaussian elimination, so they do not trust the module's bookkeeping.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Hashable, Sequence
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tillid.reports.anonymity import (
    ALL,
    TOTAL,
    AnonymityError,
    Record,
    Release,
    Thresholds,
    Unit,
    View,
    k_anonymous_rows,
    release_counts,
    release_totals,
    views_of,
)

FILTERS = {"country": ["DK", "SE", "other"], "kind": ["municipality", "region"]}
CATEGORIES = ["high", "limited", "minimal", "none"]


def unit_strategy(categories: Sequence[str], exclusive: bool) -> st.SearchStrategy[Unit]:
    organisation = st.integers(0, 9)
    chosen = (
        st.sampled_from(categories).map(lambda c: frozenset([c]))
        if exclusive
        else st.frozensets(st.sampled_from(categories), max_size=len(categories))
    )

    def build(org: int, cats: frozenset[str]) -> Unit:
        # An organisation has one country and one kind, as in real life.
        place = {"country": FILTERS["country"][org % 3], "kind": FILTERS["kind"][org % 2]}
        return Unit(f"org{org}", place, cats, amount=org % 4)

    return st.builds(build, organisation, chosen)


thresholds_strategy = st.builds(Thresholds, st.integers(1, 6), st.integers(1, 4))


def members(units: list[Unit], view: View, category: str, _exclusive: bool) -> list[Unit]:
    inside = [u for u in units if view is None or u.place[view[0]] == view[1]]
    if category == TOTAL:
        return inside
    return [u for u in inside if category in u.categories]


def safe(group: list[Unit], thresholds: Thresholds) -> bool:
    return (
        len(group) >= thresholds.min_units
        and len({u.organisation for u in group}) >= thresholds.min_organisations
    )


def atom_vector(view: View, category: str, exclusive: bool) -> list[int]:
    """The cell as 0/1 over every (country, kind, category) atom, recomputed here."""
    kinds = CATEGORIES + ([] if exclusive else [TOTAL])
    vector = []
    for country, kind, atom_category in itertools.product(
        FILTERS["country"], FILTERS["kind"], kinds
    ):
        place = {"country": country, "kind": kind}
        in_view = view is None or place[view[0]] == view[1]
        if category == TOTAL and exclusive:
            in_cell = atom_category != TOTAL
        else:
            in_cell = atom_category == category
        vector.append(int(in_view and in_cell))
    return vector


def rank(rows: list[list[int]]) -> int:
    matrix = [[Fraction(v) for v in row] for row in rows]
    found = 0
    columns = len(matrix[0]) if matrix else 0
    for column in range(columns):
        pivot = next((r for r in range(found, len(matrix)) if matrix[r][column] != 0), None)
        if pivot is None:
            continue
        matrix[found], matrix[pivot] = matrix[pivot], matrix[found]
        for r in range(len(matrix)):
            if r != found and matrix[r][column] != 0:
                factor = matrix[r][column] / matrix[found][column]
                matrix[r] = [a - factor * b for a, b in zip(matrix[r], matrix[found], strict=True)]
        found += 1
    return found


def check_release(
    release: Release, units: list[Unit], thresholds: Thresholds, exclusive: bool
) -> None:
    categories = list(release.categories)
    cells = [(view, c) for view in views_of(FILTERS) for c in [*categories, TOTAL]]
    shown, hidden_small = [], []
    for view, category in cells:
        group = members(units, view, category, exclusive)
        released = release.cell(view, category)
        if released.hidden:
            assert released.reason in ("small", "secondary")
            if group and not safe(group, thresholds):
                hidden_small.append((view, category))
        else:
            # Every figure shown is zero or a group large enough, and exactly right.
            assert released.count == len(group)
            assert released.amount == sum(u.amount for u in group)
            assert not group or safe(group, thresholds), (view, category, released)
            shown.append((view, category))
        if group and not safe(group, thresholds):
            assert released.hidden and released.reason == "small"
    # In every line whose total is shown, the hidden parts together are a safe group (when a
    # small group is among them), so "total minus the shown parts" reveals nothing small.
    lines = []
    if exclusive:
        lines += [((view, TOTAL), [(view, c) for c in categories]) for view in views_of(FILTERS)]
    for dimension, values in FILTERS.items():
        for category in [*categories, TOTAL]:
            lines.append(((None, category), [((dimension, v), category) for v in values]))
    for total, parts in lines:
        if release.cell(*total).hidden:
            continue
        hidden_parts = [p for p in parts if release.cell(*p).hidden]
        if any(p in hidden_small for p in hidden_parts):
            together = [u for p in hidden_parts for u in members(units, *p, exclusive)]
            assert len(hidden_parts) >= 2
            assert safe(together, thresholds), (total, hidden_parts)
    # No small hidden group is a linear combination of the figures shown.
    if categories:  # the atom layout above is for CATEGORIES
        shown_rows = [atom_vector(v, c, exclusive) for v, c in shown]
        base = rank(shown_rows) if shown_rows else 0
        for view, category in hidden_small:
            extended = [*shown_rows, atom_vector(view, category, exclusive)]
            assert rank(extended) > base, f"{view} {category} can be computed from what is shown"
        # Nor are two hidden cells over different atoms taken together, when they are small.
        hidden = [(v, c) for v, c in cells if release.cell(v, c).hidden]
        for first, second in itertools.combinations(hidden, 2):
            one, other = atom_vector(*first, exclusive), atom_vector(*second, exclusive)
            if any(a and b for a, b in zip(one, other, strict=True)):
                continue
            together = members(units, *first, exclusive) + members(units, *second, exclusive)
            if not together or safe(together, thresholds):
                continue
            joint = [a + b for a, b in zip(one, other, strict=True)]
            assert rank([*shown_rows, joint]) > base, f"{first} + {second} can be computed"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(unit_strategy(CATEGORIES, True), max_size=40), thresholds_strategy)
def test_exclusive_categories_never_reveal_a_small_group(
    units: list[Unit], thresholds: Thresholds
) -> None:
    totals = release_totals(units, FILTERS, thresholds)
    release = release_counts(units, CATEGORIES, FILTERS, thresholds, totals=totals)
    check_release(release, units, thresholds, exclusive=True)
    # The totals are exactly those released for the whole population: no chart hides one that
    # another shows.
    for view in views_of(FILTERS):
        assert release.table(view).total == totals.table(view).total
        if totals.table(view).total.hidden:
            assert all(c.hidden for c in release.table(view).cells.values())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(unit_strategy(CATEGORIES, False), max_size=40), thresholds_strategy)
def test_overlapping_categories_never_reveal_a_small_group(
    units: list[Unit], thresholds: Thresholds
) -> None:
    release = release_counts(units, CATEGORIES, FILTERS, thresholds, exclusive=False)
    check_release(release, units, thresholds, exclusive=False)


@settings(max_examples=60, deadline=None)
@given(st.lists(unit_strategy(CATEGORIES, True), max_size=30), thresholds_strategy, st.randoms())
def test_the_release_does_not_depend_on_the_order_of_the_units(
    units: list[Unit], thresholds: Thresholds, rnd: random.Random
) -> None:
    shuffled = list(units)
    rnd.shuffle(shuffled)
    assert release_counts(units, CATEGORIES, FILTERS, thresholds) == release_counts(
        shuffled, CATEGORIES, FILTERS, thresholds
    )


def organisations_units(spec: dict[str, int], category: str = "high") -> list[Unit]:
    """`spec`: organisation -> number of its units, all Danish municipalities, in `category`."""
    return [
        Unit(org, {"country": "DK", "kind": "municipality"}, frozenset([category]))
        for org, n in spec.items()
        for _ in range(n)
    ]


def test_one_large_organisation_is_hidden_however_many_systems_it_has() -> None:
    units = organisations_units({"big": 40, "small": 1}) + organisations_units(
        {"a": 2, "b": 2, "c": 2}, "minimal"
    )
    release = release_counts(units, CATEGORIES, FILTERS, Thresholds(5, 3))
    assert release.cell(None, "high").hidden  # 41 systems, but only from two organisations
    assert release.cell(None, "high").reason == "small"
    assert release.cell(None, "limited").count == 0  # nothing there: zero is not a secret


def test_a_single_small_cell_takes_another_with_it_so_the_total_gives_nothing_away() -> None:
    units = (
        organisations_units({"a": 3, "b": 3, "c": 3})
        + organisations_units({"d": 3, "e": 3, "f": 3}, "minimal")
        + organisations_units({"g": 1}, "limited")
    )
    release = release_counts(units, CATEGORIES, FILTERS, Thresholds(5, 3))
    assert release.cell(None, TOTAL).count == 19
    assert release.cell(None, "limited").reason == "small"
    hidden = [c for c in CATEGORIES if release.cell(None, c).hidden]
    assert len(hidden) == 2  # the small one and the smaller of the others
    assert release.cell(None, "high").reason == "secondary"
    assert release.cell(None, "minimal").count == 9


def test_a_filter_cannot_be_subtracted_from_the_unfiltered_figures() -> None:
    danish = organisations_units({"a": 3, "b": 3, "c": 3})
    swedish = [
        Unit("s", {"country": "SE", "kind": "municipality"}, frozenset(["high"])),
    ]
    release = release_counts(danish + swedish, CATEGORIES, FILTERS, Thresholds(5, 3))
    unfiltered = release.cell(None, "high")
    danish_only = release.cell(("country", "DK"), "high")
    # Showing both 10 and 9 would give the one Swedish system away.
    assert unfiltered.hidden or danish_only.hidden


def test_two_hidden_cells_cannot_be_worked_out_together_from_the_margins() -> None:
    # Municipalities: 1 high (o2), 5 limited (o0, o2, o4), 1 minimal (o0); regions: 2 high,
    # 0 limited, 3 minimal. Showing "limited: 5" for everyone and "regions, limited: 0" gives the
    # municipalities' 5 limited, and their total 7 then gives "high or minimal: 2" from two
    # municipalities, which o0 can subtract its own system from.
    spec = [
        ("o0", "DK", "municipality", "limited", 3),
        ("o0", "DK", "municipality", "minimal", 1),
        ("o1", "SE", "region", "high", 1),
        ("o2", "other", "municipality", "limited", 1),
        ("o2", "other", "municipality", "high", 1),
        ("o3", "DK", "region", "high", 1),
        ("o3", "DK", "region", "minimal", 1),
        ("o4", "SE", "municipality", "limited", 1),
        ("o5", "other", "region", "minimal", 2),
    ]
    units = [
        Unit(org, {"country": country, "kind": kind}, frozenset([category]))
        for org, country, kind, category, n in spec
        for _ in range(n)
    ]
    thresholds = Thresholds(5, 3)
    release = release_counts(units, CATEGORIES, FILTERS, thresholds)
    municipalities = ("kind", "municipality")
    known = {
        (view, category): release.cell(view, category).count
        for view in views_of(FILTERS)
        for category in [*CATEGORIES, TOTAL]
        if not release.cell(view, category).hidden
    }
    assert (municipalities, TOTAL) in known and release.cell(municipalities, "high").hidden
    assert not ((None, "limited") in known and (("kind", "region"), "limited") in known)
    check_release(release, units, thresholds, exclusive=True)


def test_units_outside_the_filter_values_are_refused_with_the_values_named() -> None:
    unit = Unit("a", {"country": "NO", "kind": "region"}, frozenset(["high"]))
    with pytest.raises(AnonymityError, match=r"country 'NO'.*DK"):
        release_counts([unit], CATEGORIES, FILTERS, Thresholds())
    with pytest.raises(AnonymityError, match="exactly one category"):
        release_counts(
            [Unit("a", {"country": "DK", "kind": "region"}, frozenset(["high", "none"]))],
            CATEGORIES,
            FILTERS,
            Thresholds(),
        )
    with pytest.raises(AnonymityError, match="at least 1"):
        Thresholds(0, 3)


# --- k-anonymous research rows ------------------------------------------------------------------

IDENTIFIERS = ("country", "kind", "phase", "risk")
ORDER = ("kind", "phase", "country", "risk")


def record_strategy() -> st.SearchStrategy[Record]:
    return st.builds(
        lambda unit, org, phase, risk: Record(
            f"system{unit}",
            f"org{org}",
            {
                "country": FILTERS["country"][org % 3],
                "kind": FILTERS["kind"][org % 2],
                "phase": phase,
                "risk": risk,
            },
        ),
        st.integers(0, 60),
        st.integers(0, 12),
        st.sampled_from(["procure", "operate"]),
        st.sampled_from(["high", "minimal", "none"]),
    )


def consistent(records: list[Record]) -> list[Record]:
    """A system belongs to one organisation and has one phase and risk class: keep the first."""
    first: dict[Hashable, Record] = {}
    for record in records:
        first.setdefault(record.unit, record)
    return list(first.values())


@settings(max_examples=150, deadline=None)
@given(st.lists(record_strategy(), max_size=80), thresholds_strategy)
def test_every_research_row_counts_enough_units_from_enough_organisations(
    records: list[Record], thresholds: Thresholds
) -> None:
    records = consistent(records)
    result = k_anonymous_rows(records, IDENTIFIERS, ORDER, thresholds)
    counted = 0
    for row in result.rows:
        assert row.units >= thresholds.min_units
        assert row.organisations >= thresholds.min_organisations
        # Generalisation follows the order: a value is ALL only if every earlier one is.
        generalised = [row.values[IDENTIFIERS.index(q)] == ALL for q in ORDER]
        assert generalised == sorted(generalised, reverse=True)
        counted += row.units
    # Rows are disjoint and together with the suppressed records account for every record.
    assert counted + result.suppressed_records == len(records)
    # Released rows match the records they stand for.
    for row in result.rows:
        matching = [
            r
            for r in records
            if all(v in (ALL, r.values[q]) for q, v in zip(IDENTIFIERS, row.values, strict=True))
        ]
        assert len({r.unit for r in matching}) >= row.units


@settings(max_examples=60, deadline=None)
@given(st.lists(record_strategy(), max_size=60), thresholds_strategy, st.randoms())
def test_research_rows_do_not_depend_on_the_order_of_the_records(
    records: list[Record], thresholds: Thresholds, rnd: random.Random
) -> None:
    records = consistent(records)
    shuffled = list(records)
    rnd.shuffle(shuffled)
    assert k_anonymous_rows(records, IDENTIFIERS, ORDER, thresholds) == k_anonymous_rows(
        shuffled, IDENTIFIERS, ORDER, thresholds
    )


def test_rows_are_generalised_in_the_order_given_and_the_rest_suppressed() -> None:
    def system(n: int, org: str, kind: str, risk: str = "high") -> Record:
        values = {"country": "DK", "kind": kind, "phase": "operate", "risk": risk}
        return Record(f"{org}-{n}", org, values)

    records = [system(n, org, "municipality") for org in "abc" for n in range(2)]  # 6 exact
    records += [system(n, org, "region") for org in "de" for n in range(2)]  # 4: too few
    records += [system(0, "f", "state_agency")]  # 1 more, generalised together: 5 from 3
    records += [system(0, "g", "region", "minimal")]  # alone even when generalised
    result = k_anonymous_rows(records, IDENTIFIERS, ORDER, Thresholds(5, 3))
    assert [(r.values, r.units, r.organisations) for r in result.rows] == [
        (("DK", "municipality", "operate", "high"), 6, 3),
        (("DK", ALL, "operate", "high"), 5, 3),
    ]
    assert result.suppressed_records == 1 and result.suppressed_units == 1


def test_a_system_with_several_challenges_counts_once_in_a_generalised_row() -> None:
    records = [
        Record(f"s{n}", f"o{n}", {"country": "DK", "kind": "x", "phase": "p", "risk": c})
        for n in range(4)
        for c in ("data_quality", "cost")
    ]
    result = k_anonymous_rows(records, IDENTIFIERS, ("risk", "kind"), Thresholds(5, 3))
    assert result.rows == ()  # 8 records, but only 4 systems
    assert result.suppressed_units == 4


def test_reserved_values_and_unknown_identifiers_are_refused() -> None:
    record = Record("s", "o", {"country": ALL, "kind": "x", "phase": "p", "risk": "r"})
    with pytest.raises(AnonymityError, match="reserved"):
        k_anonymous_rows([record], IDENTIFIERS, ORDER, Thresholds())
    with pytest.raises(AnonymityError, match="generalisation order"):
        k_anonymous_rows([], IDENTIFIERS, ("colour",), Thresholds())
