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

WORDS: dict[str, dict[Language, str]] = {
    "keys": {
        "da": "Skriv < for tilbage, ? for hjælp, - for at springe over, q for at gemme og stoppe.",
        "en": "Type < to go back, ? for help, - to skip, q to save and stop.",
        "sv": "Skriv < för att gå tillbaka, ? för hjälp, - för att hoppa över, q för att spara och sluta.",
    },
    "yes_no": {"da": "j/n", "en": "y/n", "sv": "j/n"},
    "multi": {
        "da": "vælg et eller flere numre, fx 1,3",
        "en": "choose one or more numbers, e.g. 1,3",
        "sv": "välj ett eller flera nummer, t.ex. 1,3",
    },
    "single": {"da": "vælg et nummer", "en": "choose a number", "sv": "välj ett nummer"},
    "number": {"da": "et tal", "en": "a number", "sv": "ett tal"},
    "date": {"da": "dato ÅÅÅÅ-MM-DD", "en": "date YYYY-MM-DD", "sv": "datum ÅÅÅÅ-MM-DD"},
    "text": {"da": "tekst", "en": "text", "sv": "text"},
    "invalid": {"da": "Ugyldigt svar", "en": "Invalid answer", "sv": "Ogiltigt svar"},
    "alone": {
        "da": "kan ikke kombineres med andre svar",
        "en": "cannot be combined with other answers",
        "sv": "kan inte kombineras med andra svar",
    },
    "saved": {"da": "Gemt i", "en": "Saved to", "sv": "Sparat i"},
    "context_help": {
        "da": "Hvem I er, hvor, og hvor systemet er i sit liv, afgør hvilke regler der gælder — "
        "fx gælder en konsekvensanalyse for grundlæggende rettigheder (FRIA) for offentlige "
        "myndigheder. Vælg det, der passer bedst; I kan ændre det senere i svarfilen.",
        "en": "Who you are, where, and where the system is in its life decide which rules apply — "
        "e.g. a fundamental-rights impact assessment (FRIA) is required of public bodies. Pick the "
        "closest match; you can change it later in the answers file.",
        "sv": "Vilka ni är, var, och var systemet är i sitt liv avgör vilka regler som gäller — "
        "t.ex. krävs en konsekvensbedömning avseende grundläggande rättigheter (FRIA) av "
        "offentliga aktörer. Välj det som passar bäst; ni kan ändra det senare i svarsfilen.",
    },
    "done": {
        "da": "Alle relevante spørgsmål er besvaret.",
        "en": "All relevant questions are answered.",
        "sv": "Alla relevanta frågor är besvarade.",
    },
    "context": {"da": "Først lidt om jer", "en": "First, about you", "sv": "Först lite om er"},
    "sources": {"da": "Kilder", "en": "Sources", "sv": "Källor"},
    "examples": {"da": "Eksempler", "en": "Examples", "sv": "Exempel"},
    "progress": {"da": "besvaret", "en": "answered", "sv": "besvarade"},
}

CONTEXT_LABELS: dict[str, dict[Language, str]] = {
    "organisation_type": {
        "da": "Organisationstype",
        "en": "Organisation type",
        "sv": "Organisationstyp",
    },
    "country": {"da": "Land", "en": "Country", "sv": "Land"},
    "lifecycle_phase": {"da": "Fase", "en": "Lifecycle phase", "sv": "Fas"},
    "municipality": {"da": "Kommune", "en": "Municipality", "sv": "Kommun"},
    "region": {"da": "Region", "en": "Region", "sv": "Region"},
    "state_agency": {"da": "Statslig myndighed", "en": "State agency", "sv": "Statlig myndighet"},
    "other_public_body": {
        "da": "Anden offentlig myndighed",
        "en": "Other public body",
        "sv": "Annan offentlig aktör",
    },
    "private_public_service": {
        "da": "Privat aktør, der leverer offentlig service",
        "en": "Private body delivering a public service",
        "sv": "Privat aktör som levererar offentlig service",
    },
    "sme": {
        "da": "Lille eller mellemstor virksomhed",
        "en": "Small or medium-sized company",
        "sv": "Litet eller medelstort företag",
    },
    "company": {"da": "Anden virksomhed", "en": "Other company", "sv": "Annat företag"},
    "DK": {"da": "Danmark", "en": "Denmark", "sv": "Danmark"},
    "SE": {"da": "Sverige", "en": "Sweden", "sv": "Sverige"},
    "other_eu": {"da": "Andet EU-land", "en": "Other EU country", "sv": "Annat EU-land"},
    "non_eu": {"da": "Uden for EU", "en": "Outside the EU", "sv": "Utanför EU"},
    "procure": {"da": "Indkøb", "en": "Procure", "sv": "Upphandling"},
    "develop": {"da": "Udvikling", "en": "Develop", "sv": "Utveckling"},
    "adapt": {"da": "Tilpasning / fine-tuning", "en": "Adapt / fine-tune", "sv": "Anpassning"},
    "operate": {"da": "Drift", "en": "Operate", "sv": "Drift"},
    "retire": {"da": "Udfasning", "en": "Retire", "sv": "Avveckling"},
}

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
        return WORDS[key][self.language]

    def run(self, choose_language: bool = False) -> AnswerSet:
        """Ask until every relevant question is answered or skipped, or the user stops."""
        try:
            if choose_language:
                self._ask_language()
            self.console.print(self.words("keys"), style="dim")
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
            self.console.print("[red]1, 2, 3[/red]")

    def _ask_context(self) -> None:
        context = self.answer_set.context.model_dump()
        if all(context.values()):
            return
        self.console.print(f"[bold]{self.words('context')}[/bold]")
        for dimension, values in CONTEXT_DIMENSIONS.items():
            if context[dimension] is not None:
                continue
            labels = [CONTEXT_LABELS[v][self.language] for v in values]
            self.console.print(f"[bold]{CONTEXT_LABELS[dimension][self.language]}[/bold]")
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
            sources = ", ".join(readable(c) for c in question.citations)
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
