"""The audit result: aggregates only, every group big enough to report, and what was held back.

One sentence: for each group of people (by one protected attribute or several together) the result
holds the confusion counts and the rates derived from them, with Wilson intervals, plus the
disparities between groups and whether they are larger than chance.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from tillid.audit.spec import AuditSpec, Label

GroupKey = dict[str, str | None]
RateName = Literal["accuracy", "precision", "tpr", "fpr", "fnr", "selection_rate", "base_rate"]


class Rate(BaseModel):
    """A proportion with its Wilson interval; `value` is None when the denominator is zero."""

    value: float | None
    low: float | None = None
    high: float | None = None


class ConfusionCounts(BaseModel):
    """Rows of the group with both target and prediction present, by outcome."""

    n: int
    tp: int
    fp: int
    tn: int
    fn: int


class CalibrationBin(BaseModel):
    low: float
    high: float
    n: int
    mean_score: float
    observed_rate: Rate


class GroupMetrics(BaseModel):
    """Performance of the model on one group (or on everyone, when `group` is empty)."""

    group: GroupKey
    label: str = Field(description='Readable key, e.g. "sex=F, race=B"; "all" for everyone.')
    rows: int = Field(
        description="All rows of the group, also those with target or prediction missing."
    )
    counts: ConfusionCounts
    weight: float | None = Field(default=None, description="Sum of row weights, when weighted.")
    accuracy: Rate
    precision: Rate
    tpr: Rate = Field(description="True-positive rate (recall, sensitivity).")
    fpr: Rate = Field(description="False-positive rate.")
    fnr: Rate = Field(description="False-negative rate.")
    selection_rate: Rate = Field(description="Share predicted positive.")
    base_rate: Rate = Field(description="Share actually positive (class balance).")
    auc: float | None = None
    auc_error_bound: float | None = Field(
        default=None,
        description="Largest possible difference to the exact AUC (0 when scores were not binned).",
    )
    brier: float | None = None
    calibration: list[CalibrationBin] = Field(default_factory=list)

    def rate(self, name: RateName) -> Rate:
        rate: Rate = getattr(self, name)
        return rate


class SuppressedGroup(BaseModel):
    """A group left out of every table, and why; its size is deliberately not given."""

    attributes: list[str]
    group: GroupKey
    label: str
    reason: Literal["fewer_than_k", "complementary"] = Field(
        description="fewer_than_k: the group has fewer than k rows (or fewer than k usable rows). "
        "complementary: shown, it would let a reader compute a suppressed group by subtraction."
    )


class Grouping(BaseModel):
    """All groups formed by one protected attribute, or by several together (an intersection)."""

    attributes: list[str]
    groups: list[GroupMetrics]
    suppressed: list[SuppressedGroup] = Field(default_factory=list)


class SignificanceTest(BaseModel):
    method: Literal["z-test", "fisher-exact"]
    p_value: float
    p_adjusted: float = Field(description="After the spec's multiple-testing correction.")
    significant: bool


class PairDifference(BaseModel):
    """Two groups whose rates differ significantly after the multiple-testing correction."""

    higher: str
    lower: str
    difference: float
    test: SignificanceTest


class Disparity(BaseModel):
    """Largest gap in one rate between two reported groups of a grouping."""

    metric: Literal[
        "demographic_parity_difference",
        "demographic_parity_ratio",
        "equal_opportunity_difference",
        "equalized_odds_difference",
        "predictive_parity_difference",
        "false_positive_rate_difference",
        "false_negative_rate_difference",
    ]
    rate: RateName
    value: float | None
    higher: str | None = Field(default=None, description="Group with the highest rate.")
    lower: str | None = Field(default=None, description="Group with the lowest rate.")
    test: SignificanceTest | None = Field(
        default=None, description="Test of the highest against the lowest group."
    )
    significant_pairs: list[PairDifference] = Field(
        default_factory=list,
        description="Every pair of groups that differs significantly, largest difference first. "
        "The extremes are often small groups whose gap is not significant while two large "
        "groups differ clearly.",
    )
    flagged: bool = Field(
        description="Differences: at least one pair of groups differs significantly after "
        "correction. Ratio: such a pair also has a selection-rate ratio below the four-fifths "
        "threshold."
    )


class FairnessReport(BaseModel):
    attributes: list[str]
    disparities: list[Disparity]
    four_fifths_violated: bool = Field(
        description="Selection-rate ratio below the spec's threshold (default 0.8), before testing."
    )


class ColumnQuality(BaseModel):
    column: str
    dtype: str
    missing: int
    missing_share: float
    constant: bool
    out_of_range: int | None = None
    not_allowed: int | None = None
    invalid_type: int | None = None


class GroupMissing(BaseModel):
    attributes: list[str]
    label: str
    rows: int
    missing: dict[str, int] = Field(description="Missing values per column, only columns with any.")


class LeakageFinding(BaseModel):
    column: str
    measure: Literal["correlation", "purity"]
    value: float
    explanation: str


class ClassBalance(BaseModel):
    attributes: list[str]
    label: str
    n: int
    positives: int
    share: Rate


class QualityReport(BaseModel):
    rows: int
    rows_used: int = Field(description="Rows with both target and prediction present.")
    duplicates: int | None
    columns: list[ColumnQuality]
    missing_by_group: list[GroupMissing]
    class_balance: list[ClassBalance]
    leakage: list[LeakageFinding]


class DriftBin(BaseModel):
    label: str
    reference_share: float
    current_share: float


class ColumnDrift(BaseModel):
    column: str
    kind: Literal["numeric", "categorical"]
    psi: float | None
    level: Literal["stable", "moderate", "major", "not computed"]
    note: str | None = None
    reference_missing_share: float
    current_missing_share: float
    reference_mean: float | None = None
    current_mean: float | None = None
    reference_std: float | None = None
    current_std: float | None = None
    bins: list[DriftBin] = Field(default_factory=list)


class DriftReport(BaseModel):
    reference: str
    current: str
    reference_rows: int
    current_rows: int
    columns: list[ColumnDrift]


class AuditResult(BaseModel):
    """Everything the audit found; aggregates only, safe to store and share."""

    tillid_version: str
    source: str
    backend: str
    spec: AuditSpec
    positive_label: Label
    prediction_positive_label: Label | None
    k: int
    rows: int
    rows_used: int
    overall: GroupMetrics | None = None
    groupings: list[Grouping] = Field(default_factory=list)
    fairness: list[FairnessReport] = Field(default_factory=list)
    quality: QualityReport | None = None
    drift: DriftReport | None = None
    suppressed: list[SuppressedGroup] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    # The same warnings, one for one, as tillid.audit.messages.AuditMessage.to_json() (a key and
    # its parameters), so an interface can show them in its own language.
    warning_messages: list[dict[str, Any]] = Field(default_factory=list)

    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)

    @classmethod
    def json_schema(cls) -> dict[str, Any]:
        return cls.model_json_schema()

    def grouping(self, *attributes: str) -> Grouping:
        """The grouping for exactly these attributes, e.g. `grouping("sex", "race")`."""
        for grouping in self.groupings:
            if sorted(grouping.attributes) == sorted(attributes):
                return grouping
        raise KeyError(f"No grouping for {', '.join(attributes)}")

    def _repr_markdown_(self) -> str:
        from tillid.audit.render import render_markdown

        return render_markdown(self)
