"""Every CSV the program writes neutralises formula cells the same way, `extract --format csv` too."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd

from leaderboard.export.claims import ClaimWriter
from leaderboard.export.tables import write_table
from leaderboard.records import Claim

HOSTILE = {"model": "@SUM(A1:A9)", "benchmark": "-2+3", "metric": "=cmd|' /C calc'!A0", "unit": "+1"}


def claim() -> Claim:
    return Claim(
        value=-1.5, kind="delta", evidence="\tWe lose 1.5.", span=(8, 11), value_text="1.5", **HOSTILE
    )


def test_extract_csv_prefixes_every_formula_cell_and_leaves_numbers_alone():
    out = io.StringIO()
    ClaimWriter(out, "csv").write("p-1", [claim()])
    [row] = csv.DictReader(io.StringIO(out.getvalue()))
    assert {name: row[name] for name in HOSTILE} == {name: "'" + text for name, text in HOSTILE.items()}
    assert (row["evidence"], row["value"], row["value_text"]) == ("'\tWe lose 1.5.", "-1.5", "1.5")


def test_extract_jsonl_keeps_text_as_written():
    out = io.StringIO()
    ClaimWriter(out, "jsonl").write("p-1", [claim()])
    record = json.loads(out.getvalue())
    assert {name: record[name] for name in HOSTILE} == HOSTILE


def test_table_export_uses_the_same_rule():
    out = io.StringIO()
    write_table(pd.DataFrame([{**HOSTILE, "score": -1.5}]), out, "csv")
    assert out.getvalue().splitlines() == [
        "model,benchmark,metric,unit,score",
        "'@SUM(A1:A9),'-2+3,'=cmd|' /C calc'!A0,'+1,-1.5",
    ]
