from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from tests.conftest import MINI
from tillid.assessment.engine import evaluate, visible_questions
from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.context import Context
from tillid.knowledge.lint import lint_packs
from tillid.knowledge.loading import load_pack

MUNICIPALITY = Context(organisation_type="municipality", country="DK", lifecycle_phase="procure")
SME = Context(organisation_type="sme", country="SE", lifecycle_phase="operate")
TODAY = dt.date(2026, 11, 21)


def test_follow_up_questions_appear_only_when_earlier_answers_make_them_relevant(
    mini_kb: KnowledgeBase,
) -> None:
    assert visible_questions(mini_kb, MUNICIPALITY, {}, TODAY) == ["mini.infers"]
    not_ai = visible_questions(mini_kb, MUNICIPALITY, {"mini.infers": False}, TODAY)
    assert not_ai == ["mini.infers"]
    ai = {"mini.infers": True, "mini.area": ["benefits"]}
    assert visible_questions(mini_kb, MUNICIPALITY, ai, TODAY) == [
        "mini.infers",
        "mini.area",
        "mini.users",
    ]


def test_with_open_questions_the_risk_class_is_undetermined_and_names_them(
    mini_kb: KnowledgeBase,
) -> None:
    result = evaluate(mini_kb, MUNICIPALITY, {"mini.infers": True}, TODAY)
    risk = result.classification("mini.risk_class")
    assert not risk.determined
    assert risk.possible == ["prohibited", "high", "minimal"]
    assert risk.trace.unanswered == ["mini.area"]
    assert result.next_question == "mini.area"
    assert result.obligation("mini.o_fria").status == "undetermined"


def test_benefit_system_in_a_municipality_is_high_risk_with_fria_dated_by_legal_version(
    mini_kb: KnowledgeBase,
) -> None:
    answers = {"mini.infers": True, "mini.area": ["benefits"]}
    result = evaluate(mini_kb, MUNICIPALITY, answers, TODAY)
    assert result.classification("mini.risk_class").values == ["high"]
    fria = result.obligation("mini.o_fria")
    # On 21 Nov 2026 the amended version is in force: the FRIA applies from 2 Dec 2027.
    assert fria.status == "applies_from"
    assert fria.applies_from == dt.date(2027, 12, 2)
    assert fria.legal_version == "mini.v2026"
    assert fria.dates_by_version == {
        "mini.v2024": dt.date(2026, 8, 2),
        "mini.v2026": dt.date(2027, 12, 2),
    }
    assert fria.trace.context == {"organisation_type": "municipality"}
    assert [m.id for m in result.measures] == ["mini.m_fria"]
    assert result.measures[0].due == dt.date(2027, 12, 2)
    assert result.measures[0].in_current_phase is True


def test_before_the_amendment_the_original_date_applies(mini_kb: KnowledgeBase) -> None:
    answers = {"mini.infers": True, "mini.area": ["benefits"]}
    result = evaluate(mini_kb, MUNICIPALITY, answers, dt.date(2026, 3, 1))
    fria = result.obligation("mini.o_fria")
    assert fria.legal_version == "mini.v2024"
    assert fria.applies_from == dt.date(2026, 8, 2)


def test_an_sme_has_no_fria_duty(mini_kb: KnowledgeBase) -> None:
    answers = {"mini.infers": True, "mini.area": ["benefits"]}
    result = evaluate(mini_kb, SME, answers, TODAY)
    assert result.obligation("mini.o_fria").status == "not_applicable"


def test_prohibited_practice_applies_now_and_the_trace_shows_answer_rule_and_source(
    mini_kb: KnowledgeBase,
) -> None:
    answers = {"mini.infers": True, "mini.area": ["scoring", "benefits"]}
    result = evaluate(mini_kb, MUNICIPALITY, answers, TODAY)
    assert result.classification("mini.risk_class").values == ["prohibited"]
    stop = result.obligation("mini.o_stop")
    assert stop.status == "applies_now"
    fact = result.facts["mini.prohibited"]
    assert fact.value == "true"
    assert fact.trace.rules == ["mini.r_prohibited"]
    assert fact.trace.answers == {"mini.area": ["benefits", "scoring"]}
    assert fact.trace.facts == ["mini.ai_system"]
    assert fact.trace.citations == ["aia:art5(1)(c)"]


def test_not_applicable_is_explained_by_the_answer_that_excluded_it(mini_kb: KnowledgeBase) -> None:
    result = evaluate(mini_kb, MUNICIPALITY, {"mini.infers": False}, TODAY)
    assert result.facts["mini.ai_system"].value == "false"
    assert result.facts["mini.ai_system"].trace.answers == {"mini.infers": False}
    assert result.complete


def test_answers_to_questions_that_do_not_apply_are_reported_and_not_used(
    mini_kb: KnowledgeBase,
) -> None:
    answers = {"mini.infers": False, "mini.area": ["scoring"]}
    result = evaluate(mini_kb, MUNICIPALITY, answers, TODAY)
    assert result.facts["mini.prohibited"].value == "false"
    assert [(i.kind, i.item) for i in result.inconsistencies] == [("hidden_question", "mini.area")]


def test_invalid_and_unknown_answers_are_reported_not_crashing(mini_kb: KnowledgeBase) -> None:
    answers = {"mini.infers": "maybe", "mini.nothing": True}
    result = evaluate(mini_kb, MUNICIPALITY, answers, TODAY)
    kinds = {(i.kind, i.item) for i in result.inconsistencies}
    assert kinds == {("invalid_answer", "mini.infers"), ("unknown_question", "mini.nothing")}
    assert result.next_question == "mini.infers"


def test_a_pack_check_flags_contradictory_or_implausible_answers(mini_kb: KnowledgeBase) -> None:
    answers = {"mini.infers": True, "mini.area": ["benefits"], "mini.users": 5_000_000_000}
    result = evaluate(mini_kb, MUNICIPALITY, answers, TODAY)
    assert [i.item for i in result.inconsistencies] == ["mini.c_many"]


def test_skipped_questions_stay_open_but_are_not_asked_next(mini_kb: KnowledgeBase) -> None:
    answers = {"mini.infers": True, "mini.area": ["benefits"]}
    result = evaluate(mini_kb, MUNICIPALITY, answers, TODAY, skipped=frozenset({"mini.users"}))
    assert result.open_questions == ["mini.users"]
    assert result.next_question is None
    assert not result.complete


def test_unknown_context_leaves_context_dependent_duties_undetermined(
    mini_kb: KnowledgeBase,
) -> None:
    answers = {"mini.infers": True, "mini.area": ["benefits"]}
    result = evaluate(mini_kb, Context(), answers, TODAY)
    assert result.obligation("mini.o_fria").status == "undetermined"


def test_the_same_input_gives_the_same_result(mini_kb: KnowledgeBase) -> None:
    answers = {"mini.infers": True, "mini.area": ["benefits", "other"], "mini.users": 12}
    first = evaluate(mini_kb, MUNICIPALITY, answers, TODAY).to_json()
    second = evaluate(mini_kb, MUNICIPALITY, dict(reversed(answers.items())), TODAY).to_json()
    assert first == second


def test_an_exclusive_option_cannot_be_combined_with_others(mini_kb: KnowledgeBase) -> None:
    answers = {"mini.infers": True, "mini.area": ["none", "benefits"]}
    result = evaluate(mini_kb, MUNICIPALITY, answers, TODAY)
    assert [(i.kind, i.item) for i in result.inconsistencies] == [("invalid_answer", "mini.area")]
    assert result.next_question == "mini.area"


def test_a_warning_check_is_reported_as_a_warning_not_a_contradiction(
    mini_kb: KnowledgeBase,
) -> None:
    answers = {"mini.infers": True, "mini.area": ["benefits"], "mini.users": 3}
    result = evaluate(mini_kb, MUNICIPALITY, answers, TODAY)
    assert [(i.kind, i.item) for i in result.inconsistencies] == [("warning", "mini.c_few")]


def test_an_impact_score_shows_its_level_and_the_points_behind_it(mini_kb: KnowledgeBase) -> None:
    few = evaluate(
        mini_kb,
        MUNICIPALITY,
        {"mini.infers": True, "mini.area": ["benefits"], "mini.users": 4000},
        TODAY,
    )
    many = evaluate(
        mini_kb,
        MUNICIPALITY,
        {"mini.infers": True, "mini.area": ["benefits"], "mini.users": 20000},
        TODAY,
    )
    assert (few.scores[0].minimum, few.scores[0].level) == (3, "mini.level_low")
    assert (many.scores[0].minimum, many.scores[0].level) == (7, "mini.level_high")
    counted = {p.id: (p.value, p.points) for p in many.scores[0].parts}
    assert counted == {
        "mini.s_benefits": ("true", 3),
        "mini.s_many": ("true", 4),
        "mini.s_few": ("false", -2),
    }
    assert many.facts["mini.level_high"].trace.answers == {
        "mini.area": ["benefits"],
        "mini.users": 20000.0,
    }


def test_while_a_weighted_question_is_open_the_level_is_undetermined(
    mini_kb: KnowledgeBase,
) -> None:
    result = evaluate(
        mini_kb, MUNICIPALITY, {"mini.infers": True, "mini.area": ["benefits"]}, TODAY
    )
    score = result.scores[0]
    assert (score.minimum, score.maximum, score.level) == (1, 7, None)
    assert result.facts["mini.level_high"].value == "unknown"
    assert result.facts["mini.level_high"].trace.unanswered == ["mini.users"]


def _mini_with(tmp_path: Path, facts: str, rules: str, questions: str = "") -> KnowledgeBase:
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    content = target / "content.yaml"
    text = content.read_text(encoding="utf-8")
    text = text.replace("facts:\n", questions + "facts:\n" + facts, 1)
    text = text.replace("rules:\n", "rules:\n" + rules, 1)
    content.write_text(text, encoding="utf-8")
    return KnowledgeBase.build([load_pack(target)])


TWO_AREAS = """  - id: mini.two_areas
    title: {da: To, en: Two, sv: Två}
"""
TWO_AREAS_RULE = """  - id: mini.r_two_areas
    derives: mini.two_areas
    when:
      at_least: 2
      of:
        - {answer: mini.area, includes: benefits}
        - {answer: mini.area, includes: scoring}
        - {answer: mini.infers, is: false}
    explanation: {da: To., en: Two., sv: Två.}
"""


def test_at_least_counts_conditions_in_three_valued_logic(tmp_path: Path) -> None:
    kb = _mini_with(tmp_path, TWO_AREAS, TWO_AREAS_RULE)
    yes = {"mini.infers": True, "mini.area": ["benefits", "scoring"]}
    no = {"mini.infers": True, "mini.area": ["benefits"]}
    assert evaluate(kb, MUNICIPALITY, yes, TODAY).facts["mini.two_areas"].value == "true"
    assert evaluate(kb, MUNICIPALITY, no, TODAY).facts["mini.two_areas"].value == "false"
    open_area = evaluate(kb, MUNICIPALITY, {"mini.infers": True}, TODAY)
    assert open_area.facts["mini.two_areas"].value == "unknown"
    assert open_area.facts["mini.two_areas"].trace.unanswered == ["mini.area"]
    assert lint_packs(kb.packs).ok


def test_shown_lets_a_question_appear_exactly_where_another_does_not(tmp_path: Path) -> None:
    question = """  - id: mini.fallback
    section: mini.use
    kind: yes_no
    text: {da: "Reserve?", en: "Fallback?", sv: "Reserv?"}
    show_if: {not: {shown: mini.users}}
"""
    kb = _mini_with(tmp_path, "", "", question)
    benefits = {"mini.infers": True, "mini.area": ["benefits"]}
    other = {"mini.infers": True, "mini.area": ["other"]}
    assert "mini.fallback" not in visible_questions(kb, MUNICIPALITY, benefits, TODAY)
    assert "mini.fallback" in visible_questions(kb, MUNICIPALITY, other, TODAY)
    assert lint_packs(kb.packs).ok
