from __future__ import annotations

from pathlib import Path

from tests.conftest import MINI, replace_in
from tillid.knowledge.lint import lint_folders


def test_the_mini_pack_is_consistent() -> None:
    report = lint_folders([MINI])
    assert report.ok, [str(f) for f in report.findings]
    assert report.counts["questions"] == 3


def test_outcomes_that_can_overlap_are_proved_so_with_an_example(mini_copy: Path) -> None:
    # Minimal risk no longer excludes high risk: a benefits system is now both.
    replace_in(mini_copy / "content.yaml", "{not: {fact: mini.high}}]}", "{always: true}]}")
    report = lint_folders([mini_copy])
    messages = [f.message for f in report.errors]
    assert any(
        "mini.high and mini.minimal are declared mutually exclusive" in m
        and "mini.area=['benefits'" in m
        for m in messages
    ), messages


def test_a_question_that_can_never_be_shown_is_found(mini_copy: Path) -> None:
    replace_in(
        mini_copy / "content.yaml",
        "show_if: {answer: mini.area, includes: benefits}",
        "show_if: {all: [{answer: mini.area, includes: benefits}, {answer: mini.infers, is: false}]}",
    )
    report = lint_folders([mini_copy])
    assert any("question mini.users can never be shown" in f.message for f in report.errors)


def test_an_obligation_that_can_never_apply_is_found(mini_copy: Path) -> None:
    replace_in(
        mini_copy / "content.yaml",
        "applies_when: {fact: mini.prohibited}",
        "applies_when: {all: [{fact: mini.prohibited}, {fact: mini.high}]}",
    )
    report = lint_folders([mini_copy])
    assert any("obligation mini.o_stop can never apply" in f.message for f in report.errors)


def test_a_missing_translation_names_item_field_and_language(mini_copy: Path) -> None:
    replace_in(
        mini_copy / "content.yaml",
        "title: {da: Stop brugen, en: Stop using it, sv: Sluta använda det}",
        "title: {da: Stop brugen, en: Stop using it}",
    )
    report = lint_folders([mini_copy])
    assert any("mini.o_stop: title has no sv text" in f.message for f in report.errors)


def test_an_unknown_act_prefix_in_a_citation_is_an_error(mini_copy: Path) -> None:
    replace_in(mini_copy / "content.yaml", 'citations: ["aia:art6"]', 'citations: ["aiact:art6"]')
    report = lint_folders([mini_copy])
    assert any('unknown act "aiact"' in f.message for f in report.errors)


def test_a_question_depending_on_a_later_question_is_an_error(mini_copy: Path) -> None:
    content = mini_copy / "content.yaml"
    replace_in(
        content,
        "    glossary: [mini.g_ai]\n  - id: mini.area",
        "    glossary: [mini.g_ai]\n    show_if: {answer: mini.note, answered: true}\n"
        "  - id: mini.area",
    )
    replace_in(
        content,
        "facts:\n",
        "  - id: mini.note\n    section: mini.scope\n    kind: text\n"
        "    text: {da: Note, en: Note, sv: Not}\nfacts:\n",
    )
    report = lint_folders([mini_copy])
    assert any("which is asked later" in f.message for f in report.findings)


def test_the_builtin_packs_pass_the_linter() -> None:
    report = lint_folders()
    assert report.ok, "\n".join(str(f) for f in report.errors)


def test_the_solver_knows_an_exclusive_option_is_chosen_alone(mini_copy: Path) -> None:
    replace_in(
        mini_copy / "content.yaml",
        "when: {all: [{fact: mini.ai_system}, {answer: mini.area, includes: scoring}]}",
        "when: {all: [{answer: mini.area, includes: none}, {answer: mini.area, includes: scoring}]}",
    )
    report = lint_folders([mini_copy])
    assert any("fact mini.prohibited can never be derived" in f.message for f in report.errors)


def test_the_solver_reasons_about_score_thresholds(mini_copy: Path) -> None:
    # 3 + 4 points is the most the score can reach: a level from 8 points is unreachable.
    replace_in(mini_copy / "content.yaml", "from_points: 5", "from_points: 8")
    report = lint_folders([mini_copy])
    assert any("fact mini.level_high can never be derived" in f.message for f in report.errors)
    replace_in(mini_copy / "content.yaml", "from_points: 8", "from_points: 7")
    assert lint_folders([mini_copy]).ok
