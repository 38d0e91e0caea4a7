"""The dashboard's entry point (`streamlit run dashboard/app.py`, or `leaderboard dashboard`).

A router only: the sidebar (database, reviewer) and one `st.Page` per page in
`views/`. Pages lay out widgets and call `leaderboard/` through `dashboard.data`.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Streamlit puts this folder on sys.path, not the project root; `dashboard` is imported as a package.
PROJECT_ROOT = Path(__file__).resolve().parents[1]
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

import streamlit as st  # noqa: E402

from dashboard import data, ui  # noqa: E402

VIEWS = Path(__file__).resolve().parent / "views"
# A file of our own: an emoji or :material/...: page icon makes the browser fetch it from
# fonts.gstatic.com, and the dashboard fetches nothing from outside the machine.
ICON = Path(__file__).resolve().parent / "icon.png"
PAGES = [
    st.Page(VIEWS / "leaderboards.py", title="Leaderboards", icon=":material/leaderboard:", default=True),
    st.Page(VIEWS / "compare.py", title="Compare", icon=":material/compare_arrows:"),
    st.Page(VIEWS / "review.py", title="Review", icon=":material/rate_review:"),
    st.Page(VIEWS / "papers.py", title="Papers", icon=":material/article:"),
    st.Page(VIEWS / "entities.py", title="Entities", icon=":material/category:"),
    st.Page(VIEWS / "export.py", title="Export", icon=":material/download:"),
]

st.set_page_config(page_title="Benchmark leaderboard", page_icon=str(ICON), layout="wide")
page = st.navigation(PAGES)
with st.sidebar:
    st.caption(f"Database: {ui.md_escape(data.display_url())}")
# A database that cannot be opened is one line on every page, not a traceback per widget.
if (problem := data.unavailable()) is not None:
    st.error(problem, icon=":material/error:")
    st.stop()
ui.reviewer_sidebar()
page.run()
