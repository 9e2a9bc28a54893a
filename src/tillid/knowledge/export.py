"""The whole knowledge base as one documented JSON document, for other tools.

Shape (`format: tillid-knowledge`, `format_version: 1`):
- `packs`: each pack's metadata and items exactly as in YAML (conditions in their YAML form);
- `citations`: every citation key used, with the act, a readable form (English, and in each language
  under `readable_by_language`), a link to the official text,
  and the ids of the items that cite it;
- `context_dimensions`: the context values conditions may test.

`tillid content export --format json-schema` prints the JSON Schema of a pack (`export_schema`).
"""

from __future__ import annotations

from typing import Any

from tillid import __version__
from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.citations import act_of, readable
from tillid.knowledge.conditions import CONDITION_JSON_SCHEMA
from tillid.knowledge.context import CONTEXT_DIMENSIONS
from tillid.knowledge.model import CONDITION_PLACEHOLDER, LANGUAGES, Pack

FORMAT_VERSION = 1


def export_schema() -> dict[str, Any]:
    """JSON Schema of one pack as it appears under `packs` in the export."""
    schema = Pack.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "tillid knowledge pack"
    schema["properties"].pop("source_lines", None)
    schema["$defs"]["Condition"] = CONDITION_JSON_SCHEMA
    with_refs: dict[str, Any] = _with_condition_refs(schema)
    return with_refs


def _with_condition_refs(node: Any) -> Any:
    if isinstance(node, dict) and node.get("x-tillid") == CONDITION_PLACEHOLDER["x-tillid"]:
        return {"$ref": "#/$defs/Condition"}
    if isinstance(node, dict):
        return {key: _with_condition_refs(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_with_condition_refs(value) for value in node]
    return node


def export_knowledge(kb: KnowledgeBase) -> dict[str, Any]:
    packs = []
    cited_by: dict[str, list[str]] = {}
    for pack in kb.packs:
        data = pack.model_dump(mode="json", exclude={"source_lines"}, exclude_none=True)
        packs.append(data)
        for kind in ("questions", "rules", "obligations", "glossary"):
            for item in getattr(pack, kind):
                for key in item.citations:
                    cited_by.setdefault(key, []).append(item.id)
        for question in pack.questions:
            for option in question.options:
                for key in option.citations:
                    cited_by.setdefault(key, []).append(f"{question.id}#{option.id}")
    citations = {}
    for key in sorted(cited_by):
        act = act_of(key)
        citations[key] = {
            "act": act.title if act else None,
            "readable": readable(key, "en"),
            "readable_by_language": {lang: readable(key, lang) for lang in LANGUAGES},
            "link": act.url if act else None,
            "cited_by": cited_by[key],
        }
    return {
        "format": "tillid-knowledge",
        "format_version": FORMAT_VERSION,
        "generator": f"tillid {__version__}",
        "context_dimensions": {k: list(v) for k, v in CONTEXT_DIMENSIONS.items()},
        "packs": packs,
        "citations": citations,
    }
