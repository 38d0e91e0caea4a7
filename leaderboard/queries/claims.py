"""All claims, filtered: what `leaderboard export --claims` writes and the dashboard lists."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import or_
from sqlalchemy.orm import Session

from leaderboard.db.models import ClaimRow
from leaderboard.normalize.conditions import parse_condition_option
from leaderboard.queries.base import claim_select, claims_frame
from leaderboard.queries.names import find_entity

# Characters LIKE treats specially, escaped so a search finds them literally.
LIKE_ESCAPE = "\\"


def claims(
    session: Session,
    *,
    benchmark: str | int | None = None,
    metric: str | int | None = None,
    model: str | int | None = None,
    status: str | None = None,
    paper: str | None = None,
    rule: str | None = None,
    kind: str | None = None,
    condition: str | None = None,
    min_confidence: float | None = None,
    max_confidence: float | None = None,
    search: str | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """Claims matching every filter given, in paper then claim order. Columns: CLAIM_COLUMNS.

    Benchmark, metric and model accept a name, an alias or an entity id (an
    unknown name raises UnknownEntityError); `model` also matches claims
    quoting it as their baseline. `search` looks in the evidence and in the
    names as written, ignoring case.
    """
    query = claim_select()
    if benchmark is not None:
        query = query.where(ClaimRow.benchmark_id == find_entity(session, "benchmark", benchmark).id)
    if metric is not None:
        query = query.where(ClaimRow.metric_id == find_entity(session, "metric", metric).id)
    if model is not None:
        model_id = find_entity(session, "model", model).id
        query = query.where(or_(ClaimRow.model_id == model_id, ClaimRow.baseline_model_id == model_id))
    if status is not None:
        query = query.where(ClaimRow.status == status)
    if paper is not None:
        query = query.where(ClaimRow.paper_id == paper)
    if rule is not None:
        query = query.where(ClaimRow.rule == rule)
    if kind is not None:
        query = query.where(ClaimRow.kind == kind)
    if condition is not None:
        query = query.where(ClaimRow.condition_key == parse_condition_option(condition))
    if min_confidence is not None:
        query = query.where(ClaimRow.confidence >= min_confidence)
    if max_confidence is not None:
        query = query.where(ClaimRow.confidence <= max_confidence)
    if search:
        pattern = f"%{_escape_like(search)}%"
        query = query.where(
            or_(
                *(
                    column.ilike(pattern, escape=LIKE_ESCAPE)
                    for column in (ClaimRow.evidence, ClaimRow.model, ClaimRow.benchmark, ClaimRow.metric)
                )
            )
        )
    query = query.order_by(ClaimRow.paper_id, ClaimRow.id)
    if limit is not None:
        query = query.limit(limit)
    return claims_frame(session, query)


def _escape_like(text: str) -> str:
    for char in (LIKE_ESCAPE, "%", "_"):
        text = text.replace(char, LIKE_ESCAPE + char)
    return text
