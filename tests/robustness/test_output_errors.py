"""Output that cannot be written (a full disk) is one error line naming it, never a traceback."""

from __future__ import annotations

import os
import subprocess

import pytest
from robust_support import ROOT, SEED_PAPERS, cli

pytestmark = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
FULL = "No space left on device"


def run(*args: str, stdout_to_full: bool = False) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "LEADERBOARD_DB"}
    with open("/dev/full", "w") if stdout_to_full else open(os.devnull, "w") as out:
        return subprocess.run(
            cli(*args), stdout=out, stderr=subprocess.PIPE, text=True, env=environment, cwd=ROOT, timeout=120
        )


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_extract_to_a_full_disk(fmt):
    result = run("extract", str(SEED_PAPERS), "--format", fmt, "-o", "/dev/full")
    assert (result.returncode, result.stderr) == (1, f"error: /dev/full: {FULL}\n")


def test_extract_to_a_full_stdout():
    result = run("extract", str(SEED_PAPERS), stdout_to_full=True)
    assert (result.returncode, result.stderr) == (1, f"error: standard output: {FULL}\n")


@pytest.fixture
def ingested(db_url: str) -> str:
    result = run("ingest", str(SEED_PAPERS), "--db", db_url)
    assert result.returncode == 0, result.stderr
    return db_url


def test_export_and_listing_to_a_full_disk(ingested):
    for fmt in ("csv", "parquet"):
        result = run("export", "--claims", "--format", fmt, "-o", "/dev/full", "--db", ingested)
        # pyarrow words it its own way ("Error writing bytes to file. Detail: [errno 28] ...").
        [line] = result.stderr.splitlines()
        assert (result.returncode, line.startswith("error: /dev/full: "), FULL in line) == (1, True, True)
    for command in (["export", "--claims"], ["benchmarks"]):
        result = run(*command, "--db", ingested, stdout_to_full=True)
        assert (result.returncode, result.stderr) == (1, f"error: standard output: {FULL}\n")


def test_a_closed_pipe_ends_quietly(ingested):
    process = subprocess.Popen(
        cli("export", "--claims", "--db", ingested), stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT
    )
    assert process.stdout is not None
    process.stdout.read(10)
    process.stdout.close()  # as `| head -c 10` does
    _, err = process.communicate(timeout=120)
    assert err == b""
