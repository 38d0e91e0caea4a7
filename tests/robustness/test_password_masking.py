"""Passwords are masked in every form a database URL (or a message quoting one) can take."""

from __future__ import annotations

import pytest

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
