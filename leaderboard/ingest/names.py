"""What the ingest stores as names: file names as text, and the limits on names and ids.

The limits are the same on every database. PostgreSQL refuses an index entry
over about 2,700 bytes ("index row requires 10016 bytes") where SQLite takes
anything, so ids and file names, which are indexed, are held well below it
here: a paper id of 256 characters (at most 1 KB in UTF-8) next to a file
name of 1 KB fits the (paper_id, source, line) key of paper_sources.
"""

from __future__ import annotations

import os

# Keep in sync with the README's Robustness section.
MAX_ID_CHARS = 256
MAX_SOURCE_BYTES = 1024
# paper_sources.line is a 32-bit integer on PostgreSQL.
MAX_LINE_NUMBER = 2**31 - 1


def source_name(path: str) -> str:
    """`path` as text any database and terminal takes.

    A file name that is not UTF-8 reaches Python with its bad bytes as lone
    surrogates, which no database can store and no UTF-8 terminal can print;
    they are written as `\\xNN` instead, the same way on every run.
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return path


def id_problem(name: str, value: str) -> str | None:
    """Why `value` cannot be stored as the paper id field `name`, or None when it can."""
    if len(value) > MAX_ID_CHARS:
        return f'"{name}" of {len(value):,} characters (limit {MAX_ID_CHARS}); not an id?'
    return None
