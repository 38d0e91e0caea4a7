"""Run the extractor over a snapshot with Dask and write claims parts (leaderboard.cluster.parts).

Needs the optional extra `dask` (`pip install 'leaderboard[dask]'`). The input is read as text
in blocks (`dask.bag.read_text`, any filesystem fsspec knows: local, s3://, hdfs://...), each
block's lines are parsed by the same JSON Lines reader as `leaderboard ingest` and run through
the same pure extractor, and every paper becomes one line of a part file
(`to_textfiles(..., last_endline=True)`, so no part ends mid-line). `leaderboard load-claims`
then stores the parts in a database: the reduce step.

    from dask.distributed import Client
    from leaderboard.cluster.dask_extract import extract_to_parts

    if __name__ == "__main__":  # the process-based schedulers start workers by importing __main__
        with Client("tcp://scheduler:8786"):
            extract_to_parts("s3://bucket/arxiv-metadata-oai-snapshot.jsonl", "s3://bucket/claims")
"""

from __future__ import annotations

from collections.abc import Iterable

from leaderboard.cluster.parts import paper_line
from leaderboard.extract import EXTRACTOR_VERSION, extract_claims
from leaderboard.ingest.jsonl import parse_jsonl

DEFAULT_BLOCKSIZE = "64MB"


def extract_lines(lines: Iterable[str], source: str) -> list[str]:
    """The part lines for one block of snapshot lines: each paper with its claims.

    A block does not know where it starts in the file, so papers are stored without a line
    (their source is the snapshot); a paper's id does not depend on it.
    """
    numbered = ((number, line) for number, line in enumerate(lines, start=1))
    out = []
    for paper in parse_jsonl(numbered, source):
        paper.line = None
        out.append(paper_line(paper, extract_claims(paper.abstract, paper.title), EXTRACTOR_VERSION))
    return out


def extract_to_parts(snapshot: str, out_dir: str, blocksize: str | int = DEFAULT_BLOCKSIZE) -> list[str]:
    """Extract every paper of a JSON Lines snapshot into `out_dir/part-*.jsonl` on the current Dask
    scheduler (a `distributed.Client` when one is open); returns the part file names."""
    import dask.bag as bag

    lines = bag.read_text(snapshot, blocksize=blocksize)
    parts = lines.map_partitions(extract_lines, source=snapshot)
    return parts.to_textfiles(f"{out_dir.rstrip('/')}/part-*.jsonl", last_endline=True)
