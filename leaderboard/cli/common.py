"""What every command shares: the Typer app, common options, and one-line errors.

Errors a user can cause (bad input, bad database URL) end in one line on
stderr starting `error:` and a non-zero exit code, never a traceback.
Commands live in the sibling modules, one module per area, and register
themselves on `app` when `leaderboard.cli` imports them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from leaderboard import db
from leaderboard.db.opening import DATABASE_ERRORS, display_url, first_line, unavailable
from leaderboard.errors import LeaderboardError
from leaderboard.settings import resolve_db_url
from leaderboard.terminal import printable

app = typer.Typer(
    help="Benchmark-claims leaderboard: extract reported results from papers and store them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)
db_app = typer.Typer(help="Operate the database schema (Alembic migrations).", no_args_is_help=True)
app.add_typer(db_app, name="db")

__all__ = ["app", "db_app", "display_url", "fail", "first_line", "open_database", "open_session"]


def fail(message: str) -> typer.Exit:
    """Print one `error:` line on stderr; `raise fail(...)` exits with code 1."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code=1)


@contextlib.contextmanager
def database_errors(url: str) -> Iterator[None]:
    """Turn a database that cannot be opened or migrated into one `error:` line."""
    try:
        yield
    except DATABASE_ERRORS as exc:
        raise fail(str(unavailable(url, exc))) from None


@contextlib.contextmanager
def open_database(db_option: str | None, migrate: bool = True) -> Iterator[Engine]:
    """`db.open_database` for a command: its failure is one `error:` line, the engine is
    disposed of at the end."""
    try:
        engine = db.open_database(resolve_db_url(db_option), migrate=migrate)
    except db.DatabaseUnavailableError as exc:
        raise fail(str(exc)) from None
    try:
        yield engine
    finally:
        engine.dispose()


@contextlib.contextmanager
def open_session(db_option: str | None) -> Iterator[Session]:
    """A session on the opened database (objects stay readable after commit); the caller
    decides where transactions begin and end. A user's error (an unknown name...) that the
    command did not handle itself becomes one `error:` line."""
    with open_database(db_option) as engine, db.make_sessionmaker(engine)() as session:
        try:
            yield session
        except LeaderboardError as exc:
            raise fail(str(exc)) from None


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
