"""Rule-plus-regex extraction of benchmark claims from paper abstracts.

`extract_claims(abstract, title)` is a pure function: text in, `Claim`s out,
no I/O and no shared mutable state, so it runs unchanged in a process pool.
The rules it applies live in `rules.RULES` (priority list), their words in
`vocab`, and the field resolvers in `fields`, `model` and `lists`.
"""

from __future__ import annotations

from leaderboard.extract.assemble import explain, extract
from leaderboard.records import Claim

# Bump when a rule or vocabulary change alters the output.
EXTRACTOR_VERSION = "0.3.3"


def extract_claims(abstract: str, title: str | None = None) -> list[Claim]:
    """Every reported result in `abstract` as a `Claim` (spans index `abstract` itself)."""
    return extract(abstract, title)


__all__ = ["EXTRACTOR_VERSION", "explain", "extract_claims"]
