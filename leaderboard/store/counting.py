"""Which claims count and which rank: the filters every board, count and report shares.

Kept free of pandas so the maintained statistics (`board_stats`), which run inside every
write transaction, can use the very rule the queries use.
"""

from __future__ import annotations

from sqlalchemy import Select, and_, or_, select

from leaderboard.db.models import ClaimRow, ClaimStatus, Entity

# Statuses that never count anywhere: turned down by a person, or dropped by a newer extractor.
NOT_COUNTED = (ClaimStatus.REJECTED, ClaimStatus.RETIRED)
# What "only human-accepted claims" keeps: accepted as written, or corrected by a person.
HUMAN_ACCEPTED = (ClaimStatus.ACCEPTED, ClaimStatus.CORRECTED)
# Below this the extractor is guessing (a bare percentage read as accuracy, 0.35): such a score
# waits in the review queue and reaches a board once a person accepts or corrects it. Measured on
# dev2 (benchmarks/board_precision.py): higher thresholds buy no precision, they only drop rows.
BOARD_MIN_CONFIDENCE = 0.5


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
