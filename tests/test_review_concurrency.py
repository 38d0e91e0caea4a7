"""Two reviewers editing one claim at once: the second write is refused, nothing is lost.

On PostgreSQL the two run on two real connections and really overlap: the
second reviewer reads version 1 while the first one's edit is uncommitted,
and its UPDATE waits on the first one's row lock; when the first commits, the
UPDATE finds version 2 and changes nothing. SQLite allows one writer at a
time, so there the same story runs serially: the second write names the
version it read and is refused the same way.
"""

from __future__ import annotations

import threading
import time

import pytest
from review_helpers import store
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from leaderboard import review
from leaderboard.db import AuditEntry, ClaimRow, make_engine


@pytest.fixture
def second_engine(db_url, migrated_engine):
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


def _wait_until_blocked(watcher: Session, pid: int) -> None:
    """Until the backend `pid` waits on a lock (bounded, so a failure cannot hang the suite)."""
    deadline = time.monotonic() + 10
    query = text("SELECT wait_event_type FROM pg_stat_activity WHERE pid = :pid")
    while time.monotonic() < deadline:
        if watcher.execute(query, {"pid": pid}).scalar() == "Lock":
            return
        watcher.rollback()
        time.sleep(0.02)


def test_concurrent_edits_refuse_the_second(migrated_engine, second_engine):
    with Session(migrated_engine) as setup:
        claim_id = store(setup)[91.1]
    first, second = Session(migrated_engine), Session(second_engine)
    try:
        # Both reviewers read version 1.
        assert first.get(ClaimRow, claim_id).version == second.get(ClaimRow, claim_id).version == 1
        outcome: dict[str, BaseException | None] = {}

        def second_writes() -> None:
            try:
                review.edit(second, claim_id, {"metric": "top-5 accuracy"}, "bob", expected_version=1)
                second.commit()
                outcome["error"] = None
            except BaseException as exc:  # reported to the test thread
                second.rollback()
                outcome["error"] = exc

        review.edit(first, claim_id, {"metric": "top-1 accuracy"}, "ann", expected_version=1)
        if migrated_engine.dialect.name == "postgresql":
            pid = second.execute(text("SELECT pg_backend_pid()")).scalar()
            racer = threading.Thread(target=second_writes)
            racer.start()
            with Session(migrated_engine) as watcher:
                _wait_until_blocked(watcher, pid)
            first.commit()
            racer.join(timeout=30)
        else:
            first.commit()
            second_writes()
        error = outcome["error"]
        assert isinstance(error, review.StaleVersionError), error
        assert "by ann at" in str(error) and "metric" in str(error)
    finally:
        first.close()
        second.close()
    with Session(migrated_engine) as check:
        row = check.get(ClaimRow, claim_id)
        assert (row.metric, row.version, row.status) == ("top-1 accuracy", 2, "corrected")
        entries = check.scalars(select(AuditEntry.reviewer).where(AuditEntry.field == "metric")).all()
        assert entries == ["ann"]
        assert check.scalar(select(func.count()).select_from(AuditEntry)) == 2  # ann's metric + status
