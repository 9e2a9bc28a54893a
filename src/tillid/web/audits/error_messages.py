"""Audit errors, steps and warnings in the reader's language.

The audit core names every error a user can cause by a key with parameters
(tillid.audit.messages), and so the steps of a running audit and the warnings of its result; here
each key gets a gettext string with the same `%(name)s` placeholders.
Phrases passed as parameters (a role such as "target", a type such as "text", a database table) are
keys of their own, so nothing is spliced in in English. Where the core's English tells a CLI user
which flag to use, the text here tells a browser user which field to fill in instead.

A key with no text here (those only the CLI or the Python API can cause) is shown in English.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext_lazy

from tillid.audit.messages import AuditMessage, Param, render
from tillid.audit.result import AuditResult

TEXTS: dict[str, Promise] = {
    # --- columns ---------------------------------------------------------------------------
    "column_missing": _('Column "%(column)s" not found in %(source)s. Columns are: %(columns)s.'),
    "column_missing_in_role": _(
        'Column "%(column)s" (given as %(role)s) not found in %(source)s. Columns are: %(columns)s.'
    ),
    "columns.none": _("(none)"),
    "column_not_numeric": _(
        'Column "%(column)s" (%(role)s) must hold numbers, but in %(source)s it holds %(type)s.'
    ),
    "negative_weights": _(
        'Column "%(column)s" holds negative weights in %(source)s; weights must be zero or more.'
    ),
    "label_column_empty": _(
        'Column "%(column)s" (%(role)s) is empty in %(source)s: every value is missing.'
    ),
    # --- labels ----------------------------------------------------------------------------
    "label_not_boolean": _('"%(value)s" is not a true/false value'),
    "label_not_whole_number": _('"%(value)s" is not a whole number'),
    "positive_label_does_not_fit": _(
        'The positive label "%(label)s" does not fit column "%(column)s" (target) in %(source)s, '
        "which holds %(type)s: %(values)s."
    ),
    "positive_label_never_occurs": _(
        'The positive label "%(label)s" never occurs in column "%(column)s" (target) in '
        "%(source)s. Its values are: %(values)s."
    ),
    "target_not_binary": _(
        'Column "%(column)s" (target) in %(source)s is not binary: it holds %(values)s. tillid '
        "audits yes/no decisions: write the value that counts as positive in “Value that means "
        "the positive outcome”."
    ),
    "positive_label_needed": _(
        'Column "%(column)s" (target) in %(source)s holds %(values)s: write the one that is the '
        "positive outcome in “Value that means the positive outcome”."
    ),
    "prediction_label_does_not_fit": _(
        'Column "%(column)s" (prediction) in %(source)s holds %(values)s, which cannot be compared '
        'with the positive label "%(label)s". Under “Further settings”, give '
        "prediction_positive_label, or prediction_threshold for scores."
    ),
    "prediction_values_unknown": _(
        'Column "%(column)s" (prediction) in %(source)s holds %(values)s, which the target '
        '"%(target)s" never does. Under “Further settings”, give the prediction value that means '
        "positive (prediction_positive_label), or prediction_threshold for a score."
    ),
    # --- rows ------------------------------------------------------------------------------
    "no_rows": _("%(source)s has no rows: there is nothing to audit."),
    "no_complete_rows": _(
        'No row of %(source)s has both "%(target)s" and "%(prediction)s" filled in, so there is '
        "nothing to compare."
    ),
    "too_few_complete_rows": ngettext_lazy(
        "Only %(rows)s row of %(source)s has both target and prediction; with k = %(k)s even the "
        "total would have to be suppressed.",
        "Only %(rows)s rows of %(source)s have both target and prediction; with k = %(k)s even "
        "the total would have to be suppressed.",
        "rows",
    ),
    "reference_no_rows": _("The reference data (%(source)s) has no rows."),
    "current_no_rows": _("The current data (%(source)s) has no rows."),
    "drift_too_few_rows": ngettext_lazy(
        "%(source)s has only %(rows)s row; with k = %(k)s its distribution cannot be shown "
        "without showing individuals.",
        "%(source)s has only %(rows)s rows; with k = %(k)s its distribution cannot be shown "
        "without showing individuals.",
        "rows",
    ),
    # --- files (the upload, or a drift reference) ------------------------------------------
    "file_missing": _("File %(path)s does not exist."),
    "file_is_folder": _("%(path)s is a folder; give a CSV, Parquet or Excel file."),
    "file_type_unknown": _("Cannot read %(file)s: the file type must be one of %(types)s."),
    "file_empty": _("%(file)s is empty: it has no header and no rows."),
    "file_not_utf8": _(
        "%(file)s is not UTF-8 text. Save it as UTF-8 (in Excel: Save as, CSV UTF-8) and upload "
        "it again."
    ),
    "file_unreadable": _("Could not read %(file)s: %(detail)s"),
    "excel_unreadable": _("Could not read the Excel file %(file)s: %(detail)s"),
    # --- databases -------------------------------------------------------------------------
    "database_table_or_query": _(
        "For the database %(database)s, give exactly one of a table name (reference_table) or an "
        "SQL query (reference_query)."
    ),
    "database_driver_missing": _(
        "Cannot open %(database)s: the driver module %(module)s is not installed on the server. "
        "Ask the administrator to install tillid with the matching extra, e.g. "
        "pip install 'tillid[postgres]'."
    ),
    "database_unreachable": _(
        "Could not connect to the database %(database)s: %(detail)s. Check host, port, database "
        "name, user and that the server is running."
    ),
    "database_table_unreadable": _('Could not read table "%(table)s" in %(database)s: %(detail)s'),
    "database_query_unreadable": _("Could not read the SQL query in %(database)s: %(detail)s"),
    # --- the settings ----------------------------------------------------------------------
    "spec_invalid": _("%(where)s is not valid:\n%(problems)s"),
    "spec.problem": _("  - %(location)s: %(problem)s"),
    "spec.required": _("is required"),
    "spec.unknown_setting": _("is not a known setting (check the spelling)"),
    "spec.protected_twice": _("each protected attribute may be named only once"),
    "spec.role_overlap": _('"%(column)s" cannot be both a protected attribute and the %(role)s'),
    "spec.threshold_and_label": _(
        "give either prediction_threshold or prediction_positive_label, not both"
    ),
    "spec.target_is_prediction": _("target and prediction must be different columns"),
    "spec.drift_needs_reference": _(
        "drift needs either `reference` (a second file or table) or `split_column` with "
        "`reference_value` (one column telling reference rows from current rows)"
    ),
    "spec.drift_needs_reference_value": _(
        "drift.split_column is %(column)s: also give `reference_value`, the value that marks "
        "reference rows"
    ),
    "spec.at_least": _("must be at least %(limit)s"),
    "spec.more_than": _("must be more than %(limit)s"),
    "spec.at_most": _("must be at most %(limit)s"),
    "spec.less_than": _("must be less than %(limit)s"),
    "spec.one_of": _("must be %(choices)s"),
    "spec.either_or": _("%(first)s or %(last)s"),
    "spec.not_integer": _("must be a whole number"),
    "spec.not_integer_text": _("must be a whole number"),
    "spec.not_integer_fraction": _("must be a whole number"),
    "spec.not_number": _("must be a number"),
    "spec.not_number_text": _("must be a number"),
    "spec.not_boolean": _("must be true or false"),
    "spec.not_boolean_text": _("must be true or false"),
    "spec.not_text": _("must be text"),
    "spec.not_list": _("must be a list"),
    "spec.not_mapping": _("must be a set of name: value lines"),
    "where.audit_spec": _("the audit settings"),
    # --- steps of a running audit ---------------------------------------------------------
    "step.opening": pgettext_lazy("audit step", "opening the data"),
    "step.checking_columns": pgettext_lazy("audit step", "checking columns and labels"),
    "step.counting": pgettext_lazy("audit step", "counting outcomes per group"),
    "step.auc": pgettext_lazy("audit step", "computing AUC per group"),
    "step.testing_disparities": pgettext_lazy("audit step", "testing disparities"),
    "step.quality": pgettext_lazy("audit step", "checking data quality"),
    "step.drift": pgettext_lazy("audit step", "measuring drift"),
    # --- warnings of a finished audit ----------------------------------------------------
    # %(count)s is always more than two, %(groups)s always more than %(limit)s.
    "warning.target_values_other_negative": _(
        'Target "%(column)s" has %(count)s values; "%(label)s" is treated as positive and every '
        "other value as negative."
    ),
    "warning.target_many_values_other_negative": _(
        'Target "%(column)s" has many values; "%(label)s" is treated as positive and every other '
        "value as negative."
    ),
    "warning.target_one_value": _(
        'Target "%(column)s" has only one value (%(value)s); rates are one-sided.'
    ),
    "warning.prediction_values_other_negative": _(
        'Prediction "%(column)s" has more than two values; "%(label)s" is treated as positive and '
        "every other value as negative."
    ),
    "warning.scores_not_probabilities": _(
        'Scores in "%(column)s" lie outside 0..1, so Brier score and calibration are left out; '
        "AUC only needs their order."
    ),
    "warning.too_many_groups_to_test": _(
        "%(attributes)s has %(groups)s groups: its disparities are shown without significance "
        "tests (more than %(limit)s groups)."
    ),
    # --- phrases used as parameters --------------------------------------------------------
    "role.target": pgettext_lazy("audit column role", "target"),
    "role.prediction": pgettext_lazy("audit column role", "prediction"),
    "role.prediction_with_threshold": pgettext_lazy(
        "audit column role", "prediction (with a threshold)"
    ),
    "role.protected": pgettext_lazy("audit column role", "protected attribute"),
    "role.score": pgettext_lazy("audit column role", "score"),
    "role.weights": pgettext_lazy("audit column role", "weights"),
    "role.declared_column": pgettext_lazy("audit column role", "declared column"),
    "role.drift_split_column": pgettext_lazy("audit column role", "drift split column"),
    "role.drift_column": pgettext_lazy("audit column role", "drift column"),
    "type.text": pgettext_lazy("what an audit column holds", "text"),
    "type.dates": pgettext_lazy("what an audit column holds", "dates or times"),
    "source.database_table": _('table "%(table)s" in %(database)s'),
    "source.database_query": _("query on %(database)s"),
    "source.where_equals": _("%(source)s where %(column)s = %(value)s"),
    "source.where_not_equals": _("%(source)s where %(column)s ≠ %(value)s"),
}

# Errors of the web app's own that a run can end with, and the step before the audit's own
# steps; stored as {"key": "web.<name>"}.
WEB_TEXTS: dict[str, Promise] = {
    "web.internal_error": _(
        "The audit stopped because of an internal error. The error was logged for the "
        "administrator."
    ),
    "web.step.starting": pgettext_lazy("audit step", "starting"),
    "web.secret_unreadable": _(
        "The stored connection cannot be decrypted: the encryption key has changed. "
        "Enter the connection again."
    ),
}


def translated(message: AuditMessage) -> str:
    """The message in the active language (English for a key only the CLI can cause)."""
    return render(message, TEXTS.get)


def renamed(message: AuditMessage, old: str, new: str) -> AuditMessage:
    """The message with `old` written as `new` wherever a parameter holds it, e.g. the name the
    server stored an upload under replaced by the name the user uploaded it as."""

    def param(value: Param) -> Param:
        if isinstance(value, AuditMessage):
            return renamed(value, old, new)
        if isinstance(value, tuple):
            return tuple(renamed(item, old, new) for item in value)
        if isinstance(value, str):
            return value.replace(old, new)
        return value

    return AuditMessage(message.key, {name: param(v) for name, v in message.params.items()})


def as_uploaded(message: AuditMessage, stored_path: str, upload_name: str) -> AuditMessage:
    """Messages name the file the user uploaded, never where (or as what) the server kept it."""
    if not stored_path or not upload_name:
        return message
    message = renamed(message, stored_path, upload_name)
    return renamed(message, Path(stored_path).name, upload_name)


def stored(message: AuditMessage | str) -> dict[str, Any]:
    """What AuditRun.error_message keeps: an audit message, or the key of one of WEB_TEXTS."""
    if isinstance(message, str):
        assert message in WEB_TEXTS, message
        return {"key": message}
    return message.to_json()


def shown(stored_message: Any, english: str) -> str:
    """A run's error in the reader's language; the stored English text if the message cannot be
    read (a run from before messages were stored, or a key since removed)."""
    if isinstance(stored_message, dict) and stored_message.get("key") in WEB_TEXTS:
        return str(WEB_TEXTS[stored_message["key"]])
    try:
        return translated(AuditMessage.from_json(stored_message))
    except (ValueError, KeyError, TypeError):
        return english


def shown_warnings(result: AuditResult) -> list[str]:
    """A result's warnings in the reader's language; in English for a result stored before its
    warnings had keys (or whose keys cannot be read any more)."""
    if len(result.warning_messages) != len(result.warnings):
        return list(result.warnings)
    return [
        shown(message, english)
        for message, english in zip(result.warning_messages, result.warnings, strict=True)
    ]
