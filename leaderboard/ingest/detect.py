"""Telling an input's format from its name and first few KB."""

from __future__ import annotations

import csv
import os
import re

from leaderboard.ingest.abstracts import ABSTRACT_LINE
from leaderboard.ingest.cleaning import arxiv_id_of
from leaderboard.ingest.errors import IngestError
from leaderboard.ingest.layout import is_body_line, is_title_line
from leaderboard.ingest.listing import ARXIV_ID_LINE

ARXIV_LISTING = "arxiv-listing"
ABSTRACTS = "abstracts"
DAILY_PAGE = "daily-page"
JSONL = "jsonl"
CSV = "csv"
# Keep in sync with PAGE_PARSERS and STREAMED_FORMATS in leaderboard/ingest/papers.py.
FORMATS = (ARXIV_LISTING, ABSTRACTS, DAILY_PAGE, JSONL, CSV)

FORMAT_BY_EXTENSION = {
    ".jsonl": JSONL,
    ".ndjson": JSONL,
    ".jsonlines": JSONL,
    ".json": JSONL,
    ".csv": CSV,
}

# A dump may open with a line or two of preamble before its first "Abstract:".
ABSTRACT_LINES_LOOKED_AT = 3
DAILY_PAGE_BANNER = re.compile(
    r"""
    ^(?:Get\ trending\ papers       # newsletter banner
      | by\s?AK\ and\ the\ research\ community)   # masthead
    """,
    re.VERBOSE | re.MULTILINE,
)


def detect_format(name: str, head: str) -> str:
    """The format of a file called `name` that starts with `head` (a few KB suffice).

    The extension decides for JSON Lines and CSV; text is recognised by the
    markers each kind of page carries. Raises IngestError when nothing fits.
    """
    by_extension = FORMAT_BY_EXTENSION.get(os.path.splitext(name)[1].lower())
    text = head.lstrip("\ufeff").lstrip()
    if by_extension == JSONL and text.startswith("["):
        raise IngestError(name, 1, "a JSON array; expected JSON Lines (one object per line)")
    if by_extension:
        return by_extension
    detected = _format_of_text(text)
    if detected is None:
        raise IngestError(
            name, None, f"cannot tell the format from the name or content; pass one of: {', '.join(FORMATS)}"
        )
    return detected


def _format_of_text(text: str) -> str | None:
    lines = text.replace("\r\n", "\n").split("\n")
    content = [line for line in lines if line.strip()]
    if text.startswith("{"):
        return JSONL
    if any(ABSTRACT_LINE.match(line) for line in content[:ABSTRACT_LINES_LOOKED_AT]):
        return ABSTRACTS
    if any(_is_arxiv_id_line(line) for line in content):
        return ARXIV_LISTING
    if _is_csv_header(lines[0]):
        return CSV
    if DAILY_PAGE_BANNER.search(text) or _has_title_then_abstract(content):
        return DAILY_PAGE
    return None


def _is_arxiv_id_line(line: str) -> bool:
    id_line = ARXIV_ID_LINE.match(line)
    return id_line is not None and arxiv_id_of(id_line["id"]) is not None


def _is_csv_header(line: str) -> bool:
    try:
        columns = [column.strip().lower() for column in next(csv.reader([line]), [])]
    except csv.Error:  # a stray carriage return or NUL: not a CSV header, whatever else it is
        return False
    return len(columns) > 1 and "abstract" in columns


def _has_title_then_abstract(content: list[str]) -> bool:
    return any(is_title_line(a) and is_body_line(b) for a, b in zip(content, content[1:], strict=False))
