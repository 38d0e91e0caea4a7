"""Alembic environment for the leaderboard schema.

Used both by `alembic` run from the project root (alembic.ini) and by
leaderboard.db.migrate, which passes an open connection in
`config.attributes["connection"]` so migrations share the caller's transaction.
"""

from logging.config import fileConfig

from alembic import context

from leaderboard.db.fulltext import include_name
from leaderboard.db.models import Base
from leaderboard.db.session import make_engine
from leaderboard.settings import resolve_db_url

config = context.config
target_metadata = Base.metadata

# Only the `alembic` command line has an ini file; the CLI leaves logging alone.
if config.config_file_name is not None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)

CONFIGURE_OPTIONS = {
    "target_metadata": target_metadata,
    "compare_type": True,
    # Batch mode only changes behaviour on SQLite, where ALTER TABLE is limited.
    "render_as_batch": True,
    # The full-text search table and index (migration 0009) are not ORM models.
    "include_name": include_name,
}


def database_url() -> str:
    return resolve_db_url(config.get_main_option("sqlalchemy.url") or None)


def run_migrations_offline() -> None:
    context.configure(url=database_url(), literal_binds=True, **CONFIGURE_OPTIONS)
    with context.begin_transaction():
        context.run_migrations()


def run_with_connection(connection) -> None:
    context.configure(connection=connection, **CONFIGURE_OPTIONS)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_with_connection(connection)
        return
    engine = make_engine(database_url())
    try:
        with engine.connect() as connection:
            run_with_connection(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
