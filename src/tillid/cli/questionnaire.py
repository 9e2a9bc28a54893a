"""The interactive questionnaire in the terminal: context first, then one question at a time.

Type `<` to go back, `?` for help, `-` to skip, `q` to save and stop. Answers are saved after every
question, so an interrupted session can be resumed with `tillid assess --resume FILE`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel

from tillid.assessment.answers import AnswerSet, normalise_answer, write_answer_set
from tillid.assessment.engine import Engine
from tillid.knowledge.citations import readable
from tillid.knowledge.context import CONTEXT_DIMENSIONS, Context
from tillid.knowledge.model import Language, Question
from tillid.reports.wording import say

Ask = Callable[[str], str]


class Stop(Exception):
    """The user asked to save and stop."""


class Questionnaire:
    def __init__(
        self,
        engine: Engine,
        answer_set: AnswerSet,
        save_to: Path,
        as_of: dt.date,
        console: Console,
        ask: Ask,
    ) -> None:
        self.engine = engine
        self.answer_set = answer_set
        self.save_to = save_to
        self.as_of = as_of
        self.console = console
        self.ask = ask
        self.language: Language = answer_set.language
        self.history: list[str] = [q for q in answer_set.answers if q in engine.kb.question]

    def words(self, key: str) -> str:
        return say(key, self.language)

    def run(self, choose_language: bool = False, ask_title: bool = False) -> AnswerSet:
        """Ask until every relevant question is answered or skipped, or the user stops."""
        try:
            if choose_language:
                self._ask_language()
            self.console.print(self.words("keys"), style="dim")
            if ask_title:
                self._ask_title()
            self._ask_context()
            while True:
                result = self.engine.evaluate(
                    self.answer_set.context,
                    self.answer_set.answers,
                    self.as_of,
                    skipped=frozenset(self.answer_set.skipped),
                    with_trace=False,
                )
                if result.next_question is None:
                    self.console.print(self.words("done"), style="green")
                    break
                # How many questions remain depends on the answers, so show what is done.
                self.console.print(f"[dim]{result.answered} {self.words('progress')}[/dim]")
                self._ask_question(self.engine.kb.question[result.next_question])
        except Stop:
            pass
        self.save()
        return self.answer_set

    def save(self) -> None:
        write_answer_set(self.answer_set, self.save_to)
        self.console.print(f"{self.words('saved')} {self.save_to}", style="dim")

    def _ask_language(self) -> None:
        choices: list[tuple[Language, str]] = [
            ("da", "dansk"),
            ("en", "English"),
            ("sv", "svenska"),
        ]
        for number, (_, name) in enumerate(choices, start=1):
            self.console.print(f"  {number}. {name}")
        while True:
            raw = self.ask("Sprog / Language / Språk").strip()
            if raw == "q":
                raise Stop
            if raw in ("1", "2", "3"):
                self.language = choices[int(raw) - 1][0]
                self.answer_set.language = self.language
                return
            self.console.print(
                "[red]Vælg 1, 2 eller 3 / Choose 1, 2 or 3 / Välj 1, 2 eller 3[/red]"
            )

    def _ask_title(self) -> None:
        if self.answer_set.title:
            return
        raw = self.ask(self.words("system_name")).strip()
        if raw == "q":
            raise Stop
        if raw:
            self.answer_set.title = raw[:200]

    def _ask_context(self) -> None:
        context = self.answer_set.context.model_dump()
        if all(context.values()):
            return
        self.console.print(f"[bold]{self.words('context')}[/bold]")
        for dimension, values in CONTEXT_DIMENSIONS.items():
            if context[dimension] is not None:
                continue
            labels = [say(f"context.{v}", self.language) for v in values]
            self.console.print(f"[bold]{say(f'context.{dimension}', self.language)}[/bold]")
            for number, label in enumerate(labels, start=1):
                self.console.print(f"  {number}. {label}")
            while True:
                raw = self.ask(f"{self.words('single')}").strip()
                if raw == "q":
                    raise Stop
                if raw.isdigit() and 1 <= int(raw) <= len(values):
                    context[dimension] = values[int(raw) - 1]
                    break
                if raw == "?":
                    self.console.print(self.words("context_help"))
                    continue
                self.console.print(f"[red]{self.words('invalid')}: 1-{len(values)}[/red]")
        self.answer_set.context = Context(**context)
        self.save()

    def _ask_question(self, question: Question) -> None:
        section = self.engine.kb.section[question.section]
        self.console.print(
            Panel(
                escape(question.text.get(self.language)),
                title=escape(section.title.get(self.language)),
                title_align="left",
            )
        )
        if question.kind in ("single", "multi"):
            for number, option in enumerate(question.options, start=1):
                self.console.print(f"  {number}. {escape(option.label.get(self.language))}")
        while True:
            raw = self.ask(f"({self.words(question.kind)})").strip()
            if raw == "q":
                raise Stop
            if raw == "?":
                self._help(question)
                continue
            if raw == "<":
                self._back()
                return
            if raw == "-":
                if question.id not in self.answer_set.skipped:
                    self.answer_set.skipped.append(question.id)
                self.save()
                return
            try:
                value = self._parse(question, raw)
            except ValueError as error:
                self.console.print(f"[red]{self.words('invalid')}: {escape(str(error))}[/red]")
                continue
            self.answer_set.answers[question.id] = value
            if question.id in self.answer_set.skipped:
                self.answer_set.skipped.remove(question.id)
            if question.id in self.history:
                self.history.remove(question.id)
            self.history.append(question.id)
            self.save()
            return

    def _back(self) -> None:
        if not self.history:
            return
        previous = self.history.pop()
        self.answer_set.answers.pop(previous, None)
        if self.answer_set.skipped:
            self.answer_set.skipped.clear()

    def _help(self, question: Question) -> None:
        if question.help:
            self.console.print(escape(question.help.get(self.language)))
        if question.examples:
            self.console.print(f"[bold]{self.words('examples')}:[/bold]")
            for example in question.examples:
                self.console.print(f"  • {escape(example.get(self.language))}")
        for option in question.options:
            if option.help:
                self.console.print(
                    f"  [bold]{escape(option.label.get(self.language))}[/bold]: "
                    f"{escape(option.help.get(self.language))}"
                )
        for term_id in question.glossary:
            term = self.engine.kb.glossary[term_id]
            self.console.print(
                f"  [italic]{escape(term.term.get(self.language))}[/italic]: "
                f"{escape(term.definition.get(self.language))}"
            )
        if question.citations:
            sources = ", ".join(readable(c, self.language) for c in question.citations)
            self.console.print(f"[dim]{self.words('sources')}: {sources}[/dim]")

    def _parse(self, question: Question, raw: str) -> Any:
        if question.kind in ("single", "multi"):
            picks = [p.strip() for p in raw.replace(" ", ",").split(",") if p.strip()]
            options = question.option_ids()
            if not picks or not all(p.isdigit() and 1 <= int(p) <= len(options) for p in picks):
                raise ValueError(f"1-{len(options)}")
            chosen = [options[int(p) - 1] for p in picks]
            if question.kind == "single":
                if len(chosen) != 1:
                    raise ValueError(self.words("single"))
                return chosen[0]
            alone = [o for o in question.options if o.exclusive and o.id in chosen]
            if alone and len(set(chosen)) > 1:
                label = alone[0].label.get(self.language)
                raise ValueError(f"«{label}» {self.words('alone')}")
            return list(dict.fromkeys(chosen))
        try:
            value = normalise_answer(question, raw)
        except ValueError:
            raise ValueError(self.words(question.kind)) from None
        if isinstance(value, dt.date):
            return value.isoformat()
        return value
