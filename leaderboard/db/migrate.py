"""Run Alembic migrations from code, whatever the working folder.

The migration scripts live in `migrations/` at the project root (next to
`alembic.ini`); the package is installed editable, so that folder is found
relative to this file rather than the working folder.
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from leaderboard.errors import LeaderboardError
from leaderboard.resources import MIGRATIONS_DIR


class MigrationsNotFoundError(LeaderboardError):
    """The package runs without its project folder (not an editable install)."""


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at our scripts; migrations/env.py uses `connection` when given."""
    if not (MIGRATIONS_DIR / "env.py").is_file():
        raise MigrationsNotFoundError(
            f"migration scripts not found at {MIGRATIONS_DIR}; install the project with `pip install -e .`"
        )
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty (unversioned) database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)


def upgrade_to_head(engine: Engine) -> None:
    """Bring the database to the newest schema; cheap when it is already there."""
    if current_revision(engine) != head_revision():
        upgrade(engine, "head")
