"""How fast the dashboard's Leaderboards page answers, in Chromium as a user sees it.

    .venv/bin/leaderboard ingest seed --db sqlite:////tmp/seed.db
    .venv/bin/python benchmarks/bench_dashboard.py --db sqlite:////tmp/seed.db

Starts `leaderboard dashboard` on the database (a fresh server: nothing cached, nothing
imported), opens the first page in Debian's Chromium (/usr/bin/chromium, through Playwright)
and times it until Streamlit has finished the script run and drawn every element: that is
the cold first page. Then, in the same session, it picks each of the --benchmarks biggest
other benchmarks by URL-bound widget and times each change until the page is idle again
(--runs rounds; the first round reads the database, later ones the 30 s cache). Figures
are medians; the load average is printed beside them, since the machine is shared.

For a big database (about 1,000,000 claims):

    .venv/bin/python benchmarks/make_corpus.py --papers 500000 --claims-weight 100 -o /tmp/corpus.jsonl
    .venv/bin/leaderboard ingest /tmp/corpus.jsonl --jobs 2 --db sqlite:////tmp/dash-1m.db
    .venv/bin/python benchmarks/bench_dashboard.py --db sqlite:////tmp/dash-1m.db
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from leaderboard.db import make_engine  # noqa: E402
from leaderboard.queries import pickers  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
# Keep in sync with tests/browser/test_dashboard_browser.py (IDLE_JS).
IDLE_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return app !== null && app.getAttribute('data-test-script-state') === 'notRunning'
    && document.querySelector('[data-testid="stSkeleton"], [data-stale="true"]') === null
    && document.querySelector('[data-testid="stDataFrame"]') !== null;
}"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db_url: str, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "leaderboard", "dashboard", "--db", db_url, "--port", str(port)]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as answer:
                if answer.read().strip() == b"ok":
                    return process
        except OSError:
            time.sleep(0.2)
    os.killpg(process.pid, signal.SIGTERM)
    raise SystemExit("the dashboard did not start within 120 s")


def pick_benchmark(page, name: str) -> float:
    """Choose a benchmark in the picker; seconds from the click on the option to an idle page."""
    box = page.locator('[data-testid="stSelectbox"]').filter(
        has=page.get_by_text("Benchmark (type to search)")
    )
    box.locator("input").click()
    page.keyboard.type(name)
    option = page.get_by_role("option").filter(has_text=name).first
    started = time.perf_counter()
    option.click()
    # The caption names the benchmark the table is for ("... ranked scores on NAME").
    page.locator('[data-testid="stCaptionContainer"]').filter(has_text=f" on {name}").first.wait_for(
        timeout=60_000
    )
    page.wait_for_function(IDLE_JS, timeout=60_000)
    return time.perf_counter() - started


def main() -> None:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--db", required=True, help="database URL")
    parser.add_argument("--benchmarks", type=int, default=3, help="how many other benchmarks to switch to")
    parser.add_argument("--runs", type=int, default=3, help="rounds of switching (and cold starts)")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    engine = make_engine(args.db)
    with Session(engine) as session:
        listed = pickers.ranked_benchmarks(session)
    engine.dispose()
    names = [str(name) for name in listed["name"]]
    others = names[1 : 1 + args.benchmarks]
    print(f"database: {args.db}; {len(names)} benchmarks with boards")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

    cold, first_change, cached_change = [], [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(args.runs):
            port = free_port()
            server = start_server(args.db, port)
            try:
                page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
                started = time.perf_counter()
                page.goto(f"http://127.0.0.1:{port}/", wait_until="commit")
                page.wait_for_function(IDLE_JS, timeout=120_000)
                cold.append(time.perf_counter() - started)
                for rounds in (first_change, cached_change):
                    for name in [*others, names[0]]:
                        rounds.append(pick_benchmark(page, name))
                page.context.close()
            finally:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait()
        browser.close()
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("| measure | median (s) | max (s) | n |")
    print("|---|---:|---:|---:|")
    for label, times in (
        ("first page, cold server", cold),
        ("change of benchmark, first visit", first_change),
        ("change of benchmark, cached", cached_change),
    ):
        print(f"| {label} | {statistics.median(times):.2f} | {max(times):.2f} | {len(times)} |")


if __name__ == "__main__":
    main()
