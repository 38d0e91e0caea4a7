"""Compare: one model's numbers in every paper that reports it; one benchmark's model x paper
grid; the database's largest disagreements, each opening the sentences behind it.

Columns are papers by shortened title and date (linked below each grid), rows where papers
disagree are tinted and marked; the chosen model, benchmark and metric live in the URL.
"""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from dashboard import data, links, ui

DISAGREE_STYLE = "background-color: #fde2e1"
DISAGREE_MARK = "≠"

st.title("Compare")


def show_grid(grid: pd.DataFrame, key: str) -> None:
    """A grid from leaderboard.queries.grids: blanks empty, disagreeing rows tinted and marked,
    and the papers behind its columns listed with their links."""
    papers = grid.attrs.get("papers", [])
    columns = [paper["column"] for paper in papers]
    shown = grid.assign(disagree=grid["disagree"].map({True: DISAGREE_MARK, False: ""}))
    shown = shown.rename(columns={"disagree": "papers differ"})
    # DataFrame attrs travel to the browser as JSON: the paper list (with missing dates) stays here.
    shown.attrs = {}
    tinted = shown.style.apply(
        lambda row: [DISAGREE_STYLE if row["papers differ"] else "" for _ in row], axis=1
    ).format(lambda v: ui.text_or(v), subset=columns)
    st.dataframe(
        tinted,
        hide_index=True,
        key=key,
        column_config={"papers differ": st.column_config.TextColumn(width="small")},
    )
    items = [
        f"<li><b>{html.escape(paper['column'])}</b>: "
        f"{html.escape(ui.text_or(paper['title'], paper['paper_id']))} · "
        f"{html.escape(ui.text_or(paper['date'], 'no date'))} "
        f"{ui.link_html(paper['arxiv_url'], 'arXiv')}</li>"
        for paper in papers
    ]
    st.html(
        f"<details><summary>The {ui.plural(len(papers), 'paper')}</summary>"
        f"<ul>{''.join(items)}</ul></details>"
    )


# --- one model across papers ------------------------------------------------------------------------
st.subheader("One model, every paper")
models = data.ranked_models()
if models.empty:
    st.info("No model has ranked scores yet. Add papers with `leaderboard ingest seed`.")
    st.stop()
model_ids = dict(zip(models["name"], models["entity_id"], strict=True))
links.resolve_param("model", list(model_ids))
model_col, link_col = st.columns([4, 1])
model = model_col.selectbox(
    "Model (type to search)", list(model_ids), index=None, key="model", bind="query-params",
    placeholder="Type a model name to see its numbers in every paper",
)  # fmt: skip
if model is not None:
    with link_col:
        ui.share_link("compare", {"model": model})
    grid = data.model_grid(int(model_ids[model]))
    differ = int(grid["disagree"].sum())
    st.caption(
        f"{ui.md_escape(model)}: {ui.plural(len(grid), 'benchmark and metric')} × "
        f"{ui.plural(len(grid.attrs.get('papers', [])), 'paper')}; "
        f"{differ} where papers differ ({DISAGREE_MARK})"
    )
    show_grid(grid, "cmp_model_grid")

# --- one benchmark: models down, papers across ------------------------------------------------------
st.subheader("One benchmark, models × papers")
benchmarks = data.ranked_benchmarks()
bench_ids = dict(zip(benchmarks["name"], benchmarks["entity_id"], strict=True))
links.resolve_param("benchmark", list(bench_ids))
left, right = st.columns(2)
benchmark = left.selectbox(
    "Benchmark (type to search)", list(bench_ids), key="benchmark", bind="query-params"
)
benchmark_id = int(bench_ids[benchmark])
metrics = data.metrics_for(benchmark_id)
metric_ids = dict(zip(metrics["metric"], metrics["metric_id"], strict=True))
links.resolve_param("metric", list(metric_ids))
metric = right.selectbox("Metric", list(metric_ids), key="metric", bind="query-params")
grid = data.paper_grid(benchmark_id, int(metric_ids[metric]))
papers = grid.attrs.get("papers", [])
st.caption(
    f"{ui.plural(len(grid), 'model')} × {ui.plural(len(papers), 'paper')}; "
    f"{ui.plural(int(grid['disagree'].sum()), 'model')} with papers that disagree ({DISAGREE_MARK}, tinted)"
)
show_grid(grid, "cmp_grid")

# --- across the database -----------------------------------------------------------------------------
st.subheader("Largest disagreements in the database")
limit = st.slider("How many", 5, 100, 20, step=5, key="cmp_limit")
gaps = data.disagreements(limit=limit)
if gaps.empty:
    st.info("No two papers report different values for the same model, benchmark, metric and condition.")
    st.stop()

st.dataframe(
    ui.blank_missing(
        gaps.drop(columns=["model_id", "benchmark_id", "metric_id", "low_paper_id", "high_paper_id"])
    ),
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
                f"<b>{html.escape(ui.text_or(item.value))}{html.escape(ui.text_or(item.unit))}</b>"
                f"{html.escape(role)} · {html.escape(ui.text_or(item.paper_title, item.paper_id))} "
                f"{ui.link_html(item.arxiv_url, 'arXiv')}"
                f"<br>{html.escape(ui.text_or(item.evidence))}"
            )
