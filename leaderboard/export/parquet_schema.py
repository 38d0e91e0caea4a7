"""The Parquet schema of every table the project writes: one type per column name, fixed.

pandas would infer a column's type from its values, so a claims file whose `value_high` is
empty everywhere came out as a column of nulls, one with a date as text and one with ids as
floats: a reader of many files (Dask, Spark, DuckDB over a folder) then fails to combine them.
Here every known column has its type; any other column is text. Dates are Parquet dates.
Keep in sync with the column lists in leaderboard/queries (CLAIM_COLUMNS, LEADERBOARD_COLUMNS,
...) and with leaderboard.records.Claim.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

FLOAT_COLUMNS = frozenset(
    {
        "value",
        "value_high",
        "baseline_value",
        "value_canonical",
        "confidence",
        "score",
        "spread",
        "low",
        "high",
        "gap",
        "relative_gap",
    }
)
INTEGER_COLUMNS = frozenset(
    {
        "claim_id",
        "model_id",
        "benchmark_id",
        "metric_id",
        "baseline_model_id",
        "rank",
        "n_papers",
        "claims",
        "span_start",
        "span_end",
        "version",
        "line",
    }
)
DATE_COLUMNS = frozenset({"paper_date", "date"})


def column_type(name: str) -> pa.DataType:
    """The Parquet type of a column, whatever its values."""
    if name in FLOAT_COLUMNS:
        return pa.float64()
    if name in INTEGER_COLUMNS:
        return pa.int64()
    if name in DATE_COLUMNS:
        return pa.date32()
    return pa.string()


def schema_for(columns: list[str]) -> pa.Schema:
    return pa.schema([pa.field(name, column_type(name), nullable=True) for name in columns])


def to_arrow(df: pd.DataFrame) -> pa.Table:
    """`df` as an Arrow table of the fixed schema (values converted, never the types inferred)."""
    columns = [str(c) for c in df.columns]
    schema = schema_for(columns)
    arrays = [_array(df[column], schema.field(str(column)).type) for column in df.columns]
    return pa.Table.from_arrays(arrays, schema=schema)


def _array(series: pd.Series, kind: pa.DataType) -> pa.Array:
    if kind == pa.date32():
        dates = pd.to_datetime(series, errors="coerce").dt.date
        return pa.array([None if pd.isna(d) else d for d in dates], type=kind)
    if kind == pa.string():
        return pa.array([None if _missing(v) else str(v) for v in series], type=kind)
    values = pd.to_numeric(series, errors="coerce").astype(object)
    cast = int if kind == pa.int64() else float
    return pa.array([None if pd.isna(v) else cast(v) for v in values], type=kind)


def _missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))
