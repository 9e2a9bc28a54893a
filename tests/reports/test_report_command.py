"""`tillid report` as a user meets it: files written, formats chosen, mistakes explained."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from tests.reports.conftest import DEMO, WATER
from tillid.cli.main import app
from tillid.knowledge.loading import builtin_pack_folders

runner = CliRunner()
PACKS = ["--packs", str(next(f for f in builtin_pack_folders() if f.name == "eu-ai-act"))]


def test_writes_a_word_fria_in_swedish(tmp_path: Path) -> None:
    target = tmp_path / "fria.docx"
    result = runner.invoke(
        app, ["report", str(DEMO), "--kind", "fria", "--lang", "sv", "-o", str(target), *PACKS]
    )
    assert result.exit_code == 0, result.output
    assert f"Wrote {target}" in result.output.replace("\n", "")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(target.read_bytes())).paragraphs)
    assert "Art. 27.1 f – Åtgärder om riskerna förverkligas" in text


def test_format_follows_the_output_suffix(tmp_path: Path, pdf_engine: None) -> None:
    target = tmp_path / "annex.pdf"
    result = runner.invoke(
        app, ["report", str(DEMO), "-k", "procurement", "-o", str(target), *PACKS]
    )
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"%PDF")


def test_markdown_goes_to_the_terminal_without_output_file() -> None:
    result = runner.invoke(app, ["report", str(WATER), "-k", "dpia", "-l", "en", *PACKS])
    assert result.exit_code == 0, result.output
    assert "processes no personal data" in result.output


def test_as_of_changes_the_dates(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["report", str(DEMO), "-l", "en", "-f", "html", "--as-of", "2028-01-01", *PACKS]
    )
    assert result.exit_code == 0, result.output
    assert "2028-01-01" in result.output
    assert "<h1>Risikoscoring" in result.output


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["missing.yaml"], "does not exist"),
        (["."], "cannot read .: Is a directory"),
        ([str(DEMO), "-f", "pdf"], "say where to write it, e.g. -o report.pdf"),
        ([str(DEMO), "-f", "docx", "-k", "dpia"], "-o dpia.docx"),
        ([str(DEMO), "-k", "memo"], "'memo' is not one of"),
        ([str(DEMO), "--as-of", "21/11/2026"], "is not a date"),
        (
            [str(DEMO), "-o", "/nonexistent/dir/report.md"],
            "cannot write /nonexistent/dir/report.md",
        ),
    ],
)
def test_mistakes_get_a_message_not_a_traceback(arguments: list[str], message: str) -> None:
    result = runner.invoke(app, ["report", *arguments, *PACKS])
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_broken_answers_file_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "answers.yaml"
    broken.write_text("context: [unclosed\n", encoding="utf-8")
    result = runner.invoke(app, ["report", str(broken), *PACKS])
    assert result.exit_code == 2
    assert "is not valid YAML" in " ".join(result.output.split())
