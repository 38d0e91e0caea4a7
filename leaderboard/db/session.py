"""Engines and sessions for a database URL."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from leaderboard.settings import resolve_db_url

# How long a SQLite writer waits for another one (a concurrent ingest commits
# a chunk of papers at a time) before "database is locked"; Python's default is 5 s.
SQLITE_BUSY_TIMEOUT_MS = 60_000


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:
    # SQLite ignores REFERENCES (and ON DELETE CASCADE) unless asked per connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS:d}")
    cursor.close()


def make_engine(url: str | None = None) -> Engine:
    """An engine for `url` (resolved through settings); SQLite with foreign keys on and a busy timeout."""
    engine = create_engine(resolve_db_url(url))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    # Objects stay readable after commit, e.g. for a summary printed afterwards.
    return sessionmaker(engine, expire_on_commit=False)
