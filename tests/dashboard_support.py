"""Helpers for the dashboard tests: databases filled through the real CLI, and an AppTest on them."""

from __future__ import annotations

import csv
import re
import shutil
import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest
from typer.testing import CliRunner

from leaderboard.cli import app

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dashboard" / "app.py"
SEED = ROOT / "seed"
# The corpus's paper files (the folder may hold other data, such as the entity registry).
SEED_FILES = sorted(SEED.glob("*.txt"))
# `dashboard` is a folder at the project root, importable as a package from there.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
# The first run imports pandas, SQLAlchemy, Altair...; later runs are fast.
TIMEOUT = 60

# A paper whose text tries every way to inject markup: HTML, an event handler, Markdown, math, a directive.
HOSTILE_ID = "hostile-1"
HOSTILE_TITLE = (
    "<script>alert('t')</script><img src=x onerror=alert(1)> [click me](http://evil.example) **bold**"
)
HOSTILE_ABSTRACT = (
    "We present <b>Evil</b><script>alert('a')</script>, see [a link](http://evil.example) and "
    "<img src=x onerror=alert(2)>. :red[red] $x^2$ # not a heading. "
    "EvilNet achieves 91.5% accuracy on ImageNet."
)


# Three dated papers on ImageNet top-1 accuracy: a known ranking (ConvNeXt-T 82.1, Swin-T 81.3,
# ResNet-50 76.1), one disagreement (ResNet-50: 76.1 in lab-1, 75.3 in lab-2), and a number
# the extractor misses (25 on ImageNet-A in lab-3).
LAB_PAPERS = [
    ("lab-1", "Residual nets revisited", "We revisit residual networks. "
     "ResNet-50 achieves 76.1% top-1 accuracy on ImageNet.", "2023-01-10"),
    ("lab-2", "Vision transformers at scale", "We train vision transformers. "
     "Swin-T achieves 81.3% top-1 accuracy on ImageNet. ResNet-50 achieves 75.3% top-1 accuracy on ImageNet.",
     "2023-06-01"),
    ("lab-3", "ConvNeXt for everyone", "We modernise convnets. "
     "ConvNeXt-T achieves 82.1% top-1 accuracy on ImageNet. We also tried ImageNet-A, getting 25 there.",
     "2024-02-01"),
]  # fmt: skip


def write_lab_csv(folder: Path) -> Path:
    path = folder / "lab.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "title", "abstract", "date"])
        writer.writerows(LAB_PAPERS)
    return path


def ingest(url: str, *paths: str | Path) -> None:
    result = CliRunner().invoke(app, ["ingest", *map(str, paths), "--db", url])
    assert result.exit_code == 0, result.output


def write_hostile_csv(folder: Path) -> Path:
    path = folder / "hostile.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "title", "abstract", "date"])
        writer.writerow([HOSTILE_ID, HOSTILE_TITLE, HOSTILE_ABSTRACT, "2024-05-01"])
    return path


def copy_sqlite(url: str, folder: Path) -> str:
    """A private copy of a SQLite database, for a test that writes."""
    source = Path(url.removeprefix("sqlite:///"))
    target = folder / "copy.db"
    shutil.copyfile(source, target)
    return f"sqlite:///{target}"


def app_test(
    monkeypatch, url: str, page: str | None = None, secrets: dict | None = None, query: dict | None = None
) -> AppTest:
    """The dashboard on `url`, run once (and switched to `page`, e.g. 'views/papers.py', when given);
    `query` is the URL's query parameters, as a link would give them."""
    from dashboard import data

    monkeypatch.setenv("LEADERBOARD_DB", url)
    monkeypatch.delenv("LEADERBOARD_REVIEW_PASSWORD", raising=False)
    data.clear()
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.secrets.update(secrets or {})
    for name, value in (query or {}).items():
        at.query_params[name] = value
    if page is not None and query:
        # A link opens its page directly: run that page's script with the parameters.
        at.switch_page(page)
        page = None
    at.run()
    assert not at.exception, at.exception
    if page is not None:
        at.switch_page(page).run()
        assert not at.exception, at.exception
    return at


def html_bodies(at: AppTest) -> list[str]:
    return [element.proto.body for element in at.html]


def plain(markdown: str) -> str:
    """Text the page escaped for Markdown (dashboard.ui.md_escape), as a reader sees it (the
    invisible word joiners that keep it from becoming links left out)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def messages(elements) -> list[str]:
    """The texts of st.success / st.error / st.info elements, as a reader sees them."""
    return [plain(element.value) for element in elements]
