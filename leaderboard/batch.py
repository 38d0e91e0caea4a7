"""Running the extractor over a stream of papers, optionally in a process pool."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import TypeVar

from leaderboard.extract import extract_claims
from leaderboard.records import Claim, PaperRecord

T = TypeVar("T")

# Papers handed to the pool at a time: enough to keep every worker busy while
# never holding a whole (possibly huge) input in memory.
BATCH_SIZE = 256


def _claims_for(paper: PaperRecord) -> list[Claim]:
    return extract_claims(paper.abstract, paper.title)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of up to `size` items (itertools.batched arrives only in Python 3.12)."""
    it = iter(items)
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
    for batch in batched(papers, BATCH_SIZE):
        yield from zip(batch, pool.map(_claims_for, batch, chunksize=16), strict=True)
