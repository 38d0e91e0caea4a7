"""Real-browser fixtures: `leaderboard dashboard` started as a user would, and Debian's Chromium.

Playwright cannot download browsers here, so it drives /usr/bin/chromium.
Without it the tests skip, unless LEADERBOARD_TEST_BROWSER=1 (CI) turns the
skip into a failure. Screenshots go to $LEADERBOARD_SCREENSHOTS, else a
fixed folder under the temp dir, printed at the end of the run.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(
    os.environ.get("LEADERBOARD_SCREENSHOTS") or Path(tempfile.gettempdir()) / "leaderboard-screenshots"
)
STARTUP_SECONDS = 90


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter):
    if SCREENSHOTS.is_dir() and any(SCREENSHOTS.glob("*.png")):
        terminalreporter.write_line(f"dashboard screenshots: {SCREENSHOTS}")


def _require_chromium() -> None:
    if CHROMIUM.is_file():
        return
    message = f"{CHROMIUM} not found (apt-get install chromium)"
    if os.environ.get("LEADERBOARD_TEST_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    print(f"\ndashboard screenshots: {SCREENSHOTS}")
    return SCREENSHOTS


@pytest.fixture(scope="module")
def browser():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    url: str
    db_url: str
    log: Path


@pytest.fixture(scope="module")
def start_dashboard(tmp_path_factory) -> Iterator:
    """Start `leaderboard dashboard --db URL --port N` (extra env allowed); stopped after the module."""
    started: list[subprocess.Popen] = []

    def start(db_url: str, env: dict[str, str] | None = None) -> Server:
        _require_chromium()
        port = _free_port()
        log = tmp_path_factory.mktemp("server") / "dashboard.log"
        command = [sys.executable, "-m", "leaderboard", "dashboard", "--db", db_url, "--port", str(port)]
        process = subprocess.Popen(
            command,
            env={**os.environ, **(env or {})},
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so teardown stops exactly it
        )
        started.append(process)
        url = f"http://127.0.0.1:{port}"
        _wait_until_healthy(process, url, log)
        return Server(url=url, db_url=db_url, log=log)

    yield start
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=3)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def _wait_until_healthy(process: subprocess.Popen, url: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"dashboard exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"dashboard did not answer within {STARTUP_SECONDS}s:\n{log.read_text()}")
