"""The exported knowledge base cites every point of the AI Act an authority must be able to look up."""

from __future__ import annotations

import pytest

from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.export import export_knowledge

REQUIRED = (
    [f"aia:art5(1)({p})" for p in ("a", "b", "c", "d", "e", "f", "g", "h")]
    + ["aia:annex3(1)(a)", "aia:annex3(1)(b)", "aia:annex3(1)(c)", "aia:annex3(2)"]
    + [f"aia:annex3(3)({p})" for p in "abcd"]
    + [f"aia:annex3(4)({p})" for p in "ab"]
    + [f"aia:annex3(5)({p})" for p in "abcd"]
    + [f"aia:annex3(6)({p})" for p in "abcde"]
    + [f"aia:annex3(7)({p})" for p in "abcd"]
    + [f"aia:annex3(8)({p})" for p in "ab"]
    + [f"aia:art6(3)({p})" for p in "abcd"]
    + [f"aia:art50({n})" for n in range(1, 5)]
    + [f"aia:art26({n})" for n in (1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12)]
    + ["aia:art27", "aia:art49(3)", "aia:art4", "aia:art86", "aia:art99(8)", "aia:art25(1)"]
)


@pytest.fixture(scope="module")
def cited(builtin_kb: KnowledgeBase) -> set[str]:
    return set(export_knowledge(builtin_kb)["citations"])


@pytest.mark.parametrize("key", REQUIRED)
def test_the_export_cites(key: str, cited: set[str]) -> None:
    # A key counts when it is cited itself or through a more precise key below it, e.g.
    # aia:art27 is covered by aia:art27(1).
    assert any(c == key or c.startswith(key + "(") for c in cited), f"{key} is not cited"
