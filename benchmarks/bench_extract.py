"""Abstracts per second of `extract_claims` on one core, next to a bare number scan.

    .venv/bin/python benchmarks/bench_extract.py [--n 50000]

The seed abstracts (tests/data/seed_papers.jsonl) are repeated up to N texts;
the baseline is one `re.finditer(r"\\d+(?:\\.\\d+)?")` pass over the same texts,
i.e. the floor any number-driven extractor pays.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from leaderboard.extract import EXTRACTOR_VERSION, extract_claims  # noqa: E402

PAPERS = ROOT / "tests" / "data" / "seed_papers.jsonl"
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def load(n: int) -> list[tuple[str, str | None]]:
    with PAPERS.open(encoding="utf-8") as f:
        papers = [json.loads(line) for line in f if line.strip()]
    base = [(p["abstract"], p.get("title")) for p in papers]
    return (base * (n // len(base) + 1))[:n]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=50_000, help="abstracts to process (default 50000)")
    ap.add_argument(
        "--jobs",
        type=int,
        default=0,
        help="also run through the ingest's process pool with this many workers",
    )
    args = ap.parse_args(argv)
    texts = load(args.n)

    t0 = time.perf_counter()
    found = sum(1 for text, _ in texts for _ in _NUMBER.finditer(text))
    scan = time.perf_counter() - t0

    t0, cpu0 = time.perf_counter(), time.process_time()
    claims = sum(len(extract_claims(text, title)) for text, title in texts)
    took, cpu = time.perf_counter() - t0, time.process_time() - cpu0

    print(
        f"extractor {EXTRACTOR_VERSION} on {platform.python_implementation()} {platform.python_version()},"
        f" {platform.machine()}"
    )
    print(f"abstracts            {len(texts):>10,}")
    print(
        f"extract_claims       {took:>9.2f} s  {len(texts) / took:>10,.0f} abstracts/s"
        f"  {1000 * took / len(texts):.3f} ms/abstract  ({claims:,} claims)"
    )
    print(
        f"re.finditer numbers  {scan:>9.2f} s  {len(texts) / scan:>10,.0f} abstracts/s  ({found:,} numbers)"
    )
    print(f"ratio                {took / scan:>9.1f} x the bare number scan")
    print(
        f"CPU time             {cpu:>9.2f} s  {len(texts) / cpu:>10,.0f} abstracts/s per core busy"
        f"  (wall/CPU {took / cpu:.2f}: above 1 means other load shared the core)"
    )
    inventory_cost(texts)
    if args.jobs:
        pooled(texts, args.jobs, scan)
    return 0


def inventory_cost(texts: list[tuple[str, str | None]]) -> None:
    """What pass 1 costs on its own: the Aho-Corasick scan over the shipped benchmark names,
    and the whole inventory (names, definitional patterns, training marks, title)."""
    from leaderboard.extract.inventory import take_inventory
    from leaderboard.extract.names import BENCHMARK_NAMES, find_benchmarks

    t0 = time.process_time()
    found = sum(len(find_benchmarks(text)) for text, _ in texts)
    names = time.process_time() - t0
    t0 = time.process_time()
    for text, title in texts:
        take_inventory(text, title, [0], None)
    whole = time.process_time() - t0
    per = 1e6 / len(texts)
    print(
        f"name scan (pyahocorasick, {len(BENCHMARK_NAMES):,} names) {names * per:>6.1f} us/abstract"
        f"  ({found:,} mentions)"
    )
    print(f"inventory pass       {whole * per:>9.1f} us/abstract (CPU)")


def pooled(texts: list[tuple[str, str | None]], jobs: int, scan: float) -> None:
    """The same texts through `leaderboard.store.batch.with_claims` in a pool, as `ingest --jobs` does."""
    from concurrent.futures import ProcessPoolExecutor

    from leaderboard.records import PaperRecord
    from leaderboard.store.batch import with_claims

    papers = [PaperRecord(abstract=text, title=title) for text, title in texts]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        list(with_claims(papers[: jobs * 64], pool))  # start the workers before timing
        cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        claims = sum(len(c) for _, c in with_claims(papers, pool, in_flight=2 * jobs + 2))
        took = time.perf_counter() - t0
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Workers are reaped at pool shutdown; their CPU includes the warm-up (small).
    workers = (cpu1.ru_utime + cpu1.ru_stime) - (cpu0.ru_utime + cpu0.ru_stime)
    print(
        f"--jobs {jobs} pool        {took:>9.2f} s  {len(texts) / took:>10,.0f} abstracts/s"
        f"  ({claims:,} claims; {len(texts) / took / jobs:,.0f} per worker)"
    )
    print(f"ratio                {took / scan:>9.1f} x the bare number scan (single core)")
    if workers:
        rate = len(texts) / workers
        print(f"workers' CPU         {workers:>9.2f} s  {rate:>10,.0f} abstracts/s per busy core")


if __name__ == "__main__":
    sys.exit(main())
