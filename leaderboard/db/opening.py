"""Opening a database the way every caller should: migrated to the newest schema, with the shipped
entity registry loaded. The CLI, the dashboard and the tests all come through here, so the
dashboard never sees a database the CLI would have prepared differently.
"""

from __future__ import annotations

from alembic.util import CommandError
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from leaderboard.db.migrate import MigrationsNotFoundError, upgrade_to_head
from leaderboard.db.passwords import mask_passwords
from leaderboard.db.session import make_engine
from leaderboard.errors import LeaderboardError
from leaderboard.resources import MissingResourceError, migrations_dir, registry_files
from leaderboard.settings import resolve_db_url

# What opening or migrating a database raises when the URL, the server or the schema is at fault.
DATABASE_ERRORS = (SQLAlchemyError, CommandError, ImportError, MigrationsNotFoundError)


class DatabaseUnavailableError(LeaderboardError):
    """The database cannot be opened or migrated; the message names it without its password."""


def display_url(url: str) -> str:
    """`url` with its passwords hidden (any form, parsable or not), for messages and pages."""
    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except (SQLAlchemyError, ValueError):  # ValueError: a port that is no number
        shown = url
    return mask_passwords(shown)


def first_line(exc: BaseException) -> str:
    """The first line of an error's message, for a one-line report, with any password in it hidden."""
    # DBAPI errors carry the SQL and a help link after the driver's message; keep the message.
    cause = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    text = str(cause).strip() or type(cause).__name__
    return mask_passwords(text.splitlines()[0])


# Database drivers that are optional extras of the distribution: what to install for each.
DRIVER_EXTRAS = {"psycopg": "pip install 'leaderboard-claims[postgres]'"}


def unavailable(url: str, exc: BaseException) -> DatabaseUnavailableError:
    message = f"database {display_url(url)}: {first_line(exc)}"
    if isinstance(exc, ModuleNotFoundError) and exc.name in DRIVER_EXTRAS:
        message += f" ({DRIVER_EXTRAS[exc.name]})"
    return DatabaseUnavailableError(message)


def open_database(url: str | None = None, migrate: bool = True) -> Engine:
    """An engine for `url` (resolved through settings), brought to the newest schema and the
    shipped entity registry unless `migrate` is off; both steps are cheap when already current.

    Raises `DatabaseUnavailableError` (one line, password hidden) when that fails."""
    # The registry loader imports the normalize package, which imports db: import it late.
    from leaderboard.normalize.registry import load_shipped_registry

    resolved = resolve_db_url(url)
    try:
        if migrate:  # a broken install fails before connecting leaves an empty SQLite file behind
            migrations_dir()
            registry_files()
    except MissingResourceError as exc:
        raise DatabaseUnavailableError(str(exc)) from None
    try:
        engine = make_engine(resolved)
    except (
        *DATABASE_ERRORS,
        ValueError,
    ) as exc:  # ValueError: SQLAlchemy's word for a port that is no number
        raise unavailable(resolved, exc) from None
    try:
        if migrate:
            upgrade_to_head(engine)
            load_shipped_registry(engine)
    except DATABASE_ERRORS as exc:
        engine.dispose()
        raise unavailable(resolved, exc) from None
    return engine
