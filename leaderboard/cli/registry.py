"""`leaderboard registry ...`: load registry files and curate entities (merge, split, alias).

Loading needs no reviewer (it is data, like an ingest); every change to an
entity does, and is written to the audit log. One command, one transaction.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from leaderboard.cli.common import app, command_group, fail, open_session
from leaderboard.cli.options import (
    REVIEWER_REQUIRED,
    DbOption,
    EntityKind,
    ReasonOption,
    ReviewerOption,
    a_limit,
)

log = logging.getLogger("leaderboard.cli")

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

registry_app = command_group(
    "The entity registry: load registry files, list merge suggestions, merge, split, add aliases. "
    "Alone: the metrics whose direction is unknown, most scores first."
)
app.add_typer(registry_app, name="registry")

KindArgument = Annotated[EntityKind, typer.Argument(help="benchmark, metric or model.")]


@registry_app.callback(invoke_without_command=True)
def registry_overview(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Metrics to show at most.")] = 50,
    db_url: DbOption = None,
) -> None:
    """List the metrics whose direction is unknown (their boards are unranked), most scores first."""
    if ctx.invoked_subcommand is not None:
        return
    from leaderboard import queries
    from leaderboard.cli.tables import PlainTable, table_console

    with open_session(db_url) as session:
        df = queries.metrics_without_direction(session)
    if df.empty:
        log.info("every metric with scores has a direction")
        return
    table = PlainTable(
        "id", "metric", "scores", title="Metrics with no direction: unranked until set (registry direction)"
    )
    for row in df.head(limit).itertuples(index=False):
        table.add_row(f"#{row.metric_id}", row.metric, str(row.claims))
    table_console().print(table)
    if len(df) > limit:
        log.info(f"... {len(df) - limit} more (--limit)")


@contextlib.contextmanager
def _writing(db_url: str | None) -> Iterator[Session]:
    """One transaction; expected errors end in one `error:` line and leave nothing written."""
    from leaderboard import normalize
    from leaderboard.audit import ReviewerRequiredError
    from leaderboard.queries import UnknownEntityError

    with open_session(db_url) as session:
        try:
            with session.begin():
                yield session
        except (
            normalize.EntityError,
            normalize.RegistryError,
            UnknownEntityError,
        ) as exc:
            raise fail(str(exc.args[0])) from None
        except ReviewerRequiredError:
            raise fail(REVIEWER_REQUIRED) from None


@registry_app.command("load")
def load_command(
    files: Annotated[
        list[Path] | None,
        typer.Argument(metavar="[FILE]...", help="Registry CSV files (default: the shipped seed/registry)."),
    ] = None,
    db_url: DbOption = None,
) -> None:
    """Load registry CSV files (same columns as seed/registry) and re-resolve the claims they affect."""
    from leaderboard import normalize

    with _writing(db_url) as session:
        stats = normalize.load_registry(session, files or None)
        stats.claims_updated += normalize.reresolve_unresolved(session)
    for message in stats.skipped:
        typer.echo(f"skipped: {message}", err=True)
    log.info(
        f"entities: {stats.entities_added} added, {stats.entities_updated} updated; "
        f"aliases: {stats.aliases_added} added; names taken over: {stats.names_taken_over}; "
        f"claims re-resolved: {stats.claims_updated}"
    )


@registry_app.command("reresolve")
def reresolve_command(db_url: DbOption = None) -> None:
    """Resolve every stored claim again with the current rules and registry (a database made by
    an older version: benchmark names carrying a split, new condition settings)."""
    from leaderboard import normalize

    with _writing(db_url) as session:
        changed = normalize.reresolve_all(session)
    log.info(f"claims re-resolved: {changed}")


@registry_app.command("suggest")
def suggest_command(
    kind: KindArgument,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, callback=a_limit, help="Pairs to show at most.")
    ] = 30,
    db_url: DbOption = None,
) -> None:
    """List pairs of names close enough to be the same entity (nothing is merged)."""
    from leaderboard import normalize
    from leaderboard.cli.tables import PlainTable, table_console

    with open_session(db_url) as session:
        found = normalize.merge_suggestions(session, kind, limit=limit)
    if not found:
        log.info(f"no {kind} merge suggestions")
        return
    table = PlainTable("id", "name", "id", "close name", "score", title=f"{kind} merge suggestions")
    for s in found:
        table.add_row(f"#{s.a_id}", s.a_name, f"#{s.b_id}", s.b_name, f"{s.score:.0f}")
    table_console().print(table)


@registry_app.command("merge")
def merge_command(
    kind: KindArgument,
    keep: Annotated[str, typer.Argument(help="The entity that stays (name, alias or #id).")],
    merged: Annotated[str, typer.Argument(help="The entity that becomes its name (name, alias or #id).")],
    reviewer: ReviewerOption = None,
    reason: ReasonOption = None,
    db_url: DbOption = None,
) -> None:
    """Merge MERGED into KEEP: its names and claims count as KEEP's from now on (undo with split)."""
    from leaderboard import normalize
    from leaderboard.queries.names import entity_id_for

    with _writing(db_url) as session:
        keep_id, merged_id = entity_id_for(session, kind, keep), entity_id_for(session, kind, merged)
        moved = normalize.merge_entities(session, keep_id, merged_id, reviewer, reason)
    log.info(f"merged #{merged_id} into #{keep_id}; {moved} claim(s) moved")


@registry_app.command("split")
def split_command(
    kind: KindArgument,
    merged: Annotated[str, typer.Argument(help="The merged entity (its own name, alias or #id).")],
    reviewer: ReviewerOption = None,
    reason: ReasonOption = None,
    db_url: DbOption = None,
) -> None:
    """Undo a merge: the entity's names resolve to it again."""
    from leaderboard import normalize
    from leaderboard.queries.names import entity_id_for

    with _writing(db_url) as session:
        merged_id = entity_id_for(session, kind, merged, follow_merges=False)
        moved = normalize.split_entity(session, merged_id, reviewer, reason)
    log.info(f"split #{merged_id}; {moved} claim(s) moved back")


@registry_app.command("alias")
def alias_command(
    kind: KindArgument,
    entity: Annotated[str, typer.Argument(help="The entity (name, alias or #id).")],
    name: Annotated[str, typer.Argument(help="The new name that should resolve to it.")],
    reviewer: ReviewerOption = None,
    reason: ReasonOption = None,
    db_url: DbOption = None,
) -> None:
    """Add NAME as an alias of ENTITY."""
    from leaderboard import normalize
    from leaderboard.queries.names import entity_id_for, find_entity

    with _writing(db_url) as session:
        entity_id = entity_id_for(session, kind, entity)
        normalize.add_alias(session, entity_id, name, reviewer, reason)
        target = find_entity(session, kind, entity_id).name
    log.info(f"{name!r} now resolves to {target!r}")


@registry_app.command("direction")
def direction_command(
    metric: Annotated[str, typer.Argument(help="The metric (name, alias or #id).")],
    direction: Annotated[Literal["higher", "lower"], typer.Argument(help="Which way is better.")],
    reviewer: ReviewerOption = None,
    reason: ReasonOption = None,
    db_url: DbOption = None,
) -> None:
    """Set whether higher or lower is better for METRIC."""
    from leaderboard import normalize
    from leaderboard.queries.names import entity_id_for

    with _writing(db_url) as session:
        metric_id = entity_id_for(session, "metric", metric)
        normalize.set_metric_direction(session, metric_id, direction, reviewer, reason)
    log.info(f"{metric}: {direction} is better")


@registry_app.command("not-entity")
def not_entity_command(
    kind: Annotated[Literal["benchmark", "model"], typer.Argument(help="benchmark or model.")],
    name: Annotated[str, typer.Argument(help="The name (alias or #id).")],
    undo: Annotated[bool, typer.Option("--undo", help="It is a real one after all: clear the mark.")] = False,
    reviewer: ReviewerOption = None,
    reason: ReasonOption = None,
    db_url: DbOption = None,
) -> None:
    """Say that NAME is no real benchmark or model: it makes no board and no ranked row (its claims
    are kept). Logged; `leaderboard revert` undoes it."""
    from leaderboard import normalize
    from leaderboard.queries.names import entity_id_for

    with _writing(db_url) as session:
        entity_id = entity_id_for(session, kind, name)
        normalize.mark_not_entity(session, entity_id, not undo, reviewer, reason)
    log.info(f"{name}: {'a real ' + kind if undo else 'not a ' + kind}")


@registry_app.command("dismiss")
def dismiss_command(
    kind: KindArgument,
    first: Annotated[str, typer.Argument(help="One entity (name, alias or #id).")],
    second: Annotated[str, typer.Argument(help="The other.")],
    reviewer: ReviewerOption = None,
    db_url: DbOption = None,
) -> None:
    """Record that two entities are different, so they are not suggested again."""
    from leaderboard import normalize
    from leaderboard.queries.names import entity_id_for

    with _writing(db_url) as session:
        a_id, b_id = entity_id_for(session, kind, first), entity_id_for(session, kind, second)
        normalize.dismiss_suggestion(session, a_id, b_id, reviewer)
    log.info(f"#{a_id} and #{b_id} will not be suggested again")
