"""The arithmetic of the temperature measurement, free of Django: summaries of 1-5 answers, which groups
must be hidden so no project's answers can be read or worked out, and when a recurring survey is due.

The threshold protects the projects from the operator: a group of fewer than `k` responses is never
shown. Hiding the small groups alone is not enough when the operator also sees the total and the
other groups (total minus the shown groups = the hidden ones), so `hidden_groups` also hides the
next smallest groups until the hidden ones together hold none or at least `k` responses.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

SCALE = (1, 2, 3, 4, 5)
DEFAULT_MIN_RESPONSES = 5


@dataclass(frozen=True)
class ScaleSummary:
    n: int
    mean: float | None  # None when there is no answer
    distribution: tuple[int, ...]  # how many answered 1, 2, 3, 4, 5


def summarise_scale(values: Iterable[int]) -> ScaleSummary:
    """Count, mean (two decimals) and distribution of answers on the 1-5 scale."""
    counts = Counter(values)
    unknown = set(counts) - set(SCALE)
    if unknown:
        raise ValueError(f"Answers outside the 1-5 scale: {sorted(unknown)}")
    n = sum(counts.values())
    mean = round(sum(v * c for v, c in counts.items()) / n, 2) if n else None
    return ScaleSummary(n=n, mean=mean, distribution=tuple(counts[v] for v in SCALE))


def count_choices(answers: Iterable[Sequence[str]], vocabulary: Sequence[str]) -> dict[str, int]:
    """How many responses named each choice, in the vocabulary's order; unknown ids are ignored."""
    counts: Counter[str] = Counter()
    for chosen in answers:
        counts.update(set(chosen))
    return {choice: counts[choice] for choice in vocabulary}


def hidden_groups(sizes: Mapping[str, int], k: int) -> set[str]:
    """The groups to hide: those with 1..k-1 responses, then the smallest others until the hidden
    ones together hold at least k responses (or none), so no hidden group can be worked out by
    subtracting the shown groups from the total. Empty groups hide nothing and are not shown."""
    hidden = {g for g, n in sizes.items() if 0 < n < k}
    shown = sorted((n, g) for g, n in sizes.items() if n >= k)
    while hidden and sum(sizes[g] for g in hidden) < k and shown:
        hidden.add(shown.pop(0)[1])
    return hidden


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or that month's last day (31 Jan + 1 month = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has at least 28 days")


def next_round_due(
    starts_on: dt.date, last_sent_on: dt.date | None, interval_months: int
) -> dt.date:
    """The day the next round of a recurring survey is due: its start, then every interval."""
    if last_sent_on is None:
        return starts_on
    return max(starts_on, add_months(last_sent_on, interval_months))
