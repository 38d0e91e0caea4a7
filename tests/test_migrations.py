"""Every migration step, up and down, on a database that holds data.

`test_db_schema.py` checks the schema an empty database gets; here rows are
written at each revision (through that revision's own tables, reflected) and
must survive each step up, each step down where the older schema can hold
them, and the way back up. `alembic check` itself, run the way an operator
runs it, finds no drift at head.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, MetaData, insert, inspect, select

from leaderboard.db import current_revision, downgrade, upgrade
from leaderboard.db.migrate import alembic_config

PROJECT_ROOT = Path(__file__).resolve().parents[1]
# Oldest first.
SCRIPTS = ScriptDirectory.from_config(alembic_config())
REVISIONS = [script.revision for script in reversed(list(SCRIPTS.walk_revisions()))]

PAPER = {
    "id": "2401.00001",
    "arxiv_id": "2401.00001",
    "title": "A paper",
    "abstract": "We reach 91.2% on X.",
    "content_hash": "a" * 64,
    "extractor_version": "0.3.0",
}
SOURCE = {"paper_id": "2401.00001", "source": "seed/a.txt", "line": 3, "format": "abstracts"}
# Valid in every revision: a status and kind the first schema already knew.
CLAIM = {
    "id": 1,
    "paper_id": "2401.00001",
    "model": "Foo",
    "benchmark": "X",
    "metric": "accuracy",
    "value": 91.2,
    "kind": "score",
    "evidence": "We reach 91.2% on X.",
    "value_text": "91.2%",
    "span_start": 9,
    "span_end": 14,
    "rule": "score_on",
    "confidence": 0.9,
    "extractor_version": "0.3.0",
    "status": "accepted",
}
NOON = dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC)
CORE = {"papers": PAPER, "paper_sources": SOURCE, "claims": CLAIM}


def tables(engine: Engine) -> MetaData:
    """The tables as the database has them now (not as the models describe them)."""
    metadata = MetaData()
    metadata.reflect(engine)
    return metadata


def write(engine: Engine, rows: dict[str, list[dict]]) -> None:
    metadata = tables(engine)
    with engine.begin() as conn:
        for name, values in rows.items():
            conn.execute(insert(metadata.tables[name]), values)


def read(engine: Engine, name: str, columns: list[str]) -> list[tuple]:
    table = tables(engine).tables[name]
    with engine.connect() as conn:
        return sorted(tuple(row) for row in conn.execute(select(*(table.c[c] for c in columns))))


def core_rows(engine: Engine) -> dict[str, list[tuple]]:
    return {name: read(engine, name, list(values)) for name, values in CORE.items()}


def test_revisions_form_one_line():
    assert REVISIONS[:2] == ["0001", "0002"]
    assert len(set(REVISIONS)) == len(REVISIONS)


def test_every_step_up_and_down_keeps_papers_sources_and_claims(engine):
    upgrade(engine, REVISIONS[0])
    write(engine, {name: [values] for name, values in CORE.items()})
    expected = core_rows(engine)
    assert expected["claims"] and expected["papers"]
    for previous, revision in zip(REVISIONS, REVISIONS[1:], strict=False):
        upgrade(engine, revision)
        assert (current_revision(engine), core_rows(engine)) == (revision, expected)
        downgrade(engine, previous)
        assert (current_revision(engine), core_rows(engine)) == (previous, expected)
        upgrade(engine, revision)
        assert core_rows(engine) == expected
    downgrade(engine, "base")
    assert current_revision(engine) is None
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}


def test_0002_carries_reviews_into_the_audit_log_and_back(engine):
    upgrade(engine, "0001")
    write(
        engine,
        {
            **{name: [values] for name, values in CORE.items()},
            "claim_reviews": [
                {
                    "claim_id": 1,
                    "field": "value",
                    "old_value": "91.0",
                    "new_value": "91.2",
                    "reviewer": "ann",
                    "note": "typo in the table",
                },
                {
                    "claim_id": 1,
                    "field": "status",
                    "old_value": "extracted",
                    "new_value": "accepted",
                    "reviewer": "bob",
                    "note": None,
                },
            ],
        },
    )
    upgrade(engine, "0002")
    audit_columns = ["target", "target_id", "action", "field", "old_value", "new_value", "reviewer", "reason"]
    assert read(engine, "audit_log", audit_columns) == [
        ("claim", 1, "edit", "status", "extracted", "accepted", "bob", None),
        ("claim", 1, "edit", "value", "91.0", "91.2", "ann", "typo in the table"),
    ]
    # New in 0002: a retired claim, a hand-added one, entities, and audit entries without a field.
    write(
        engine,
        {
            "claims": [
                {**CLAIM, "id": 2, "status": "retired", "value": 80.0, "span_start": 0, "span_end": 2},
                {
                    **CLAIM,
                    "id": 3,
                    "origin": "manual",
                    "version": 2,
                    "value": 70.0,
                    "span_start": 3,
                    "span_end": 5,
                },
            ],
            "entities": [{"id": 1, "kind": "benchmark", "name": "X", "key": "x", "source": "registry"}],
            "audit_log": [
                {
                    "target": "claim",
                    "target_id": 3,
                    "action": "add",
                    "field": None,
                    "old_value": None,
                    "new_value": '{"value": 70.0}',
                    "reviewer": "cy",
                    "reason": "missed",
                    "at": NOON,
                },
                {
                    "target": "entity",
                    "target_id": 1,
                    "action": "alias",
                    "field": "name",
                    "old_value": None,
                    "new_value": '"X"',
                    "reviewer": "cy",
                    "reason": None,
                    "at": NOON,
                },
            ],
        },
    )

    downgrade(engine, "0001")
    # Retired claims become unreviewed again; claim entries go back to claim_reviews (an entry
    # without a field is named by its action); entity entries have nowhere to go.
    assert read(engine, "claims", ["id", "status", "value"]) == [
        (1, "accepted", 91.2),
        (2, "extracted", 80.0),
        (3, "accepted", 70.0),
    ]
    assert read(engine, "claim_reviews", ["claim_id", "field", "new_value", "reviewer", "note"]) == [
        (1, "status", "accepted", "bob", None),
        (1, "value", "91.2", "ann", "typo in the table"),
        (3, "add", '{"value": 70.0}', "cy", "missed"),
    ]
    assert {"entities", "aliases", "audit_log"}.isdisjoint(inspect(engine).get_table_names())

    upgrade(engine, "0002")
    assert read(engine, "audit_log", ["target_id", "action", "field", "reviewer"]) == [
        (1, "edit", "status", "bob"),
        (1, "edit", "value", "ann"),
        (3, "edit", "add", "cy"),
    ]
    assert read(engine, "claims", ["id", "origin", "version"]) == [
        (1, "extractor", 1),
        (2, "extractor", 1),
        (3, "extractor", 1),
    ]


def test_alembic_check_finds_no_drift_at_head(db_url, migrated_engine):
    """`alembic check` from the project root, as an operator (or CI) runs it."""
    env = {**os.environ, "LEADERBOARD_DB": db_url}
    done = subprocess.run(
        [sys.executable, "-m", "alembic", "check"], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "No new upgrade operations detected" in done.stdout + done.stderr


@pytest.mark.parametrize("revision", REVISIONS)
def test_each_revision_can_be_reached_from_empty(engine, revision):
    upgrade(engine, revision)
    assert current_revision(engine) == revision
