"""Papers as a reader sees them: find them, list their claims, and cut text around claim spans.

Pure reads (and one pure function), used by the dashboard's Papers and Review
pages, so the page code only lays out what these return.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from leaderboard.db.models import ClaimRow, Paper
from leaderboard.records import CLAIM_FIELDS

PAPER_COLUMNS = ["paper_id", "arxiv_id", "title", "date", "claims", "opening"]
# How much of an abstract stands in for a missing title in lists.
OPENING_CHARS = 100
CLAIM_COLUMNS = [
    "claim_id",
    *CLAIM_FIELDS,
    "status",
    "confidence",
    "rule",
    "span_start",
    "span_end",
    "evidence",
]


def _like_pattern(text: str) -> str:
    # The user's text is matched literally: % and _ are escaped, not wildcards.
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"


def search_papers(session: Session, text: str = "", limit: int | None = 100) -> pd.DataFrame:
    """Papers whose title or id contains `text` (case-insensitive), newest first, with claim counts.

    `opening` is the abstract's first characters, to name a paper that has no title.
    """
    claim_counts = (
        select(ClaimRow.paper_id, func.count().label("claims")).group_by(ClaimRow.paper_id).subquery()
    )
    query = (
        select(
            Paper.id,
            Paper.arxiv_id,
            Paper.title,
            Paper.date,
            func.coalesce(claim_counts.c.claims, 0),
            func.substr(Paper.abstract, 1, OPENING_CHARS),
        )
        .outerjoin(claim_counts, claim_counts.c.paper_id == Paper.id)
        .order_by(Paper.date.desc().nulls_last(), Paper.id)
        .limit(limit)
    )
    text = text.strip()
    if text:
        pattern = _like_pattern(text)
        query = query.where(
            or_(
                func.lower(Paper.title).like(pattern, escape="\\"),
                func.lower(Paper.id).like(pattern, escape="\\"),
                func.lower(Paper.arxiv_id).like(pattern, escape="\\"),
            )
        )
    return pd.DataFrame(session.execute(query).all(), columns=PAPER_COLUMNS)


def paper_record(session: Session, paper_id: str) -> dict | None:
    """One paper's fields (id, arxiv_id, title, abstract, date), or None when there is no such paper."""
    paper = session.get(Paper, paper_id)
    if paper is None:
        return None
    return {
        "paper_id": paper.id,
        "arxiv_id": paper.arxiv_id,
        "title": paper.title,
        "abstract": paper.abstract,
        "date": paper.date,
    }


def paper_claims(session: Session, paper_id: str) -> pd.DataFrame:
    """Every claim of one paper (retired ones included, with their status), in text order."""
    rows = session.scalars(
        select(ClaimRow).where(ClaimRow.paper_id == paper_id).order_by(ClaimRow.span_start, ClaimRow.id)
    )
    records = [
        [getattr(row, "id" if column == "claim_id" else column) for column in CLAIM_COLUMNS] for row in rows
    ]
    return pd.DataFrame(records, columns=CLAIM_COLUMNS)


def split_at_spans(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[str, bool]]:
    """`text` cut into (piece, is_marked) pieces, marking each [start, end) span.

    Spans outside the text are clipped, overlapping spans merge, empty ones are
    dropped; joining the pieces gives `text` back unchanged.
    """
    clipped = sorted(
        (max(0, start), min(len(text), end)) for start, end in spans if min(len(text), end) > max(0, start)
    )
    merged: list[list[int]] = []
    for start, end in clipped:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces: list[tuple[str, bool]] = []
    position = 0
    for start, end in merged:
        if start > position:
            pieces.append((text[position:start], False))
        pieces.append((text[start:end], True))
        position = end
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces


def evidence_spans(abstract: str, evidence: str, span_start: int, span_end: int) -> tuple[int, int] | None:
    """Where the claim's value sits inside its evidence sentence, or None when it cannot be placed.

    The span is given in the abstract; the sentence is found in the abstract at or
    before the span, so the value is marked where it was read, not at an earlier
    occurrence of the same digits.
    """
    offset = abstract.rfind(evidence, 0, span_start + 1) if evidence else -1
    if offset < 0 or span_end > offset + len(evidence):
        # The sentence may have been normalised; fall back to the value's text inside it.
        value_text = abstract[span_start:span_end]
        found = evidence.find(value_text) if value_text else -1
        return (found, found + len(value_text)) if found >= 0 else None
    return span_start - offset, span_end - offset
