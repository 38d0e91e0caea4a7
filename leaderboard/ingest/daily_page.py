"""Daily / trending papers pages copied as text: a title line, then its abstract.

The copy carries page chrome (newsletter banner, "Subscribe" glued to the
first title, masthead, date headings, "new" badges) and may stop mid-entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from leaderboard.ingest.cleaning import clean_text
from leaderboard.ingest.layout import is_short_line, is_title_line
from leaderboard.records import PaperRecord

PAGE_CHROME = re.compile(
    r"""
    ^(?:
        Get\ trending\ papers\ in\ your\ email\ inbox.*     # newsletter banner
      | Subscribe                                           # its button
      | by\s?AK\ and\ the\ research\ community              # masthead
      | new                                                 # badge on fresh entries
      | (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\ \d{1,2}(?:,\ \d{4})?  # date heading
    )$
    """,
    re.VERBOSE,
)
GLUED_SUBSCRIBE = re.compile(
    r"""
    ^Subscribe                  # the button's label, run into the first title by the copy
    (?=\S)                      # with no space: titles may start in lower case ("mPLUG-Owl")
    """,
    re.VERBOSE,
)


@dataclass(slots=True)
class _Entry:
    title: str
    line: int
    parts: list[str] = field(default_factory=list)


def parse_daily_page(text: str, source: str) -> Iterator[PaperRecord]:
    """Yield one paper per title line followed by abstract text.

    A title-shaped line with no text after it (leftover chrome, or the
    truncated last entry) is dropped; abstract text with no title before it
    continues the previous abstract (a second paragraph), or before the
    first title is page preamble and skipped.
    """
    lines = list(_content_lines(text))
    entry: _Entry | None = None
    pending: tuple[int, str] | None = None  # a title line awaiting its abstract
    for index, (number, line) in enumerate(lines):
        following = lines[index + 1][1] if index + 1 < len(lines) else ""
        if _is_title(line, following):
            pending = (number, line)
        elif pending is not None:
            if entry is not None:
                yield _paper(entry, source)
            entry, pending = _Entry(title=pending[1], line=pending[0], parts=[line]), None
        elif entry is not None:
            entry.parts.append(line)
    if entry is not None:
        yield _paper(entry, source)


def _is_title(line: str, following: str) -> bool:
    # A short line right before a long one is a title even if it ends in a full
    # stop ("Attention Is Not Explanation."); a short abstract is followed by the next
    # title, not by a long line.
    return is_title_line(line) or (is_short_line(line) and bool(following) and not is_short_line(following))


def _content_lines(text: str) -> Iterator[tuple[int, str]]:
    """Non-blank lines other than chrome, stripped; the first one unglued from "Subscribe"."""
    first = True
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if line and not PAGE_CHROME.match(line):
            # Only the page head has the button, so a later title starting "Subscribe..." is kept.
            yield number, GLUED_SUBSCRIBE.sub("", line) if first else line
            first = False


def _paper(entry: _Entry, source: str) -> PaperRecord:
    return PaperRecord(
        abstract=clean_text(" ".join(entry.parts)) or "",
        title=clean_text(entry.title),
        source=source,
        line=entry.line,
    )
