"""Fixtures for the documents: knowledge bases with and without the GDPR stand-in, demo cases, and
the PDF engine (skipped on a laptop without Pango, a failure under CI=true)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tillid.assessment.answers import AnswerSet, read_answer_set
from tillid.assessment.engine import engine_for
from tillid.assessment.result import Result
from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.loading import builtin_pack_folders, load_pack

HERE = Path(__file__).parent
TODAY = dt.date(2026, 11, 21)
ROOT = HERE.parents[1]
DEMO = ROOT / "src" / "tillid" / "examples" / "benefit_fraud_scoring.yaml"
SCENARIOS = ROOT / "tests" / "scenarios"
WATER = SCENARIOS / "44_water_utility_critical_infrastructure.yaml"  # no personal data, no FRIA
CHATBOT = SCENARIOS / "01_municipal_website_chatbot.yaml"  # limited risk, Art. 50
GDPR_MINI = HERE / "fixtures" / "gdpr-mini"


def unavailable(reason: str) -> None:
    """Skip on a laptop; fail under CI=true."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: PDF tests must run, not skip)")
    pytest.skip(reason)


def _pack(name: str) -> object:
    return next(f for f in builtin_pack_folders() if f.name == name)


@pytest.fixture(scope="session")
def aia_kb() -> KnowledgeBase:
    """The EU AI Act pack alone: what the documents must manage with when nothing else is there."""
    return KnowledgeBase.build([load_pack(_pack("eu-ai-act"))])  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def aia_gdpr_kb() -> KnowledgeBase:
    return KnowledgeBase.build(
        [load_pack(_pack("eu-ai-act")), load_pack(GDPR_MINI)]  # type: ignore[arg-type]
    )


@pytest.fixture(scope="session")
def proc_kb() -> KnowledgeBase:
    """The procurement pack with the packs it reads its conditions from (AI Act, GDPR)."""
    names = ("eu-ai-act", "gdpr", "procurement")
    return KnowledgeBase.build([load_pack(_pack(n)) for n in names])  # type: ignore[arg-type]


Assessed = tuple[KnowledgeBase, Result, AnswerSet]


@pytest.fixture(scope="session")
def assess() -> Callable[[KnowledgeBase, Path | AnswerSet], Assessed]:
    def run(kb: KnowledgeBase, source: Path | AnswerSet) -> Assessed:
        answers = read_answer_set(source) if isinstance(source, Path) else source
        result = engine_for(kb).evaluate(
            answers.context, answers.answers, answers.as_of or TODAY, frozenset(answers.skipped)
        )
        return kb, result, answers

    return run


@pytest.fixture(scope="session")
def pdf_engine() -> None:
    try:
        import weasyprint  # noqa: F401
    except OSError as error:
        unavailable(f"WeasyPrint cannot load Pango ({error}); install Pango to test PDF output.")
