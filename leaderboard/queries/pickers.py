"""Names for the dashboard's pickers: what can be chosen without leading to an empty page.

`ranked_benchmarks` offers only benchmarks with a ranked score (a board to show), leaving out
names marked as no real benchmark (`entities.not_entity`); `entity_names` feeds the review
form's type-ahead with the canonical names of one kind.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from leaderboard.db.models import BenchmarkCount, BoardGroup, Entity

RANKED_COLUMNS = ["entity_id", "name", "scores"]


def ranked_benchmarks(session: Session) -> pd.DataFrame:
    """Benchmarks with at least one ranked score, most scores first. Columns: RANKED_COLUMNS."""
    scores = func.sum(BenchmarkCount.scores)
    counts = (
        select(BenchmarkCount.benchmark_id.label("entity_id"), scores.label("scores"))
        .group_by(BenchmarkCount.benchmark_id)
        .having(scores > 0)
        .subquery()
    )
    return _ranked(session, "benchmark", counts)


def ranked_models(session: Session) -> pd.DataFrame:
    """Models with at least one ranked score, most scores first. Columns: RANKED_COLUMNS."""
    counts = (
        select(BoardGroup.model_id.label("entity_id"), func.sum(BoardGroup.claims).label("scores"))
        .group_by(BoardGroup.model_id)
        .subquery()
    )
    return _ranked(session, "model", counts)


def _ranked(session: Session, kind: str, counts) -> pd.DataFrame:
    # Counts from the maintained statistics (leaderboard.store.board_stats), never the claims.
    query = (
        select(Entity.id, Entity.name, counts.c.scores)
        .join(counts, counts.c.entity_id == Entity.id)
        .where(Entity.kind == kind, Entity.merged_into_id.is_(None), Entity.not_entity.is_(None))
        .order_by(counts.c.scores.desc(), Entity.name)
    )
    return pd.DataFrame(session.execute(query).all(), columns=RANKED_COLUMNS)


def entity_names(session: Session, kind: str) -> list[str]:
    """Canonical names of every `kind` entity (merged ones left out), alphabetically."""
    query = (
        select(Entity.name)
        .where(Entity.kind == kind, Entity.merged_into_id.is_(None))
        .order_by(func.lower(Entity.name), Entity.name)
    )
    return list(session.scalars(query))
