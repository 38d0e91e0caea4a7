"""Reading a review spreadsheet file as Excel saves it, in any locale, into rows of text cells.

Excel writes "CSV" in the machine's locale: UTF-8 with a BOM, or the ANSI
code page (Windows-1252 in Western Europe); a comma, or a semicolon where the
decimal separator is a comma (German, French...: `87,5`), or a tab. The
separator is told from the header, which is ours (`id;version;...`); with
semicolons, numbers written with a decimal comma are read as numbers.
A problem with the file as a whole (a column named twice, a cell too large,
broken quoting) is an ImportProblems naming the row, never a traceback.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path

from leaderboard.export.formulas import FORMULA_STARTS
from leaderboard.review.errors import ImportProblems
from leaderboard.review.field_values import NUMBER_FIELDS

REQUIRED_COLUMNS = ("id", "version")
SEPARATORS = (",", ";", "\t")
# Number columns of the review file (the editable ones and the read-only confidence).
NUMBER_COLUMNS = (*NUMBER_FIELDS, "confidence")
# A spreadsheet cell holds at most 32,767 characters (Excel's limit); more is no edit of ours.
MAX_CELL_CHARS = 32_767
TOO_LONG = f"a cell longer than {MAX_CELL_CHARS:,} characters, more than a spreadsheet cell holds"
DECIMAL_COMMA = re.compile(
    r"""
    ^\s*[-+]?
    (?:\d{1,3}(?:\.\d{3})+|\d+)     # whole part, maybe with '.' grouping thousands (1.234,5)
    ,\d+\s*$                        # the decimal comma and the fraction
    """,
    re.VERBOSE,
)


def read_review_file(path: str | Path) -> list[dict[str, str]]:
    """The rows of a review file as {column: cell text}, formula apostrophes removed."""
    text = _decode(Path(path).read_bytes())
    header_line = text.split("\n", 1)[0]
    separator = _separator(header_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    header = [name.strip().lower() for name in _next_row(reader, 1) or []]
    _check_header(header)
    rows: list[dict[str, str]] = []
    # Rows are numbered as a spreadsheet shows them, the header being row 1.
    while (cells := _next_row(reader, len(rows) + 2)) is not None:
        row = dict(zip(header, (unneutralise(cell) for cell in cells), strict=False))
        rows.append(_with_decimal_points(row) if separator == ";" else row)
    return rows


def unneutralise(text: str) -> str:
    """Undo the export's formula neutralisation: the "'" it put before '=', '+', '-', '@'."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")  # Excel's "CSV" on Western Windows


def _separator(header_line: str) -> str:
    """The separator that splits the header into our column names, else the commonest one."""
    for separator in SEPARATORS:
        names = {name.strip().strip('"').lower() for name in header_line.split(separator)}
        if set(REQUIRED_COLUMNS) <= names:
            return separator
    return max(SEPARATORS, key=header_line.count)


def _next_row(reader: Iterable[list[str]], number: int) -> list[str] | None:
    try:
        cells = next(iter(reader), None)
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise ImportProblems([(number, TOO_LONG)]) from None
        raise ImportProblems([(number, f"malformed CSV ({exc})")]) from None
    if cells is not None and any(len(cell) > MAX_CELL_CHARS for cell in cells):
        raise ImportProblems([(number, TOO_LONG)])
    return cells


def _check_header(header: list[str]) -> None:
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise ImportProblems([(1, f"missing column(s): {', '.join(missing)}")])
    for name in dict.fromkeys(header):
        positions = [str(i) for i, column in enumerate(header, start=1) if column == name]
        if name and len(positions) > 1:
            # Only one copy's cells would be read: an edit in the other would be lost silently.
            raise ImportProblems(
                [(1, f"column '{name}' appears more than once (columns {', '.join(positions)})")]
            )


def _with_decimal_points(row: dict[str, str]) -> dict[str, str]:
    for name in NUMBER_COLUMNS:
        cell = row.get(name)
        if cell is not None and DECIMAL_COMMA.match(cell):
            row[name] = cell.strip().replace(".", "").replace(",", ".")
    return row
