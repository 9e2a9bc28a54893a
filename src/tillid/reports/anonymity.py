"""What may be shown of counts across organisations without revealing any one of them.

Two tools, both pure functions over plain data:

* `release_counts`: small-cell suppression for a dashboard. Counted things ("units": systems,
  catalogue entries) are tabulated by a category (e.g. risk class) for everyone and for each value
  of a few filter dimensions (country, organisation type). A count is shown only when its group has
  at least `min_units` units from at least `min_organisations` organisations. Secondary suppression
  then hides more cells until (a) in every table line whose total is known, the hidden cells
  together form a group that meets the thresholds whenever one of them does not, and (b) no hidden
  cell below the thresholds can be computed exactly from any combination of the figures shown
  (checked by exact linear algebra over all tables at once, so filtering by one country and then
  by the others cannot be subtracted from the unfiltered figures).
* `k_anonymous_rows`: a research dataset of counts per combination of quasi-identifiers in which
  every row counts at least `min_units` distinct units from at least `min_organisations`
  organisations; values are generalised to `ALL` in a fixed order, and what is still too small is
  left out.

Why organisations as well as units: a group of twenty systems all from one municipality tells the
reader that municipality's figure. With at least three organisations, one member of the group that
knows its own contribution and subtracts it still faces the figures of at least two others mixed
together.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

ALL = "*"  # a generalised value in the research dataset: any value
TOTAL = "\x00total"  # the key of a table's total among its categories (not a category value)

View = tuple[str, str] | None  # None: everyone; (dimension, value): only that value
CellKey = tuple[View, str]  # (view, category or TOTAL)
Reason = Literal["shown", "small", "secondary"]
_Chooser = Callable[[Iterable[CellKey]], "CellKey | None"]


class AnonymityError(ValueError):
    """Input that cannot be released safely, e.g. a unit outside the listed filter values."""


@dataclass(frozen=True)
class Thresholds:
    """A group may be shown when it has at least `min_units` units from `min_organisations`."""

    min_units: int = 5
    min_organisations: int = 3

    def __post_init__(self) -> None:
        if self.min_units < 1 or self.min_organisations < 1:
            raise AnonymityError(
                f"Thresholds must be at least 1 (got {self.min_units} units, "
                f"{self.min_organisations} organisations)."
            )

    def safe(self, group: Group) -> bool:
        return group.count >= self.min_units and len(group.organisations) >= self.min_organisations


@dataclass(frozen=True)
class Group:
    """A cell's content before release: how many units, from which organisations."""

    count: int = 0
    organisations: frozenset[Hashable] = frozenset()
    amount: int = 0  # a further quantity summed over the same units (e.g. their open tasks)

    def __add__(self, other: Group) -> Group:
        return Group(
            self.count + other.count,
            self.organisations | other.organisations,
            self.amount + other.amount,
        )


@dataclass(frozen=True)
class Unit:
    """One counted thing: its organisation, its value in every filter dimension and the categories
    it counts under (exactly one when the categories split the units, several otherwise)."""

    organisation: Hashable
    place: Mapping[str, str]
    categories: frozenset[str]
    amount: int = 0


@dataclass(frozen=True)
class Released:
    """One cell as it may be shown: `count` and `amount` are None when hidden."""

    count: int | None
    amount: int | None
    reason: Reason

    @property
    def hidden(self) -> bool:
        return self.count is None


@dataclass(frozen=True)
class Table:
    view: View
    cells: dict[str, Released]  # per category, in the order asked for
    total: Released


@dataclass(frozen=True)
class Release:
    categories: tuple[str, ...]
    tables: dict[View, Table]

    def table(self, view: View = None) -> Table:
        return self.tables[view]

    def cell(self, view: View, category: str) -> Released:
        table = self.tables[view]
        return table.total if category == TOTAL else table.cells[category]


@dataclass(frozen=True)
class _Line:
    """Cells that add up exactly to `total`, so a reader who knows the total and all but some
    parts knows the sum of those parts."""

    total: CellKey
    parts: tuple[CellKey, ...]


@dataclass
class _Problem:
    groups: dict[CellKey, Group]
    atoms: dict[CellKey, frozenset[Hashable]]  # the finest cells each cell adds up
    lines: list[_Line]
    pinned: dict[CellKey, bool] = field(default_factory=dict)  # decided elsewhere: shown or not


def views_of(filters: Mapping[str, Sequence[str]]) -> list[View]:
    """Everyone first, then each value of each filter dimension in the order given."""
    return [None] + [
        (dimension, value) for dimension, values in filters.items() for value in values
    ]


def release_totals(
    units: Iterable[Unit], filters: Mapping[str, Sequence[str]], thresholds: Thresholds
) -> Release:
    """How many units there are, for everyone and per filter value, as they may be shown."""
    plain = [Unit(u.organisation, u.place, frozenset(), u.amount) for u in units]
    return release_counts(plain, (), filters, thresholds, exclusive=False)


def release_counts(
    units: Iterable[Unit],
    categories: Sequence[str],
    filters: Mapping[str, Sequence[str]],
    thresholds: Thresholds,
    *,
    exclusive: bool = True,
    totals: Release | None = None,
) -> Release:
    """Counts per category for everyone and per filter value, suppressed as the module describes.

    `exclusive`: every unit counts under exactly one category, so the categories add up to the
    total (risk class, lifecycle phase). Otherwise a unit may count under several or none (the
    challenges an entry met) and the total counts distinct units.
    `totals`: the units' totals already released by `release_totals` for the same units (shared by
    several charts of the same units): they are kept as they are, so no chart shows a total that
    another hides, and views whose total is hidden show nothing.
    """
    units = list(units)
    categories = tuple(categories)
    problem = _tabulate(units, categories, filters, exclusive)
    if totals is not None:
        for view in views_of(filters):
            shown = not totals.table(view).total.hidden
            problem.pinned[(view, TOTAL)] = shown
            if not shown:
                for category in categories:
                    problem.pinned[(view, category)] = False
    reasons = _suppress(problem, thresholds)
    tables = {}
    for view in views_of(filters):
        cells = {c: _released(problem.groups[(view, c)], reasons[(view, c)]) for c in categories}
        total = _released(problem.groups[(view, TOTAL)], reasons[(view, TOTAL)])
        tables[view] = Table(view, cells, total)
    return Release(categories, tables)


def _released(group: Group, reason: Reason) -> Released:
    if reason == "shown":
        return Released(group.count, group.amount, reason)
    return Released(None, None, reason)


def _tabulate(
    units: list[Unit],
    categories: tuple[str, ...],
    filters: Mapping[str, Sequence[str]],
    exclusive: bool,
) -> _Problem:
    dimensions = list(filters)
    for unit in units:
        for dimension in dimensions:
            if unit.place.get(dimension) not in filters[dimension]:
                raise AnonymityError(
                    f"A unit has {dimension} {unit.place.get(dimension)!r}, which is not among "
                    f"the values {list(filters[dimension])}."
                )
        unknown = unit.categories - set(categories)
        if unknown:
            raise AnonymityError(
                f"Unknown categories {sorted(unknown)}; known: {list(categories)}."
            )
        if exclusive and len(unit.categories) != 1:
            raise AnonymityError(
                f"Each unit must count under exactly one category; one has {sorted(unit.categories)}."
            )
    # The finest cells ("atoms"): every combination of filter values, for every category, plus the
    # distinct-unit total when categories overlap. All combinations are atoms, empty or not, since
    # a reader does not know which are empty.
    places = list(itertools.product(*(filters[d] for d in dimensions)))
    kinds = list(categories) + ([] if exclusive else [TOTAL])
    atom_groups: dict[tuple[tuple[str, ...], str], Group] = {
        (place, kind): Group() for place in places for kind in kinds
    }
    for unit in units:
        place = tuple(unit.place[d] for d in dimensions)
        one = Group(1, frozenset([unit.organisation]), unit.amount)
        for kind in sorted(unit.categories) + ([] if exclusive else [TOTAL]):
            atom_groups[(place, kind)] = atom_groups[(place, kind)] + one

    def in_view(place: tuple[str, ...], view: View) -> bool:
        return view is None or place[dimensions.index(view[0])] == view[1]

    groups: dict[CellKey, Group] = {}
    atoms: dict[CellKey, frozenset[Hashable]] = {}
    views = views_of(filters)
    for view in views:
        for kind in [*categories, TOTAL]:
            kinds_in_cell = categories if (kind == TOTAL and exclusive) else (kind,)
            members = [
                (place, k) for place in places if in_view(place, view) for k in kinds_in_cell
            ]
            groups[(view, kind)] = sum((atom_groups[m] for m in members), Group())
            atoms[(view, kind)] = frozenset(members)
    lines = []
    if exclusive:
        for view in views:
            lines.append(_Line((view, TOTAL), tuple((view, c) for c in categories)))
    for dimension in dimensions:
        for kind in [*categories, TOTAL]:
            parts = tuple(((dimension, v), kind) for v in filters[dimension])
            lines.append(_Line((None, kind), parts))
    return _Problem(groups, atoms, lines)


def _suppress(problem: _Problem, thresholds: Thresholds) -> dict[CellKey, Reason]:
    groups = problem.groups
    order = {key: i for i, key in enumerate(groups)}
    unsafe = {key for key, g in groups.items() if g.count > 0 and not thresholds.safe(g)}
    for key, shown in problem.pinned.items():
        if shown and key in unsafe:
            raise AnonymityError(f"A figure decided elsewhere to be shown is too small: {key}.")
    hidden = {key for key in groups if key in unsafe and problem.pinned.get(key, False) is False}
    hidden |= {key for key, shown in problem.pinned.items() if not shown}

    def hideable(key: CellKey) -> bool:
        return key not in hidden and groups[key].count > 0 and key not in problem.pinned

    def smallest(keys: Iterable[CellKey]) -> CellKey | None:
        candidates = [k for k in keys if hideable(k)]
        return min(candidates, key=lambda k: (groups[k].count, order[k]), default=None)

    while True:
        to_hide = _line_problem(problem, hidden, unsafe, thresholds, smallest)
        if to_hide is None:
            to_hide = _derivable_problem(problem, hidden, unsafe, thresholds, smallest)
        if to_hide is None:
            break
        hidden.add(to_hide)
    return {
        key: ("shown" if key not in hidden else "small" if key in unsafe else "secondary")
        for key in groups
    }


def _line_problem(
    problem: _Problem,
    hidden: set[CellKey],
    unsafe: set[CellKey],
    thresholds: Thresholds,
    smallest: _Chooser,
) -> CellKey | None:
    """A cell to hide because a line's hidden remainder would give away a small group."""
    for line in problem.lines:
        parts_hidden = [p for p in line.parts if p in hidden]
        if not any(p in unsafe for p in parts_hidden):
            continue
        remainder = sum((problem.groups[p] for p in parts_hidden), Group())
        if thresholds.safe(remainder):
            continue
        choice = smallest(line.parts)
        if choice is None and line.total not in hidden and line.total not in problem.pinned:
            choice = line.total
        if choice is not None:
            return choice
    return None


def _derivable_problem(
    problem: _Problem,
    hidden: set[CellKey],
    unsafe: set[CellKey],
    thresholds: Thresholds,
    smallest: _Chooser,
) -> CellKey | None:
    """A cell to hide because a small hidden group can be computed from the figures shown: one
    hidden cell, or two or three hidden cells over different atoms taken together (in a table of
    kinds by categories, the margins shown can give "regions, high-risk or none" while neither is
    known on its own)."""
    basis = _Basis()
    for key in problem.groups:
        if key not in hidden:
            basis.add(problem.atoms[key])
    # What is left of each hidden cell after taking away everything the figures shown determine:
    # a cell (or a sum of cells) is determined exactly when what is left of it is nothing.
    left = {
        key: basis.remainder(problem.atoms[key])
        for key in problem.groups
        if key in hidden and problem.groups[key].count > 0
    }

    def related(*keys: CellKey) -> set[CellKey]:
        return {p for line in problem.lines if set(keys) & set(line.parts) for p in line.parts}

    for key, rest in left.items():
        if key in unsafe and not rest:
            choice = smallest(related(key)) or smallest(problem.groups)
            if choice is not None:
                return choice
    by_rest: dict[frozenset[tuple[Hashable, Fraction]], list[CellKey]] = {}
    for key, rest in left.items():
        by_rest.setdefault(frozenset(rest.items()), []).append(key)
    keys = list(left)
    position = {key: i for i, key in enumerate(keys)}
    for size in (2, 3):
        for first in itertools.combinations(keys, size - 1):
            total: dict[Hashable, Fraction] = {}
            for key in first:
                for atom, value in left[key].items():
                    total[atom] = total.get(atom, Fraction(0)) + value
            opposite = frozenset((atom, -value) for atom, value in total.items() if value)
            for last in by_rest.get(opposite, []):
                cells = (*first, last)
                if position[last] <= position[first[-1]]:
                    continue
                if any(
                    problem.atoms[a] & problem.atoms[b] for a, b in itertools.combinations(cells, 2)
                ):
                    continue
                joint = sum((problem.groups[c] for c in cells), Group())
                if not thresholds.safe(joint):
                    choice = smallest(related(*cells)) or smallest(problem.groups)
                    if choice is not None:
                        return choice
    return None


class _Basis:
    """Exact row reduction of sets of atoms (0/1 vectors) over the rationals."""

    def __init__(self) -> None:
        self.rows: dict[Hashable, dict[Hashable, Fraction]] = {}  # pivot atom -> reduced row

    def _reduce(self, vector: dict[Hashable, Fraction]) -> dict[Hashable, Fraction]:
        for pivot, row in self.rows.items():
            factor = vector.get(pivot)
            if factor:
                for atom, value in row.items():
                    updated = vector.get(atom, Fraction(0)) - factor * value
                    if updated:
                        vector[atom] = updated
                    else:
                        vector.pop(atom, None)
        return vector

    def add(self, atoms: frozenset[Hashable]) -> None:
        vector = self._reduce({atom: Fraction(1) for atom in atoms})
        if not vector:
            return
        pivot = min(vector, key=repr)
        scale = vector[pivot]
        row = {atom: value / scale for atom, value in vector.items()}
        for other in self.rows.values():  # keep every row free of the new pivot
            factor = other.get(pivot)
            if factor:
                for atom, value in row.items():
                    updated = other.get(atom, Fraction(0)) - factor * value
                    if updated:
                        other[atom] = updated
                    else:
                        other.pop(atom, None)
        self.rows[pivot] = row

    def remainder(self, atoms: frozenset[Hashable]) -> dict[Hashable, Fraction]:
        """The set of atoms reduced by the rows: empty when the rows span it. The rows are fully
        reduced, so this is linear: two disjoint sets together are spanned exactly when their
        remainders cancel."""
        return self._reduce({atom: Fraction(1) for atom in atoms})

    def spans(self, atoms: frozenset[Hashable]) -> bool:
        return not self.remainder(atoms)


# --- The research dataset: k-anonymity by generalisation and suppression -------------------------


@dataclass(frozen=True)
class Record:
    """One unit (e.g. a system) with its value of every quasi-identifier. A unit may have several
    records (one per challenge it met); rows count distinct units."""

    unit: Hashable
    organisation: Hashable
    values: Mapping[str, str]


@dataclass(frozen=True)
class Row:
    values: tuple[str, ...]  # in the order of the quasi-identifiers; ALL where generalised
    units: int
    organisations: int


@dataclass(frozen=True)
class AnonymousRows:
    quasi_identifiers: tuple[str, ...]
    rows: tuple[Row, ...]
    suppressed_records: int  # records in no row: too few even with every value generalised
    suppressed_units: int  # units none of whose records is in a row


def k_anonymous_rows(
    records: Iterable[Record],
    quasi_identifiers: Sequence[str],
    generalisation_order: Sequence[str],
    thresholds: Thresholds,
) -> AnonymousRows:
    """Rows of counts per combination of quasi-identifier values, each with at least
    `thresholds.min_units` distinct units from `thresholds.min_organisations` organisations.

    Records are grouped by their exact values first; groups that are large enough become rows. The
    rest have their first quasi-identifier in `generalisation_order` replaced by ALL and are grouped
    again, and so on; what is too small with every listed value generalised is left out. Rows are
    disjoint: every record is counted in at most one row, so a row with ALL counts only records not
    counted in a more specific row. The result does not depend on the order of `records`.
    """
    identifiers = tuple(quasi_identifiers)
    order = list(generalisation_order)
    unknown = [q for q in order if q not in identifiers]
    if unknown or len(set(order)) != len(order):
        raise AnonymityError(
            f"The generalisation order {order} must list distinct quasi-identifiers "
            f"from {list(identifiers)}."
        )
    remaining = []
    for record in records:
        missing = [q for q in identifiers if q not in record.values]
        if missing:
            raise AnonymityError(f"A record has no value for {missing}.")
        if any(record.values[q] == ALL for q in identifiers):
            raise AnonymityError(f"{ALL!r} is reserved for generalised values.")
        remaining.append(record)
    rows: list[Row] = []
    released: set[Hashable] = set()
    for level in range(len(order) + 1):
        generalised = set(order[:level])
        grouped: dict[tuple[str, ...], list[Record]] = {}
        for record in remaining:
            key = tuple(ALL if q in generalised else record.values[q] for q in identifiers)
            grouped.setdefault(key, []).append(record)
        remaining = []
        for key, members in grouped.items():
            units = {m.unit for m in members}
            organisations = {m.organisation for m in members}
            if (
                len(units) >= thresholds.min_units
                and len(organisations) >= thresholds.min_organisations
            ):
                rows.append(Row(key, len(units), len(organisations)))
                released |= units
            else:
                remaining.extend(members)
    return AnonymousRows(
        identifiers,
        tuple(sorted(rows, key=lambda r: (tuple(v == ALL for v in r.values), r.values))),
        len(remaining),
        len({r.unit for r in remaining} - released),
    )
