"""How fast the dashboard's Leaderboards page renders on a big database.

    # a database of about 1,000,000 claims (corpus from make_corpus.py, then a normal ingest)
    .venv/bin/python benchmarks/make_corpus.py --papers 500000 --claims-weight 100 -o /tmp/corpus.jsonl
    .venv/bin/leaderboard ingest /tmp/corpus.jsonl --jobs 2 --db sqlite:////tmp/dash-1m.db
    .venv/bin/python benchmarks/bench_dashboard.py --db sqlite:////tmp/dash-1m.db

The page runs through Streamlit's AppTest, the same script the server runs
(no browser or network in the timing). For the benchmarks with the most
claims it reports the page's time with an empty cache (first visitor after
a start or an entity change), right after a review write (query results
dropped, the benchmark list kept), and warm (everyone else, for the TTL),
each the median of --runs runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from dashboard import data  # noqa: E402
from leaderboard import queries  # noqa: E402
from leaderboard.db import make_engine  # noqa: E402
from leaderboard.db.models import ClaimRow, Paper  # noqa: E402

APP = ROOT / "dashboard" / "app.py"


def page_time(at: AppTest, benchmark_id: int, cache: str) -> float:
    """One render of the page for a benchmark, with the cache 'empty', 'after-write' or 'warm'."""
    if cache == "empty":
        data.clear()
    elif cache == "after-write":
        data.clear(lists=False)  # what a review write in the dashboard does
    at.selectbox(key="lb_benchmark").set_value(benchmark_id)
    started = time.perf_counter()
    at.run(timeout=600)
    elapsed = time.perf_counter() - started
    if at.exception:
        raise SystemExit(f"the page failed: {at.exception[0].message}")
    return elapsed


def main() -> None:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--db", required=True, help="database URL")
    parser.add_argument("--benchmarks", type=int, default=3, help="how many of the biggest benchmarks")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    engine = make_engine(args.db)
    with Session(engine) as session:
        claims = session.scalar(select(func.count()).select_from(ClaimRow))
        papers = session.scalar(select(func.count()).select_from(Paper))
        started = time.perf_counter()
        biggest = queries.benchmarks(session).head(args.benchmarks)
        list_time = time.perf_counter() - started
    engine.dispose()
    print(f"database: {claims:,} claims, {papers:,} papers; benchmarks() took {list_time:.2f}s")

    os.environ["LEADERBOARD_DB"] = args.db
    data.clear()
    at = AppTest.from_file(str(APP), default_timeout=600)
    started = time.perf_counter()
    at.run()
    print(f"first render (imports, engine, default benchmark): {time.perf_counter() - started:.2f}s")
    print("| benchmark | claims | ranked models | empty cache (s) | after a review write (s) | warm (s) |")
    print("|---|---:|---:|---:|---:|---:|")
    for row in biggest.itertuples():
        times = [
            statistics.median(page_time(at, int(row.benchmark_id), cache) for _ in range(args.runs))
            for cache in ("empty", "after-write", "warm")
        ]
        ranked = at.caption[0].value.split(" ranked models")[0] if at.caption else "?"
        cells = " | ".join(f"{t:.3f}" for t in times)
        print(f"| {row.benchmark} | {row.claims:,} | {ranked} | {cells} |")


if __name__ == "__main__":
    main()
