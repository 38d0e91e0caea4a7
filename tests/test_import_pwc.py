"""`leaderboard import-pwc`: Papers-with-Code evaluation tables become imported claims, once.

The fixture tests/data/pwc/tables.json holds each shape the real files have (percent, bold,
error bars, dashes, sizes, text cells, subdatasets, subtasks, rows citing no paper); the last
test runs every file of ../shared/pwc when it is there.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from leaderboard.cli import app
from leaderboard.cli.common import open_database
from leaderboard.db import make_engine, make_sessionmaker
from leaderboard.db.models import ClaimRow, Paper, PaperSource
from leaderboard.imports import read_pwc, store_imported
from leaderboard.imports.values import NotAScore, read_cell
from leaderboard.store.papers import store_papers

DATA = Path(__file__).parent / "data" / "pwc"
TABLES = DATA / "tables.json"
SHARED_PWC = Path(__file__).resolve().parents[2] / "shared" / "pwc"

CELLS = [
    pytest.param("93.2%", (93.2, "%"), id="percent"),
    pytest.param("**70.3**", (70.3, None), id="bold"),
    pytest.param("0.7482 ± 0.0015", (0.7482, None), id="error-bar"),
    pytest.param("0.25±0.005", (0.25, None), id="error-bar-tight"),
    pytest.param("39.9+", (39.9, None), id="footnote-mark"),
    pytest.param("1,024.5", (1024.5, None), id="thousands"),
    pytest.param(81.3, (81.3, None), id="json-number"),
    pytest.param("-", None, id="dash"),
    pytest.param("--*", None, id="dashes-with-mark"),
    pytest.param("–", None, id="en-dash"),
    pytest.param("n/a", None, id="n/a"),
    pytest.param("", None, id="empty"),
    pytest.param("24M", None, id="size"),
    pytest.param("220k", None, id="size-lower"),
]
NOT_SCORES = ["Please tell us", "(16.97 15.58)", "78.6/84.4", "43B?", True]


@pytest.mark.parametrize(("raw", "expected"), CELLS)
def test_a_cell_reads_as_its_number(raw, expected):
    cell = read_cell(raw)
    assert (None if cell is None else (cell.value, cell.unit)) == expected


@pytest.mark.parametrize("raw", NOT_SCORES)
def test_text_in_a_cell_is_no_score(raw):
    with pytest.raises(NotAScore):
        read_cell(raw)


def invoke(runner, db_url, *args):
    return runner.invoke(app, [*args, "--db", db_url])


def counts(db_url: str) -> tuple[int, int, int]:
    engine = create_engine(db_url)
    try:
        with Session(engine) as session:
            return tuple(
                session.scalar(select(func.count()).select_from(t)) for t in (Paper, ClaimRow, PaperSource)
            )
    finally:
        engine.dispose()


def imported_claims(db_url: str) -> list[tuple]:
    engine = create_engine(db_url)
    try:
        with Session(engine) as session:
            query = select(
                ClaimRow.paper_id,
                ClaimRow.model,
                ClaimRow.benchmark,
                ClaimRow.metric,
                ClaimRow.value,
                ClaimRow.unit,
                ClaimRow.condition,
                ClaimRow.origin,
                ClaimRow.provenance,
            ).order_by(ClaimRow.provenance)
            return [tuple(row) for row in session.execute(query)]
    finally:
        engine.dispose()


def test_import_stores_each_value_once_with_its_paper_and_provenance(runner, db_url):
    result = invoke(runner, db_url, "import-pwc", str(TABLES))
    assert result.exit_code == 1  # one unreadable cell is reported
    assert result.stderr == (
        f'error: {TABLES}: $[0].datasets[0].sota.rows[4].metrics["EM"]: '
        "cannot read 'Please tell us' as a score\n"
    )
    assert result.stdout == (
        f"{TABLES}: 7 rows; papers: 4 new, 0 seen; claims: 7 stored, 0 already stored; "
        "left out: 3 empty cells, 1 unreadable, 1 rows naming neither model nor paper\n"
    )
    claims = imported_claims(db_url)
    by_value = {(c[1], c[3], c[4]): c for c in claims}
    # arXiv links in either shape name one paper; the citation is cut from the model name.
    em = by_value[("Reader-L", "EM", 88.5)]
    assert em[0] == "1901.00001" and em[5] == "%" and em[7] == "imported"
    assert em[8] == f'{TABLES}: $[0].datasets[0].sota.rows[0].metrics["EM"]'
    assert by_value[("Reader-L", "EM", 71.5)][0] == "1901.00001"
    assert by_value[("Reader-L", "EM", 71.5)][6] == "Medical partition"
    assert by_value[("Reader-X", "F1", 0.7482)][5] is None
    # A title spelled with other spacing is the same paper; a row citing no paper gets the table.
    assert by_value[("Reader-S", "Accuracy", 41.0)][0] == by_value[("Reader-S", "EM", 81.0)][0]
    assert by_value[("Anon submission", "EM", 79.9)][0].startswith("h-")
    assert len(claims) == 7


def test_importing_again_changes_nothing(runner, db_url):
    invoke(runner, db_url, "import-pwc", str(TABLES))
    before = counts(db_url), imported_claims(db_url)
    result = invoke(runner, db_url, "import-pwc", str(TABLES))
    assert "papers: 0 new, 4 seen; claims: 0 stored, 7 already stored" in result.stdout
    assert (counts(db_url), imported_claims(db_url)) == before


def test_show_ranks_imported_claims(runner, db_url):
    invoke(runner, db_url, "import-pwc", str(TABLES))
    result = invoke(
        runner, db_url, "export", "--benchmark", "Tiny QA", "--metric", "EM", "--condition", "none"
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split(",")[1:4] for line in lines[1:]] == [
        ["1", "Reader-L", "88.5"],
        ["2", "Reader-S", "81.0"],
        ["3", "Anon submission", "79.9"],
    ]


def test_a_file_that_is_not_json_is_one_error_line_and_stores_nothing(runner, db_url):
    bad = DATA / "truncated.json"
    result = invoke(runner, db_url, "import-pwc", str(bad), str(TABLES))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"error: {bad}:4: not JSON: Expecting value"
    assert counts(db_url)[1] == 7  # the other file still went in


def test_a_hand_edited_file_with_trailing_commas_is_read(runner, db_url):
    # The layout's own example file (example_json_format.json) carries such a comma.
    result = invoke(runner, db_url, "import-pwc", str(DATA / "trailing_comma.json"))
    assert result.exit_code == 0, result.output
    assert [c[1:5] for c in imported_claims(db_url)] == [("CRF-ASN", "Switchboard corpus", "accuracy", 81.3)]


def test_an_ingested_paper_keeps_its_extracted_claims(runner, db_url, tmp_path):
    abstracts = tmp_path / "papers.jsonl"
    abstracts.write_text(
        '{"id": "1901.00001", "title": "Large Readers Read Well", "abstract": '
        '"Reader-L reaches 88.5% EM on Tiny QA, above all earlier readers."}\n'
    )
    assert invoke(runner, db_url, "ingest", str(abstracts)).exit_code == 0
    extracted = counts(db_url)[1]
    assert extracted == 1
    invoke(runner, db_url, "import-pwc", str(TABLES))
    claims = imported_claims(db_url)
    assert sum(1 for c in claims if c[7] == "extractor") == extracted
    engine = create_engine(db_url)
    with Session(engine) as session:
        statuses = set(session.scalars(select(ClaimRow.status).where(ClaimRow.origin == "extractor")))
    engine.dispose()
    assert statuses == {"extracted"}


@pytest.mark.slow
@pytest.mark.skipif(not SHARED_PWC.is_dir(), reason="../shared/pwc is not beside the checkout")
def test_every_shared_file_imports_once_and_ranks(runner, db_url):
    files = sorted(str(p) for p in SHARED_PWC.glob("*.json"))
    first = invoke(runner, db_url, "import-pwc", *files)
    assert "not JSON" not in first.stderr  # example_json_format.json's trailing comma is read
    assert len(first.stdout.splitlines()) == len(files)
    stored = counts(db_url)
    assert stored[1] > 5000
    again = invoke(runner, db_url, "import-pwc", *files)
    assert " 0 stored" in again.stdout and "new" in again.stdout
    assert all("claims: 0 stored" in line for line in again.stdout.splitlines())
    assert counts(db_url) == stored
    result = invoke(runner, db_url, "show", "SQuAD v1.1", "--metric", "F1")
    assert result.exit_code == 0, result.output
    assert "│ 1  │" in result.stdout and "│ 2  │" in result.stdout


@pytest.mark.slow
def test_two_imports_at_once_store_each_claim_once(runner, db_url):
    with open_database(db_url):  # the schema and registry, as every command sets them up
        pass
    read = read_pwc(TABLES)
    # The papers are stored already (ingested, say): nothing else makes the imports wait.
    papers = list({r.paper.content_hash: r.paper for r in read.results}.values())
    engine = make_engine(db_url)
    with make_sessionmaker(engine)() as session:
        store_papers(session, [(paper, []) for paper in papers])
        session.commit()
    engine.dispose()
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def run() -> None:
        engine = make_engine(db_url)
        try:
            with make_sessionmaker(engine)() as session:
                start.wait()
                store_imported(session, read.results)
                session.commit()
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert counts(db_url) == (4, 7, 4)


def test_a_folder_imports_its_json_files(runner, db_url):
    result = invoke(runner, db_url, "import-pwc", str(DATA))
    assert result.exit_code == 1  # truncated.json and the unreadable cell of tables.json
    assert len(result.stdout.splitlines()) == 2  # tables.json and trailing_comma.json went in
    assert counts(db_url)[1] == 8
