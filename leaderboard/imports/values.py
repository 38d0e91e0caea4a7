"""Reading a results-table cell ("93.2%", "0.7482 ± 0.0015", "**70.3**", "-") as a number.

Tables written by hand mark the best score in bold, add footnote marks, give an error bar, or
leave a cell empty with a dash; all of that is the same number. A size ("24M", "220k": the
parameter-count columns) is not a score, and neither is any other text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Cells that say "no result here"; compared after the decoration is stripped.
EMPTY_CELLS = frozenset({"", "-", "--", "---", "–", "—", "n/a", "na", "none", "null", "?", "x"})
# Markdown emphasis and footnote marks around a number: "**70.3**", "85.0*", "†91.2", "39.9+".
DECORATION = "*_†‡§¶#+ "

NUMBER_CELL = re.compile(
    r"""
    ^(?P<number>[-−]?(?:\d+(?:,\d{3})*(?:\.\d*)?|\.\d+))   # 93.2, -1.5, 1,024.5, .95
    \s*(?P<percent>%)?                                       # an optional percent sign
    (?:\s*(?:±|\+/-|\+-)\s*\d+(?:\.\d+)?\s*%?)?$             # an error bar, dropped: "± 0.0015"
    """,
    re.VERBOSE,
)
SIZE_CELL = re.compile(r"^\d+(?:\.\d+)?\s*[kKmMbBgG]$")  # 24M, 220k, 1.3B: a size, not a score


@dataclass(frozen=True, slots=True)
class CellValue:
    """A number read from a cell: the value and its unit ('%' or None)."""

    value: float
    unit: str | None


class NotAScore(ValueError):
    """A cell that holds text, not a number: the message says what it holds."""


def read_cell(raw: object) -> CellValue | None:
    """The number a cell holds; None for an empty cell or a size. Raises NotAScore for text."""
    if isinstance(raw, bool):
        raise NotAScore(f"a yes/no cell ({raw!r}), not a score")
    if isinstance(raw, int | float):
        return CellValue(float(raw), None)
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise NotAScore(f"a {type(raw).__name__}, not a score")
    text = " ".join(raw.split()).strip(DECORATION)
    if text.lower() in EMPTY_CELLS or SIZE_CELL.match(text):
        return None
    match = NUMBER_CELL.match(text)
    if match is None:
        raise NotAScore(f"cannot read {raw!r} as a score")
    number = match["number"].replace("−", "-").replace(",", "")
    return CellValue(float(number), "%" if match["percent"] else None)
