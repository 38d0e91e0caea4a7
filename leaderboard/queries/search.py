"""Find papers by words of their title or abstract, ranked, a page at a time.

Words are matched as prefixes after stemming (SQLite FTS5 with the Porter tokenizer,
PostgreSQL's `english` text search; migration 0009), all of them required. A paper whose
id or arXiv id is the text itself comes first. With no words, every paper, newest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Select, func, literal_column, or_, select, text
from sqlalchemy.orm import Session

from leaderboard.db.fulltext import POSTGRES_DOCUMENT, SQLITE_TABLE
from leaderboard.db.models import ClaimRow, Paper
from leaderboard.errors import LeaderboardError

RESULT_COLUMNS = ["paper_id", "arxiv_id", "title", "date", "claims", "opening"]
PER_PAGE = 20
# How much of an abstract stands in for a missing title in lists.
OPENING_CHARS = 100
# Letters and digits only: the user's text never reaches the search syntax (quotes,
# operators, column filters) of either database.
_WORD = re.compile(r"\w+", re.UNICODE)


class SearchError(LeaderboardError):
    """A page number or page size that cannot be."""


@dataclass(frozen=True)
class SearchPage:
    """One page of results: `papers` has RESULT_COLUMNS; `total` counts every match."""

    papers: pd.DataFrame
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def search_words(text_: str) -> list[str]:
    return _WORD.findall(text_.lower())


def search_papers(session: Session, query: str = "", page: int = 1, per_page: int = PER_PAGE) -> SearchPage:
    """Papers matching every word of `query` in title or abstract, best match first; page `page`
    (from 1) of `per_page`. A paper whose id or arXiv id equals the query leads the first page."""
    if page < 1 or per_page < 1:
        raise SearchError(f"page and page size start at 1 (got page {page}, size {per_page})")
    words = search_words(query)
    if not words:
        total = session.scalar(select(func.count()).select_from(Paper)) or 0
        ids = session.scalars(
            select(Paper.id)
            .order_by(Paper.date.desc().nulls_last(), Paper.id)
            .offset((page - 1) * per_page)
            .limit(per_page)
        ).all()
        return SearchPage(_papers(session, list(ids)), total, page, per_page)
    by_id = _papers_named(session, query.strip())
    matches = _matches(session, words)
    total = session.scalar(select(func.count()).select_from(matches.order_by(None).subquery())) or 0
    by_id_set = set(by_id)
    total += len([paper_id for paper_id in by_id if not _in(session, matches, paper_id)])
    # The id matches fill the top of page 1; the text matches follow, without repeating them.
    start = (page - 1) * per_page
    leading = by_id[start : start + per_page]
    offset = max(0, start - len(by_id))
    text_ids = session.scalars(matches.offset(offset).limit(per_page + len(by_id))).all()
    ids = leading + [paper_id for paper_id in text_ids if paper_id not in by_id_set]
    return SearchPage(_papers(session, ids[:per_page]), total, page, per_page)


def _matches(session: Session, words: list[str]) -> Select:
    """The matching papers' ids, best first (a select over `paper_id`)."""
    if session.get_bind().dialect.name == "postgresql":
        # Prefix match on every (stemmed) word; the words are plain letters and digits.
        tsquery = func.to_tsquery("english", " & ".join(f"{word}:*" for word in words))
        document = literal_column(POSTGRES_DOCUMENT)
        return (
            select(Paper.id.label("paper_id"))
            .where(document.op("@@")(tsquery))
            .order_by(func.ts_rank(document, tsquery).desc(), Paper.id)
        )
    # FTS5: each word quoted (so no word is read as an operator) and matched as a prefix.
    fts_query = " ".join(f'"{word}"*' for word in words)
    table = text(SQLITE_TABLE)
    return (
        select(literal_column("paper_id"))
        .select_from(table)
        .where(literal_column(SQLITE_TABLE).op("MATCH")(fts_query))
        .order_by(literal_column("rank"), literal_column("paper_id"))
    )


def _in(session: Session, matches: Select, paper_id: str) -> bool:
    found = matches.order_by(None).subquery()
    return (
        session.scalar(select(select(found.c.paper_id).where(found.c.paper_id == paper_id).exists())) or False
    )


def _papers_named(session: Session, name: str) -> list[str]:
    return list(
        session.scalars(
            select(Paper.id).where(or_(Paper.id == name, Paper.arxiv_id == name)).order_by(Paper.id)
        )
    )


def _papers(session: Session, ids: list[str]) -> pd.DataFrame:
    """The papers `ids` in that order, with claim counts and their abstract's opening."""
    if not ids:
        return pd.DataFrame(columns=RESULT_COLUMNS)
    claims = select(func.count()).where(ClaimRow.paper_id == Paper.id).correlate(Paper).scalar_subquery()
    rows = session.execute(
        select(
            Paper.id, Paper.arxiv_id, Paper.title, Paper.date, claims,
            func.substr(Paper.abstract, 1, OPENING_CHARS),
        ).where(Paper.id.in_(ids))
    ).all()  # fmt: skip
    order = {paper_id: position for position, paper_id in enumerate(ids)}
    rows = sorted(rows, key=lambda row: order[row[0]])
    return pd.DataFrame([tuple(row) for row in rows], columns=RESULT_COLUMNS)
