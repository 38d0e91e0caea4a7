"""What every command shares: the Typer app, common options, and one-line errors.

Errors a user can cause (bad input, bad database URL) end in one line on
stderr starting `error:` and a non-zero exit code, never a traceback.
Commands live in the sibling modules, one module per area, and register
themselves on `app` when `leaderboard.cli` imports them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Annotated, Any

import typer
from alembic.util import CommandError
from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from leaderboard import db
from leaderboard.db.migrate import MigrationsNotFoundError
from leaderboard.normalize.registry import load_shipped_registry
from leaderboard.settings import DB_ENV_VAR, DEFAULT_DB_URL, resolve_db_url
from leaderboard.terminal import printable

app = typer.Typer(
    help="Benchmark-claims leaderboard: extract reported results from papers and store them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)
db_app = typer.Typer(help="Operate the database schema (Alembic migrations).", no_args_is_help=True)
app.add_typer(db_app, name="db")

# Options shared by several commands, defined once.
DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help=f"Database URL (default: ${DB_ENV_VAR}, else {DEFAULT_DB_URL}).", show_default=False
    ),
]


def fail(message: str) -> typer.Exit:
    """Print one `error:` line on stderr; `raise fail(...)` exits with code 1."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code=1)


def first_line(exc: BaseException) -> str:
    # DBAPI errors carry the SQL and a help link after the driver's message; keep the message.
    cause = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    text = str(cause).strip() or type(cause).__name__
    return text.splitlines()[0]


def display_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except SQLAlchemyError:
        return url


@contextlib.contextmanager
def database_errors(url: str) -> Iterator[None]:
    """Turn a database that cannot be opened or migrated into one `error:` line."""
    try:
        yield
    except (SQLAlchemyError, CommandError, ImportError, MigrationsNotFoundError) as exc:
        raise fail(f"database {display_url(url)}: {first_line(exc)}") from None


@contextlib.contextmanager
def open_database(db_option: str | None, migrate: bool = True) -> Iterator[Engine]:
    """An engine for the resolved URL, brought to the newest schema and the shipped entity
    registry (cheap when both are current) unless `migrate` is off."""
    url = resolve_db_url(db_option)
    with database_errors(url):
        engine = db.make_engine(url)
    try:
        with database_errors(url):
            if migrate:
                db.upgrade_to_head(engine)
                load_shipped_registry(engine)
        yield engine
    finally:
        engine.dispose()


class PlainTable(Table):
    """A rich table for text from papers: markup off, control characters escaped.

    Titles, sentences and names come from input files; a '[/bold]' in one must
    print as written (not crash rich), and an ESC must not reach the terminal.
    """

    def __init__(self, *headers: str, title: str | None = None, **options: Any) -> None:
        super().__init__(*headers, title=None if title is None else printable(title), **options)

    def add_row(self, *cells: Any, **options: Any) -> None:
        super().add_row(*(printable(c) if isinstance(c, str) else c for c in cells), **options)


def table_console(piped_width: int = 240) -> Console:
    """A console for tables; created per command so output goes to the stdout in effect
    (tests swap it). Piped output is not cut to 80 columns: one row per line is what
    grep and diff want."""
    console = Console(highlight=False, markup=False, emoji=False)
    if not console.is_terminal:
        console = Console(highlight=False, markup=False, emoji=False, width=piped_width)
    return console
