"""Time `leaderboard ingest` of one corpus into a fresh database: wall time, abstracts/s, peak memory.

    .venv/bin/python benchmarks/make_corpus.py --papers 100000 -o /tmp/corpus-100k.jsonl
    .venv/bin/python benchmarks/bench_ingest.py /tmp/corpus-100k.jsonl --db sqlite:////tmp/bench.db --jobs 2
    .venv/bin/python benchmarks/bench_ingest.py /tmp/corpus-100k.jsonl \\
        --db postgresql+psycopg://postgres@127.0.0.1:5432/bench_100k --jobs 2

The database is emptied first (the SQLite file deleted; the PostgreSQL
database dropped and created). The ingest runs as a real subprocess; peak
memory is sampled from /proc every 0.2 s as the sum over the ingest and its
pool workers (what the machine must have), next to the largest single process
(getrusage). `--rerun` ingests the same corpus a second time and times that
too (every paper already stored: the cost of resuming).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
CLI = ROOT / ".venv" / "bin" / "leaderboard"


def fresh_database(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{parsed.database}{suffix}").unlink(missing_ok=True)
        return
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    quoted = admin.dialect.identifier_preparer.quote(parsed.database)  # a name we were given, quoted
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {quoted}"))
    admin.dispose()


def _tree_rss_kb(root: int) -> int:
    """Resident memory of `root` and all its descendants, in KB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
        except OSError:
            continue
        pid = int(entry)
        children.setdefault(int(fields["PPid"]), []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


def stored_papers(url: str) -> int | None:
    # Generous: a SQLite writer holds the file while it spills a big chunk to disk.
    engine = create_engine(url, connect_args={"timeout": 60} if url.startswith("sqlite") else {})
    try:
        with engine.connect() as conn:
            return conn.scalar(text("SELECT count(*) FROM papers"))
    except Exception:  # locked or not created yet: no figure this time
        return None
    finally:
        engine.dispose()


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _process_cpu(pid: int) -> float:
    """User + system CPU seconds of one running process so far."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(args: list[str], db_url: str, every: float) -> tuple[float, int, str]:
    """Run the CLI; returns wall seconds, peak summed RSS (KB) and its summary line.

    Every `every` seconds a line with the papers stored so far, so an ingest
    stopped before its end still gives a rate. Also prints the CPU time of
    the ingest and its workers together and of the main (writer) process alone:
    on a loaded machine they say what an idle one would take.
    """
    peak = 0
    cpu_before = _cpu_seconds()
    main_cpu = 0.0
    started = time.perf_counter()
    process = subprocess.Popen([str(CLI), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, main_cpu
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(process.pid))
            main_cpu = max(main_cpu, _process_cpu(process.pid))
            done.wait(0.2)

    def report() -> None:
        while not done.wait(every):
            elapsed = time.perf_counter() - started
            papers = stored_papers(db_url)
            print(
                f"  {elapsed:7.0f} s: {papers} papers stored, peak {peak / 2**10:,.0f} MB, "
                f"load {os.getloadavg()[0]:.1f}",
                flush=True,
            )

    threading.Thread(target=report, daemon=True).start()

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    took = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode != 0:
        sys.exit(f"ingest failed ({process.returncode}):\n{err[-2000:]}")
    cpu = _cpu_seconds() - cpu_before
    print(f"  CPU: {cpu:,.1f} s all processes, {main_cpu:,.1f} s the main (writer) process")
    return took, peak, out.strip()


def machine() -> str:
    with open("/proc/meminfo") as f:
        mem_kb = int(f.readline().split()[1])
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} CPUs, {mem_kb / 2**20:.0f} GB RAM, {platform.machine()}, "
        f"Python {platform.python_version()}, load average {load}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", help="a JSONL corpus (benchmarks/make_corpus.py)")
    ap.add_argument("--db", required=True, help="database URL; emptied first")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--rerun", action="store_true", help="also time a second ingest of the same corpus")
    ap.add_argument("--every", type=float, default=60, help="seconds between progress lines (default 60)")
    args = ap.parse_args(argv)

    with open(args.corpus, "rb") as f:
        papers = sum(1 for _ in f)
    fresh_database(args.db)
    print(f"before: {machine()}")
    command = ["ingest", args.corpus, "--db", args.db, "--jobs", str(args.jobs)]
    took, peak, summary = run(command, args.db, args.every)
    biggest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        f"ingest {papers:,} abstracts, --jobs {args.jobs}, {make_url(args.db).get_backend_name()}: "
        f"{took:,.1f} s, {papers / took:,.0f} abstracts/s, peak memory {peak / 2**10:,.0f} MB "
        f"(all processes; largest one {biggest / 2**10:,.0f} MB)"
    )
    print(f"  {summary}")
    if args.rerun:
        took, peak, summary = run(command, args.db, args.every)
        print(
            f"re-run (all stored): {took:,.1f} s, {papers / took:,.0f} abstracts/s, "
            f"peak memory {peak / 2**10:,.0f} MB"
        )
        print(f"  {summary}")
    print(f"after: {machine()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
