"""Passwords are masked in every form a database URL (or a message quoting one) can take."""

from __future__ import annotations

import os

import pytest
from sqlalchemy.engine import make_url

from leaderboard.cli import app
from leaderboard.db.passwords import mask_passwords

CASES = [
    ("postgresql+psycopg://alice:S3cretPW@db:5432/lb", "postgresql+psycopg://alice:***@db:5432/lb"),
    ("postgresql+psycopg://alice:p@ss:w@rd@db/lb", "postgresql+psycopg://alice:***@db/lb"),
    ("postgresql+psycopg://alice@db/lb?password=S3cretPW", "postgresql+psycopg://alice@db/lb?password=***"),
    (
        "postgresql://db/lb?sslmode=require&PASSWORD=S3cretPW&x=1",
        "postgresql://db/lb?sslmode=require&PASSWORD=***&x=1",
    ),
    ("postgresql://db/lb?sslpassword=S3cretPW", "postgresql://db/lb?sslpassword=***"),
    ("host=db user=alice password='S3cret PW' dbname=lb", "host=db user=alice password=*** dbname=lb"),
    (
        "database alice:S3cretPW@host/x: Could not parse SQLAlchemy URL",
        "database alice:***@host/x: Could not parse SQLAlchemy URL",
    ),
    ("sqlite:///leaderboard.db", "sqlite:///leaderboard.db"),
    ("sqlite:////data/at@home/leaderboard.db", "sqlite:////data/at@home/leaderboard.db"),
    ("error: papers.jsonl:3: malformed JSON", "error: papers.jsonl:3: malformed JSON"),
    ("compass=north", "compass=north"),
]


@pytest.mark.parametrize(("text", "shown"), CASES, ids=[shown for _, shown in CASES])
def test_passwords_are_masked(text, shown):
    assert mask_passwords(text) == shown
    assert "S3cret" not in mask_passwords(text)


def test_the_dashboard_console_line_hides_a_query_password(runner, db_url, monkeypatch):
    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite refuses a password parameter; a PostgreSQL server with trust auth ignores it")
    started: list[dict] = []

    def instead_of_streamlit(path, args, env):
        started.append(env)
        raise SystemExit(0)

    monkeypatch.setattr(os, "execve", instead_of_streamlit)
    url = make_url(db_url).update_query_dict({"password": "S3cretPW"}).render_as_string(hide_password=False)
    result = runner.invoke(app, ["dashboard", "--db", url, "--port", "8599"])
    assert (result.exit_code, len(started)) == (0, 1)
    assert "password=***" in result.stderr
    assert "S3cret" not in result.output
    assert started[0]["LEADERBOARD_DB"] == url  # Streamlit itself is given the real URL
