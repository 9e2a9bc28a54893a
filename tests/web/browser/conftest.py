"""A real browser against the real app: Debian's Chromium driven by Playwright for Python.

The app runs as `tillid serve --demo` in a subprocess on a free loopback port, with its own data
folder (SQLite) holding the demo data. Why a subprocess and not pytest-django's `live_server`:
- it is the program users start, with the production settings (throttling, WhiteNoise serving the
  DKFDS files, no debug pages) rather than the test settings; only password hashing is made cheap
  (server_settings.py);
- Playwright's sync API runs an asyncio loop in the test thread, and Django refuses ORM calls from
  such a thread; with the server in its own process the tests never touch the ORM;
- the demo data is loaded once per session (about 4 s) instead of once per test, as `live_server`
  with `transactional_db` would need. Tests stay independent by registering their own systems.

On a laptop without Chromium the tests skip and say how to enable them; under CI=true a missing
Chromium fails, so CI can never pass by skipping. Never `playwright install`: no browser downloads.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("TILLID_TEST_CHROMIUM", "/usr/bin/chromium")
SERVER_START_SECONDS = 90
ROOT = Path(__file__).resolve().parents[3]
PORT_TAKEN = "That port is already in use"  # Django's runserver, when the free port was taken


def unavailable(reason: str) -> None:
    """Skip on a laptop; fail under CI=true."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: browser tests must run, not skip)")
    pytest.skip(reason)


def find_chromium(path: str = CHROMIUM) -> str:
    """The Chromium to drive; skips (laptop) or fails (CI=true) with instructions when missing."""
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        unavailable(
            f"Chromium not found at {path}. To run the browser tests install Debian's "
            "Chromium (apt-get install chromium chromium-driver) or set TILLID_TEST_CHROMIUM to "
            "a Chromium binary; do not run `playwright install`."
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        unavailable("Playwright not installed: pip install -e '.[dev]' to run the browser tests.")
    return path


@pytest.fixture(scope="session")
def chromium_path() -> str:
    return find_chromium()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _tillid_command() -> list[str]:
    script = Path(sys.executable).with_name("tillid")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from tillid.cli.main import app; app()"]


def _start_server(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as output:
        return subprocess.Popen(
            [*_tillid_command(), "serve", "--demo", "--host", "127.0.0.1", "--port", str(port)],
            stdout=output,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=ROOT,
        )


def _wait_until_serving(url: str, process: subprocess.Popen[bytes], log: Path) -> bool:
    """True once the server answers; False if another program took its port in the meantime."""
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            if PORT_TAKEN in log.read_text():
                return False
            pytest.fail(f"`tillid serve` stopped (exit {process.returncode}):\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url + "/login/", timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.2)
    pytest.fail(
        f"`tillid serve` did not answer within {SERVER_START_SECONDS} s:\n{log.read_text()}"
    )


@pytest.fixture(scope="session")
def live_url(
    chromium_path: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[str]:
    """The address of a running tillid with the demo data, e.g. http://127.0.0.1:40123."""
    data_dir = tmp_path_factory.mktemp("tillid-browser")
    # The production settings and a SQLite file of its own; the database backends are covered by
    # the Django test-client suite.
    env = {
        **os.environ,
        "TILLID_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "tests.web.browser.server_settings",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    for name in ("DATABASE_URL", "TILLID_DEBUG"):
        env.pop(name, None)
    log = data_dir / "server.log"
    process = None
    try:
        for attempt in range(3):
            port = _free_port()
            process = _start_server(env, port, log)
            url = f"http://127.0.0.1:{port}"
            if attempt == 0:
                # The packs take seconds to load, in the server and in the tests (builtin_kb):
                # in parallel.
                request.getfixturevalue("builtin_kb")
            if _wait_until_serving(url, process, log):
                break
        else:
            pytest.fail(f"No free port for `tillid serve` in three tries:\n{log.read_text()}")
        yield url
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    errors = [line for line in log.read_text().splitlines() if "Traceback" in line]
    assert not errors, f"The server logged errors during the browser tests:\n{log.read_text()}"


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path,
            args=["--no-sandbox", "--disable-background-networking"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, live_url: str) -> Iterator[Any]:
    """A fresh browser tab with no cookies (nobody logged in, default language)."""
    context = browser.new_context(
        base_url=live_url,
        locale="da-DK",
        viewport={"width": 1280, "height": 900},
        accept_downloads=True,
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
    tab.on(
        "response",
        lambda response: (
            problems.append(f"{response.status} from {response.url}")
            if response.status >= 500
            else None
        ),
    )
    yield tab
    context.close()
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="session")
def shots_dir() -> Path:
    """Where full-page screenshots go, to be looked at by a person (not compared by a test)."""
    folder = Path(os.environ.get("TILLID_SHOTS", "/tmp/tillid-shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
