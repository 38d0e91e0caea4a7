"""Which claims to look at next: a filtered table of claims, most doubtful first."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from leaderboard.db.models import ClaimRow, ClaimStatus
from leaderboard.queries.claims import ClaimFilter
from leaderboard.review.field_values import EDITABLE_FIELDS

# Columns of the review queue and the review spreadsheet, in order (keep in sync with README "Reviewing").
REVIEW_COLUMNS = ("id", "version", "paper_id", "status", *EDITABLE_FIELDS, "evidence", "rule", "confidence")


def review_queue(
    session: Session,
    status: str | None = ClaimStatus.EXTRACTED,
    min_confidence: float | None = None,
    max_confidence: float | None = None,
    rule: str | None = None,
    benchmark: str | None = None,
    paper: str | None = None,
    limit: int | None = 50,
) -> pd.DataFrame:
    """Claims (default: not yet reviewed) sorted by doubt: lowest confidence first, then by id.

    Columns: REVIEW_COLUMNS. `status=None` lists every status. Filters as for the claims
    table (`queries.claims.ClaimFilter`): an unknown benchmark raises UnknownEntityError.
    """
    query = select(*(getattr(ClaimRow, name) for name in REVIEW_COLUMNS))
    wanted = ClaimFilter(
        status=status,
        min_confidence=min_confidence,
        max_confidence=max_confidence,
        rule=rule,
        benchmark=benchmark,
        paper=paper,
    )
    query = wanted.apply(session, query).order_by(ClaimRow.confidence, ClaimRow.id)
    if limit is not None:
        query = query.limit(limit)
    return pd.DataFrame(session.execute(query).all(), columns=list(REVIEW_COLUMNS))
