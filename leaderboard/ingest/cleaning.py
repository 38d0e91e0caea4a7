"""Normalising the fields every format shares: text, arXiv ids and dates."""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_to_datetime

ARXIV_ID = re.compile(
    r"""
    ^(?i:arxiv:)?                                   # an optional "arXiv:" prefix
    (?P<id>
        (?:0[7-9]|1[0-4])\d{2}\.\d{4}               # modern id, yymm.nnnn (Apr 2007 to 2014)
      | (?:1[5-9]|[2-9]\d)\d{2}\.\d{5}              # modern id, yymm.nnnnn (2015 on)
      | [a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/\d{7}     # old-style id, archive[.CLASS]/yymmnnn
    )
    (?:v\d+)?$                                      # a version suffix, dropped so versions share an id
    """,
    re.VERBOSE,
)

ISO_DATE = re.compile(
    r"""
    ^(?P<date>\d{4}-\d{2}-\d{2})    # yyyy-mm-dd
    (?:[T\s].*)?$                   # an optional time after it, ignored
    """,
    re.VERBOSE,
)

MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), start=1
    )
}
RFC_2822_DATE = re.compile(
    r"""
    ^(?:[A-Z][a-z]{2},\s*)?     # an optional weekday, "Mon,"
    (?P<day>\d{1,2})\s+         # day of month
    (?P<month>[A-Z][a-z]{2})\s+ # month name, "Apr"
    (?P<year>\d{4})\b          # the time and zone after it do not change the date
    """,
    re.VERBOSE,
)


def clean_text(value: object) -> str | None:
    """Collapse whitespace runs (hard line breaks, indents) to single spaces; empty -> None.

    NUL characters (only a JSON `\\u0000` escape can carry one; a NUL byte in a
    file is refused as binary) are dropped: PostgreSQL text cannot hold them,
    and a paper must store the same on every database. Other control
    characters are kept as written.
    """
    if value is None:
        return None
    # str.split() splits on the same Unicode whitespace as \s+, several times faster.
    text = " ".join(str(value).replace("\0", "").split())
    return text or None


def arxiv_id_of(value: object) -> str | None:
    """The arXiv id `value` is, without version suffix, or None if it is not one."""
    if value is None:
        return None
    match = ARXIV_ID.match(str(value).strip())
    return match["id"] if match else None


def iso_date(value: str) -> str:
    """yyyy-mm-dd from an ISO date(-time) or an RFC 2822 date ("Mon, 2 Apr 2007 19:18:42 GMT").

    Raises ValueError for anything else, so a caller can say which line held it.
    """
    try:
        return _parse_date(value.strip()).isoformat()
    except (KeyError, TypeError, ValueError, IndexError):
        raise ValueError(f"unrecognised date {value!r} (expected yyyy-mm-dd or an RFC 2822 date)") from None


def _parse_date(text: str) -> date:
    iso = ISO_DATE.match(text)
    if iso:
        return date.fromisoformat(iso["date"])
    # The snapshot's own shape by one regex: the email parser is the slowest step per paper.
    rfc = RFC_2822_DATE.match(text)
    if rfc:
        return date(int(rfc["year"]), MONTH_NUMBERS[rfc["month"]], int(rfc["day"]))
    return parsedate_to_datetime(text).date()
