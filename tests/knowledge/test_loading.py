from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import replace_in
from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.conditions import ConditionError, dump_condition, parse_condition
from tillid.knowledge.loading import PackError, load_pack


def test_a_misspelt_field_is_reported_with_file_and_line(mini_copy: Path) -> None:
    replace_in(
        mini_copy / "content.yaml",
        "    show_if: {answer: mini.area",
        "    shwo_if: {answer: mini.area",
    )
    with pytest.raises(PackError) as caught:
        load_pack(mini_copy)
    message = str(caught.value)
    lines = (mini_copy / "content.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, start=1) if "shwo_if" in text)
    assert f"content.yaml:{line}:" in message
    assert 'unknown field "shwo_if"' in message


def test_broken_yaml_names_the_line(mini_copy: Path) -> None:
    replace_in(mini_copy / "content.yaml", "  - id: mini.area", "  - id: [mini.area")
    with pytest.raises(PackError) as caught:
        load_pack(mini_copy)
    assert "content.yaml:" in str(caught.value)
    assert "not valid YAML" in str(caught.value)


def test_a_condition_in_an_unknown_shape_is_explained(mini_copy: Path) -> None:
    replace_in(
        mini_copy / "content.yaml",
        "when: {answer: mini.infers, is: true}",
        "when: {answer: mini.infers, equals: true}",
    )
    with pytest.raises(PackError) as caught:
        load_pack(mini_copy)
    assert "needs exactly one of is, in, includes" in str(caught.value)


def test_unknown_fact_reference_suggests_the_closest_id(mini_copy: Path) -> None:
    replace_in(
        mini_copy / "content.yaml",
        "{fact: mini.ai_system}, {answer: mini.area, includes: scoring}",
        "{fact: mini.ai_sytem}, {answer: mini.area, includes: scoring}",
    )
    with pytest.raises(PackError) as caught:
        KnowledgeBase.build([load_pack(mini_copy)])
    assert 'fact "mini.ai_sytem" does not exist (did you mean "mini.ai_system"?)' in str(
        caught.value
    )


def test_comparing_with_an_option_the_question_lacks_is_an_error(mini_copy: Path) -> None:
    replace_in(
        mini_copy / "content.yaml",
        "{answer: mini.area, includes: scoring}",
        "{answer: mini.area, includes: scorng}",
    )
    with pytest.raises(PackError) as caught:
        KnowledgeBase.build([load_pack(mini_copy)])
    assert "has no option ['scorng']" in str(caught.value)


def test_duplicate_ids_are_reported_with_both_places(mini_copy: Path) -> None:
    replace_in(mini_copy / "content.yaml", "  - id: mini.high\n", "  - id: mini.prohibited\n")
    with pytest.raises(PackError) as caught:
        KnowledgeBase.build([load_pack(mini_copy)])
    assert 'id "mini.prohibited" is already used at' in str(caught.value)


def test_circular_facts_are_refused(mini_copy: Path) -> None:
    replace_in(
        mini_copy / "content.yaml",
        "when: {answer: mini.infers, is: true}",
        "when: {fact: mini.minimal}",
    )
    with pytest.raises(PackError) as caught:
        KnowledgeBase.build([load_pack(mini_copy)])
    assert "depend on each other in a circle" in str(caught.value)


def test_ids_outside_the_pack_namespace_are_refused(mini_copy: Path) -> None:
    replace_in(mini_copy / "content.yaml", "  - id: mini.g_ai", "  - id: other.g_ai")
    with pytest.raises(PackError) as caught:
        KnowledgeBase.build([load_pack(mini_copy)])
    assert 'must start with "mini."' in str(caught.value)


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="no such pack folder"):
        load_pack(tmp_path / "nope")


@pytest.mark.parametrize(
    "raw",
    [
        {"all": [{"fact": "a.b"}, {"not": {"answer": "a.q", "is": True}}]},
        {"any": [{"answer": "a.q", "in": ["x", "y"]}, {"answer": "a.m", "includes": "z"}]},
        {"answer": "a.n", "gte": 10.0},
        {"context": "country", "in": ["DK", "SE"]},
        {"date_before": "2026-08-02"},
        {"always": False},
    ],
)
def test_conditions_round_trip_through_yaml_form(raw: dict[str, object]) -> None:
    import datetime as dt

    if "date_before" in raw:
        raw = {"date_before": dt.date.fromisoformat(str(raw["date_before"]))}
    dumped = dump_condition(parse_condition(raw))
    if "date_before" in raw:
        dumped = {"date_before": dt.date.fromisoformat(dumped["date_before"])}
    assert parse_condition(dumped) == parse_condition(raw)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("fact: x", "must be a mapping"),
        ({"all": []}, "non-empty list"),
        ({"context": "planet", "is": "earth"}, 'Unknown context "planet"'),
        ({"context": "country", "is": "NO"}, '"NO" is not a value of context country'),
        ({"date_from": "soon"}, "YYYY-MM-DD"),
        ({"answer": "a.q", "answered": False}, "only takes true"),
        ({"answer": "a.q", "gte": "ten"}, "needs a number"),
    ],
)
def test_bad_conditions_are_explained(raw: object, message: str) -> None:
    with pytest.raises(ConditionError, match=message):
        parse_condition(raw)


def test_a_comma_inside_a_flow_text_gets_a_hint(mini_copy: Path) -> None:
    replace_in(
        mini_copy / "content.yaml",
        "definition: {da: Et maskinbaseret system., en:",
        "definition: {da: Et maskinbaseret, lærende system., en:",
    )
    with pytest.raises(PackError) as caught:
        load_pack(mini_copy)
    assert "a comma inside a {da: ..., en: ...} text splits it" in str(caught.value)


def test_an_unquoted_no_in_a_text_is_explained(mini_copy: Path) -> None:
    replace_in(
        mini_copy / "content.yaml",
        "{id: other, label: {da: Andet, en: Other,",
        "{id: other, label: {da: Andet, en: No,",
    )
    with pytest.raises(PackError) as caught:
        load_pack(mini_copy)
    assert "YAML read this text as False; put it in quotes" in str(caught.value)
