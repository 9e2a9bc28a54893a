"""Every audit error a user can cause has a stable key and parameters, with its English in one table.

The web app translates by key (tillid.web.audits.error_messages); these tests keep the table and
the raise sites honest: no key unused, no raise site with a sentence of its own, and the English
exactly what the CLI has always printed.
"""

from __future__ import annotations

import ast
import pickle
import re
from pathlib import Path

import ibis.expr.datatypes as dt
import pandas as pd
import pytest

from tillid.audit import AuditDataError, AuditError, AuditSourceError, AuditSpec, run_audit
from tillid.audit.errors import AuditSpecError, column_not_found
from tillid.audit.labels import coerce_label
from tillid.audit.messages import MESSAGES, AuditMessage, placeholders

AUDIT = Path(__file__).resolve().parents[2] / "src/tillid/audit"
SOURCES = sorted(p for p in AUDIT.glob("*.py") if p.name != "messages.py")
ERRORS = {"AuditError", "AuditSpecError", "AuditSourceError", "AuditDataError", "SpecRuleError"}


def _data(tmp_path: Path) -> Path:
    frame = pd.DataFrame(
        {
            "label": [0, 1] * 30,
            "prediction": [1, 0, 1] * 20,
            "sex": ["F", "M"] * 30,
            "score": ["a"] * 60,
            "t3": [0, 1, 2] * 20,
        }
    )
    path = tmp_path / "data.csv"
    frame.to_csv(path, index=False)
    return path


def test_every_message_in_the_table_is_used_by_the_audit() -> None:
    code = "\n".join(path.read_text(encoding="utf-8") for path in SOURCES)
    unused = [key for key in MESSAGES if f'"{key}"' not in code]
    assert not unused, f"Messages no raise site uses: {unused}"


def test_every_raise_site_gives_a_message_key_not_a_sentence() -> None:
    sentences = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Raise) or not isinstance(node.exc, ast.Call):
                continue
            called = node.exc.func
            name = called.id if isinstance(called, ast.Name) else ""
            text_args = [a for a in node.exc.args if isinstance(a, ast.Constant | ast.JoinedStr)]
            # A spec validator's ValueError reaches the user through Pydantic: it needs a key too.
            if (name in ERRORS and text_args) or (path.name == "spec.py" and name == "ValueError"):
                sentences.append(f"{path.name}:{node.lineno}")
    assert not sentences, f"Raise sites with a sentence instead of a key: {sentences}"


def test_every_key_used_in_the_code_is_in_the_table() -> None:
    code = "\n".join(path.read_text(encoding="utf-8") for path in SOURCES)
    used = set(re.findall(r'(?:\.of\(|AuditMessage\()\s*"([\w.]+)"', code))
    assert used and used <= set(MESSAGES)


def test_an_unknown_key_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        AuditMessage("no.such.message")


@pytest.mark.parametrize(
    ("spec", "key", "english"),
    [
        (
            {"protected": ["gender"]},
            "column_missing_in_role",
            'Column "gender" (given as protected attribute) not found in data.csv. '
            "Columns are: label, prediction, sex, score, t3.",
        ),
        (
            {"score": "score"},
            "column_not_numeric",
            'Column "score" (score) must hold numbers, but in data.csv it holds text.',
        ),
        (
            {"target": "t3"},
            "target_not_binary",
            'Column "t3" (target) in data.csv is not binary: it holds 0, 1, 2. tillid audits '
            "yes/no decisions: give the value that counts as positive (--positive-label, or "
            "positive_label in the spec).",
        ),
        (
            {"positive_label": 7},
            "positive_label_never_occurs",
            'The positive label "7" never occurs in column "label" (target) in data.csv. '
            "Its values are: 0, 1.",
        ),
        (
            {"k": 1000},
            "too_few_complete_rows",
            "Only 60 rows of data.csv have both target and prediction; with k = 1000 even the "
            "total would have to be suppressed.",
        ),
        (
            {"drift": {"split_column": "sex", "reference_value": "Q"}},
            "reference_no_rows",
            "The reference data (data.csv where sex = Q) has no rows.",
        ),
    ],
)
def test_data_errors_carry_their_key_and_keep_their_english(
    tmp_path: Path, spec: dict[str, object], key: str, english: str
) -> None:
    given = {"target": "label", "prediction": "prediction", "protected": ["sex"], **spec}
    with pytest.raises(AuditError) as error:
        run_audit(_data(tmp_path), AuditSpec.model_validate(given))
    assert error.value.key == key
    assert str(error.value) == english == error.value.message.english()


def test_phrases_inside_a_message_are_messages_too(tmp_path: Path) -> None:
    spec = AuditSpec(target="label", prediction="prediction", protected=["gender"])
    with pytest.raises(AuditDataError) as error:
        run_audit(_data(tmp_path), spec)
    params = error.value.message.params
    assert params["role"] == AuditMessage("role.protected")
    assert params["column"] == "gender" and params["source"] == "data.csv"


def test_a_database_table_is_named_by_a_phrase() -> None:
    url = "postgresql://auditor:s3cret@127.0.0.1:1/warehouse"
    spec = AuditSpec(target="label", prediction="prediction", protected=["sex"])
    with pytest.raises(AuditSourceError) as error:
        run_audit(url, spec, table="decisions")
    assert error.value.key == "database_unreachable"
    assert (
        error.value.message.params["database"] == "postgresql://auditor:***@127.0.0.1:1/warehouse"
    )
    assert "s3cret" not in repr(error.value.message)


def test_spec_errors_list_each_problem_as_a_message() -> None:
    with pytest.raises(AuditSpecError) as error:
        AuditSpec.from_dict(
            {"target": "a", "prediction": "b", "protected": ["s"], "k": 0, "correction": "x"}
        )
    assert error.value.key == "spec_invalid"
    problems = error.value.message.params["problems"]
    assert isinstance(problems, tuple)
    assert [p.params["location"] for p in problems] == ["k", "correction"]
    keys = [p.params["problem"].key for p in problems]  # type: ignore[union-attr]
    assert keys == ["spec.at_least", "spec.one_of"]
    assert str(error.value) == (
        "the audit spec is not valid:\n"
        "  - k: Input should be greater than or equal to 1\n"
        "  - correction: Input should be 'holm' or 'bh'"
    )


def test_a_rule_of_the_spec_names_the_role_by_a_phrase() -> None:
    with pytest.raises(AuditSpecError) as error:
        AuditSpec.from_dict({"target": "a", "prediction": "b", "protected": ["a"]})
    problems = error.value.message.params["problems"]
    assert isinstance(problems, tuple)
    problem = problems[0].params["problem"]
    assert problem == AuditMessage(
        "spec.role_overlap", {"column": "a", "role": AuditMessage("role.target")}
    )
    assert str(error.value).endswith('"a" cannot be both a protected attribute and the target')


def test_a_pydantic_problem_without_a_key_keeps_pydantics_words() -> None:
    with pytest.raises(AuditSpecError) as error:
        AuditSpec.from_dict({"target": "a", "prediction": "b", "protected": []})
    problems = error.value.message.params["problems"]
    assert isinstance(problems, tuple)
    assert problems[0].params["problem"] == (
        "List should have at least 1 item after validation, not 0"
    )


def test_spec_file_errors_carry_keys(tmp_path: Path) -> None:
    with pytest.raises(AuditSpecError) as error:
        AuditSpec.from_yaml(tmp_path / "missing.yaml")
    assert error.value.key == "spec_file_missing"
    (tmp_path / "list.yaml").write_text("- a\n", encoding="utf-8")
    with pytest.raises(AuditSpecError) as error:
        AuditSpec.from_yaml(tmp_path / "list.yaml")
    assert error.value.key == "spec_file_not_mapping"


@pytest.mark.parametrize(
    ("value", "dtype", "key"),
    [("maybe", dt.boolean, "label_not_boolean"), ("1.5", dt.int64, "label_not_whole_number")],
)
def test_labels_that_do_not_fit_carry_keys(value: str, dtype: dt.DataType, key: str) -> None:
    with pytest.raises(AuditSpecError) as error:
        coerce_label(value, dtype)
    assert error.value.key == key


def test_a_message_survives_json_and_pickle() -> None:
    error = column_not_found("sex", "data.csv", [], AuditMessage("role.protected"))
    assert str(error) == 'Column "sex" (given as protected attribute) not found in data.csv. ' + (
        "Columns are: (none)."
    )
    again = AuditMessage.from_json(error.message.to_json())
    assert again == error.message
    copied = pickle.loads(pickle.dumps(error))
    assert isinstance(copied, AuditDataError) and str(copied) == str(error)


@pytest.mark.parametrize(
    "junk",
    [None, "column_missing", {"key": "no.such"}, {"key": "file_empty", "params": {"file": [1]}}],
)
def test_stored_junk_is_not_read_as_a_message(junk: object) -> None:
    with pytest.raises((ValueError, KeyError)):
        AuditMessage.from_json(junk)


def test_every_template_renders_with_its_own_placeholders() -> None:
    for key, template in MESSAGES.items():
        values = {name: f"<{name}>" for name in placeholders(template)}
        assert "%(" not in template % values, key
        assert "%" not in template.replace("%%", "").replace("%(", "").replace(")s", ""), key


# What run_audit has always told its progress callback, and the warnings it has always written.
STEPS = [
    "opening the data",
    "checking columns and labels",
    "counting outcomes per group",
    "computing AUC per group",
    "testing disparities",
    "checking data quality",
    "measuring drift",
]


def _many_values(rows: int = 808) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "label": [i % 25 for i in range(rows)],
            "label3": [i % 3 for i in range(rows)],
            "one": [0] * rows,
            "prediction": [i % 2 for i in range(rows)],
            "pred3": [i % 3 for i in range(rows)],
            "score": [(i % 7) * 0.9 for i in range(rows)],
            "office": [f"o{i % 101}" for i in range(rows)],
            "half": [i % 2 for i in range(rows)],
        }
    )


def _warnings_of(**spec: object) -> tuple[list[str], list[AuditMessage]]:
    given = {"prediction": "prediction", "protected": ["office"], "k": 2, **spec}
    result = run_audit(_many_values(), AuditSpec.model_validate(given))
    return result.warnings, [AuditMessage.from_json(m) for m in result.warning_messages]


def test_every_step_has_a_key_and_keeps_its_english() -> None:
    english: list[str] = []
    messages: list[AuditMessage] = []
    spec = AuditSpec.model_validate(
        {
            "target": "label3",
            "prediction": "prediction",
            "protected": ["office"],
            "k": 2,
            "positive_label": 1,
            "score": "score",
            "checks": ["performance", "fairness", "quality", "drift"],
            "drift": {"split_column": "half", "reference_value": 0},
        }
    )
    run_audit(_many_values(), spec, progress=english.append, step_progress=messages.append)
    assert english == STEPS
    assert [m.english() for m in messages] == STEPS
    assert {m.key for m in messages} == {key for key in MESSAGES if key.startswith("step.")}
    assert all(not m.params for m in messages)


def test_progress_alone_still_gets_the_english_steps(tmp_path: Path) -> None:
    steps: list[str] = []
    spec = AuditSpec(target="label", prediction="prediction", protected=["sex"])
    run_audit(_data(tmp_path), spec, progress=steps.append)
    assert steps == [s for s in STEPS if s not in {"computing AUC per group", "measuring drift"}]


WARNINGS: list[tuple[dict[str, object], str, str]] = [
    (
        {"target": "label", "positive_label": 1, "prediction": "pred3"},
        "warning.target_many_values_other_negative",
        'Target "label" has many values; "1" is treated as positive and every other value '
        "as negative.",
    ),
    (
        {"target": "label3", "positive_label": 1},
        "warning.target_values_other_negative",
        'Target "label3" has 3 values; "1" is treated as positive and every other value as '
        "negative.",
    ),
    (
        {"target": "one"},
        "warning.target_one_value",
        'Target "one" has only one value (0); rates are one-sided.',
    ),
    (
        {"target": "label3", "positive_label": 1, "prediction": "pred3"},
        "warning.prediction_values_other_negative",
        'Prediction "pred3" has more than two values; "1" is treated as positive and every '
        "other value as negative.",
    ),
    (
        {"target": "label3", "positive_label": 1, "score": "score"},
        "warning.scores_not_probabilities",
        'Scores in "score" lie outside 0..1, so Brier score and calibration are left out; '
        "AUC only needs their order.",
    ),
    (
        {"target": "one"},
        "warning.too_many_groups_to_test",
        "office has 101 groups: its disparities are shown without significance tests (more "
        "than 100 groups).",
    ),
]


@pytest.mark.parametrize(("spec", "key", "english"), WARNINGS)
def test_every_warning_has_a_key_and_keeps_its_english(
    spec: dict[str, object], key: str, english: str
) -> None:
    if spec.get("prediction") == "pred3":
        spec = {**spec, "prediction_positive_label": 1}
    warnings, messages = _warnings_of(**spec)
    assert english in warnings
    # One message per warning, in the same order, rendering to exactly the same English.
    assert [m.english() for m in messages] == warnings
    assert key in {m.key for m in messages}


def test_every_warning_key_is_tested_and_numbers_stay_numbers() -> None:
    warning_keys = {key for key in MESSAGES if key.startswith("warning.")}
    assert {key for _, key, _ in WARNINGS} == warning_keys
    _, messages = _warnings_of(target="label3", positive_label=1)
    counted = next(m for m in messages if m.key == "warning.target_values_other_negative")
    assert counted.params["count"] == 3  # a number, so that a translation can choose its plural
    assert placeholders(MESSAGES[counted.key]) == set(counted.params)


def test_scores_outside_0_1_get_no_brier_score_as_the_warning_says() -> None:
    given = {
        "target": "label3",
        "positive_label": 1,
        "score": "score",
        "prediction": "prediction",
        "protected": ["office"],
        "k": 2,
    }
    result = run_audit(_many_values(), AuditSpec.model_validate(given))

    assert any("Brier score and calibration are left out" in w for w in result.warnings)
    groups = [g for grouping in result.groupings for g in grouping.groups]
    assert groups and result.overall is not None
    assert result.overall.brier is None and all(g.brier is None for g in groups)


def test_a_warning_about_the_target_is_given_once() -> None:
    warnings, _ = _warnings_of(target="label3", positive_label=1)
    assert len(warnings) == len(set(warnings))
