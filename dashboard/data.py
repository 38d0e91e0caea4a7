"""The dashboard's one door to the database: a cached engine, cached reads, audited writes.

The engine is a resource made once per database URL (`st.cache_resource`);
query results are data cached for a short time, keyed by the URL and the
arguments (`st.cache_data(ttl=...)`), and every write clears them so a page
shows its own change at once. The URL comes from `leaderboard.settings`
(`$LEADERBOARD_DB`, set by `leaderboard dashboard`).

Pages call the functions at the bottom; they hold no query logic of their
own, only the library's (`leaderboard.queries`, `leaderboard.review`, ...).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

import pandas as pd
import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from leaderboard import db, export, queries, review
from leaderboard.db.opening import display_url as hide_password
from leaderboard.queries import entities as entities_view
from leaderboard.queries import grids, pickers, review_table, search
from leaderboard.queries import papers as papers_view
from leaderboard.settings import resolve_db_url

# Long enough that moving between widgets reuses results, short enough that
# another reviewer's change (or an ingest) shows up without a restart.
TTL_SECONDS = 30
# The benchmark list and entity tables count every claim: seconds at 1,000,000 claims (see
# benchmarks/bench_dashboard.py), so they are kept longer.
LIST_TTL_SECONDS = 300

P = ParamSpec("P")
T = TypeVar("T")


def db_url() -> str:
    return resolve_db_url()


def display_url() -> str:
    """The URL without its password, for showing on the page."""
    return hide_password(db_url())


@st.cache_resource(show_spinner=False)
def engine(url: str) -> Engine:
    """One engine (connection pool) per database, brought to the newest schema and the shipped
    registry once, as the CLI opens it."""
    return db.open_database(url)


def unavailable() -> str | None:
    """Why the database cannot be used, as one line without its password; None when it can."""
    url = db_url()
    try:
        # Making the engine connects and migrates; once made (cached), the database answered.
        engine(url)
    except db.DatabaseUnavailableError as exc:
        return str(exc)
    return None


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=500)
def _cached_read(url: str, name: str, args: tuple, kwargs: dict, _fn: Callable[..., Any]) -> Any:
    # `name` stands for `_fn` in the cache key (arguments starting with _ are not hashed).
    with Session(engine(url)) as session:
        return _fn(session, *args, **kwargs)


@st.cache_data(ttl=LIST_TTL_SECONDS, show_spinner=False, max_entries=50)
def _cached_list(url: str, name: str, args: tuple, kwargs: dict, _fn: Callable[..., Any]) -> Any:
    with Session(engine(url)) as session:
        return _fn(session, *args, **kwargs)


def cached(fn: Callable[..., T], *, whole_database: bool = False) -> Callable[..., T]:
    """`fn(session, *args, **kwargs)` as a cached `read(*args, **kwargs)` on the current database.

    `whole_database` reads (lists with counts over every claim) are kept longer and
    survive review writes, which move their counts by one claim at most.
    """
    name = f"{fn.__module__}.{fn.__qualname__}"
    store = _cached_list if whole_database else _cached_read

    def read(*args: Any, **kwargs: Any) -> T:
        return store(db_url(), name, args, kwargs, fn)

    read.__name__ = fn.__name__
    read.__doc__ = fn.__doc__
    return read


def write(fn: Callable[..., T], *args: Any, changes_entities: bool = False, **kwargs: Any) -> T:
    """Run `fn(session, ...)` in one transaction, then drop cached reads so pages show the change
    (the whole-database lists too when `changes_entities`: merges, aliases, directions)."""
    sessions = db.make_sessionmaker(engine(db_url()))
    try:
        with sessions.begin() as session:
            return fn(session, *args, **kwargs)
    finally:
        clear(lists=changes_entities)


def clear(lists: bool = True) -> None:
    """Forget cached reads (and the whole-database lists, unless `lists` is off)."""
    _cached_read.clear()
    if lists:
        _cached_list.clear()


# Reads the pages use. Results must pickle (DataFrames, dicts, plain values).
search_papers = cached(papers_view.search_papers)
find_papers = cached(search.search_papers)
paper_record = cached(papers_view.paper_record)
paper_claims = cached(papers_view.paper_claims)

benchmarks = cached(queries.benchmarks, whole_database=True)
metrics_for = cached(queries.metrics_for)
conditions_for = cached(queries.conditions_for)
leaderboard = cached(queries.leaderboard)
sota_over_time = cached(queries.sota_over_time)
model_paper_grid = cached(queries.model_paper_grid)
disagreements = cached(queries.disagreements)
compare = cached(queries.compare)
claims = cached(queries.claims)
ranked_benchmarks = cached(pickers.ranked_benchmarks, whole_database=True)
ranked_models = cached(pickers.ranked_models, whole_database=True)
entity_names = cached(pickers.entity_names, whole_database=True)
paper_grid = cached(grids.paper_grid)
model_grid = cached(grids.model_grid)


def export_bytes(table: pd.DataFrame, fmt: str = "csv") -> bytes:
    """A table in `fmt` for a download button (CSV's formula-looking cells neutralised by the library;
    the results formats get each benchmark's task and Hub id first). LeaderboardError when the rows
    do not fit the format (the Hub's files hold one model, and benchmarks with a Hub id)."""
    if export.writer_for(fmt).needs_benchmark_details:
        with Session(engine(db_url())) as session:
            table = queries.with_benchmark_details(session, table)
    return export.to_bytes(table, fmt)


def csv_bytes(table: pd.DataFrame) -> bytes:
    return export_bytes(table, "csv")


review_queue = cached(review.review_queue)
claim_record = cached(review_table.claim_record)
history_table = cached(review_table.history_table)

entity_table = cached(entities_view.entity_table, whole_database=True)
entity_history = cached(entities_view.entity_history_table)
suggestions_table = cached(entities_view.suggestions_table, whole_database=True)
