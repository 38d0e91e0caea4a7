"""Compare: one benchmark's model x paper grid with disagreements highlighted, and the
database-wide list of the largest disagreements, each opening the sentences behind it."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from dashboard import data, ui

DISAGREE_STYLE = "background-color: #fde2e1"
KEY_COLUMNS = ["condition", "model"]

st.title("Compare")
benchmarks = data.benchmarks()
if benchmarks.empty:
    st.info("No benchmark has claims yet. Add papers with `leaderboard ingest seed`.")
    st.stop()

# --- one benchmark: models down, papers across ------------------------------------------------------
st.subheader("Model × paper grid")
names = dict(zip(benchmarks["benchmark_id"], benchmarks["benchmark"], strict=True))
left, right = st.columns(2)
benchmark_id = left.selectbox(
    "Benchmark (type to search)",
    [int(b) for b in benchmarks["benchmark_id"]],
    format_func=names.get,
    key="cmp_benchmark",
)
metrics = data.metrics_for(benchmark_id)


def highlight_disagreements(grid: pd.DataFrame, papers: list[str]):
    """Rows where papers report different values for the same model are tinted."""
    values = grid[papers]
    disagree = values.max(axis=1) > values.min(axis=1)
    return grid.style.apply(
        lambda row: [DISAGREE_STYLE if disagree[row.name] else "" for _ in row], axis=1
    ).format(precision=2, subset=papers, na_rep="")


if metrics.empty:
    st.info(f"{ui.md_escape(names[benchmark_id])} has no ranked scores yet.")
else:
    metric_names = dict(zip(metrics["metric_id"], metrics["metric"], strict=True))
    metric_id = right.selectbox(
        "Metric", [int(m) for m in metrics["metric_id"]], format_func=metric_names.get, key="cmp_metric"
    )
    grid = data.model_paper_grid(benchmark_id, metric_id)
    papers = [c for c in grid.columns if c not in KEY_COLUMNS]
    disagreeing = int((grid[papers].max(axis=1) > grid[papers].min(axis=1)).sum()) if papers else 0
    st.caption(
        f"{len(grid)} models × {len(papers)} papers; {disagreeing} models with papers that disagree "
        "(tinted). Columns are papers (arXiv id, else id)."
    )
    st.dataframe(highlight_disagreements(grid, papers), hide_index=True, key="cmp_grid")

# --- across the database -----------------------------------------------------------------------------
st.subheader("Largest disagreements in the database")
limit = st.slider("How many", 5, 100, 20, step=5, key="cmp_limit")
gaps = data.disagreements(limit=limit)
if gaps.empty:
    st.info("No two papers report different values for the same model, benchmark, metric and condition.")
    st.stop()

st.dataframe(
    gaps.drop(columns=["model_id", "benchmark_id", "metric_id"]),
    hide_index=True,
    key="cmp_disagreements",
    column_config={"relative_gap": st.column_config.NumberColumn(format="percent")},
)
for row in gaps.itertuples():
    setting = f", {row.condition}" if row.condition else ""
    label = (
        f"{row.model} on {row.benchmark} — {row.metric}{setting}: "
        f"{row.low:g} to {row.high:g} ({row.n_papers} papers)"
    )
    with st.expander(ui.md_escape(label)):
        reported = data.compare(int(row.model_id), int(row.benchmark_id), int(row.metric_id))
        reported = reported[reported["condition"] == row.condition]
        for item in reported.itertuples():
            role = "" if item.role == "result" else f" (quoted as a baseline by {item.reported_with})"
            st.html(
                f"<b>{html.escape(str(item.value))}{html.escape(item.unit or '')}</b>"
                f"{html.escape(role)} · {html.escape(item.paper_title or item.paper_id)} "
                f"{ui.link_html(item.arxiv_url, 'arXiv')}"
                f"<br>{html.escape(item.evidence or '')}"
            )
