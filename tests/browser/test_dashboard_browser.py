"""The dashboard in a real Chromium, against `leaderboard dashboard` on a fresh database.

One server per module (seed corpus, three lab papers with one disagreement, a benchmark
typo and a paper full of markup), with a review password configured; each test opens its
own page (a new Streamlit session) at 1400 px and at 390 px wide, checks that no request
leaves 127.0.0.1, and screenshots of every page are written for people to look at.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
from dashboard_support import (
    HOSTILE_ID,
    HOSTILE_TITLE,
    SEED_FILES,
    ingest,
    write_hostile_csv,
    write_lab_csv,
)
from playwright.sync_api import expect
from sqlalchemy.orm import Session

from leaderboard import queries, review
from leaderboard.db import make_engine
from leaderboard.db.models import ClaimRow
from leaderboard.queries import pickers

PASSWORD = "correct horse"
IDLE_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return app !== null && app.getAttribute('data-test-script-state') === 'notRunning'
    && document.querySelector('[data-testid="stSkeleton"], [data-stale="true"]') === null;
}"""
REVIEWER = "Ada Reviewer"


# A wide screen and a phone.
WIDTHS = [1400, 390]
TYPO = "ImageNett"


def write_typo_csv(folder: Path) -> Path:
    # A misspelt benchmark the extractor takes as one of its own: junk to take off the boards.
    path = folder / "typo.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "title", "abstract", "date"])
        writer.writerow(
            ["typo-1", "A typo", f"Swin-T achieves 80.1% top-1 accuracy on {TYPO}.", "2024-03-01"]
        )
    return path


@pytest.fixture(scope="module")
def server(start_dashboard, tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser-db")
    db_url = f"sqlite:///{folder / 'dashboard.db'}"
    ingest(db_url, *SEED_FILES, write_hostile_csv(folder), write_lab_csv(folder), write_typo_csv(folder))
    return start_dashboard(db_url, env={"LEADERBOARD_REVIEW_PASSWORD": PASSWORD})


@pytest.fixture(params=WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def width(request) -> int:
    return request.param


@pytest.fixture
def page(browser, width):
    """A new browser page; every request it makes must stay on this machine."""
    context = browser.new_context(viewport={"width": width, "height": 1000}, accept_downloads=True)
    opened = context.new_page()
    outside: list[str] = []
    opened.on("request", lambda request: outside.append(request.url) if not _local(request.url) else None)
    yield opened
    context.close()
    assert outside == [], f"requests left the machine: {outside}"


def _local(url: str) -> bool:
    return url.startswith(("http://127.0.0.1:", "ws://127.0.0.1:", "data:", "blob:", "about:"))


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
    width = page.viewport_size["width"]
    path = screenshots / f"{name}-{width}px.png"
    page.screenshot(path=str(path), full_page=True)
    print(f"screenshot: {path}")
    # Nothing on the page failed, in Python or in the browser (a table it could not draw).
    errors = page.locator('[data-testid="stException"]')
    assert errors.count() == 0, errors.first.inner_text()


SEARCH_LABEL = "Search titles and abstracts, or an arXiv id"


def test_papers_page_shows_markup_in_a_title_and_abstract_literally(page, server, screenshots):
    open_page(page, server, "papers")
    page.get_by_label(SEARCH_LABEL).fill(HOSTILE_ID)
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
    candidates = pickers.ranked_benchmarks(session).iloc[1:10]
    sizes = {
        (int(row.entity_id), str(row.name)): len(queries.leaderboard(session, int(row.entity_id)))
        for row in candidates.itertuples()
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
    open_sidebar(page)
    page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
    page.get_by_role("heading", name=title).first.wait_for(timeout=30_000)
    wait_idle(page)
    close_sidebar(page)


def models_in_order(cells: list[str], models: set[str]) -> list[str]:
    return [cell for cell in cells if cell in models]


def test_leaderboard_shows_ranked_rows_and_downloads_them_as_csv(page, server, screenshots):
    benchmark_id, name = read_db(server.db_url, second_benchmark)
    expected = read_db(server.db_url, queries.leaderboard, benchmark_id)
    open_page(page, server)
    shoot(page, screenshots, "leaderboards-default")
    choose(page, "Benchmark (type to search)", name)
    ranked = f"{len(expected)} ranked model{'' if len(expected) == 1 else 's'} "
    page.get_by_text(ranked).wait_for(timeout=30_000)
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


def open_sidebar(page) -> None:
    """Narrow screens start with the sidebar folded away: open it."""
    sidebar = page.locator('[data-testid="stSidebar"]')
    if sidebar.get_attribute("data-collapsed") == "true":
        page.locator('[data-testid="stExpandSidebarButton"]').click()
        expect(sidebar).to_have_attribute("data-collapsed", "false", timeout=30_000)


def close_sidebar(page) -> None:
    """On a narrow screen the open sidebar covers the page: fold it away again."""
    sidebar = page.locator('[data-testid="stSidebar"]')
    if page.viewport_size["width"] < 800 and sidebar.get_attribute("data-collapsed") == "false":
        sidebar.hover()
        page.locator('[data-testid="stSidebarCollapseButton"] button').click()
        expect(sidebar).to_have_attribute("data-collapsed", "true", timeout=30_000)


def login(page) -> None:
    open_sidebar(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_label("Your name").fill(REVIEWER)
    sidebar.get_by_label("Your name").press("Enter")
    wait_idle(page)
    sidebar.get_by_label("Password", exact=True).fill(PASSWORD)
    sidebar.get_by_label("Password", exact=True).press("Enter")
    sidebar.get_by_text("Editing enabled.").wait_for(timeout=30_000)
    wait_idle(page)
    close_sidebar(page)


def test_a_reviewer_corrects_a_value_that_reaches_the_database_and_the_leaderboard(page, server, screenshots):
    benchmark_id, name = read_db(server.db_url, second_benchmark)
    top = read_db(server.db_url, queries.leaderboard, benchmark_id).iloc[0]
    # A small change, so a 0-1 metric's value stays in range (and ranked).
    step = 0.5 if float(top["value"]) > 1 else 0.01
    claim_id, new_value = int(top["claim_id"]), round(float(top["value"]) + step, 2)

    open_page(page, server)
    login(page)
    go_to(page, "Review")
    # Every status: the run at the other width may have corrected this claim already.
    in_paper = read_db(server.db_url, review.review_queue, status=None, paper=str(top["paper_id"]))
    choose(page, "Status", "any")
    page.get_by_label("Paper id", exact=True).fill(str(top["paper_id"]))
    page.get_by_label("Paper id", exact=True).press("Enter")
    wait_idle(page)
    page.get_by_text(
        f"{len(in_paper)} claim{'' if len(in_paper) == 1 else 's'}, most doubtful first"
    ).wait_for(timeout=30_000)
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
    # The corrected claim is still in view, with its new status and the change in its history.
    main = page.locator('[data-testid="stMain"]')
    assert "Status: corrected" in main.inner_text()
    expect(page.locator(f".st-key-rv_edit_{claim_id}_value input")).to_have_value(f"{new_value:g}")
    wait_for_cell(page, REVIEWER)  # the history's reviewer column (the reason may be off-screen at 390 px)
    # N moves on to the next claim waiting.
    # (Out of the form's text boxes first: typing there is not a shortcut.)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press("n")
    page.get_by_text("Status: extracted").wait_for(timeout=30_000)
    wait_idle(page)

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


def test_a_link_opens_exactly_that_board(page, server, screenshots):
    benchmark_id, name = read_db(server.db_url, second_benchmark)
    expected = read_db(server.db_url, queries.leaderboard, benchmark_id)
    metric = str(expected["metric"].iloc[0])
    # Typed by hand: any case works.
    open_page(page, server, "?" + urlencode({"benchmark": name.lower(), "metric": metric}))
    wait_for_cell(page, str(expected["model"].iloc[-1]))
    shoot(page, screenshots, "leaderboards-from-link")
    box = page.locator('[data-testid="stSelectbox"]').filter(
        has=page.get_by_text("Benchmark (type to search)")
    )
    assert name in box.inner_text() or box.locator("input").input_value() == name
    cells = grid_cells(page)
    assert models_in_order(cells, set(expected["model"])) == list(expected["model"])
    assert "None" not in cells and "nan" not in cells
    # The page offers its own link, and it opens the same board.
    page.get_by_role("button", name="Copy link").click()
    link = page.locator('[data-testid="stCode"]').inner_text().strip()
    assert f"benchmark={name.replace(' ', '+')}" in link or f"benchmark={name}" in link
    open_page(page, server, link.split("/", 3)[3])
    wait_for_cell(page, str(expected["model"].iloc[-1]))


def scroll_grid_right(page, grid) -> None:
    """A narrow screen shows a grid's first columns: scroll it sideways to bring the rest in."""
    if page.viewport_size["width"] < 800:
        grid.hover()
        page.mouse.wheel(2000, 0)


def test_two_papers_numbers_for_one_model_side_by_side(page, server, screenshots):
    open_page(page, server, "compare")
    choose(page, "Model (type to search)", "ResNet-50")
    wait_for_cell(page, "ImageNet")
    seen = set(grid_cells(page))
    scroll_grid_right(page, page.locator('[data-testid="stDataFrame"]').first)
    wait_for_cell(page, "75.3")
    shoot(page, screenshots, "compare-model")
    grid = page.locator('[data-testid="stDataFrame"]').first
    headers = " ".join(grid.locator('[role="columnheader"]').all_inner_texts())
    assert "Residual nets revisited (2023-01-10)" in headers
    assert "Vision transformers at scale (2023-06-01)" in headers
    cells = grid_cells(page)
    assert {"76.1", "75.3", "≠"} <= seen | set(cells)
    assert "None" not in cells and "nan" not in cells
    assert "model=ResNet-50" in page.url


def test_a_word_of_an_abstract_finds_the_paper(page, server, screenshots):
    open_page(page, server, "papers")
    # 2507.05201 has no title: only its abstract says "healthcare".
    page.get_by_label(SEARCH_LABEL).fill("healthcare")
    page.keyboard.press("Enter")
    page.get_by_text("best match first").wait_for(timeout=30_000)
    wait_idle(page)
    shoot(page, screenshots, "papers-search")
    main = page.locator('[data-testid="stMain"]')
    assert "2507.05201" in main.inner_text()
    assert "Artificial intelligence (AI) has significant potential in healthcare" in main.inner_text()
    assert "q=healthcare" in page.url


def test_a_reviewer_marks_a_junk_benchmark_and_its_board_goes(page, server, screenshots):
    open_page(page, server, "entities?name=" + TYPO.lower())
    login(page)
    choose(page, "Benchmark", TYPO)
    page.get_by_role("button", name="Not a benchmark: take it off the boards").click()
    page.get_by_text(f"{TYPO} is no longer shown as a benchmark.").wait_for(timeout=30_000)
    wait_idle(page)
    shoot(page, screenshots, "entities-not-a-benchmark")
    wait_for_cell(page, REVIEWER)  # the change is logged (its other columns may be off-screen at 390 px)
    go_to(page, "Leaderboards")
    box = page.locator('[data-testid="stSelectbox"]').filter(
        has=page.get_by_text("Benchmark (type to search)")
    )
    box.locator("input").click()
    page.keyboard.type("ImageNet")
    page.get_by_role("option").filter(has_text=re.compile("^ImageNet$")).first.wait_for(timeout=30_000)
    assert page.get_by_role("option").filter(has_text=re.compile(f"^{TYPO}$")).count() == 0
    page.keyboard.press("Escape")
    # Its claim is still there to review.
    go_to(page, "Review")
    page.get_by_label("Paper id", exact=True).fill("typo-1")
    page.get_by_label("Paper id", exact=True).press("Enter")
    page.get_by_text("1 claim, most doubtful first").wait_for(timeout=30_000)
    # Undo it, so the other width's run starts from the same database.
    go_to(page, "Entities")
    choose(page, "Benchmark", TYPO)
    page.get_by_role("button", name="It is a benchmark after all").click()
    page.get_by_text(f"{TYPO} is again shown as a benchmark.").wait_for(timeout=30_000)
