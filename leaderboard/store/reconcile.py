"""Re-extraction of a stored paper: reconcile a newer extractor's claims with the stored ones.

A person's work is never touched: a claim a person added (origin 'manual'),
reviewed (accepted, rejected, corrected) or otherwise logged anything about
(any audit entry) stays exactly as it is, and no new claim is inserted at its
span, so a rejected claim cannot come back under another guise. The rest, the
extractor's own unreviewed claims, are matched to the new claims by identity
(same span, and same kind or same value):

- matched and equal: left alone, no row touched;
- matched but different: updated in place, keeping the id (version bumped, so
  a review started on the old content is refused as stale);
- a retired claim produced again: `extracted` again;
- stored but no longer produced: `retired` (kept, visible, never ranked);
- produced but not stored: inserted.

Retiring is the extractor's doing, not a person's, so it is not audited.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import exists, insert, select, update
from sqlalchemy.orm import Session

from leaderboard.db.models import PERSON_STATUSES, RETIRED, UNREVIEWED, AuditEntry, ClaimRow, utcnow
from leaderboard.normalize import resolve_claim_rows
from leaderboard.records import CLAIM_FIELDS

# What the extractor decides about a claim: a difference in any of these is a change.
EXTRACTED_FIELDS = (
    *CLAIM_FIELDS,
    "evidence",
    "value_text",
    "rule",
    "confidence",
)
REVIEWED_STATUSES = PERSON_STATUSES


@dataclass(slots=True)
class Reconciled:
    """What one re-extraction did to a paper's claims."""

    inserted: int = 0
    updated: int = 0
    revived: int = 0
    retired: int = 0
    unchanged: int = 0
    kept_for_people: int = 0  # new claims not inserted because a person's claim holds their span

    @property
    def written(self) -> int:
        return self.inserted + self.updated + self.revived


def _stored_claims(session: Session, paper_id: str) -> list[dict[str, Any]]:
    logged = (
        exists()
        .where(AuditEntry.target == "claim", AuditEntry.target_id == ClaimRow.id)
        .correlate(ClaimRow)
        .label("logged")
    )
    columns = [getattr(ClaimRow, n) for n in ("id", "span_start", "span_end", "status", "origin", "version")]
    columns += [getattr(ClaimRow, name) for name in EXTRACTED_FIELDS]
    query = select(*columns, logged).where(ClaimRow.paper_id == paper_id).order_by(ClaimRow.id)
    return [dict(row._mapping) for row in session.execute(query)]


def _is_peoples(claim: dict[str, Any]) -> bool:
    return claim["origin"] != "extractor" or claim["status"] in REVIEWED_STATUSES or bool(claim["logged"])


def _best_match(row: dict[str, Any], candidates: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The stored claim `row` is the same claim as: same kind and value, else same kind, else same value."""
    for same in (
        lambda c: c["kind"] == row["kind"] and c["value"] == row["value"],
        lambda c: c["kind"] == row["kind"],
        lambda c: c["value"] == row["value"],
    ):
        for candidate in candidates:
            if same(candidate):
                return candidate
    return None


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two [start, end) spans share a character: '82.1' and '82.1%' are the same number."""
    return a[0] < b[1] and b[0] < a[1]


def reconcile_claims(session: Session, paper_id: str, new_rows: list[dict[str, Any]]) -> Reconciled:
    """Bring `paper_id`'s unreviewed claims in line with `new_rows` (claim-row dicts of the new extractor)."""
    stored = _stored_claims(session, paper_id)
    peoples_spans = {(c["span_start"], c["span_end"]) for c in stored if _is_peoples(c)}
    free: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    for claim in stored:
        if not _is_peoples(claim):
            free[claim["span_start"], claim["span_end"]].append(claim)
    result = Reconciled()
    to_insert: list[dict[str, Any]] = []
    to_update: list[tuple[dict[str, Any], dict[str, Any]]] = []
    matched: set[int] = set()
    for row in new_rows:
        span = (row["span_start"], row["span_end"])
        candidates = [c for c in free.get(span, []) if c["id"] not in matched]
        match = _best_match(row, candidates)
        if match is not None:
            matched.add(match["id"])
            if match["status"] == UNREVIEWED and all(match[f] == row[f] for f in EXTRACTED_FIELDS):
                result.unchanged += 1
            else:
                to_update.append((match, row))
        elif any(overlaps(span, held) for held in peoples_spans):
            result.kept_for_people += 1
        else:
            to_insert.append(row)
    resolve_claim_rows(session, to_insert + [row for _, row in to_update])
    # Each write names the version read: a person's change that lands meanwhile wins, and the
    # extractor's write to that claim is dropped (a person's work is never overwritten).
    now = utcnow()
    for claim, row in to_update:
        values = {k: v for k, v in row.items() if k not in ("paper_id", "span_start", "span_end")}
        written = session.execute(
            update(ClaimRow)
            .where(ClaimRow.id == claim["id"], ClaimRow.version == claim["version"])
            .values(**values, status=UNREVIEWED, version=ClaimRow.version + 1, updated_at=now)
            .execution_options(synchronize_session=False)
        ).rowcount
        result.revived += written if claim["status"] == RETIRED else 0
        result.updated += written if claim["status"] != RETIRED else 0
    unmatched = [c for claims in free.values() for c in claims if c["id"] not in matched]
    by_version: dict[int, list[int]] = defaultdict(list)
    for c in unmatched:
        if c["status"] != RETIRED:
            by_version[c["version"]].append(c["id"])
    for version, ids in by_version.items():
        result.retired += session.execute(
            update(ClaimRow)
            .where(ClaimRow.id.in_(ids), ClaimRow.version == version, ClaimRow.status == UNREVIEWED)
            .values(status=RETIRED, version=ClaimRow.version + 1, updated_at=now)
            .execution_options(synchronize_session=False)
        ).rowcount
    if to_insert:
        session.execute(insert(ClaimRow), to_insert)
        result.inserted = len(to_insert)
    return result
