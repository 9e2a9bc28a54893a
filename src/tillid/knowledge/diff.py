"""What changed between two versions of the knowledge: items added, removed and changed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from tillid.knowledge.model import ITEM_KINDS, Pack


@dataclass(frozen=True)
class ItemChange:
    change: Literal["added", "removed", "changed"]
    kind: str
    id: str
    fields: tuple[str, ...] = ()

    def __str__(self) -> str:
        fields = f" ({', '.join(self.fields)})" if self.fields else ""
        return f"{self.change:8} {self.kind:15} {self.id}{fields}"


def _items(packs: Sequence[Pack]) -> dict[str, tuple[str, dict[str, Any]]]:
    items: dict[str, tuple[str, dict[str, Any]]] = {}
    for pack in packs:
        meta = pack.meta.model_dump(mode="json")
        items[f"pack:{pack.meta.id}"] = ("pack", meta)
        for kind in ITEM_KINDS:
            for item in getattr(pack, kind):
                items[item.id] = (kind.rstrip("s"), item.model_dump(mode="json"))
    return items


def diff_packs(old: Sequence[Pack], new: Sequence[Pack]) -> list[ItemChange]:
    before, after = _items(old), _items(new)
    changes = []
    for item_id in sorted(before.keys() | after.keys()):
        if item_id not in before:
            changes.append(ItemChange("added", after[item_id][0], item_id))
        elif item_id not in after:
            changes.append(ItemChange("removed", before[item_id][0], item_id))
        else:
            old_data, new_data = before[item_id][1], after[item_id][1]
            fields = tuple(
                sorted(
                    k
                    for k in old_data.keys() | new_data.keys()
                    if old_data.get(k) != new_data.get(k)
                )
            )
            if fields:
                changes.append(ItemChange("changed", before[item_id][0], item_id, fields))
    return changes
