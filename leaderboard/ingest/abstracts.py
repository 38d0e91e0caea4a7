"""Abstract dumps: one paper per line starting `Abstract:`, no titles or ids."""

from __future__ import annotations

import re
from collections.abc import Iterator

from leaderboard.ingest.cleaning import clean_text
from leaderboard.records import PaperRecord

ABSTRACT_LINE = re.compile(
    r"""
    ^\s*Abstract\s*:\s*     # the label that starts each paper
    (?P<text>.*)$           # the abstract: the whole rest of the line
    """,
    re.VERBOSE | re.IGNORECASE,
)


def parse_abstracts(text: str, source: str) -> Iterator[PaperRecord]:
    """Yield one paper per `Abstract:` line.

    Unlabelled lines are not abstract text: a preamble, or the cut-off start
    of a label ("Abstr") where a copy was truncated.
    """
    for number, line in enumerate(text.split("\n"), start=1):
        labelled = ABSTRACT_LINE.match(line)
        abstract = clean_text(labelled["text"]) if labelled else None
        if abstract:
            yield PaperRecord(abstract=abstract, source=source, line=number)
