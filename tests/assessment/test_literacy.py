"""AI literacy needs per system, read off an assessment result with the ai-literacy pack."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import yaml

from tillid.assessment.answers import AnswerSet
from tillid.assessment.engine import evaluate
from tillid.assessment.literacy import covers, literacy_needs, staff_roles
from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.loading import load_builtin_packs

SCENARIOS = Path(__file__).parent.parent / "scenarios" / "ai-literacy"


@cache
def _kb() -> KnowledgeBase:
    return KnowledgeBase.build(load_builtin_packs())


def _needs(name: str):
    answer_set = AnswerSet.model_validate(yaml.safe_load((SCENARIOS / name).read_text("utf-8")))
    result = evaluate(_kb(), answer_set.context, answer_set.answers, dt.date(2026, 11, 21))
    return {(n.role, n.area): n for n in literacy_needs(_kb(), result)}


def test_high_risk_deployment_needs_overseers_trained_in_oversight_with_art26_reason() -> None:
    needs = _needs("01_dk_region_high_risk_deployer_overseers.yaml")
    oversight = needs[("lit.role_overseer", "lit.area_oversight")]
    assert oversight.level == "practitioner"
    assert oversight.status == "applies_now"
    assert "lit.o_overseer" in oversight.obligations
    assert "aia:art26(2)" in oversight.citations and "aia:art14(4)" in oversight.citations


def test_the_highest_level_wins_and_every_reason_is_kept() -> None:
    needs = _needs("01_dk_region_high_risk_deployer_overseers.yaml")
    limits = needs[("lit.role_caseworker", "lit.area_limits")]
    # Art. 4 asks caseworkers to be aware of errors; the high-risk use asks them to practise it.
    assert limits.level == "practitioner"
    assert set(limits.obligations) == {"lit.o_caseworker", "lit.o_caseworker_high_risk"}


def test_genai_tool_needs_use_policy_for_staff_and_no_overseers() -> None:
    needs = _needs("02_dk_municipality_genai_writing_assistant.yaml")
    assert needs[("lit.role_genai_staff", "lit.area_genai")].level == "practitioner"
    assert not [key for key in needs if key[0] == "lit.role_overseer"]


def test_not_an_ai_system_needs_nothing() -> None:
    assert _needs("04_rule_based_not_ai.yaml") == {}


def test_a_higher_level_covers_a_lower_one_of_the_same_area_only() -> None:
    kb = _kb()
    assert covers(kb, ["lit.m_oversight_expert"], "lit.area_oversight", "practitioner")
    assert not covers(kb, ["lit.m_oversight_aware"], "lit.area_oversight", "practitioner")
    assert not covers(kb, ["lit.m_limits_expert"], "lit.area_oversight", "aware")
    assert not covers(kb, ["no.such_measure"], "lit.area_oversight", "aware")


def test_the_framework_names_the_eight_staff_roles() -> None:
    assert len(staff_roles(_kb())) == 8
