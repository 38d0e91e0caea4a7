"""The integers every database stores alike: ids, versions and change numbers (no database
imports here: the CLI checks its arguments with it before `--help` could load SQLAlchemy).

The integer columns (claim, change and entity ids, versions) are 32-bit on
PostgreSQL and 64-bit on SQLite; a larger number given by a user (a typo, a
pasted hash) would be an OverflowError on one and a DataError on the other.
Checked once here, so the answer is the same on both: no such row.
"""

from __future__ import annotations

MIN_INTEGER = -(2**31)
MAX_INTEGER = 2**31 - 1
MAX_INTEGER_DIGITS = len(str(MAX_INTEGER))


def fits_integer_column(value: int) -> bool:
    """Whether `value` can be compared with an integer column on every database."""
    return MIN_INTEGER <= value <= MAX_INTEGER


def parse_hash_id(text: str) -> int | None:
    """12 from '#12'; None for anything else, which is then taken as a name: '#²' (a digit int()
    refuses) or a number beyond any id."""
    digits = text[1:]
    if not text.startswith("#") or not digits.isdecimal() or len(digits) > MAX_INTEGER_DIGITS:
        return None
    value = int(digits)
    return value if fits_integer_column(value) else None
