"""Undoing a logged entity change through leaderboard.normalize's own operations.

A merge is undone by a split and a split by a merge, a metric direction or a
"not an entity" mark goes back to the old one; each is logged by the function that does it, pointing
at the undone change (`reverts_id`). An alias a person added, or a dismissed
merge suggestion, is removed, and that is logged here. Every undo is refused
while a later change has moved the entity on: undo that one first.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaderboard import audit
from leaderboard.db.models import Alias, AuditEntry, Entity, MergeDismissal
from leaderboard.normalize import (
    EntityError,
    merge_entities,
    reresolve_claims,
    set_metric_direction,
    set_not_entity,
    split_entity,
)
from leaderboard.review.errors import ReviewError


@contextlib.contextmanager
def _reverting(session: Session, change_id: int) -> Iterator[None]:
    session.info[audit.REVERTING] = change_id
    try:
        yield
    finally:
        session.info.pop(audit.REVERTING, None)


def revert_entity_change(session: Session, entry: AuditEntry, reviewer: str, reason: str) -> list[AuditEntry]:
    """Undo entity/alias/dismissal change `entry`; returns the entries logged for the undo."""
    last = session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)) or 0
    try:
        with _reverting(session, entry.id):
            _dispatch(session, entry, reviewer, reason)
    except EntityError as exc:
        raise ReviewError(f"cannot revert change #{entry.id}: {exc}") from None
    session.flush()
    return list(session.scalars(select(AuditEntry).where(AuditEntry.id > last).order_by(AuditEntry.id)))


def _dispatch(session: Session, entry: AuditEntry, reviewer: str, reason: str) -> None:
    old, new = audit.decode(entry.old_value), audit.decode(entry.new_value)
    if entry.target == "entity" and entry.field == "merged_into_id":
        entity = _entity(session, entry)
        if entity.merged_into_id != new:
            raise ReviewError(
                f"cannot revert change #{entry.id}: {entity.name!r} {_merge_state(session, entity)}"
            )
        if new is not None:  # a merge: split it
            split_entity(session, entity.id, reviewer, reason)
        else:  # a split: merge again
            merge_entities(session, old, entity.id, reviewer, reason)
    elif entry.target == "entity" and entry.field == "direction":
        metric = _entity(session, entry)
        if metric.direction != new:
            raise ReviewError(
                f"cannot revert change #{entry.id}: {metric.name!r} is now {metric.direction!r}"
            )
        if old is not None:
            set_metric_direction(session, metric.id, old, reviewer, reason)
        else:
            _unset_direction(session, metric, reviewer, reason)
    elif entry.target == "entity" and entry.field == "not_entity":
        entity = _entity(session, entry)
        if entity.not_entity != new:
            raise ReviewError(
                f"cannot revert change #{entry.id}: {entity.name!r} is now {entity.not_entity!r}"
            )
        set_not_entity(session, entity.id, old, reviewer, reason)
    elif entry.target == "alias" and entry.action == "alias":
        alias = session.get(Alias, entry.target_id)
        # Ids of removed rows can be reused (SQLite): the row must still be the one logged.
        _remove(
            session, alias if alias is not None and alias.entity_id == new else None, entry, reviewer, reason
        )
    elif entry.target == "dismissal" and entry.action == "dismiss":
        dismissal = session.get(MergeDismissal, entry.target_id)
        same = dismissal is not None and [dismissal.entity_id, dismissal.other_id] == new
        _remove(session, dismissal if same else None, entry, reviewer, reason)
    else:
        raise ReviewError(f"change #{entry.id} ({entry.target} {entry.action}) cannot be reverted")


def _entity(session: Session, entry: AuditEntry) -> Entity:
    entity = session.get(Entity, entry.target_id)
    if entity is None:
        raise ReviewError(f"cannot revert change #{entry.id}: entity {entry.target_id} no longer exists")
    return entity


def _merge_state(session: Session, entity: Entity) -> str:
    if entity.merged_into_id is None:
        return "is not merged into anything now"
    target = session.get(Entity, entity.merged_into_id)
    return f"is merged into {target.name!r} (id {target.id}) now"


def _unset_direction(session: Session, metric: Entity, reviewer: str, reason: str) -> None:
    audit.record(
        session,
        target="entity",
        target_id=metric.id,
        action="revert",
        field="direction",
        old=metric.direction,
        new=None,
        reviewer=reviewer,
        reason=reason,
    )
    metric.direction = None
    session.flush()
    reresolve_claims(session, {metric.id})


def _remove(
    session: Session, row: Alias | MergeDismissal | None, entry: AuditEntry, reviewer: str, reason: str
):
    """Remove an alias or a dismissal a person added (the log keeps that it existed)."""
    if row is None:
        raise ReviewError(f"cannot revert change #{entry.id}: that {entry.target} was already removed")
    entity_id = row.entity_id
    audit.record(
        session,
        target=entry.target,
        target_id=entry.target_id,
        action="revert",
        field=entry.field,
        old=audit.decode(entry.new_value),
        new=None,
        reviewer=reviewer,
        reason=reason,
    )
    session.delete(row)
    session.flush()
    if isinstance(row, Alias):
        # Claims written with that name resolve anew: to an entity of their own name.
        reresolve_claims(session, {entity_id})
