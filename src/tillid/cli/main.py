"""`tillid` on the command line. Commands are thin: they read input, call the core, print."""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import StrEnum
from importlib import resources
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from tillid.assessment.answers import AnswerFileError, AnswerSet, read_answer_set
from tillid.assessment.engine import engine_for
from tillid.assessment.reevaluate import reevaluate
from tillid.assessment.result import Result
from tillid.cli.audit import audit_command
from tillid.cli.questionnaire import Questionnaire
from tillid.cli.report import report_command
from tillid.cli.terminal import print_report
from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.diff import diff_packs
from tillid.knowledge.export import export_knowledge, export_schema
from tillid.knowledge.lint import lint_folders
from tillid.knowledge.loading import PackError, load_builtin_packs, load_packs
from tillid.reports.render import to_json, to_markdown
from tillid.reports.view import ReportView, build_view
from tillid.reports.wording import say

app = typer.Typer(
    help="tillid: assess, govern and document AI under the EU AI Act, the GDPR and national law.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
content_app = typer.Typer(help="Check, export and compare knowledge packs.", no_args_is_help=True)
app.add_typer(content_app, name="content")
app.command("audit")(audit_command)
app.command("report")(report_command)

console = Console()
errors = Console(stderr=True)


class OutputFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


class Lang(StrEnum):
    da = "da"
    en = "en"
    sv = "sv"


def _fail(message: str, code: int = 2) -> typer.Exit:
    errors.print(f"[red]Error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _knowledge(pack_folders: list[Path] | None) -> KnowledgeBase:
    try:
        packs = load_packs(pack_folders) if pack_folders else load_builtin_packs()
        return KnowledgeBase.build(packs)
    except PackError as error:
        raise _fail("the knowledge packs have problems:\n" + str(error)) from None


def _date(value: str | None, default: dt.date | None = None) -> dt.date:
    if value is None:
        return default or dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _fail(f'"{value}" is not a date; write it as YYYY-MM-DD, e.g. 2026-11-21.') from None


PacksOption = typer.Option(
    None, "--packs", help="Use these pack folders instead of the built-in packs (repeatable)."
)


@app.command()
def assess(
    answers: Path | None = typer.Option(
        None, "--answers", "-a", help="Evaluate a saved answers file (YAML/JSON) instead of asking."
    ),
    resume: Path | None = typer.Option(
        None, "--resume", help="Continue an interactive assessment saved in this file."
    ),
    save: Path = typer.Option(
        Path("tillid-answers.yaml"), "--save", help="Where the interactive questionnaire saves."
    ),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f"),
    language: Lang | None = typer.Option(None, "--lang", "-l", help="da, en or sv."),
    as_of: str | None = typer.Option(None, "--as-of", help="Assess as of this date (YYYY-MM-DD)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the report here."),
    packs: list[Path] | None = PacksOption,
) -> None:
    """Assess an AI system: interactively, or from a saved answers file."""
    kb = _knowledge(packs)
    answer_set = AnswerSet()
    source = answers or resume
    if source is not None:
        try:
            answer_set = read_answer_set(source)
        except AnswerFileError as error:
            raise _fail(str(error)) from None
    if language is not None:
        answer_set.language = language.value  # type: ignore[assignment]
    when = _date(as_of, answer_set.as_of)
    if answers is None:
        questionnaire = Questionnaire(
            engine_for(kb), answer_set, resume or save, when, console, _ask
        )
        answer_set = questionnaire.run(
            choose_language=language is None and resume is None, ask_title=resume is None
        )
    result = engine_for(kb).evaluate(
        answer_set.context, answer_set.answers, when, frozenset(answer_set.skipped)
    )
    view = build_view(kb, result, answer_set.language, answer_set.title)
    _emit(view, result, output_format, output)


def _ask(prompt: str) -> str:
    try:
        return console.input(f"[bold]{prompt}[/bold] › ")
    except EOFError:
        return "q"


def _emit(
    view: ReportView, result: Result, output_format: OutputFormat, output: Path | None
) -> None:
    if output_format is OutputFormat.text and output is None:
        print_report(console, view)
        return
    if output_format is OutputFormat.json:
        text = to_json(view, result)
    elif output_format is OutputFormat.markdown:
        text = to_markdown(view)
    else:
        file_console = Console(record=True, width=100)
        with file_console.capture():
            print_report(file_console, view)
        text = file_console.export_text()
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        console.print(f"Wrote {output}")


@app.command("demo")
def demo(
    terminal: bool = typer.Option(
        False, "--terminal", help="Show one demo assessment in the terminal instead."
    ),
    language: Lang = typer.Option(Lang.da, "--lang", "-l"),
    as_of: str | None = typer.Option(None, "--as-of", help="Assess as of this date (YYYY-MM-DD)."),
) -> None:
    """Load demo organisations, people and AI systems into the web app's database.

    With --terminal: show a real assessment of a demo case (fraud-risk scoring of benefit recipients).
    """
    if not terminal:
        _load_demo()
        return
    kb = _knowledge(None)
    example = resources.files("tillid.examples").joinpath("benefit_fraud_scoring.yaml")
    answer_set = read_answer_set(Path(str(example)))
    when = _date(as_of, answer_set.as_of)
    result = engine_for(kb).evaluate(answer_set.context, answer_set.answers, when)
    print_report(console, build_view(kb, result, language.value, answer_set.title))  # type: ignore[arg-type]
    console.print(f"\n[dim]{say('try_it', language.value)}[/dim]")  # type: ignore[arg-type]


def _load_demo() -> None:
    from tillid.web.server import migrate, setup_django

    setup_django()
    migrate()
    from tillid.web.demo import load_demo_data

    loaded = load_demo_data()
    for name in loaded.organisations:
        console.print(f"Loaded demo organisation [bold]{escape(name)}[/bold].")
    for name in loaded.skipped:
        console.print(f"[dim]{escape(name)} is already loaded; left as it is.[/dim]")
    console.print(f"\nDemo logins (password for all: [bold]{escape(loaded.password)}[/bold]):")
    for username, where in loaded.logins.items():
        console.print(f"  {username:14} {escape(where)}")


@app.command("serve")
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", "-p"),
    load_demo: bool = typer.Option(False, "--demo", help="Load the demo data first."),
) -> None:
    """Start the web app on this computer (SQLite in the data folder unless DATABASE_URL is set)."""
    from tillid.web.server import migrate, run_development_server, setup_django

    if load_demo:
        _load_demo()
    else:
        setup_django()
        migrate()
    from django.conf import settings

    console.print(
        f"\ntillid runs at [bold]http://{host}:{port}/[/bold]  (data: {settings.DATA_DIR})"
    )
    console.print("[dim]Stop it with Ctrl+C. For a production server, see docs/web.md.[/dim]\n")
    from tillid.web.audits.services import start_worker_thread

    start_worker_thread()  # one person on a laptop: audits run beside the pages (docs/web.md)
    run_development_server(host, port)


@app.command("worker")
def worker(
    once: bool = typer.Option(False, "--once", help="Run what is waiting, then stop."),
    recover: bool = typer.Option(
        False, "--recover", help="Queue again audits left running by a stopped worker."
    ),
) -> None:
    """Run queued technical audits (production: one or more of these beside the web processes)."""
    from tillid.web.server import setup_django

    setup_django()
    from tillid.web.audits.services import recover_interrupted_runs, run_pending

    if recover:
        console.print(f"Queued again: {recover_interrupted_runs()} interrupted audit(s).")
    try:
        done = run_pending(once=once)
    except KeyboardInterrupt:
        return
    console.print(f"Ran {done} audit(s).")


@app.command(
    "manage",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
)
def manage(ctx: typer.Context) -> None:
    """Run a Django management command, e.g. `tillid manage createsuperuser` or `migrate`."""
    from django.core.management import execute_from_command_line

    from tillid.web.server import setup_django

    setup_django()
    execute_from_command_line(["tillid manage", *ctx.args])


@app.command("reassess")
def reassess(
    answer_files: list[Path] = typer.Argument(..., help="Saved answers files."),
    old: list[Path] = typer.Option(..., "--old", help="Pack folders of the old version."),
    new: list[Path] | None = typer.Option(
        None, "--new", help="Pack folders of the new version (default: the built-in packs)."
    ),
    as_of: str | None = typer.Option(None, "--as-of"),
) -> None:
    """Re-evaluate saved assessments against a new pack version and show what changed."""
    old_kb, new_kb = _knowledge(old), _knowledge(new)
    sets = []
    for path in answer_files:
        try:
            sets.append((str(path), read_answer_set(path)))
        except AnswerFileError as error:
            raise _fail(str(error)) from None
    changed = 0
    for item in reevaluate(old_kb, new_kb, sets, _date(as_of)):
        if not item.changes:
            console.print(f"{item.name}: [green]no change[/green]")
            continue
        changed += 1
        console.print(f"[bold]{item.name}[/bold]:")
        for change in item.changes:
            detail = f" {change.before} → {change.after}" if change.before or change.after else ""
            console.print(f"  {change.kind:20} {change.item}{detail}")
    console.print(f"{changed} of {len(sets)} assessments changed.")


@content_app.command("check")
def content_check(
    folders: list[Path] | None = typer.Argument(None, help="Pack folders (default: built-in)."),
) -> None:
    """Prove the packs consistent: schema, ids, translations, reachability, exclusivity."""
    report = lint_folders(folders)
    for finding in report.findings:
        style = "red" if finding.severity == "error" else "yellow"
        console.print(f"[{style}]{escape(str(finding))}[/{style}]", highlight=False, soft_wrap=True)
    counts = ", ".join(f"{v} {k}" for k, v in report.counts.items())
    summary = f"{', '.join(report.packs)}: {counts}" if report.packs else "no packs read"
    if not report.ok:
        console.print(f"[red]{len(report.errors)} error(s)[/red] in {summary}")
        raise typer.Exit(1)
    console.print(f"[green]OK[/green] {summary}; {len(report.findings)} warning(s)")


@content_app.command("export")
def content_export(
    export_format: str = typer.Option(
        "json", "--format", help="json: the knowledge base; json-schema: the schema of a pack."
    ),
    output: Path | None = typer.Option(None, "--output", "-o"),
    packs: list[Path] | None = PacksOption,
) -> None:
    """The whole knowledge base as one documented JSON document."""
    if export_format == "json":
        data = export_knowledge(_knowledge(packs))
    elif export_format == "json-schema":
        data = export_schema()
    else:
        raise _fail(f'unknown export format "{export_format}"; use json or json-schema.')
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if output is None:
        sys.stdout.write(text + "\n")
    else:
        output.write_text(text + "\n", encoding="utf-8")
        console.print(f"Wrote {output}")


@content_app.command("diff")
def content_diff(
    old: Path = typer.Argument(..., help="Old pack folder (or a folder of pack folders)."),
    new: Path = typer.Argument(..., help="New pack folder (or a folder of pack folders)."),
) -> None:
    """List the items added, removed and changed between two versions of packs."""
    try:
        changes = diff_packs(load_packs(_pack_folders(old)), load_packs(_pack_folders(new)))
    except PackError as error:
        raise _fail(str(error)) from None
    for change in changes:
        console.print(str(change), highlight=False, soft_wrap=True)
    console.print(f"{len(changes)} change(s).")


def _pack_folders(path: Path) -> list[Path]:
    if not path.is_dir():
        raise _fail(f"{path} is not a folder.")
    if (path / "pack.yaml").is_file():
        return [path]
    folders = sorted(p for p in path.iterdir() if (p / "pack.yaml").is_file())
    if not folders:
        raise _fail(f"{path} holds no pack (no pack.yaml in it or its subfolders).")
    return folders


def main() -> None:  # pragma: no cover - console entry point
    app()
