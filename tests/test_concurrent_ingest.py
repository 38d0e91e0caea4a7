"""Two ingests at once into one database (a team sharing PostgreSQL, or one SQLite file):
overlapping inputs end with each paper, source and claim once, and neither ingest fails.

The inputs overlap in opposite orders and commit in small chunks, so the two
writers meet on the same papers inside open transactions: on PostgreSQL that
queues one behind the other's uncommitted rows (ON CONFLICT DO NOTHING) or
deadlocks (the chunk is written again); on SQLite one waits for the file lock.
"""

from __future__ import annotations

import re
import threading

import pytest
from robust_support import canonical_dump, start_cli, write_corpus

from leaderboard.cli import app
from leaderboard.cli.common import open_database
from leaderboard.db import make_engine, make_sessionmaker
from leaderboard.store.papers import StoreStats
from leaderboard.store.pipeline import ingest_file

FILES, PER_FILE = 3, 30
SUMMARY = re.compile(r"papers: (\d+) read, (\d+) new, (\d+) seen; claims: (\d+) stored")


def migrated(db_url: str) -> None:
    """The schema and the shipped registry, as every CLI command sets them up."""
    with open_database(db_url):
        pass


def reference(runner, tmp_path, corpus) -> dict:
    """What one ingest of the whole corpus stores, in a database of its own."""
    url = f"sqlite:///{tmp_path / 'reference.db'}"
    result = runner.invoke(app, ["ingest", str(corpus), "--db", url])
    assert result.exit_code == 0, result.output
    return canonical_dump(url)


@pytest.mark.slow
def test_two_threads_with_their_own_engines_store_each_paper_once(runner, db_url, tmp_path):
    corpus = tmp_path / "corpus"
    a, b, c = write_corpus(corpus, FILES, PER_FILE)
    complete = reference(runner, tmp_path, corpus)
    migrated(db_url)

    start = threading.Barrier(2)
    results: dict[str, list[StoreStats] | BaseException] = {}

    def ingest(name: str, paths) -> None:
        engine = make_engine(db_url)
        try:
            sessions = make_sessionmaker(engine)
            start.wait()
            results[name] = [ingest_file(sessions, str(path), commit_every=5) for path in paths]
        except BaseException as exc:  # reported by the assertion below
            results[name] = exc
        finally:
            engine.dispose()

    threads = [
        threading.Thread(target=ingest, args=("first", [a, b])),
        threading.Thread(target=ingest, args=("second", [c, b, a])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)

    assert all(isinstance(stats, list) for stats in results.values()), results
    new = sum(s.papers_new for stats in results.values() for s in stats)
    claims = sum(s.claims_stored for stats in results.values() for s in stats)
    assert new == FILES * PER_FILE
    assert claims == len(complete["claims"])
    assert canonical_dump(db_url) == complete


@pytest.mark.slow
def test_two_cli_processes_store_each_paper_once(runner, db_url, tmp_path):
    corpus = tmp_path / "corpus"
    a, b, c = write_corpus(corpus, FILES, PER_FILE)
    complete = reference(runner, tmp_path, corpus)
    migrated(db_url)

    processes = [
        start_cli("ingest", str(a), str(b), "--db", db_url, "--commit-every", "5"),
        start_cli("ingest", str(c), str(b), str(a), "--db", db_url, "--commit-every", "5"),
    ]
    outputs = [process.communicate(timeout=300) for process in processes]

    assert [p.returncode for p in processes] == [0, 0], outputs
    counts = [tuple(map(int, SUMMARY.search(err).groups())) for _, err in outputs]
    assert [read for read, *_ in counts] == [2 * PER_FILE, 3 * PER_FILE]
    # Every paper is new to exactly one of the two, and its claims are stored by that one.
    assert sum(new for _, new, _, _ in counts) == FILES * PER_FILE
    assert sum(claims for *_, claims in counts) == len(complete["claims"])
    assert canonical_dump(db_url) == complete
