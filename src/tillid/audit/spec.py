"""What to audit: the spec, from YAML, CLI flags or Python."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from tillid.audit.errors import AuditSpecError, SpecRuleError
from tillid.audit.messages import AuditMessage, Param

Label = bool | int | float | str
Check = Literal["quality", "performance", "fairness", "drift"]
ALL_CHECKS: tuple[Check, ...] = ("quality", "performance", "fairness", "drift")


class ColumnRule(BaseModel):
    """What the owner of the data declares a column must hold; values outside are reported."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["number", "integer", "string", "boolean", "date"] | None = None
    min: float | None = None
    max: float | None = None
    allowed: list[Label] | None = Field(
        default=None, description="The only values the column may hold (categories)."
    )


class DriftSpec(BaseModel):
    """Reference vs current: either a second source, or one column that splits the data."""

    model_config = ConfigDict(extra="forbid")

    reference: str | None = Field(
        default=None, description="File or database table holding the reference data."
    )
    reference_table: str | None = None
    reference_query: str | None = None
    split_column: str | None = Field(
        default=None, description="Column telling reference rows from current rows."
    )
    reference_value: Label | None = None
    current_value: Label | None = None
    columns: list[str] | None = Field(
        default=None, description="Columns to compare; default every column of the data."
    )
    bins: int = Field(default=10, ge=2, le=100)

    @model_validator(mode="after")
    def _one_way_to_say_reference(self) -> DriftSpec:
        if self.split_column is None and self.reference is None:
            raise SpecRuleError.of("spec.drift_needs_reference")
        if self.split_column is not None and self.reference_value is None:
            raise SpecRuleError.of(
                "spec.drift_needs_reference_value", column=repr(self.split_column)
            )
        return self


class AuditSpec(BaseModel):
    """Which columns hold the decision, the truth and the groups, and how strict to be."""

    model_config = ConfigDict(extra="forbid")

    target: str = Field(description="Column with the observed outcome (the truth).")
    prediction: str = Field(description="Column with the model's decision.")
    score: str | None = Field(default=None, description="Column with the model's score in [0, 1].")
    positive_label: Label | None = Field(
        default=None,
        description="Value of target and prediction that means the positive outcome; "
        "may be left out when the columns hold 0/1 or true/false.",
    )
    prediction_positive_label: Label | None = Field(
        default=None,
        description="Value of prediction that means positive, when it differs from the target's.",
    )
    prediction_threshold: float | None = Field(
        default=None,
        description="Prediction is a number; values at or above the threshold count as positive.",
    )
    protected: list[str] = Field(
        min_length=1, description="Protected attributes, e.g. sex, age group."
    )
    intersections: bool = Field(
        default=True,
        description="Also audit every combination of two or more protected attributes.",
    )
    weights: str | None = Field(default=None, description="Column with non-negative row weights.")
    k: int = Field(default=10, ge=1, description="Groups with fewer rows are suppressed.")
    confidence: float = Field(default=0.95, gt=0, lt=1)
    alpha: float = Field(
        default=0.05, gt=0, lt=1, description="Significance level after correction."
    )
    correction: Literal["holm", "bh"] = "holm"
    four_fifths: float = Field(default=0.8, gt=0, le=1)
    calibration_bins: int = Field(default=10, ge=2, le=100)
    columns: dict[str, ColumnRule] = Field(default_factory=dict)
    drift: DriftSpec | None = None
    checks: list[Check] = Field(default_factory=lambda: list(ALL_CHECKS))

    @field_validator("protected")
    @classmethod
    def _distinct_protected(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise SpecRuleError.of("spec.protected_twice")
        return value

    @model_validator(mode="after")
    def _roles_do_not_overlap(self) -> AuditSpec:
        roles = [
            (AuditMessage("role.target"), self.target),
            (AuditMessage("role.prediction"), self.prediction),
        ]
        if self.score:
            roles.append((AuditMessage("role.score"), self.score))
        for attribute in self.protected:
            for role, column in roles:
                if attribute == column:
                    raise SpecRuleError.of("spec.role_overlap", column=attribute, role=role)
        if self.prediction_threshold is not None and self.prediction_positive_label is not None:
            raise SpecRuleError.of("spec.threshold_and_label")
        if self.target == self.prediction:
            raise SpecRuleError.of("spec.target_is_prediction")
        return self

    @classmethod
    def from_dict(cls, data: Any, where: Param | None = None) -> AuditSpec:
        """`where` names the spec in messages; by default "the audit spec"."""
        try:
            return cls.model_validate(data)
        except ValidationError as error:
            raise AuditSpecError.of(
                "spec_invalid",
                where=where or AuditMessage("where.audit_spec"),
                problems=spec_problems(error),
            ) from None

    @classmethod
    def from_yaml(cls, path: str | Path) -> AuditSpec:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise AuditSpecError.of("spec_file_missing", path=str(path)) from None
        except UnicodeDecodeError:
            raise AuditSpecError.of("spec_file_not_utf8", path=str(path)) from None
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as error:
            raise AuditSpecError.of(
                "spec_file_not_yaml", path=str(path), detail=str(error)
            ) from None
        if not isinstance(data, dict):
            raise AuditSpecError.of("spec_file_not_mapping", path=str(path))
        return cls.from_dict(data, where=AuditMessage("where.spec_file", {"path": str(path)}))


def spec_problems(error: ValidationError) -> tuple[AuditMessage, ...]:
    """One line per problem: where in the spec, and what is wrong there."""
    lines = []
    for item in error.errors():
        location = ".".join(str(part) for part in item["loc"]) or "spec"
        lines.append(
            AuditMessage("spec.problem", {"location": location, "problem": _problem(item)})
        )
    return tuple(lines)


# Pydantic's checks whose wording has a message of ours: type -> (key, Pydantic's context field).
PYDANTIC_PROBLEMS: dict[str, tuple[str, str | None]] = {
    "missing": ("spec.required", None),
    "extra_forbidden": ("spec.unknown_setting", None),
    "greater_than_equal": ("spec.at_least", "ge"),
    "greater_than": ("spec.more_than", "gt"),
    "less_than_equal": ("spec.at_most", "le"),
    "less_than": ("spec.less_than", "lt"),
    "int_type": ("spec.not_integer", None),
    "int_parsing": ("spec.not_integer_text", None),
    "int_from_float": ("spec.not_integer_fraction", None),
    "float_type": ("spec.not_number", None),
    "float_parsing": ("spec.not_number_text", None),
    "bool_type": ("spec.not_boolean", None),
    "bool_parsing": ("spec.not_boolean_text", None),
    "string_type": ("spec.not_text", None),
    "list_type": ("spec.not_list", None),
    "dict_type": ("spec.not_mapping", None),
}


def _problem(item: Any) -> Param:
    """What is wrong with one setting; Pydantic's own English where we have no message for it."""
    context = item.get("ctx") or {}
    rule = context.get("error")
    if isinstance(rule, SpecRuleError):
        return rule.message
    if item["type"] in ("missing", "extra_forbidden"):
        return AuditMessage(PYDANTIC_PROBLEMS[item["type"]][0])
    found: AuditMessage | None = None
    if item["type"] == "literal_error":
        first, _, last = str(context.get("expected", "")).rpartition(" or ")
        choices: Param = AuditMessage("spec.either_or", {"first": first, "last": last})
        found = AuditMessage("spec.one_of", {"choices": choices if first else last})
    elif item["type"] in PYDANTIC_PROBLEMS:
        key, limit = PYDANTIC_PROBLEMS[item["type"]]
        found = AuditMessage(key, {"limit": context[limit]} if limit in context else {})
    pydantic_words = str(item["msg"]).removeprefix("Value error, ")
    if found is not None and found.english() == pydantic_words:
        return found
    return pydantic_words
