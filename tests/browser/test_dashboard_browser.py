"""The dashboard in a real Chromium, against `leaderboard dashboard` on a fresh database.

One server per module (seed corpus plus a paper full of markup), with a
review password configured; each test opens its own page (a new Streamlit
session), and screenshots of every page are written for people to look at.
"""

from __future__ import annotations

import csv
import re

import pytest
from dashboard_support import HOSTILE_ID, HOSTILE_TITLE, SEED_FILES, ingest, write_hostile_csv
from playwright.sync_api import expect
from sqlalchemy.orm import Session

from leaderboard import queries, review
from leaderboard.db import make_engine
from leaderboard.db.models import ClaimRow

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
    page.goto(f"{server.url}/{path}", wait_until="commit")
    wait_idle(page)


def wait_idle(page) -> None:
    """Wait until the script run is over and every element has loaded (no skeletons, nothing stale)."""
    page.wait_for_function(IDLE_JS, timeout=30_000)


def grid_cells(page, index: int = 0) -> list[str]:
    """The visible cells of the index-th dataframe (the grid's accessible table)."""
    grid = page.locator('[data-testid="stDataFrame"]').nth(index)
    grid.locator('[role="gridcell"]').first.wait_for(state="attached", timeout=30_000)
    return grid.locator('[role="gridcell"]').all_inner_texts()


def wait_for_cell(page, text: str) -> None:
    """Wait until a dataframe on the page shows a cell with exactly `text` (reruns stream in)."""
    exactly = re.compile(f"^{re.escape(text)}$")
    cell = page.locator('[data-testid="stDataFrame"] [role="gridcell"]').filter(has_text=exactly)
    cell.first.wait_for(state="attached", timeout=30_000)


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
    # Its claims table is there too.
    wait_for_cell(page, "EvilNet")


def read_db(db_url: str, fn, *args, **kwargs):
    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            return fn(session, *args, **kwargs)
    finally:
        engine.dispose()


def second_benchmark(session: Session) -> tuple[int, str]:
    """The seed benchmark with the most ranked models, other than the one the page opens on
    (so picking it is tested)."""
    candidates = queries.benchmarks(session).iloc[1:10]
    sizes = {
        (int(row.benchmark_id), str(row.benchmark)): len(queries.leaderboard(session, int(row.benchmark_id)))
        for row in candidates.itertuples()
        if not queries.metrics_for(session, int(row.benchmark_id)).empty
    }
    return max(sizes, key=sizes.get)


def choose(page, label: str, text: str) -> None:
    """Pick an option of a selectbox by typing (the box is searchable) and clicking the match."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has=page.get_by_text(label, exact=True))
    box.locator("input").click()
    page.keyboard.type(text)
    page.get_by_role("option").filter(has_text=text).first.click()
    page.get_by_role("option").first.wait_for(state="detached", timeout=30_000)
    wait_idle(page)


def go_to(page, title: str) -> None:
    """Switch pages through the sidebar, keeping the session (and the reviewer's login)."""
    page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
    page.get_by_role("heading", name=title).first.wait_for(timeout=30_000)
    wait_idle(page)


def models_in_order(cells: list[str], models: set[str]) -> list[str]:
    return [cell for cell in cells if cell in models]


def test_leaderboard_shows_ranked_rows_and_downloads_them_as_csv(page, server, screenshots):
    benchmark_id, name = read_db(server.db_url, second_benchmark)
    expected = read_db(server.db_url, queries.leaderboard, benchmark_id)
    open_page(page, server)
    shoot(page, screenshots, "leaderboards-default")
    choose(page, "Benchmark (type to search)", name)
    page.get_by_text(f"{len(expected)} ranked models").wait_for(timeout=30_000)
    shoot(page, screenshots, "leaderboards")
    wait_for_cell(page, str(expected["model"].iloc[-1]))
    cells = grid_cells(page)
    assert models_in_order(cells, set(expected["model"])) == list(expected["model"])
    assert f"{expected['value'].iloc[0]:g}" in cells

    with page.expect_download() as download:
        page.get_by_role("button", name="Download this table as CSV").click()
    with open(download.value.path(), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [row["model"] for row in rows] == list(expected["model"])
    assert [float(row["value"]) for row in rows] == list(expected["value"])
    assert [int(row["rank"]) for row in rows] == list(expected["rank"])


def login(page) -> None:
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_label("Your name").fill(REVIEWER)
    sidebar.get_by_label("Your name").press("Enter")
    wait_idle(page)
    sidebar.get_by_label("Password", exact=True).fill(PASSWORD)
    sidebar.get_by_label("Password", exact=True).press("Enter")
    sidebar.get_by_text("Editing enabled.").wait_for(timeout=30_000)
    wait_idle(page)


def test_a_reviewer_corrects_a_value_that_reaches_the_database_and_the_leaderboard(page, server, screenshots):
    benchmark_id, name = read_db(server.db_url, second_benchmark)
    top = read_db(server.db_url, queries.leaderboard, benchmark_id).iloc[0]
    claim_id, new_value = int(top["claim_id"]), round(float(top["value"]) + 0.5, 2)

    open_page(page, server)
    login(page)
    go_to(page, "Review")
    in_paper = read_db(server.db_url, review.review_queue, paper=str(top["paper_id"]))
    page.get_by_label("Paper id", exact=True).fill(str(top["paper_id"]))
    page.get_by_label("Paper id", exact=True).press("Enter")
    page.get_by_text(f"{len(in_paper)} claims, most doubtful first").wait_for(timeout=30_000)
    wait_idle(page)
    choose(page, "Claim", f"#{claim_id} ")
    # The correction form's widgets are keyed by claim (class st-key-<key>): wait for this claim's.
    value_box = page.locator(f".st-key-rv_edit_{claim_id}_value input")
    expect(value_box).to_have_value(f"{top['value']:g}", timeout=30_000)
    value_box.fill(f"{new_value:g}")
    page.locator(f".st-key-rv_edit_{claim_id}_reason input").fill("checked against the paper's table")
    shoot(page, screenshots, "review-editing")
    form = page.locator('[data-testid="stForm"]').filter(has=value_box)
    form.get_by_role("button", name="Save correction").click()
    page.get_by_text(f"Claim {claim_id} corrected.").wait_for(timeout=30_000)
    wait_idle(page)
    shoot(page, screenshots, "review-corrected")

    stored = read_db(server.db_url, lambda session: session.get(ClaimRow, claim_id))
    assert (stored.value, stored.status) == (new_value, "corrected")

    go_to(page, "Leaderboards")
    choose(page, "Benchmark (type to search)", name)
    wait_for_cell(page, f"{new_value:g}")


def test_without_the_password_no_edit_control_is_offered(page, server, screenshots):
    open_page(page, server, "review")
    page.get_by_text("most doubtful first").wait_for(timeout=30_000)
    shoot(page, screenshots, "review-read-only")
    main = page.locator('[data-testid="stMain"]')
    assert "Read-only" in main.inner_text()
    for label in ("Accept", "Reject", "Save correction", "Save table edits", "Add claim", "Revert"):
        assert main.get_by_role("button", name=label).count() == 0, label
    # The queue is a plain table, not an editable one.
    assert page.locator('[data-testid="stDataFrame"]').count() >= 1
    assert page.locator('[data-testid="stDataFrameResizable"] [aria-readonly="false"]').count() == 0


def test_every_other_page_renders_and_is_photographed(page, server, screenshots):
    open_page(page, server)
    for title in ("Compare", "Papers", "Entities", "Export"):
        go_to(page, title)
        shoot(page, screenshots, title.lower())
        assert page.locator('[data-testid="stException"]').count() == 0, title
