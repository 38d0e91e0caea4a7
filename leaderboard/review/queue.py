"""Which claims to look at next: a filtered table of claims, most doubtful first."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from leaderboard.db.models import Alias, ClaimRow, Entity
from leaderboard.normalize import fold
from leaderboard.review.field_values import EDITABLE_FIELDS

# Columns of the review queue and the review spreadsheet, in order (keep in sync with README "Reviewing").
REVIEW_COLUMNS = ("id", "version", "paper_id", "status", *EDITABLE_FIELDS, "evidence", "rule", "confidence")


def _named(kind: str, column, name: str):
    """Claims whose `kind` is `name`: as written, or resolving to the same entity (by name or alias)."""
    key = fold(name)
    by_entity = select(Entity.id).where(Entity.kind == kind, Entity.key == key)
    by_alias = select(Alias.entity_id).where(Alias.kind == kind, Alias.key == key)
    id_column = getattr(ClaimRow, f"{kind}_id")
    return or_(func.lower(column) == name.strip().lower(), id_column.in_(by_entity), id_column.in_(by_alias))


def filter_claims(
    query: Select,
    *,
    status: str | None = None,
    min_confidence: float | None = None,
    max_confidence: float | None = None,
    rule: str | None = None,
    benchmark: str | None = None,
    paper: str | None = None,
    ids: list[int] | None = None,
) -> Select:
    if status:
        query = query.where(ClaimRow.status == status)
    if min_confidence is not None:
        query = query.where(ClaimRow.confidence >= min_confidence)
    if max_confidence is not None:
        query = query.where(ClaimRow.confidence <= max_confidence)
    if rule:
        query = query.where(ClaimRow.rule == rule)
    if benchmark:
        query = query.where(_named("benchmark", ClaimRow.benchmark, benchmark))
    if paper:
        query = query.where(ClaimRow.paper_id == paper)
    if ids is not None:
        query = query.where(ClaimRow.id.in_(ids))
    return query


def review_queue(
    session: Session,
    status: str | None = "extracted",
    min_confidence: float | None = None,
    max_confidence: float | None = None,
    rule: str | None = None,
    benchmark: str | None = None,
    paper: str | None = None,
    limit: int | None = 50,
) -> pd.DataFrame:
    """Claims (default: not yet reviewed) sorted by doubt: lowest confidence first, then by id.

    Columns: REVIEW_COLUMNS. `status=None` lists every status.
    """
    query = select(*(getattr(ClaimRow, name) for name in REVIEW_COLUMNS))
    query = filter_claims(
        query,
        status=status,
        min_confidence=min_confidence,
        max_confidence=max_confidence,
        rule=rule,
        benchmark=benchmark,
        paper=paper,
    ).order_by(ClaimRow.confidence, ClaimRow.id)
    if limit is not None:
        query = query.limit(limit)
    return pd.DataFrame(session.execute(query).all(), columns=list(REVIEW_COLUMNS))
