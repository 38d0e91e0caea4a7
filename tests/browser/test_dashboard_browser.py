"""The dashboard in a real Chromium, against `leaderboard dashboard` on a fresh database.

One server per module (seed corpus plus a paper full of markup), with a
review password configured; each test opens its own page (a new Streamlit
session), and screenshots of every page are written for people to look at.
"""

from __future__ import annotations

import re

import pytest
from dashboard_support import HOSTILE_ID, HOSTILE_TITLE, SEED_FILES, ingest, write_hostile_csv

PASSWORD = "correct horse"
IDLE_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return app !== null && app.getAttribute('data-test-script-state') === 'notRunning'
    && document.querySelector('[data-testid="stSkeleton"], [data-stale="true"]') === null;
}"""
REVIEWER = "Ada Reviewer"


@pytest.fixture(scope="module")
def server(start_dashboard, tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser-db")
    db_url = f"sqlite:///{folder / 'dashboard.db'}"
    ingest(db_url, *SEED_FILES, write_hostile_csv(folder))
    return start_dashboard(db_url, env={"LEADERBOARD_REVIEW_PASSWORD": PASSWORD})


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    opened = context.new_page()
    yield opened
    context.close()


def open_page(page, server, path: str = "") -> None:
    """Go to a dashboard page and wait until its script has finished running."""
    page.goto(f"{server.url}/{path}")
    wait_idle(page)


def wait_idle(page) -> None:
    """Wait until the script run is over and every element has loaded (no skeletons, nothing stale)."""
    page.wait_for_function(IDLE_JS, timeout=30_000)


def grid_cells(page, index: int = 0) -> list[str]:
    """The visible cells of the index-th dataframe (the grid's accessible table)."""
    grid = page.locator('[data-testid="stDataFrame"]').nth(index)
    grid.locator('[role="gridcell"]').first.wait_for(state="attached", timeout=30_000)
    return grid.locator('[role="gridcell"]').all_inner_texts()


def shoot(page, screenshots, name: str) -> None:
    path = screenshots / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    print(f"screenshot: {path}")


def test_papers_page_shows_markup_in_a_title_and_abstract_literally(page, server, screenshots):
    open_page(page, server, "papers")
    page.get_by_label("Search by title or arXiv id").fill(HOSTILE_ID)
    page.keyboard.press("Enter")
    page.get_by_text("EvilNet achieves").wait_for(timeout=30_000)
    wait_idle(page)
    shoot(page, screenshots, "papers-hostile")
    main = page.locator('[data-testid="stMain"]')
    # The characters are on the page as text...
    assert HOSTILE_TITLE in main.inner_text()
    assert "[a link](http://evil.example)" in main.inner_text()
    # ...and nothing they spell became an element.
    assert main.locator("img").count() == 0
    assert main.locator("script").count() == 0
    assert main.locator('a[href*="evil.example"]').count() == 0
    assert main.locator("b", has_text="Evil").count() == 0
    assert main.locator("mark", has_text=re.compile(r"^91\.5")).count() == 1


def test_papers_page_lists_seed_papers(page, server, screenshots):
    open_page(page, server, "papers")
    page.get_by_text("Claims", exact=True).wait_for(timeout=30_000)
    shoot(page, screenshots, "papers")
    assert page.locator("mark").count() >= 1
    assert grid_cells(page)
