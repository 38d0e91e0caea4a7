"""`leaderboard ingest`: one transaction per file, idempotent, clean errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import said
from sqlalchemy import create_engine, func, select

import leaderboard.store.batch
from leaderboard.cli import app
from leaderboard.db import Base, Paper, PaperSource
from leaderboard.records import Claim

SEED = Path(__file__).resolve().parents[1] / "seed"

# Abstracts without digits give no claims, so the summary line can be exact
# whatever the extractor finds.
PAPER_A = {"id": "p-a", "title": "Alpha", "abstract": "We study alpha transfer between tasks."}
PAPER_B = {"id": "p-b", "title": "Beta", "abstract": "We study beta transfer between models."}
PAPER_C = {"id": "p-c", "title": "Gamma", "abstract": "We study gamma transfer between languages."}


def write_jsonl(path: Path, *rows: dict | str) -> str:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows))
    return str(path)


def dump(db_url: str) -> dict[str, list[tuple]]:
    """Every row of every table, in key order: compares whole databases."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return {
                table.name: conn.execute(select(table).order_by(*table.primary_key.columns)).all()
                for table in Base.metadata.sorted_tables
            }
    finally:
        engine.dispose()


def count(db_url: str, model) -> int:
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(model))
    finally:
        engine.dispose()


def test_seed_folder_goes_in_once_and_a_rerun_changes_nothing(runner, db_url):
    first = runner.invoke(app, ["ingest", str(SEED), "--db", db_url])
    assert first.exit_code == 0, first.output
    # 442 papers are read; 9 of them repeat an abstract seen in another file
    # (e.g. the Gemini 1.5 report is in three), so 433 distinct papers.
    assert said(first)[0].startswith("files: 5 ok, 0 failed; papers: 442 read, 433 new, 9 seen; claims: ")
    assert (count(db_url, Paper), count(db_url, PaperSource)) == (433, 442)
    before = dump(db_url)
    formats = {(Path(row.source).name[:3], row.format) for row in before["paper_sources"]}
    assert formats == {
        ("000", "arxiv-listing"),
        ("001", "abstracts"),
        ("002", "abstracts"),
        ("003", "daily-page"),
        ("004", "daily-page"),
    }

    second = runner.invoke(app, ["ingest", str(SEED), "--db", db_url])
    assert (second.exit_code, said(second)[0]) == (
        0,
        "files: 5 ok, 0 failed; papers: 442 read, 0 new, 442 seen; claims: 0 stored\n",
    )
    assert dump(db_url) == before


def test_the_same_folder_named_another_way_changes_nothing(runner, db_url, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_jsonl(corpus / "a.jsonl", PAPER_A, PAPER_B)
    runner.invoke(app, ["ingest", "corpus", "--db", db_url])
    before = dump(db_url)
    result = runner.invoke(app, ["ingest", "./corpus/", "--db", db_url])
    assert said(result)[0] == "files: 1 ok, 0 failed; papers: 2 read, 0 new, 2 seen; claims: 0 stored\n"
    assert dump(db_url) == before


def test_same_paper_from_two_sources_is_stored_once(runner, db_url, tmp_path):
    a = write_jsonl(tmp_path / "a.jsonl", PAPER_A, PAPER_B)
    b = write_jsonl(tmp_path / "b.jsonl", PAPER_C, {**PAPER_A, "id": None, "title": None})
    result = runner.invoke(app, ["ingest", a, b, "--db", db_url])
    assert (result.exit_code, *said(result)) == (
        0,
        "files: 2 ok, 0 failed; papers: 4 read, 3 new, 1 seen; claims: 0 stored\n",
        "",
    )
    sources = sorted(
        (row.paper_id, row.source, row.line, row.format) for row in dump(db_url)["paper_sources"]
    )
    assert sources == [
        ("p-a", a, 1, "jsonl"),
        ("p-a", b, 2, "jsonl"),
        ("p-b", a, 2, "jsonl"),
        ("p-c", b, 1, "jsonl"),
    ]


def test_bad_file_is_rolled_back_and_the_others_go_in(runner, db_url, tmp_path):
    good1 = write_jsonl(tmp_path / "1-good.jsonl", PAPER_A)
    bad = write_jsonl(tmp_path / "2-bad.jsonl", PAPER_B, PAPER_C, '{"id": "p-d", "abstract": ')
    good2 = write_jsonl(tmp_path / "3-good.jsonl", {**PAPER_C, "id": "p-e", "abstract": "Other text."})
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", db_url])

    assert result.exit_code == 1
    assert said(result)[0] == "files: 2 ok, 1 failed; papers: 2 read, 2 new, 0 seen; claims: 0 stored\n"
    error_lines = said(result)[1].splitlines()
    assert len(error_lines) == 1 and error_lines[0].startswith(f"error: {bad}:3: ")
    tables = dump(db_url)
    assert sorted(row.id for row in tables["papers"]) == ["p-a", "p-e"]
    assert {row.source for row in tables["paper_sources"]} == {good1, good2}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        # Carriage returns and NUL bytes together once broke format detection with a traceback.
        pytest.param(
            "blob.dat", bytes(range(256)) * 4, "binary file (NUL bytes), not UTF-8 text", id="binary"
        ),
        pytest.param(
            "old.txt",
            "Abstract:Caf\xe9 reaches 91.2% on X.\n".encode("latin-1"),
            "not UTF-8 text (byte 0xe9); re-encode the file as UTF-8",
            id="latin-1",
        ),
        pytest.param("empty.txt", b"", "empty file", id="empty"),
        pytest.param(
            "t.csv",
            b"title,summary\nA,B\n",
            "CSV has no 'abstract' column (columns: title, summary)",
            id="csv-without-abstract",
        ),
    ],
)
def test_unreadable_file_in_a_folder_is_one_line(runner, db_url, tmp_path, name, content, message):
    write_jsonl(tmp_path / "good.jsonl", PAPER_A)
    (tmp_path / name).write_bytes(content)
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", db_url])

    assert result.exit_code == 1
    assert said(result)[0] == "files: 1 ok, 1 failed; papers: 1 read, 1 new, 0 seen; claims: 0 stored\n"
    [error] = said(result)[1].splitlines()
    assert error.startswith(f"error: {tmp_path / name}") and error.endswith(message)
    assert [row.id for row in dump(db_url)["papers"]] == ["p-a"]


def test_missing_path_is_one_failed_input(runner, db_url, tmp_path):
    good = write_jsonl(tmp_path / "good.jsonl", PAPER_A)
    result = runner.invoke(app, ["ingest", "nope.jsonl", good, "--db", db_url])
    assert (result.exit_code, *said(result)) == (
        1,
        "files: 1 ok, 1 failed; papers: 1 read, 1 new, 0 seen; claims: 0 stored\n",
        "error: nope.jsonl: no such file or directory\n",
    )


def test_stdin(runner, db_url):
    result = runner.invoke(
        app, ["ingest", "-", "--format", "jsonl", "--db", db_url], input=json.dumps(PAPER_A)
    )
    assert (result.exit_code, said(result)[0]) == (
        0,
        "files: 1 ok, 0 failed; papers: 1 read, 1 new, 0 seen; claims: 0 stored\n",
    )
    assert [(row.source, row.format) for row in dump(db_url)["paper_sources"]] == [("-", "jsonl")]


def test_default_database_is_a_file_in_the_working_folder(runner, tmp_path):
    good = write_jsonl(tmp_path / "good.jsonl", PAPER_A)
    assert runner.invoke(app, ["ingest", good]).exit_code == 0
    assert count(f"sqlite:///{tmp_path / 'leaderboard.db'}", Paper) == 1


@pytest.mark.parametrize(
    ("url", "message"),
    [
        pytest.param(
            "nosuch://x",
            "error: database nosuch://x: Can't load plugin: sqlalchemy.dialects:nosuch",
            id="unknown-dialect",
        ),
        pytest.param(
            "not a url",
            "error: database not a url: Could not parse SQLAlchemy URL from given URL string",
            id="unparseable",
        ),
        pytest.param(
            "sqlite:////no/such/folder/x.db",
            "error: database sqlite:////no/such/folder/x.db: unable to open database file",
            id="sqlite-bad-folder",
        ),
        pytest.param(
            "postgresql://nobody:secret@127.0.0.1:1/x",
            "error: database postgresql+psycopg://nobody:***@127.0.0.1:1/x: connection failed: ",
            id="pg-refused",
        ),
    ],
)
def test_bad_database_url_is_one_line(runner, tmp_path, url, message):
    good = write_jsonl(tmp_path / "good.jsonl", PAPER_A)
    result = runner.invoke(app, ["ingest", good, "--db", url])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith(message)
    assert len(result.stderr.splitlines()) == 1, result.stderr


def test_jobs_store_the_same_rows(runner, db_url, tmp_path):
    write_jsonl(tmp_path / "a.jsonl", PAPER_A, PAPER_B)
    write_jsonl(tmp_path / "b.jsonl", PAPER_C, PAPER_A)
    result = runner.invoke(app, ["ingest", str(tmp_path), "--jobs", "2", "--db", db_url])
    assert (result.exit_code, said(result)[0]) == (
        0,
        "files: 2 ok, 0 failed; papers: 4 read, 3 new, 1 seen; claims: 0 stored\n",
    )


def test_database_error_mid_file_rolls_the_file_back(runner, db_url, tmp_path, monkeypatch):
    def bad_claims(abstract, title=None):
        # A kind the CHECK constraint refuses, for the second paper only.
        kind = "bogus" if "beta" in abstract else "score"
        return [Claim(value=1.0, kind=kind, evidence=abstract, span=(0, 1), value_text="1")]

    monkeypatch.setattr(leaderboard.store.batch, "extract_claims", bad_claims)
    # One paper per store batch, so the first paper is written before the second fails.
    monkeypatch.setattr("leaderboard.store.papers.BATCH_SIZE", 1)
    bad = write_jsonl(tmp_path / "a.jsonl", PAPER_A, PAPER_B)
    good = write_jsonl(tmp_path / "c.jsonl", PAPER_C)
    result = runner.invoke(app, ["ingest", bad, good, "--db", db_url])
    assert (result.exit_code, said(result)[0]) == (
        1,
        "files: 1 ok, 1 failed; papers: 1 read, 1 new, 0 seen; claims: 1 stored\n",
    )
    assert result.stderr.startswith(f"error: {bad}: database: ") and "ck_claims_kind" in result.stderr
    assert len(said(result)[1].splitlines()) == 1
    assert [row.id for row in dump(db_url)["papers"]] == ["p-c"]
