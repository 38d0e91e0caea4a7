"""The command line's conventions: a fast `--help` (nothing heavy imported to build it), the
version, `-o -`, data on stdout and messages on stderr, `-v/-q`, progress when not on a terminal."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from typing import get_args

import pytest
from cli_support import said

from leaderboard.cli import app, papers, progress
from leaderboard.cli.options import ClaimsFormat, EntityKind, ExportFormat

ROOT = Path(__file__).resolve().parents[1]
SEED_FILE = ROOT / "seed" / "000_7a4fe0c5e86e8852.txt"
# What building the CLI (and so `leaderboard --help`) must not import: each costs 0.1-1 s.
HEAVY = ("pandas", "numpy", "sqlalchemy", "alembic", "streamlit", "pyarrow", "dask", "leaderboard.extract")


def _modules_loaded_by(code: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_help_imports_nothing_heavy():
    loaded = _modules_loaded_by(
        "from typer.main import get_command\n"
        "from leaderboard.cli import app\n"
        "get_command(app).get_help  # every command and option built, as --help does"
    )
    assert sorted(m for m in loaded if m.split(".")[0] in HEAVY or m.startswith(HEAVY)) == []


def test_help_works_and_lists_the_global_options():
    done = subprocess.run(
        [sys.executable, "-m", "leaderboard", "--help"], capture_output=True, text=True, check=True
    )
    assert "--version" in done.stdout and "--quiet" in done.stdout and "ingest" in done.stdout
    assert done.stderr == ""


def test_choices_written_out_in_the_cli_agree_with_their_owners():
    from leaderboard.cli import paper_search
    from leaderboard.db.models import ENTITY_KINDS, ClaimStatus
    from leaderboard.export.claims import OUTPUT_FORMATS
    from leaderboard.export.tables import FORMATS
    from leaderboard.queries.search import PER_PAGE
    from leaderboard.store.pipeline import COMMIT_EVERY

    assert get_args(ExportFormat) == FORMATS
    assert get_args(ClaimsFormat) == OUTPUT_FORMATS
    assert get_args(EntityKind) == ENTITY_KINDS
    assert papers.COMMIT_EVERY == COMMIT_EVERY
    assert paper_search.PER_PAGE == PER_PAGE
    queue = next(c for c in app.registered_groups if c.name == "review").typer_instance
    [command] = [c for c in queue.registered_commands if c.name == "queue"]
    assert command.callback.__defaults__[0] == ClaimStatus.EXTRACTED


def test_version_is_the_installed_distributions(runner):
    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"leaderboard {version('leaderboard-claims')}\n")


def test_extract_dash_o_dash_writes_stdout_not_a_file_named_dash(runner, tmp_path):
    to_stdout = runner.invoke(app, ["extract", str(SEED_FILE), "-o", "-"])
    default = runner.invoke(app, ["extract", str(SEED_FILE)])
    assert (to_stdout.exit_code, to_stdout.stderr) == (0, "")
    assert to_stdout.stdout == default.stdout and to_stdout.stdout.count("\n") > 5
    assert not (tmp_path / "-").exists()


def test_ingest_says_nothing_on_stdout_and_its_summary_on_stderr(runner, db_url):
    result = runner.invoke(app, ["ingest", str(SEED_FILE), "--db", db_url])
    assert (result.exit_code, result.stdout) == (0, "")
    summary, before = said(result)
    assert summary.startswith("files: 1 ok, 0 failed; papers: 10 read, 10 new, 0 seen; claims: ")
    assert before == ""


def test_quiet_says_nothing_and_verbose_says_more(runner, db_url):
    quiet = runner.invoke(app, ["-q", "ingest", str(SEED_FILE), "--db", db_url])
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")
    verbose = runner.invoke(app, ["-v", "extract", str(SEED_FILE)])
    assert verbose.exit_code == 0
    assert verbose.stderr.startswith("debug: papers: 10 read; claims: ")


def test_progress_is_a_plain_line_when_stderr_is_not_a_terminal(runner, db_url, monkeypatch):
    monkeypatch.setattr(progress, "PLAIN_EVERY", 0.0)
    result = runner.invoke(app, ["ingest", str(SEED_FILE), "--db", db_url])
    assert result.exit_code == 0
    size = SEED_FILE.stat().st_size / 1e6
    lines = [line for line in result.stderr.splitlines() if line.startswith("ingest: ")]
    assert lines and lines[-1].startswith(f"ingest: {size:,.1f} MB of {size:,.1f} MB (100%), 10 papers, ")
    assert " MB/s, ETA " in lines[-1]


@pytest.mark.parametrize(
    ("paths", "total"), [([str(SEED_FILE)], SEED_FILE.stat().st_size), (["-"], None)], ids=["file", "stdin"]
)
def test_progress_total_is_the_input_size_when_known(paths, total):
    assert progress.input_bytes(paths) == total


def test_a_missing_postgresql_driver_names_the_extra_to_install(runner, monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if the `postgres` extra were not installed
    result = runner.invoke(app, ["db", "current", "--db", "postgresql+psycopg://ann@127.0.0.1:1/x"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith("error: database postgresql+psycopg://ann@127.0.0.1:1/x: ")
    assert result.stderr.endswith(" (pip install 'leaderboard-claims[postgres]')\n")
