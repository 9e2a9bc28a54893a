"""The browser tests skip on a laptop without Chromium, but fail under CI=true."""

from __future__ import annotations

import pytest

from tests.web.browser.conftest import find_chromium


def test_missing_chromium_skips_with_instructions_on_a_laptop(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception) as skipped:
        find_chromium("/nonexistent/chromium")
    assert "apt-get install chromium chromium-driver" in str(skipped.value)


def test_missing_chromium_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception) as failed:
        find_chromium("/nonexistent/chromium")
    assert "CI=true: browser tests must run, not skip" in str(failed.value)


def test_chromium_that_is_there_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    assert find_chromium("/bin/sh") == "/bin/sh"  # any executable file passes the check
