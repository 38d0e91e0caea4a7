"""Property tests over the ingest parsers: any text in, papers or one IngestError out.

Whatever a file holds, `iter_papers` either yields papers whose fields are
sound (non-empty abstract without NUL, a line inside the file, the file as
source) or raises IngestError naming that file; no other exception escapes,
and reading the same file twice gives the same ids.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leaderboard.ingest import FORMATS, IngestError, iter_papers

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Pieces each format is written with, so the parsers get past their first check.
PIECES = st.sampled_from(
    [
        "Abstract:",
        "abstract",
        "arXiv:2403.05530",
        "arXiv:hep-ph/0701001v2",
        "arXiv:",
        "Created: 2024-03-08",
        "Created: Mon, 2 Apr 2007 19:18:42 GMT",
        "Updated: 2024-13-40",
        "Project Website: https://x.org",
        "Subscribe",
        "new",
        "Mar 5, 2024",
        "by AK and the research community",
        "Machel Reid, Nikolay Savinov",
        "We reach 91.1% on MNIST.",
        "Title Of A Paper",
        "\n",
        "\n\n",
        "\r\n",
        " ",
        ",",
        '"',
        "'",
        "{",
        "}",
        "[",
        "]",
        ":",
        "\\",
        "\\u0000",
        "\\ud800",
        "\u200f",
        "\u202e",
        "\x0b",
        "\x1f",
        "\u2028",
        "\ufeff",
        "<script>alert(1)</script>",
        "=SUM(A1)",
        "null",
        "42",
        "id",
        "title",
        "date",
        "2023-02-30",
    ]
)
TEXT = st.one_of(st.lists(PIECES, max_size=40).map("".join), st.text(max_size=300))

# Structured records with fields of any JSON type, so type checks are exercised.
# Lone surrogates too: json.dumps writes them as \\u escapes, as a broken JSON writer would.
ANY_CHARS = st.text(st.characters(codec=None) | st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF))
JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ANY_CHARS | PIECES,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
RECORD = st.dictionaries(
    st.sampled_from(["id", "arxiv_id", "title", "abstract", "date", "versions", "update_date"]),
    JSON_VALUE,
)
JSONL_TEXT = st.lists(st.one_of(RECORD.map(json.dumps), TEXT), min_size=1, max_size=8).map("\n".join)
CSV_TEXT = st.lists(st.lists(TEXT, min_size=1, max_size=4).map(",".join), min_size=1, max_size=6).map(
    lambda rows: "title,abstract,id,date\n" + "\n".join(rows)
)

_counter = itertools.count()


def _write(folder: Path, suffix: str, data: bytes) -> str:
    path = folder / f"f{next(_counter)}{suffix}"
    path.write_bytes(data)
    return str(path)


def read(path: str, fmt: str | None) -> list | IngestError:
    """The papers of `path`, or the IngestError it raised; any other exception fails the test."""
    try:
        papers = list(iter_papers(path, fmt))
    except IngestError as exc:
        assert exc.source == path
        assert "\n" not in str(exc)
        assert exc.line is None or exc.line >= 1
        return exc
    return papers


def check(path: str, fmt: str | None, data: bytes) -> None:
    first = read(path, fmt)
    if isinstance(first, IngestError):
        return
    lines = max(1, data.count(b"\n") + 1)
    for paper in first:
        assert isinstance(paper.abstract, str) and paper.abstract.strip()
        assert "\0" not in paper.abstract and "\0" not in (paper.title or "")
        # Every field must be storable as UTF-8 (PostgreSQL and SQLite both refuse lone surrogates).
        for value in (paper.abstract, paper.title, paper.id, paper.arxiv_id, paper.given_id):
            if value is not None:
                value.encode("utf-8")
        assert paper.source == path and paper.format in FORMATS
        assert paper.line is None or 1 <= paper.line <= lines
    again = read(path, fmt)
    assert [p.id for p in again] == [p.id for p in first]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@FUZZ
@given(text=TEXT, fmt=st.sampled_from([None, *FORMATS]), suffix=st.sampled_from([".txt", ".jsonl", ".csv"]))
def test_any_text_gives_papers_or_one_ingest_error(folder, text, fmt, suffix):
    data = text.encode("utf-8", errors="surrogatepass")
    check(_write(folder, suffix, data), fmt, data)


@FUZZ
@given(text=JSONL_TEXT)
def test_jsonl_records_of_any_shape(folder, text):
    data = text.encode("utf-8")
    check(_write(folder, ".jsonl", data), None, data)


@FUZZ
@given(text=CSV_TEXT)
def test_csv_rows_of_any_shape(folder, text):
    data = text.encode("utf-8")
    check(_write(folder, ".csv", data), None, data)


@FUZZ
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".jsonl", ".csv"]))
def test_any_bytes_give_papers_or_one_ingest_error(folder, data, suffix):
    check(_write(folder, suffix, data), None, data)
