"""Bounds on the integers a command line gives, so that a huge one is one line, not a traceback.

Click takes an integer of any size; past 2**63 SQLite raised OverflowError
and PostgreSQL a DataError for ids, and a `--limit` that large overflowed
SQLite's LIMIT. Ids and versions are checked against what every database's
integer columns hold (`leaderboard.db.ids`); a limit beyond any table's size
just means everything.
"""

from __future__ import annotations

import typer

from leaderboard.cli.common import fail
from leaderboard.db.ids import MAX_INTEGER, fits_integer_column

# More extractor processes than this is a typo: each one costs about 100 MB, and the
# pool keeps two batches per worker in flight.
MAX_JOBS = 256


def _name(param: typer.CallbackParam) -> str:
    if param.param_type_name == "option":
        return param.opts[0]
    return (param.metavar or param.name or "ID").rstrip(".")


def an_id(param: typer.CallbackParam, value: int | None) -> int | None:
    """Callback for an id or version: beyond what a database holds is one error line."""
    if value is not None and not fits_integer_column(value):
        raise fail(f"{_name(param)} {value}: beyond any id or version (at most {MAX_INTEGER:,})")
    return value


def ids(param: typer.CallbackParam, values: list[int]) -> list[int]:
    """`an_id` for each of several ids."""
    for value in values:
        an_id(param, value)
    return values


def a_limit(value: int | None) -> int | None:
    """Callback for a row limit: any number past the largest table is the same as no limit."""
    return value if value is None else min(value, MAX_INTEGER)


def a_job_count(param: typer.CallbackParam, value: int) -> int:
    if value > MAX_JOBS:
        raise fail(f"{_name(param)} {value}: at most {MAX_JOBS} extractor processes")
    return value
