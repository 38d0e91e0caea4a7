"""Paper dates from every source that has one: written dates, JSONL years, arXiv ids. Pure functions."""

from __future__ import annotations

import pytest

from leaderboard.ingest.dates import arxiv_id_date, written_date, year_date

WRITTEN = [
    ("2021-03-12", "2021-03-12"),
    ("2021-03-12T10:00:00Z", "2021-03-12"),
    ("Mon, 2 Apr 2007 19:18:42 GMT", "2007-04-02"),
    ("12 March 2021", "2021-03-12"),
    ("12th Mar 2021", "2021-03-12"),
    ("March 12, 2021", "2021-03-12"),
    ("Sept. 3, 2019", "2019-09-03"),
    ("March 2021", "2021-03-01"),
    ("2021", "2021-01-01"),
    ("2021-03", "2021-03-01"),
    ("2021/03/12", "2021-03-12"),
    ("12.03.2021", "2021-03-12"),
    ("25/03/2021", "2021-03-25"),
    ("03/25/2021", "2021-03-25"),
]


@pytest.mark.parametrize(("text", "iso"), WRITTEN, ids=[w[0] for w in WRITTEN])
def test_common_written_dates(text, iso):
    assert written_date(text) == iso


@pytest.mark.parametrize("text", ["03/04/2021", "soon", "2021-13-01", "31 February 2021"])
def test_what_is_no_date_or_could_be_two_is_refused(text):
    with pytest.raises(ValueError):
        written_date(text)


@pytest.mark.parametrize(
    ("year", "month", "iso"),
    [(2019, None, "2019-01-01"), ("2019", "7", "2019-07-01"), (2019, 13, "2019-01-01"), ("n/a", None, None)],
)
def test_a_jsonl_year(year, month, iso):
    assert year_date(year, month) == iso


@pytest.mark.parametrize(
    ("arxiv_id", "iso"),
    [
        ("2103.01234", "2021-03-01"),
        ("1312.3005", "2013-12-01"),
        ("0704.0001v2", "2007-04-01"),
        ("hep-th/9901001", "1999-01-01"),
        ("math.GT/0309136", "2003-09-01"),
        ("2113.01234", None),
        (None, None),
    ],
)
def test_an_arxiv_id_says_its_month(arxiv_id, iso):
    assert arxiv_id_date(arxiv_id) == iso
