"""Ingest at scale: chunked commits, resuming without re-extracting, flat memory, the corpus generator."""

from __future__ import annotations

import itertools
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from cli_support import said
from sqlalchemy import create_engine, func, select, update

import leaderboard.store.batch
from leaderboard.cli import app
from leaderboard.db import ClaimRow, Paper
from leaderboard.ingest import iter_papers
from leaderboard.records import PaperRecord
from leaderboard.store.batch import BATCH_SIZE, with_claims

ROOT = Path(__file__).resolve().parents[1]
SEED_PAPERS = ROOT / "tests" / "data" / "seed_papers.jsonl"


def seed_rows(n: int) -> list[dict]:
    """`n` distinct papers with real abstracts (so real claims)."""
    seeds = [json.loads(line) for line in SEED_PAPERS.read_text(encoding="utf-8").splitlines()]
    return [
        {"id": f"s-{i:04d}", "title": seed.get("title"), "abstract": f"Study {i}. {seed['abstract']}"}
        for i, seed in zip(range(n), itertools.cycle(seeds))
    ]


def write_lines(path: Path, lines: list[str]) -> str:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return str(path)


def stored(db_url: str, query) -> object:
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(query).all()
    finally:
        engine.dispose()


def paper_ids(db_url: str) -> list[str]:
    return [row.id for row in stored(db_url, select(Paper.id).order_by(Paper.id))]


@pytest.fixture
def extractions(monkeypatch) -> list[str]:
    """The abstracts the extractor is run on, in order (jobs=1 runs it in this process)."""
    seen: list[str] = []
    real = leaderboard.store.batch.extract_claims

    def counting(abstract, title=None):
        seen.append(abstract)
        return real(abstract, title)

    monkeypatch.setattr(leaderboard.store.batch, "extract_claims", counting)
    return seen


def test_a_bad_line_keeps_the_chunks_before_it_and_a_rerun_continues(runner, db_url, tmp_path, extractions):
    rows = seed_rows(7)
    lines = [json.dumps(row) for row in rows]
    path = tmp_path / "snapshot.jsonl"
    bad = write_lines(path, [*lines[:5], '{"id": "s-broken", "abstract": ', *lines[5:]])

    first = runner.invoke(app, ["ingest", bad, "--db", db_url, "--commit-every", "2"])
    assert first.exit_code == 1
    # Chunks of 2 papers: lines 1-4 are committed; line 5 was in the chunk the bad line 6 rolled back.
    # A plain progress line may come first when the run takes longer than its interval.
    errors = [line for line in first.stderr.splitlines() if line.startswith("error:")]
    assert errors[0].startswith(f"error: {bad}:6: malformed JSON")
    assert said(first)[1].endswith(" (the 4 papers before it are stored; fix it and re-run to continue)\n")
    assert said(first)[0].startswith("files: 0 ok, 1 failed; papers: 4 read, 4 new, 0 seen; claims: ")
    assert paper_ids(db_url) == ["s-0000", "s-0001", "s-0002", "s-0003"]

    fixed = write_lines(path, lines)
    extractions.clear()
    second = runner.invoke(app, ["ingest", fixed, "--db", db_url, "--commit-every", "2"])
    assert second.exit_code == 0, second.output
    assert said(second)[0].startswith("files: 1 ok, 0 failed; papers: 7 read, 3 new, 4 seen; claims: ")
    assert paper_ids(db_url) == [row["id"] for row in rows]
    # Only the papers not stored yet went through the extractor.
    assert extractions == [row["abstract"] for row in rows[4:]]


def test_commit_every_zero_is_one_transaction_per_file(runner, db_url, tmp_path):
    lines = [json.dumps(row) for row in seed_rows(5)]
    bad = write_lines(tmp_path / "a.jsonl", [*lines, "not json"])
    result = runner.invoke(app, ["ingest", bad, "--db", db_url, "--commit-every", "0"])
    assert (result.exit_code, said(result)[0]) == (
        1,
        "files: 0 ok, 1 failed; papers: 0 read, 0 new, 0 seen; claims: 0 stored\n",
    )
    # A plain progress line may come first when the run takes longer than its interval.
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors[0].startswith(f"error: {bad}:6: malformed JSON") and "stored" not in said(result)[1]
    assert paper_ids(db_url) == []


def test_rerun_extracts_only_papers_of_an_older_extractor(runner, db_url, tmp_path, extractions):
    rows = seed_rows(6)
    path = write_lines(tmp_path / "a.jsonl", [json.dumps(row) for row in rows])
    assert runner.invoke(app, ["ingest", path, "--db", db_url]).exit_code == 0
    claims_before = stored(db_url, select(func.count()).select_from(ClaimRow))[0][0]
    assert len(extractions) == 6 and claims_before > 0

    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(update(Paper).where(Paper.id == "s-0002").values(extractor_version="0.0.1"))
    engine.dispose()
    extractions.clear()
    rerun = runner.invoke(app, ["ingest", path, "--db", db_url])
    assert (rerun.exit_code, said(rerun)[0]) == (
        0,
        "files: 1 ok, 0 failed; papers: 6 read, 0 new, 6 seen; claims: 0 stored\n",
    )
    assert extractions == [rows[2]["abstract"]]
    assert stored(db_url, select(func.count()).select_from(ClaimRow))[0][0] == claims_before


def test_the_pool_reads_only_a_bounded_window_ahead(tmp_path):
    """Memory stays flat: the input is consumed a few batches ahead of what has been yielded."""
    pulled = 0

    def papers():
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield PaperRecord(abstract=f"Model {i} reaches {i % 90}.5% accuracy on ImageNet.")

    with ProcessPoolExecutor(max_workers=2) as pool:
        stream = with_claims(papers(), pool, in_flight=3)
        first = [next(stream) for _ in range(2 * BATCH_SIZE)]
    assert pulled <= 4 * BATCH_SIZE
    assert [paper.abstract for paper, _ in first[:2]] == [
        "Model 0 reaches 0.5% accuracy on ImageNet.",
        "Model 1 reaches 1.5% accuracy on ImageNet.",
    ]
    assert [claims[0].value for _, claims in first[:2]] == [0.5, 1.5]


def test_the_pool_extracts_only_what_needs_says(tmp_path):
    records = [PaperRecord(abstract=f"We reach {i}.5% accuracy on COCO.", given_id=f"{i}") for i in range(5)]
    with ProcessPoolExecutor(max_workers=2) as pool:
        out = list(with_claims(records, pool, needs=lambda batch: [int(p.given_id) % 2 == 0 for p in batch]))
    assert [paper.given_id for paper, _ in out] == ["0", "1", "2", "3", "4"]
    assert [[c.value for c in claims] for _, claims in out] == [[0.5], [], [2.5], [], [4.5]]


def test_generated_corpus_is_a_snapshot_of_distinct_papers_with_claims(tmp_path, runner, db_url):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import make_corpus
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    out = tmp_path / "corpus.jsonl"
    assert make_corpus.main(["--papers", "300", "-o", str(out), "--seed", "3"]) == 0
    papers = list(iter_papers(str(out)))
    assert len(papers) == 300
    assert len({p.arxiv_id for p in papers}) == len({p.content_hash for p in papers}) == 300
    assert all(p.format == "jsonl" and p.date for p in papers)

    again = tmp_path / "again.jsonl"
    make_corpus.main(["--papers", "300", "-o", str(again), "--seed", "3"])
    assert again.read_bytes() == out.read_bytes()  # deterministic for a seed

    result = runner.invoke(app, ["ingest", str(out), "--db", db_url])
    assert result.exit_code == 0, result.output
    assert said(result)[0].startswith("files: 1 ok, 0 failed; papers: 300 read, 300 new, 0 seen; claims: ")
    models = {row.model for row in stored(db_url, select(ClaimRow.model).where(ClaimRow.model.is_not(None)))}
    assert len(models) > 20  # names were varied, not the seed's own few
