"""The knowledge-pack format: what a pack may contain, validated by Pydantic.

A pack is a folder of YAML files. `pack.yaml` holds the metadata; any other file holds lists of items
(`sections`, `questions`, `facts`, `rules`, `classifications`, `obligations`, `measures`, `checks`,
`glossary`). Every item has a stable, globally unique id, texts in Danish, English and Swedish, and
citations as canonical keys such as ``aia:art5(1)(a)`` (see `tillid.knowledge.citations`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from tillid.knowledge.conditions import Condition, dump_condition, parse_condition

# Pydantic cannot point at a definition it does not know; the export swaps this for the real one.
CONDITION_PLACEHOLDER: dict[str, Any] = {"x-tillid": "condition"}

Language = Literal["da", "en", "sv"]
LANGUAGES: tuple[Language, ...] = ("da", "en", "sv")

_ID = re.compile(r"^[a-z][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$")
_CITATION = re.compile(r"^[a-z][a-z0-9-]*:\S+$")


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(
            f'"{value}" is not a valid id: use lower-case words joined by dots, starting with the '
            'pack namespace, e.g. "aia.prohibited_social_scoring".'
        )
    return value


def _check_citation(value: str) -> str:
    if not _CITATION.match(value):
        raise ValueError(
            f'"{value}" is not a citation key: write the act prefix, a colon and the provision, '
            'e.g. "aia:art5(1)(a)", "gdpr:art35(3)(a)" or "dk-fvl:§19".'
        )
    return value


ItemId = Annotated[str, AfterValidator(_check_id)]
CitationKey = Annotated[str, AfterValidator(_check_citation)]
ConditionField = Annotated[
    Condition,
    BeforeValidator(parse_condition),
    PlainSerializer(dump_condition, return_type=Any),
    WithJsonSchema(CONDITION_PLACEHOLDER),
]


class Strict(BaseModel):
    """Base for pack items: unknown keys are errors, so a typo never silently disappears."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class Text(Strict):
    """A text in Danish, English and Swedish. Missing translations are reported by the linter."""

    da: str | None = None
    en: str | None = None
    sv: str | None = None

    @field_validator("da", "en", "sv", mode="before")
    @classmethod
    def _not_a_yaml_boolean(cls, value: Any) -> Any:
        if isinstance(value, bool | int | float):
            raise ValueError(
                f'YAML read this text as {value!r}; put it in quotes, e.g. "No" or "On"'
            )
        return value

    def get(self, language: Language) -> str:
        """The text in `language`, falling back to Danish, then English, then Swedish."""
        for lang in (language, "da", "en", "sv"):
            value: str | None = getattr(self, lang)
            if value:
                return value
        return ""

    def missing(self) -> list[Language]:
        return [lang for lang in LANGUAGES if not getattr(self, lang)]


class LegalVersion(Strict):
    """One version of the law a pack encodes, e.g. the AI Act as adopted or as amended."""

    id: ItemId
    title: Text
    in_force_from: dt.date
    source: str = Field(description="Official reference, e.g. 'Regulation (EU) 2024/1689'.")
    note: Text | None = Field(
        default=None, description="What is uncertain about this version (publication, wording)."
    )


class PackMeta(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    namespace: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="Prefix of every item id.")
    version: str = Field(pattern=r"^\d+\.\d+\.\d+$")
    title: Text
    description: Text
    disclaimer: Text
    legal_versions: list[LegalVersion] = Field(min_length=1)
    applies_when: ConditionField | None = Field(
        default=None, description="Context in which the pack is used (None: always)."
    )
    requires: list[str] = Field(default_factory=list, description="Packs whose facts are used.")
    exclusive: list[list[ItemId]] = Field(
        default_factory=list,
        description="Groups of facts that must never be derivable together (proved by the linter).",
    )


class Section(Strict):
    id: ItemId
    title: Text
    intro: Text | None = None
    show_if: ConditionField | None = None


class Option(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    label: Text
    help: Text | None = None
    citations: list[CitationKey] = Field(default_factory=list)
    exclusive: bool = Field(
        default=False, description="Multiple choice: this option is chosen alone ('None of these')."
    )


QuestionKind = Literal["yes_no", "single", "multi", "text", "number", "date"]


class Question(Strict):
    id: ItemId
    section: ItemId
    kind: QuestionKind
    text: Text
    help: Text | None = None
    examples: list[Text] = Field(default_factory=list)
    options: list[Option] = Field(default_factory=list)
    show_if: ConditionField | None = None
    citations: list[CitationKey] = Field(default_factory=list)
    glossary: list[ItemId] = Field(default_factory=list)
    minimum: float | None = None
    maximum: float | None = None

    @model_validator(mode="after")
    def _options_match_kind(self) -> Question:
        if self.kind in ("single", "multi") and len(self.options) < 2:
            raise ValueError(f"A {self.kind}-choice question needs at least two options.")
        if self.kind not in ("single", "multi") and self.options:
            raise ValueError(f"A {self.kind} question cannot have options; remove them.")
        if self.kind != "multi" and any(o.exclusive for o in self.options):
            raise ValueError("Only a multi-choice question can have an exclusive option.")
        ids = [o.id for o in self.options]
        if len(ids) != len(set(ids)):
            raise ValueError(f"Option ids repeat: {sorted({i for i in ids if ids.count(i) > 1})}.")
        return self

    def option_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options)


class Fact(Strict):
    """Something concluded from answers, context and other facts, e.g. 'the system is high-risk'."""

    id: ItemId
    title: Text
    description: Text | None = None


class Rule(Strict):
    """Derives `derives` when `when` holds. Several rules may derive the same fact (any suffices)."""

    id: ItemId
    derives: ItemId
    when: ConditionField
    explanation: Text
    citations: list[CitationKey] = Field(default_factory=list)


class ClassificationValue(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    fact: ItemId
    title: Text
    description: Text | None = None


class Classification(Strict):
    """A named outcome read off facts, e.g. risk class or role(s)."""

    id: ItemId
    title: Text
    exclusive: bool = Field(description="True: at most one value can hold (proved by the linter).")
    values: list[ClassificationValue] = Field(min_length=2)


class AppliesFrom(Strict):
    """From which date an obligation applies under one legal version, optionally only when ..."""

    legal_version: ItemId
    date: dt.date
    when: ConditionField | None = None
    note: Text | None = None


Role = Literal[
    "provider",
    "deployer",
    "importer",
    "distributor",
    "product_manufacturer",
    "authorised_representative",
    "any",
]


class Obligation(Strict):
    """A duty. `role` labels whose duty it is (for display and filtering); the role itself must
    be part of `applies_when` (e.g. {fact: aia.role_deployer}), because whether someone holds a role
    is itself a conclusion of the assessment."""

    id: ItemId
    title: Text
    text: Text = Field(description="Plain-language statement of the duty.")
    citations: list[CitationKey] = Field(min_length=1)
    role: Role
    applies_when: ConditionField
    applies_from: list[AppliesFrom] = Field(min_length=1)
    measures: list[ItemId] = Field(default_factory=list)
    uncertainty: Text | None = Field(
        default=None, description="Where the law is uncertain or being amended, say so here."
    )
    audience: ItemId | None = Field(
        default=None,
        description="AI literacy: the glossary term naming the group of staff who need the "
        "competences this obligation's measures describe (e.g. human overseers).",
    )


Phase = Literal["procure", "develop", "adapt", "operate", "retire"]
Actor = Literal[
    "project_owner",
    "management",
    "legal_dpo",
    "procurement",
    "data_scientist",
    "it_operations",
    "caseworker",
    "vendor",
]


CompetenceLevel = Literal["aware", "practitioner", "expert"]
COMPETENCE_LEVELS: tuple[CompetenceLevel, ...] = ("aware", "practitioner", "expert")


class Competence(Strict):
    """AI literacy: the competence a measure builds — an area (a glossary term) at a level."""

    area: ItemId
    level: CompetenceLevel


class Measure(Strict):
    id: ItemId
    title: Text
    text: Text = Field(description="What to do, concretely.")
    phases: list[Phase] = Field(min_length=1)
    who: list[Actor] = Field(min_length=1)
    evidence: Text = Field(description="What evidence shows it is done.")
    competence: Competence | None = Field(
        default=None, description="AI literacy: the competence area and level this measure builds."
    )


class Check(Strict):
    """Answers to look at again: when `when` holds, the user is told `message`.

    A `contradiction` means the answers cannot all be true; a `warning` means they can, but the
    combination is unusual or has a consequence the user may not expect."""

    id: ItemId
    when: ConditionField
    severity: Literal["contradiction", "warning"] = "contradiction"
    message: Text
    questions: list[ItemId] = Field(min_length=1, description="Questions to revisit.")


class ScorePart(Strict):
    """Points added (or, when negative, taken off) while `when` holds."""

    id: ItemId
    when: ConditionField
    points: int = Field(ge=-100, le=100)
    explanation: Text
    citations: list[CitationKey] = Field(default_factory=list)


class ScoreLevel(Strict):
    """A level reached from `from_points` up to the next level's start; it derives `fact`."""

    fact: ItemId
    from_points: int
    title: Text


class Score(Strict):
    """A weighted score, e.g. an impact level I–IV. Its levels are facts, so obligations and
    measures can depend on them; every result shows the parts and points behind the level."""

    id: ItemId
    title: Text
    description: Text | None = None
    parts: list[ScorePart] = Field(min_length=1)
    levels: list[ScoreLevel] = Field(min_length=2)

    @model_validator(mode="after")
    def _levels_ascend(self) -> Score:
        starts = [level.from_points for level in self.levels]
        if starts != sorted(set(starts)):
            raise ValueError(f"Levels must start at increasing points; got {starts}.")
        return self


class GlossaryTerm(Strict):
    id: ItemId
    term: Text
    definition: Text
    citations: list[CitationKey] = Field(default_factory=list)


class PackContent(Strict):
    """The lists one YAML file of a pack may hold (every file may hold any of them)."""

    sections: list[Section] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    rules: list[Rule] = Field(default_factory=list)
    classifications: list[Classification] = Field(default_factory=list)
    obligations: list[Obligation] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)
    checks: list[Check] = Field(default_factory=list)
    scores: list[Score] = Field(default_factory=list)
    glossary: list[GlossaryTerm] = Field(default_factory=list)


ITEM_KINDS: tuple[str, ...] = tuple(PackContent.model_fields)


class Pack(PackContent):
    """A whole pack: metadata plus the merged content of its files."""

    meta: PackMeta
    source_lines: dict[str, str] = Field(
        default_factory=dict, description="Item id -> 'file:line' where it is defined."
    )
