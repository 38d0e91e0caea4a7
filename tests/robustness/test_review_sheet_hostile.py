"""The review spreadsheet as a hostile tester (or Excel in another locale) hands it back.

Every case goes through `leaderboard import-review` on SQLite and PostgreSQL:
a file that is fine is applied, a file with a problem gets one `error:
FILE:ROW: ...` line per problem (at most 50 per file, then a count) and
changes nothing, never a traceback.
"""

from __future__ import annotations

import csv
import io

import pytest
from review_helpers import store
from robust_support import canonical_dump
from sqlalchemy import select
from sqlalchemy.orm import Session

from leaderboard.cli import app
from leaderboard.db import ClaimRow, open_database
from leaderboard.review import export_review_csv


@pytest.fixture
def db(db_url):
    engine = open_database(db_url)  # migrated, with the shipped registry, as every command does
    with Session(engine) as session:
        store(session)  # claims 1: 91.1, 2: 88.0, 3: 45.2
        buffer = io.StringIO()
        export_review_csv(session, buffer)
    engine.dispose()
    return db_url, list(csv.DictReader(io.StringIO(buffer.getvalue().lstrip("\ufeff"))))


def write(path, header: list[str], rows: list[list[str]], delimiter=",", encoding="utf-8-sig") -> None:
    with open(path, "w", encoding=encoding, newline="") as out:
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)


def sheet(rows: list[dict]) -> tuple[list[str], list[list[str]]]:
    header = list(rows[0])
    return header, [[row[name] for name in header] for row in rows]


def import_review(runner, db_url, path="review.csv"):
    return runner.invoke(app, ["import-review", path, "-r", "ann", "--db", db_url])


def stored(db_url) -> dict[int, tuple]:
    engine = open_database(db_url, migrate=False)
    with Session(engine) as session:
        found = {c.id: (c.status, c.model, c.value, c.version) for c in session.scalars(select(ClaimRow))}
    engine.dispose()
    return found


def refused(runner, db_url, lines: list[str]) -> None:
    before = canonical_dump(db_url)
    result = import_review(runner, db_url)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines() == lines
    assert canonical_dump(db_url) == before


def test_a_german_excel_file_is_read(runner, db):
    """Semicolons, decimal commas (in editable and read-only number columns), Windows-1252, CRLF."""
    db_url, rows = db
    german = [{**row} for row in rows]
    for row in german:
        for name in ("value", "value_high", "baseline_value", "confidence"):
            row[name] = row[name].replace(".", ",")
    german[0] |= {"value": "91,5", "model": "Föö-Modell"}
    german[1] |= {"status": "accepted"}
    write("review.csv", *sheet(german), delimiter=";", encoding="cp1252")
    result = import_review(runner, db_url)
    # The summary is a message: stderr, as every command's (data alone goes to stdout).
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == (
        "review.csv: 3 row(s): 1 accepted, 0 rejected, 1 corrected, 1 unchanged; 4 change(s) logged\n"
    )
    assert stored(db_url) == {
        1: ("corrected", "Föö-Modell", 91.5, 2),
        2: ("accepted", "ResNet", 88.0, 2),
        3: ("extracted", "Foo", 45.2, 1),
    }


@pytest.mark.parametrize(
    ("column", "edited"),
    [("rule", "my_rule"), ("confidence", "0.99"), ("paper_id", "2401.99999"), ("evidence", "Made up.")],
)
def test_every_read_only_column_is_refused_when_changed(runner, db, column, edited):
    db_url, rows = db
    rows[1] |= {column: edited, "status": "accepted"}
    write("review.csv", *sheet(rows))
    refused(
        runner,
        db_url,
        [f"error: review.csv:3: {column} is read-only (changed)", "nothing changed: 1 problem(s)"],
    )


def test_a_duplicated_column_is_refused(runner, db):
    """With `model` twice, an edit in either copy would be dropped silently."""
    db_url, rows = db
    header, cells = sheet(rows)
    header.append("model")
    for row in cells:
        row.append(row[header.index("model")])
    cells[0][header.index("model")] = "Edited in the first copy"
    write("review.csv", header, cells)
    where = f"columns {header.index('model') + 1}, {len(header)}"
    refused(
        runner,
        db_url,
        [
            f"error: review.csv:1: column 'model' appears more than once ({where})",
            "nothing changed: 1 problem(s)",
        ],
    )


def test_a_nul_character_is_refused_on_every_database(runner, db):
    db_url, rows = db
    rows[0] |= {"model": "Foo\0Bar"}
    write("review.csv", *sheet(rows))
    refused(
        runner,
        db_url,
        [
            "error: review.csv:2: a NUL character in column 'model'; no database field may hold one",
            "nothing changed: 1 problem(s)",
        ],
    )


@pytest.mark.parametrize("size", [40_000, 17 * 2**20], ids=["40k", "17MB"])
def test_an_oversized_cell_is_refused(runner, db, size):
    db_url, rows = db
    rows[1] |= {"model": "x" * size}
    write("review.csv", *sheet(rows))
    refused(
        runner,
        db_url,
        [
            "error: review.csv:3: a cell longer than 32,767 characters, more than a spreadsheet cell holds",
            "nothing changed: 1 problem(s)",
        ],
    )


def test_a_long_name_is_refused_alike_on_both_databases(runner, db):
    db_url, rows = db
    rows[0] |= {"model": "M" * 501}
    write("review.csv", *sheet(rows))
    refused(
        runner,
        db_url,
        ["error: review.csv:2: model of 501 characters (at most 500)", "nothing changed: 1 problem(s)"],
    )


def test_ids_and_versions_past_any_integer_are_refused(runner, db):
    db_url, rows = db
    huge = str(2**64)
    rows[0] |= {"id": huge}
    rows[1] |= {"version": huge, "status": "accepted"}
    rows[2] |= {"id": "9" * 5000}
    write("review.csv", *sheet(rows))
    before = canonical_dump(db_url)
    result = import_review(runner, db_url)
    lines = result.stderr.splitlines()
    assert (result.exit_code, len(lines)) == (1, 4)
    assert lines[0] == f"error: review.csv:2: no claim with id '{huge}'"
    assert lines[1].startswith("error: review.csv:3: claim 2 was changed after you read version 0 ")
    cut = "9" * 55
    assert lines[2] == f"error: review.csv:4: no claim with id '{cut}...' (5,000 characters)"
    assert lines[3] == "nothing changed: 3 problem(s)"
    assert canonical_dump(db_url) == before


def test_error_lines_stop_at_fifty_per_file(runner, db):
    db_url, rows = db
    header, cells = sheet(rows)
    write("review.csv", header, cells * 10_000)  # every claim 10,000 times: 29,997 repeats
    before = canonical_dump(db_url)
    result = import_review(runner, db_url)
    lines = result.stderr.splitlines()
    assert result.exit_code == 1
    assert lines[:2] == [
        "error: review.csv:5: claim 1 is already on row 2",
        "error: review.csv:6: claim 2 is already on row 3",
    ]
    assert len(lines) == 52
    assert lines[50:] == [
        "error: review.csv: 29,947 more errors not shown (29,997 in all)",
        "nothing changed: 29,997 problem(s)",
    ]
    assert canonical_dump(db_url) == before
