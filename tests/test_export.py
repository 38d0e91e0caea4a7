"""Exports: exact CSV text with formula cells neutralised, and round trips through pandas."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest
from board_support import paper, score, store
from sqlalchemy.orm import Session

from leaderboard import queries
from leaderboard.errors import LeaderboardError
from leaderboard.export.tables import to_bytes, to_csv_bytes, write_table

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def documented_columns(export: str) -> list[str]:
    """The columns the README's 'Export columns' table lists for one export."""
    row = re.search(rf"^\| {re.escape(export)} .*?\| `(.+?)` \|$", README, re.MULTILINE)
    assert row, export
    return row.group(1).split(", ")


def test_csv_neutralises_cells_a_spreadsheet_would_run():
    df = pd.DataFrame(
        {
            "model": ['=HYPERLINK("x")', "+1", "-2+3", "@SUM(A1)", "\tX", "plain - ok", None],
            "score": [1.5, -3.25, 0.0, 2.0, 3.0, 4.0, 5.0],
        }
    )
    assert to_csv_bytes(df).decode("utf-8") == (
        "model,score\n"
        '"\'=HYPERLINK(""x"")",1.5\n'
        "'+1,-3.25\n"
        "'-2+3,0.0\n"
        "'@SUM(A1),2.0\n"
        "'\tX,3.0\n"
        "plain - ok,4.0\n"
        ",5.0\n"
    )


def test_json_and_parquet_keep_text_as_is(tmp_path):
    df = pd.DataFrame({"model": ["=1+1"], "score": [-1.0]})
    buffer = io.StringIO()
    write_table(df, buffer, "json")
    assert pd.read_json(io.StringIO(buffer.getvalue())).to_dict("records") == [
        {"model": "=1+1", "score": -1.0}
    ]
    write_table(df, tmp_path / "t.parquet", "parquet")
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "t.parquet"), df)


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown export format 'xlsx'"):
        write_table(pd.DataFrame(), io.StringIO(), "xlsx")


@pytest.fixture
def session(migrated_engine):
    with Session(migrated_engine) as session:
        store(
            session,
            (
                paper("2601.00001", "Alpha wins", "2026-01-01"),
                [score("Alpha", "COCO", "box AP", 50.0, baseline_model="Beta", baseline_value=48.0)],
            ),
            (paper("2601.00002", "Beta paper", "2026-01-02"), [score("Beta", "COCO", "box AP", 47.0)]),
            (paper("2601.00003", "Beta again", "2026-01-03"), [score("Beta", "COCO", "box AP", 46.0)]),
        )
        yield session


@pytest.mark.parametrize(
    ("export", "build", "columns"),
    [
        (
            "leaderboard (`--benchmark`)",
            lambda s: queries.leaderboard(s, "COCO"),
            queries.LEADERBOARD_COLUMNS,
        ),
        ("claims (`--claims`)", lambda s: queries.claims(s), queries.CLAIM_COLUMNS),
        (
            "disagreements (`--disagreements`)",
            lambda s: queries.disagreements(s),
            queries.DISAGREEMENT_COLUMNS,
        ),
    ],
    ids=["leaderboard", "claims", "disagreements"],
)
def test_exports_round_trip_with_the_documented_columns(session, tmp_path, export, build, columns):
    df = build(session)
    assert list(df.columns) == columns == documented_columns(export)
    for fmt, read in (("csv", pd.read_csv), ("json", pd.read_json), ("parquet", pd.read_parquet)):
        path = tmp_path / f"out.{fmt}"
        write_table(df, path, fmt)
        back = read(path)
        assert list(back.columns) == columns, fmt
        assert len(back) == len(df) > 0, fmt
        assert back["model"].tolist() == df["model"].tolist(), fmt
    if export.startswith("leaderboard"):
        assert back[["model", "score"]].values.tolist() == [["Alpha", 50.0], ["Beta", 47.0]]
        assert back["arxiv_url"].tolist() == [
            "https://arxiv.org/abs/2601.00001",
            "https://arxiv.org/abs/2601.00002",
        ]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "parquet"])
def test_every_writer_gives_back_the_table_it_wrote(fmt):
    df = pd.DataFrame({"model": ["A=1", "B\u00e9"], "score": [80.5, -1.25], "rank": [1, 2]})
    data = to_bytes(df, fmt)
    if fmt == "parquet":
        read = pd.read_parquet(io.BytesIO(data))
    else:
        read = pd.read_json(io.BytesIO(data), orient="records", lines=fmt == "jsonl")
    pd.testing.assert_frame_equal(read, df)
    if fmt == "jsonl":
        assert len(data.decode("utf-8").splitlines()) == len(df)


def test_an_unknown_format_is_a_leaderboard_error_naming_the_choices():
    with pytest.raises(
        LeaderboardError, match="unknown export format 'xlsx'; expected one of csv, json, jsonl"
    ):
        to_bytes(pd.DataFrame({"a": [1]}), "xlsx")
