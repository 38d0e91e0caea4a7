"""Claims parts: one record per paper, with the paper's stored fields, the extractor version and
its claims (the fields of `leaderboard extract`). A cluster run writes them
(leaderboard.cluster.dask_extract) as JSON Lines or Parquet; `leaderboard load-claims` stores
them as ingest would.

A JSON Lines part holds one line per paper:

    {"paper_id": "2404.18416", "paper": {"abstract": ..., "title": ..., "arxiv_id": ...,
     "given_id": null, "date": "2024-04-29", "source": "snapshot.jsonl", "line": null,
     "format": "jsonl"}, "extractor_version": "...", "claims": [{"value": 91.1, ...}, ...]}

A Parquet part holds one row per paper with PART_SCHEMA: the paper's fields as columns (the
date a Parquet date) and `claims` a list of structs, so a paper without claims is still a row.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa

from leaderboard.ingest.errors import IngestError
from leaderboard.records import Claim, PaperRecord

PART_FORMATS = ("jsonl", "parquet")
PAPER_FIELDS = ("abstract", "title", "arxiv_id", "given_id", "date", "source", "line", "format")
CLAIM_INIT_FIELDS = (
    "value",
    "kind",
    "evidence",
    "span",
    "value_text",
    "model",
    "benchmark",
    "metric",
    "value_high",
    "unit",
    "baseline_model",
    "baseline_value",
    "condition",
    "rule",
    "confidence",
)
# Keep in sync with leaderboard.records.Claim (and PAPER_FIELDS with PaperRecord).
CLAIM_STRUCT = pa.struct(
    [
        ("value", pa.float64()),
        ("kind", pa.string()),
        ("evidence", pa.string()),
        ("span_start", pa.int64()),
        ("span_end", pa.int64()),
        ("value_text", pa.string()),
        ("model", pa.string()),
        ("benchmark", pa.string()),
        ("metric", pa.string()),
        ("value_high", pa.float64()),
        ("unit", pa.string()),
        ("baseline_model", pa.string()),
        ("baseline_value", pa.float64()),
        ("condition", pa.string()),
        ("rule", pa.string()),
        ("confidence", pa.float64()),
    ]
)
PART_SCHEMA = pa.schema(
    [
        ("paper_id", pa.string()),
        ("abstract", pa.string()),
        ("title", pa.string()),
        ("arxiv_id", pa.string()),
        ("given_id", pa.string()),
        ("date", pa.date32()),
        ("source", pa.string()),
        ("line", pa.int64()),
        ("format", pa.string()),
        ("extractor_version", pa.string()),
        ("claims", pa.list_(CLAIM_STRUCT)),
    ]
)


def paper_record(paper: PaperRecord, claims: list[Claim], extractor_version: str) -> dict[str, Any]:
    """A paper and its claims as one part record (the JSON Lines shape)."""
    return {
        "paper_id": paper.id,
        "paper": {name: getattr(paper, name) for name in PAPER_FIELDS},
        "extractor_version": extractor_version,
        "claims": [claim.to_dict() for claim in claims],
    }


def paper_line(paper: PaperRecord, claims: list[Claim], extractor_version: str) -> str:
    """One JSON Lines part line for a paper and its claims."""
    return json.dumps(paper_record(paper, claims, extractor_version), ensure_ascii=False)


def to_arrow(records: list[dict[str, Any]]) -> pa.Table:
    """Part records as a Parquet part's table (PART_SCHEMA)."""
    rows = []
    for record in records:
        paper = record["paper"]
        claims = []
        for claim in record["claims"]:
            flat = {k: v for k, v in claim.items() if k != "span"}
            flat["span_start"], flat["span_end"] = claim["span"]
            claims.append(flat)
        date = dt.date.fromisoformat(paper["date"]) if paper["date"] else None
        rows.append(
            {
                "paper_id": record["paper_id"],
                **paper,
                "date": date,
                "extractor_version": record["extractor_version"],
                "claims": claims,
            }
        )
    return pa.Table.from_pylist(rows, schema=PART_SCHEMA)


def read_part(path: str | Path) -> Iterator[tuple[PaperRecord, list[Claim], str]]:
    """Each paper of a part file (`.parquet`, else JSON Lines) with its claims and extractor
    version; a bad line or file raises IngestError naming it."""
    if str(path).endswith(".parquet"):
        yield from _read_parquet(path)
        return
    source = str(path)
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                yield _paper_and_claims(json.loads(line))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise IngestError(
                    source, number, f"not a claims-part line ({type(exc).__name__}: {exc})"
                ) from None


def _read_parquet(path: str | Path) -> Iterator[tuple[PaperRecord, list[Claim], str]]:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path, schema=PART_SCHEMA)
    except (pa.ArrowException, ValueError) as exc:
        raise IngestError(str(path), None, f"not a claims part ({exc})") from None
    for row in table.to_pylist():
        date = row["date"]
        paper = {name: row[name] for name in PAPER_FIELDS} | {"date": date.isoformat() if date else None}
        claims = []
        for claim in row["claims"]:
            start, end = claim.pop("span_start"), claim.pop("span_end")
            claims.append({**claim, "span": [start, end]})
        record = {"paper": paper, "claims": claims, "extractor_version": row["extractor_version"]}
        yield _paper_and_claims(record)


def _paper_and_claims(record: dict[str, Any]) -> tuple[PaperRecord, list[Claim], str]:
    paper = PaperRecord(**{name: record["paper"][name] for name in PAPER_FIELDS})
    claims = []
    for fields in record["claims"]:
        values = {name: fields[name] for name in CLAIM_INIT_FIELDS if name in fields}
        values["span"] = tuple(values["span"])
        claims.append(Claim(**values))
    return paper, claims, str(record["extractor_version"])
