"""Entities as tables for screens: benchmarks, metrics or models with their aliases and claim
counts, and merge suggestions. Reads only; changes go through leaderboard.normalize."""

from __future__ import annotations

from dataclasses import asdict

import pandas as pd
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from leaderboard import audit
from leaderboard.db.models import Alias, AuditEntry, ClaimRow, Entity
from leaderboard.normalize import fold, merge_suggestions
from leaderboard.queries.base import counted

ENTITY_COLUMNS = [
    "entity_id", "name", "source", "task", "direction", "scale", "unit", "claims", "aliases", "merged_into",
    "not_entity",
]  # fmt: skip
HISTORY_COLUMNS = ["change_id", "at", "reviewer", "action", "field", "old", "new", "reason", "reverts"]
SUGGESTION_COLUMNS = ["a_id", "a_name", "b_id", "b_name", "score"]
# Which claim column points at an entity of each kind.
_CLAIM_COLUMN = {"benchmark": ClaimRow.benchmark_id, "metric": ClaimRow.metric_id, "model": ClaimRow.model_id}


def entity_table(
    session: Session, kind: str, search: str = "", include_merged: bool = False, limit: int | None = 200
) -> pd.DataFrame:
    """Entities of `kind` (most claims first), each with its other names and what it is merged into.

    `search` matches a name or alias after folding (case, punctuation, spacing ignored).
    Columns: ENTITY_COLUMNS; `aliases` is the other names, joined with ' | '.
    """
    column = _CLAIM_COLUMN[kind]
    counts = select(column.label("entity_id"), func.count().label("claims")).group_by(column).subquery()
    target = aliased(Entity, name="target")
    query = (
        select(
            Entity.id,
            Entity.name,
            Entity.source,
            Entity.task,
            Entity.direction,
            Entity.scale,
            Entity.unit,
            func.coalesce(counts.c.claims, 0).label("claims"),
            target.name.label("merged_into"),
            Entity.not_entity,
        )  # fmt: skip
        .outerjoin(counts, counts.c.entity_id == Entity.id)
        .outerjoin(target, target.id == Entity.merged_into_id)
        .where(Entity.kind == kind)
        .order_by(func.coalesce(counts.c.claims, 0).desc(), Entity.name)
        .limit(limit)
    )
    if not include_merged:
        query = query.where(Entity.merged_into_id.is_(None))
    key = fold(search)
    if key:
        pattern = f"%{key.replace('%', '').replace('_', '')}%"
        named = select(Alias.entity_id).where(Alias.kind == kind, Alias.key.like(pattern))
        query = query.where(or_(Entity.key.like(pattern), Entity.id.in_(named)))
    rows = session.execute(query).all()
    aliases = _aliases(session, [row.id for row in rows])
    records = [
        [
            *row[:8],
            " | ".join(name for name in aliases.get(row.id, []) if name != row.name),
            row.merged_into,
            row.not_entity,
        ]
        for row in rows
    ]
    return pd.DataFrame(records, columns=ENTITY_COLUMNS)


def _aliases(session: Session, ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    if not ids:
        return found
    query = select(Alias.entity_id, Alias.name).where(Alias.entity_id.in_(ids)).order_by(Alias.name)
    for entity_id, name in session.execute(query):
        found.setdefault(entity_id, []).append(name)
    return found


def suggestions_table(session: Session, kind: str, limit: int = 50) -> pd.DataFrame:
    """`normalize.merge_suggestions` as a table. Columns: SUGGESTION_COLUMNS."""
    found = merge_suggestions(session, kind, limit=limit)
    return pd.DataFrame([asdict(s) for s in found], columns=SUGGESTION_COLUMNS)


UNKNOWN_DIRECTION_COLUMNS = ["metric_id", "metric", "claims"]


def metrics_without_direction(session: Session) -> pd.DataFrame:
    """Metrics with scores but no direction, most scores first: their boards are unranked until a
    person sets one (`leaderboard registry direction`). Columns: UNKNOWN_DIRECTION_COLUMNS."""
    scores = func.count(ClaimRow.id)
    query = (
        select(Entity.id, Entity.name, scores)
        .join(ClaimRow, ClaimRow.metric_id == Entity.id)
        .where(
            Entity.kind == "metric",
            Entity.direction.is_(None),
            Entity.merged_into_id.is_(None),
            ClaimRow.kind == "score",
            counted(),
        )
        .group_by(Entity.id, Entity.name)
        .order_by(scores.desc(), Entity.name)
    )
    return pd.DataFrame(session.execute(query).all(), columns=UNKNOWN_DIRECTION_COLUMNS)


def shown_value(value: object) -> str | None:
    """A logged value as text: a merge's or split's dict as key=value pairs."""
    if value is None:
        return None
    if isinstance(value, dict):
        return "; ".join(f"{key}={val}" for key, val in value.items() if val is not None)
    return str(value)


def entity_history_table(session: Session, entity_id: int) -> pd.DataFrame:
    """An entity's logged changes (merges, aliases, direction, "not an entity"), oldest first,
    values decoded. Columns: HISTORY_COLUMNS of leaderboard.queries.review_table."""
    entries = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.target == "entity", AuditEntry.target_id == entity_id)
        .order_by(AuditEntry.id)
    )
    rows = [
        [
            entry.id, entry.at, entry.reviewer, entry.action, entry.field,
            shown_value(audit.decode(entry.old_value)), shown_value(audit.decode(entry.new_value)),
            entry.reason, entry.reverts_id,
        ]
        for entry in entries
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=HISTORY_COLUMNS)
