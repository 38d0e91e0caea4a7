"""What every query shares: which claims count, and how a claim row becomes a table row."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd
from sqlalchemy import Row, Select, select
from sqlalchemy.orm import Session, aliased

from leaderboard.db.models import ClaimRow, Entity, Paper
from leaderboard.records import CLAIM_FIELDS
from leaderboard.store.counting import (  # noqa: F401 (the queries' names for the shared rules)
    BOARD_MIN_CONFIDENCE,
    HUMAN_ACCEPTED,
    NOT_COUNTED,
    counted,
    not_entities,
    rankable,
)

ARXIV_ABS = "https://arxiv.org/abs/"

BenchmarkEntity = aliased(Entity, name="benchmark_entity")
MetricEntity = aliased(Entity, name="metric_entity")
ModelEntity = aliased(Entity, name="model_entity")
BaselineEntity = aliased(Entity, name="baseline_entity")

# Keep in sync with the README table "Export columns" (claims).
# Columns shown right after a claim field: what resolution derived from it.
_DERIVED_AFTER = {"unit": ("value_canonical", "value_flag"), "condition": ("condition_key",)}
CLAIM_COLUMNS = [
    "claim_id",
    "paper_id",
    "paper_title",
    "paper_date",
    "arxiv_url",
    *(column for name in CLAIM_FIELDS for column in (name, *_DERIVED_AFTER.get(name, ()))),
    "status",
    "origin",
    "rule",
    "confidence",
    "evidence",
    "model_as_written",
    "benchmark_as_written",
    "metric_as_written",
    "baseline_model_as_written",
    "extractor_version",
    "model_id",
    "benchmark_id",
    "metric_id",
    "baseline_model_id",
]


ID_COLUMNS = ("claim_id", "model_id", "benchmark_id", "metric_id", "baseline_model_id")


def claim_select() -> Select:
    """Every claim column a table needs, with its paper and canonical entity names."""
    return (
        select(
            ClaimRow.id.label("claim_id"),
            ClaimRow.paper_id,
            Paper.title.label("paper_title"),
            Paper.date.label("paper_date"),
            Paper.arxiv_id,
            ModelEntity.name.label("model"),
            BenchmarkEntity.name.label("benchmark"),
            MetricEntity.name.label("metric"),
            ClaimRow.value,
            ClaimRow.value_high,
            ClaimRow.unit,
            ClaimRow.value_canonical,
            ClaimRow.value_flag,
            ClaimRow.kind,
            BaselineEntity.name.label("baseline_model"),
            ClaimRow.baseline_value,
            ClaimRow.condition,
            ClaimRow.condition_key,
            ClaimRow.status,
            ClaimRow.origin,
            ClaimRow.rule,
            ClaimRow.confidence,
            ClaimRow.evidence,
            ClaimRow.model.label("model_as_written"),
            ClaimRow.benchmark.label("benchmark_as_written"),
            ClaimRow.metric.label("metric_as_written"),
            ClaimRow.baseline_model.label("baseline_model_as_written"),
            ClaimRow.extractor_version,
            ClaimRow.model_id,
            ClaimRow.benchmark_id,
            ClaimRow.metric_id,
            ClaimRow.baseline_model_id,
        )
        .join(Paper, Paper.id == ClaimRow.paper_id)
        .outerjoin(ModelEntity, ModelEntity.id == ClaimRow.model_id)
        .outerjoin(BenchmarkEntity, BenchmarkEntity.id == ClaimRow.benchmark_id)
        .outerjoin(MetricEntity, MetricEntity.id == ClaimRow.metric_id)
        .outerjoin(BaselineEntity, BaselineEntity.id == ClaimRow.baseline_model_id)
    )


def claims_frame(session: Session, query: Select) -> pd.DataFrame:
    """Run a `claim_select()` query into a DataFrame with CLAIM_COLUMNS."""
    return claims_frame_of(session.execute(query))


def claims_frame_of(rows: Iterable[Row]) -> pd.DataFrame:
    """Rows of a `claim_select()` query (extra columns ignored) as claims_frame makes them."""
    found = [_finish(row._asdict()) for row in rows]
    df = pd.DataFrame(found, columns=CLAIM_COLUMNS)
    # Nullable integers, so an id stays 12 (not 12.0) in every export when some are missing.
    return df.astype({column: "Int64" for column in ID_COLUMNS})


def _finish(row: dict[str, Any]) -> dict[str, Any]:
    arxiv_id = row.pop("arxiv_id")
    row["arxiv_url"] = f"{ARXIV_ABS}{arxiv_id}" if arxiv_id else None
    row["paper_date"] = row["paper_date"].isoformat() if row["paper_date"] else None
    return row
