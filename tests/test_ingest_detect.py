"""Format detection from a file's name and first few KB."""

from __future__ import annotations

from pathlib import Path

import pytest

from leaderboard.ingest import FORMATS, IngestError, detect_format

SEED_DIR = Path(__file__).resolve().parent.parent / "seed"
LONG = "We study transfer and report 91.1% accuracy on MedQA, improving on prior work by wide margins. " * 4

DETECTION_CASES = [
    # by extension, whatever the content
    pytest.param("papers.jsonl", '{"abstract": "x"}', "jsonl", id="jsonl-ext"),
    pytest.param("papers.NDJSON", '{"abstract": "x"}', "jsonl", id="ndjson-ext-any-case"),
    pytest.param("arxiv-metadata-oai-snapshot.json", '{"id": "0704.0001"}', "jsonl", id="snapshot-json"),
    pytest.param("papers.csv", "id;title;abstract", "csv", id="csv-ext"),
    # by content, for text files and stdin
    pytest.param("-", '\ufeff  {"abstract": "x"}\n', "jsonl", id="json-object-on-stdin"),
    pytest.param(
        "dump.txt", "Abstract:We propose Foo.\nAbstract:We propose Bar.", "abstracts", id="abstracts"
    ),
    pytest.param("dump.txt", "abstract: lower case label", "abstracts", id="abstracts-lower"),
    pytest.param(
        "dump.txt", "Collected 2024-05-01\n\nAbstract:We propose Foo.", "abstracts", id="abstracts-preamble"
    ),
    pytest.param(
        "listing.txt",
        f"Title\n\n{LONG}\n\narXiv:2001.00001\nCreated: 2020-01-01\n",
        "arxiv-listing",
        id="listing",
    ),
    pytest.param(
        "listing.txt",
        f"{LONG}\r\n\r\narXiv:2001.00001\r\nCreated: 2020-01-01\r\n",
        "arxiv-listing",
        id="listing-crlf",
    ),
    pytest.param(
        "listing.txt", f"{LONG}\n\narXiv: 2001.00001v2\n", "arxiv-listing", id="listing-without-dates"
    ),
    pytest.param("-", "Title,Abstract,Date\nFoo,Bar,2020-01-01\n", "csv", id="csv-header-on-stdin"),
    pytest.param(
        "page.txt", "Get trending papers in your email inbox!\nSubscribe", "daily-page", id="page-banner"
    ),
    pytest.param("page.txt", f"A Title\n\n{LONG}\n", "daily-page", id="title-then-abstract"),
]


@pytest.mark.parametrize(("name", "head", "expected"), DETECTION_CASES)
def test_detect_format(name, head, expected):
    assert detect_format(name, head) == expected


@pytest.mark.parametrize(
    ("seed", "expected"),
    [
        ("000", "arxiv-listing"),
        ("001", "abstracts"),
        ("002", "abstracts"),
        ("003", "daily-page"),
        ("004", "daily-page"),
    ],
)
def test_detect_seed_documents_from_their_first_kilobytes(seed, expected):
    [path] = SEED_DIR.glob(f"{seed}_*.txt")
    assert detect_format(path.name, path.read_text(encoding="utf-8")[:4096]) == expected


@pytest.mark.parametrize(
    "head",
    [
        pytest.param("", id="empty"),
        pytest.param("Just one sentence of prose.", id="prose"),
        pytest.param("a,b,c\n1,2,3\n", id="csv-without-abstract"),
    ],
)
def test_undetectable_text_asks_for_a_format(head):
    with pytest.raises(IngestError) as caught:
        detect_format("notes.txt", head)
    assert str(caught.value) == (
        f"notes.txt: cannot tell the format from the name or content; pass one of: {', '.join(FORMATS)}"
    )


def test_formats_are_the_five_documented_names():
    assert set(FORMATS) == {"arxiv-listing", "abstracts", "daily-page", "jsonl", "csv"}
