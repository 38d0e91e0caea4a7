"""Running the extractor over a stream of papers, optionally in a process pool."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice

from leaderboard.extract import extract_claims
from leaderboard.records import Claim, PaperRecord

# Papers handed to the pool at a time: enough to keep every worker busy while
# never holding a whole (possibly huge) input in memory.
BATCH_SIZE = 256


def _claims_for(paper: PaperRecord) -> list[Claim]:
    return extract_claims(paper.abstract, paper.title)


def _batches(papers: Iterable[PaperRecord], size: int) -> Iterator[list[PaperRecord]]:
    it = iter(papers)
    while batch := list(islice(it, size)):
        yield batch


def with_claims(
    papers: Iterable[PaperRecord], pool: ProcessPoolExecutor | None = None
) -> Iterator[tuple[PaperRecord, list[Claim]]]:
    """Each paper with its extracted claims, in input order."""
    if pool is None:
        for paper in papers:
            yield paper, _claims_for(paper)
        return
    for batch in _batches(papers, BATCH_SIZE):
        yield from zip(batch, pool.map(_claims_for, batch, chunksize=16), strict=True)
