"""Leaderboards: pick a benchmark, metric and condition; the ranked table, two charts, a CSV.

The choices live in the URL (`?benchmark=ImageNet&metric=top-1 accuracy&condition=zero-shot`),
so a link opens exactly this board.
"""

from __future__ import annotations

import streamlit as st

from dashboard import charts, data, links, ui

ALL_CONDITIONS = "all"
NO_CONDITION = "none"
# The columns a reader needs, in reading order (the evidence early, so it is on screen at
# 1400 px); the CSV carries every column.
SHOWN_COLUMNS = [
    "rank", "model", "score", "value", "unit", "evidence", "condition", "paper_title", "paper_date",
    "arxiv_url", "n_papers", "spread", "status",
]  # fmt: skip

st.title("Leaderboards")
benchmarks = data.ranked_benchmarks()
if benchmarks.empty:
    st.info("No benchmark has ranked scores yet. Add papers with `leaderboard ingest seed`.")
    st.stop()

ids = dict(zip(benchmarks["name"], benchmarks["entity_id"], strict=True))
scores = dict(zip(benchmarks["name"], benchmarks["scores"], strict=True))
links.resolve_param("benchmark", list(ids))
left, middle, right = st.columns([3, 2, 2])
name = left.selectbox(
    "Benchmark (type to search)", list(ids), key="benchmark", bind="query-params",
    help="Only benchmarks with ranked scores are listed.",
)  # fmt: skip
benchmark_id = int(ids[name])
metrics = data.metrics_for(benchmark_id)
metric_rows = metrics.set_index("metric")
links.resolve_param("metric", list(metric_rows.index))
metric_name = middle.selectbox("Metric", list(metric_rows.index), key="metric", bind="query-params")
metric_id = int(metric_rows.at[metric_name, "metric_id"])
conditions = data.conditions_for(benchmark_id, metric_id)
condition_counts = {
    (c or NO_CONDITION): n for c, n in zip(conditions["condition"], conditions["claims"], strict=True)
}
condition = right.selectbox(
    "Condition", [ALL_CONDITIONS, *condition_counts], key="condition", bind="query-params",
    help="Scores measured differently are never ranked together; 'all' ranks each condition apart.",
)  # fmt: skip
accepted_only = st.checkbox("Only claims a person accepted or corrected", key="accepted", bind="query-params")

# The library takes 'none' for "no setting" and None for every condition.
condition_arg = None if condition == ALL_CONDITIONS else condition
table = data.leaderboard(benchmark_id, metric_id, condition=condition_arg, accepted_only=accepted_only)
direction = table.attrs.get("direction", "unknown")
caption, link = st.columns([4, 1])
if direction in ("higher", "lower"):
    caption.caption(
        f"{ui.plural(len(table), 'ranked model')} · {ui.md_escape(metric_name)}, {direction} is better · "
        f"{ui.plural(int(scores[name]), 'ranked score')} on {ui.md_escape(name)}"
    )
else:
    caption.caption(
        f"{ui.plural(len(table), 'score')}, unranked · {ui.md_escape(metric_name)}: direction unknown "
        "(set it on the Entities page or with `leaderboard registry direction`)"
    )
with link:
    ui.share_link(
        "",
        {"benchmark": name, "metric": metric_name, "condition": condition, "accepted": accepted_only or None},
    )

if table.empty:
    st.info("No claim passes these filters.")
    st.stop()

COLUMN_CONFIG = {
    "rank": st.column_config.NumberColumn(width="small"),
    "model": st.column_config.TextColumn(width="small"),
    "score": st.column_config.NumberColumn(width="small", help="The value on the metric's scale"),
    "value": st.column_config.NumberColumn(width="small", help="The value as the paper wrote it"),
    "unit": st.column_config.TextColumn(width="small"),
    "evidence": st.column_config.TextColumn("evidence sentence", width="large"),
    "paper_title": st.column_config.TextColumn("paper", width="medium"),
    "paper_date": st.column_config.TextColumn("date", width="small"),
    "arxiv_url": st.column_config.LinkColumn("paper link", display_text=r"https://arxiv\.org/abs/(.*)"),
    "spread": st.column_config.NumberColumn(help="Best minus worst score papers report"),
    "n_papers": st.column_config.NumberColumn("papers", width="small"),
}
# One table per condition: ranks of different conditions never share a table.
for number, (key, rows) in enumerate(table.groupby("condition", sort=True, dropna=False)):
    if condition == ALL_CONDITIONS:
        st.markdown(f"**Condition: {ui.md_escape(key or 'none')}**")
    st.dataframe(
        ui.blank_missing(rows[SHOWN_COLUMNS]),
        hide_index=True,
        key="lb_table" if number == 0 else f"lb_table_{number}",
        column_config=COLUMN_CONFIG,
    )
st.download_button(
    "Download this table as CSV",
    data=data.csv_bytes(table),
    file_name=f"leaderboard-{ui.file_slug(name)}-{ui.file_slug(metric_name)}.csv",
    mime="text/csv",
    key="lb_download",
)

chart_left, chart_right = st.columns(2)
with chart_left:
    st.subheader("Ranking")
    if direction not in ("higher", "lower"):
        st.caption("No ranking while the metric's direction is unknown.")
    elif condition == ALL_CONDITIONS and table["condition"].nunique() > 1:
        st.caption("Pick one condition to chart its ranking: ranks of different conditions do not compare.")
    else:
        st.altair_chart(charts.ranking_bars(table, metric_name, direction))
with chart_right:
    st.subheader("State of the art over time")
    sota = data.sota_over_time(benchmark_id, metric_id, condition=condition_arg)
    if sota.empty:
        st.caption("No dated paper reports a score here.")
    else:
        st.altair_chart(charts.sota_line(sota, metric_name))
