"""How long `leaderboard --help` takes, and which imports it pays for.

    .venv/bin/python benchmarks/bench_cli_startup.py [--runs 20]

Runs the installed `leaderboard --help` (and `python -c pass` for Python's own start) in fresh
processes, reporting wall time (median, best) and CPU time per run (user + system: what an idle
machine would take, when other work shares the cores), then the slowest imports of
`leaderboard.cli` from `python -X importtime`. The aim is under 0.4 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def _timed(command: list[str], runs: int) -> tuple[list[float], float]:
    """Wall times of `runs` fresh processes, and their mean CPU time."""
    walls = []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        walls.append(time.perf_counter() - start)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return walls, cpu / runs


def _slowest_imports(module: str, count: int) -> list[tuple[int, str]]:
    """(cumulative microseconds, module) of the `count` slowest imports under `module`."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"], capture_output=True, text=True
    )
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = (part.strip() for part in line.removeprefix("import time:").split("|"))
        rows.append((int(cumulative), name))
    return sorted(rows, reverse=True)[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}, {args.runs} runs each")
    for label, command in (
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("leaderboard --help", [str(BIN / "leaderboard"), "--help"]),
        ("leaderboard --version", [str(BIN / "leaderboard"), "--version"]),
    ):
        walls, cpu = _timed(command, args.runs)
        print(
            f"{label:<22} wall median {statistics.median(walls):.3f} s, best {min(walls):.3f} s; "
            f"CPU {cpu:.3f} s"
        )
    print("slowest imports of leaderboard.cli (cumulative):")
    for micros, name in _slowest_imports("leaderboard.cli", 8):
        print(f"  {micros / 1000:7.1f} ms  {name}")


if __name__ == "__main__":
    main()
