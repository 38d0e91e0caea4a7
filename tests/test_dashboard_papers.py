"""The Papers page: search, the abstract with claims marked in place, and text shown literally."""

from __future__ import annotations

import html

import pytest
from dashboard_support import (
    HOSTILE_ABSTRACT,
    HOSTILE_ID,
    HOSTILE_TITLE,
    SEED,
    app_test,
    html_bodies,
    ingest,
    plain,
    write_hostile_csv,
)

from leaderboard.queries.papers import split_at_spans

PAGE = "views/papers.py"


@pytest.fixture(scope="module")
def url(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("papers")
    url = f"sqlite:///{folder / 'papers.db'}"
    ingest(url, SEED / "000_7a4fe0c5e86e8852.txt", write_hostile_csv(folder))
    return url


def test_search_by_arxiv_id_selects_that_paper_and_marks_its_claims(monkeypatch, url):
    at = app_test(monkeypatch, url, PAGE)
    at.text_input(key="q").input("2507.05201").run()
    assert at.selectbox(key="paper").options == [
        "Artificial intelligence (AI) has significant potential in healthcare applications, "
        "but its training … — 2507.05201 (4 claims)"
    ]
    abstract = html_bodies(at)[-1]
    # Each claim's value is marked where the paper wrote it.
    assert abstract.count("<mark") == 4
    assert '">2.6-10%</mark>' in abstract or '">2.6-10</mark>' in abstract
    claims = at.dataframe[0].value
    assert len(claims) == 4
    assert set(claims["benchmark"]) >= {"medical multimodal question answering"}


def test_search_by_title_words_is_case_insensitive(monkeypatch, url):
    at = app_test(monkeypatch, url, PAGE)
    at.text_input(key="q").input("GEMINI 1.5").run()
    options = at.selectbox(key="paper").options
    assert options and "Gemini 1.5" in options[0]  # best match first


def test_a_word_of_an_untitled_papers_abstract_finds_it_and_the_url_holds_the_view(monkeypatch, url):
    at = app_test(monkeypatch, url, PAGE)
    at.text_input(key="q").input("healthcare").run()
    [option] = at.selectbox(key="paper").options
    assert option.startswith("Artificial intelligence (AI) has significant potential in healthcare")
    assert "1 paper match, best match first" in plain(at.caption[0].value)
    # A link with the words and the paper opens the same view.
    linked = app_test(monkeypatch, url, PAGE, query={"q": "healthcare", "paper": "2507.05201"})
    assert linked.selectbox(key="paper").value == "2507.05201"
    assert linked.code[0].value.endswith("/papers?q=healthcare&paper=2507.05201")


def test_a_search_matching_nothing_says_so(monkeypatch, url):
    at = app_test(monkeypatch, url, PAGE)
    at.text_input(key="q").input("no such paper 50%_").run()
    assert not at.selectbox
    assert "No paper has every one of those words" in at.info[0].value


def test_title_and_abstract_with_markup_are_shown_literally(monkeypatch, url):
    at = app_test(monkeypatch, url, PAGE)
    at.text_input(key="q").input(HOSTILE_ID).run()
    bodies = "".join(html_bodies(at))
    assert html.escape(HOSTILE_TITLE) in bodies
    assert "<script" not in bodies and "<img" not in bodies and "<b>" not in bodies
    # The one claim's value is still marked, inside otherwise escaped text.
    assert '">91.5%</mark>' in bodies or '">91.5</mark>' in bodies
    assert html.escape(HOSTILE_ABSTRACT.split("EvilNet")[0]) in bodies
    # No Markdown element carries the paper's text (st.html does not read Markdown).
    assert all("evil.example" not in element.value for element in at.markdown)


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([], [("abcdef", False)]),
        ([(1, 3)], [("a", False), ("bc", True), ("def", False)]),
        ([(0, 2), (1, 4)], [("abcd", True), ("ef", False)]),
        ([(4, 99), (-5, 1)], [("a", True), ("bcd", False), ("ef", True)]),
        ([(3, 3)], [("abcdef", False)]),
    ],
    ids=["none", "one", "overlapping", "clipped", "empty"],
)
def test_split_at_spans_marks_each_span_and_keeps_the_text(spans, expected):
    pieces = split_at_spans("abcdef", spans)
    assert pieces == expected
    assert "".join(piece for piece, _ in pieces) == "abcdef"


def test_review_shows_a_hostile_papers_title_and_sentence_literally(monkeypatch, url):
    at = app_test(monkeypatch, url, "views/review.py")
    at.text_input(key="paper_filter").input(HOSTILE_ID).run()
    bodies = "".join(html_bodies(at))
    assert html.escape(HOSTILE_TITLE) in bodies
    assert "<script" not in bodies and "<img" not in bodies
    assert '">91.5%</mark> accuracy on ImageNet.' in bodies
