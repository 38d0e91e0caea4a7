"""The one CSV formula neutraliser, for every CSV the program writes.

A spreadsheet runs a cell starting with '=', '+', '-' or '@' (or a tab or
carriage return that hides one) as a formula; paper text that starts so
(a model named "=HYPERLINK(...)") gets a leading apostrophe, the OWASP advice
for CSV injection. Only text is touched: a negative number stays a number.
The review import strips the apostrophe again (`leaderboard.review.spreadsheet`).
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: Any) -> Any:
    """`value`, with "'" put before text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
