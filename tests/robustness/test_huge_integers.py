"""Integers past what a database holds, in every CLI argument: one line, the same on both databases."""

from __future__ import annotations

import pytest
from review_helpers import store
from robust_support import canonical_dump
from sqlalchemy.orm import Session

from leaderboard.cli import app
from leaderboard.db import open_database

HUGE = str(2**64 + 1)  # past SQLite's 64-bit integers too
BEYOND = f"{HUGE}: beyond any id or version (at most 2,147,483,647)"

REFUSED = [
    (["history", HUGE], f"error: ID {BEYOND}"),
    (["review", "accept", "1", HUGE, "-r", "ann"], f"error: ID {BEYOND}"),
    (["review", "reject", HUGE, "-r", "ann"], f"error: ID {BEYOND}"),
    (["review", "edit", HUGE, "--model", "X", "-r", "ann"], f"error: ID {BEYOND}"),
    (["review", "edit", "1", "--version", HUGE, "--model", "X", "-r", "ann"], f"error: --version {BEYOND}"),
    (["revert", HUGE, "-r", "ann"], f"error: CHANGE_ID {BEYOND}"),
    (["history", "2147483648"], "error: ID 2147483648: beyond any id or version (at most 2,147,483,647)"),
    (["show", f"#{HUGE}"], f"error: no benchmark named '#{HUGE}'"),
    (["show", "#²"], "error: no benchmark named '#²'"),
    (["compare", f"#{HUGE}", "ImageNet"], f"error: no model named '#{HUGE}'"),
    (["registry", "merge", "model", f"#{HUGE}", "#1", "-r", "ann"], f"error: no model named '#{HUGE}'"),
    (["ingest", "-", "--jobs", HUGE], f"error: --jobs {HUGE}: at most 256 extractor processes"),
]
# A limit past any table's size means every row.
LISTED = [
    ["review", "queue", "--limit", HUGE],
    ["disagreements", "-n", HUGE],
    ["benchmarks", "-n", HUGE],
    ["show", "ImageNet", "-n", HUGE],
    ["export", "--claims", "-n", HUGE],
    ["quality", "--limit", HUGE],
    ["registry", "suggest", "model", "-n", HUGE],
]


@pytest.fixture
def db(db_url):
    engine = open_database(db_url)  # migrated, and the shipped registry loaded as every command does
    with Session(engine) as session:
        store(session)
    engine.dispose()
    return db_url


@pytest.mark.parametrize(("args", "line"), REFUSED, ids=[" ".join(args[:2]) for args, _ in REFUSED])
def test_an_integer_past_any_id_is_one_line_and_changes_nothing(runner, db, args, line):
    before = canonical_dump(db)
    result = runner.invoke(app, [*args, "--db", db])
    assert (result.exit_code, result.stderr, result.stdout) == (1, line + "\n", "")
    assert canonical_dump(db) == before


@pytest.mark.parametrize("args", LISTED, ids=[" ".join(args[:2]) for args in LISTED])
def test_a_limit_past_any_table_lists_everything(runner, db, args):
    small = runner.invoke(app, [*args[:-1], "1000", "--db", db])
    huge = runner.invoke(app, [*args, "--db", db])
    assert (huge.exit_code, huge.stderr, huge.stdout) == (0, small.stderr, small.stdout)
    assert "Traceback" not in huge.stderr
