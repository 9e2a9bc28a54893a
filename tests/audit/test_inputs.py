"""Every way to hand over data and spec gives the same audit; bad input gets an actionable message."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

from tillid.audit import (
    AuditDataError,
    AuditSourceError,
    AuditSpec,
    AuditSpecError,
    run_audit,
)

SPEC = AuditSpec(
    target="label", prediction="prediction", protected=["sex", "race"], checks=["performance"]
)


def _fingerprint(result) -> list[tuple[str, int, int, int, int]]:
    return [
        (g.label, g.counts.tp, g.counts.fp, g.counts.tn, g.counts.fn)
        for grouping in result.groupings
        for g in grouping.groups
    ]


@pytest.fixture(scope="module")
def expected(decisions: pd.DataFrame) -> list[tuple[str, int, int, int, int]]:
    return _fingerprint(run_audit(decisions, SPEC))


@pytest.mark.parametrize("kind", ["csv", "parquet", "xlsx", "tsv"])
def test_files_give_the_same_audit_as_the_table(tmp_path, decisions, expected, kind) -> None:
    path = tmp_path / f"decisions.{kind}"
    if kind == "csv":
        decisions.to_csv(path, index=False)
    elif kind == "tsv":
        decisions.to_csv(path, index=False, sep="\t")
    elif kind == "parquet":
        decisions.to_parquet(path)
    else:
        decisions.head(2000).to_excel(path, index=False)
        expected = _fingerprint(run_audit(decisions.head(2000), SPEC))
    result = run_audit(path, SPEC)
    assert _fingerprint(result) == expected
    assert result.source == path.name


@pytest.mark.parametrize("kind", ["polars", "polars-lazy", "arrow"])
def test_in_memory_tables_give_the_same_audit(decisions, expected, kind) -> None:
    table = {
        "polars": lambda: pl.from_pandas(decisions),
        "polars-lazy": lambda: pl.from_pandas(decisions).lazy(),
        "arrow": lambda: pa.Table.from_pandas(decisions),
    }[kind]()
    assert _fingerprint(run_audit(table, SPEC)) == expected


def test_spec_from_yaml(tmp_path, decisions) -> None:
    spec_file = tmp_path / "audit.yaml"
    spec_file.write_text(
        "target: label\nprediction: prediction\nscore: score\nprotected: [sex, age_group]\n"
        "k: 20\ncorrection: bh\ncolumns:\n  income: {type: number, min: 0}\n",
        encoding="utf-8",
    )
    spec = AuditSpec.from_yaml(spec_file)
    assert spec.k == 20 and spec.correction == "bh" and spec.columns["income"].min == 0
    result = run_audit(decisions, spec)
    assert result.k == 20
    assert result.spec == spec


def test_result_round_trips_through_json_and_has_a_schema(decisions) -> None:
    from tillid.audit import AuditResult

    result = run_audit(
        decisions,
        AuditSpec(target="label", prediction="prediction", score="score", protected=["sex"]),
    )
    again = AuditResult.model_validate_json(result.to_json())
    assert again == result
    schema = AuditResult.json_schema()
    counts = schema["$defs"]["ConfusionCounts"]["properties"]
    assert set(counts) == {"n", "tp", "fp", "tn", "fn"}
    assert "| sex=F |" in result._repr_markdown_()


# --- bad input --------------------------------------------------------------------------


def test_missing_column_lists_the_real_ones(tmp_path) -> None:
    path = tmp_path / "data.csv"
    path.write_text("age,gender,outcome,prediction\n30,F,1,1\n", encoding="utf-8")
    spec = AuditSpec(target="outcome", prediction="prediction", protected=["sex"])
    with pytest.raises(AuditDataError) as error:
        run_audit(path, spec)
    assert str(error.value) == (
        'Column "sex" (given as protected attribute) not found in data.csv. '
        "Columns are: age, gender, outcome, prediction."
    )


def test_column_name_crafted_as_sql_injection_is_just_a_missing_column(tmp_path, decisions) -> None:
    path = tmp_path / "data.parquet"
    decisions.to_parquet(path)
    evil = 'sex" FROM x; DROP TABLE users; --'
    with pytest.raises(AuditDataError, match=r"not found in data.parquet"):
        run_audit(path, AuditSpec(target="label", prediction="prediction", protected=[evil]))


def test_column_named_like_sql_is_audited_safely(decisions) -> None:
    evil = "sex'); DROP TABLE t; --"
    frame = decisions.rename(columns={"sex": evil})
    result = run_audit(
        frame,
        AuditSpec(
            target="label", prediction="prediction", protected=[evil], checks=["performance"]
        ),
    )
    assert {g.group[evil] for g in result.grouping(evil).groups} == {"F", "M"}


def test_empty_file(tmp_path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(AuditDataError, match=r"empty.csv is empty"):
        run_audit(path, SPEC)


def test_header_only_file_has_no_rows(tmp_path) -> None:
    path = tmp_path / "header.csv"
    path.write_text("label,prediction,sex,race\n", encoding="utf-8")
    with pytest.raises(AuditDataError, match=r"header.csv has no rows"):
        run_audit(path, SPEC)


def test_non_utf8_csv_says_how_to_fix_and_reads_with_encoding(tmp_path) -> None:
    path = tmp_path / "latin.csv"
    lines = ["label,prediction,sex,race"] + [f"{i % 2},{(i // 2) % 2},Kvinde,Ø" for i in range(40)]
    path.write_bytes("\n".join(lines).encode("latin-1"))
    with pytest.raises(AuditSourceError, match=r"not UTF-8.*--encoding latin-1"):
        run_audit(path, SPEC)
    result = run_audit(path, SPEC, encoding="latin-1")
    assert result.grouping("race").groups[0].group["race"] == "Ø"


def test_missing_file_and_unknown_type(tmp_path) -> None:
    with pytest.raises(AuditSourceError, match="does not exist"):
        run_audit(tmp_path / "nope.csv", SPEC)
    (tmp_path / "data.json").write_text("{}", encoding="utf-8")
    with pytest.raises(AuditSourceError, match="file type must be one of"):
        run_audit(tmp_path / "data.json", SPEC)


def test_non_binary_target_without_positive_label(decisions) -> None:
    frame = decisions.assign(label=decisions["label"] + decisions["prediction"])  # 0, 1, 2
    with pytest.raises(AuditDataError, match=r'"label" \(target\).*not binary.*0, 1, 2.*positive'):
        run_audit(frame, SPEC)


def test_non_binary_target_with_positive_label_is_binarised_with_a_warning(decisions) -> None:
    frame = decisions.assign(label=decisions["label"] * 2 + decisions["prediction"])  # 0..3
    frame["prediction"] = frame["prediction"] * 3
    spec = SPEC.model_copy(update={"positive_label": 3})
    result = run_audit(frame, spec)
    assert any("treated as positive" in w for w in result.warnings)


def test_text_labels_need_a_positive_label(decisions) -> None:
    frame = decisions.assign(
        label=decisions["label"].map({1: "approved", 0: "rejected"}),
        prediction=decisions["prediction"].map({1: "approved", 0: "rejected"}),
    )
    with pytest.raises(AuditDataError, match="say which one is the positive outcome"):
        run_audit(frame, SPEC)
    result = run_audit(frame, SPEC.model_copy(update={"positive_label": "approved"}))
    assert result.positive_label == "approved"


def test_positive_label_that_never_occurs(decisions) -> None:
    with pytest.raises(AuditDataError, match=r'"7" never occurs.*Its values are: 0, 1'):
        run_audit(decisions, SPEC.model_copy(update={"positive_label": "7"}))


def test_prediction_with_values_unknown_to_the_target(decisions) -> None:
    frame = decisions.assign(prediction=decisions["prediction"].map({1: "Y", 0: "N"}))
    with pytest.raises(AuditDataError, match="prediction-positive-label"):
        run_audit(frame, SPEC)
    spec = SPEC.model_copy(update={"prediction_positive_label": "Y"})
    assert run_audit(frame, spec).overall.counts.n == len(frame)


def test_text_score_is_a_wrong_type(decisions) -> None:
    frame = decisions.assign(score=decisions["score"].astype(str))
    spec = SPEC.model_copy(update={"score": "score"})
    with pytest.raises(AuditDataError, match=r'"score" \(score\) must hold numbers.*text'):
        run_audit(frame, spec)


def test_negative_weights(decisions) -> None:
    frame = decisions.assign(w=-1.0)
    with pytest.raises(AuditDataError, match="negative weights"):
        run_audit(frame, SPEC.model_copy(update={"weights": "w"}))


def test_target_entirely_missing(decisions) -> None:
    frame = decisions.assign(label=pd.Series([None] * len(decisions), dtype="float64"))
    with pytest.raises(AuditDataError, match="every value is missing"):
        run_audit(frame, SPEC)


def test_bad_specs_are_explained(tmp_path) -> None:
    with pytest.raises(AuditSpecError, match="protected: is required"):
        AuditSpec.from_dict({"target": "y", "prediction": "p"})
    with pytest.raises(AuditSpecError, match="protectd: is not a known setting"):
        AuditSpec.from_dict({"target": "y", "prediction": "p", "protected": ["a"], "protectd": 1})
    with pytest.raises(AuditSpecError, match="both a protected attribute and the target"):
        AuditSpec.from_dict({"target": "y", "prediction": "p", "protected": ["y"]})
    bad_yaml = tmp_path / "spec.yaml"
    bad_yaml.write_text("target: [unclosed\n", encoding="utf-8")
    with pytest.raises(AuditSpecError, match="not valid YAML"):
        AuditSpec.from_yaml(bad_yaml)
    with pytest.raises(AuditSpecError, match="does not exist"):
        AuditSpec.from_yaml(Path(tmp_path / "missing.yaml"))


def test_unreachable_database_names_it_without_the_password() -> None:
    url = "postgresql://auditor:s3cret@127.0.0.1:1/warehouse"
    with pytest.raises(AuditSourceError) as error:
        run_audit(url, SPEC, table="decisions")
    message = str(error.value)
    assert (
        "Could not connect to the database postgresql://auditor:***@127.0.0.1:1/warehouse"
        in message
    )
    assert "s3cret" not in message


def test_database_needs_a_table_or_a_query() -> None:
    with pytest.raises(AuditSourceError, match="exactly one of a table name"):
        run_audit("postgresql://postgres@127.0.0.1:5432/test", SPEC)


def test_fewer_rows_than_k(decisions) -> None:
    with pytest.raises(AuditDataError, match="Only 5 rows"):
        run_audit(decisions.head(5), SPEC)
