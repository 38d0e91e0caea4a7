"""Write papers and their claims so that each paper is stored once.

A paper is the same paper when it has the same arXiv id, the same id, or the
same abstract (content hash). Seeing it again only records the new source.
Storing is idempotent: re-running an ingest adds no rows and touches no
timestamps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from leaderboard.db.models import UNREVIEWED, ClaimReview, ClaimRow, Paper, PaperSource
from leaderboard.records import Claim, PaperRecord

Outcome = Literal["new", "seen"]


@dataclass(slots=True)
class StoreStats:
    """Running totals for one ingest (or one file of it)."""

    papers_new: int = 0
    papers_seen: int = 0
    sources_added: int = 0
    claims_stored: int = 0

    def merge(self, other: StoreStats) -> None:
        self.papers_new += other.papers_new
        self.papers_seen += other.papers_seen
        self.sources_added += other.sources_added
        self.claims_stored += other.claims_stored


def store_paper(
    session: Session,
    paper: PaperRecord,
    fmt: str | None,
    claims: Iterable[Claim],
    *,
    extractor_version: str | None = None,
    stats: StoreStats | None = None,
) -> Outcome:
    """Store `paper` with `claims` unless already stored; always remember where it was seen.

    `extractor_version` (default: the current extractor's) is what `claims`
    came from; a paper stored by another version gets its unreviewed claims
    replaced.
    """
    extractor_version = extractor_version or _current_extractor_version()
    stats = stats if stats is not None else StoreStats()
    existing = find_paper(session, paper)
    if existing is None:
        row = _new_paper(paper, extractor_version)
        session.add(row)
        stats.claims_stored += _add_claims(session, row.id, claims, extractor_version)
        stats.sources_added += _record_source(session, row.id, paper, fmt)
        stats.papers_new += 1
        return "new"
    _fill_gaps(existing, paper)
    stats.sources_added += _record_source(session, existing.id, paper, fmt)
    if existing.extractor_version != extractor_version:
        stats.claims_stored += _replace_unreviewed_claims(session, existing, claims, extractor_version)
    stats.papers_seen += 1
    return "seen"


def _current_extractor_version() -> str:
    # Imported late so storing (and its tests) needs no extractor loaded.
    from leaderboard.extract import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def find_paper(session: Session, paper: PaperRecord) -> Paper | None:
    """The stored paper matching by arXiv id, else by id, else by content hash."""
    content_hash = paper.content_hash
    conditions = [Paper.id == paper.id, Paper.content_hash == content_hash]
    if paper.arxiv_id:
        conditions.append(Paper.arxiv_id == paper.arxiv_id)
    candidates = session.scalars(select(Paper).where(or_(*conditions))).all()
    checks = (
        lambda row: paper.arxiv_id is not None and row.arxiv_id == paper.arxiv_id,
        lambda row: row.id == paper.id,
        lambda row: row.content_hash == content_hash,
    )
    for matches in checks:
        for row in candidates:
            if matches(row):
                return row
    return None


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _new_paper(paper: PaperRecord, extractor_version: str) -> Paper:
    return Paper(
        id=paper.id,
        arxiv_id=paper.arxiv_id,
        title=paper.title,
        abstract=paper.abstract,
        date=_parse_date(paper.date),
        content_hash=paper.content_hash,
        extractor_version=extractor_version,
    )


def _fill_gaps(row: Paper, paper: PaperRecord) -> None:
    # Only fill what is missing, so a second sighting never rewrites the first.
    if row.arxiv_id is None and paper.arxiv_id is not None:
        row.arxiv_id = paper.arxiv_id
    if row.title is None and paper.title:
        row.title = paper.title
    if row.date is None and (date := _parse_date(paper.date)) is not None:
        row.date = date


def _record_source(session: Session, paper_id: str, paper: PaperRecord, fmt: str | None) -> int:
    line = paper.line or 0  # 0 = no line known; see PaperSource.line
    already = session.scalar(
        select(
            exists().where(
                PaperSource.paper_id == paper_id,
                PaperSource.source == paper.source,
                PaperSource.line == line,
            )
        )
    )
    if already:
        return 0
    session.add(PaperSource(paper_id=paper_id, source=paper.source, line=line, format=fmt))
    return 1


def claim_row(paper_id: str, claim: Claim, extractor_version: str) -> ClaimRow:
    """The database row for an extracted claim (keep in sync with claims-spec.md fields)."""
    return ClaimRow(
        paper_id=paper_id,
        model=claim.model,
        benchmark=claim.benchmark,
        metric=claim.metric,
        value=claim.value,
        value_high=claim.value_high,
        unit=claim.unit,
        kind=claim.kind,
        baseline_model=claim.baseline_model,
        baseline_value=claim.baseline_value,
        condition=claim.condition,
        evidence=claim.evidence,
        value_text=claim.value_text,
        span_start=claim.span[0],
        span_end=claim.span[1],
        rule=claim.rule,
        confidence=claim.confidence,
        extractor_version=extractor_version,
    )


def _add_claims(
    session: Session,
    paper_id: str,
    claims: Iterable[Claim],
    extractor_version: str,
    skip_spans: frozenset[tuple[int, int]] = frozenset(),
) -> int:
    rows = [claim_row(paper_id, c, extractor_version) for c in claims if tuple(c.span) not in skip_spans]
    session.add_all(rows)
    return len(rows)


def _replace_unreviewed_claims(
    session: Session, paper: Paper, claims: Iterable[Claim], extractor_version: str
) -> int:
    """Swap an older extractor's claims for new ones, keeping any claim a person has reviewed."""
    reviewed_ids = set(
        session.scalars(select(ClaimReview.claim_id).join(ClaimRow).where(ClaimRow.paper_id == paper.id))
    )
    kept_spans = set()
    for row in session.scalars(select(ClaimRow).where(ClaimRow.paper_id == paper.id)):
        if row.status == UNREVIEWED and row.id not in reviewed_ids:
            session.delete(row)
        else:
            kept_spans.add((row.span_start, row.span_end))
    paper.extractor_version = extractor_version
    # A reviewed claim stands for whatever the new extractor finds at the same place.
    return _add_claims(session, paper.id, claims, extractor_version, frozenset(kept_spans))
