"""Check the spec against the data, and decide which value of target and prediction is positive.

One small aggregate query profiles the role columns (row count, distinct values, ranges); only
counts, minima and maxima leave the backend, plus up to 20 distinct label values for a message.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.types as ir

from tillid.audit.errors import AuditDataError, AuditSpecError, column_not_found
from tillid.audit.messages import AuditMessage, Param
from tillid.audit.sources import OpenedSource
from tillid.audit.spec import AuditSpec, Label

POSITIVE_WORDS = {"1", "true", "yes", "y", "ja", "j", "positive", "pos"}
NEGATIVE_WORDS = {"0", "false", "no", "n", "nej", "nein", "negative", "neg"}
SHOWN_VALUES = 20


@dataclass
class Roles:
    """The spec resolved against one table: the columns and the positive values to compare with."""

    target: str
    prediction: str
    positive: Label
    prediction_positive: Label | None
    prediction_threshold: float | None
    protected: list[str]
    score: str | None = None
    weights: str | None = None
    score_min: float | None = None
    score_max: float | None = None
    rows: int = 0
    # Said in AuditResult.warnings (in English) and warning_messages (as keys).
    warnings: list[AuditMessage] = field(default_factory=list)
    target_values: list[Any] = field(default_factory=list)
    prediction_values: list[Any] = field(default_factory=list)

    def y(self, t: ir.Table) -> ir.BooleanColumn:
        """Observed positive; NULL where the target is missing."""
        column: ir.BooleanColumn = t[self.target] == ibis.literal(self.positive)
        return column

    def y_hat(self, t: ir.Table) -> ir.BooleanColumn:
        """Predicted positive; NULL where the prediction is missing."""
        if self.prediction_threshold is not None:
            column: ir.BooleanColumn = t[self.prediction] >= self.prediction_threshold
        else:
            column = t[self.prediction] == ibis.literal(self.prediction_positive)
        return column

    @property
    def scores_are_probabilities(self) -> bool:
        return (
            self.score_min is not None
            and self.score_max is not None
            and self.score_min >= 0.0
            and self.score_max <= 1.0
        )


def check_columns(spec: AuditSpec, source: OpenedSource) -> None:
    """Every column the spec names must exist; the message lists the real ones."""
    columns = list(source.table.columns)
    wanted: list[tuple[AuditMessage, str]] = [
        (AuditMessage("role.target"), spec.target),
        (AuditMessage("role.prediction"), spec.prediction),
    ]
    wanted += [(AuditMessage("role.protected"), name) for name in spec.protected]
    if spec.score:
        wanted.append((AuditMessage("role.score"), spec.score))
    if spec.weights:
        wanted.append((AuditMessage("role.weights"), spec.weights))
    wanted += [(AuditMessage("role.declared_column"), name) for name in spec.columns]
    if spec.drift and spec.drift.split_column:
        wanted.append((AuditMessage("role.drift_split_column"), spec.drift.split_column))
    for role, name in wanted:
        if name not in columns:
            raise column_not_found(name, source.named, columns, role)


def resolve_roles(spec: AuditSpec, source: OpenedSource) -> Roles:
    check_columns(spec, source)
    t = source.table
    schema = t.schema()
    _require_numeric(spec.score, schema, source, AuditMessage("role.score"))
    _require_numeric(spec.weights, schema, source, AuditMessage("role.weights"))
    if spec.prediction_threshold is not None:
        role = AuditMessage("role.prediction_with_threshold")
        _require_numeric(spec.prediction, schema, source, role)

    profile = source.execute(t.aggregate(**_profile_aggregates(spec, t)))
    row = profile.iloc[0].to_dict()
    rows = int(row["rows"])
    if rows == 0:
        raise AuditDataError.of("no_rows", source=source.named)
    if spec.weights and _number(row["weights_min"]) is not None and row["weights_min"] < 0:
        raise AuditDataError.of("negative_weights", column=spec.weights, source=source.named)

    warnings: list[AuditMessage] = []
    # Minimum and maximum come from file statistics for free; for a binary column they are its
    # values. Whether there are others is counted in the main scan (see check_other_labels).
    target_values = _label_values(source, spec.target, row, "target")
    positive = _with_all_values(
        lambda values: _positive_label(
            spec, spec.target, values, schema[spec.target], source, warnings
        ),
        target_values,
        source,
        spec.target,
    )
    prediction_positive: Label | None = None
    prediction_values: list[Any] = []
    if spec.prediction_threshold is None:
        prediction_values = _label_values(source, spec.prediction, row, "prediction")
        prediction_positive = _with_all_values(
            lambda values: _prediction_positive(
                spec, positive, target_values, values, schema[spec.prediction], source, warnings
            ),
            prediction_values,
            source,
            spec.prediction,
        )
    return Roles(
        target=spec.target,
        prediction=spec.prediction,
        positive=positive,
        prediction_positive=prediction_positive,
        prediction_threshold=spec.prediction_threshold,
        protected=list(spec.protected),
        score=spec.score,
        weights=spec.weights,
        score_min=_number(row.get("score_min")),
        score_max=_number(row.get("score_max")),
        rows=rows,
        warnings=warnings,
        target_values=target_values,
        prediction_values=prediction_values,
    )


def _with_all_values(
    decide: Callable[[list[Any]], Label], candidates: list[Any], source: OpenedSource, name: str
) -> Label:
    """Decide on minimum and maximum; if that fails, look at all values before giving up."""
    try:
        return decide(candidates)
    except AuditDataError:
        return decide(distinct_values(source, name))


def other_label_counts(t: ir.Table, roles: Roles) -> dict[str, ir.Scalar]:
    """Rows whose target (or prediction) is neither its minimum nor its maximum."""
    counts: dict[str, ir.Scalar] = {}
    for role, name, values in (
        ("target", roles.target, roles.target_values),
        ("prediction", roles.prediction, roles.prediction_values),
    ):
        if values:
            column = t[name]
            counts[f"other_{role}"] = t.count(where=column.notnull() & ~column.isin(values))
    return counts


def check_other_labels(
    spec: AuditSpec, roles: Roles, source: OpenedSource, others: dict[str, float]
) -> None:
    """After the main scan: a label column with more than two values needs a positive label."""
    schema = source.table.schema()
    if others.get("other_target", 0) > 0:
        values = distinct_values(source, spec.target)
        roles.target_values = values
        found: list[AuditMessage] = []
        _positive_label(spec, spec.target, values, schema[spec.target], source, found)
        # The first look (from file statistics) may have said the same already: say it once.
        roles.warnings.extend(w for w in found if w not in roles.warnings)
    if others.get("other_prediction", 0) > 0:
        values = distinct_values(source, spec.prediction)
        _prediction_positive(
            spec,
            roles.positive,
            roles.target_values,
            values,
            schema[spec.prediction],
            source,
            roles.warnings,
        )


def _profile_aggregates(spec: AuditSpec, t: ir.Table) -> dict[str, ir.Scalar]:
    aggregates: dict[str, ir.Scalar] = {"rows": t.count()}
    roles = [("target", spec.target)]
    if spec.prediction_threshold is None:
        roles.append(("prediction", spec.prediction))
    for role, name in roles:
        column = _orderable(t[name])
        aggregates[f"{role}_min"] = column.min()
        aggregates[f"{role}_max"] = column.max()
    if spec.score:
        aggregates["score_min"] = t[spec.score].cast("float64").min()
        aggregates["score_max"] = t[spec.score].cast("float64").max()
    if spec.weights:
        aggregates["weights_min"] = t[spec.weights].cast("float64").min()
    return aggregates


def _orderable(column: ir.Column) -> ir.Column:
    # PostgreSQL has no min/max for booleans; as integers they order the same everywhere.
    if column.type().is_boolean():
        return column.cast("int32")
    return column


def to_float(value: ir.Value) -> ir.FloatingValue:
    """A number or true/false as float64, keeping NULL: PostgreSQL cannot cast boolean to double."""
    if value.type().is_boolean():
        number: ir.FloatingValue = ibis.ifelse(
            value.isnull(), ibis.null("float64"), ibis.ifelse(value, 1.0, 0.0)
        )
        return number
    cast: ir.FloatingValue = value.cast("float64")
    return cast


def _label_values(source: OpenedSource, name: str, row: dict[str, Any], role: str) -> list[Any]:
    """Minimum and maximum of a label column: its values, if it is binary."""
    if row[f"{role}_min"] is None or _is_nan(row[f"{role}_min"]):
        role_phrase = AuditMessage("role.target" if role == "target" else "role.prediction")
        raise AuditDataError.of(
            "label_column_empty", column=name, role=role_phrase, source=source.named
        )
    values = [row[f"{role}_min"], row[f"{role}_max"]]
    if source.table[name].type().is_boolean():
        return sorted({bool(v) for v in values}, key=str)
    return sorted({_plain(v) for v in values}, key=str)


def distinct_values(source: OpenedSource, name: str) -> list[Any]:
    """Up to 21 distinct values of a label column, for a message or a multi-valued target."""
    t = source.table
    query = t.select(value=t[name]).distinct().drop_null().limit(SHOWN_VALUES + 1)
    found = source.execute(query)["value"].tolist()
    return sorted((_plain(v) for v in found), key=str)


def _is_nan(value: Any) -> bool:
    return isinstance(value, float) and math.isnan(value)


def _plain(value: Any) -> Any:
    """numpy scalars to Python ones, integral floats to int (so 1.0 shows as 1)."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _number(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    return None if math.isnan(number) else number


def _require_numeric(
    name: str | None, schema: Any, source: OpenedSource, role: AuditMessage
) -> None:
    if name is None:
        return
    dtype = schema[name]
    if not (dtype.is_numeric() or dtype.is_boolean()):
        raise AuditDataError.of(
            "column_not_numeric",
            column=name,
            role=role,
            source=source.named,
            type=_type_words(dtype),
        )


def _type_words(dtype: dt.DataType) -> Param:
    if dtype.is_string():
        return AuditMessage("type.text")
    if dtype.is_temporal():
        return AuditMessage("type.dates")
    return str(dtype)


def _show(values: list[Any]) -> str:
    shown = ", ".join(str(v) for v in values[:SHOWN_VALUES])
    return shown + (", ..." if len(values) > SHOWN_VALUES else "")


def coerce_label(value: Label, dtype: dt.DataType) -> Label:
    """The spec's label as the column's type: YAML and CLI flags cannot know it."""
    if dtype.is_boolean():
        if isinstance(value, str):
            text = value.strip().lower()
            if text in POSITIVE_WORDS:
                return True
            if text in NEGATIVE_WORDS:
                return False
            raise AuditSpecError.of("label_not_boolean", value=value)
        return bool(value)
    if dtype.is_integer():
        number = float(value)
        if not number.is_integer():
            raise AuditSpecError.of("label_not_whole_number", value=str(value))
        return int(number)
    if dtype.is_floating() or dtype.is_decimal():
        return float(value)
    if dtype.is_string():
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        if isinstance(value, bool):
            return str(value).lower()
        return str(value)
    return value


def _positive_label(
    spec: AuditSpec,
    name: str,
    values: list[Any],
    dtype: dt.DataType,
    source: OpenedSource,
    warnings: list[AuditMessage],
) -> Label:
    where = source.named
    if spec.positive_label is not None:
        label = str(spec.positive_label)
        try:
            positive = coerce_label(spec.positive_label, dtype)
        except (AuditSpecError, ValueError):
            raise AuditDataError.of(
                "positive_label_does_not_fit",
                label=label,
                column=name,
                source=where,
                type=_type_words(dtype),
                values=_show(values),
            ) from None
        if positive not in values and len(values) <= SHOWN_VALUES:
            raise AuditDataError.of(
                "positive_label_never_occurs",
                label=label,
                column=name,
                source=where,
                values=_show(values),
            )
        if len(values) > SHOWN_VALUES:
            warnings.append(
                AuditMessage(
                    "warning.target_many_values_other_negative",
                    {"column": name, "label": str(positive)},
                )
            )
        elif len(values) > 2:
            warnings.append(
                AuditMessage(
                    "warning.target_values_other_negative",
                    {"column": name, "count": len(values), "label": str(positive)},
                )
            )
        return positive
    guessed = _guess_positive(values)
    if guessed is None:
        key = "target_not_binary" if len(values) > 2 else "positive_label_needed"
        raise AuditDataError.of(key, column=name, source=where, values=_show(values))
    if len(values) == 1:
        warnings.append(
            AuditMessage("warning.target_one_value", {"column": name, "value": str(values[0])})
        )
    return guessed


def _guess_positive(values: list[Any]) -> Label | None:
    if len(values) > 2:
        return None
    words = {str(v).strip().lower() for v in values}
    positives = [v for v in values if str(v).strip().lower() in POSITIVE_WORDS]
    if words <= POSITIVE_WORDS | NEGATIVE_WORDS and len(positives) == 1:
        positive: Label = positives[0]
        return positive
    if words <= NEGATIVE_WORDS:
        # Only negatives observed (e.g. all 0): the positive is the usual partner.
        only = values[0]
        if isinstance(only, bool):
            return True
        if isinstance(only, int):
            return 1
    return None


def _prediction_positive(
    spec: AuditSpec,
    positive: Label,
    target_values: list[Any],
    values: list[Any],
    dtype: dt.DataType,
    source: OpenedSource,
    warnings: list[AuditMessage],
) -> Label:
    name = spec.prediction
    label = spec.prediction_positive_label
    if label is None:
        label = positive
    try:
        prediction_positive = coerce_label(label, dtype)
    except (AuditSpecError, ValueError):
        raise AuditDataError.of(
            "prediction_label_does_not_fit",
            column=name,
            source=source.named,
            values=_show(values),
            label=str(label),
        ) from None
    if spec.prediction_positive_label is None:
        target_words = {str(v) for v in target_values} | {str(prediction_positive)}
        unknown = [v for v in values if str(coerce_label(v, dtype)) not in target_words]
        if unknown:
            raise AuditDataError.of(
                "prediction_values_unknown",
                column=name,
                source=source.named,
                values=_show(unknown),
                target=spec.target,
            )
    if len(values) > 2:
        warnings.append(
            AuditMessage(
                "warning.prediction_values_other_negative",
                {"column": name, "label": str(prediction_positive)},
            )
        )
    return prediction_positive
