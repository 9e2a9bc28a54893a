"""Golden scenarios: realistic Nordic public-sector and SME cases with the legally expected outcome.

Each file in tests/scenarios/ is a saved answer set (as `tillid assess --answers` reads it) plus an
`expect` block and, in comments, the legal reason. The scenario fails when the engine and the pack
disagree with the expected role, risk class, obligations or dates.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from tillid.assessment.answers import AnswerSet
from tillid.assessment.engine import evaluate
from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.loading import load_builtin_packs

ROOT = Path(__file__).parent.parent / "scenarios"
# Files directly in tests/scenarios/ are EU AI Act cases; a subfolder named after a pack holds that
# pack's cases, evaluated with that pack and the packs it requires.
SCENARIOS = sorted(ROOT.glob("*.yaml")) + sorted(ROOT.glob("*/*.yaml"))
APPLIES = ("applies_now", "applies_from")


@cache
def _knowledge(pack_id: str) -> KnowledgeBase:
    packs = {p.meta.id: p for p in load_builtin_packs()}
    wanted: list[str] = []

    def add(name: str) -> None:
        for required in packs[name].meta.requires:
            add(required)
        if name not in wanted:
            wanted.append(name)

    add(pack_id)
    return KnowledgeBase.build([packs[name] for name in wanted])


def _load(path: Path) -> tuple[AnswerSet, dict[str, Any]]:
    answer_set = AnswerSet.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert answer_set.expect, f"{path.name} has no expect block"
    return answer_set, answer_set.expect


def test_there_are_at_least_thirty_eu_ai_act_scenarios() -> None:
    assert len([p for p in SCENARIOS if p.parent == ROOT]) >= 30


@pytest.mark.parametrize("path", SCENARIOS, ids=[str(p.relative_to(ROOT)) for p in SCENARIOS])
def test_scenario(path: Path) -> None:
    answer_set, expect = _load(path)
    as_of = answer_set.as_of or dt.date(2026, 11, 21)
    kb = _knowledge("eu-ai-act" if path.parent == ROOT else path.parent.name)
    result = evaluate(kb, answer_set.context, answer_set.answers, as_of)
    answer_problems = [
        i for i in result.inconsistencies if i.kind not in ("contradiction", "warning")
    ]
    assert not answer_problems, answer_problems
    risk = result.classification("aia.risk_class")
    if "risk_class" in expect:
        assert risk.values == [expect["risk_class"]], risk
    if "roles" in expect:
        assert sorted(result.classification("aia.role").values) == sorted(expect["roles"])
    status = {o.id: o for o in result.obligations}
    for obligation_id in expect.get("obligations_apply", []):
        assert obligation_id in status, f"no obligation {obligation_id}"
        assert status[obligation_id].status in APPLIES, status[obligation_id]
    for obligation_id in expect.get("obligations_not_apply", []):
        assert obligation_id in status, f"no obligation {obligation_id}"
        assert status[obligation_id].status == "not_applicable", status[obligation_id]
    for obligation_id, date in expect.get("obligation_dates", {}).items():
        assert status[obligation_id].applies_from == date, status[obligation_id]
    for fact_id, value in expect.get("facts", {}).items():
        assert result.facts[fact_id].value == ("true" if value else "false"), fact_id
    if "complete" in expect:
        assert result.complete is expect["complete"], result.open_questions
    if "warnings" in expect:
        warnings = sorted(i.item for i in result.inconsistencies if i.kind == "warning")
        assert warnings == sorted(expect["warnings"])
    if "contradiction" in expect:
        found = [i.item for i in result.inconsistencies if i.kind == "contradiction"]
        assert bool(found) is expect["contradiction"], found
