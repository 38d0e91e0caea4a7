"""Writing extracted claims as JSONL or CSV (the `extract` command's output).

Field names follow claims-spec.md plus `paper_id`, `rule` and `confidence`;
/work/shared/score_claims.py reads either format. Keep in sync with
`leaderboard.records.Claim`.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from leaderboard.export.formulas import neutralise_cell
from leaderboard.records import CLAIM_FIELDS, Claim

OUTPUT_FORMATS = ("jsonl", "csv")

# CSV has no lists, so the spec's `span` becomes two columns.
CSV_FIELDS = (
    "paper_id",
    *CLAIM_FIELDS,
    "evidence",
    "value_text",
    "span_start",
    "span_end",
    "rule",
    "confidence",
)


class ClaimWriter:
    """Writes claims one per line (JSONL) or row (CSV, header first)."""

    def __init__(self, out: TextIO, fmt: str = "jsonl") -> None:
        if fmt not in OUTPUT_FORMATS:
            raise ValueError(f"unknown output format {fmt!r}; expected one of {', '.join(OUTPUT_FORMATS)}")
        self.out = out
        self.fmt = fmt
        self.count = 0
        self._csv = None
        if fmt == "csv":
            self._csv = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore")
            self._csv.writeheader()

    def write(self, paper_id: str, claims: Iterable[Claim]) -> None:
        for claim in claims:
            if self._csv is None:
                self.out.write(json.dumps(claim.to_dict(paper_id), ensure_ascii=False) + "\n")
            else:
                self._csv.writerow({k: neutralise_cell(v) for k, v in claim.to_row(paper_id).items()})
            self.count += 1
