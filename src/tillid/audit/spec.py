"""What to audit: the spec, from YAML, CLI flags or Python."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from tillid.audit.errors import AuditSpecError

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
            raise ValueError(
                "drift needs either `reference` (a second file or table) or `split_column` with "
                "`reference_value` (one column telling reference rows from current rows)"
            )
        if self.split_column is not None and self.reference_value is None:
            raise ValueError(
                f"drift.split_column is {self.split_column!r}: also give `reference_value`, "
                "the value "
                "that marks reference rows"
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
            raise ValueError("each protected attribute may be named only once")
        return value

    @model_validator(mode="after")
    def _roles_do_not_overlap(self) -> AuditSpec:
        roles = {"target": self.target, "prediction": self.prediction}
        if self.score:
            roles["score"] = self.score
        for attribute in self.protected:
            for role, column in roles.items():
                if attribute == column:
                    raise ValueError(
                        f'"{attribute}" cannot be both a protected attribute and the {role}'
                    )
        if self.prediction_threshold is not None and self.prediction_positive_label is not None:
            raise ValueError(
                "give either prediction_threshold or prediction_positive_label, not both"
            )
        if self.target == self.prediction:
            raise ValueError("target and prediction must be different columns")
        return self

    @classmethod
    def from_dict(cls, data: Any, where: str = "the audit spec") -> AuditSpec:
        try:
            return cls.model_validate(data)
        except ValidationError as error:
            raise AuditSpecError(f"{where} is not valid:\n{readable_errors(error)}") from None

    @classmethod
    def from_yaml(cls, path: str | Path) -> AuditSpec:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise AuditSpecError(f"Spec file {path} does not exist.") from None
        except UnicodeDecodeError:
            raise AuditSpecError(f"Spec file {path} is not UTF-8 text; save it as UTF-8.") from None
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as error:
            raise AuditSpecError(f"Spec file {path} is not valid YAML: {error}") from None
        if not isinstance(data, dict):
            raise AuditSpecError(
                f"Spec file {path} must be a YAML mapping with at least `target`, `prediction` "
                "and `protected`."
            )
        return cls.from_dict(data, where=f"Spec file {path}")


def readable_errors(error: ValidationError) -> str:
    lines = []
    for item in error.errors():
        location = ".".join(str(part) for part in item["loc"]) or "spec"
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "missing":
            message = "is required"
        elif item["type"] == "extra_forbidden":
            message = "is not a known setting (check the spelling)"
        lines.append(f"  - {location}: {message}")
    return "\n".join(lines)
