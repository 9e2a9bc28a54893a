"""The JSON export is for other tools: it must match the schema it publishes."""

from __future__ import annotations

import copy

import jsonschema
import pytest

from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.export import export_knowledge, export_schema


def test_every_exported_pack_validates_against_the_published_schema(
    builtin_kb: KnowledgeBase,
) -> None:
    schema = export_schema()
    for pack in export_knowledge(builtin_kb)["packs"]:
        jsonschema.validate(pack, schema)


def test_the_schema_rejects_a_malformed_condition(builtin_kb: KnowledgeBase) -> None:
    pack = copy.deepcopy(export_knowledge(builtin_kb)["packs"][0])
    pack["rules"][0]["when"] = {"all": [{"fact": "aia.ai_system"}, {"answer": "x", "equals": 1}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(pack, export_schema())


def test_each_citation_lists_the_items_citing_it_and_a_readable_form(
    mini_kb: KnowledgeBase,
) -> None:
    cited = export_knowledge(mini_kb)["citations"]
    assert cited["aia:art3(1)"]["cited_by"] == ["mini.infers", "mini.r_ai", "mini.g_ai"]
    assert cited["aia:art3(1)"]["readable"] == "AI Act Art. 3(1)"
