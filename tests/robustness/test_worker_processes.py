"""A killed `ingest --jobs 2` leaves no worker process behind, and its output pipes close."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from pathlib import Path

import pytest
from robust_support import start_cli, write_corpus

pytestmark = [
    pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc"),
    pytest.mark.slow,
]

DEADLINE = 60.0


def children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):  # the task ended meanwhile
            found.update(int(child) for child in (task / "children").read_text().split())
    return found


def alive(pid: int) -> bool:
    """Running, as opposed to gone or a zombie waiting to be reaped by whoever adopted it."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    state = next(line for line in status.splitlines() if line.startswith("State:"))
    return " Z " not in f"{state} " and "(zombie)" not in state


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + DEADLINE
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"still waiting, after {DEADLINE:.0f} s, for {what}")
        time.sleep(0.05)


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_workers_die_with_a_killed_ingest(db_url, tmp_path, signum):
    corpus = write_corpus(tmp_path / "corpus", files=1, per_file=4000)
    process = start_cli("ingest", str(corpus[0]), "--db", db_url, "--jobs", "2", "--commit-every", "500")
    workers: set[int] = set()
    try:
        wait_for(lambda: len(children(process.pid)) >= 2 or process.poll() is not None, "two workers")
        workers = children(process.pid)
        assert process.poll() is None and len(workers) == 2, "the ingest ended before it could be killed"
        process.send_signal(signum)
        # The workers held the ingest's stdout and stderr: those reach their end only when all are gone.
        process.communicate(timeout=DEADLINE)
        wait_for(lambda: not any(alive(pid) for pid in workers), "the workers to end")
    finally:
        process.kill()
        for pid in workers | children(process.pid):  # left behind by a failure: not by the next test
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    assert process.returncode == -signum
