"""SIGKILL `leaderboard ingest` at random moments; after a re-run, is the database what an uninterrupted run
writes, and is no process left behind?

    .venv/bin/python benchmarks/sigkill_loop.py --runs 20 \\
        --pg-url postgresql+psycopg://postgres@127.0.0.1:5432/test

Runs cycle through SQLite and PostgreSQL, each with and without `--jobs 2`
(`--pg-url` absent: SQLite only). Every run ingests the same generated corpus
(real seed abstracts, so real claims; a few files, one of them committed in
chunks) into a fresh database (a SQLite file, or a PostgreSQL schema of its
own), is killed with SIGKILL at a moment drawn uniformly from 90% of the length of an
uninterrupted run (start-up and migration included; drawn again, from the
shorter time, when the ingest ended first), then re-run to the end.
A run passes when the kill landed while the ingest ran, and:
- the ingest's stdout and stderr reach their end (nothing else holds them) and
  every process it started is gone;
- after the re-run, every table equals the uninterrupted run's, timestamps and
  autoincrement ids aside (`tests/robust_support.canonical_dump`).
Prints one line per run and a summary; exit code 1 unless every run passed.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from robust_support import canonical_dump, write_corpus  # noqa: E402 - one copy, shared with the tests

DEADLINE = 120.0
FILES, PER_FILE, COMMIT_EVERY = 4, 300, "100"
# Draws per run before giving up on landing a kill inside the ingest.
MAX_ATTEMPTS = 5


def ingest_command(corpus: Path, url: str, jobs: int) -> list[str]:
    command = [sys.executable, "-m", "leaderboard", "ingest", str(corpus), "--db", url]
    return command + ["--commit-every", COMMIT_EVERY] + (["--jobs", str(jobs)] if jobs > 1 else [])


def run_to_end(corpus: Path, url: str, jobs: int) -> float:
    started = time.monotonic()
    done = subprocess.run(ingest_command(corpus, url, jobs), capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"error: an uninterrupted ingest failed: {done.stderr.strip()}")
    return time.monotonic() - started


def descendants(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            for child in (task / "children").read_text().split():
                found |= {int(child)} | descendants(int(child))
    return found


def alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "(zombie)" not in next(line for line in status.splitlines() if line.startswith("State:"))


def kill_at(corpus: Path, url: str, jobs: int, moment: float) -> tuple[bool, int, float]:
    """Start an ingest, SIGKILL it `moment` seconds in; returns (killed before it ended, processes
    left, seconds it ran)."""
    process = subprocess.Popen(
        ingest_command(corpus, url, jobs), stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT
    )
    started, seen = time.monotonic(), set()
    while time.monotonic() - started < moment and process.poll() is None:
        seen |= descendants(process.pid)
        time.sleep(0.01)
    seen |= descendants(process.pid)
    elapsed = time.monotonic() - started
    killed = process.poll() is None
    process.kill()
    try:
        process.communicate(timeout=DEADLINE)  # ends only when no process holds the pipes
    except subprocess.TimeoutExpired:
        seen.add(process.pid)  # counted as left behind: something kept its output open
    deadline = time.monotonic() + DEADLINE
    while any(alive(pid) for pid in seen) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in seen if alive(pid)]
    for pid in left:  # not to disturb the next run
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return killed, len(left), elapsed


@contextlib.contextmanager
def fresh_database(backend: str, folder: Path, pg_url: str | None) -> Iterator[str]:
    if backend == "sqlite":
        path = folder / f"{uuid.uuid4().hex}.db"
        yield f"sqlite:///{path}"
        path.unlink(missing_ok=True)
        return
    admin = create_engine(pg_url, poolclass=NullPool)
    schema = f"sigkill_{uuid.uuid4().hex}"  # generated here, never input
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield (
            make_url(pg_url)
            .update_query_dict({"options": f"-csearch_path={schema}"})
            .render_as_string(hide_password=False)
        )
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--pg-url", default=os.environ.get("LEADERBOARD_TEST_PG_URL"))
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    draw = random.Random(args.seed)
    configs = [(b, j) for b in ("sqlite", "postgresql") if b == "sqlite" or args.pg_url for j in (1, 2)]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus"
        write_corpus(corpus, FILES - 1, PER_FILE)
        write_corpus(corpus / "big", 1, PER_FILE * 3, first=FILES * PER_FILE)  # committed in chunks
        references, durations = {}, {}
        for backend, jobs in configs:
            with fresh_database(backend, folder, args.pg_url) as url:
                durations[backend, jobs] = run_to_end(corpus, url, jobs)
                references.setdefault(backend, canonical_dump(url))
        passed = 0
        for run in range(args.runs):
            backend, jobs = configs[run % len(configs)]
            for attempt in range(1, MAX_ATTEMPTS + 1):
                # Mostly before it ends; an ingest that ended first was no kill: drawn again, sooner.
                moment = draw.uniform(0, 0.9 * durations[backend, jobs])
                with fresh_database(backend, folder, args.pg_url) as url:
                    killed, left, elapsed = kill_at(corpus, url, jobs, moment)
                    if killed or attempt == MAX_ATTEMPTS:
                        run_to_end(corpus, url, jobs)
                        equal = canonical_dump(url) == references[backend]
                        break
                durations[backend, jobs] = min(durations[backend, jobs], elapsed)
            ok = killed and equal and left == 0
            passed += ok
            print(
                f"run {run + 1:2}: {backend:10} jobs={jobs} killed at {moment:5.2f} s of "
                f"{durations[backend, jobs]:5.2f}{'' if killed else ' (had ended: no kill)'}"
                f"{f' (attempt {attempt})' if attempt > 1 else ''}: "
                f"{'equal' if equal else 'DIFFERENT'} after re-run, {left} processes left"
            )
    print(f"{passed}/{args.runs} runs equal to an uninterrupted run with no process left behind")
    return 0 if passed == args.runs else 1


if __name__ == "__main__":
    sys.exit(main())
