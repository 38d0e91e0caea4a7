"""Recompute the resolved fields of stored claims after entities changed.

A merge, a split, a new alias or a registry file can change what a written
name resolves to, and a metric's scale or direction what its values mean.
Claims always derive their entity ids from the names they were written
with, so re-resolving is the same step the store runs at insert time.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from leaderboard.db.models import ClaimRow
from leaderboard.normalize.resolve import CHUNK, RESOLVED_FIELDS, resolve_claim_rows

# What resolving reads from a claim. Keep in sync with resolve.fill_row.
INPUT_FIELDS = (
    "benchmark",
    "metric",
    "model",
    "baseline_model",
    "value",
    "unit",
    "kind",
    "condition",
    "evidence",
    "value_text",
)
ID_COLUMNS = (ClaimRow.benchmark_id, ClaimRow.metric_id, ClaimRow.model_id, ClaimRow.baseline_model_id)


def reresolve_claims(session: Session, entity_ids: Iterable[int]) -> int:
    """Re-resolve every claim that points at one of `entity_ids`; returns how many changed."""
    ids = sorted(set(entity_ids))
    changed = 0
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        changed += _reresolve(session, or_(*(column.in_(chunk) for column in ID_COLUMNS)))
    return changed


# Claims per step of a whole-database pass: memory stays flat whatever the size.
ALL_CLAIMS_STEP = 5000


def reresolve_all(session: Session) -> int:
    """Re-resolve every claim (after resolution rules changed, e.g. benchmark names carrying a
    split, new condition settings); returns how many changed. Walks the ids in steps."""
    changed, last = 0, 0
    while True:
        ids = session.scalars(
            select(ClaimRow.id).where(ClaimRow.id > last).order_by(ClaimRow.id).limit(ALL_CLAIMS_STEP)
        ).all()
        if not ids:
            return changed
        changed += _reresolve(session, ClaimRow.id.between(ids[0], ids[-1]))
        last = ids[-1]


def reresolve_unresolved(session: Session) -> int:
    """Resolve claims stored before resolution existed (a name but no entity id); returns how many."""
    missing = or_(
        *(
            getattr(ClaimRow, name).is_not(None) & column.is_(None)
            for name, column in zip(
                ("benchmark", "metric", "model", "baseline_model"), ID_COLUMNS, strict=True
            )
        )
    )
    return _reresolve(session, missing)


def _reresolve(session: Session, condition) -> int:
    columns = [ClaimRow.id, *(getattr(ClaimRow, f) for f in INPUT_FIELDS + RESOLVED_FIELDS)]
    stored = [row._asdict() for row in session.execute(select(*columns).where(condition))]
    if not stored:
        return 0
    rows = [{f: row[f] for f in ("id", *INPUT_FIELDS)} for row in stored]
    resolve_claim_rows(session, rows)
    updates = [
        {"id": new["id"], **{f: new[f] for f in RESOLVED_FIELDS}}
        for old, new in zip(stored, rows, strict=True)
        if any(old[f] != new[f] for f in RESOLVED_FIELDS)
    ]
    if updates:
        session.execute(update(ClaimRow), updates)
    return len(updates)
