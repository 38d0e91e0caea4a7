"""The review commands and the spreadsheet round trip, as a user runs them."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from review_helpers import store
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from leaderboard import queries, review
from leaderboard.cli import app
from leaderboard.db import AuditEntry, ClaimRow, make_engine, upgrade_to_head


@pytest.fixture
def db(db_url):
    """The test database, migrated, with the helper paper (claims 1: 91.1, 2: 88.0, 3: 45.2)."""
    engine = make_engine(db_url)
    upgrade_to_head(engine)
    with Session(engine) as session:
        assert store(session) == {91.1: 1, 88.0: 2, 45.2: 3}
    yield db_url, engine
    engine.dispose()


def run(runner, db_url, *args):
    return runner.invoke(app, [*args, "--db", db_url])


def claims(engine) -> dict[int, ClaimRow]:
    with Session(engine) as session:
        return {row.id: row for row in session.scalars(select(ClaimRow))}


def audit_count(engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(AuditEntry))


def test_accept_edit_history_revert(runner, db):
    db_url, engine = db
    result = run(runner, db_url, "review", "accept", "1", "2", "-r", "ann", "--reason", "checked")
    assert (result.exit_code, result.output) == (0, "accepted 2 claim(s); logged #1, #2\n")
    result = run(
        runner,
        db_url,
        "review",
        "edit",
        "3",
        "--metric",
        "box AP",
        "--unit",
        "%",
        "--version",
        "1",
        "-r",
        "bob",
    )
    assert (result.exit_code, result.output) == (0, "claim 3: 3 change(s) logged #3, #4, #5\n")
    result = run(runner, db_url, "revert", "3", "-r", "ann")
    assert (result.exit_code, result.output) == (0, "reverted #3; logged #6\n")
    result = run(runner, db_url, "history", "3")
    lines = [line.split("  ", 2)[2] for line in result.output.splitlines()]  # drop number and time
    assert lines == [
        'bob  edit metric: "AP" -> "box AP"',
        'bob  edit unit: (none) -> "%"',
        'bob  status: "extracted" -> "corrected"',
        'ann  revert metric: "box AP" -> "AP"  (reverts #3; reason: revert of #3)',
    ]
    assert (claims(engine)[3].metric, claims(engine)[3].version) == ("AP", 3)


def test_refusals_are_one_error_line_and_change_nothing(runner, db, monkeypatch):
    db_url, engine = db
    monkeypatch.delenv("LEADERBOARD_REVIEWER", raising=False)
    for args, message in [
        (
            ("review", "accept", "1"),
            "error: a reviewer name is required: --reviewer NAME or $LEADERBOARD_REVIEWER",
        ),
        (("review", "accept", "1", "99", "-r", "ann"), "error: no claim with id 99"),
        (("review", "edit", "1", "--value", "x", "-r", "ann"), "error: value must be a number, not 'x'"),
        (
            ("review", "edit", "1", "--kind", "delta", "--version", "7", "-r", "ann"),
            "error: claim 1 was changed after you read version 7 (now version 1; re-extracted at",
        ),
        (("revert", "5", "-r", "ann"), "error: no change with id 5"),
        (("history", "9"), "error: no claim with id 9"),
    ]:
        result = run(runner, db_url, *args)
        assert result.exit_code == 1, args
        assert result.output.splitlines()[0].startswith(message), result.output
    assert {c.version for c in claims(engine).values()} == {1}  # the accept of 1 and 99 wrote nothing
    assert audit_count(engine) == 0


def test_reviewer_from_the_environment(runner, db, monkeypatch):
    db_url, engine = db
    monkeypatch.setenv("LEADERBOARD_REVIEWER", "env-ann")
    assert run(runner, db_url, "review", "reject", "2").exit_code == 0
    with Session(engine) as session:
        assert [e.reviewer for e in review.history(session, 2)] == ["env-ann"]


def test_add_claim(runner, db):
    db_url, engine = db
    result = run(
        runner,
        db_url,
        "review",
        "add",
        "2401.00001",
        "--evidence",
        "On COCO it scores 45.2 AP.",
        "--value",
        "45.2",
        "--kind",
        "delta",
        "--metric",
        "AP",
        "-r",
        "ann",
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("added claim 4 to paper 2401.00001 at [")
    assert (claims(engine)[4].origin, claims(engine)[4].status) == ("manual", "accepted")


def test_queue_lists_most_doubtful_first(runner, db):
    db_url, engine = db
    with Session(engine) as session:
        session.get(ClaimRow, 3).confidence = 0.1
        session.commit()
    result = run(runner, db_url, "review", "queue", "--limit", "2")
    assert result.exit_code == 0
    ids = [line.split("│")[1].strip() for line in result.output.splitlines() if line.startswith("│")]
    assert ids == ["3", "1"]


def export(engine) -> str:
    with Session(engine) as session:
        review.export_review_csv(session, "exported.csv")  # the runner works in a tmp folder
    with open("exported.csv", encoding="utf-8", newline="") as handle:
        return handle.read()


def write(path, rows: list[dict], delimiter=",", encoding="utf-8") -> None:
    with open(path, "w", newline="", encoding=encoding) as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)


def test_import_with_bad_rows_changes_nothing_and_names_each(runner, db):
    db_url, engine = db
    rows = list(csv.DictReader(io.StringIO(export(engine).lstrip("\ufeff"))))
    rows[0] |= {"status": "accepted"}  # fine on its own
    rows[1] |= {"status": "maybe"}
    rows[2] |= {"value": "4five", "version": "1"}
    rows.append(dict(rows[0]) | {"id": "77"})
    rows.append(dict(rows[0]) | {"id": "1"})
    write("review.csv", rows)
    result = run(runner, db_url, "import-review", "review.csv", "-r", "ann")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "error: review.csv:3: status must be one of accepted, rejected, corrected, not 'maybe'",
        "error: review.csv:4: value must be a number, not '4five'",
        "error: review.csv:5: no claim with id '77'",
        "error: review.csv:6: claim 1 is already on row 2",
        "nothing changed: 4 problem(s)",
    ]
    assert audit_count(engine) == 0
    assert {c.status for c in claims(engine).values()} == {"extracted"}


def test_import_with_one_bad_row_changes_nothing(runner, db):
    db_url, engine = db
    rows = list(csv.DictReader(io.StringIO(export(engine).lstrip("\ufeff"))))
    rows[0] |= {"status": "accepted"}
    rows[1] |= {"kind": "guess"}
    rows[2] |= {"metric": "box AP"}
    write("review.csv", rows)
    result = run(runner, db_url, "import-review", "review.csv", "-r", "ann")
    assert (result.exit_code, result.output) == (
        1,
        "error: review.csv:3: kind must be one of score, delta, efficiency, not 'guess'\n"
        "nothing changed: 1 problem(s)\n",
    )
    assert [(c.status, c.metric, c.version) for c in claims(engine).values()] == [
        ("extracted", "accuracy", 1),
        ("extracted", "accuracy", 1),
        ("extracted", "AP", 1),
    ]
    assert audit_count(engine) == 0


def test_import_refuses_a_stale_row(runner, db):
    db_url, engine = db
    rows = list(csv.DictReader(io.StringIO(export(engine).lstrip("\ufeff"))))
    assert run(runner, db_url, "review", "reject", "1", "-r", "bob").exit_code == 0
    rows[0]["status"] = "accepted"
    write("review.csv", rows)
    result = run(runner, db_url, "import-review", "review.csv", "-r", "ann")
    assert result.exit_code == 1
    assert (
        "error: review.csv:2: claim 1 was changed after you read version 1 (now version 2; " in result.output
    )
    assert "last change #1 by bob" in result.output
    assert claims(engine)[1].status == "rejected"


def test_excel_round_trip(runner, db):
    """Semicolons, a BOM, a formula-like cell and unchanged rows: only real edits are applied."""
    db_url, engine = db
    with Session(engine) as session:
        review.edit(session, 2, {"model": "=cmd|' /C calc'!A0"}, "ann", 1)
        session.commit()
    exported = export(engine)
    assert exported.startswith("\ufeffid,version,paper_id,status,model,")
    assert "'=cmd|' /C calc'!A0" in exported
    rows = list(csv.DictReader(io.StringIO(exported.lstrip("\ufeff"))))
    rows[0] |= {"status": "Rejected", "reason": "not a result"}
    rows[2] |= {"benchmark": "MS COCO", "value": "45.20"}
    write("review.csv", rows, delimiter=";", encoding="utf-8-sig")
    result = run(runner, db_url, "import-review", "review.csv", "-r", "cy")
    assert (result.exit_code, result.output) == (
        0,
        "review.csv: 3 row(s): 0 accepted, 1 rejected, 1 corrected, 1 unchanged; 3 change(s) logged\n",
    )
    found = claims(engine)
    assert (found[1].status, found[2].model, found[2].version, found[3].benchmark, found[3].status) == (
        "rejected",
        "=cmd|' /C calc'!A0",
        2,
        "MS COCO",
        "corrected",
    )
    with Session(engine) as session:
        assert review.history(session, 1)[0].reason == "not a result"
        # The edited benchmark name resolved to its entity, as an edit through the CLI would.
        assert found[3].benchmark_id == queries.find_entity(session, "benchmark", "MS COCO").id


def test_export_review_then_import_through_the_cli(runner, db):
    db_url, engine = db
    result = run(runner, db_url, "export", "--review", "-o", "sheet.csv", "--rule", "score_on")
    assert (result.exit_code, result.output) == (0, "wrote 2 claim(s) to sheet.csv\n")
    with open("sheet.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["id"], r["version"], r["status"]) for r in rows] == [
        ("1", "1", "extracted"),
        ("3", "1", "extracted"),
    ]
    rows[1]["condition"] = "val"
    write("sheet.csv", rows)
    result = run(runner, db_url, "import-review", "sheet.csv", "-r", "ann")
    assert result.output == (
        "sheet.csv: 2 row(s): 0 accepted, 0 rejected, 1 corrected, 1 unchanged; 2 change(s) logged\n"
    )
    assert (claims(engine)[3].condition, claims(engine)[3].status) == ("val", "corrected")
    printed = run(runner, db_url, "export", "--review", "--status", "corrected")
    assert printed.output.splitlines()[0].startswith(
        "id,version,paper_id,status,model,benchmark,metric,value,"
    )
    assert printed.output.splitlines()[1].startswith("3,2,2401.00001,corrected,Foo,COCO,AP,45.2,")


def models(shown: str) -> list[str]:
    """The model column of `leaderboard show` tables."""
    return [line.split("│")[2].strip() for line in shown.splitlines() if line.startswith("│")]


def test_show_as_of(runner, db):
    db_url, engine = db
    assert run(runner, db_url, "review", "reject", "1", "-r", "ann").exit_code == 0
    today = run(runner, db_url, "show", "ImageNet", "--metric", "accuracy")
    before = run(runner, db_url, "show", "ImageNet", "--metric", "accuracy", "--as-of", "2999-01-01T00:00")
    assert today.output == before.output
    assert models(today.output) == ["ResNet"]
    with Session(engine) as session:  # the claims existed since January
        session.execute(update(ClaimRow).values(created_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)))
        session.execute(update(AuditEntry).values(at=dt.datetime(2026, 2, 1, tzinfo=dt.UTC)))
        session.commit()
    january = run(runner, db_url, "show", "ImageNet", "--metric", "accuracy", "--as-of", "2026-01-15")
    assert january.exit_code == 0
    assert models(january.output) == ["Foo", "ResNet"]
    bad = run(runner, db_url, "show", "ImageNet", "--as-of", "soon")
    assert (bad.exit_code, bad.output) == (
        1,
        "error: not a date or time: 'soon' (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)\n",
    )
