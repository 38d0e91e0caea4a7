"""Write a table as CSV, JSON or Parquet, through pandas.

CSV cells that a spreadsheet would run as a formula (text starting with '=',
'+', '-' or '@', or a tab or carriage return that hides one) get a leading
apostrophe, the OWASP advice for CSV injection; numbers are left alone, so a
negative score stays a number. JSON is one object per row (`orient=records`),
Parquet keeps the column types (needs pyarrow).
"""

from __future__ import annotations

import io
from typing import IO

import pandas as pd

FORMATS = ("csv", "json", "parquet")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell that could start a spreadsheet formula prefixed by "'"."""
    out = df.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column].dtype):
            out[column] = out[column].map(_neutralise_cell)
    return out


def _neutralise_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_table(df: pd.DataFrame, path_or_buffer: str | IO | None, fmt: str = "csv") -> None:
    """Write `df` to a path or an open file in `fmt` (csv, json or parquet)."""
    if fmt == "csv":
        neutralise_formulas(df).to_csv(path_or_buffer, index=False, lineterminator="\n")
    elif fmt == "json":
        df.to_json(path_or_buffer, orient="records", force_ascii=False, indent=1)
    elif fmt == "parquet":
        df.to_parquet(path_or_buffer, index=False)
    else:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """The CSV export as UTF-8 bytes, e.g. for a download button."""
    buffer = io.StringIO()
    write_table(df, buffer, "csv")
    return buffer.getvalue().encode("utf-8")
