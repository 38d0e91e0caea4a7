"""Side-by-side numbers for reading across papers: one benchmark's models x papers, and one
model's results in every paper that reports it.

Columns are papers named for a reader (shortened title and date, never an internal id), and
a grid's `attrs["papers"]` lists each column's paper (id, title, date, arXiv link) so a page
can link them. A cell without a number is None; `disagree` is True where papers differ.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy.orm import Session

from leaderboard.db.models import ClaimRow
from leaderboard.queries.base import claim_select, claims_frame, rankable
from leaderboard.queries.boards import _rankable_claims, pick_metric
from leaderboard.queries.names import find_entity

# A column header long enough to tell papers apart, short enough for a grid.
TITLE_CHARS = 28
PAPER_COLUMNS = ["column", "paper_id", "title", "date", "arxiv_url"]
LOWER = "lower"


def paper_label(title: object, paper_id: str, date: object, taken: set[str]) -> str:
    """A short, unique column name for a paper: its title cut to TITLE_CHARS (else its id), then
    its date; a clash gets the paper id added."""
    text = str(title).strip() if isinstance(title, str) and title.strip() else paper_id
    if len(text) > TITLE_CHARS:
        text = text[: TITLE_CHARS - 1].rstrip() + "…"
    label = text if date is None or pd.isna(date) else f"{text} ({date})"
    if label in taken:
        label = f"{label} [{paper_id}]"
    taken.add(label)
    return label


def _papers_of(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per paper of `claims`, oldest first (undated last), with its column name."""
    papers = (
        claims[["paper_id", "paper_title", "paper_date", "arxiv_url"]]
        .drop_duplicates("paper_id")
        .sort_values(["paper_date", "paper_id"], na_position="last", kind="stable")
    )
    taken: set[str] = set()
    columns = [
        paper_label(row.paper_title, row.paper_id, row.paper_date, taken) for row in papers.itertuples()
    ]
    return pd.DataFrame(
        {
            "column": columns,
            "paper_id": papers["paper_id"].tolist(),
            "title": papers["paper_title"].tolist(),
            "date": [None if pd.isna(d) else str(d) for d in papers["paper_date"]],
            "arxiv_url": papers["arxiv_url"].tolist(),
        },
        columns=PAPER_COLUMNS,
    )


def _pivot(claims: pd.DataFrame, rows: list[str], direction: str | None) -> pd.DataFrame:
    papers = _papers_of(claims)
    column_of = dict(zip(papers["paper_id"], papers["column"], strict=True))
    claims = claims.assign(paper=claims["paper_id"].map(column_of))
    aggregate = "min" if direction == LOWER else "max"
    grid = claims.pivot_table(index=rows, columns="paper", values="value_canonical", aggfunc=aggregate)
    grid = grid.reindex(columns=list(papers["column"]))
    grid.columns.name = None
    values = grid.to_numpy(dtype=float)
    counts = (~pd.isna(values)).sum(axis=1)
    spread = pd.DataFrame(values).max(axis=1) - pd.DataFrame(values).min(axis=1)
    grid.insert(0, "disagree", (counts > 1) & (spread.to_numpy() > 0))
    grid = grid.reset_index().rename(columns={"condition_key": "condition"})
    grid = grid.astype({column: object for column in papers["column"]})
    grid[list(papers["column"])] = grid[list(papers["column"])].where(
        grid[list(papers["column"])].notna(), None
    )
    grid.attrs["papers"] = papers.to_dict("records")
    return grid


def paper_grid(
    session: Session, benchmark: str | int, metric: str | int | None = None, condition: str | None = None
) -> pd.DataFrame:
    """Models down, papers across for one benchmark and metric: each model's best score in each
    paper. Columns: condition, model, disagree, then one per paper (see `paper_label`)."""
    bench = find_entity(session, "benchmark", benchmark)
    met = pick_metric(session, bench, metric)
    claims = _rankable_claims(session, bench, met, condition, accepted_only=False)
    if claims.empty:
        return pd.DataFrame(columns=["condition", "model", "disagree"])
    grid = _pivot(claims, ["condition_key", "model"], met.direction)
    grid.attrs.update(benchmark=bench.name, metric=met.name, direction=met.direction or "higher")
    return grid


def model_grid(session: Session, model: str | int) -> pd.DataFrame:
    """One model across papers: a row per benchmark, metric and condition it has ranked scores
    on, a column per paper. Columns: benchmark, metric, condition, disagree, then one per paper."""
    entity = find_entity(session, "model", model)
    claims = claims_frame(session, claim_select().where(ClaimRow.model_id == entity.id, rankable()))
    claims = claims[claims["benchmark"].notna() & claims["metric"].notna()]
    if claims.empty:
        return pd.DataFrame(columns=["benchmark", "metric", "condition", "disagree"])
    # Papers differ when they disagree on one metric, whichever way it points: max per paper is
    # enough to see that, but a lower-is-better metric shows each paper's best (lowest) value.
    lower_metrics = {name for name, d in _directions(session, claims).items() if d == LOWER}
    best = claims.assign(
        signed=claims["value_canonical"].where(
            ~claims["metric"].isin(lower_metrics), -claims["value_canonical"]
        )
    )
    best = best.sort_values("signed", ascending=False).drop_duplicates(
        ["benchmark", "metric", "condition_key", "paper_id"]
    )
    grid = _pivot(best, ["benchmark", "metric", "condition_key"], None)
    grid.attrs.update(model=entity.name)
    return grid


def _directions(session: Session, claims: pd.DataFrame) -> dict[str, str | None]:
    return {
        name: find_entity(session, "metric", int(metric_id)).direction
        for name, metric_id in claims.drop_duplicates("metric")[["metric", "metric_id"]].itertuples(
            index=False
        )
    }
