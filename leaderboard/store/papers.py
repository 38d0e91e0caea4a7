"""Write papers and their claims so that each paper is stored once.

A paper is the same paper when it has the same arXiv id or the same abstract
(content hash); an id the input gives matches only with the same abstract
(CSV row numbers repeat across files), and a new paper whose given id another
paper holds is stored under its content id. Seeing it again only records the
new source.
Storing is idempotent: re-running an ingest adds no rows and touches no
timestamps.

Papers are stored in batches: one lookup query per batch and bulk INSERTs,
because a row-at-a-time ORM round trip per paper made big inputs crawl. Bulk
INSERTs say `render_nulls=True`: otherwise the ORM leaves out NULL columns and
splits a batch into one statement per pattern of NULLs (nearly one per row).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from leaderboard.db.models import ClaimRow, Paper, PaperSource
from leaderboard.ingest.dates import arxiv_id_date
from leaderboard.normalize import resolve_claim_rows
from leaderboard.records import Claim, PaperRecord
from leaderboard.store.reconcile import reconcile_claims

Outcome = Literal["new", "seen"]
Item = tuple[PaperRecord, Sequence[Claim]]

# Papers per lookup query; keeps each query's bound parameters well under
# SQLite's limit (3 lists of ids + 1 of sources).
BATCH_SIZE = 200
# Tries at storing a batch whose new papers another ingest keeps inserting first.
STORE_ATTEMPTS = 4


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


@dataclass(slots=True)
class _Known:
    """What dedup needs of a stored (or about to be stored) paper."""

    id: str
    arxiv_id: str | None
    content_hash: str
    title: str | None
    date: dt.date | None
    extractor_version: str | None
    pending: dict | None = None  # the INSERT values while not yet written


_KNOWN_FIELDS = ("id", "arxiv_id", "content_hash", "title", "date", "extractor_version")


@dataclass
class _Batch:
    """Known papers of one batch, indexed the three ways a paper can match."""

    by_arxiv: dict[str, _Known] = field(default_factory=dict)
    by_id: dict[str, _Known] = field(default_factory=dict)
    by_hash: dict[str, _Known] = field(default_factory=dict)
    sources: set[tuple[str, str, int]] = field(default_factory=set)
    # The stored sources above by (source, line): the papers each input line was stored as.
    by_source: dict[tuple[str, int], list[str]] = field(default_factory=dict)

    def recorded_at(self, paper: PaperRecord) -> _Known | None:
        """The paper this very input line was stored as before, when it still holds the same text.

        Asked first, so a re-run finds what the first run found whatever else has been
        stored since: one abstract under two arXiv ids (withdrawn papers share one) could
        otherwise match by arXiv id on the re-run and by content the first time.
        """
        for paper_id in self.by_source.get((paper.source, paper.line or 0), ()):
            known = self.by_id.get(paper_id)
            if known is not None and known.content_hash == paper.content_hash:
                return known
        return None

    def add(self, known: _Known) -> None:
        self.by_id[known.id] = known
        self.by_hash[known.content_hash] = known
        if known.arxiv_id:
            self.by_arxiv[known.arxiv_id] = known

    def find(self, paper: PaperRecord) -> _Known | None:
        # Priority: where this input line went before, then arXiv id, then id, then content.
        if (recorded := self.recorded_at(paper)) is not None:
            return recorded
        if paper.arxiv_id and paper.arxiv_id in self.by_arxiv:
            return self.by_arxiv[paper.arxiv_id]
        by_id = self.by_id.get(paper.id)
        # An arXiv id names one paper everywhere; any other id only with its abstract: ids
        # like CSV row numbers ("1", "2") repeat across files, and another abstract is another paper.
        if by_id is not None and (by_id.arxiv_id == paper.id or by_id.content_hash == paper.content_hash):
            return by_id
        return self.by_hash.get(paper.content_hash)

    def free_id(self, paper: PaperRecord) -> str:
        """The id to store a new `paper` under: its own, or its content id if another paper has that."""
        return paper.id if paper.id not in self.by_id else f"h-{paper.content_hash[:16]}"


def store_paper(
    session: Session,
    paper: PaperRecord,
    claims: Iterable[Claim],
    *,
    extractor_version: str | None = None,
    stats: StoreStats | None = None,
) -> Outcome:
    """Store `paper` with `claims` unless already stored; always remember where it was seen
    (its source, line and format).

    `extractor_version` (default: the current extractor's) is what `claims`
    came from; a paper stored by another version gets its unreviewed claims
    replaced.
    """
    items = [(paper, list(claims))]
    return store_papers(session, items, extractor_version=extractor_version, stats=stats)[0]


def store_papers(
    session: Session,
    items: Sequence[Item],
    *,
    extractor_version: str | None = None,
    stats: StoreStats | None = None,
) -> list[Outcome]:
    """`store_paper` for many papers at once; returns each one's outcome in order."""
    version = extractor_version or _current_extractor_version()
    stats = stats if stats is not None else StoreStats()
    outcomes: list[Outcome] = []
    for start in range(0, len(items), BATCH_SIZE):
        outcomes += _store_batch(session, items[start : start + BATCH_SIZE], version, stats)
    return outcomes


def _current_extractor_version() -> str:
    # Imported late so storing (and its tests) needs no extractor loaded.
    from leaderboard.extract import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def needs_extraction(
    session: Session, papers: Sequence[PaperRecord], extractor_version: str | None = None
) -> list[bool]:
    """For each paper, whether its claims must be extracted before storing it: it is not stored
    yet, or was stored by another extractor version. Asked before extracting, so a re-run of a
    big ingest skips stored papers at lookup speed; `store_papers` ignores the claims of the
    others, and checks again anyway (another ingest may store a paper in between)."""
    version = extractor_version or _current_extractor_version()
    flags: list[bool] = []
    for start in range(0, len(papers), BATCH_SIZE):
        chunk = papers[start : start + BATCH_SIZE]
        batch = _load_known(session, chunk)
        flags += [(known := batch.find(p)) is None or known.extractor_version != version for p in chunk]
    return flags


def _store_batch(session: Session, items: Sequence[Item], version: str, stats: StoreStats) -> list[Outcome]:
    """Store `items`; papers another ingest inserted between our lookup and our write are stored
    again as seen, up to STORE_ATTEMPTS times."""
    outcomes: list[Outcome | None] = [None] * len(items)
    pending = list(range(len(items)))
    for _ in range(STORE_ATTEMPTS):
        done, lost = _store_batch_once(session, [items[i] for i in pending], version, stats)
        for position, outcome in zip(pending, done, strict=True):
            outcomes[position] = outcome
        pending = [pending[i] for i in lost]
        if not pending:
            return outcomes  # type: ignore[return-value]
    raise RuntimeError("papers keep conflicting with rows this session cannot see")


def _store_batch_once(
    session: Session, items: Sequence[Item], version: str, stats: StoreStats
) -> tuple[list[Outcome | None], list[int]]:
    """One try: the outcome of each item (None when lost to another ingest) and the lost positions."""
    batch = _load_known(session, [paper for paper, _ in items])
    new_papers: list[dict] = []
    placed: list[tuple[PaperRecord, Sequence[Claim], _Known, Outcome]] = []
    for paper, claims in items:
        known = batch.find(paper)
        if known is None:
            values = {**_paper_values(paper, version), "id": batch.free_id(paper)}
            known = _Known(**{k: values[k] for k in _KNOWN_FIELDS}, pending=values)
            batch.add(known)
            new_papers.append(values)
            placed.append((paper, claims, known, "new"))
        else:
            _fill_gaps(session, batch, known, paper)
            if known.extractor_version != version:
                stats.claims_stored += _replace_unreviewed_claims(session, known, claims, version)
            placed.append((paper, claims, known, "seen"))
    # Another ingest (PostgreSQL, or SQLite between our lookup and our write) may have stored
    # some of these papers since the lookup: they are not inserted, and are stored again as
    # seen below, with none of our claims.
    lost = _insert_new_papers(session, new_papers)
    new_sources: list[dict] = []
    new_claims: list[dict] = []
    outcomes: list[Outcome | None] = []
    lost_positions: list[int] = []
    for paper, claims, known, outcome in placed:
        if known.pending is not None and known.id in lost:
            lost_positions.append(len(outcomes))
            outcomes.append(None)
            continue
        outcomes.append(outcome)
        if outcome == "new":
            new_claims += [_claim_values(known.id, c, version) for c in claims]
        source_key = (known.id, paper.source, paper.line or 0)  # 0 = no line; see PaperSource.line
        if source_key not in batch.sources:
            batch.sources.add(source_key)
            paper_id, source, line = source_key
            new_sources.append({"paper_id": paper_id, "source": source, "line": line, "format": paper.format})
    # Entity ids, canonical values and condition keys for the whole batch at once.
    resolve_claim_rows(session, new_claims)
    if new_sources:
        session.execute(_insert_ignoring_duplicates(session, PaperSource), new_sources)
    if new_claims:
        session.execute(insert(ClaimRow).execution_options(render_nulls=True), new_claims)
    stats.papers_new += outcomes.count("new")
    stats.papers_seen += outcomes.count("seen")
    stats.sources_added += len(new_sources)
    stats.claims_stored += len(new_claims)
    return outcomes, lost_positions


def _insert_ignoring_duplicates(session: Session, model: type):
    """INSERT ... ON CONFLICT DO NOTHING, so concurrent ingests of the same input never fail."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        statement = postgresql.insert(model).on_conflict_do_nothing()
    elif dialect == "sqlite":
        statement = sqlite.insert(model).on_conflict_do_nothing()
    else:
        statement = insert(model)
    return statement.execution_options(render_nulls=True)


def _insert_new_papers(session: Session, rows: list[dict]) -> set[str]:
    """Insert `rows` into papers; returns the ids NOT inserted because a conflicting paper
    (same id, arXiv id or content) was stored meanwhile."""
    if not rows:
        return set()
    statement = _insert_ignoring_duplicates(session, Paper).returning(Paper.id)
    inserted = set(session.scalars(statement, rows))
    return {row["id"] for row in rows} - inserted


def _load_known(session: Session, papers: Sequence[PaperRecord]) -> _Batch:
    """The stored papers any of `papers` could match, and their recorded sources."""
    session.flush()  # ORM objects added by the caller must be visible to the lookup
    ids = {p.id for p in papers}
    hashes = {p.content_hash for p in papers}
    arxiv_ids = {p.arxiv_id for p in papers if p.arxiv_id}
    columns = [getattr(Paper, name) for name in _KNOWN_FIELDS]
    query = select(*columns).where(
        or_(Paper.id.in_(ids), Paper.content_hash.in_(hashes), Paper.arxiv_id.in_(arxiv_ids))
    )
    batch = _Batch()
    for row in session.execute(query):
        batch.add(_Known(**row._asdict()))
    if batch.by_id:
        sources = select(PaperSource.paper_id, PaperSource.source, PaperSource.line).where(
            PaperSource.paper_id.in_(list(batch.by_id)),
            PaperSource.source.in_({p.source for p in papers}),
        )
        batch.sources = {tuple(row) for row in session.execute(sources)}
        for paper_id, source, line in batch.sources:
            batch.by_source.setdefault((source, line), []).append(paper_id)
    return batch


def find_paper_ids(session: Session, papers: Sequence[PaperRecord]) -> list[str | None]:
    """For each of `papers`, the id of the stored paper it is a copy of, or None."""
    found: list[str | None] = []
    for start in range(0, len(papers), BATCH_SIZE):
        chunk = papers[start : start + BATCH_SIZE]
        batch = _load_known(session, chunk)
        found += [None if (known := batch.find(p)) is None else known.id for p in chunk]
    return found


def find_paper(session: Session, paper: PaperRecord) -> Paper | None:
    """The stored paper `paper` is a copy of (same arXiv id, else id, else content), if any."""
    known = _load_known(session, [paper]).find(paper)
    return None if known is None else session.get(Paper, known.id)


def _paper_date(paper: PaperRecord) -> dt.date | None:
    """The date the input gives, else the month its arXiv id was submitted in."""
    return _parse_date(paper.date or arxiv_id_date(paper.arxiv_id))


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _paper_values(paper: PaperRecord, version: str) -> dict:
    return {
        "id": paper.id,
        "arxiv_id": paper.arxiv_id,
        "title": paper.title,
        "abstract": paper.abstract,
        "date": _paper_date(paper),
        "content_hash": paper.content_hash,
        "extractor_version": version,
    }


def _fill_gaps(session: Session, batch: _Batch, known: _Known, paper: PaperRecord) -> None:
    """Fill what the stored paper lacks; never overwrite, so a rerun changes nothing."""
    gaps = {}
    if known.arxiv_id is None and paper.arxiv_id and paper.arxiv_id not in batch.by_arxiv:
        gaps["arxiv_id"] = paper.arxiv_id
    if known.title is None and paper.title:
        gaps["title"] = paper.title
    if known.date is None and (date := _paper_date(paper)) is not None:
        gaps["date"] = date
    if not gaps:
        return
    for name, value in gaps.items():
        setattr(known, name, value)
    batch.add(known)
    if known.pending is not None:
        known.pending.update(gaps)
    else:
        session.execute(update(Paper).where(Paper.id == known.id).values(**gaps))


def _claim_values(paper_id: str, claim: Claim, version: str) -> dict:
    """The claims row for an extracted claim: its spec fields, plus who extracted it."""
    return {**claim.to_row(paper_id), "extractor_version": version}


def _replace_unreviewed_claims(session: Session, known: _Known, claims: Sequence[Claim], version: str) -> int:
    """Reconcile an older extractor's claims with `claims` (leaderboard.store.reconcile), never touching
    anything a person accepted, rejected, corrected, added or logged; returns the claims written."""
    # Lock the paper row (PostgreSQL; SQLite has one writer anyway) before reading its claims:
    # two ingests re-extracting one paper at once would otherwise both insert its new claims.
    # The second waits here, then finds the first's claims and has nothing left to write.
    session.execute(select(Paper.id).where(Paper.id == known.id).with_for_update())
    rows = [_claim_values(known.id, c, version) for c in claims]
    written = reconcile_claims(session, known.id, rows).written
    session.execute(update(Paper).where(Paper.id == known.id).values(extractor_version=version))
    known.extractor_version = version
    return written
