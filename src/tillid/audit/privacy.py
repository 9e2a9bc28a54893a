"""Small-group suppression: primary (fewer than k rows) and complementary (no subtraction attack).

A group is a cell of a grouping (one or more protected attributes). Its size is a pair:
(all rows, rows usable for metrics). A group is primarily suppressed when either is below k.
Because a grouping's cells add up to its parent cells (the grouping with one attribute fewer, and
finally everyone), a single suppressed cell could be recovered by subtracting the shown ones from
the parent. So within every such slice the suppressed cells must together hold at least k rows (or
none); otherwise the smallest shown cell of the slice is suppressed too, until nothing changes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Literal

Key = tuple[str | None, ...]
Size = tuple[int, int]
Reason = Literal["fewer_than_k", "complementary"]


def suppress_small_groups(
    attributes: Sequence[str], sizes: Mapping[Key, Size], k: int
) -> dict[Key, Reason]:
    """Which groups of one grouping to suppress, and why. `sizes` maps a group key to its size."""
    suppressed: dict[Key, Reason] = {
        key: "fewer_than_k" for key, size in sizes.items() if min(size) < k
    }
    changed = True
    while changed:
        changed = False
        for position in range(len(attributes)):
            for members in _slices(sizes, position).values():
                hidden = [key for key in members if key in suppressed]
                if not hidden:
                    continue
                hidden_total = tuple(sum(sizes[key][i] for key in hidden) for i in range(2))
                if min(hidden_total) >= k:
                    continue
                shown = [key for key in members if key not in suppressed]
                if shown:
                    smallest = min(shown, key=lambda key: (sizes[key][0], str(key)))
                    suppressed[smallest] = "complementary"
                    changed = True
    return suppressed


def _slices(sizes: Mapping[Key, Size], position: int) -> dict[Key, list[Key]]:
    """Groups that differ only in the attribute at `position`: they add up to one parent cell."""
    slices: dict[Key, list[Key]] = defaultdict(list)
    for key in sizes:
        slices[key[:position] + key[position + 1 :]].append(key)
    return slices
