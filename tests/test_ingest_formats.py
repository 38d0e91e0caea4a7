"""Each input format on small files: titles, ids, dates, whitespace, BOM, CRLF, start lines."""

from __future__ import annotations

import json

import pytest

from leaderboard.ingest import iter_papers

ABSTRACT_A = "We propose Foo, which reaches 91.1% accuracy on MedQA."
ABSTRACT_B = "Bar improves BLEU by 2.3 points over the baseline on WMT14."
LONG_ABSTRACT = "We study transfer across many tasks and report results on twelve benchmarks. " * 5


def _write(tmp_path, name: str, text: str, *, bom: bool = False, crlf: bool = False) -> str:
    if crlf:
        text = text.replace("\n", "\r\n")
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return str(path)


def _fields(papers) -> list[tuple]:
    return [(p.title, p.arxiv_id, p.given_id, p.date, p.abstract, p.line) for p in papers]


# --- arXiv listing -----------------------------------------------------------------

LISTING = f"""\
{ABSTRACT_A}

arXiv:2507.05201
Created: 2025-07-07 Updated: 2025-07-08

Gemini 1.5: Unlocking multimodal understanding
Machel Reid, Nikolay Savinov, Denis Teplyashin, Oriol Vinyals

{ABSTRACT_B}

arXiv:2403.05530v2
Created: 2024-03-08

Recent advances in multilingual modelling are mostly
hard-wrapped at a fixed width in older listings.

Project Website: https://example.org/xgqa

arXiv:hep-ph/0701001
Created: 2007-01-01

A truncated entry whose arXiv line never came
"""


@pytest.mark.parametrize(
    ("bom", "crlf"), [(False, False), (True, False), (False, True)], ids=["plain", "bom", "crlf"]
)
def test_listing_entries(tmp_path, bom, crlf):
    path = _write(tmp_path, "listing.txt", LISTING, bom=bom, crlf=crlf)
    assert _fields(iter_papers(path)) == [
        # date is the Created date even when the entry was updated later
        (None, "2507.05201", None, "2025-07-07", ABSTRACT_A, 1),
        # a title line with its author list; the author list is not abstract text
        ("Gemini 1.5: Unlocking multimodal understanding", "2403.05530", None, "2024-03-08", ABSTRACT_B, 6),
        # hard-wrapped lines joined; the "Project Website:" line dropped; old-style id
        (
            None,
            "hep-ph/0701001",
            None,
            "2007-01-01",
            "Recent advances in multilingual modelling are mostly hard-wrapped"
            " at a fixed width in older listings.",
            14,
        ),
    ]


def test_listing_title_alone_in_its_paragraph(tmp_path):
    text = f"A Title Without Authors\n\n{ABSTRACT_A}\n\narXiv:2001.00001\nCreated: 2020-01-01\n"
    [paper] = iter_papers(_write(tmp_path, "listing.txt", text))
    assert (paper.title, paper.abstract, paper.line) == ("A Title Without Authors", ABSTRACT_A, 1)


def test_listing_short_first_line_of_a_paragraph_is_not_a_title(tmp_path):
    text = f"Deep networks are everywhere\n{ABSTRACT_A}\n\narXiv:2001.00001\nCreated: 2020-01-01\n"
    [paper] = iter_papers(_write(tmp_path, "listing.txt", text))
    assert paper.title is None
    assert paper.abstract == f"Deep networks are everywhere {ABSTRACT_A}"


def test_listing_title_ending_in_a_full_stop_before_its_authors(tmp_path):
    text = (
        "Attention Is Not Explanation.\nSarthak Jain, Byron C. Wallace\n\n"
        f"{ABSTRACT_A}\n\narXiv:1902.10186 [cs.CL]\n\nCreated: 2019-02-26,\nUpdated: 2019-05-08\n\n"
        f"{ABSTRACT_B}\n\narXiv:1902.10187\n"
    )
    papers = list(iter_papers(_write(tmp_path, "listing.txt", text), fmt="arxiv-listing"))
    assert _fields(papers) == [
        ("Attention Is Not Explanation.", "1902.10186", None, "2019-02-26", ABSTRACT_A, 1),
        # date lines are never abstract text, even on their own; an entry may lack a date
        (None, "1902.10187", None, None, ABSTRACT_B, 11),
    ]


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        pytest.param("arXiv:2404.1841", [], id="cut-inside-the-id"),
        pytest.param("arXiv:2404.18416\nCreated: 2024-0", [("2404.18416", None)], id="cut-inside-the-date"),
        pytest.param("arXiv:2404.18416\nCreated: 2024-04-29", [("2404.18416", "2024-04-29")], id="complete"),
    ],
)
def test_listing_cut_off_in_its_last_entry(tmp_path, tail, expected):
    text = f"{ABSTRACT_A}\n\narXiv:2507.05201\nCreated: 2025-07-07\n\n{ABSTRACT_B}\n\n{tail}"
    papers = list(iter_papers(_write(tmp_path, "listing.txt", text), fmt="arxiv-listing"))
    assert [(p.arxiv_id, p.date) for p in papers] == [("2507.05201", "2025-07-07"), *expected]


# --- Abstract: dumps -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("bom", "crlf"), [(False, False), (True, False), (False, True)], ids=["plain", "bom", "crlf"]
)
def test_abstract_dump(tmp_path, bom, crlf):
    text = f"Abstract:{ABSTRACT_A}\nabstract:   {ABSTRACT_B}  \n\nAbstract: Tabs\tand  spaces.\n"
    papers = list(iter_papers(_write(tmp_path, "dump.txt", text, bom=bom, crlf=crlf), fmt="abstracts"))
    assert _fields(papers) == [
        (None, None, None, None, ABSTRACT_A, 1),
        (None, None, None, None, ABSTRACT_B, 2),
        (None, None, None, None, "Tabs and spaces.", 4),
    ]


def test_abstract_dump_skips_a_preamble_and_a_truncated_label(tmp_path):
    text = f"Abstracts collected on Monday\n\nAbstract:{ABSTRACT_A}\nAbstr"
    papers = list(iter_papers(_write(tmp_path, "dump.txt", text), fmt="abstracts"))
    assert _fields(papers) == [(None, None, None, None, ABSTRACT_A, 3)]


# --- daily / trending papers page ------------------------------------------------------

DAILY_PAGE = f"""\
new

Get trending papers in your email inbox!

SubscribeFoo: Fast Models for Everything

{LONG_ABSTRACT}

byAK and the research community

Mar 13

Bar Is All You Need?

{ABSTRACT_B}

A Truncated Last Tit"""


@pytest.mark.parametrize(
    ("bom", "crlf"), [(False, False), (True, False), (False, True)], ids=["plain", "bom", "crlf"]
)
def test_daily_page(tmp_path, bom, crlf):
    path = _write(tmp_path, "page.txt", DAILY_PAGE, bom=bom, crlf=crlf)
    assert _fields(iter_papers(path)) == [
        # "Subscribe" glued to the first title is page chrome
        ("Foo: Fast Models for Everything", None, None, None, LONG_ABSTRACT.strip(), 5),
        # chrome between entries dropped; a title ending in "?" is still a title;
        # the title with no abstract at the end (a truncated copy) is dropped
        ("Bar Is All You Need?", None, None, None, ABSTRACT_B, 13),
    ]


def test_daily_page_subscribe_glued_to_a_lower_case_title(tmp_path):
    text = (
        "Get trending papers in your email inbox!\n"
        f"SubscribemPLUG-Owl\n{LONG_ABSTRACT}\nSubscriber Churn\n{LONG_ABSTRACT}"
    )
    papers = list(iter_papers(_write(tmp_path, "page.txt", text)))
    assert [p.title for p in papers] == ["mPLUG-Owl", "Subscriber Churn"]


def test_daily_page_truncated_mid_title(tmp_path):
    text = f"Foo\n{LONG_ABSTRACT}\nFree Lunch:"
    papers = list(iter_papers(_write(tmp_path, "page.txt", text), fmt="daily-page"))
    assert [(p.title, p.abstract) for p in papers] == [("Foo", LONG_ABSTRACT.strip())]


def test_daily_page_title_ending_in_a_full_stop(tmp_path):
    text = (
        f"Attention Is Not Explanation.\n{LONG_ABSTRACT}\nShort Paper\n{ABSTRACT_A}\nNext\n{LONG_ABSTRACT}\n"
    )
    papers = list(iter_papers(_write(tmp_path, "page.txt", text), fmt="daily-page"))
    assert [(p.title, p.abstract[:20], p.line) for p in papers] == [
        ("Attention Is Not Explanation.", LONG_ABSTRACT[:20], 1),
        # a short abstract ending in a full stop is not mistaken for a title
        ("Short Paper", ABSTRACT_A[:20], 3),
        ("Next", LONG_ABSTRACT[:20], 5),
    ]


def test_daily_page_without_blank_lines_and_with_a_second_paragraph(tmp_path):
    text = f"Get trending papers in your email inbox once a day!\nFoo\n{LONG_ABSTRACT}\n{ABSTRACT_B}\n"
    papers = list(iter_papers(_write(tmp_path, "page.txt", text)))
    assert _fields(papers) == [("Foo", None, None, None, f"{LONG_ABSTRACT.strip()} {ABSTRACT_B}", 2)]


# --- JSON Lines ----------------------------------------------------------------------

SNAPSHOT_ROW = {
    "id": "hep-ph/0701001",
    "submitter": "A. Physicist",
    "authors": "A. Physicist, B. Physicist",
    "title": "Calculation of prompt diphoton\n  production cross sections",
    "abstract": "  A fully differential calculation in perturbative QCD is\npresented for the production of"
    " massive photon pairs.\n",
    "versions": [
        {"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"},
        {"version": "v2", "created": "Tue, 24 Jul 2007 20:10:27 GMT"},
    ],
    "update_date": "2008-11-13",
}


def _jsonl(tmp_path, rows: list[dict], **kwargs) -> str:
    return _write(tmp_path, "papers.jsonl", "".join(json.dumps(row) + "\n" for row in rows), **kwargs)


def test_jsonl_arxiv_snapshot(tmp_path):
    no_versions = {"id": "0704.0002", "abstract": "An abstract.", "update_date": "2008-12-13", "versions": []}
    papers = list(iter_papers(_jsonl(tmp_path, [SNAPSHOT_ROW, no_versions])))
    assert _fields(papers) == [
        (
            "Calculation of prompt diphoton production cross sections",
            "hep-ph/0701001",
            None,
            "2007-04-02",  # the first version's date, not update_date
            "A fully differential calculation in perturbative QCD is presented for the production of"
            " massive photon pairs.",
            1,
        ),
        (None, "0704.0002", None, "2008-12-13", "An abstract.", 2),
    ]


@pytest.mark.parametrize(
    ("row", "arxiv_id", "given_id"),
    [
        pytest.param({"id": "2507.05201"}, "2507.05201", None, id="modern-id"),
        pytest.param({"id": "2507.05201v3"}, "2507.05201", None, id="versioned-id"),
        pytest.param({"id": "math.AG/0601001"}, "math.AG/0601001", None, id="old-style-id"),
        pytest.param({"id": "seed003-070"}, None, "seed003-070", id="own-id"),
        # since 2015 the number after the dot has five digits, before it four
        pytest.param({"id": "2404.1841"}, None, "2404.1841", id="too-few-digits-for-2024"),
        pytest.param({"id": "1412.12345"}, None, "1412.12345", id="too-many-digits-for-2014"),
        pytest.param({"id": 17}, None, "17", id="numeric-id"),
        pytest.param(
            {"id": "seed000-001", "arxiv_id": "2404.18416"}, "2404.18416", "seed000-001", id="arxiv_id-wins"
        ),
        pytest.param({"id": "2404.18416", "arxiv_id": None}, "2404.18416", None, id="null-arxiv_id"),
        pytest.param({}, None, None, id="no-id"),
    ],
)
def test_jsonl_ids(tmp_path, row, arxiv_id, given_id):
    [paper] = iter_papers(_jsonl(tmp_path, [{**row, "abstract": ABSTRACT_A}]))
    assert (paper.arxiv_id, paper.given_id) == (arxiv_id, given_id)


@pytest.mark.parametrize(
    ("bom", "crlf"), [(False, False), (True, False), (False, True)], ids=["plain", "bom", "crlf"]
)
def test_plain_jsonl(tmp_path, bom, crlf):
    rows = [
        {"id": "p1", "title": " Foo ", "abstract": ABSTRACT_A, "date": "2024-05-01"},
        {"id": "p2", "title": "", "abstract": ABSTRACT_B, "date": "2024-05-02T10:00:00Z"},
    ]
    text = json.dumps(rows[0]) + "\n\n" + json.dumps(rows[1]) + "\n"
    papers = list(iter_papers(_write(tmp_path, "papers.jsonl", text, bom=bom, crlf=crlf)))
    assert _fields(papers) == [
        ("Foo", None, "p1", "2024-05-01", ABSTRACT_A, 1),
        (None, None, "p2", "2024-05-02", ABSTRACT_B, 3),  # the blank line still counts
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("2024-05-01", "2024-05-01", id="iso"),
        pytest.param("2024-05-01T23:59:59+02:00", "2024-05-01", id="iso-datetime"),
        pytest.param("Mon, 2 Apr 2007 19:18:42 GMT", "2007-04-02", id="rfc-2822"),
        pytest.param("2 Apr 2007", "2007-04-02", id="rfc-2822-short"),
        pytest.param("", None, id="empty"),
    ],
)
def test_jsonl_dates(tmp_path, raw, expected):
    [paper] = iter_papers(_jsonl(tmp_path, [{"abstract": ABSTRACT_A, "date": raw}]))
    assert paper.date == expected


# --- CSV -----------------------------------------------------------------------------

CSV_TEXT = f"""\
Title,ABSTRACT,Id,Date
Foo,"{ABSTRACT_A}",2301.00001,2023-01-05
"Bar, revisited","{ABSTRACT_B}
with a line break inside",my-42,
,,,
Baz,"Quoted ""BLEU"" of 30.1.",,
"""


@pytest.mark.parametrize(
    ("bom", "crlf"), [(False, False), (True, False), (False, True)], ids=["plain", "bom", "crlf"]
)
def test_csv(tmp_path, bom, crlf):
    papers = list(iter_papers(_write(tmp_path, "papers.csv", CSV_TEXT, bom=bom, crlf=crlf)))
    assert _fields(papers) == [
        ("Foo", "2301.00001", None, "2023-01-05", ABSTRACT_A, 2),
        ("Bar, revisited", None, "my-42", None, f"{ABSTRACT_B} with a line break inside", 3),
        # an empty row is skipped; a row's line is where it starts, after a multi-line cell
        ("Baz", None, None, None, 'Quoted "BLEU" of 30.1.', 6),
    ]


def test_csv_with_only_an_abstract_column(tmp_path):
    [paper] = iter_papers(_write(tmp_path, "papers.csv", f'abstract\n"{ABSTRACT_A}"\n'))
    assert _fields([paper]) == [(None, None, None, None, ABSTRACT_A, 2)]


def test_every_paper_names_its_source_as_given(tmp_path, monkeypatch):
    _write(tmp_path, "papers.csv", CSV_TEXT)
    monkeypatch.chdir(tmp_path)
    assert {paper.source for paper in iter_papers("papers.csv")} == {"papers.csv"}
