"""The knowledge base the web app assesses with: the built-in packs, loaded once per process."""

from __future__ import annotations

from functools import cache

from tillid.assessment.engine import Engine, engine_for
from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.loading import load_builtin_packs


@cache
def knowledge_base() -> KnowledgeBase:
    return KnowledgeBase.build(load_builtin_packs())


@cache
def engine() -> Engine:
    return engine_for(knowledge_base())


def pack_versions() -> dict[str, str]:
    return {pack.meta.id: pack.meta.version for pack in knowledge_base().packs}
