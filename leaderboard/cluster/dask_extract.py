"""Run the extractor over a snapshot with Dask and write claims parts (leaderboard.cluster.parts).

Needs the optional extra `dask` (`pip install '.[dask]'`). The input is read as text in blocks
(`dask.bag.read_text`, on any filesystem fsspec knows: local, s3://, hdfs://...), each block's
lines are parsed by the same JSON Lines reader as `leaderboard ingest` and run through the same
pure extractor, and every paper becomes one record of a part: a line of a JSON Lines part
(`to_textfiles(..., last_endline=True)`, so no part ends mid-line) or a row of a Parquet part
(parts.PART_SCHEMA). `leaderboard load-claims` then stores the parts in a database: the reduce
step.

    from dask.distributed import Client
    from leaderboard.cluster.dask_extract import extract_to_parts

    if __name__ == "__main__":  # the process-based schedulers start workers by importing __main__
        with Client("tcp://scheduler:8786"):
            extract_to_parts("s3://bucket/arxiv-metadata-oai-snapshot.jsonl", "s3://bucket/claims")
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from leaderboard.cluster.parts import PART_FORMATS, paper_record, to_arrow
from leaderboard.extract import EXTRACTOR_VERSION, extract_claims
from leaderboard.ingest.jsonl import parse_jsonl

DEFAULT_BLOCKSIZE = "64MB"


def extract_records(lines: Iterable[str], source: str) -> list[dict[str, Any]]:
    """The part records of one block of snapshot lines: each paper with its claims.

    A block does not know where it starts in the file, so papers are stored without a line
    (their source is the snapshot); a paper's id does not depend on it.
    """
    numbered = ((number, line) for number, line in enumerate(lines, start=1))
    records = []
    for paper in parse_jsonl(numbered, source):
        paper.line = None
        records.append(paper_record(paper, extract_claims(paper.abstract, paper.title), EXTRACTOR_VERSION))
    return records


def extract_lines(lines: Iterable[str], source: str) -> list[str]:
    """`extract_records` as JSON Lines part lines (for engines that write text, e.g. Spark)."""
    return [json.dumps(record, ensure_ascii=False) for record in extract_records(lines, source)]


def extract_to_parts(
    snapshot: str, out_dir: str, blocksize: str | int = DEFAULT_BLOCKSIZE, fmt: str = "jsonl"
) -> list[str]:
    """Extract every paper of a JSON Lines snapshot into `out_dir/part-*.jsonl` (or `.parquet`) on
    the current Dask scheduler (a `distributed.Client` when one is open); returns the part names."""
    import dask
    import dask.bag as bag

    if fmt not in PART_FORMATS:
        raise ValueError(f"unknown part format {fmt!r}; expected one of {', '.join(PART_FORMATS)}")
    lines = bag.read_text(snapshot, blocksize=blocksize)
    out = out_dir.rstrip("/")
    if fmt == "jsonl":
        return lines.map_partitions(extract_lines, source=snapshot).to_textfiles(
            f"{out}/part-*.jsonl", last_endline=True
        )
    records = lines.map_partitions(extract_records, source=snapshot)
    names = [f"{out}/part-{index}.parquet" for index in range(records.npartitions)]
    writes = [
        dask.delayed(_write_parquet_part)(part, name)
        for part, name in zip(records.to_delayed(), names, strict=True)
    ]
    dask.compute(*writes)
    return names


def _write_parquet_part(records: list[dict[str, Any]], name: str) -> None:
    import fsspec
    import pyarrow.parquet as pq

    with fsspec.open(name, "wb", auto_mkdir=True) as out:
        pq.write_table(to_arrow(records), out)
