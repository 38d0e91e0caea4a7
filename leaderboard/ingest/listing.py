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

from leaderboard.ingest.errors import IngestError
from leaderboard.ingest.fields import arxiv_id_of, clean_text, iso_date
from leaderboard.ingest.layout import is_author_list, is_link_line, is_title_line
from leaderboard.records import PaperRecord

ARXIV_ID_LINE = re.compile(
    r"""
    ^\s*arXiv:\s*           # the label
    (?P<id>\S+)\s*$         # the id, alone on its line
    """,
    re.VERBOSE,
)
CREATED_LINE = re.compile(
    r"""
    ^\s*Created:\s*(?P<created>\S+)     # first submission: the paper's date
    (?:\s+Updated:\s*\S+)?\s*$          # a later revision, ignored
    """,
    re.VERBOSE,
)

Line = tuple[int, str]


def parse_listing(text: str, source: str) -> Iterator[PaperRecord]:
    """Yield one paper per entry. Text after the last `arXiv:` line is a truncated entry and dropped."""
    entry: list[Line] = []
    lines = list(enumerate(text.split("\n"), start=1))
    index = 0
    while index < len(lines):
        number, line = lines[index]
        id_line = ARXIV_ID_LINE.match(line)
        if not id_line:
            entry.append((number, line))
            index += 1
            continue
        created = None
        if index + 1 < len(lines) and (created_line := CREATED_LINE.match(lines[index + 1][1])):
            created = _entry_date(created_line["created"], source, index + 2)
            index += 1
        paper = _paper(entry, id_line["id"], created, source)
        if paper is not None:
            yield paper
        entry = []
        index += 1


def _entry_date(value: str, source: str, line: int) -> str:
    try:
        return iso_date(value)
    except ValueError as exc:
        raise IngestError(source, line, str(exc)) from None


def _paper(entry: list[Line], raw_id: str, date: str | None, source: str) -> PaperRecord | None:
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
        arxiv_id=arxiv_id_of(raw_id) or raw_id,
        date=date,
        source=source,
        line=start,
    )


def _split_title(entry: list[Line], content: list[Line]) -> tuple[str | None, list[Line]]:
    """Take a leading title line (and the author lists after it) off an entry's content lines.

    A first line counts as a title when an author list follows it or when it
    stands alone in its paragraph ahead of more text; a lone short line is
    otherwise just a short abstract.
    """
    if len(content) < 2 or not is_title_line(content[0][1]):
        return None, content
    first_number, first_line = content[0]
    next_number, next_line = content[1]
    blank_between = any(not line.strip() for number, line in entry if first_number < number < next_number)
    if not (is_author_list(next_line) or blank_between):
        return None, content
    rest = content[1:]
    while len(rest) > 1 and is_author_list(rest[0][1]):
        rest = rest[1:]
    return clean_text(first_line), rest
