"""A folder of bad inputs next to good ones: one line per bad file, every good paper stored once.

The bad files are generated here (a 100 MB line is never committed). Each
bad file gets exactly one `error: FILE[:LINE]: ...` line and leaves nothing
behind (a file is one transaction), the exit code is 1, and the good files'
papers are all stored, once, however often the ingest is re-run.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from cli_support import said
from robust_support import start_cli
from sqlalchemy import create_engine, func, select

import leaderboard.cli.papers
from leaderboard.cli import app
from leaderboard.db import Base, Paper

# Abstracts without digits give no claims, so summary lines are exact whatever the extractor finds.
GOOD = [
    {"id": "p-a", "title": "Alpha", "abstract": "We study alpha transfer between tasks."},
    {"id": "p-b", "title": "Beta", "abstract": "We study beta transfer between models."},
]
LINE_100MB = 100 * 2**20


def jsonl(*rows: dict | str) -> bytes:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows).encode()


def write_corpus(folder: Path) -> dict[str, str]:
    """Good and bad files in one folder; returns each bad file's expected error after its path."""
    folder.mkdir()
    (folder / "01-good.jsonl").write_bytes(jsonl(*GOOD))
    bad = {
        "02-empty.txt": (b"", ": empty file"),
        "03-binary.dat": (bytes(range(256)) * 4, ": binary file (NUL bytes), not UTF-8 text"),
        "04-latin1.txt": (
            "Abstract: We study gamma.\nAbstract: Caf\xe9 society.\n".encode("latin-1"),
            ":2: not UTF-8 text (byte 0xe9); re-encode the file as UTF-8",
        ),
        "05-utf16.txt": (
            "Abstract: We study delta.\n".encode("utf-16"),
            ": UTF-16 text; re-encode it as UTF-8",
        ),
        # A line cut off mid-record, with good lines before and after it.
        "06-truncated.jsonl": (
            jsonl(
                {"id": "p-c", "abstract": "We study gamma transfer."},
                '{"id": "p-x", "abstr',
                {"id": "p-d", "abstract": "We study delta transfer."},
            ),
            ":2: malformed JSON (Unterminated string starting at column 15)",
        ),
        "07-no-abstract.csv": (
            b"title,summary\nEpsilon,We study epsilon.\n",
            ":1: CSV has no 'abstract' column (columns: title, summary)",
        ),
        "10-one-line.txt": (None, ":1: line longer than 64 MB; text without line breaks?"),
    }
    for name, (content, _) in bad.items():
        if content is not None:
            (folder / name).write_bytes(content)
    with (folder / "10-one-line.txt").open("wb") as out:
        out.write(b"Abstract: ")
        out.write(b"word " * (LINE_100MB // 5))
    # Quoted cells may span lines; this file is good.
    (folder / "08-quoted-newlines.csv").write_bytes(
        b'title,abstract\n"Zeta","We study zeta\ntransfer, over\r\ntwo lines."\nEta,We study eta.\n'
    )
    # A link whose target is gone: listed with the folder, unreadable when its turn comes.
    os.symlink(folder / "no-such-target.jsonl", folder / "09-dangling.jsonl")
    expected = {name: message for name, (_, message) in bad.items()}
    expected["09-dangling.jsonl"] = ": cannot read (No such file or directory)"
    return expected


def paper_ids(db_url: str) -> list[str]:
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return list(conn.scalars(select(Paper.id).order_by(Paper.id)))
    finally:
        engine.dispose()


def stored(db_url: str) -> list[tuple[str, str]]:
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(Paper.title, Paper.abstract).order_by(Paper.title))
            return [tuple(row) for row in rows]
    finally:
        engine.dispose()


def table_counts(db_url: str) -> dict[str, int]:
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            tables = Base.metadata.sorted_tables
            return {t.name: conn.scalar(select(func.count()).select_from(t)) for t in tables}
    finally:
        engine.dispose()


def test_mixed_folder_reports_each_bad_file_once_and_stores_every_good_paper_once(runner, db_url, tmp_path):
    folder = tmp_path / "corpus"
    expected = write_corpus(folder)
    result = runner.invoke(app, ["ingest", str(folder), "--db", db_url])

    assert result.exit_code == 1
    assert said(result)[0] == "files: 2 ok, 8 failed; papers: 4 read, 4 new, 0 seen; claims: 0 stored\n"
    assert said(result)[1].splitlines() == [
        f"error: {folder / name}{message}" for name, message in sorted(expected.items())
    ]
    # A quoted newline is whitespace inside the abstract, not the end of a row.
    assert stored(db_url) == [
        ("Alpha", "We study alpha transfer between tasks."),
        ("Beta", "We study beta transfer between models."),
        ("Eta", "We study eta."),
        ("Zeta", "We study zeta transfer, over two lines."),
    ]
    counts = table_counts(db_url)
    assert (counts["papers"], counts["paper_sources"], counts["claims"]) == (4, 4, 0)

    again = runner.invoke(app, ["ingest", str(folder), "--db", db_url])
    assert (again.exit_code, said(again)[0]) == (
        1,
        "files: 2 ok, 8 failed; papers: 4 read, 0 new, 4 seen; claims: 0 stored\n",
    )
    assert said(again)[1] == said(result)[1]
    assert table_counts(db_url) == counts


def test_file_removed_after_listing(runner, db_url, tmp_path, monkeypatch):
    """The folder is listed first; a file deleted before its turn is one failed input."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.jsonl").write_bytes(jsonl(GOOD[0]))
    (folder / "b.jsonl").write_bytes(jsonl(GOOD[1]))
    (folder / "c.jsonl").write_bytes(jsonl({"id": "p-c", "abstract": "We study gamma transfer."}))
    listed = leaderboard.cli.papers.expand_paths

    def list_then_delete(paths, **options):
        files = list(listed(paths, **options))
        (folder / "b.jsonl").unlink()
        (folder / "c.jsonl").unlink()
        (folder / "c.jsonl").mkdir()  # gone, and a folder of the same name in its place
        return iter(files)

    monkeypatch.setattr(leaderboard.cli.papers, "expand_paths", list_then_delete)
    result = runner.invoke(app, ["ingest", str(folder), "--db", db_url])
    assert (result.exit_code, *said(result)) == (
        1,
        "files: 1 ok, 2 failed; papers: 1 read, 1 new, 0 seen; claims: 0 stored\n",
        f"error: {folder / 'b.jsonl'}: cannot read (No such file or directory)\n"
        f"error: {folder / 'c.jsonl'}: is a folder, not a file\n",
    )
    assert paper_ids(db_url) == ["p-a"]


def test_file_that_fails_while_being_read(runner, db_url, tmp_path):
    """A read error (EIO) after the file opened: one line, nothing stored from it."""
    if not os.path.exists("/proc/self/mem"):
        pytest.skip("needs Linux /proc")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.jsonl").write_bytes(jsonl(GOOD[0]))
    # Reading /proc/self/mem at offset 0 opens fine and then fails with EIO.
    os.symlink("/proc/self/mem", folder / "b.txt")
    result = runner.invoke(app, ["ingest", str(folder), "--db", db_url])
    assert (result.exit_code, *said(result)) == (
        1,
        "files: 1 ok, 1 failed; papers: 1 read, 1 new, 0 seen; claims: 0 stored\n",
        f"error: {folder / 'b.txt'}: cannot read (Input/output error)\n",
    )
    assert paper_ids(db_url) == ["p-a"]


def test_bad_stdin_is_one_line(runner, db_url):
    result = runner.invoke(
        app, ["ingest", "-", "--format", "jsonl", "--db", db_url], input=jsonl(GOOD[0], "{not json")
    )
    assert (result.exit_code, *said(result)) == (
        1,
        "files: 0 ok, 1 failed; papers: 0 read, 0 new, 0 seen; claims: 0 stored\n",
        "error: -:2: malformed JSON (Expecting property name enclosed in double quotes at column 2)\n",
    )
    assert paper_ids(db_url) == []


def test_named_pipe_inside_a_folder_is_passed_over_not_waited_on(db_url, tmp_path):
    """Reading a pipe nobody writes to would hang the ingest; inside a folder it is no paper file."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.jsonl").write_bytes(jsonl(GOOD[0]))
    os.mkfifo(folder / "b.jsonl")
    process = start_cli("ingest", str(folder), "--db", db_url)
    try:
        out, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert (process.returncode, out, *said(err)) == (
        0,
        "",
        "files: 1 ok, 0 failed; papers: 1 read, 1 new, 0 seen; claims: 0 stored\n",
        "",
    )


def test_named_pipe_given_by_name_is_read(db_url, tmp_path):
    """`leaderboard ingest <(zcat papers.jsonl.gz)` hands over a pipe: it is read like a file."""
    pipe = tmp_path / "papers.jsonl"
    os.mkfifo(pipe)
    process = start_cli("ingest", str(pipe), "--db", db_url)
    try:
        with open(pipe, "wb") as writer:
            writer.write(jsonl(*GOOD))
        out, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert (process.returncode, out, *said(err)) == (
        0,
        "",
        "files: 1 ok, 0 failed; papers: 2 read, 2 new, 0 seen; claims: 0 stored\n",
        "",
    )
    assert paper_ids(db_url) == ["p-a", "p-b"]
