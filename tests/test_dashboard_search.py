"""Full-text search over titles and abstracts (migration 0009), from the library and the CLI,
on SQLite and PostgreSQL."""

from __future__ import annotations

import csv

import pytest
from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from leaderboard.cli import app
from leaderboard.db.models import Paper
from leaderboard.queries.search import SearchError, search_papers

# An untitled paper is found by a word of its abstract only; "transformers" finds the stem.
PAPERS = [
    (
        "p-untitled",
        "",
        "We study glaciers with a recurrent model. GlacierNet achieves 81.5% accuracy on Ice-1K.",
        "2024-01-02",
    ),
    (
        "p-vit",
        "Vision transformers for glaciers",
        "A transformer reads satellite images of ice.",
        "2024-03-01",
    ),
    ("p-other", "Speech recognition at scale", "We train a speech recogniser on many hours.", "2023-05-05"),
]


@pytest.fixture
def filled(db_url, runner, tmp_path) -> str:
    path = tmp_path / "papers.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "title", "abstract", "date"])
        writer.writerows(PAPERS)
    result = runner.invoke(app, ["ingest", str(path), "--db", db_url])
    assert result.exit_code == 0, result.output
    return db_url


def found(engine, text: str, **kwargs) -> list[str]:
    with Session(engine) as session:
        return list(search_papers(session, text, **kwargs).papers["paper_id"])


@pytest.fixture
def engine_on(filled):
    from leaderboard.db import make_engine

    engine = make_engine(filled)
    yield engine
    engine.dispose()


def test_a_word_of_an_untitled_papers_abstract_finds_it(engine_on):
    assert found(engine_on, "GlacierNet") == ["p-untitled"]
    assert found(engine_on, "recurrent glaciers") == ["p-untitled"]


def test_words_are_stemmed_prefixes_all_required_and_ranked(engine_on):
    assert set(found(engine_on, "glacier")) == {"p-untitled", "p-vit"}
    assert found(engine_on, "transformers") == ["p-vit"]
    assert found(engine_on, "recog") == ["p-other"]
    assert found(engine_on, "glacier speech") == []


def test_search_syntax_in_the_text_is_taken_as_words(engine_on):
    assert found(engine_on, 'speech" OR title:* AND (NOT') == []
    assert found(engine_on, '"speech"') == ["p-other"]


def test_an_id_leads_and_no_words_lists_newest_first_a_page_at_a_time(engine_on):
    assert found(engine_on, "p-other") == ["p-other"]
    assert found(engine_on, "", per_page=2) == ["p-vit", "p-untitled"]
    assert found(engine_on, "", page=2, per_page=2) == ["p-other"]
    with Session(engine_on) as session:
        result = search_papers(session, "", per_page=2)
        assert (result.total, result.pages) == (3, 2)
        with pytest.raises(SearchError):
            search_papers(session, "x", page=0)


def test_the_index_follows_changed_and_deleted_papers(engine_on):
    with Session(engine_on) as session, session.begin():
        session.execute(update(Paper).where(Paper.id == "p-other").values(title="Moraine mapping"))
    assert found(engine_on, "moraine") == ["p-other"]
    assert found(engine_on, "speech") == ["p-other"]  # still in its abstract
    with Session(engine_on) as session, session.begin():
        session.execute(delete(Paper).where(Paper.id == "p-untitled"))
    assert found(engine_on, "GlacierNet") == []


def test_cli_papers_search_prints_the_matches(filled, runner):
    result = runner.invoke(app, ["papers", "search", "glacier", "-n", "1", "--db", filled])
    assert result.exit_code == 0, result.output
    assert "2 papers match; 1-1 shown (page 1 of 2)" in result.output
    second = runner.invoke(app, ["papers", "search", "glacier", "-n", "1", "--page", "2", "--db", filled])
    assert "2 papers match; 2-2 shown (page 2 of 2)" in second.output
    pages = result.output + second.output
    assert "Vision transformers for glaciers" in pages and "We study glaciers" in pages
    result = runner.invoke(app, ["papers", "search", "GlacierNet", "--db", filled])
    assert "p-untitled" in result.output and "We study glaciers" in result.output
    result = runner.invoke(app, ["papers", "search", "nothing-like-it", "--db", filled])
    assert result.exit_code == 0
    assert "no paper matches" in result.output
