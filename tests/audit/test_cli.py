"""`tillid audit` on the command line: options or a YAML spec in, report out, errors without traces."""

from __future__ import annotations

import json

import typer
from typer.testing import CliRunner

from tests.audit.conftest import unavailable
from tillid.cli.audit import audit_command

# Mounted the way the main CLI mounts it, next to another command.
app = typer.Typer()
app.command("audit")(audit_command)
app.command("other")(lambda: None)
runner = CliRunner()


def test_audit_file_to_json(tmp_path, decisions) -> None:
    data = tmp_path / "decisions.parquet"
    decisions.to_parquet(data)
    out = tmp_path / "audit.json"
    arguments = [
        "audit",
        str(data),
        "--target",
        "label",
        "--prediction",
        "prediction",
        "--protected",
        "sex,race",
        "--score",
        "score",
        "--format",
        "json",
        "-o",
        str(out),
    ]
    result = runner.invoke(app, arguments)
    assert result.exit_code == 0, result.output
    found = json.loads(out.read_text(encoding="utf-8"))
    assert found["rows"] == len(decisions)
    assert {"tp", "fp", "tn", "fn", "n"} <= set(found["groupings"][0]["groups"][0]["counts"])


def test_audit_with_yaml_spec_and_override_prints_text(tmp_path, decisions) -> None:
    data = tmp_path / "decisions.csv"
    decisions.to_csv(data, index=False)
    spec = tmp_path / "spec.yaml"
    spec.write_text("target: label\nprediction: prediction\nprotected: [sex]\nk: 10\n", "utf-8")
    result = runner.invoke(app, ["audit", str(data), "--spec", str(spec), "--k", "25"])
    assert result.exit_code == 0, result.output
    assert "k (smallest group shown)  25" in result.output
    assert "Fairness: sex" in result.output


def test_bad_input_is_one_line_without_a_traceback(tmp_path) -> None:
    data = tmp_path / "data.csv"
    data.write_text("age,gender,outcome,prediction\n30,F,1,1\n", encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "audit",
            str(data),
            "--target",
            "outcome",
            "--prediction",
            "prediction",
            "--protected",
            "sex",
        ],
    )
    assert result.exit_code == 2
    assert 'Column "sex"' in result.output and "Columns are: age, gender" in result.output
    assert "Traceback" not in result.output


def test_missing_options_are_explained(tmp_path) -> None:
    result = runner.invoke(app, ["audit", str(tmp_path / "x.csv"), "--target", "y"])
    assert result.exit_code == 2
    assert "prediction: is required" in result.output


def test_audit_to_pdf_writes_a_readable_report_with_the_groups(tmp_path, decisions) -> None:
    import pypdf

    try:
        import weasyprint  # noqa: F401  (loads Pango, a system library)
    except OSError:
        unavailable("Pango not found: apt-get install libpango-1.0-0 to run the PDF test.")

    data = tmp_path / "decisions.parquet"
    decisions.to_parquet(data)
    out = tmp_path / "audit.pdf"
    arguments = [
        "audit",
        str(data),
        "--target",
        "label",
        "--prediction",
        "prediction",
        "--protected",
        "sex",
        "--score",
        "score",
        "--format",
        "pdf",
        "-o",
        str(out),
    ]
    result = runner.invoke(app, arguments)
    assert result.exit_code == 0, result.output
    reader = pypdf.PdfReader(out)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Audit of" in text
    for group in decisions["sex"].unique():
        assert str(group) in text


def test_pdf_without_an_output_file_is_refused(tmp_path, decisions) -> None:
    data = tmp_path / "decisions.parquet"
    decisions.to_parquet(data)
    result = runner.invoke(
        app,
        [
            "audit",
            str(data),
            "--target",
            "label",
            "--prediction",
            "prediction",
            "--protected",
            "sex",
            "--format",
            "pdf",
        ],
    )
    assert result.exit_code == 2
    assert "needs a file" in result.output
