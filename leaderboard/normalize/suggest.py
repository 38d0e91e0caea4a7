"""Merge suggestions: entities whose names are close but not equal, for a person to decide.

Nothing is ever merged here. Pairs are compared on folded keys with
rapidfuzz, only within a block of names that carry the same numbers
(CIFAR-10 and CIFAR-100, Kinetics-400 and -600 are different datasets) and
start with the same character (which keeps the comparisons few). Two curated
entities are never suggested (the registry already says they differ), nor
a pair a person dismissed. Models get a stricter rule: a name that extends
another (GPT-4 / GPT-4V / GPT-4 Turbo) is a variant, not a spelling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from leaderboard.audit import record, require_reviewer
from leaderboard.db.models import Entity, MergeDismissal
from leaderboard.normalize.entities import EntityError

MIN_SCORE = {"benchmark": 85.0, "metric": 85.0, "model": 90.0}
CURATED = ("registry", "user", "manual")
_NUMBERS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Suggestion:
    a_id: int
    a_name: str
    b_id: int
    b_name: str
    score: float  # 0-100, rapidfuzz ratio of the folded names


def merge_suggestions(session: Session, kind: str, limit: int = 50) -> list[Suggestion]:
    """Close pairs of unmerged `kind` entities, most similar first."""
    rows = session.execute(
        select(Entity.id, Entity.name, Entity.key, Entity.source).where(
            Entity.kind == kind, Entity.merged_into_id.is_(None)
        )
    ).all()
    dismissed = {
        tuple(row) for row in session.execute(select(MergeDismissal.entity_id, MergeDismissal.other_id))
    }
    blocks: dict[tuple, list] = {}
    for row in rows:
        blocks.setdefault((tuple(_NUMBERS.findall(row.key)), row.key[:1]), []).append(row)
    cutoff = MIN_SCORE.get(kind, 85.0)
    found = []
    for block in blocks.values():
        if len(block) < 2:
            continue
        keys = [row.key for row in block]
        scores = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=cutoff, workers=-1)
        for i, j in zip(*scores.nonzero(), strict=True):
            a, b = block[i], block[j]
            if i >= j or (a.source in CURATED and b.source in CURATED):
                continue
            if (min(a.id, b.id), max(a.id, b.id)) in dismissed:
                continue
            if kind == "model" and (a.key.startswith(b.key) or b.key.startswith(a.key)):
                continue
            found.append(Suggestion(a.id, a.name, b.id, b.name, float(scores[i, j])))
    found.sort(key=lambda s: (-s.score, s.a_name, s.b_name))
    return found[:limit]


def dismiss_suggestion(session: Session, a_id: int, b_id: int, reviewer: str) -> None:
    """Record that two entities are not the same, so the pair is not suggested again."""
    reviewer = require_reviewer(reviewer)
    low, high = sorted((a_id, b_id))
    if low == high or session.get(Entity, low) is None or session.get(Entity, high) is None:
        raise EntityError(f"cannot dismiss the pair {a_id}, {b_id}")
    exists = session.scalar(
        select(MergeDismissal.id).where(MergeDismissal.entity_id == low, MergeDismissal.other_id == high)
    )
    if exists is not None:
        return
    dismissal = MergeDismissal(entity_id=low, other_id=high, reviewer=reviewer)
    session.add(dismissal)
    session.flush()
    record(
        session,
        target="dismissal",
        target_id=dismissal.id,
        action="dismiss",
        new=[low, high],
        reviewer=reviewer,
    )
