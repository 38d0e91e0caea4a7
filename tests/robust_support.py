"""Helpers for the robustness tests: generated corpora, a CLI subprocess, and whole-database comparison."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import DateTime, create_engine, select

from leaderboard.db import Base

ROOT = Path(__file__).resolve().parents[1]
SEED_PAPERS = ROOT / "tests" / "data" / "seed_papers.jsonl"
# Columns whose values depend on when or in which order rows were written, not on what was ingested.
GENERATED = {"id"}


def write_corpus(folder: Path, files: int, per_file: int, first: int = 0) -> list[Path]:
    """JSONL files of distinct papers made from the seed abstracts (real text, so real claims)."""
    seeds = [json.loads(line) for line in SEED_PAPERS.read_text(encoding="utf-8").splitlines()]
    folder.mkdir(parents=True, exist_ok=True)
    paths, n = [], first
    for f in range(files):
        path = folder / f"part-{f:03d}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for _ in range(per_file):
                seed = seeds[n % len(seeds)]
                # A numbered first sentence keeps every abstract distinct (no content-hash dedup).
                abstract = f"Study {n}. {seed['abstract']}"
                out.write(json.dumps({"id": f"c-{n:05d}", "title": seed.get("title"), "abstract": abstract}))
                out.write("\n")
                n += 1
        paths.append(path)
    return paths


def cli(*args: str) -> list[str]:
    """The command line that runs `leaderboard ARGS` in a fresh Python process."""
    return [sys.executable, "-m", "leaderboard", *args]


def start_cli(*args: str, env: dict | None = None) -> subprocess.Popen:
    environment = {**os.environ, "COLUMNS": "200", **(env or {})}
    environment.pop("LEADERBOARD_DB", None)
    return subprocess.Popen(
        cli(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment, cwd=ROOT
    )


def run_cli(*args: str) -> subprocess.CompletedProcess:
    process = start_cli(*args)
    out, err = process.communicate(timeout=120)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


# Statistics computed from the claims (ids of claims and entities inside): tests/test_board_stats.py
# holds them equal to a rebuild; two databases holding the same claims may number them apart.
DERIVED = ("board_groups", "benchmark_counts")


def canonical_dump(db_url: str) -> dict[str, list[tuple]]:
    """Every table's rows as sorted tuples, without autoincrement ids or timestamps.

    References to entities are replaced by the entity's (kind, key), so two
    databases that hold the same things compare equal however their ids fell.
    """
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            entity_table = Base.metadata.tables["entities"]
            entity_keys = {
                row.id: (row.kind, row.key)
                for row in conn.execute(select(entity_table.c.id, entity_table.c.kind, entity_table.c.key))
            }
            dump = {}
            for table in Base.metadata.sorted_tables:
                if table.name in DERIVED:
                    continue
                kept = [c for c in table.columns if not _generated(c)]
                rows = [
                    tuple(_portable(c, value, entity_keys) for c, value in zip(kept, row, strict=True))
                    for row in conn.execute(select(*kept))
                ]
                dump[table.name] = sorted(rows, key=repr)
            return dump
    finally:
        engine.dispose()


def _generated(column) -> bool:
    integer_key = column.primary_key and column.name in GENERATED and column.table.name != "papers"
    return integer_key or isinstance(column.type, DateTime)


def _portable(column, value, entity_keys: dict) -> object:
    if value is not None and any(fk.column.table.name == "entities" for fk in column.foreign_keys):
        return entity_keys[value]
    if value is not None and any(fk.column.table.name == "audit_log" for fk in column.foreign_keys):
        return "audit-ref"
    return value
