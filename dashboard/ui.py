"""Page furniture shared by every page: safe text, highlighted spans, links, and who may write.

Text from papers (titles, abstracts, sentences, names) is never given to
Markdown as is: it goes through `html.escape` into `st.html` (which does not
read Markdown), or through `md_escape` where Streamlit renders Markdown (labels).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import quote, urlencode

import pandas as pd
import streamlit as st

from dashboard import data
from leaderboard.access import PASSWORD_ENV_VAR, PASSWORD_SECRET_KEY, can_write, review_password
from leaderboard.errors import LeaderboardError
from leaderboard.queries.papers import split_at_spans
from leaderboard.review import ImportProblems

# Every ASCII character Markdown (and Streamlit's extensions: :emoji:, :color[...], $math$) gives meaning to.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$&=\"'])")
# GFM links `www.x`, `http(s)://x` and `a@b.c` by their shape in the text left after escapes are
# read, so no escape stops it; a word joiner (U+2060, invisible) inside each shape does.
WORD_JOINER = "\u2060"
_AUTOLINK_SHAPE = re.compile(
    r"""
    (?<=www)(?=\.)     # www|.example.org
  | (?<=:)(?=//)        # https:|//example.org
  | (?<=@)              # ann@|example.org
    """,
    re.VERBOSE | re.IGNORECASE,
)
MARK_STYLE = "background:#ffe08a;padding:0 2px;border-radius:3px"

FLASH_KEY = "flash_message"
REVIEWER_KEY = "reviewer_name"
PASSWORD_KEY = "reviewer_password"


def md_escape(text: object) -> str:
    """`text` as literal characters inside Markdown: every special character backslash-escaped, and
    no link made of it: an invisible word joiner breaks each shape GFM would turn into one."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _AUTOLINK_SHAPE.sub(WORD_JOINER, str(text)))


def marked_html(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` escaped for HTML, each span wrapped in <mark>."""
    return "".join(
        f'<mark style="{MARK_STYLE}">{html.escape(piece)}</mark>' if marked else html.escape(piece)
        for piece, marked in split_at_spans(text, spans)
    )


def show_marked(text: str, spans: Iterable[tuple[int, int]] = ()) -> None:
    """Paper text on the page with `spans` highlighted; nothing in it is read as markup."""
    st.html(f'<div style="line-height:1.6;white-space:pre-wrap">{marked_html(text, spans)}</div>')


def show_title(title: str | None, level: int = 3) -> None:
    """A paper's title as a heading, escaped."""
    st.html(f"<h{level}>{html.escape(title or '(untitled)')}</h{level}>")


def file_slug(name: str) -> str:
    """A name as a safe piece of a download's file name."""
    return re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower()[:60] or "table"


def arxiv_url(arxiv_id: str | None) -> str | None:
    return f"https://arxiv.org/abs/{quote(arxiv_id)}" if arxiv_id else None


def arxiv_link_html(arxiv_id: str | None) -> str:
    return link_html(arxiv_url(arxiv_id), f"arXiv:{arxiv_id}")


def link_html(url: str | None, text: str) -> str:
    """An escaped link opening in a new tab; empty when there is no URL (only http(s) links are made)."""
    if not url or not url.startswith(("https://", "http://")):
        return ""
    return f'<a href="{html.escape(url)}" target="_blank">{html.escape(text)}</a>'


def write_then_rerun(
    fn: Callable[..., Any], *args: Any, done: str, changes_entities: bool = False, **kwargs: Any
) -> None:
    """Run a library write; on success rerun the page with `done` shown, else show why it was refused."""
    try:
        data.write(fn, *args, changes_entities=changes_entities, **kwargs)
    except ImportProblems as exc:
        st.error(md_escape(f"Nothing was saved: {exc}"))
        for row, problem in exc.problems:
            # Rows count the file's header as row 1; the edited rows start at row 2.
            st.error(md_escape(f"edited row {row - 1 if row else '?'}: {problem}"))
        return
    except LeaderboardError as exc:  # a refused edit, a stale version, an unknown name: not a bug
        # Messages quote names and values from papers: shown literally.
        st.error(md_escape(f"Nothing was saved: {exc}"))
        return
    st.session_state[FLASH_KEY] = done
    st.rerun()


def show_flash() -> None:
    """The message left by the last successful write, shown once."""
    message = st.session_state.pop(FLASH_KEY, None)
    if message:
        st.success(md_escape(message))


def reviewer_sidebar() -> None:
    """The reviewer's name and password, in the sidebar; says how to enable editing when it is off."""
    with st.sidebar:
        st.subheader("Reviewer")
        if review_password(_secrets()) is None:
            st.caption(
                f"Read-only. To enable editing, set `{PASSWORD_ENV_VAR}` (or `{PASSWORD_SECRET_KEY}` in "
                "`.streamlit/secrets.toml`) and restart the dashboard."
            )
            return
        st.text_input("Your name", key=REVIEWER_KEY)
        st.text_input("Password", key=PASSWORD_KEY, type="password")
        if st.session_state.get(PASSWORD_KEY) and not _password_ok():
            st.error("Wrong password: read-only.")
        elif _password_ok() and not _name():
            st.warning("Enter your name to edit: every change records who made it.")
        elif current_reviewer():
            st.success("Editing enabled.")


def current_reviewer() -> str | None:
    """The reviewer's name when they may write (password configured and entered, name given), else None."""
    return _name() if _password_ok() and _name() else None


def read_only_notice() -> None:
    st.info(
        "Read-only. Editing needs the review password (configured with "
        f"`{PASSWORD_ENV_VAR}` or `{PASSWORD_SECRET_KEY}` in `.streamlit/secrets.toml`) "
        "entered in the sidebar with your name."
    )


def _name() -> str:
    return str(st.session_state.get(REVIEWER_KEY) or "").strip()


def _password_ok() -> bool:
    return can_write(st.session_state.get(PASSWORD_KEY), _secrets())


def _secrets():
    # Reading st.secrets raises when no secrets file exists; then there are simply none.
    try:
        return dict(st.secrets)
    except Exception:
        return None


def plural(count: int, noun: str) -> str:
    """'1 claim', '2 claims'."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def text_or(value: object, blank: str = "") -> str:
    """A cell or label's text: None and NaN become `blank` (never 'None' or 'nan'), floats `:g`."""
    if value is None or (isinstance(value, float) and value != value):
        return blank
    try:
        if value is pd.NA or value is pd.NaT:
            return blank
    except TypeError:
        pass
    return f"{value:g}" if isinstance(value, float) else str(value)


def blank_missing(table: pd.DataFrame) -> pd.DataFrame:
    """The table with every missing cell shown empty (Streamlit prints None otherwise): columns
    holding a missing value become text; complete columns keep their type (and numeric sort)."""
    shown = table.copy()
    for column in shown.columns:
        if shown[column].isna().any():
            shown[column] = [text_or(value) for value in shown[column]]
    return shown


def share_link(page: str, params: dict[str, object]) -> None:
    """A 'Copy link' popover holding the URL of this exact view (Streamlit's code block has a copy
    button). `page` is the page's URL path ('' for the default page)."""
    query = urlencode({name: text_or(value) for name, value in params.items() if text_or(value) != ""})
    base = st.context.url or ""
    # st.context.url holds the current page's path; the link names the page itself.
    root = base.rsplit("/", 1)[0] if base.rstrip("/").count("/") > 2 else base.rstrip("/")
    url = f"{root}/{page}" + (f"?{query}" if query else "")
    with st.popover("Copy link", icon=":material/link:"):
        st.caption("A link to exactly this view:")
        st.code(url, language=None, wrap_lines=True)
