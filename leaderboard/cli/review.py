"""Commands for reviewing by hand: `leaderboard review ...`, `history`, `revert`, `import-review`.

Every change needs a reviewer name (--reviewer, or $LEADERBOARD_REVIEWER) and
is logged in the audit log. The CLI runs with the user's own rights on the
database, so it asks for no password (leaderboard.access is the dashboard's).
A command's changes are one transaction: all of them, or none.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from leaderboard.cli.common import (
    app,
    command_group,
    fail,
    first_line,
    open_session,
)
from leaderboard.cli.options import (
    REVIEWER_REQUIRED,
    DbOption,
    ReasonOption,
    ReviewerOption,
    a_limit,
    an_id,
    claim_field_options,
    each_an_id,
)
from leaderboard.error_lines import ErrorLines
from leaderboard.terminal import printable

log = logging.getLogger("leaderboard.cli")

if TYPE_CHECKING:
    import pandas as pd
    from sqlalchemy.orm import Session

    from leaderboard.cli.tables import PlainTable

review_app = command_group("Review claims by hand: list what to review, accept, reject, edit, add.")
app.add_typer(review_app, name="review")

ClaimIds = Annotated[
    list[int], typer.Argument(metavar="ID...", help="Claim ids.", show_default=False, callback=each_an_id)
]
ClaimId = Annotated[int, typer.Argument(metavar="ID", help="Claim id.", callback=an_id)]


@contextlib.contextmanager
def _writing(db_url: str | None) -> Iterator[Session]:
    """A session whose changes are committed at the end, or rolled back on a refused change."""
    from sqlalchemy.exc import SQLAlchemyError

    from leaderboard import audit, review

    with open_session(db_url) as session:
        try:
            yield session
            session.commit()
        except (review.ReviewError, audit.ReviewerRequiredError) as exc:
            session.rollback()
            raise fail(str(exc)) from None
        except SQLAlchemyError as exc:
            session.rollback()
            raise fail(f"database: {first_line(exc)}") from None


def _require(reviewer: str | None) -> str:
    from leaderboard import audit

    try:
        return audit.require_reviewer(reviewer)
    except audit.ReviewerRequiredError:
        raise fail(REVIEWER_REQUIRED) from None


def _ids(entries: list) -> str:
    return ", ".join(f"#{e.id}" for e in entries) or "nothing"


@review_app.command("accept")
def accept_command(
    ids: ClaimIds, reviewer: ReviewerOption = None, reason: ReasonOption = None, db_url: DbOption = None
) -> None:
    """Mark claims accepted."""
    from leaderboard import review

    name = _require(reviewer)
    with _writing(db_url) as session:
        entries = review.accept(session, ids, name, reason)
    log.info(f"accepted {len(ids)} claim(s); logged {_ids(entries)}")


@review_app.command("reject")
def reject_command(
    ids: ClaimIds, reviewer: ReviewerOption = None, reason: ReasonOption = None, db_url: DbOption = None
) -> None:
    """Mark claims rejected (nothing is deleted; re-extraction never brings them back)."""
    from leaderboard import review

    name = _require(reviewer)
    with _writing(db_url) as session:
        entries = review.reject(session, ids, name, reason)
    log.info(f"rejected {len(ids)} claim(s); logged {_ids(entries)}")


@review_app.command("edit")
@claim_field_options()
def edit_command(
    claim_id: ClaimId,
    fields: dict[str, str],
    version: Annotated[
        int | None,
        typer.Option(
            "--version",
            callback=an_id,
            help="The version you read (refused if the claim changed since).",
        ),
    ] = None,
    reviewer: ReviewerOption = None,
    reason: ReasonOption = None,
    db_url: DbOption = None,
) -> None:
    """Correct fields of a claim; it becomes `corrected`."""
    from leaderboard import review

    name = _require(reviewer)
    with _writing(db_url) as session:
        entries = review.edit(session, claim_id, fields, name, version, reason)
    log.info(f"claim {claim_id}: {len(entries)} change(s) logged {_ids(entries)}")


@review_app.command("add")
@claim_field_options(exclude=("value",))
def add_command(
    paper_id: Annotated[str, typer.Argument(metavar="PAPER_ID", help="The paper the claim is in.")],
    evidence: Annotated[
        str, typer.Option("--evidence", help="The sentence the number is in (as in the abstract).")
    ],
    value: Annotated[str, typer.Option("--value", help="The number as reported.")],
    fields: dict[str, str],
    value_text: Annotated[
        str | None, typer.Option("--value-text", help="The number as written, when it appears twice.")
    ] = None,
    reviewer: ReviewerOption = None,
    reason: ReasonOption = None,
    db_url: DbOption = None,
) -> None:
    """Add a claim the extractor missed (accepted, origin 'manual')."""
    from leaderboard import review

    given = {"evidence": evidence, "value": value, "value_text": value_text, **fields}
    claim = {field: text for field, text in given.items() if text is not None}
    name = _require(reviewer)
    with _writing(db_url) as session:
        added = review.add_claim(session, paper_id, claim, name, reason)
        claim_id, span = added.id, (added.span_start, added.span_end)
    log.info(f"added claim {claim_id} to paper {paper_id} at [{span[0]}, {span[1]})")


@review_app.command("queue")
def queue_command(
    status: Annotated[
        str, typer.Option("--status", help="Status to list ('all' for every one).")
    ] = "extracted",  # ClaimStatus.EXTRACTED, written out so --help needs no SQLAlchemy
    rule: Annotated[str | None, typer.Option("--rule", help="Only claims of this extractor rule.")] = None,
    benchmark: Annotated[str | None, typer.Option("--benchmark", help="Benchmark name or alias.")] = None,
    paper: Annotated[str | None, typer.Option("--paper", help="Paper id.")] = None,
    min_confidence: Annotated[
        float | None, typer.Option("--min-confidence", help="Confidence at least.")
    ] = None,
    max_confidence: Annotated[
        float | None, typer.Option("--max-confidence", help="Confidence at most.")
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", min=1, callback=a_limit, help="Claims to list at most.")
    ] = 20,
    db_url: DbOption = None,
) -> None:
    """List claims to review, most doubtful (lowest confidence) first."""
    import pandas as pd

    from leaderboard import review
    from leaderboard.cli.tables import PlainTable, table_console

    with open_session(db_url) as session:
        table = review.review_queue(
            session,
            status=None if status == "all" else status,
            rule=rule,
            benchmark=benchmark,
            paper=paper,
            min_confidence=min_confidence,
            max_confidence=max_confidence,
            limit=limit,
        )
    shown = ["id", "version", "status", "confidence", "model", "benchmark", "metric", "value", "unit", "kind"]
    out = PlainTable(*shown, "where")
    for row in table.to_dict("records"):
        cells = ["" if pd.isna(row[c]) else str(row[c]) for c in shown]
        out.add_row(*cells, _snippet(row["evidence"], row["value"]))
    table_console(200).print(out)
    log.info(f"{len(table)} claim(s)")


def _snippet(evidence: str, value: float, width: int = 60) -> str:
    """The part of the sentence around the number, so the table stays one line per claim."""
    at = max(evidence.find(f"{value:g}"), 0)
    start = max(at - width // 2, 0)
    text = evidence[start : start + width]
    return ("…" if start else "") + text + ("…" if start + width < len(evidence) else "")


@app.command("history")
def history_command(claim_id: ClaimId, db_url: DbOption = None) -> None:
    """Every logged change to a claim, oldest first (use the #numbers with `leaderboard revert`)."""
    from leaderboard import review
    from leaderboard.review.locking import format_time, shown

    with open_session(db_url) as session:
        try:
            entries = review.history(session, claim_id)
        except review.ReviewError as exc:
            raise fail(str(exc)) from None
    if not entries:
        log.info(f"claim {claim_id}: no changes by people")
    for entry in entries:
        what = entry.action if entry.field in (None, entry.action) else f"{entry.action} {entry.field}"
        if entry.field is not None:
            what += f": {shown(entry.old_value)} -> {shown(entry.new_value)}"
        extras = [f"reverts #{entry.reverts_id}"] if entry.reverts_id else []
        extras += [f"reason: {entry.reason}"] if entry.reason else []
        tail = f"  ({'; '.join(extras)})" if extras else ""
        typer.echo(printable(f"#{entry.id}  {format_time(entry.at)}  {entry.reviewer}  {what}{tail}"))


@app.command("revert")
def revert_command(
    change_id: Annotated[
        int,
        typer.Argument(metavar="CHANGE_ID", help="A #number from `leaderboard history`.", callback=an_id),
    ],
    reviewer: ReviewerOption = None,
    reason: ReasonOption = None,
    db_url: DbOption = None,
) -> None:
    """Undo one logged change; the undo is logged too."""
    from leaderboard import review

    name = _require(reviewer)
    with _writing(db_url) as session:
        entries = review.revert(session, change_id, name, reason)
    log.info(f"reverted #{change_id}; logged {_ids(entries)}")


@app.command("import-review")
def import_review_command(
    path: Annotated[Path, typer.Argument(metavar="FILE", help="A CSV from `leaderboard export --review`.")],
    reviewer: ReviewerOption = None,
    db_url: DbOption = None,
) -> None:
    """Apply an edited review spreadsheet: every row is checked first, then all are applied or none."""
    from sqlalchemy.exc import SQLAlchemyError

    from leaderboard import review

    name = _require(reviewer)
    if not path.is_file():
        raise fail(f"{path}: no such file")
    with open_session(db_url) as session:
        try:
            summary = review.import_review(session, path, name)
            session.commit()
        except review.ImportProblems as problems:
            session.rollback()
            shown = printable(str(path))
            errors = ErrorLines(partial(typer.echo, err=True))
            for row, message in problems.problems:
                errors.report(shown, printable(f"{shown}:{row}: {message}"))
            errors.finish()
            typer.echo(f"nothing changed: {len(problems.problems):,} problem(s)", err=True)
            raise typer.Exit(code=1) from None
        except review.ReviewError as exc:
            session.rollback()
            raise fail(f"{path}: {exc}; nothing changed") from None
        except (SQLAlchemyError, OSError, UnicodeError) as exc:
            session.rollback()
            raise fail(f"{path}: {first_line(exc)}; nothing changed") from None
    log.info(
        f"{path}: {summary.rows} row(s): {summary.accepted} accepted, {summary.rejected} rejected, "
        f"{summary.corrected} corrected, {summary.unchanged} unchanged; "
        f"{summary.changes_logged} change(s) logged"
    )


def _percent(share: float) -> str:
    return f"{share:.0%}"


def _quality_table(title: str, table: pd.DataFrame, group: str, limit: int | None) -> PlainTable:
    from leaderboard.cli.tables import PlainTable

    out = PlainTable(
        "" if group == "scope" else group,
        "reviewed",
        "accepted unchanged",
        "corrected",
        "rejected",
        "fields corrected",
        title=title,
        title_justify="left",
    )
    for row in table.head(limit).to_dict("records"):
        out.add_row(
            str(row[group]),
            str(row["reviewed"]),
            f"{row['accepted']} ({_percent(row['accepted_share'])})",
            f"{row['corrected']} ({_percent(row['corrected_share'])})",
            f"{row['rejected']} ({_percent(row['rejected_share'])})",
            row["fields_corrected"],
        )
    return out


@app.command("quality")
def quality_command(
    limit: Annotated[
        int,
        typer.Option("--limit", min=1, callback=a_limit, help="Rows per table (most reviewed first)."),
    ] = 20,
    db_url: DbOption = None,
) -> None:
    """Extractor quality from reviewed claims: accepted unchanged, corrected (per field), rejected."""
    from leaderboard import review
    from leaderboard.cli.tables import table_console

    with open_session(db_url) as session:
        tables = review.quality(session)
    overall = tables["overall"]
    if overall.empty:
        log.info("no reviewed claims yet: accept, reject or correct some first")
        return
    console = table_console(160)
    console.print(_quality_table("All reviewed claims", overall, "scope", None))
    console.print(_quality_table("By rule", tables["by_rule"], "rule", limit))
    console.print(_quality_table("By benchmark (as extracted)", tables["by_benchmark"], "benchmark", limit))
