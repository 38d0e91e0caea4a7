"""A claim's history, and undoing one logged change (which is itself logged).

Undoing a field or status change puts back the old value, but only while the
value is still the one that change wrote: a later change must be undone first,
so no revert silently discards someone else's work. Undoing an 'add' rejects
the added claim (nothing is deleted). Entity changes (merge, split, alias,
direction) are undone through leaderboard.normalize's own functions.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaderboard import audit
from leaderboard.db.models import AuditEntry, ClaimRow, ClaimStatus
from leaderboard.review.entity_revert import revert_entity_change
from leaderboard.review.errors import ReviewError
from leaderboard.review.field_values import EDITABLE_FIELDS, same_value
from leaderboard.review.locking import describe, load_claim, write_claim


def history(session: Session, claim_id: int) -> list[AuditEntry]:
    """Every logged change to a claim, oldest first; unknown id raises ReviewError."""
    if session.get(ClaimRow, claim_id) is None:
        raise ReviewError(f"no claim with id {claim_id}")
    query = (
        select(AuditEntry)
        .where(AuditEntry.target == "claim", AuditEntry.target_id == claim_id)
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    return list(session.scalars(query))


def revert(session: Session, change_id: int, reviewer: str, reason: str | None = None) -> list[AuditEntry]:
    """Undo audit entry `change_id`; returns the new entries (each pointing at it with `reverts_id`)."""
    reviewer = audit.require_reviewer(reviewer)
    entry = session.get(AuditEntry, change_id)
    if entry is None:
        raise ReviewError(f"no change with id {change_id}")
    reason = reason or f"revert of #{change_id}"
    if entry.target != "claim":
        return revert_entity_change(session, entry, reviewer, reason)
    if entry.action == "add":
        return _revert_add(session, entry, reviewer, reason)
    if entry.field not in (*EDITABLE_FIELDS, "status"):
        raise ReviewError(f"change #{change_id} ({entry.action}) cannot be reverted")
    claim = load_claim(session, entry.target_id)
    written, restored = audit.decode(entry.new_value), audit.decode(entry.old_value)
    current = getattr(claim, entry.field)
    if not same_value(current, written):
        raise ReviewError(
            f"claim {claim.id}'s {entry.field} is no longer what change #{change_id} wrote "
            f"({audit.encode(current)} now; {_later_change(session, entry)}): revert that first"
        )
    changes, status = ({}, restored) if entry.field == "status" else ({entry.field: restored}, None)
    return write_claim(
        session,
        claim.id,
        reviewer=reviewer,
        changes=changes,
        status=status,
        action="revert",
        reason=reason,
        reverts_id=change_id,
    )


def _later_change(session: Session, entry: AuditEntry) -> str:
    later = session.scalars(
        select(AuditEntry)
        .where(
            AuditEntry.target == entry.target,
            AuditEntry.target_id == entry.target_id,
            AuditEntry.field == entry.field,
            AuditEntry.id > entry.id,
        )
        .order_by(AuditEntry.id.desc())
    ).first()
    return "changed by the extractor" if later is None else f"last change {describe(later)}"


def _revert_add(session: Session, entry: AuditEntry, reviewer: str, reason: str) -> list[AuditEntry]:
    claim = load_claim(session, entry.target_id)
    if claim.status == ClaimStatus.REJECTED:
        raise ReviewError(f"claim {claim.id} is already rejected")
    return write_claim(
        session,
        claim.id,
        reviewer=reviewer,
        status=ClaimStatus.REJECTED,
        action="revert",
        reason=reason,
        reverts_id=entry.id,
    )
