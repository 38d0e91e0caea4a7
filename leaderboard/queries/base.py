"""What every query shares: which claims count, and how a claim row becomes a table row."""

from __future__ import annotations

from typing import Any

import pandas as pd
from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session, aliased

from leaderboard.db.models import ClaimRow, ClaimStatus, Entity, Paper
from leaderboard.records import CLAIM_FIELDS

# Statuses that never count anywhere: turned down by a person, or dropped by a newer extractor.
NOT_COUNTED = (ClaimStatus.REJECTED, ClaimStatus.RETIRED)
# What "only human-accepted claims" keeps: accepted as written, or corrected by a person.
HUMAN_ACCEPTED = (ClaimStatus.ACCEPTED, ClaimStatus.CORRECTED)
ARXIV_ABS = "https://arxiv.org/abs/"
# Below this the extractor is guessing (a bare percentage read as accuracy, 0.35): such a score
# waits in the review queue and reaches a board once a person accepts or corrects it. Measured on
# dev2 (benchmarks/board_precision.py): higher thresholds buy no precision, they only drop rows.
BOARD_MIN_CONFIDENCE = 0.5

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


def counted(accepted_only: bool = False):
    """The claims that count: not rejected or retired; only human-accepted ones when asked."""
    if accepted_only:
        return ClaimRow.status.in_(HUMAN_ACCEPTED)
    return ClaimRow.status.not_in(NOT_COUNTED)


def rankable(accepted_only: bool = False):
    """Scores that can rank: counted, with a real model (not a name the junk rules or a person
    set aside, `entities.not_entity`) on a real benchmark, a possible canonical value, and an
    extractor sure enough of it (BOARD_MIN_CONFIDENCE) or a person's word."""
    return and_(
        counted(accepted_only),
        or_(ClaimRow.confidence >= BOARD_MIN_CONFIDENCE, ClaimRow.status.in_(HUMAN_ACCEPTED)),
        ClaimRow.kind == "score",
        ClaimRow.model_id.is_not(None),
        ClaimRow.value_canonical.is_not(None),
        ClaimRow.value_flag.is_(None),
        ClaimRow.model_id.not_in(not_entities()),
        or_(ClaimRow.benchmark_id.is_(None), ClaimRow.benchmark_id.not_in(not_entities())),
    )


def not_entities() -> Select:
    """Ids of the names that are no real benchmark or model (few: a small IN list to exclude)."""
    return select(Entity.id).where(Entity.not_entity.is_not(None))


def claims_frame(session: Session, query: Select) -> pd.DataFrame:
    """Run a `claim_select()` query into a DataFrame with CLAIM_COLUMNS."""
    rows = [_finish(row._asdict()) for row in session.execute(query)]
    df = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    # Nullable integers, so an id stays 12 (not 12.0) in every export when some are missing.
    return df.astype({column: "Int64" for column in ID_COLUMNS})


def _finish(row: dict[str, Any]) -> dict[str, Any]:
    arxiv_id = row.pop("arxiv_id")
    row["arxiv_url"] = f"{ARXIV_ABS}{arxiv_id}" if arxiv_id else None
    row["paper_date"] = row["paper_date"].isoformat() if row["paper_date"] else None
    return row
