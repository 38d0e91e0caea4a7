"""Output that cannot be written (a full disk) is one error line naming it, never a traceback."""

from __future__ import annotations

import os
import subprocess

import pytest
from robust_support import ROOT, SEED_PAPERS, cli

from leaderboard.cli import app

# Each case runs the CLI in a new process (the entry point is what catches a failed flush at exit).
pytestmark = [pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full"), pytest.mark.slow]
FULL = "No space left on device"


def run(*args: str, stdout_to_full: bool = False) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "LEADERBOARD_DB"}
    with open("/dev/full", "w") if stdout_to_full else open(os.devnull, "w") as out:
        return subprocess.run(
            cli(*args), stdout=out, stderr=subprocess.PIPE, text=True, env=environment, cwd=ROOT, timeout=120
        )


@pytest.fixture
def papers(tmp_path) -> str:
    """A few seed papers with claims: enough to write, quick to extract."""
    path = tmp_path / "papers.jsonl"
    path.write_text("".join(SEED_PAPERS.read_text(encoding="utf-8").splitlines(keepends=True)[:5]))
    return str(path)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_extract_to_a_full_disk(papers, fmt):
    result = run("extract", papers, "--format", fmt, "-o", "/dev/full")
    assert (result.returncode, result.stderr) == (1, f"error: /dev/full: {FULL}\n")


def test_extract_to_a_full_stdout(papers):
    result = run("extract", papers, stdout_to_full=True)
    assert (result.returncode, result.stderr) == (1, f"error: standard output: {FULL}\n")


@pytest.fixture
def ingested(runner, db_url: str, papers: str) -> str:
    result = runner.invoke(app, ["ingest", papers, "--db", db_url])
    assert result.exit_code == 0, result.output
    return db_url


def test_export_and_listing_to_a_full_disk(ingested):
    result = run("export", "--claims", "-o", "/dev/full", "--db", ingested)
    assert (result.returncode, result.stderr) == (1, f"error: /dev/full: {FULL}\n")
    result = run("benchmarks", "--db", ingested, stdout_to_full=True)
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
