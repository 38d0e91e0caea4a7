"""Storing imported results: their papers through the store (so a paper is one row whoever
brought it), then each value as a claim with origin 'imported', once.

A paper that is already stored (ingested from its abstract, or imported before) keeps its
claims: only the new source is remembered. An imported claim is the same claim as a stored
imported one when paper, model, benchmark, metric, condition and value are equal, so importing a
file again, or another file repeating its rows, adds nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from leaderboard.db.models import ClaimRow, Paper, PaperSource
from leaderboard.imports.pwc import ImportedResult
from leaderboard.normalize import resolve_claim_rows
from leaderboard.records import PaperRecord
from leaderboard.store.papers import find_paper_ids, store_papers

ORIGIN = "imported"
# Stored in claims.extractor_version: what wrote an imported claim.
IMPORTER_VERSION = "import-pwc/1"
# What makes two imported claims the same claim.
IDENTITY_COLUMNS = ("paper_id", "model", "benchmark", "metric", "condition", "value")
LOOKUP_BATCH = 500  # paper ids per query, well under SQLite's bound-parameter limit
INSERT_BATCH = 5_000  # claims resolved and inserted at a time


@dataclass(slots=True)
class ImportStats:
    """What one import stored."""

    papers_new: int = 0
    papers_seen: int = 0
    claims_stored: int = 0
    claims_seen: int = 0


def store_imported(session: Session, results: Sequence[ImportedResult]) -> ImportStats:
    """Store `results` in the session's transaction (the caller commits); returns what was new."""
    stats = ImportStats()
    papers = list({r.paper.content_hash: r.paper for r in results}.values())
    paper_ids = _store_papers(session, papers, stats)
    _lock_papers(session, set(paper_ids.values()))
    existing = _stored_identities(session, set(paper_ids.values()))
    rows = []
    for result in results:
        row = {
            **result.claim.to_row(paper_ids[result.paper.content_hash]),
            "extractor_version": IMPORTER_VERSION,
            "origin": ORIGIN,
            "provenance": result.provenance,
        }
        identity = tuple(row[c] for c in IDENTITY_COLUMNS)
        if identity in existing:
            stats.claims_seen += 1
            continue
        existing.add(identity)
        rows.append(row)
    # In slices, so a whole archive (evaluation-tables.json: a million values) is never one
    # statement; it is still one transaction.
    for start in range(0, len(rows), INSERT_BATCH):
        batch = rows[start : start + INSERT_BATCH]
        resolve_claim_rows(session, batch)
        session.execute(insert(ClaimRow).execution_options(render_nulls=True), batch)
    stats.claims_stored = len(rows)
    return stats


def _store_papers(session: Session, papers: list[PaperRecord], stats: ImportStats) -> dict[str, str]:
    """Store the papers not stored yet, remember this source for all; their ids by content hash."""
    found = find_paper_ids(session, papers)
    # Only new papers go through store_papers: for a stored paper it would reconcile its
    # extracted claims with the (empty) claims an imported paper has, retiring them.
    new = [paper for paper, paper_id in zip(papers, found, strict=True) if paper_id is None]
    store_papers(session, [(paper, []) for paper in new])
    ids = find_paper_ids(session, papers)
    sources = [
        {"paper_id": paper_id, "source": paper.source, "line": 0, "format": paper.format}
        for paper, paper_id, was in zip(papers, ids, found, strict=True)
        if was is not None
    ]
    if sources:
        session.execute(_insert_ignoring_duplicates(session), sources)
    stats.papers_new += len(new)
    stats.papers_seen += len(papers) - len(new)
    return {paper.content_hash: paper_id for paper, paper_id in zip(papers, ids, strict=True)}


def _lock_papers(session: Session, paper_ids: set[str]) -> None:
    """Lock the papers' rows (PostgreSQL; SQLite has one writer anyway), in id order so two imports
    never deadlock: an import of the same rows at the same time waits here for the first to
    commit, then finds its claims stored instead of inserting them again."""
    if session.get_bind().dialect.name != "postgresql":
        return
    ordered = sorted(paper_ids)
    for start in range(0, len(ordered), LOOKUP_BATCH):
        chunk = ordered[start : start + LOOKUP_BATCH]
        session.execute(select(Paper.id).where(Paper.id.in_(chunk)).order_by(Paper.id).with_for_update())


def _stored_identities(session: Session, paper_ids: set[str]) -> set[tuple]:
    columns = [getattr(ClaimRow, name) for name in IDENTITY_COLUMNS]
    identities: set[tuple] = set()
    ordered = sorted(paper_ids)
    for start in range(0, len(ordered), LOOKUP_BATCH):
        query = select(*columns).where(
            ClaimRow.origin == ORIGIN, ClaimRow.paper_id.in_(ordered[start : start + LOOKUP_BATCH])
        )
        identities |= {tuple(row) for row in session.execute(query)}
    return identities


def _insert_ignoring_duplicates(session: Session):
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(PaperSource).on_conflict_do_nothing()
    return sqlite.insert(PaperSource).on_conflict_do_nothing()
