"""`tillid audit DATA ...`: the technical audit from the command line. Thin: spec in, core, print."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape

from tillid.audit import (
    AuditError,
    AuditResult,
    AuditSpec,
    render_html,
    render_markdown,
    render_pdf,
    render_text,
    run_audit,
)

# Mount in the main app with `app.command("audit")(audit_command)`; `audit_app` runs it alone.
audit_app = typer.Typer(
    help="Audit data and predictions where they live: quality, fairness by group, drift.",
    pretty_exceptions_enable=False,
)
_errors = Console(stderr=True)


class AuditFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"
    html = "html"
    pdf = "pdf"


def _split(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [part.strip() for part in value.split(",") if part.strip()]


def build_spec(spec_file: Path | None, flags: dict[str, Any]) -> AuditSpec:
    """The YAML spec (if any) with the command-line flags on top."""
    data: dict[str, Any] = {}
    if spec_file is not None:
        data = AuditSpec.from_yaml(spec_file).model_dump(exclude_unset=True)
    drift = dict(data.get("drift") or {})
    for name in ("reference", "reference_table", "split_column", "reference_value"):
        value = flags.pop(name, None)
        if value is not None:
            drift[name] = value
    if drift:
        data["drift"] = drift
    data.update({name: value for name, value in flags.items() if value is not None})
    where = (
        f"The spec from {spec_file} and the options" if spec_file else "The spec from the options"
    )
    return AuditSpec.from_dict(data, where=where)


@audit_app.command()
def audit_command(
    data: str = typer.Argument(
        ..., help="CSV, Parquet or Excel file, or a database URL (then --table or --query)."
    ),
    spec_file: Path | None = typer.Option(None, "--spec", help="YAML spec; options override it."),
    target: str | None = typer.Option(None, help="Column with the observed outcome."),
    prediction: str | None = typer.Option(None, help="Column with the model's decision."),
    protected: str | None = typer.Option(None, help="Protected attributes, comma-separated."),
    score: str | None = typer.Option(None, help="Column with the model's score (0..1)."),
    positive_label: str | None = typer.Option(None, help="Value meaning the positive outcome."),
    prediction_positive_label: str | None = typer.Option(
        None, help="Value of the prediction meaning positive, if it differs from the target's."
    ),
    prediction_threshold: float | None = typer.Option(
        None, help="Prediction is a number; at or above this counts as positive."
    ),
    weights: str | None = typer.Option(None, help="Column with row weights."),
    k: int | None = typer.Option(None, help="Suppress groups with fewer rows (default 10)."),
    checks: str | None = typer.Option(
        None, help="Comma-separated subset of quality,performance,fairness,drift."
    ),
    reference: str | None = typer.Option(None, help="Reference data for drift (file or table)."),
    reference_table: str | None = typer.Option(None, help="Table of the reference data."),
    split_column: str | None = typer.Option(None, help="Column telling reference from current."),
    reference_value: str | None = typer.Option(None, help="Value of --split-column for reference."),
    table: str | None = typer.Option(None, help="Table to audit, with a database URL."),
    query: str | None = typer.Option(None, help="SQL query to audit, with a database URL."),
    encoding: str | None = typer.Option(None, help="Encoding of a CSV file, e.g. latin-1."),
    output_format: AuditFormat = typer.Option(AuditFormat.text, "--format", help="Output format."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write to this file."),
) -> None:
    """Audit DATA against a spec, e.g. `tillid audit data.csv --target y --prediction p
    --protected sex,age_group`."""
    flags = {
        "target": target,
        "prediction": prediction,
        "protected": _split(protected),
        "score": score,
        "positive_label": positive_label,
        "prediction_positive_label": prediction_positive_label,
        "prediction_threshold": prediction_threshold,
        "weights": weights,
        "k": k,
        "checks": _split(checks),
        "reference": reference,
        "reference_table": reference_table,
        "split_column": split_column,
        "reference_value": reference_value,
    }
    if output_format is AuditFormat.pdf and output is None:
        _errors.print("[red]Error:[/red] a PDF report needs a file: add -o report.pdf")
        raise typer.Exit(2)
    try:
        spec = build_spec(spec_file, flags)
        with _errors.status("Auditing ...") as status:
            result = run_audit(
                data,
                spec,
                table=table,
                query=query,
                encoding=encoding,
                progress=lambda step: status.update(f"Auditing: {step} ..."),
            )
    except AuditError as error:
        _errors.print(f"[red]Error:[/red] {escape(str(error))}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    if output_format is AuditFormat.pdf:
        assert output is not None
        output.write_bytes(render_pdf(result))
        _errors.print(f"Audit written to {escape(str(output))}")
        return
    text = _formatted(result, output_format)
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        _errors.print(f"Audit written to {escape(str(output))}")


def _formatted(result: AuditResult, output_format: AuditFormat) -> str:
    if output_format is AuditFormat.json:
        return result.to_json() + "\n"
    if output_format is AuditFormat.markdown:
        return render_markdown(result)
    if output_format is AuditFormat.html:
        return render_html(result)
    return render_text(result)
