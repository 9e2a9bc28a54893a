"""Backend tests skip on a laptop without the service, but fail under CI=true."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def _run_postgres_test(ci: bool) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["TILLID_TEST_POSTGRES"] = "postgresql://postgres@127.0.0.1:1/test"  # nothing listens
    if ci:
        env["CI"] = "true"
    command = [
        sys.executable,
        "-m",
        "pytest",
        str(HERE / "test_backends.py"),
        "-q",
        "-k",
        "postgres_missing_table",
        "-p",
        "no:cacheprovider",
        "-rs",
    ]
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


def test_missing_service_skips_with_instructions_on_a_laptop() -> None:
    done = _run_postgres_test(ci=False)
    assert done.returncode == 0, done.stdout
    assert "1 skipped" in done.stdout and "To run these tests start PostgreSQL" in done.stdout


def test_missing_service_fails_under_ci() -> None:
    done = _run_postgres_test(ci=True)
    assert done.returncode != 0
    assert "CI=true: backend tests must run, not skip" in done.stdout
