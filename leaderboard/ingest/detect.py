"""Telling an input's format from its name and first few KB."""

from __future__ import annotations

import csv
import os
import re

from leaderboard.ingest.errors import IngestError
from leaderboard.ingest.layout import is_body_line, is_title_line

ARXIV_LISTING = "arxiv-listing"
ABSTRACTS = "abstracts"
DAILY_PAGE = "daily-page"
JSONL = "jsonl"
CSV = "csv"
# Keep in sync with PARSERS in leaderboard/ingest/papers.py.
FORMATS = (ARXIV_LISTING, ABSTRACTS, DAILY_PAGE, JSONL, CSV)

FORMAT_BY_EXTENSION = {
    ".jsonl": JSONL,
    ".ndjson": JSONL,
    ".jsonlines": JSONL,
    ".json": JSONL,
    ".csv": CSV,
}

LISTING_ENTRY_END = re.compile(
    r"""
    ^arXiv:\s*\S+[ \t]*\n       # an "arXiv:ID" line
    Created:                    # straight before the "Created: DATE" line
    """,
    re.VERBOSE | re.MULTILINE,
)
ABSTRACT_LINE_START = re.compile(r"^\s*Abstract\s*:", re.IGNORECASE)
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
    if text.startswith("{"):
        return JSONL
    if ABSTRACT_LINE_START.match(lines[0]):
        return ABSTRACTS
    if LISTING_ENTRY_END.search("\n".join(lines)):
        return ARXIV_LISTING
    if _is_csv_header(lines[0]):
        return CSV
    if DAILY_PAGE_BANNER.search(text) or _has_title_then_abstract(lines):
        return DAILY_PAGE
    return None


def _is_csv_header(line: str) -> bool:
    columns = [column.strip().lower() for column in next(csv.reader([line]), [])]
    return len(columns) > 1 and "abstract" in columns


def _has_title_then_abstract(lines: list[str]) -> bool:
    content = [line for line in lines if line.strip()]
    return any(is_title_line(a) and is_body_line(b) for a, b in zip(content, content[1:], strict=False))
