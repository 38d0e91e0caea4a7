"""Write a table as CSV, JSON, JSON Lines, Parquet (a fixed schema: parquet_schema.py), the
Papers-with-Code layout (pwc.py) or the Hugging Face Hub's evaluation results (hub.py): one
`WRITERS` table that the CLI's `export` and the dashboard's download button both offer.

CSV cells that a spreadsheet would run as a formula get a leading apostrophe
(`leaderboard.export.formulas`, shared with the `extract` command's CSV).
JSON is one array of objects (`orient=records`), JSON Lines one object per
line, Parquet keeps the column types (needs pyarrow); the results formats (pwc, hf-*) are
written by their own modules.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any

import pandas as pd

from leaderboard.errors import LeaderboardError
from leaderboard.export.formulas import neutralise_cell

# What the results formats (pwc, hf-*) read from a board or claims table.
SCORE_COLUMNS = ("model", "benchmark", "metric", "value")


class UnknownFormatError(LeaderboardError, ValueError):
    """An export format no writer handles."""


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell that could start a spreadsheet formula prefixed by "'"."""
    out = df.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column].dtype):
            out[column] = out[column].map(neutralise_cell)
    return out


def _csv(df: pd.DataFrame, target: Any) -> None:
    neutralise_formulas(df).to_csv(target, index=False, lineterminator="\n")


def _json(df: pd.DataFrame, target: Any) -> None:
    df.to_json(target, orient="records", force_ascii=False, indent=1)


def _jsonl(df: pd.DataFrame, target: Any) -> None:
    df.to_json(target, orient="records", force_ascii=False, lines=True)


def _parquet(df: pd.DataFrame, target: Any) -> None:
    # Imported late: pyarrow is heavy and only Parquet needs it.
    import pyarrow.parquet as pq

    from leaderboard.export.parquet_schema import to_arrow

    pq.write_table(to_arrow(df), target)


def _pwc(df: pd.DataFrame, target: Any) -> None:
    from leaderboard.export.pwc import write_pwc

    write_pwc(df, target)


def _hf_model_index(df: pd.DataFrame, target: Any) -> None:
    from leaderboard.export.hub import write_model_index

    write_model_index(df, target)


def _hf_eval_results(df: pd.DataFrame, target: Any) -> None:
    from leaderboard.export.hub import write_eval_results

    write_eval_results(df, target)


@dataclass(frozen=True)
class TableWriter:
    """How one format is written: the function, and what a download of it is called."""

    write: Callable[[pd.DataFrame, Any], None]
    extension: str
    mime: str
    binary: bool = False
    # Whether it reads the benchmark's task and Hub dataset id (`task`, `hub_dataset_id`), which a
    # caller adds with leaderboard.queries.with_benchmark_details.
    needs_benchmark_details: bool = False
    # Columns a table must have for this format (the results formats need scores to write).
    needs_columns: tuple[str, ...] = ()

    def can_write(self, df: pd.DataFrame) -> bool:
        return all(column in df.columns for column in self.needs_columns)


# The results formats: a board or claims table, with the benchmark's details added.
_RESULTS = {"needs_benchmark_details": True, "needs_columns": SCORE_COLUMNS}
WRITERS: dict[str, TableWriter] = {
    "csv": TableWriter(_csv, "csv", "text/csv"),
    "json": TableWriter(_json, "json", "application/json"),
    "jsonl": TableWriter(_jsonl, "jsonl", "application/jsonl"),
    "parquet": TableWriter(_parquet, "parquet", "application/vnd.apache.parquet", binary=True),
    # The Papers-with-Code evaluation-tables layout, as `import-pwc` reads it.
    "pwc": TableWriter(_pwc, "json", "application/json", **_RESULTS),
    # Hugging Face Hub: the model card's `model-index` YAML, and an `.eval_results/*.yaml` file.
    "hf-model-index": TableWriter(_hf_model_index, "yaml", "application/yaml", **_RESULTS),
    "hf-eval-results": TableWriter(_hf_eval_results, "yaml", "application/yaml", **_RESULTS),
}
FORMATS = tuple(WRITERS)


def formats_for(df: pd.DataFrame) -> tuple[str, ...]:
    """The formats that can write `df` (a papers table has no scores for the results formats)."""
    return tuple(name for name, writer in WRITERS.items() if writer.can_write(df))


def writer_for(fmt: str) -> TableWriter:
    try:
        return WRITERS[fmt]
    except KeyError:
        raise UnknownFormatError(
            f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}"
        ) from None


def write_table(df: pd.DataFrame, path_or_buffer: str | IO | None, fmt: str = "csv") -> None:
    """Write `df` to a path or an open file in `fmt` (one of `FORMATS`)."""
    writer_for(fmt).write(df, path_or_buffer)


def to_bytes(df: pd.DataFrame, fmt: str = "csv") -> bytes:
    """The export as bytes (text as UTF-8), e.g. for a download button."""
    writer = writer_for(fmt)
    if writer.binary:
        binary = io.BytesIO()
        writer.write(df, binary)
        return binary.getvalue()
    text = io.StringIO()
    writer.write(df, text)
    return text.getvalue().encode("utf-8")


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """The CSV export as UTF-8 bytes."""
    return to_bytes(df, "csv")
