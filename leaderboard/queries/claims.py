"""All claims, filtered: what `leaderboard export --claims` writes and the dashboard lists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Select, or_
from sqlalchemy.orm import Session

from leaderboard.db.models import ClaimRow
from leaderboard.normalize.conditions import parse_condition_option
from leaderboard.queries.base import claim_select, claims_frame
from leaderboard.queries.names import find_entity

# Characters LIKE treats specially, escaped so a search finds them literally.
LIKE_ESCAPE = "\\"


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Which claims a caller wants: every filter given must hold. The one filter behind the
    claims table, the review queue and the review spreadsheet, so they agree on every name.

    Benchmark, metric and model accept a name, an alias or an entity id (an unknown name
    raises UnknownEntityError, naming it); `model` also matches claims quoting it as their
    baseline. `search` looks in the evidence and in the names as written, ignoring case.
    Empty text counts as not given.
    """

    benchmark: str | int | None = None
    metric: str | int | None = None
    model: str | int | None = None
    status: str | None = None
    paper: str | None = None
    rule: str | None = None
    kind: str | None = None
    condition: str | None = None
    min_confidence: float | None = None
    max_confidence: float | None = None
    search: str | None = None
    ids: Sequence[int] | None = None

    def apply(self, session: Session, query: Select) -> Select:
        """`query` (over claims) narrowed to the claims this filter wants."""
        if _given(self.benchmark):
            query = query.where(ClaimRow.benchmark_id == find_entity(session, "benchmark", self.benchmark).id)
        if _given(self.metric):
            query = query.where(ClaimRow.metric_id == find_entity(session, "metric", self.metric).id)
        if _given(self.model):
            model_id = find_entity(session, "model", self.model).id
            query = query.where(or_(ClaimRow.model_id == model_id, ClaimRow.baseline_model_id == model_id))
        for column, value in (
            (ClaimRow.status, self.status),
            (ClaimRow.paper_id, self.paper),
            (ClaimRow.rule, self.rule),
            (ClaimRow.kind, self.kind),
        ):
            if _given(value):
                query = query.where(column == value)
        if _given(self.condition):
            query = query.where(ClaimRow.condition_key == parse_condition_option(self.condition))
        if self.min_confidence is not None:
            query = query.where(ClaimRow.confidence >= self.min_confidence)
        if self.max_confidence is not None:
            query = query.where(ClaimRow.confidence <= self.max_confidence)
        if self.search:
            pattern = f"%{_escape_like(self.search)}%"
            searched = (ClaimRow.evidence, ClaimRow.model, ClaimRow.benchmark, ClaimRow.metric)
            query = query.where(or_(*(column.ilike(pattern, escape=LIKE_ESCAPE) for column in searched)))
        if self.ids is not None:
            query = query.where(ClaimRow.id.in_(list(self.ids)))
        return query


def _given(value: object) -> bool:
    return value is not None and value != ""


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
    """Claims matching every filter given (see `ClaimFilter`), in paper then claim order.
    Columns: CLAIM_COLUMNS."""
    wanted = ClaimFilter(
        benchmark=benchmark,
        metric=metric,
        model=model,
        status=status,
        paper=paper,
        rule=rule,
        kind=kind,
        condition=condition,
        min_confidence=min_confidence,
        max_confidence=max_confidence,
        search=search,
    )
    query = wanted.apply(session, claim_select()).order_by(ClaimRow.paper_id, ClaimRow.id)
    if limit is not None:
        query = query.limit(limit)
    return claims_frame(session, query)


def _escape_like(text: str) -> str:
    for char in (LIKE_ESCAPE, "%", "_"):
        text = text.replace(char, LIKE_ESCAPE + char)
    return text
