"""`leaderboard db ...`: operate the schema through Alembic."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from leaderboard.cli.common import database_errors, db_app, open_database, open_session
from leaderboard.cli.options import DbOption

if TYPE_CHECKING:
    from sqlalchemy import Engine


def _print_revision(engine: Engine) -> None:
    from leaderboard import db

    current = db.current_revision(engine)
    if current is None:
        typer.echo("base (empty database)")
    else:
        typer.echo(f"{current} (head)" if current == db.head_revision() else current)


@db_app.command("upgrade")
def db_upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
    db_url: DbOption = None,
) -> None:
    """Migrate the database up to REVISION (default: the newest) and print where it is."""
    from leaderboard import db

    with open_database(db_url, migrate=False) as engine, database_errors(str(engine.url)):
        db.upgrade(engine, revision)
        _print_revision(engine)


@db_app.command("downgrade")
def db_downgrade(
    revision: Annotated[str, typer.Argument(help="Target revision; 'base' removes every table.")],
    db_url: DbOption = None,
) -> None:
    """Migrate the database down to REVISION and print where it is."""
    from leaderboard import db

    with open_database(db_url, migrate=False) as engine, database_errors(str(engine.url)):
        db.downgrade(engine, revision)
        _print_revision(engine)


@db_app.command("current")
def db_current(db_url: DbOption = None) -> None:
    """Print the database's revision, marked '(head)' when it is the newest."""
    with open_database(db_url, migrate=False) as engine, database_errors(str(engine.url)):
        _print_revision(engine)


@db_app.command("rebuild-stats")
def db_rebuild_stats(db_url: DbOption = None) -> None:
    """Recompute the maintained statistics (board rows, claim counts) from the claims: after
    claims were copied in bypassing the program. Every write the program makes keeps them true."""
    import time

    from leaderboard.store.board_stats import rebuild, summary

    started = time.perf_counter()
    with open_session(db_url) as session, database_errors(str(session.get_bind().url)):
        with session.begin():
            rebuild(session)
        groups, pairs = summary(session)
    took = time.perf_counter() - started
    typer.echo(f"statistics rebuilt: {groups:,} board rows, {pairs:,} benchmark counts; {took:.1f} s")
