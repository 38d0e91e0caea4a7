"""arXiv listing text: entries that end in `arXiv:ID` and `Created: DATE [Updated: DATE]`.

An entry is an abstract paragraph, sometimes preceded by a title line and an
author list, sometimes followed by "Project Website: URL"-style lines:

    Gemini 1.5: Unlocking multimodal understanding ...
    Machel Reid, Nikolay Savinov, ...

    In this report, we present ...

    arXiv:2403.05530
    Created: 2024-03-08
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from leaderboard.ingest.cleaning import arxiv_id_of, clean_text, iso_date
from leaderboard.ingest.errors import IngestError
from leaderboard.ingest.layout import is_author_list, is_link_line, is_short_line, is_title_line
from leaderboard.records import PaperRecord

ARXIV_ID_LINE = re.compile(
    r"""
    ^\s*arXiv:\s*           # the label
    (?P<id>[^\s\[]+)        # the id
    (?:\s*\[[^\]]*\])*      # optional bracketed notes, as in "arXiv:2507.05201 [cs.CV]"
    \s*$
    """,
    re.VERBOSE,
)
CREATED_LINE = re.compile(
    r"""
    ^\s*Created:\s*(?P<created>[^\s,;]+)[,;]?  # first submission: the paper's date
    (?:\s+Updated:\s*\S+)?\s*$                # a later revision, ignored
    """,
    re.VERBOSE,
)
# Dates belong to the entry before them, wherever they sit; none is abstract text.
DATE_LINE = re.compile(
    r"""
    ^\s*(?:Created|Updated):\s*\S+      # "Created: DATE", or "Updated: DATE" on a line of its own
    (?:\s+Updated:\s*\S+)?\s*$          # "Created: DATE Updated: DATE"
    """,
    re.VERBOSE,
)

Line = tuple[int, str]


def parse_listing(text: str, source: str) -> Iterator[PaperRecord]:
    """Yield one paper per entry. Text after the last `arXiv:` line is a truncated entry and dropped."""
    lines = text.split("\n")
    entry: list[Line] = []
    for number, line in enumerate(lines, start=1):
        if id_line := ARXIV_ID_LINE.match(line):
            arxiv_id = arxiv_id_of(id_line["id"])
            if arxiv_id is None and number == len(lines):
                return  # the copy was cut off inside the last entry's id
            date = _created_date(lines, number, source)
            if paper := _paper(entry, arxiv_id or id_line["id"], date, source):
                yield paper
            entry = []
        elif not DATE_LINE.match(line):
            entry.append((number, line))


def _created_date(lines: list[str], id_line: int, source: str) -> str | None:
    """The date on the `Created:` line after the `arXiv:` line numbered `id_line`, if there is one."""
    for number, line in enumerate(lines[id_line:], start=id_line + 1):
        if not line.strip():
            continue
        created = CREATED_LINE.match(line)
        if created is None:
            return None
        try:
            return iso_date(created["created"])
        except ValueError as exc:
            if number == len(lines):
                return None  # the copy was cut off inside the date
            raise IngestError(source, number, str(exc)) from None
    return None


def _paper(entry: list[Line], arxiv_id: str, date: str | None, source: str) -> PaperRecord | None:
    content = [(number, line) for number, line in entry if line.strip() and not is_link_line(line)]
    if not content:
        return None
    start = content[0][0]
    title, content = _split_title(entry, content)
    abstract = clean_text(" ".join(line for _, line in content))
    if abstract is None:
        return None
    return PaperRecord(
        abstract=abstract,
        title=title,
        arxiv_id=arxiv_id,
        date=date,
        source=source,
        line=start,
    )


def _split_title(entry: list[Line], content: list[Line]) -> tuple[str | None, list[Line]]:
    """Take a leading title line (and the author lists after it) off an entry's content lines.

    A short first line is a title when an author list follows it (even a
    title ending in a full stop), or when it stands alone in its paragraph
    ahead of more text and does not end like a sentence; otherwise it is
    the start of the abstract.
    """
    if len(content) < 2 or not is_short_line(content[0][1]):
        return None, content
    (first_number, first_line), (next_number, next_line) = content[0], content[1]
    stands_alone = any(not line.strip() for number, line in entry if first_number < number < next_number)
    if not (is_author_list(next_line) or (stands_alone and is_title_line(first_line))):
        return None, content
    rest = content[1:]
    while len(rest) > 1 and is_author_list(rest[0][1]):
        rest = rest[1:]
    return clean_text(first_line), rest
