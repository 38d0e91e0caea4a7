"""What every command shares: the Typer app, its global options, one-line errors, opening the
database, and where output goes.

Errors a user can cause (bad input, bad database URL) end in one line on
stderr starting `error:` and a non-zero exit code, never a traceback.
Commands live in the sibling modules, one module per area, and register
themselves on `app` when `leaderboard.cli` imports them.

`leaderboard --help` must stay fast, and Typer imports every command module to build it: CLI
modules import at the top only typer, rich, the standard library and light `leaderboard`
modules (settings, records, errors, terminal, ingest, options); pandas, SQLAlchemy, Alembic and
the database, query, review, store, normalize and export packages are imported inside the
command functions. `tests/test_cli_startup.py` holds that.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, BinaryIO, TextIO

import typer

import leaderboard
from leaderboard.cli.verbosity import configure_logging
from leaderboard.errors import LeaderboardError
from leaderboard.settings import resolve_db_url
from leaderboard.terminal import printable

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

log = logging.getLogger("leaderboard.cli")
STDOUT = "-"

# Plain (click) help and errors, no rich tracebacks: Typer's rich formatting costs 0.2 s of imports
# on every `--help`, and a user's error is one `error:` line anyway.
TYPER_SETTINGS: dict[str, Any] = {
    "no_args_is_help": True,
    "add_completion": False,
    "rich_markup_mode": None,
    "pretty_exceptions_enable": False,
}


def command_group(help: str) -> typer.Typer:
    """A `leaderboard` command or sub-command group (`leaderboard db ...`) with the shared settings."""
    return typer.Typer(help=help, **TYPER_SETTINGS)


app = command_group("Benchmark-claims leaderboard: extract reported results from papers and store them.")
db_app = command_group("Operate the database schema (Alembic migrations).")
app.add_typer(db_app, name="db")

__all__ = [
    "app",
    "db_app",
    "display_url",
    "fail",
    "first_line",
    "open_database",
    "open_session",
    "text_output",
]


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"leaderboard {leaderboard.__version__}")
        raise typer.Exit()


@app.callback()
def main(
    verbose: Annotated[
        int,
        typer.Option(
            "--verbose", "-v", count=True, show_default=False, help="Say more on stderr (-vv: also the SQL)."
        ),
    ] = 0,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Errors and warnings only: no progress, no summary."),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Benchmark-claims leaderboard: extract reported results from papers and store them.

    Data (tables, exports, claims) goes to stdout; messages, progress and errors to stderr.
    """
    configure_logging(verbose, quiet)


def display_url(url: str) -> str:
    from leaderboard.db.opening import display_url

    return display_url(url)


def first_line(exc: BaseException) -> str:
    from leaderboard.db.opening import first_line

    return first_line(exc)


def fail(message: str) -> typer.Exit:
    """Print one `error:` line on stderr; `raise fail(...)` exits with code 1."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code=1)


@contextlib.contextmanager
def database_errors(url: str) -> Iterator[None]:
    """Turn a database that cannot be opened or migrated into one `error:` line."""
    from leaderboard.db.opening import DATABASE_ERRORS, unavailable

    try:
        yield
    except DATABASE_ERRORS as exc:
        raise fail(str(unavailable(url, exc))) from None


@contextlib.contextmanager
def open_database(db_option: str | None, migrate: bool = True) -> Iterator[Engine]:
    """`db.open_database` for a command: its failure is one `error:` line, the engine is
    disposed of at the end."""
    from leaderboard import db

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
    from leaderboard import db

    with open_database(db_option) as engine, db.make_sessionmaker(engine)() as session:
        try:
            yield session
        except LeaderboardError as exc:
            raise fail(str(exc)) from None


def is_stdout(path: Path | str | None) -> bool:
    """No output file, or `-`: write to stdout."""
    return path is None or str(path) == STDOUT


@contextlib.contextmanager
def text_output(path: Path | str | None) -> Iterator[TextIO]:
    """Where a command writes text: stdout for None or `-`, else the file (its failure to open is
    one `error:` line). The command flushes what it wrote where it can report a failure (a full
    disk); closing after such a failure would fail on the same bytes and say it a second time."""
    if is_stdout(path):
        yield sys.stdout
        return
    try:
        out = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise fail(f"{printable(str(path))}: {exc.strerror or exc}") from None
    try:
        yield out
    finally:
        with contextlib.suppress(OSError):
            out.close()


@contextlib.contextmanager
def binary_output(path: Path | str | None) -> Iterator[BinaryIO]:
    """`text_output` for binary formats (Parquet): stdout's byte stream for None or `-`."""
    if is_stdout(path):
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    try:
        out = open(path, "wb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise fail(f"{path}: {exc.strerror or exc}") from None
    with out:
        yield out
