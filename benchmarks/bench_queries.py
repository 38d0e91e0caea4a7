"""Query latency at scale: leaderboard, cross-paper comparison, disagreements and the pickers,
median and p95.

Build a database of about 1,000,000 claims from an ingested one (bulk load:
the papers and claims of SOURCE copied R times, each copy with its own paper
ids and its values moved by a few percent, entities shared), then time the
queries. The copy bypasses the program, so the claims' indexes are built after it and the
maintained statistics rebuilt (both timed):

    .venv/bin/python benchmarks/bench_ingest.py /tmp/corpus-100k.jsonl --db sqlite:////tmp/bench-100k.db
    .venv/bin/python benchmarks/bench_queries.py --build-from sqlite:////tmp/bench-100k.db \\
        --claims 1000000 --db sqlite:////tmp/bench-q.db
    .venv/bin/python benchmarks/bench_queries.py --build-from sqlite:////tmp/bench-100k.db \\
        --claims 1000000 --db postgresql+psycopg://postgres@127.0.0.1:5432/bench_q
    .venv/bin/python benchmarks/bench_queries.py --db sqlite:////tmp/bench-q.db --explain

Each query runs --runs times in a fresh session (as a dashboard request
would), after one warm-up run. --explain prints the plan of every SQL
statement each query sends (EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on
PostgreSQL).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import Engine, event, func, insert, select, text
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_ingest import fresh_database, machine  # noqa: E402

from leaderboard import queries  # noqa: E402
from leaderboard.db import Alias, ClaimRow, Entity, Paper, PaperSource, make_engine, upgrade_to_head  # noqa: E402
from leaderboard.db.models import BenchmarkCount, BoardGroup  # noqa: E402
from leaderboard.queries import pickers  # noqa: E402
from leaderboard.store import board_stats  # noqa: E402

BATCH = 5_000


# --- building -----------------------------------------------------------------------------------


def build(source_url: str, target_url: str, claims: int) -> None:
    source, target = make_engine(source_url), make_engine(target_url)
    fresh_database(target_url)
    upgrade_to_head(target)
    with source.connect() as conn:
        have = conn.scalar(select(func.count()).select_from(ClaimRow))
    copies = max(1, round(claims / have))
    print(f"building: {have:,} claims x {copies} copies from {source_url}")
    started = time.perf_counter()
    # The claims' secondary indexes are built once after the copy, not row by row during it.
    indexes = sorted(ClaimRow.__table__.indexes, key=lambda index: index.name)
    with target.begin() as conn:
        for index in indexes:
            index.drop(conn)
    with source.connect() as src:
        for model in (Entity, Alias):
            _write(target, model.__table__, _rows(src, model.__table__))
        for model in (Paper, PaperSource, ClaimRow):
            table = model.__table__
            copied = (row for k in range(copies) for row in _copy(_rows(src, table), table.name, k))
            _write(target, table, copied)
    print(f"copied in {time.perf_counter() - started:,.0f} s", flush=True)
    indexed = time.perf_counter()
    with target.begin() as conn:
        for index in indexes:
            index.create(conn)
    print(f"claims indexes built in {time.perf_counter() - indexed:,.0f} s", flush=True)
    with target.begin() as conn:
        conn.execute(text("ANALYZE"))
    # The copy bypassed the program's writes, so the maintained statistics start from scratch.
    rebuilt = time.perf_counter()
    with Session(target) as session, session.begin():
        board_stats.rebuild(session)
    print(f"statistics rebuilt in {time.perf_counter() - rebuilt:,.0f} s", flush=True)
    with target.begin() as conn:
        conn.execute(text("ANALYZE"))
        if target.dialect.name == "postgresql":
            for table in ("entities", "aliases", "paper_sources", "claims", "audit_log"):
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"coalesce((SELECT max(id) FROM {table}), 1))"
                    )
                )
        total = conn.scalar(select(func.count()).select_from(ClaimRow))
    print(f"built {total:,} claims in {time.perf_counter() - started:,.0f} s")
    source.dispose()
    target.dispose()


def _rows(conn, table) -> Iterator[dict]:
    result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(select(table))
    for row in result:
        yield dict(row._mapping)


def _copy(rows: Iterator[dict], table: str, k: int) -> Iterator[dict]:
    """Copy `k` of each row: its own paper ids (copy 0 is the original), values moved a little."""
    rng = random.Random(k)
    for row in rows:
        if k:
            if table == "papers":
                row["id"] = f"{row['id']}~{k}"
                row["arxiv_id"] = row["arxiv_id"] and f"{row['arxiv_id']}~{k}"
                row["content_hash"] = hashlib.sha256(f"{row['content_hash']}~{k}".encode()).hexdigest()
            else:
                row["paper_id"] = f"{row['paper_id']}~{k}"
            if table == "claims":
                factor = 1 + rng.uniform(-0.03, 0.03)
                row["value"] *= factor
                if row["value_canonical"] is not None:
                    row["value_canonical"] *= factor
        if table != "papers":
            row.pop("id")
        yield row


def _batches(rows: Iterator[dict]) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _write(target: Engine, table, rows: Iterator[dict]) -> None:
    if target.dialect.name != "postgresql":
        with target.begin() as conn:
            for batch in _batches(rows):
                conn.execute(insert(table), batch)
        return
    # COPY: several times faster than INSERTs for a bulk load.
    raw = target.raw_connection()
    try:
        with raw.cursor() as cursor:
            columns = None
            for batch in _batches(rows):
                if columns is None:
                    columns = list(batch[0])
                    names = ", ".join(columns)
                with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
                    for row in batch:
                        copy.write_row([row[c] for c in columns])
        raw.commit()
    finally:
        raw.close()


# --- timing ---------------------------------------------------------------------------------------


def pick_targets(engine: Engine) -> dict[str, object]:
    """The biggest leaderboard, a middling one, and the most reported model on the biggest benchmark."""
    with Session(engine) as session:
        per_board = (
            select(BenchmarkCount.benchmark_id, BenchmarkCount.metric_id, BenchmarkCount.scores.label("n"))
            .where(BenchmarkCount.scores > 0)
            .order_by(BenchmarkCount.scores.desc())
        )
        boards = session.execute(per_board).all()
        big, mid = boards[0], boards[len(boards) // 20]
        # The model with most ranked scores there (counting every claim picked a junk name whose
        # claims are no scores: compare then returned no row).
        model = session.execute(
            select(BoardGroup.model_id, func.sum(BoardGroup.claims))
            .where(BoardGroup.benchmark_id == big.benchmark_id)
            .group_by(BoardGroup.model_id)
            .order_by(func.sum(BoardGroup.claims).desc())
            .limit(1)
        ).first()
    return {"big": big, "mid": mid, "model": model}


def timed(engine: Engine, query: Callable[[Session], object], runs: int) -> tuple[float, float, float, int]:
    """Median and p95 wall time in ms over `runs` runs, the median CPU time of this process
    (on a loaded machine, what an idle one would take for SQLite, which runs in-process),
    and the rows of the last result."""
    times, cpu = [], []
    for run in range(runs + 1):
        with Session(engine) as session:
            started, cpu_started = time.perf_counter(), time.process_time()
            result = query(session)
            took, cpu_took = time.perf_counter() - started, time.process_time() - cpu_started
        if run:  # the first run warms caches
            times.append(took * 1000)
            cpu.append(cpu_took * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, statistics.median(cpu), len(result)


def explain(engine: Engine, query: Callable[[Session], object]) -> None:
    statements: list[tuple[str, object]] = []

    def remember(conn, cursor, statement, parameters, context, executemany) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", remember)
    try:
        with Session(engine) as session:
            query(session)
    finally:
        event.remove(engine, "before_cursor_execute", remember)
    prefix = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN (ANALYZE, BUFFERS) "
    for statement, parameters in statements:
        with engine.connect() as conn:
            plan = conn.exec_driver_sql(prefix + statement, parameters).all()
        print("    " + " ".join(statement.split())[:160])
        for row in plan:
            print("      " + " | ".join(str(v) for v in row))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True, help="the database to query (built first with --build-from)")
    ap.add_argument("--build-from", help="an ingested database to copy claims from")
    ap.add_argument("--claims", type=int, default=1_000_000, help="claims to build (default 1,000,000)")
    ap.add_argument("--runs", type=int, default=20, help="timed runs per query (default 20)")
    ap.add_argument("--explain", action="store_true", help="print each query's SQL plans")
    args = ap.parse_args(argv)

    if args.build_from:
        build(args.build_from, args.db, args.claims)
    engine = make_engine(args.db)
    print(machine())
    with engine.connect() as conn:
        total = conn.scalar(select(func.count()).select_from(ClaimRow))
    targets = pick_targets(engine)
    big, mid, model = targets["big"], targets["mid"], targets["model"]
    cases = {
        f"leaderboard, biggest board ({big.n:,} ranked claims)": lambda s: queries.leaderboard(
            s, big.benchmark_id, big.metric_id
        ),
        f"leaderboard, a middling board ({mid.n:,} ranked claims)": lambda s: queries.leaderboard(
            s, mid.benchmark_id, mid.metric_id
        ),
        f"compare: the model with most scores on the biggest benchmark ({model[1]:,} ranked)": lambda s: (
            queries.compare(s, model.model_id, big.benchmark_id)
        ),
        "disagreements (top 50)": lambda s: queries.disagreements(s, limit=50),
        "picker: benchmarks with a ranked score": pickers.ranked_benchmarks,
        "picker: models with a ranked score": pickers.ranked_models,
        "benchmarks list (claims per benchmark)": lambda s: queries.benchmarks(s),
    }
    print(f"{engine.dialect.name}, {total:,} claims, {args.runs} runs each")
    for name, query in cases.items():
        median, p95, cpu, rows = timed(engine, query, args.runs)
        print(
            f"  {name}: median {median:,.0f} ms, p95 {p95:,.0f} ms, client CPU median {cpu:,.0f} ms "
            f"({rows} rows)",
            flush=True,
        )
        if args.explain:
            explain(engine, query)
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
