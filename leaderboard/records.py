"""Plain records passed between ingest, extract and the database.

`PaperRecord` is what an input format yields; `Claim` is what the extractor
yields. Both are plain data with no database ties, so the extractor stays a
pure function that can run in a process pool unchanged.
Field names of `Claim` follow ../shared/claims-spec.md (keep in sync with
`leaderboard.db` and the `extract` CLI output).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field

# A claim's own fields in claims-spec.md, besides the paper, evidence and span: what the
# extractor decides and what a person may correct. Every table of claims builds on this.
CLAIM_FIELDS = (
    "model",
    "benchmark",
    "metric",
    "value",
    "value_high",
    "unit",
    "kind",
    "baseline_model",
    "baseline_value",
    "condition",
)


def content_hash(abstract: str) -> str:
    """Stable hash of an abstract, insensitive to whitespace and case differences."""
    # str.split() splits on exactly the characters \s+ matches (checked over all of Unicode),
    # several times faster; stored hashes depend on this normalisation, so keep it equivalent.
    normalised = " ".join(abstract.split()).lower()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class PaperRecord:
    """One paper as an input file gives it."""

    abstract: str
    title: str | None = None
    arxiv_id: str | None = None
    given_id: str | None = None  # the id the input itself gives (JSONL/CSV `id`)
    date: str | None = None  # ISO date, yyyy-mm-dd
    source: str = ""  # file name (or "-" for stdin)
    line: int | None = None  # 1-based line in the source where the paper starts
    format: str | None = None  # the input format it was read as (leaderboard.ingest.FORMATS)
    # content_hash computed once: dedup asks for it several times per paper.
    _hash: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def content_hash(self) -> str:
        if self._hash is None:
            self._hash = content_hash(self.abstract)
        return self._hash

    @property
    def id(self) -> str:
        """Its arXiv id, else the id the input gives, else one derived from its content."""
        return self.arxiv_id or self.given_id or f"h-{self.content_hash[:16]}"


@dataclass(slots=True)
class Claim:
    """One reported number, as defined in claims-spec.md."""

    value: float
    kind: str  # "score", "delta" or "efficiency"
    evidence: str
    span: tuple[int, int]  # [start, end) of the value in the abstract
    value_text: str
    model: str | None = None
    benchmark: str | None = None
    metric: str | None = None
    value_high: float | None = None
    unit: str | None = None
    baseline_model: str | None = None
    baseline_value: float | None = None
    condition: str | None = None
    rule: str = ""
    confidence: float = 0.5
    extra: dict = field(default_factory=dict)

    def to_dict(self, paper_id: str | None = None) -> dict:
        row = asdict(self)
        row.pop("extra")
        row["span"] = list(self.span)
        if paper_id is not None:
            row = {"paper_id": paper_id, **row}
        return row

    def to_row(self, paper_id: str) -> dict:
        """`to_dict` flattened for tables (CSV, the `claims` table): `span` as span_start, span_end."""
        row = self.to_dict(paper_id)
        row["span_start"], row["span_end"] = row.pop("span")
        return row
