"""Where the database lives.

One function decides the URL so the CLI, Alembic's env.py and the dashboard
agree: an explicit value (the `--db` option) wins, then `$LEADERBOARD_DB`,
then a SQLite file in the working folder.
"""

from __future__ import annotations

import os

DB_ENV_VAR = "LEADERBOARD_DB"
DEFAULT_DB_URL = "sqlite:///leaderboard.db"

# Plain PostgreSQL URLs would make SQLAlchemy look for psycopg2, which is not
# installed; psycopg 3 is.
_PLAIN_POSTGRES_PREFIXES = ("postgresql://", "postgres://")
_PSYCOPG_PREFIX = "postgresql+psycopg://"


def normalise_db_url(url: str) -> str:
    """Point plain `postgresql://` (and `postgres://`) URLs at the psycopg 3 driver."""
    url = url.strip()
    for prefix in _PLAIN_POSTGRES_PREFIXES:
        if url.startswith(prefix):
            return _PSYCOPG_PREFIX + url[len(prefix) :]
    return url


def resolve_db_url(explicit: str | None = None) -> str:
    """The database URL: `explicit`, else `$LEADERBOARD_DB`, else `sqlite:///leaderboard.db`."""
    url = explicit or os.environ.get(DB_ENV_VAR) or DEFAULT_DB_URL
    return normalise_db_url(url)
