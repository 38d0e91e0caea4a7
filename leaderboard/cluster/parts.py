"""Claims parts: one JSON line per paper, with the paper's stored fields, the extractor version
and its claims (the fields of `leaderboard extract`). A cluster run writes them
(leaderboard.cluster.dask_extract); `leaderboard load-claims` stores them like ingest would.

    {"paper_id": "2404.18416", "paper": {"abstract": ..., "title": ..., "arxiv_id": ...,
     "given_id": null, "date": "2024-04-29", "source": "snapshot.jsonl", "line": null,
     "format": "jsonl"}, "extractor_version": "...", "claims": [{"value": 91.1, ...}, ...]}
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from leaderboard.ingest.errors import IngestError
from leaderboard.records import Claim, PaperRecord

PART_FORMAT = "claims-part"
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


def paper_line(paper: PaperRecord, claims: list[Claim], extractor_version: str) -> str:
    """One part line for a paper and its claims."""
    record = {
        "paper_id": paper.id,
        "paper": {name: getattr(paper, name) for name in PAPER_FIELDS},
        "extractor_version": extractor_version,
        "claims": [claim.to_dict() for claim in claims],
    }
    return json.dumps(record, ensure_ascii=False)


def read_part(path: str | Path) -> Iterator[tuple[PaperRecord, list[Claim], str]]:
    """Each paper of a part file with its claims and extractor version; a bad line raises
    IngestError naming the file and line."""
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


def _paper_and_claims(record: dict[str, Any]) -> tuple[PaperRecord, list[Claim], str]:
    paper = PaperRecord(**{name: record["paper"][name] for name in PAPER_FIELDS})
    claims = []
    for fields in record["claims"]:
        values = {name: fields[name] for name in CLAIM_INIT_FIELDS if name in fields}
        values["span"] = tuple(values["span"])
        claims.append(Claim(**values))
    return paper, claims, str(record["extractor_version"])
