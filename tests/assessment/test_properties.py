"""Property tests: whatever a user answers, evaluation works and every trace points at real items."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tillid.assessment.engine import evaluate
from tillid.assessment.result import Result, Trace
from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.citations import ACTS, split_key
from tillid.knowledge.context import CONTEXT_DIMENSIONS, Context
from tillid.knowledge.loading import load_builtin_packs
from tillid.knowledge.model import Question

KB = KnowledgeBase.build(load_builtin_packs())

# Valid answers of every kind, and junk a hand-edited answers file might hold.
JUNK = st.one_of(
    st.none(), st.text(max_size=5), st.integers(), st.lists(st.text(max_size=3), max_size=2)
)


def answer_for(question: Question) -> st.SearchStrategy[Any]:
    options = list(question.option_ids())
    valid: st.SearchStrategy[Any]
    if question.kind == "yes_no":
        valid = st.booleans()
    elif question.kind == "single":
        valid = st.sampled_from(options)
    elif question.kind == "multi":
        valid = st.lists(st.sampled_from(options), min_size=1, unique=True)
    elif question.kind == "number":
        valid = st.floats(min_value=0, max_value=1e9, allow_nan=False)
    elif question.kind == "date":
        valid = st.dates().map(dt.date.isoformat)
    else:
        valid = st.text(min_size=1, max_size=20)
    return st.one_of(valid, valid, valid, JUNK)


contexts = st.builds(
    Context,
    **{
        name: st.one_of(st.none(), st.sampled_from(values))
        for name, values in CONTEXT_DIMENSIONS.items()
    },
)
answer_sets = st.fixed_dictionaries(
    {}, optional={q.id: answer_for(q) for q in KB.questions} | {"unknown.question": JUNK}
)
as_of_dates = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2032, 12, 31))


def _check_trace(trace: Trace, result: Result) -> None:
    assert set(trace.rules) <= KB.rule.keys()
    assert set(trace.answers) <= KB.question.keys()
    assert set(trace.unanswered) <= KB.question.keys()
    assert set(trace.facts) <= result.facts.keys()
    for key in trace.citations:
        assert split_key(key)[0] in ACTS


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(context=contexts, answers=answer_sets, as_of=as_of_dates)
def test_any_answer_set_evaluates_and_traces_cite_only_existing_items(
    context: Context, answers: dict[str, Any], as_of: dt.date
) -> None:
    result = evaluate(KB, context, answers, as_of)
    for fact in result.facts.values():
        _check_trace(fact.trace, result)
    for obligation in result.obligations:
        _check_trace(obligation.trace, result)
        assert obligation.id in KB.obligation
    for classification in result.classifications:
        _check_trace(classification.trace, result)
        exclusive = KB.classification[classification.id].exclusive
        assert not exclusive or len(classification.values) <= 1
    assert set(result.open_questions) <= set(result.visible_questions)
    assert result.next_question is None or result.next_question in result.open_questions
    assert {m.id for m in result.measures} <= KB.measure.keys()
    result.to_json()  # always serialisable
