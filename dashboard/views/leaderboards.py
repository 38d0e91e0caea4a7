"""Leaderboards: pick a benchmark, metric and condition; the ranked table, two charts, a CSV."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, data, ui

ALL_CONDITIONS = "__all__"
# The columns a reader needs, in reading order; the CSV carries every column.
SHOWN_COLUMNS = [
    "rank", "model", "score", "value", "unit", "condition", "n_papers", "spread", "paper_title",
    "arxiv_url", "paper_date", "status", "evidence",
]  # fmt: skip

st.title("Leaderboards")
benchmarks = data.benchmarks()
# Names that are no benchmark ("11 datasets", "1-shot") make no board.
benchmarks = benchmarks[benchmarks["not_entity"].isna()]
if benchmarks.empty:
    st.info("No benchmark has claims yet. Add papers with `leaderboard ingest seed`.")
    st.stop()

names = dict(zip(benchmarks["benchmark_id"], benchmarks["benchmark"], strict=True))
counts = dict(zip(benchmarks["benchmark_id"], benchmarks["claims"], strict=True))
left, middle, right = st.columns([3, 2, 2])
benchmark_id = left.selectbox(
    "Benchmark (type to search)",
    [int(b) for b in benchmarks["benchmark_id"]],
    format_func=lambda b: f"{names[b]} ({counts[b]} claims)",
    key="lb_benchmark",
)
metrics = data.metrics_for(benchmark_id)
if metrics.empty:
    st.info(f"{ui.md_escape(names[benchmark_id])} has no ranked scores yet: no metric named, or only deltas.")
    st.stop()

metric_rows = metrics.set_index("metric_id")
metric_id = middle.selectbox(
    "Metric",
    [int(m) for m in metrics["metric_id"]],
    format_func=lambda m: f"{metric_rows.at[m, 'metric']} ({metric_rows.at[m, 'claims']} scores)",
    key="lb_metric",
)
metric_name = str(metric_rows.at[metric_id, "metric"])
conditions = data.conditions_for(benchmark_id, metric_id)
condition_counts = dict(zip(conditions["condition"], conditions["claims"], strict=True))
condition = right.selectbox(
    "Condition",
    [ALL_CONDITIONS, *condition_counts],
    format_func=lambda c: (
        "every condition, ranked apart" if c == ALL_CONDITIONS else f"{c or 'none'} ({condition_counts[c]})"
    ),
    key="lb_condition",
)
accepted_only = st.checkbox("Only claims a person accepted or corrected", key="lb_accepted_only")

# The library takes 'none' for "no setting"; '' would mean no filter.
condition_arg = None if condition == ALL_CONDITIONS else (condition or "none")
table = data.leaderboard(benchmark_id, metric_id, condition=condition_arg, accepted_only=accepted_only)
direction = table.attrs.get("direction", "unknown")
if direction in ("higher", "lower"):
    st.caption(f"{len(table)} ranked models · {ui.md_escape(metric_name)}, {direction} is better")
else:
    st.caption(
        f"{len(table)} scores, unranked · {ui.md_escape(metric_name)}: direction unknown "
        "(set it on the Entities page or with `leaderboard registry direction`)"
    )

if table.empty:
    st.info("No claim passes these filters.")
    st.stop()

# One table per condition: ranks of different conditions never share a table.
for number, (key, rows) in enumerate(table.groupby("condition", sort=True)):
    if condition == ALL_CONDITIONS:
        st.markdown(f"**Condition: {ui.md_escape(key or 'none')}**")
    st.dataframe(
        rows[SHOWN_COLUMNS],
        hide_index=True,
        key="lb_table" if number == 0 else f"lb_table_{number}",
        column_config={
            "arxiv_url": st.column_config.LinkColumn(
                "paper link", display_text=r"https://arxiv\.org/abs/(.*)"
            ),
            "paper_title": st.column_config.TextColumn("paper", width="medium"),
            "evidence": st.column_config.TextColumn("evidence sentence", width="large"),
            "spread": st.column_config.NumberColumn(help="Best minus worst score papers report"),
            "n_papers": st.column_config.NumberColumn("papers"),
        },
    )
st.download_button(
    "Download this table as CSV",
    data=data.csv_bytes(table),
    file_name=f"leaderboard-{ui.file_slug(names[benchmark_id])}-{ui.file_slug(metric_name)}.csv",
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
