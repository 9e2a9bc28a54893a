"""The browser tests skip on a laptop without Chromium, but fail under CI=true."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent


def _start_keyboard_test_without_chromium(ci: bool) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["TILLID_TEST_CHROMIUM"] = "/nonexistent/chromium"
    if ci:
        env["CI"] = "true"
    command = [sys.executable, "-m", "pytest", str(HERE / "test_keyboard.py"), "-q", "-rs"]
    command += ["-p", "no:cacheprovider"]
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
    )


@pytest.fixture(scope="module")
def outputs() -> dict[str, tuple[int, str]]:
    """Both runs at once: each is mostly the start-up of pytest."""
    started = {
        "laptop": _start_keyboard_test_without_chromium(ci=False),
        "ci": _start_keyboard_test_without_chromium(ci=True),
    }
    done = {name: p.communicate(timeout=120)[0] for name, p in started.items()}
    return {name: (started[name].returncode, output) for name, output in done.items()}


def test_missing_chromium_skips_with_instructions_on_a_laptop(
    outputs: dict[str, tuple[int, str]],
) -> None:
    returncode, output = outputs["laptop"]
    assert returncode == 0, output
    assert "1 skipped" in output
    assert "apt-get install chromium chromium-driver" in output


def test_missing_chromium_fails_under_ci(outputs: dict[str, tuple[int, str]]) -> None:
    returncode, output = outputs["ci"]
    assert returncode != 0, output
    assert "CI=true: browser tests must run, not skip" in output
