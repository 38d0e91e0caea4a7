"""One write to one claim: a version-checked UPDATE and its audit entries, in one step.

Every person's change goes through `write_claim`, so each bumps `version`
exactly once and is logged; an UPDATE naming a version that is no longer the
row's changes nothing and is refused with the change that got there first.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from leaderboard import audit
from leaderboard.db.models import AuditEntry, ClaimRow, utcnow
from leaderboard.normalize import resolve_claim_rows
from leaderboard.records import CLAIM_FIELDS
from leaderboard.review.errors import ReviewError, StaleVersionError
from leaderboard.review.field_values import EDITABLE_FIELDS, FIELDS_NEEDING_RESOLUTION, same_value

RESOLUTION_COLUMNS = (
    "benchmark_id",
    "metric_id",
    "model_id",
    "baseline_model_id",
    "value_canonical",
    "value_flag",
    "condition_key",
)
SPEC_COLUMNS = (
    "paper_id",
    *CLAIM_FIELDS,
    "evidence",
    "value_text",
    "span_start",
    "span_end",
)


def load_claim(session: Session, claim_id: int) -> ClaimRow:
    """The claim as stored now (not a copy cached in the session); unknown id raises ReviewError."""
    query = select(ClaimRow).where(ClaimRow.id == claim_id).execution_options(populate_existing=True)
    claim = session.scalars(query).one_or_none()
    if claim is None:
        raise ReviewError(f"no claim with id {claim_id}")
    return claim


def latest_write(session: Session, claim_id: int) -> list[AuditEntry]:
    """The entries of the newest logged write to a claim (one per field; they share `at`)."""
    query = (
        select(AuditEntry)
        .where(AuditEntry.target == "claim", AuditEntry.target_id == claim_id)
        .order_by(AuditEntry.id.desc())
        .limit(len(EDITABLE_FIELDS) + 1)
    )
    entries = list(session.scalars(query))
    newest = entries[:1]
    for entry in entries[1:]:
        if (entry.at, entry.reviewer) != (newest[0].at, newest[0].reviewer):
            break
        newest.append(entry)
    return newest[::-1]


def format_time(at: dt.datetime | None) -> str:
    if at is None:
        return "an unknown time"
    if at.tzinfo is not None:
        at = at.astimezone(dt.UTC)
    return at.strftime("%Y-%m-%d %H:%M:%S UTC")


def shown(encoded: str | None) -> str:
    """A logged (JSON) value for people: strings quoted, numbers bare, no value as '(none)'."""
    return "(none)" if encoded is None else encoded


def describe(*entries: AuditEntry) -> str:
    """'#12 by ann at 2026-11-23 14:20:01 UTC: metric "acc" -> "accuracy"' (one write, many fields)."""
    first = entries[0]
    numbers = ", ".join(f"#{e.id}" for e in entries)
    what = "; ".join(
        e.action if e.field is None else f"{e.field} {shown(e.old_value)} -> {shown(e.new_value)}"
        for e in entries
    )
    return f"{numbers} by {first.reviewer} at {format_time(first.at)}: {what}"


def stale_error(session: Session, claim_id: int, expected: int) -> ReviewError:
    """The error for a write that named `expected` but found another version (or no claim)."""
    claim = session.scalars(
        select(ClaimRow).where(ClaimRow.id == claim_id).execution_options(populate_existing=True)
    ).one_or_none()
    if claim is None:
        return ReviewError(f"no claim with id {claim_id}")
    entries = latest_write(session, claim_id)
    newer = (
        f"last change {describe(*entries)}" if entries else f"re-extracted at {format_time(claim.updated_at)}"
    )
    return StaleVersionError(
        f"claim {claim_id} was changed after you read version {expected} (now version {claim.version}; "
        f"{newer}); reload it and try again"
    )


def resolve_row(session: Session, row: dict[str, Any]) -> None:
    """Fill the entity ids, canonical value and condition key of a claim-row dict in place."""
    resolve_rows(session, [row])


def resolve_rows(session: Session, rows: list[dict[str, Any]]) -> None:
    """`resolve_row` for many rows at once (one lookup per entity kind)."""
    resolve_claim_rows(session, rows)


def edited_row(claim: ClaimRow, changes: dict[str, Any]) -> dict[str, Any]:
    """The claim's row as it will be after `changes`, for resolving."""
    return {name: getattr(claim, name) for name in SPEC_COLUMNS} | changes


def write_claim(
    session: Session,
    claim_id: int,
    *,
    reviewer: str,
    expected_version: int | None = None,
    changes: dict[str, Any] | None = None,
    status: str | None = None,
    action: str = "edit",
    reason: str | None = None,
    reverts_id: int | None = None,
    loaded: ClaimRow | None = None,
    resolved: dict[str, Any] | None = None,
) -> list[AuditEntry]:
    """Apply parsed field `changes` and/or a new `status` as one versioned write, and log each change.

    `expected_version` None means "the version stored now" (still one
    conditional UPDATE, so a write racing this one cannot be overwritten).
    Returns the audit entries written; none when nothing would change.
    A batch may pass the claim it `loaded` in this transaction (the UPDATE's
    version check still guards it) and the `resolved` row of `edited_row`.
    """
    reviewer = audit.require_reviewer(reviewer)
    claim = loaded if loaded is not None else load_claim(session, claim_id)
    expected = claim.version if expected_version is None else int(expected_version)
    if claim.version != expected:
        raise stale_error(session, claim_id, expected)
    diffs = {
        name: value for name, value in (changes or {}).items() if not same_value(getattr(claim, name), value)
    }
    old_status = claim.status
    new_status = status if status is not None and status != old_status else None
    if not diffs and new_status is None:
        return []
    values: dict[str, Any] = dict(diffs)
    if FIELDS_NEEDING_RESOLUTION & diffs.keys():
        row = resolved
        if row is None:
            row = edited_row(claim, diffs)
            resolve_row(session, row)
        values |= {name: row[name] for name in RESOLUTION_COLUMNS if name in row}
    if new_status is not None:
        values["status"] = new_status
    old = {name: getattr(claim, name) for name in diffs}
    now = utcnow()
    result = session.execute(
        update(ClaimRow)
        .where(ClaimRow.id == claim_id, ClaimRow.version == expected)
        .values(**values, version=ClaimRow.version + 1, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise stale_error(session, claim_id, expected)
    session.expire(claim)
    log = {"target": "claim", "target_id": claim_id, "reviewer": reviewer, "reason": reason, "at": now}
    entries = [
        audit.record(session, action=action, field=name, old=old[name], new=new, reverts_id=reverts_id, **log)
        for name, new in diffs.items()
    ]
    if new_status is not None:
        status_action = action if action == "revert" else "status"
        entries.append(
            audit.record(
                session,
                action=status_action,
                field="status",
                old=old_status,
                new=new_status,
                reverts_id=reverts_id,
                **log,
            )
        )
    return entries
