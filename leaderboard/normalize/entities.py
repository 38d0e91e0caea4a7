"""What a person does to entities: merge, undo a merge, add an alias, set a metric's direction,
say a name is no real benchmark or model.

Each change is audited (leaderboard.audit.record) in the caller's
transaction, needs a reviewer's name, and re-resolves the claims it affects,
so leaderboards follow at once. A merge keeps the merged entity and its
aliases (only `merged_into_id` is set), which is what makes it undoable.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaderboard.audit import record, require_reviewer
from leaderboard.db.models import METRIC_DIRECTIONS, Alias, Entity
from leaderboard.errors import LeaderboardError
from leaderboard.normalize.fold import fold
from leaderboard.normalize.junk import MANUAL
from leaderboard.normalize.reresolve import reresolve_claims
from leaderboard.normalize.resolve import ENTITIES_WRITTEN


class EntityError(LeaderboardError, ValueError):
    """An entity operation that cannot be done (unknown id, kinds differ, already merged...)."""


def _get(session: Session, entity_id: int) -> Entity:
    entity = session.get(Entity, entity_id)
    if entity is None:
        raise EntityError(f"no entity with id {entity_id}")
    return entity


def _canonical(session: Session, entity_id: int) -> Entity:
    entity = _get(session, entity_id)
    if entity.merged_into_id is not None:
        target = _get(session, entity.merged_into_id)
        raise EntityError(f"{entity.name!r} is merged into {target.name!r} (id {target.id}); use that one")
    return entity


def merge_entities(
    session: Session, keep_id: int, merged_id: int, reviewer: str, reason: str | None = None
) -> int:
    """Make `merged_id` a name of `keep_id`; returns how many claims moved."""
    reviewer = require_reviewer(reviewer)
    keep, merged = _canonical(session, keep_id), _canonical(session, merged_id)
    if keep.id == merged.id:
        raise EntityError("an entity cannot be merged into itself")
    if keep.kind != merged.kind:
        raise EntityError(f"cannot merge a {merged.kind} into a {keep.kind}")
    merged.merged_into_id = keep.id
    session.info[ENTITIES_WRITTEN] = True
    record(
        session,
        target="entity",
        target_id=merged.id,
        action="merge",
        field="merged_into_id",
        old=None,
        new=keep.id,
        reviewer=reviewer,
        reason=reason,
    )
    return reresolve_claims(session, {merged.id})


def split_entity(session: Session, merged_id: int, reviewer: str, reason: str | None = None) -> int:
    """Undo the merge of `merged_id`: its names resolve to it again; returns how many claims moved."""
    reviewer = require_reviewer(reviewer)
    merged = _get(session, merged_id)
    if merged.merged_into_id is None:
        raise EntityError(f"{merged.name!r} is not merged into anything")
    former = merged.merged_into_id
    merged.merged_into_id = None
    session.info[ENTITIES_WRITTEN] = True
    record(
        session,
        target="entity",
        target_id=merged.id,
        action="split",
        field="merged_into_id",
        old=former,
        new=None,
        reviewer=reviewer,
        reason=reason,
    )
    session.flush()
    return reresolve_claims(session, {former})


def add_alias(session: Session, entity_id: int, name: str, reviewer: str, reason: str | None = None) -> Alias:
    """Make `name` resolve to the entity. A name the extractor met on its own (an extracted
    entity of exactly that name) is merged in; a name of another curated entity is an error."""
    reviewer = require_reviewer(reviewer)
    entity = _canonical(session, entity_id)
    key = fold(name)
    if not key:
        raise EntityError("an alias needs at least one letter or digit")
    existing = session.scalar(select(Alias).where(Alias.kind == entity.kind, Alias.key == key))
    if existing is not None:
        owner = _get(session, existing.entity_id)
        if owner.id == entity.id or owner.merged_into_id == entity.id:
            return existing
        if owner.source == "extracted" and owner.key == key and owner.merged_into_id is None:
            merge_entities(session, entity.id, owner.id, reviewer, reason or f"alias {name!r}")
            return existing
        raise EntityError(f"{name!r} is already a name of {owner.name!r} (id {owner.id})")
    alias = Alias(entity_id=entity.id, kind=entity.kind, name=name.strip(), key=key, source="manual")
    session.add(alias)
    session.flush()
    session.info[ENTITIES_WRITTEN] = True
    record(
        session,
        target="alias",
        target_id=alias.id,
        action="alias",
        field="entity_id",
        old=None,
        new=entity.id,
        reviewer=reviewer,
        reason=reason or name,
    )
    return alias


def set_metric_direction(
    session: Session, metric_id: int, direction: str, reviewer: str, reason: str | None = None
) -> None:
    """Say whether higher or lower is better for a metric (leaderboards re-rank at once)."""
    reviewer = require_reviewer(reviewer)
    metric = _canonical(session, metric_id)
    if metric.kind != "metric":
        raise EntityError(f"{metric.name!r} is a {metric.kind}, not a metric")
    if direction not in METRIC_DIRECTIONS:
        raise EntityError(f"direction must be one of {', '.join(METRIC_DIRECTIONS)}, not {direction!r}")
    if not _edit_entity(session, metric, "direction", direction, reviewer, reason):
        return
    # Whether a negative value is possible depends on the direction (scale.canonical_value).
    reresolve_claims(session, {metric.id})


def mark_not_entity(
    session: Session, entity_id: int, not_entity: bool, reviewer: str, reason: str | None = None
) -> None:
    """Say that a benchmark or model name is no real one (its claims stay, it makes no board and
    no ranked row), or that it is one after all: `entities.not_entity` becomes 'manual' or NULL."""
    set_not_entity(session, entity_id, MANUAL if not_entity else None, reviewer, reason)


def set_not_entity(
    session: Session, entity_id: int, value: str | None, reviewer: str, reason: str | None = None
) -> None:
    """Set `entities.not_entity` to `value` (a junk reason, 'manual' or None), logged; reverting a
    change restores the value before it, a rule's reason included."""
    reviewer = require_reviewer(reviewer)
    entity = _canonical(session, entity_id)
    if entity.kind not in ("benchmark", "model"):
        raise EntityError(f"{entity.name!r} is a {entity.kind}: only benchmarks and models can be no entity")
    _edit_entity(session, entity, "not_entity", value, reviewer, reason)


def _edit_entity(
    session: Session, entity: Entity, field: str, value: str | None, reviewer: str, reason: str | None
) -> bool:
    """Set one field of an entity, logged as an edit (revertable); False when it already holds it."""
    old = getattr(entity, field)
    if old == value:
        return False
    record(
        session,
        target="entity",
        target_id=entity.id,
        action="edit",
        field=field,
        old=old,
        new=value,
        reviewer=reviewer,
        reason=reason,
    )
    setattr(entity, field, value)
    session.info[ENTITIES_WRITTEN] = True
    session.flush()
    return True
