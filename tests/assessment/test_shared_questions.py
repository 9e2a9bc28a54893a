"""Who takes the decision is asked once, whichever packs need it.

The GDPR pack asks it for decisions with significant effects on people (gdpr.q_automation); the
Danish and Swedish public-law packs build on that answer and ask only what it leaves open. Where the
GDPR pack does not ask it (decisions about companies, no personal data), the national pack asks both
at once. National duties to give reasons appear once, next to the AI Act's Art. 86 explanation.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from tillid.assessment.answers import read_answer_set
from tillid.assessment.engine import evaluate
from tillid.assessment.result import Result
from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.context import Context

DEMO = Path(__file__).parents[2] / "src" / "tillid" / "examples" / "benefit_fraud_scoring.yaml"
AS_OF = dt.date(2026, 11, 21)
WHO_DECIDES = {"gdpr.q_automation", "dkpl.q_decision_use", "sepl.q_case_use"}


def _demo(kb: KnowledgeBase, country: str, **changes: Any) -> Result:
    answers = {k: v for k, v in read_answer_set(DEMO).answers.items() if not k.startswith("dkpl.")}
    answers |= changes
    context = Context(organisation_type="municipality", country=country, lifecycle_phase="procure")
    return evaluate(kb, context, answers, AS_OF)


def test_a_danish_municipality_says_once_who_decides_and_then_what_the_score_does(
    builtin_kb: KnowledgeBase,
) -> None:
    result = _demo(builtin_kb, "DK", **{"dkpl.q_output_use": "recommends"})
    assert set(result.visible_questions) & WHO_DECIDES == {"gdpr.q_automation"}
    assert "dkpl.q_output_use" in result.visible_questions
    assert result.facts["dkpl.human_decides_with_output"].value == "true"
    assert result.facts["dkpl.output_shapes_decision"].value == "true"


def test_a_swedish_kommun_says_once_who_decides_and_then_what_the_output_is_for(
    builtin_kb: KnowledgeBase,
) -> None:
    result = _demo(builtin_kb, "SE", **{"sepl.q_output_use": "decision_support"})
    assert set(result.visible_questions) & WHO_DECIDES == {"gdpr.q_automation"}
    assert result.facts["sepl.decision_support"].value == "true"


def test_fully_automated_in_the_gdpr_answer_is_fully_automated_in_danish_law(
    builtin_kb: KnowledgeBase,
) -> None:
    result = _demo(builtin_kb, "DK", **{"gdpr.q_automation": "solely_automated"})
    assert "dkpl.q_output_use" not in result.visible_questions
    assert "dkpl.q_legal_basis" in result.visible_questions  # the follow-up still comes
    assert result.facts["dkpl.fully_automated"].value == "true"
    assert result.facts["dkpl.afgoerelse"].value == "true"


def test_partly_automated_in_the_gdpr_answer_brings_swedish_28_paragraph(
    builtin_kb: KnowledgeBase,
) -> None:
    result = _demo(builtin_kb, "SE", **{"gdpr.q_automation": "partly_automated"})
    assert "sepl.q_output_use" not in result.visible_questions
    assert result.facts["sepl.automated_decision"].value == "true"


def test_without_personal_data_the_danish_pack_asks_who_decides_itself(
    builtin_kb: KnowledgeBase,
) -> None:
    # e.g. decisions about companies: the GDPR has nothing to ask, Danish administrative law has
    result = _demo(builtin_kb, "DK", **{"aia.q_personal_data": False})
    assert set(result.visible_questions) & WHO_DECIDES == {"dkpl.q_decision_use"}


def test_a_danish_authority_gets_one_duty_to_give_reasons_which_names_art86(
    builtin_kb: KnowledgeBase,
) -> None:
    result = _demo(builtin_kb, "DK", **{"dkpl.q_output_use": "recommends"})
    applying = {o.id for o in result.applicable_obligations()}
    reasons = {o for o in applying if "begrundelse" in o or "reasons" in o}
    assert reasons == {"dkpl.o_fvl22_24_begrundelse"}
    assert "aia:art86(1)" in builtin_kb.obligation["dkpl.o_fvl22_24_begrundelse"].citations
    assert "aia.o_art86_explanation" in applying
