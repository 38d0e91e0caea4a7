"""Bad input: every case is an IngestError whose one-line str() names the file and line."""

from __future__ import annotations

import pickle

import pytest

from leaderboard.ingest import FORMATS, IngestError, iter_papers
from leaderboard.ingest import source as source_module

GOOD_JSON = '{"id": "p1", "abstract": "We reach 90.1% on MNIST."}\n'

# (file name, file bytes, --format or None, expected str() after "<path>")
BAD_INPUTS = [
    pytest.param("x.txt", b"", None, ": empty file", id="empty"),
    pytest.param("x.txt", b"\n\n  \n", None, ": cannot tell the format", id="blank-text"),
    pytest.param("x.jsonl", b"\n\n", None, ": no papers found (read as jsonl)", id="jsonl-no-papers"),
    pytest.param("x.csv", b"title,abstract\n", None, ": no papers found (read as csv)", id="csv-no-rows"),
    pytest.param("x.txt", b"Abstract:\n", None, ": no papers found (read as abstracts)", id="empty-abstract"),
    pytest.param("x.txt", b"Some text\x00\x01\x02 here", None, ": binary file (NUL bytes)", id="binary"),
    pytest.param("x.txt", "Abstract: caf\u00e9".encode("utf-16"), None, ": UTF-16 text", id="utf-16"),
    pytest.param("x.txt.gz", b"\x1f\x8b\x08\x00abc", None, ": gzip-compressed", id="gzip"),
    pytest.param(
        "x.jsonl",
        GOOD_JSON.encode() + '{"abstract": "caf\u00e9"}\n'.encode("latin-1"),
        None,
        ":2: not UTF-8 text (byte 0xe9)",
        id="latin-1-jsonl",
    ),
    pytest.param(
        "x.txt",
        "Abstract: one.\nAbstract: two.\nAbstract: caf\u00e9.\n".encode("latin-1"),
        None,
        ":3: not UTF-8 text (byte 0xe9)",
        id="latin-1-page",
    ),
    pytest.param(
        "x.jsonl",
        GOOD_JSON.encode() + b'{"id": "p2" "abstract": "x"}\n',
        None,
        ":2: malformed JSON (Expecting ',' delimiter at column 13)",
        id="malformed-json",
    ),
    pytest.param(
        "x.jsonl", b'["a list"]\n', "jsonl", ":1: a JSON array, expected an object", id="json-array-line"
    ),
    pytest.param(
        "x.jsonl", GOOD_JSON.encode() + b"null\n", None, ":2: a JSON null, expected an object", id="json-null"
    ),
    pytest.param(
        "x.jsonl",
        b'{"abstract": 42}\n',
        None,
        ':1: "abstract" is a JSON number, expected a string',
        id="numeric-abstract",
    ),
    pytest.param(
        "x.jsonl",
        GOOD_JSON.encode() + b'{"abstract": "x", "title": ["a", "list"]}\n',
        None,
        ':2: "title" is a JSON array, expected a string',
        id="title-array",
    ),
    pytest.param(
        "x.jsonl",
        b'{"abstract": "x", "id": {"nested": 1}}\n',
        None,
        ':1: "id" is a JSON object, expected a string or integer',
        id="id-object",
    ),
    pytest.param(
        "x.jsonl",
        GOOD_JSON.encode() + b'{"abstract": "half a pair \\ud800 here"}\n',
        None,
        ':2: "abstract" holds a lone surrogate (a broken \\u escape)',
        id="lone-surrogate",
    ),
    pytest.param(
        "x.txt",
        b"Abstract: fine.\nAbstract: " + b"word " * 20_001 + b"\n",
        None,
        ":2: abstract of 100,004 characters (limit 100,000); a whole paper, or a file without line breaks?",
        id="abstract-too-long",
    ),
    pytest.param(
        "x.jsonl", b'{"title": "No abstract"}\n', None, ':1: missing or empty "abstract"', id="no-abstract"
    ),
    pytest.param(
        "x.jsonl", b'{"abstract": "  "}\n', None, ':1: missing or empty "abstract"', id="blank-abstract"
    ),
    pytest.param(
        "x.json", b'[{"abstract": "x"}]\n', None, ":1: a JSON array; expected JSON Lines", id="json-array"
    ),
    pytest.param(
        "x.jsonl",
        b'{"abstract": "x", "date": "the spring of 2023"}\n',
        None,
        ":1: unrecognised date 'the spring of 2023'",
        id="bad-date",
    ),
    pytest.param(
        "x.jsonl",
        b'{"abstract": "x", "date": "2023-02-30"}\n',
        None,
        ":1: unrecognised date '2023-02-30'",
        id="impossible-date",
    ),
    pytest.param(
        "x.csv",
        b"Title,Id\nFoo,1\n",
        None,
        ":1: CSV has no 'abstract' column (columns: title, id)",
        id="csv-no-abstract-column",
    ),
    pytest.param(
        "x.csv",
        b'title,abstract\nFoo,"ok."\nBar,"never closed\nBaz,more\n',
        None,
        ":3: malformed CSV (unexpected end of data)",
        id="csv-unclosed-quote",
    ),
    pytest.param(
        "x.csv", b"title,abstract\nFoo,\n", None, ':2: missing or empty "abstract"', id="csv-empty-cell"
    ),
    pytest.param(
        "x.txt",
        b"Abstract: fine.\n\narXiv:2001.00001\nCreated: yesterday\n",
        "arxiv-listing",
        ":4: unrecognised date 'yesterday'",
        id="listing-bad-date",
    ),
]


@pytest.mark.parametrize(("name", "content", "fmt", "expected"), BAD_INPUTS)
def test_bad_input_names_file_and_line(tmp_path, name, content, fmt, expected):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError) as caught:
        list(iter_papers(str(path), fmt))
    message = str(caught.value)
    assert message.startswith(f"{path}{expected}")
    assert "\n" not in message


def test_missing_file(tmp_path):
    with pytest.raises(IngestError, match=r"nope\.txt: cannot read \(No such file or directory\)$"):
        list(iter_papers(str(tmp_path / "nope.txt")))


def test_folder_given_as_a_file(tmp_path):
    with pytest.raises(IngestError) as caught:
        list(iter_papers(str(tmp_path)))
    assert str(caught.value) == f"{tmp_path}: is a folder, not a file"


def test_unknown_format_is_refused_before_reading(tmp_path):
    with pytest.raises(IngestError) as caught:
        iter_papers(str(tmp_path / "never-opened.txt"), fmt="pdf")
    assert str(caught.value) == (
        f"{tmp_path / 'never-opened.txt'}: unknown format 'pdf'; expected one of: {', '.join(FORMATS)}"
    )


def test_oversized_text_page(tmp_path, monkeypatch):
    monkeypatch.setattr(source_module, "MAX_PAGE_BYTES", 2**20)
    path = tmp_path / "huge.txt"
    path.write_text("Abstract: " + "x" * 2**20)
    with pytest.raises(IngestError) as caught:
        list(iter_papers(str(path)))
    assert str(caught.value) == (
        f"{path}: text page larger than 1 MB; convert it to JSONL or CSV, which are streamed"
    )


def test_file_without_line_breaks_is_not_read_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(source_module, "MAX_LINE_BYTES", 2**20)
    path = tmp_path / "one-line.jsonl"
    path.write_text(GOOD_JSON + '{"abstract": "' + "x" * 2**20 + '"}\n')
    with pytest.raises(IngestError) as caught:
        list(iter_papers(str(path)))
    assert str(caught.value) == f"{path}:2: line longer than 1 MB; not one record per line?"


def test_text_page_without_line_breaks_is_refused_before_parsing(tmp_path, monkeypatch):
    monkeypatch.setattr(source_module, "MAX_LINE_BYTES", 2**20)
    path = tmp_path / "one-line.txt"
    path.write_text("Abstract: fine.\nAbstract: " + "word " * 2**18)
    with pytest.raises(IngestError) as caught:
        list(iter_papers(str(path)))
    assert str(caught.value) == f"{path}:2: line longer than 1 MB; text without line breaks?"


def test_error_attributes_and_single_line_message():
    error = IngestError("seed/x.jsonl", 17, "malformed JSON\n(Expecting ',' delimiter)")
    assert (error.source, error.line) == ("seed/x.jsonl", 17)
    assert str(error) == "seed/x.jsonl:17: malformed JSON (Expecting ',' delimiter)"
    assert str(IngestError("x.csv", None, "empty file")) == "x.csv: empty file"


def test_error_survives_a_process_pool():
    error = pickle.loads(pickle.dumps(IngestError("x.jsonl", 3, "bad")))
    assert (str(error), error.line) == ("x.jsonl:3: bad", 3)
