"""The same audit runs unchanged on PostgreSQL and on Spark, and gives DuckDB's numbers.

Needs the services: PostgreSQL at 127.0.0.1:5432 (database `test`, user postgres) and Java for
PySpark local mode. Without them these tests skip (and fail under CI=true), see conftest.py.
"""

from __future__ import annotations

import uuid

import pandas as pd
import pytest

from tillid.audit import AuditResult, AuditSpec, DriftSpec, run_audit

SPEC = AuditSpec(
    target="label",
    prediction="prediction",
    score="score",
    protected=["sex", "race"],
    weights="weight",
    drift=DriftSpec(split_column="period", reference_value="2024", columns=["income", "sex"]),
)


@pytest.fixture(scope="module")
def frame(decisions_of) -> pd.DataFrame:
    data = decisions_of(3000, seed=21, weights=True)
    data["period"] = ["2024" if i % 3 else "2025" for i in range(len(data))]
    return data


@pytest.fixture(scope="module")
def on_duckdb(frame: pd.DataFrame) -> AuditResult:
    return run_audit(frame, SPEC)


def _assert_same_audit(found: AuditResult, expected: AuditResult) -> None:
    assert found.rows == expected.rows and found.rows_used == expected.rows_used
    assert [s.label for s in found.suppressed] == [s.label for s in expected.suppressed]
    for ours, theirs in zip(found.groupings, expected.groupings, strict=True):
        assert [g.label for g in ours.groups] == [g.label for g in theirs.groups]
        for a, b in zip(ours.groups, theirs.groups, strict=True):
            assert a.counts == b.counts
            for rate in ("accuracy", "precision", "tpr", "fpr", "selection_rate"):
                assert a.rate(rate).value == pytest.approx(b.rate(rate).value, abs=1e-9)
            assert a.auc == pytest.approx(b.auc, abs=1e-9)
            assert a.brier == pytest.approx(b.brier, abs=1e-9)
    for ours_f, theirs_f in zip(found.fairness, expected.fairness, strict=True):
        for a, b in zip(ours_f.disparities, theirs_f.disparities, strict=True):
            assert a.value == pytest.approx(b.value, abs=1e-9)
            assert a.flagged == b.flagged
    assert found.quality is not None and expected.quality is not None
    assert found.quality.duplicates == expected.quality.duplicates
    assert [c.missing for c in found.quality.columns] == [
        c.missing for c in expected.quality.columns
    ]
    assert found.drift is not None and expected.drift is not None
    for a, b in zip(found.drift.columns, expected.drift.columns, strict=True):
        assert a.psi == pytest.approx(b.psi, abs=1e-9)


@pytest.mark.postgres
def test_postgres_table_and_query_give_duckdbs_numbers(postgres_url, frame, on_duckdb) -> None:
    import psycopg

    table = f"tillid_audit_{uuid.uuid4().hex[:8]}"
    columns = ", ".join(
        f'"{name}" {"double precision" if kind.kind == "f" else "bigint" if kind.kind == "i" else "text"}'
        for name, kind in frame.dtypes.items()
    )
    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute(f'CREATE TABLE "{table}" ({columns})')
        with connection.cursor().copy(f'COPY "{table}" FROM STDIN') as copy:
            for row in frame.itertuples(index=False):
                copy.write_row(tuple(v.item() if hasattr(v, "item") else v for v in row))
    try:
        found = run_audit(postgres_url, SPEC, table=table)
        assert found.backend == "postgres"
        _assert_same_audit(found, on_duckdb)
        by_query = run_audit(postgres_url, SPEC, query=f'SELECT * FROM "{table}"')
        _assert_same_audit(by_query, on_duckdb)
    finally:
        with psycopg.connect(postgres_url, autocommit=True) as connection:
            connection.execute(f'DROP TABLE IF EXISTS "{table}" CASCADE')


@pytest.mark.postgres
def test_postgres_missing_table_is_explained(postgres_url) -> None:
    from tillid.audit import AuditSourceError

    with pytest.raises(AuditSourceError, match='Could not read table "no_such_table"'):
        run_audit(postgres_url, SPEC, table="no_such_table")


@pytest.mark.spark
def test_spark_dataframe_gives_duckdbs_numbers(spark, frame, on_duckdb) -> None:
    found = run_audit(spark.createDataFrame(frame), SPEC)
    assert found.backend == "pyspark"
    _assert_same_audit(found, on_duckdb)
