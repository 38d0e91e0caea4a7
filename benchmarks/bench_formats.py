"""Time the formats of the field: `import-pwc` of every ../shared/pwc file, and the cluster path
(Dask extraction on a local cluster, then `load-claims`) against `extract` and `ingest`.

    .venv/bin/python benchmarks/make_corpus.py --papers 20000 -o /tmp/corpus-20k.jsonl
    .venv/bin/python benchmarks/bench_formats.py --corpus /tmp/corpus-20k.jsonl --workers 2 \\
        --db sqlite:////tmp/bench-formats.db

Each command runs as a real subprocess (the installed `leaderboard`), on a fresh SQLite file
(PostgreSQL: give --db and --pg, the database is used as it is). Figures go in
benchmarks/RESULTS.md by hand.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEADERBOARD = [str(Path(sys.executable).parent / "leaderboard")]


def timed(label: str, args: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    last = (done.stdout.strip().splitlines() or [""])[-1]
    print(f"{label:<40} {seconds:8.2f} s   exit {done.returncode}   {last[:110]}")
    return seconds


def dask_extract(corpus: Path, out: Path, workers: int) -> float:
    from distributed import Client, LocalCluster

    from leaderboard.cluster.dask_extract import extract_to_parts

    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster),
    ):
        start = time.perf_counter()
        names = extract_to_parts(str(corpus), str(out), blocksize="4MB")
        seconds = time.perf_counter() - start
    print(
        f"{'dask extract_to_parts (' + str(workers) + ' workers)':<40} {seconds:8.2f} s   {len(names)} parts"
    )
    return seconds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True, help="a JSON Lines snapshot (make_corpus.py)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--pwc", type=Path, default=ROOT.parent / "shared" / "pwc")
    ap.add_argument("--db", default=None, help="database URL (default: a fresh SQLite file)")
    args = ap.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="bench-formats-"))
    db = args.db or f"sqlite:///{scratch / 'pwc.db'}"
    files = sorted(str(p) for p in args.pwc.glob("*.json"))
    timed("import-pwc, every shared file", [*LEADERBOARD, "import-pwc", *files, "--db", db])
    timed("import-pwc again (nothing new)", [*LEADERBOARD, "import-pwc", *files, "--db", db])
    papers = sum(1 for _ in args.corpus.open(encoding="utf-8"))
    print(f"corpus: {papers} papers")
    timed(
        "leaderboard extract (1 process)",
        [*LEADERBOARD, "extract", str(args.corpus), "-o", str(scratch / "x.jsonl")],
    )
    timed(
        f"leaderboard extract --jobs {args.workers}",
        [
            *LEADERBOARD,
            "extract",
            str(args.corpus),
            "--jobs",
            str(args.workers),
            "-o",
            str(scratch / "y.jsonl"),
        ],
    )
    dask_extract(args.corpus, scratch / "parts", args.workers)
    loaded = args.db or f"sqlite:///{scratch / 'loaded.db'}"
    ingested = f"sqlite:///{scratch / 'ingested.db'}"
    timed("load-claims (the parts)", [*LEADERBOARD, "load-claims", str(scratch / "parts"), "--db", loaded])
    timed(
        "load-claims again (nothing new)",
        [*LEADERBOARD, "load-claims", str(scratch / "parts"), "--db", loaded],
    )
    timed(
        f"ingest --jobs {args.workers} (for comparison)",
        [*LEADERBOARD, "ingest", str(args.corpus), "--jobs", str(args.workers), "--db", ingested],
    )
    shutil.rmtree(scratch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
