"""Crash safety: an ingest killed with SIGKILL leaves a consistent database, and a re-run completes it.

Consistent means what a reader could rely on: no claim without its paper, no
paper without a source row, and a file's papers (each with all its claims)
either all there or none of them, because every file is one transaction.
Re-running the killed ingest must end with exactly the rows an uninterrupted
run writes into a fresh database (timestamps and autoincrement ids aside).
"""

from __future__ import annotations

import random
import signal
import time
from collections import defaultdict

import pytest
from cli_support import said
from robust_support import canonical_dump, start_cli, write_corpus
from sqlalchemy import create_engine, func, select
from sqlalchemy.exc import OperationalError

from leaderboard.cli import app
from leaderboard.db import Paper, make_engine, upgrade_to_head

# (files, papers per file, extra ingest options): small files, each one transaction; or one
# file committed in chunks (--commit-every), where a kill keeps the chunks already written.
LAYOUTS = {
    "files": (8, 80, []),
    "chunks": (1, 640, ["--commit-every", "100"]),
}


def paper_count(db_url: str) -> int:
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(Paper))
    except OperationalError:  # a SQLite writer holds the lock for a moment
        return 0
    finally:
        engine.dispose()


def kill_mid_ingest(corpus, db_url: str, options: list[str], seed: int) -> None:
    """Start an ingest; once its first transaction is committed, wait a seeded random while, SIGKILL it."""
    process = start_cli("ingest", str(corpus), "--db", db_url, *options)
    try:
        deadline = time.monotonic() + 60
        while paper_count(db_url) == 0:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the ingest never committed a file"
            time.sleep(0.02)
        time.sleep(random.Random(seed).uniform(0, 0.3))
        assert process.poll() is None, "the ingest finished before it could be killed; make the corpus bigger"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        assert process.returncode == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate()


def by_paper(rows: list[tuple], paper_index: int) -> dict[str, list[tuple]]:
    grouped = defaultdict(list)
    for row in rows:
        grouped[row[paper_index]].append(row)
    return grouped


def assert_consistent(partial: dict, complete: dict, whole_files: bool) -> None:
    """`partial` (after a kill) is whole transactions of `complete`: papers with all claims and sources."""
    papers = {row[0]: row for row in partial["papers"]}
    full_papers = {row[0]: row for row in complete["papers"]}
    assert 0 < len(papers) < len(full_papers), "the kill should land between the first and last file"
    assert all(full_papers[pid] == row for pid, row in papers.items())

    sources = by_paper(partial["paper_sources"], 0)
    assert set(sources) == set(papers), "every paper has its source rows, and no source row is orphaned"
    if whole_files:  # a file that left any paper left all of them
        files = {row[1] for rows in sources.values() for row in rows}
        for file_rows in (by_paper(complete["paper_sources"], 1)[name] for name in files):
            assert all(row[0] in papers for row in file_rows)

    # A paper's claims are all there, exactly as an uninterrupted run stores them, or the paper is absent.
    claims, full_claims = by_paper(partial["claims"], 0), by_paper(complete["claims"], 0)
    assert set(claims) <= set(papers)
    for pid in papers:
        assert claims.get(pid, []) == full_claims.get(pid, [])
    assert set(partial["entities"]) <= set(complete["entities"])


@pytest.mark.slow
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_sigkill_mid_ingest_then_rerun_matches_an_uninterrupted_run(
    runner, db_url, tmp_path, request, layout
):
    files, per_file, options = LAYOUTS[layout]
    corpus = tmp_path / "corpus"
    write_corpus(corpus, files, per_file)
    # The reference: the same ingest, uninterrupted, into a database of its own.
    reference_url = f"sqlite:///{tmp_path / 'reference.db'}"
    reference = runner.invoke(app, ["ingest", str(corpus), "--db", reference_url])
    assert reference.exit_code == 0, reference.output
    complete = canonical_dump(reference_url)
    assert len(complete["papers"]) == files * per_file and complete["claims"]

    # Migrate first, so the kill lands in the ingest itself rather than in the schema set-up.
    engine = make_engine(db_url)
    upgrade_to_head(engine)
    engine.dispose()
    kill_mid_ingest(corpus, db_url, options, seed=sum(map(ord, request.node.name)))
    assert_consistent(canonical_dump(db_url), complete, whole_files=not options)

    rerun = runner.invoke(app, ["ingest", str(corpus), "--db", db_url, *options])
    assert rerun.exit_code == 0, rerun.output
    assert said(rerun)[0].startswith(f"files: {files} ok, 0 failed; papers: {files * per_file} read, ")
    assert canonical_dump(db_url) == complete
