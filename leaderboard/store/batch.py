"""Running the extractor over a stream of papers, optionally in a process pool."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TypeVar

from leaderboard.extract import extract_claims
from leaderboard.records import Claim, PaperRecord

T = TypeVar("T")

# Papers per pool task: about 0.1 s of extraction, so pickling costs little.
BATCH_SIZE = 256
# Tasks handed to the pool before waiting for the oldest: enough to keep the
# workers busy while the caller writes, never a whole (possibly huge) input.
IN_FLIGHT = 8


def _claims_for(paper: PaperRecord) -> list[Claim]:
    return extract_claims(paper.abstract, paper.title)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of up to `size` items (itertools.batched arrives only in Python 3.12)."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def with_claims(
    papers: Iterable[PaperRecord],
    pool: ProcessPoolExecutor | None = None,
    *,
    needs: Callable[[list[PaperRecord]], list[bool]] | None = None,
    in_flight: int = IN_FLIGHT,
) -> Iterator[tuple[PaperRecord, list[Claim]]]:
    """Each paper with its extracted claims, in input order.

    `needs(papers)` says which papers of a batch to extract (e.g. those not
    stored yet); the others come out with no claims. With a pool, at most
    `in_flight` batches are being extracted at a time, so memory stays flat
    however big the input, and the workers keep busy while the caller writes.
    """
    batches = batched(papers, BATCH_SIZE)
    if pool is None:
        for batch in batches:
            yield from zip(batch, _claims_for_batch(batch, needs), strict=True)
        return
    pending: deque[tuple[list[PaperRecord], list[bool], Future[list[list[Claim]]]]] = deque()
    for batch in batches:
        wanted = needs(batch) if needs else [True] * len(batch)
        todo = [(paper.abstract, paper.title) for paper, want in zip(batch, wanted, strict=True) if want]
        pending.append((batch, wanted, pool.submit(_extract_all, todo)))
        if len(pending) >= in_flight:
            yield from _collect(*pending.popleft())
    while pending:
        yield from _collect(*pending.popleft())


def _claims_for_batch(
    batch: list[PaperRecord], needs: Callable[[list[PaperRecord]], list[bool]] | None
) -> list[list[Claim]]:
    wanted = needs(batch) if needs else [True] * len(batch)
    return [_claims_for(paper) if want else [] for paper, want in zip(batch, wanted, strict=True)]


def _extract_all(texts: list[tuple[str, str | None]]) -> list[list[Claim]]:
    # One pool task per batch (a task per paper would cost more in pickling than in extracting),
    # sent as bare texts: the rest of a paper record is of no use to the extractor.
    return [extract_claims(abstract, title) for abstract, title in texts]


def _collect(
    batch: list[PaperRecord], wanted: list[bool], future: Future[list[list[Claim]]]
) -> Iterator[tuple[PaperRecord, list[Claim]]]:
    extracted = iter(future.result())
    for paper, want in zip(batch, wanted, strict=True):
        yield paper, next(extracted) if want else []
