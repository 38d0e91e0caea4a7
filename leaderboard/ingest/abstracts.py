"""Abstract dumps: one paper per line starting `Abstract:`, no titles or ids."""

from __future__ import annotations

import re
from collections.abc import Iterator

from leaderboard.ingest.fields import clean_text
from leaderboard.records import PaperRecord

ABSTRACT_LINE = re.compile(
    r"""
    ^\s*Abstract\s*:\s*     # the label that starts each paper
    (?P<text>.*)$           # the abstract, usually the whole rest of the line
    """,
    re.VERBOSE | re.IGNORECASE,
)


def parse_abstracts(text: str, source: str) -> Iterator[PaperRecord]:
    """Yield one paper per `Abstract:` line.

    Unlabelled lines after one continue its abstract (hard-wrapped dumps);
    before the first label they are a preamble and skipped.
    """
    start: int | None = None
    parts: list[str] = []
    for number, line in enumerate(text.split("\n"), start=1):
        labelled = ABSTRACT_LINE.match(line)
        if labelled:
            if paper := _paper(parts, start, source):
                yield paper
            start, parts = number, [labelled["text"]]
        elif start is not None:
            parts.append(line)
    if paper := _paper(parts, start, source):
        yield paper


def _paper(parts: list[str], start: int | None, source: str) -> PaperRecord | None:
    abstract = clean_text(" ".join(parts))
    if abstract is None or start is None:
        return None
    return PaperRecord(abstract=abstract, source=source, line=start)
