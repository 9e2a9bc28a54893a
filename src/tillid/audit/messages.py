"""Every message an audit error can show, as a stable key plus named parameters.

The English wording lives in MESSAGES, once; `str(error)` renders it, so the CLI and the Python API
read exactly what they always did. Interfaces in other languages (the web app) translate the key and
fill in the same parameters; a parameter that is itself a phrase (a role such as "target", a type
such as "text", a database table) is an AuditMessage of its own, so it is translated too, never
spliced in English.

Templates use `%(name)s` placeholders, the same as gettext catalogues, so a translation can be
checked against its English original placeholder by placeholder.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Union

# A parameter: a value shown as it is (column names, file names, counts, a driver's own error text),
# a phrase to translate, or several phrases shown one per line.
Param = Union[str, int, float, "AuditMessage", tuple["AuditMessage", ...]]

PLACEHOLDER = re.compile(r"%\((\w+)\)s")

MESSAGES: dict[str, str] = {
    # --- columns ---------------------------------------------------------------------------
    "column_missing": 'Column "%(column)s" not found in %(source)s. Columns are: %(columns)s.',
    "column_missing_in_role": (
        'Column "%(column)s" (given as %(role)s) not found in %(source)s. Columns are: %(columns)s.'
    ),
    "columns.none": "(none)",
    "column_not_numeric": (
        'Column "%(column)s" (%(role)s) must hold numbers, but in %(source)s it holds %(type)s.'
    ),
    "negative_weights": (
        'Column "%(column)s" holds negative weights in %(source)s; weights must be zero or more.'
    ),
    "label_column_empty": (
        'Column "%(column)s" (%(role)s) is empty in %(source)s: every value is missing.'
    ),
    # --- labels ----------------------------------------------------------------------------
    "label_not_boolean": '"%(value)s" is not a true/false value',
    "label_not_whole_number": '"%(value)s" is not a whole number',
    "positive_label_does_not_fit": (
        'The positive label "%(label)s" does not fit column "%(column)s" (target) in %(source)s, '
        "which holds %(type)s: %(values)s."
    ),
    "positive_label_never_occurs": (
        'The positive label "%(label)s" never occurs in column "%(column)s" (target) in '
        "%(source)s. Its values are: %(values)s."
    ),
    "target_not_binary": (
        'Column "%(column)s" (target) in %(source)s is not binary: it holds %(values)s. tillid '
        "audits yes/no decisions: give the value that counts as positive (--positive-label, or "
        "positive_label in the spec)."
    ),
    "positive_label_needed": (
        'Column "%(column)s" (target) in %(source)s holds %(values)s: say which one is the '
        "positive outcome (--positive-label, or positive_label in the spec)."
    ),
    "prediction_label_does_not_fit": (
        'Column "%(column)s" (prediction) in %(source)s holds %(values)s, which cannot be compared '
        'with the positive label "%(label)s". Give prediction_positive_label '
        "(--prediction-positive-label) or a prediction_threshold for scores."
    ),
    "prediction_values_unknown": (
        'Column "%(column)s" (prediction) in %(source)s holds %(values)s, which the target '
        '"%(target)s" never does. Give the prediction value that means positive '
        "(--prediction-positive-label), or a prediction_threshold for a score."
    ),
    # --- rows ------------------------------------------------------------------------------
    "no_rows": "%(source)s has no rows: there is nothing to audit.",
    "no_complete_rows": (
        'No row of %(source)s has both "%(target)s" and "%(prediction)s" filled in, so there is '
        "nothing to compare."
    ),
    "too_few_complete_rows": (
        "Only %(rows)s rows of %(source)s have both target and prediction; with k = %(k)s even "
        "the total would have to be suppressed."
    ),
    "reference_no_rows": "The reference data (%(source)s) has no rows.",
    "current_no_rows": "The current data (%(source)s) has no rows.",
    "drift_too_few_rows": (
        "%(source)s has only %(rows)s rows; with k = %(k)s its distribution cannot be shown "
        "without showing individuals."
    ),
    # --- files -----------------------------------------------------------------------------
    "file_missing": "File %(path)s does not exist.",
    "file_is_folder": "%(path)s is a folder; give a CSV, Parquet or Excel file.",
    "file_type_unknown": "Cannot read %(file)s: the file type must be one of %(types)s.",
    "file_empty": "%(file)s is empty: it has no header and no rows.",
    "file_not_utf8": (
        "%(file)s is not UTF-8 text. Save it as UTF-8, or give its encoding (--encoding latin-1 "
        'on the command line, encoding="latin-1" in Python).'
    ),
    "file_unreadable": "Could not read %(file)s: %(detail)s",
    "excel_unreadable": "Could not read the Excel file %(file)s: %(detail)s",
    "table_object_unknown": (
        "Cannot audit a %(kind)s: give a file path, a database URL, or a pandas, Polars, Arrow, "
        "Ibis or PySpark table."
    ),
    # --- databases -------------------------------------------------------------------------
    "database_table_or_query": (
        "For the database %(database)s, give exactly one of a table name (--table) or an SQL "
        "query (--query)."
    ),
    "database_driver_missing": (
        "Cannot open %(database)s: the driver module %(module)s is not installed. Install tillid "
        "with the matching extra, e.g. pip install 'tillid[postgres]'."
    ),
    "database_unreachable": (
        "Could not connect to the database %(database)s: %(detail)s. Check host, port, database "
        "name, user and that the server is running."
    ),
    "database_table_unreadable": 'Could not read table "%(table)s" in %(database)s: %(detail)s',
    "database_query_unreadable": "Could not read the SQL query in %(database)s: %(detail)s",
    # --- the spec --------------------------------------------------------------------------
    "spec_invalid": "%(where)s is not valid:\n%(problems)s",
    "spec_file_missing": "Spec file %(path)s does not exist.",
    "spec_file_not_utf8": "Spec file %(path)s is not UTF-8 text; save it as UTF-8.",
    "spec_file_not_yaml": "Spec file %(path)s is not valid YAML: %(detail)s",
    "spec_file_not_mapping": (
        "Spec file %(path)s must be a YAML mapping with at least `target`, `prediction` and "
        "`protected`."
    ),
    # One line of spec_invalid's list, and what can be wrong with one setting.
    "spec.problem": "  - %(location)s: %(problem)s",
    "spec.required": "is required",
    "spec.unknown_setting": "is not a known setting (check the spelling)",
    "spec.protected_twice": "each protected attribute may be named only once",
    "spec.role_overlap": '"%(column)s" cannot be both a protected attribute and the %(role)s',
    "spec.threshold_and_label": (
        "give either prediction_threshold or prediction_positive_label, not both"
    ),
    "spec.target_is_prediction": "target and prediction must be different columns",
    "spec.drift_needs_reference": (
        "drift needs either `reference` (a second file or table) or `split_column` with "
        "`reference_value` (one column telling reference rows from current rows)"
    ),
    "spec.drift_needs_reference_value": (
        "drift.split_column is %(column)s: also give `reference_value`, the value that marks "
        "reference rows"
    ),
    # Pydantic's own wording for the checks it makes, so the English stays exactly as before.
    "spec.at_least": "Input should be greater than or equal to %(limit)s",
    "spec.more_than": "Input should be greater than %(limit)s",
    "spec.at_most": "Input should be less than or equal to %(limit)s",
    "spec.less_than": "Input should be less than %(limit)s",
    "spec.one_of": "Input should be %(choices)s",
    "spec.either_or": "%(first)s or %(last)s",
    "spec.not_integer": "Input should be a valid integer",
    "spec.not_integer_text": (
        "Input should be a valid integer, unable to parse string as an integer"
    ),
    "spec.not_integer_fraction": (
        "Input should be a valid integer, got a number with a fractional part"
    ),
    "spec.not_number": "Input should be a valid number",
    "spec.not_number_text": "Input should be a valid number, unable to parse string as a number",
    "spec.not_boolean": "Input should be a valid boolean",
    "spec.not_boolean_text": "Input should be a valid boolean, unable to interpret input",
    "spec.not_text": "Input should be a valid string",
    "spec.not_list": "Input should be a valid list",
    "spec.not_mapping": "Input should be a valid dictionary",
    # --- steps run_audit reports to its progress callback ----------------------------------
    "step.opening": "opening the data",
    "step.checking_columns": "checking columns and labels",
    "step.counting": "counting outcomes per group",
    "step.auc": "computing AUC per group",
    "step.testing_disparities": "testing disparities",
    "step.quality": "checking data quality",
    "step.drift": "measuring drift",
    # --- warnings in AuditResult.warnings (and, as keys, AuditResult.warning_messages) ------
    "warning.target_values_other_negative": (
        'Target "%(column)s" has %(count)s values; "%(label)s" is treated as positive and every '
        "other value as negative."
    ),
    "warning.target_many_values_other_negative": (
        'Target "%(column)s" has many values; "%(label)s" is treated as positive and every other '
        "value as negative."
    ),
    "warning.target_one_value": (
        'Target "%(column)s" has only one value (%(value)s); rates are one-sided.'
    ),
    "warning.prediction_values_other_negative": (
        'Prediction "%(column)s" has more than two values; "%(label)s" is treated as positive and '
        "every other value as negative."
    ),
    "warning.scores_not_probabilities": (
        'Scores in "%(column)s" lie outside 0..1, so Brier score and calibration are left out; '
        "AUC only needs their order."
    ),
    "warning.too_many_groups_to_test": (
        "%(attributes)s has %(groups)s groups: its disparities are shown without significance "
        "tests (more than %(limit)s groups)."
    ),
    # --- phrases used as parameters --------------------------------------------------------
    "where.audit_spec": "the audit spec",
    "where.spec_file": "Spec file %(path)s",
    "role.target": "target",
    "role.prediction": "prediction",
    "role.prediction_with_threshold": "prediction (with a threshold)",
    "role.protected": "protected attribute",
    "role.score": "score",
    "role.weights": "weights",
    "role.declared_column": "declared column",
    "role.drift_split_column": "drift split column",
    "role.drift_column": "drift column",
    "type.text": "text",
    "type.dates": "dates or times",
    "source.database_table": 'table "%(table)s" in %(database)s',
    "source.database_query": "query on %(database)s",
    "source.where_equals": "%(source)s where %(column)s = %(value)s",
    "source.where_not_equals": "%(source)s where %(column)s ≠ %(value)s",
}


@dataclass(frozen=True)
class AuditMessage:
    """A message (or a phrase inside one) by key, with the values for its placeholders."""

    key: str
    params: Mapping[str, Param] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.key not in MESSAGES:
            raise KeyError(f"No audit message {self.key!r} in tillid.audit.messages.MESSAGES")

    def english(self) -> str:
        return render(self, MESSAGES.get)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON, e.g. to store a failed run's error and show it later in any language."""
        return {"key": self.key, "params": {n: _param_to_json(v) for n, v in self.params.items()}}

    @classmethod
    def from_json(cls, data: Any) -> AuditMessage:
        """The message to_json wrote; ValueError for anything else (a key not known any more)."""
        if not isinstance(data, dict) or not isinstance(data.get("key"), str):
            raise ValueError("An audit message is an object with a key")
        if data["key"] not in MESSAGES:
            raise ValueError(f"Unknown audit message {data['key']!r}")
        params = data.get("params") or {}
        if not isinstance(params, dict):
            raise ValueError("An audit message's params are an object")
        return cls(data["key"], {str(n): _param_from_json(v) for n, v in params.items()})


def render(message: AuditMessage, template_of: Callable[[str], object | None]) -> str:
    """`message` in the words `template_of(key)` gives; where it gives None, the English.

    Nested phrases are rendered the same way. Numbers stay numbers, so that a translation can
    choose its plural form by them.
    """
    values: dict[str, object] = {}
    for name, value in message.params.items():
        if isinstance(value, AuditMessage):
            values[name] = render(value, template_of)
        elif isinstance(value, tuple):
            values[name] = "\n".join(render(item, template_of) for item in value)
        else:
            values[name] = value
    template = template_of(message.key)
    if template is None:
        return MESSAGES[message.key] % values
    try:
        return str(template % values)  # type: ignore[operator]
    except (KeyError, ValueError, TypeError):
        # A translation naming a placeholder that is not there must not hide the error itself.
        return MESSAGES[message.key] % values


def placeholders(template: str) -> set[str]:
    """The `%(name)s` placeholders of a template."""
    return set(PLACEHOLDER.findall(template))


def _param_to_json(value: Param) -> Any:
    if isinstance(value, AuditMessage):
        return value.to_json()
    if isinstance(value, tuple):
        return [item.to_json() for item in value]
    return value


def _param_from_json(value: Any) -> Param:
    if isinstance(value, dict):
        return AuditMessage.from_json(value)
    if isinstance(value, list):
        return tuple(AuditMessage.from_json(item) for item in value)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError(f"An audit message parameter cannot be {type(value).__name__}")
    return value
