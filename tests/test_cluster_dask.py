"""The cluster path on a real local Dask cluster (worker processes): its claims equal
`leaderboard extract` on the same input, and `load-claims` stores them as `ingest` would, once."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from leaderboard.cli import app
from leaderboard.db.models import ClaimRow, Paper

distributed = pytest.importorskip("distributed")

from leaderboard.cluster import PART_FORMATS, read_part  # noqa: E402
from leaderboard.cluster.dask_extract import extract_to_parts  # noqa: E402

SEED = Path(__file__).parent / "data" / "seed_papers.jsonl"


@pytest.fixture(scope="module")
def cluster_parts(tmp_path_factory) -> dict[str, Path]:
    """Each part format, written by one local cluster of two worker processes."""
    folders = {}
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        for fmt in PART_FORMATS:
            folders[fmt] = tmp_path_factory.mktemp(f"claims-{fmt}")
            # Small blocks, so the input is split over several partitions and both workers.
            names = extract_to_parts(str(SEED), str(folders[fmt]), blocksize=200_000, fmt=fmt)
            assert len(names) > 1
    return folders


@pytest.fixture(params=PART_FORMATS)
def parts_dir(request, cluster_parts) -> Path:
    return cluster_parts[request.param]


def flattened(parts_dir: Path) -> list[dict]:
    claims = []
    for part in sorted(parts_dir.glob("part-*")):
        for paper, paper_claims, _ in read_part(part):
            claims += [claim.to_dict(paper.id) for claim in paper_claims]
    return claims


def _key(claim: dict) -> tuple:
    return (claim["paper_id"], claim["span"][0], claim["span"][1], claim["kind"], claim["value"])


@pytest.mark.slow
def test_cluster_claims_equal_leaderboard_extract(runner, parts_dir):
    result = runner.invoke(app, ["extract", str(SEED)])
    assert result.exit_code == 0, result.output
    expected = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(expected) > 100
    assert sorted(flattened(parts_dir), key=_key) == sorted(expected, key=_key)


def counts(db_url: str) -> tuple[int, int]:
    engine = create_engine(db_url)
    try:
        with Session(engine) as session:
            return (
                session.scalar(select(func.count()).select_from(Paper)),
                session.scalar(select(func.count()).select_from(ClaimRow)),
            )
    finally:
        engine.dispose()


@pytest.mark.slow
def test_load_claims_stores_what_ingest_stores_once(runner, parts_dir, db_url, tmp_path):
    first = runner.invoke(app, ["load-claims", str(parts_dir), "--db", db_url])
    assert first.exit_code == 0, first.output
    loaded = counts(db_url)
    again = runner.invoke(app, ["load-claims", str(parts_dir), "--db", db_url])
    assert "claims: 0 stored" in again.stdout and counts(db_url) == loaded
    ingested_db = f"sqlite:///{tmp_path / 'ingested.db'}"
    assert runner.invoke(app, ["ingest", str(SEED), "--db", ingested_db]).exit_code == 0
    assert loaded == counts(ingested_db)


def test_parquet_parts_have_the_fixed_schema(cluster_parts):
    from leaderboard.cluster import PART_SCHEMA

    schemas = [pq.read_schema(part) for part in cluster_parts["parquet"].glob("part-*.parquet")]
    assert len(schemas) > 1 and all(schema.equals(PART_SCHEMA) for schema in schemas)


def test_a_bad_part_line_is_one_error_line(runner, db_url, tmp_path):
    part = tmp_path / "part-0.jsonl"
    part.write_text('{"paper_id": "x", "paper": {}}\n')
    result = runner.invoke(app, ["load-claims", str(part), "--db", db_url])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {part}:1: not a claims-part line (KeyError:")
    assert counts(db_url) == (0, 0)
