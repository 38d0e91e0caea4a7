"""Streaming large inputs, reading stdin, and expanding paths."""

from __future__ import annotations

import io
import json
import os
import sys

import pytest

from leaderboard.ingest import IngestError, expand_paths, iter_papers
from leaderboard.ingest import source as source_module

ROWS = 50_000  # about 5 MB


@pytest.fixture
def opened_files(monkeypatch) -> list:
    """Every file the ingest layer opens, so a test can ask how far it has been read."""
    files: list = []

    def spy_open(path, mode="r", *args, **kwargs):
        handle = open(path, mode, *args, **kwargs)  # noqa: SIM115 - the code under test closes it
        files.append(handle)
        return handle

    monkeypatch.setattr(source_module, "open", spy_open, raising=False)
    return files


def _big_jsonl(tmp_path) -> str:
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(ROWS):
            out.write(
                json.dumps({"id": f"p{n}", "abstract": f"Paper {n} reaches {n % 100}.5% on MNIST."}) + "\n"
            )
    return str(path)


def test_large_jsonl_yields_its_first_paper_before_reading_the_file(tmp_path, opened_files):
    path = _big_jsonl(tmp_path)
    papers = iter_papers(path)
    first = next(papers)
    assert first.given_id == "p0"
    [handle] = opened_files
    assert handle.tell() < os.path.getsize(path) / 10
    assert sum(1 for _ in papers) == ROWS - 1
    assert handle.closed


def test_large_csv_yields_its_first_paper_before_reading_the_file(tmp_path, opened_files):
    path = tmp_path / "big.csv"
    path.write_text("id,abstract\n" + "".join(f"p{n},Paper {n} gets 12.5 BLEU.\n" for n in range(ROWS)))
    papers = iter_papers(str(path))
    first = next(papers)
    assert (first.given_id, first.line) == ("p0", 2)
    [handle] = opened_files
    assert handle.tell() < path.stat().st_size / 10


def test_papers_before_a_bad_line_are_yielded_first(tmp_path):
    path = tmp_path / "partly-bad.jsonl"
    path.write_text('{"abstract": "one."}\n{"abstract": "two."}\nnot json\n')
    papers = iter_papers(str(path))
    assert [next(papers).abstract, next(papers).abstract] == ["one.", "two."]
    with pytest.raises(IngestError, match=r"partly-bad\.jsonl:3: malformed JSON"):
        next(papers)


# --- stdin -------------------------------------------------------------------------


def test_stdin_is_read_and_detected(monkeypatch):
    data = '\ufeff{"id": "2101.00001", "abstract": "From a pipe."}\r\n'.encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    [paper] = iter_papers("-")
    assert (paper.arxiv_id, paper.abstract, paper.source, paper.line) == (
        "2101.00001",
        "From a pipe.",
        "-",
        1,
    )
    assert not sys.stdin.closed


def test_stdin_without_a_byte_buffer(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Abstract: One.\nAbstract: Two.\n"))
    assert [(p.abstract, p.line) for p in iter_papers("-")] == [("One.", 1), ("Two.", 2)]


def test_stdin_errors_are_reported_as_dash(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"abstract": 1'), encoding="utf-8"))
    with pytest.raises(IngestError) as caught:
        list(iter_papers("-", "jsonl"))
    assert str(caught.value).startswith("-:1: malformed JSON")


# --- expand_paths -------------------------------------------------------------------


def test_expand_paths(tmp_path, monkeypatch):
    for name in ["b/z.txt", "b/a.jsonl", "a.csv", "c/d/e.txt", ".hidden/x.txt", "b/.swap.txt", "c/.git/HEAD"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    monkeypatch.chdir(tmp_path)
    # Normalised names: "./c/" and "c" are the same source to the database.
    assert list(expand_paths(["./c/", "-", "a.csv", "."])) == [
        "c/d/e.txt",
        "-",
        "a.csv",
        "a.csv",
        "b/a.jsonl",
        "b/z.txt",
        "c/d/e.txt",
    ]


def test_expand_paths_survives_a_symlink_loop(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("x")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    assert list(expand_paths([str(tmp_path)])) == [str(tmp_path / "a" / "x.txt")]


def test_expand_paths_missing_path(tmp_path):
    (tmp_path / "real.txt").write_text("x")
    paths = expand_paths([str(tmp_path / "real.txt"), str(tmp_path / "typo.txt")])
    assert next(paths) == str(tmp_path / "real.txt")
    with pytest.raises(IngestError) as caught:
        next(paths)
    assert str(caught.value) == f"{tmp_path / 'typo.txt'}: no such file or directory"
