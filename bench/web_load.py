"""Web load benchmark: p50/p95 of the inventory and assessment pages at 32 concurrent users.

Goal (issue: web application): p95 < 150 ms with 0 errors, on PostgreSQL, on this 2-core machine.
The benchmark makes a fresh PostgreSQL database with the demo data, starts gunicorn on loopback as in
production (several worker processes), logs 32 users in (each with their own session) and lets
them work for a fixed time: each user requests a page, reads it for a random 0.5-1.5 s (the "think
time" of a person; `--think 0` makes it a stress test with no pause) and requests the next. The load
generator runs on the same two cores as the server, so the figures are a conservative bound.

Run: `make bench` or `.venv/bin/python bench/web_load.py [--users 32] [--seconds 20] [--workers 4]`.
Needs PostgreSQL on 127.0.0.1:5432 (trust auth for user postgres), as in CI.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

POSTGRES = "postgres://postgres@127.0.0.1:5432/{name}"
GOAL_P95_MS = 150.0


@dataclass
class Timings:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, page: str, seconds: float, ok: bool) -> None:
        with self.lock:
            self.latencies.setdefault(page, []).append(seconds * 1000)
            if not ok:
                self.errors[page] = self.errors.get(page, 0) + 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fresh_database(name: str) -> str:
    import psycopg

    with psycopg.connect(POSTGRES.format(name="postgres"), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return POSTGRES.format(name=name)


def _tillid(env: dict[str, str], *args: str) -> None:
    tillid = Path(sys.executable).with_name("tillid")
    subprocess.run([str(tillid), *args], env=env, check=True, stdout=subprocess.DEVNULL)


def _wait_for(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not start on port {port}")


class Browser:
    """One user: a keep-alive connection and a session cookie."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, body: str | None = None
    ) -> tuple[int, str, dict[str, str]]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        except (http.client.HTTPException, OSError):
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            raise
        text = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, text, dict(response.getheaders())

    def log_in(self, username: str, password: str) -> None:
        _status, page, _headers = self.request("GET", "/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, "no CSRF token on the login page"
        form = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token.group(1), "username": username, "password": password}
        )
        status, _page, _headers = self.request("POST", "/login/", form)
        if status != 302:
            raise SystemExit(f"log in as {username} failed: HTTP {status}")


def _pages(browser: Browser) -> dict[str, str]:
    """The URLs of one system's assessment, found by following links as a person would."""
    _s, inventory, _h = browser.request("GET", "/o/havbjerg/")
    # The demo's largest assessment: fraud-risk scoring, high-risk, with every pack answered.
    system = re.findall(r'href="(/o/havbjerg/systems/\d+/)">Risikoscoring', inventory)[0]
    _s, detail, _h = browser.request("GET", system)
    assessment = re.findall(r'href="(/o/havbjerg/assessments/\d+/)"', detail)[0]
    _s, overview, _h = browser.request("GET", assessment)
    section = re.findall(r'href="(/o/havbjerg/assessments/\d+/questions/[^"/]+/)"', overview)[0]
    return {
        "inventory": "/o/havbjerg/",
        "inventory, filtered": "/o/havbjerg/?risk=high_risk&sort=measures",
        "assessment section": section,
        "assessment result": assessment + "result/",
    }


def _user(
    browser: Browser, pages: dict[str, str], stop: threading.Event, timings: Timings, think: float
) -> None:
    names = list(pages)
    pause = random.Random(id(browser))
    i = 0
    while not stop.is_set():
        if think:
            stop.wait(pause.uniform(0.5 * think, 1.5 * think))
        name = names[i % len(names)]
        i += 1
        started = time.perf_counter()
        try:
            status, _page, _h = browser.request("GET", pages[name])
            ok = status == 200
        except (http.client.HTTPException, OSError):
            ok = False
        timings.add(name, time.perf_counter() - started, ok)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument(
        "--think", type=float, default=1.0, help="mean seconds a user reads a page (0: none)"
    )
    args = parser.parse_args()

    data_dir = tempfile.mkdtemp(prefix="tillid-bench-")
    env = {
        **os.environ,
        "DATABASE_URL": _fresh_database("tillid_bench"),
        "TILLID_DATA_DIR": data_dir,
        "TILLID_SECRET_KEY": "bench-only",
    }
    _tillid(env, "demo")
    port = _free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [
            str(gunicorn),
            "tillid.web.wsgi",
            "--workers",
            str(args.workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env=env,
    )
    try:
        _wait_for(port)
        pages = _pages(_logged_in(port))
        # Log every user in before the clock starts: a password check costs on purpose (PBKDF2).
        browsers = [_logged_in(port) for _ in range(args.users)]
        for browser in browsers[: args.workers * 3]:  # warm each worker (packs, templates)
            for path in pages.values():
                browser.request("GET", path)
        timings = Timings()
        stop = threading.Event()
        users = [
            threading.Thread(
                target=_user, args=(browser, pages, stop, timings, args.think), daemon=True
            )
            for browser in browsers
        ]
        for user in users:
            user.start()
        time.sleep(args.seconds)
        stop.set()
        for user in users:
            user.join(timeout=35)
    finally:
        server.terminate()
        server.wait(timeout=30)
    _report(args, timings)


def _logged_in(port: int) -> Browser:
    browser = Browser(port)
    browser.log_in("jurist", "tillid-demo")
    return browser


def _report(args: argparse.Namespace, timings: Timings) -> None:
    print(
        f"\nWeb load: {args.users} concurrent users for {args.seconds:.0f} s, gunicorn with "
        f"{args.workers} workers, PostgreSQL, demo data, think time {args.think:g} s "
        "(0.5-1.5x); generator on the same 2 cores"
    )
    print(
        f"{'page':24} {'requests':>9} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'goal p95':>9} {'errors':>7}"
    )
    every: list[float] = []
    errors = 0
    for page, values in timings.latencies.items():
        every += values
        errors += timings.errors.get(page, 0)
        p95 = _percentile(values, 0.95)
        print(
            f"{page:24} {len(values):9d} {len(values) / args.seconds:7.1f} "
            f"{statistics.median(values):8.1f} {p95:8.1f} {'< ' + str(int(GOAL_P95_MS)):>9} "
            f"{timings.errors.get(page, 0):7d}"
        )
    p95 = _percentile(every, 0.95)
    verdict = "meets" if p95 < GOAL_P95_MS and not errors else "misses"
    print(
        f"{'all pages':24} {len(every):9d} {len(every) / args.seconds:7.1f} "
        f"{statistics.median(every):8.1f} {p95:8.1f} {'< ' + str(int(GOAL_P95_MS)):>9} {errors:7d}"
        f"   -> {verdict} the goal"
    )


if __name__ == "__main__":
    main()
