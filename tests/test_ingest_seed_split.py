"""Acceptance: the five seed documents split into exactly the gold papers.

tests/data/seed_papers.jsonl is a copy of ../shared/gold/seed_papers.jsonl;
its `id`, `source` and `ordinal` fields are bookkeeping and not compared.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leaderboard.ingest import iter_papers

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "seed"
GOLD = Path(__file__).parent / "data" / "seed_papers.jsonl"
COMPARED_FIELDS = ("title", "arxiv_id", "date", "abstract")
SEED_FILES = sorted(path.name for path in SEED_DIR.glob("*.txt"))


def _gold_by_source() -> dict[str, list[dict]]:
    by_source: dict[str, list[dict]] = {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        by_source.setdefault(row["source"], []).append(row)
    return by_source


GOLD_BY_SOURCE = _gold_by_source()


def _first_difference(expected: str | None, actual: str | None) -> str:
    """Where two values part, with a little context, so a long abstract's diff is readable."""
    if expected is None or actual is None:
        return f"expected {expected!r}, got {actual!r}"
    at = next((i for i, (a, b) in enumerate(zip(expected, actual, strict=False)) if a != b), None)
    if at is None:
        at = min(len(expected), len(actual))
    lo = max(0, at - 40)
    return f"differ at char {at}: expected ...{expected[lo : at + 40]!r}, got ...{actual[lo : at + 40]!r}"


def test_every_seed_file_has_gold():
    assert sorted(GOLD_BY_SOURCE) == SEED_FILES
    assert sum(len(rows) for rows in GOLD_BY_SOURCE.values()) == 442


@pytest.mark.parametrize("name", SEED_FILES)
def test_seed_papers_equal_gold(name):
    path = str(SEED_DIR / name)
    papers = list(iter_papers(path))
    gold = GOLD_BY_SOURCE[name]

    problems = []
    for ordinal, (expected, paper) in enumerate(zip(gold, papers, strict=False)):
        for field in COMPARED_FIELDS:
            if expected[field] != getattr(paper, field):
                problems.append(
                    f"paper {ordinal} ({expected['id']}, line {paper.line}) {field}: "
                    + _first_difference(expected[field], getattr(paper, field))
                )
    if len(papers) != len(gold):
        problems.append(f"found {len(papers)} papers, gold has {len(gold)}")
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("name", SEED_FILES)
def test_seed_papers_carry_their_source_and_start_line(name):
    path = str(SEED_DIR / name)
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    for paper in iter_papers(path):
        assert paper.source == path
        start = lines[paper.line - 1]
        # A paper starts at its title, else at its abstract (behind an "Abstract:" label).
        assert (paper.title or paper.abstract[:30]) in start


def test_gold_file_reads_back_as_plain_jsonl_with_its_ids():
    """`leaderboard extract` on the gold file must key claims by the gold ids."""
    gold_ids = [json.loads(line)["id"] for line in GOLD.read_text(encoding="utf-8").splitlines()]
    assert [paper.id for paper in iter_papers(str(GOLD))] == gold_ids
