"""Engines and sessions for a database URL."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from leaderboard.settings import resolve_db_url


def _enable_sqlite_foreign_keys(dbapi_connection, _record) -> None:
    # SQLite ignores REFERENCES (and ON DELETE CASCADE) unless asked per connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str | None = None) -> Engine:
    """An engine for `url` (resolved through settings), with SQLite foreign keys on."""
    engine = create_engine(resolve_db_url(url))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    # Objects stay readable after commit, e.g. for a summary printed afterwards.
    return sessionmaker(engine, expire_on_commit=False)
