"""Ingesting one file: look papers up, extract the new ones, write in chunks of papers.

Each chunk of `commit_every` papers is one transaction. A file no bigger than
one chunk is all or nothing, as before; a multi-gigabyte snapshot keeps its
work when interrupted (Ctrl-C, a kill, a bad line at 2,000,000) and a re-run
continues: papers are looked up before they are extracted, so the stored ones
go by at lookup speed. No paper is ever stored without its claims, because a
paper and its claims are always written in the same transaction.

Two ingests may run at once against one database (several machines, one
PostgreSQL; or one SQLite file): the store inserts with ON CONFLICT DO
NOTHING, and a chunk that deadlocks with the other ingest (PostgreSQL) or
finds the file locked too long (SQLite) is rolled back and written again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from leaderboard.errors import LeaderboardError
from leaderboard.ingest import IngestError, iter_papers
from leaderboard.records import PaperRecord
from leaderboard.store.batch import batched, with_claims
from leaderboard.store.papers import BATCH_SIZE as STORE_BATCH_SIZE
from leaderboard.store.papers import Item, StoreStats, needs_extraction, store_papers

# Papers per transaction: a few seconds of work, a few MB held for a retry.
COMMIT_EVERY = 5_000
# Writing a chunk again after a deadlock or a lock timeout; the waits grow.
RETRIES = 5
RETRY_WAIT = 0.2
# PostgreSQL: deadlock detected, serialization failure.
_RETRYABLE_SQLSTATES = frozenset({"40P01", "40001"})


class FileFailed(LeaderboardError):
    """A file stopped by `error`; `kept` counts what its committed chunks stored."""

    def __init__(self, error: Exception, kept: StoreStats) -> None:
        super().__init__(error, kept)
        self.error = error
        self.kept = kept


def ingest_file(
    sessions: sessionmaker[Session],
    path: str,
    fmt: str | None = None,
    pool: ProcessPoolExecutor | None = None,
    *,
    jobs: int = 1,
    commit_every: int = COMMIT_EVERY,
    on_papers: Callable[[int], None] | None = None,
    on_bytes: Callable[[int], None] | None = None,
) -> StoreStats:
    """Store one file's papers and claims, committing every `commit_every` papers (0: once, at the end).
    `on_papers` hears of each batch of papers stored, `on_bytes` of each read from the file.

    Raises FileFailed for unreadable input or a database error, after
    rolling back the chunk in progress.
    """
    from leaderboard.extract import EXTRACTOR_VERSION

    committed = StoreStats()
    with sessions() as session:
        chunk = _Chunk(session, EXTRACTOR_VERSION)
        needs = partial(needs_extraction, session, extractor_version=EXTRACTOR_VERSION)
        reader = _Reader(iter_papers(path, fmt, on_bytes))
        try:
            papers = with_claims(reader, pool, needs=needs, in_flight=2 * jobs + 2)
            for batch in batched(papers, STORE_BATCH_SIZE):
                while batch:
                    room = commit_every - len(chunk.items) if commit_every else len(batch)
                    part, batch = batch[:room], batch[room:]
                    chunk.add(part)
                    if on_papers is not None:
                        on_papers(len(part))
                    if commit_every and len(chunk.items) >= commit_every:
                        committed.merge(chunk.commit())
            if reader.error is not None:
                raise reader.error
            committed.merge(chunk.commit())
        except Exception as exc:
            # Anything else too (an extractor failure, a worker process gone): one file's trouble
            # must not stop the files after it. Ctrl-C (a BaseException) still stops the run.
            session.rollback()
            raise FileFailed(exc, committed) from exc
    return committed


class _Reader:
    """The papers of a file up to its first bad line; the error is kept for after the
    papers before it are stored (the pool reads ahead, so it would come too early)."""

    def __init__(self, papers: Iterator[PaperRecord]) -> None:
        self.papers = papers
        self.error: IngestError | OSError | None = None

    def __iter__(self) -> Iterator[PaperRecord]:
        try:
            yield from self.papers
        except (IngestError, OSError) as exc:
            self.error = exc


class _Chunk:
    """The papers of the open transaction, kept so that it can be written again after a deadlock."""

    def __init__(self, session: Session, version: str) -> None:
        self.session = session
        self.version = version
        self.items: list[Item] = []
        self.stats = StoreStats()
        self._written = 0

    def add(self, batch: list[Item]) -> None:
        self.items += batch
        self._write(commit=False)

    def commit(self) -> StoreStats:
        """Commit the chunk; returns what it stored and starts the next one."""
        self._write(commit=True)
        stats, self.items, self.stats, self._written = self.stats, [], StoreStats(), 0
        return stats

    def _write(self, commit: bool) -> None:
        for attempt in range(RETRIES + 1):
            try:
                unwritten = self.items[self._written :]
                store_papers(self.session, unwritten, extractor_version=self.version, stats=self.stats)
                self._written = len(self.items)
                if commit:
                    self.session.commit()
                return
            except OperationalError as exc:
                if attempt == RETRIES or not _retryable(exc):
                    raise
                # Start the chunk again in a new transaction, after the other ingest moved on.
                self.session.rollback()
                self.stats, self._written = StoreStats(), 0
                time.sleep(RETRY_WAIT * 2**attempt)


def _retryable(exc: OperationalError) -> bool:
    if getattr(exc.orig, "sqlstate", None) in _RETRYABLE_SQLSTATES:
        return True
    return "database is locked" in str(exc.orig)
