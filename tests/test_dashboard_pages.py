"""Every dashboard page renders without an exception on an empty database and on the seed corpus."""

from __future__ import annotations

import pytest
from dashboard_support import SEED_FILES, app_test, ingest, plain
from typer.testing import CliRunner

from leaderboard.cli import app

PAGES = [
    "views/leaderboards.py",
    "views/compare.py",
    "views/review.py",
    "views/papers.py",
    "views/entities.py",
    "views/export.py",
]


@pytest.fixture(scope="session")
def seed_url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('seed') / 'seed.db'}"
    ingest(url, *SEED_FILES)
    return url


@pytest.fixture(scope="session")
def empty_url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('empty') / 'empty.db'}"
    assert CliRunner().invoke(app, ["db", "upgrade", "--db", url]).exit_code == 0
    return url


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_on_an_empty_database(monkeypatch, empty_url, page):
    at = app_test(monkeypatch, empty_url, page)
    assert at.title, "every page has a title"


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_on_the_seed_corpus(monkeypatch, seed_url, page):
    at = app_test(monkeypatch, seed_url, page)
    assert at.title


def test_router_opens_on_leaderboards_and_shows_the_database_without_its_password(monkeypatch, seed_url):
    at = app_test(monkeypatch, seed_url)
    assert at.title[0].value == "Leaderboards"
    assert plain(at.sidebar.caption[0].value) == f"Database: {seed_url}"


def test_a_database_password_never_reaches_the_page(monkeypatch, seed_url):
    from dashboard import data

    # The page shows the URL it was given, minus the password.
    monkeypatch.setenv("LEADERBOARD_DB", "postgresql+psycopg://reader:s3cret-pw@db.example:5432/lb")
    assert data.display_url() == "postgresql+psycopg://reader:***@db.example:5432/lb"
