"""Run Alembic migrations from code, whatever the working folder.

The migration scripts live in `migrations/` at the project root (next to
`alembic.ini`) and ship in the wheel as `leaderboard.migrations`;
`leaderboard.resources` finds them either way.
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from leaderboard.resources import MissingResourceError, migrations_dir

# The name callers catch; the scripts are one of the files an installation ships.
MigrationsNotFoundError = MissingResourceError


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at our scripts; migrations/env.py uses `connection` when given."""
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
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
    migrations_dir()  # missing scripts fail before connecting creates an empty SQLite file
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    migrations_dir()
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)


def upgrade_to_head(engine: Engine) -> None:
    """Bring the database to the newest schema; cheap when it is already there."""
    if current_revision(engine) != head_revision():
        upgrade(engine, "head")
