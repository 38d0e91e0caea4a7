"""store_paper: each paper once, every source remembered, reviewed claims kept."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from leaderboard.db import AuditEntry, ClaimRow, Paper, PaperSource
from leaderboard.records import Claim, PaperRecord
from leaderboard.store import papers as store
from leaderboard.store.papers import StoreStats, find_paper, store_paper, store_papers

ABSTRACT = "Our model reaches 91.1% accuracy on ImageNet, up from 88.0%."


def claim(value: float, start: int, kind: str = "score") -> Claim:
    return Claim(value=value, kind=kind, evidence=ABSTRACT, span=(start, start + 4), value_text=str(value))


CLAIMS = [claim(91.1, 18), claim(88.0, 56)]


def paper(source: str = "a.jsonl", line: int | None = 1, **fields) -> PaperRecord:
    return PaperRecord(**{"abstract": ABSTRACT, "source": source, "line": line, "format": "jsonl", **fields})


@pytest.fixture
def session(migrated_engine):
    with Session(migrated_engine) as session:
        yield session


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_new_paper_is_stored_with_claims_and_source(session):
    stats = StoreStats()
    record = paper(arxiv_id="2404.00001", title="T", date="2024-04-01")
    assert store_paper(session, record, CLAIMS, extractor_version="v1", stats=stats) == "new"
    session.commit()
    stored = session.get(Paper, "2404.00001")
    assert (stored.title, stored.date.isoformat(), stored.content_hash) == (
        "T",
        "2024-04-01",
        record.content_hash,
    )
    assert [(s.source, s.line, s.format) for s in stored.sources] == [("a.jsonl", 1, "jsonl")]
    assert sorted(c.value for c in stored.claims) == [88.0, 91.1]
    assert {c.status for c in stored.claims} == {"extracted"}
    assert stats == StoreStats(papers_new=1, papers_seen=0, sources_added=1, claims_stored=2)


@pytest.mark.parametrize(
    "second",
    [
        pytest.param(dict(arxiv_id="2404.00001", abstract="Reworded abstract."), id="same-arxiv-id"),
        pytest.param(dict(given_id="2404.00001", abstract="Reworded abstract."), id="same-id"),
        pytest.param(
            dict(abstract="  our MODEL reaches 91.1% accuracy on ImageNet, up from 88.0%."), id="same-text"
        ),
    ],
)
def test_same_paper_from_two_sources_is_stored_once(session, second):
    store_paper(session, paper(arxiv_id="2404.00001"), CLAIMS, extractor_version="v1")
    outcome = store_paper(
        session, paper(source="b.txt", line=7, format=None, **second), CLAIMS, extractor_version="v1"
    )
    session.commit()
    assert outcome == "seen"
    assert count(session, Paper) == 1
    assert count(session, ClaimRow) == 2
    assert sorted(session.execute(select(PaperSource.source, PaperSource.line))) == [
        ("a.jsonl", 1),
        ("b.txt", 7),
    ]


def test_same_source_and_line_adds_nothing(session):
    stats = StoreStats()
    for _ in range(2):
        store_paper(session, paper(line=None), CLAIMS, extractor_version="v1", stats=stats)
    session.commit()
    assert (count(session, Paper), count(session, PaperSource), count(session, ClaimRow)) == (1, 1, 2)
    assert stats == StoreStats(papers_new=1, papers_seen=1, sources_added=1, claims_stored=2)


def test_paper_without_ids_gets_content_id(session):
    store_paper(session, paper(), [], extractor_version="v1")
    assert find_paper(session, paper()).id == f"h-{paper().content_hash[:16]}"


def test_second_sighting_fills_gaps_only(session):
    store_paper(session, paper(title="First"), [], extractor_version="v1")
    store_paper(
        session,
        paper(line=2, title="Second", arxiv_id="2404.1", date="2024-05-06", format=None),
        [],
        extractor_version="v1",
    )
    session.commit()
    stored = session.scalars(select(Paper)).one()
    assert (stored.title, stored.arxiv_id, str(stored.date)) == ("First", "2404.1", "2024-05-06")


def test_newer_extractor_replaces_only_unreviewed_claims(session):
    old = [claim(91.1, 18), claim(88.0, 56), claim(5.0, 30)]
    store_paper(session, paper(), old, extractor_version="v1")
    session.flush()
    rows = {c.value: c for c in session.scalars(select(ClaimRow))}
    rows[91.1].status = "accepted"
    note = AuditEntry(target="claim", target_id=rows[5.0].id, action="note", reviewer="ann", reason="checked")
    session.add(note)
    session.commit()

    new = [claim(91.1, 18), claim(88.0, 56, kind="delta"), claim(12.5, 40)]
    stats = StoreStats()
    assert store_paper(session, paper(), new, extractor_version="v2", stats=stats) == "seen"
    session.commit()

    found = sorted(
        (c.value, c.kind, c.status, c.extractor_version) for c in session.scalars(select(ClaimRow))
    )
    assert found == [
        (5.0, "score", "extracted", "v1"),  # has a review: kept
        (12.5, "score", "extracted", "v2"),
        (88.0, "delta", "extracted", "v2"),  # unreviewed: replaced
        (91.1, "score", "accepted", "v1"),  # reviewed: kept, and not duplicated
    ]
    assert stats.claims_stored == 2
    assert session.scalars(select(Paper.extractor_version)).one() == "v2"


def test_same_extractor_version_leaves_claims_alone(session):
    store_paper(session, paper(), CLAIMS, extractor_version="v1")
    session.commit()
    before = session.execute(select(ClaimRow.id, ClaimRow.value, ClaimRow.created_at)).all()
    store_paper(session, paper(), [claim(1.0, 0)], extractor_version="v1")
    session.commit()
    assert session.execute(select(ClaimRow.id, ClaimRow.value, ClaimRow.created_at)).all() == before


@pytest.mark.parametrize("batch_size", [1, 2, 200], ids=lambda n: f"batch-{n}")
def test_copies_within_and_across_batches(session, monkeypatch, batch_size):
    monkeypatch.setattr(store, "BATCH_SIZE", batch_size)
    other = "A different abstract about parsing."
    items = [
        (paper(line=1), CLAIMS),
        (paper(line=2, abstract=other), []),
        (paper(line=3, title="Filled later", date="2024-01-02"), CLAIMS),  # same text as line 1
        (paper(line=4, abstract=other, arxiv_id="2401.7"), []),  # same text as line 2
        (paper(line=5, arxiv_id="2401.7", abstract="Reworded."), []),  # same arXiv id as line 4
    ]
    stats = StoreStats()
    assert store_papers(session, items, extractor_version="v1", stats=stats) == [
        "new",
        "new",
        "seen",
        "seen",
        "seen",
    ]
    assert store_papers(session, items, extractor_version="v1") == ["seen"] * 5
    session.commit()
    papers = {p.abstract: p for p in session.scalars(select(Paper))}
    assert len(papers) == 2
    assert (papers[ABSTRACT].title, str(papers[ABSTRACT].date)) == ("Filled later", "2024-01-02")
    assert papers[other].arxiv_id == "2401.7"
    assert sorted(session.scalars(select(PaperSource.line))) == [1, 2, 3, 4, 5]
    assert count(session, ClaimRow) == 2
    assert stats == StoreStats(papers_new=2, papers_seen=3, sources_added=5, claims_stored=2)
