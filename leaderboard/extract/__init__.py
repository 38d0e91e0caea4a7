"""Rule-plus-regex extraction of benchmark claims from paper abstracts.

`extract_claims(abstract, title)` is a pure function: text in, `Claim`s out,
no I/O and no shared mutable state, so it runs unchanged in a process pool.
It works in two passes (docs/extraction.md): an inventory of typed mentions
and a focus per sentence (`inventory`, from the shipped leaderboard name lists
in `names` and definitional patterns), then frames that align every number
with its clause's mentions (`frames` for the benchmark, `fields`, `model`,
`title_system`, `lists`). Which numbers are results is decided by the
priority list `rules.RULES`. `explain_report` shows all of it for one abstract.
"""

from __future__ import annotations

from leaderboard.extract.assemble import explain, extract
from leaderboard.extract.report import explain_report
from leaderboard.records import Claim

# Bump when a rule or vocabulary change alters the output.
EXTRACTOR_VERSION = "0.5.0"


def extract_claims(abstract: str, title: str | None = None) -> list[Claim]:
    """Every reported result in `abstract` as a `Claim` (spans index `abstract` itself)."""
    return extract(abstract, title)


__all__ = ["EXTRACTOR_VERSION", "explain", "explain_report", "extract_claims"]
