"""Golden scenarios: realistic Nordic public-sector and SME cases with the legally expected outcome.

Each file in tests/scenarios/ is a saved answer set (as `tillid assess --answers` reads it) plus an
`expect` block and, in comments, the legal reason. The scenario fails when the engine and the pack
disagree with the expected role, risk class, obligations or dates.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from tillid.assessment.answers import AnswerSet
from tillid.assessment.engine import evaluate
from tillid.knowledge.base import KnowledgeBase

SCENARIOS = sorted((Path(__file__).parent.parent / "scenarios").glob("*.yaml"))
APPLIES = ("applies_now", "applies_from")


def _load(path: Path) -> tuple[AnswerSet, dict[str, Any]]:
    answer_set = AnswerSet.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert answer_set.expect, f"{path.name} has no expect block"
    return answer_set, answer_set.expect


def test_there_are_at_least_thirty_scenarios() -> None:
    assert len(SCENARIOS) >= 30


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario(path: Path, builtin_kb: KnowledgeBase) -> None:
    answer_set, expect = _load(path)
    as_of = answer_set.as_of or dt.date(2026, 11, 21)
    result = evaluate(builtin_kb, answer_set.context, answer_set.answers, as_of)
    assert not [i for i in result.inconsistencies if i.kind != "contradiction"], (
        result.inconsistencies
    )
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
