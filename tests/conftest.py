"""Shared fixtures: the small test pack and the built-in knowledge base."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.loading import load_builtin_packs, load_pack

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "packs" / "mini"
TODAY = dt.date(2026, 11, 21)


@pytest.fixture(scope="session")
def mini_kb() -> KnowledgeBase:
    return KnowledgeBase.build([load_pack(MINI)])


@pytest.fixture(scope="session")
def builtin_kb() -> KnowledgeBase:
    return KnowledgeBase.build(load_builtin_packs())


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    """A writable copy of the mini pack, for tests that break it on purpose."""
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target


def replace_in(path: Path, old: str, new: str) -> None:
    """Edit a copied pack file; fails loudly if the text to replace is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
