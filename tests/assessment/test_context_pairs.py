"""The same AI system in two contexts gets different, correct guidance from all packs together.

A benefit-fraud risk score, bought from a vendor: once for a Danish municipality that is procuring
it, once for a Swedish state agency that operates it. The AI Act position is the same (deployer,
high-risk via Annex III 5(a), profiling), but national administrative law, the GDPR's national
parts and the lifecycle guidance differ.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tillid.assessment.answers import read_answer_set
from tillid.assessment.engine import evaluate
from tillid.assessment.result import Result
from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.context import Context

DEMO = Path(__file__).parents[2] / "src" / "tillid" / "examples" / "benefit_fraud_scoring.yaml"
AS_OF = dt.date(2026, 11, 21)


@pytest.fixture(scope="module")
def danish_municipality_procuring(builtin_kb: KnowledgeBase) -> Result:
    answer_set = read_answer_set(DEMO)
    return evaluate(builtin_kb, answer_set.context, answer_set.answers, AS_OF)


@pytest.fixture(scope="module")
def swedish_agency_operating(builtin_kb: KnowledgeBase) -> Result:
    answers = {k: v for k, v in read_answer_set(DEMO).answers.items() if not k.startswith("dkpl.")}
    answers |= {
        "aia.q_legacy": False,  # asked in operation: not in use before 2 Aug 2026
        "sepl.q_output_use": "decision_support",
        "sepl.q_secrecy_external": True,
    }
    context = Context(organisation_type="state_agency", country="SE", lifecycle_phase="operate")
    return evaluate(builtin_kb, context, answers, AS_OF)


def _applying(result: Result) -> set[str]:
    return {o.id for o in result.applicable_obligations()}


def test_both_are_complete_and_consistent(
    danish_municipality_procuring: Result, swedish_agency_operating: Result
) -> None:
    for result in (danish_municipality_procuring, swedish_agency_operating):
        assert result.complete, result.open_questions
        assert not result.inconsistencies
        assert result.classification("aia.risk_class").values == ["high_risk"]
        assert result.classification("aia.role").values == ["deployer"]
        assert result.classification("gdpr.dpia").values == ["required"]


def test_the_ai_act_duties_are_the_same_in_both(
    danish_municipality_procuring: Result, swedish_agency_operating: Result
) -> None:
    for result in (danish_municipality_procuring, swedish_agency_operating):
        fria = result.obligation("aia.o_art27_fria")
        # A public body deploying an Annex III 5(a) system; Omnibus date for Annex III duties.
        assert (fria.status, fria.applies_from) == ("applies_from", dt.date(2027, 12, 2))


def test_danish_administrative_law_applies_only_to_the_danish_municipality(
    danish_municipality_procuring: Result, swedish_agency_operating: Result
) -> None:
    danish = {
        "dkpl.o_fvl19_partshoering",
        "dkpl.o_fvl22_24_begrundelse",
        "dkpl.o_officialprincip",
        "dkpl.o_offl13_notatpligt",
    }
    assert danish <= _applying(danish_municipality_procuring)
    assert not danish & _applying(swedish_agency_operating)


def test_swedish_administrative_law_applies_only_to_the_swedish_agency(
    danish_municipality_procuring: Result, swedish_agency_operating: Result
) -> None:
    swedish = {
        "sepl.o_fl23_investigation",
        "sepl.o_fl25_communication",
        "sepl.o_fl32_reasons",
        "sepl.o_osl_secrecy_supplier",
        "gdpr.o_legal_basis_ai_se",
    }
    assert swedish <= _applying(swedish_agency_operating)
    assert not swedish & _applying(danish_municipality_procuring)


def test_lifecycle_guidance_follows_the_phase(
    danish_municipality_procuring: Result, swedish_agency_operating: Result
) -> None:
    # Operating: the follow-up part of DIGG's trust model; procuring: measures for the tender.
    assert "sepl.o_trust_model_followup" in _applying(swedish_agency_operating)
    procuring = {m.id for m in danish_municipality_procuring.measures if m.in_current_phase}
    operating = {m.id for m in swedish_agency_operating.measures if m.in_current_phase}
    assert procuring and operating and procuring != operating
