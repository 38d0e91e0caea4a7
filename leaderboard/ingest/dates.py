"""A paper's date from whatever its source gives: a written date, a year, or its arXiv id.

Sources date papers in many ways: the arXiv snapshot's `versions` and
`update_date`, a JSONL `year` (and maybe `month`), a CSV `date` written as
"2021-03-12", "12 March 2021", "March 2021", "2021/03/12", "12.03.2021" or
"2021", a listing's `Created:` line; and an arXiv id says the year and month
it was submitted ("2103.01234" is March 2021, "hep-th/9901001" January 1999).
A date known only to the month or year is stored as its first day, so state
of the art over time can still order it.

`written_date` raises ValueError for text that is no date (so the caller can
name the line); a slash date whose day and month could be swapped
("03/04/2021") is refused the same way rather than guessed.
"""

from __future__ import annotations

import re
from datetime import date

from leaderboard.ingest.cleaning import MONTH_NUMBERS, iso_date

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "sept": 9,
} | {name.lower(): number for name, number in MONTH_NUMBERS.items()}  # fmt: skip
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))

YEAR_ONLY = re.compile(r"^(?P<year>(?:19|20)\d\d)$")
YEAR_MONTH = re.compile(r"^(?P<year>(?:19|20)\d\d)[-/.](?P<month>\d{1,2})$")
YEAR_FIRST = re.compile(r"^(?P<year>(?:19|20)\d\d)[/.](?P<month>\d{1,2})[/.](?P<day>\d{1,2})$")
DAY_MONTH_YEAR_DOTS = re.compile(r"^(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d\d)$")
SLASHED = re.compile(r"^(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>(?:19|20)\d\d)$")
DAY_MONTH_NAME = re.compile(
    rf"^(?:\w+,?\s+)??(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})\.?,?\s+(?P<year>(?:19|20)\d\d)$",
    re.IGNORECASE,
)
MONTH_NAME_DAY = re.compile(
    rf"^(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)$",
    re.IGNORECASE,
)
MONTH_NAME_YEAR = re.compile(rf"^(?P<month>{_MONTH})\.?,?\s+(?P<year>(?:19|20)\d\d)$", re.IGNORECASE)
# New-style arXiv ids start with the submission year and month (yymm); old-style ones carry them
# after the archive name ('hep-th/9901001'). New-style ids began in April 2007.
NEW_STYLE_ID = re.compile(r"^(?P<yy>\d\d)(?P<mm>\d\d)\.\d{4,5}(?:v\d+)?$")
OLD_STYLE_ID = re.compile(r"^[a-z-]+(?:\.[A-Z]{2})?/(?P<yy>\d\d)(?P<mm>\d\d)\d{3}(?:v\d+)?$")


def written_date(text: str) -> str:
    """yyyy-mm-dd from a date as people and programs write it; ValueError when it is none."""
    value = " ".join(text.split())
    for pattern, parts in PATTERNS:
        match = pattern.match(value)
        if match:
            return _iso(*parts(match))
    slashed = SLASHED.match(value)
    if slashed:
        return _iso(*_unswappable(slashed, value))
    return iso_date(value)


PATTERNS = (
    (YEAR_ONLY, lambda m: (m["year"], 1, 1)),
    (YEAR_MONTH, lambda m: (m["year"], m["month"], 1)),
    (YEAR_FIRST, lambda m: (m["year"], m["month"], m["day"])),
    (DAY_MONTH_YEAR_DOTS, lambda m: (m["year"], m["month"], m["day"])),
    (DAY_MONTH_NAME, lambda m: (m["year"], MONTHS[m["month"].lower()], m["day"])),
    (MONTH_NAME_DAY, lambda m: (m["year"], MONTHS[m["month"].lower()], m["day"])),
    (MONTH_NAME_YEAR, lambda m: (m["year"], MONTHS[m["month"].lower()], 1)),
)


def _unswappable(match: re.Match[str], text: str) -> tuple[str, int, int]:
    first, second = int(match["a"]), int(match["b"])
    if first > 12 >= second:
        return match["year"], second, first  # 25/03/2021: day first
    if second > 12 >= first:
        return match["year"], first, second  # 03/25/2021: month first
    if first == second:
        return match["year"], first, first
    raise ValueError(f"ambiguous date {text!r} (day and month could be either way; write yyyy-mm-dd)")


def _iso(year: str | int, month: str | int, day: str | int) -> str:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        raise ValueError(f"no such date: {year}-{month}-{day}") from None


def year_date(year: object, month: object = None) -> str | None:
    """The first day of a JSONL `year` (and `month`) field, None when it holds no year."""
    text = str(year).strip() if year is not None else ""
    if not YEAR_ONLY.match(text):
        return None
    try:
        month_number = int(str(month).strip()) if month not in (None, "") else 1
        return _iso(text, month_number, 1)
    except ValueError:
        return _iso(text, 1, 1)


def arxiv_id_date(arxiv_id: str | None) -> str | None:
    """The first day of the month an arXiv id was submitted in, None for no arXiv id."""
    if not arxiv_id:
        return None
    match = NEW_STYLE_ID.match(arxiv_id) or OLD_STYLE_ID.match(arxiv_id)
    if match is None or not 1 <= int(match["mm"]) <= 12:
        return None
    yy = int(match["yy"])
    # Old-style ids ran from 1991 to March 2007; new-style ones from April 2007.
    year = 1900 + yy if match.re is OLD_STYLE_ID and yy >= 91 else 2000 + yy
    return _iso(year, match["mm"], 1)
