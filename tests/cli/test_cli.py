"""The command line as a user meets it: real commands, real files, readable output and errors."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from typer.testing import CliRunner

from tests.conftest import MINI
from tillid.cli.main import app

runner = CliRunner()
PACKS = ["--packs", str(MINI)]


def _answers(tmp_path: Path, data: object, name: str = "answers.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


BENEFITS = {
    "title": "Ydelsestriage",
    "language": "en",
    "context": {"organisation_type": "municipality", "country": "DK", "lifecycle_phase": "procure"},
    "answers": {"mini.infers": True, "mini.area": ["benefits"], "mini.users": 4000},
}


def test_assess_an_answers_file_prints_class_obligations_and_reasons(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["assess", "--answers", str(_answers(tmp_path, BENEFITS)), "--as-of", "2026-11-21", *PACKS],
    )
    assert result.exit_code == 0, result.output
    assert "High-risk" in result.output
    assert "FRIA" in result.output
    assert "2027-12-02" in result.output
    assert "Benefits." in result.output  # the rule's explanation


def test_assess_as_json_carries_ids_dates_and_traces(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "assess",
            "-a",
            str(_answers(tmp_path, BENEFITS)),
            "--format",
            "json",
            "--as-of",
            "2026-11-21",
            *PACKS,
        ],
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    fria = next(o for o in payload["result"]["obligations"] if o["id"] == "mini.o_fria")
    assert fria["status"] == "applies_from"
    assert fria["applies_from"] == "2027-12-02"
    assert payload["report"]["classifications"][0]["value_titles"] == ["High-risk"]


def test_assess_as_markdown_in_swedish(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "assess",
            "-a",
            str(_answers(tmp_path, BENEFITS)),
            "-f",
            "markdown",
            "--lang",
            "sv",
            "--as-of",
            "2026-11-21",
            *PACKS,
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Bedömning: Ydelsestriage")
    assert "**Riskklass:** Hög risk" in result.output


def test_a_missing_answers_file_is_a_clear_error_without_traceback(tmp_path: Path) -> None:
    result = runner.invoke(app, ["assess", "-a", str(tmp_path / "nope.yaml"), *PACKS])
    assert result.exit_code == 2
    assert "does not exist" in result.output
    assert "Traceback" not in result.output


def test_an_answers_file_with_a_wrong_context_value_names_the_field(tmp_path: Path) -> None:
    bad = {**BENEFITS, "context": {"organisation_type": "kommune"}}
    result = runner.invoke(app, ["assess", "-a", str(_answers(tmp_path, bad)), *PACKS])
    assert result.exit_code == 2
    assert "context.organisation_type" in result.output


def test_an_answers_file_that_is_not_yaml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("answers: [unclosed\n", encoding="utf-8")
    result = runner.invoke(app, ["assess", "-a", str(path), *PACKS])
    assert result.exit_code == 2
    assert "not valid YAML/JSON" in result.output


def test_a_bad_date_is_explained(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["assess", "-a", str(_answers(tmp_path, BENEFITS)), "--as-of", "21/11/2026", *PACKS]
    )
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_interactive_questionnaire_with_back_skip_and_resume(tmp_path: Path) -> None:
    save = tmp_path / "draft.yaml"
    # Title; context: municipality (1), DK (1), procure (1); then infers: "maybe" (invalid), y;
    # area: 2 (scoring); back (<) undoes infers; then stop (q).
    keys = "Ydelsestriage\n1\n1\n1\nmaybe\ny\n<\nq\n"
    result = runner.invoke(app, ["assess", "--save", str(save), "--lang", "en", *PACKS], input=keys)
    assert result.exit_code == 0, result.output
    assert "Invalid answer" in result.output
    saved = yaml.safe_load(save.read_text(encoding="utf-8"))
    assert saved["context"] == {
        "organisation_type": "municipality",
        "country": "DK",
        "lifecycle_phase": "procure",
    }
    assert saved["answers"] == {}
    assert saved["title"] == "Ydelsestriage"
    # Resume: answer y, choose benefits (1), skip the number (-): the questionnaire ends.
    result = runner.invoke(
        app, ["assess", "--resume", str(save), "--as-of", "2026-11-21", *PACKS], input="y\n1\n-\n"
    )
    assert result.exit_code == 0, result.output
    saved = yaml.safe_load(save.read_text(encoding="utf-8"))
    assert saved["answers"] == {"mini.infers": True, "mini.area": ["benefits"]}
    assert saved["skipped"] == ["mini.users"]
    assert "High-risk" in result.output


def test_the_questionnaire_asks_for_the_language_first_when_none_is_given(tmp_path: Path) -> None:
    save = tmp_path / "draft.yaml"
    result = runner.invoke(app, ["assess", "--save", str(save), *PACKS], input="3\nq\n")
    assert result.exit_code == 0, result.output
    assert "Skriv < för att gå tillbaka" in result.output
    assert yaml.safe_load(save.read_text(encoding="utf-8"))["language"] == "sv"


def test_help_shows_the_glossary_and_sources(tmp_path: Path) -> None:
    save = tmp_path / "draft.yaml"
    keys = "\n1\n1\n1\n?\nq\n"
    result = runner.invoke(app, ["assess", "--save", str(save), "--lang", "en", *PACKS], input=keys)
    assert result.exit_code == 0, result.output
    assert "Sources: AI Act Art. 3(1)" in result.output
    assert "AI system: A machine-based system." in result.output


def test_content_check_passes_on_a_good_pack_and_fails_with_lines_on_a_bad_one(
    mini_copy: Path,
) -> None:
    assert runner.invoke(app, ["content", "check", str(MINI)]).exit_code == 0
    content = mini_copy / "content.yaml"
    content.write_text(
        content.read_text(encoding="utf-8").replace("kind: number", "kind: numbr"), encoding="utf-8"
    )
    result = runner.invoke(app, ["content", "check", str(mini_copy)])
    assert result.exit_code == 1
    assert "content.yaml:" in result.output and "kind" in result.output


def test_content_export_is_one_json_document_with_citations(tmp_path: Path) -> None:
    out = tmp_path / "kb.json"
    result = runner.invoke(app, ["content", "export", "--format", "json", "-o", str(out), *PACKS])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "tillid-knowledge"
    assert data["citations"]["aia:annex3(5)(a)"]["cited_by"] == ["mini.r_high"]
    rule = next(r for r in data["packs"][0]["rules"] if r["id"] == "mini.r_ai")
    assert rule["when"] == {"answer": "mini.infers", "is": True}


def test_content_diff_lists_changed_items(mini_copy: Path) -> None:
    content = mini_copy / "content.yaml"
    content.write_text(
        content.read_text(encoding="utf-8").replace("date: 2027-12-02", "date: 2028-01-02"),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["content", "diff", str(MINI), str(mini_copy)])
    assert result.exit_code == 0, result.output
    assert "changed  obligation      mini.o_fria (applies_from)" in result.output


def test_reassess_reports_what_a_new_pack_version_changes(tmp_path: Path, mini_copy: Path) -> None:
    content = mini_copy / "content.yaml"
    content.write_text(
        content.read_text(encoding="utf-8").replace("date: 2027-12-02", "date: 2028-01-02"),
        encoding="utf-8",
    )
    answers = _answers(tmp_path, BENEFITS)
    result = runner.invoke(
        app,
        [
            "reassess",
            str(answers),
            "--old",
            str(MINI),
            "--new",
            str(mini_copy),
            "--as-of",
            "2026-11-21",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "obligation_date" in result.output and "mini.o_fria" in result.output
    assert "1 of 1 assessments changed" in result.output


def test_a_yaml_bomb_in_an_answers_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["assess", "-a", str(path), *PACKS])
    assert result.exit_code == 2
    assert "aliases" in result.output


def test_a_huge_answers_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(6_000_000)
    result = runner.invoke(app, ["assess", "-a", str(path), *PACKS])
    assert result.exit_code == 2
    assert "is at most 5,000,000 bytes" in result.output


def test_answers_of_the_wrong_shape_are_named(tmp_path: Path) -> None:
    bad = {**BENEFITS, "answers": {"mini.infers": {"nested": "mapping"}}}
    result = runner.invoke(app, ["assess", "-a", str(_answers(tmp_path, bad)), *PACKS])
    assert result.exit_code == 2
    assert "answers.mini.infers" in result.output


def test_a_wrong_option_in_an_answers_file_is_reported_in_the_report(tmp_path: Path) -> None:
    bad = {**BENEFITS, "answers": {"mini.infers": True, "mini.area": ["benefits", "lottery"]}}
    result = runner.invoke(
        app, ["assess", "-a", str(_answers(tmp_path, bad)), "--as-of", "2026-11-21", *PACKS]
    )
    assert result.exit_code == 0, result.output
    assert "The answer to “What is it used for?” is not valid" in result.output
    assert "possible answers: Benefits; Social scoring; Other" in result.output


def test_the_questionnaire_refuses_none_of_these_with_another_option(tmp_path: Path) -> None:
    save = tmp_path / "draft.yaml"
    keys = "\n1\n1\n1\ny\n1,4\n1\nq\n"
    result = runner.invoke(app, ["assess", "--save", str(save), "--lang", "en", *PACKS], input=keys)
    assert result.exit_code == 0, result.output
    assert "«None of these» cannot be combined with other answers" in result.output
    assert yaml.safe_load(save.read_text(encoding="utf-8"))["answers"]["mini.area"] == ["benefits"]


def test_the_demo_shows_a_complete_consistent_high_risk_assessment() -> None:
    result = runner.invoke(app, ["demo", "--terminal", "--lang", "en", "--as-of", "2026-11-21"])
    assert result.exit_code == 0, result.output
    assert "High-risk" in result.output
    assert "Fundamental-rights impact assessment" in result.output or "FRIA" in result.output
    assert "Points to check" not in result.output
    assert "Open questions" not in result.output


def test_the_note_of_the_date_in_force_is_shown_with_the_obligation(tmp_path: Path) -> None:
    path = _answers(tmp_path, BENEFITS)
    now = runner.invoke(
        app, ["assess", "-a", str(path), "-f", "markdown", "--as-of", "2026-11-21", *PACKS]
    )
    assert "*Postponed by the amendment.*" in now.output
    before = runner.invoke(
        app, ["assess", "-a", str(path), "-f", "markdown", "--as-of", "2026-03-01", *PACKS]
    )
    assert "Postponed" not in before.output


def test_the_markdown_report_keeps_reasons_and_answers_apart(tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    result = runner.invoke(
        app,
        [
            "assess",
            "-a",
            str(_answers(tmp_path, BENEFITS)),
            "-f",
            "markdown",
            "--as-of",
            "2026-11-21",
            *PACKS,
        ],
    )
    html = MarkdownIt().render(result.output)
    assert "<p><strong>Your answers:</strong></p>" in html
    assert "Your answers:</li>" not in html
    assert "<li>Organisation type: Municipality</li>" in html
    assert "As adopted: 2026-08-02; As amended: 2027-12-02" in result.output


def test_the_report_shows_the_impact_level_with_its_points_never_a_bare_number(
    tmp_path: Path,
) -> None:
    result = runner.invoke(
        app,
        [
            "assess",
            "-a",
            str(_answers(tmp_path, BENEFITS)),
            "-f",
            "markdown",
            "--as-of",
            "2026-11-21",
            *PACKS,
        ],
    )
    assert "**Impact level:** Low — 3 points" in result.output
    assert "- +3 Benefits to citizens." in result.output
