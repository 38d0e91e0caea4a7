"""Export: any of the dashboard's tables, filtered, in any format of `leaderboard.export.WRITERS`
(CSV with formula-looking cells neutralised)."""

from __future__ import annotations

import streamlit as st

from dashboard import data, ui
from leaderboard.db.models import CLAIM_STATUSES
from leaderboard.errors import LeaderboardError
from leaderboard.export import WRITERS, formats_for

ANY = "any"
PREVIEW_ROWS = 100
TABLES = ["claims", "leaderboard", "review queue", "disagreements", "papers", "benchmarks"]


def _blank_to_none(text: str) -> str | None:
    return text.strip() or None


def claims_table():
    first, second, third = st.columns(3)
    status = first.selectbox("Status", [ANY, *CLAIM_STATUSES], key="ex_status")
    min_confidence = second.slider("Confidence at least", 0.0, 1.0, 0.0, step=0.05, key="ex_min_conf")
    search = third.text_input("Text in the sentence or names", key="ex_search")
    benchmark = first.text_input("Benchmark (name or alias)", key="ex_benchmark")
    metric = second.text_input("Metric (name or alias)", key="ex_metric")
    model = third.text_input("Model (name or alias)", key="ex_model")
    return data.claims(
        status=None if status == ANY else status,
        min_confidence=min_confidence or None,
        search=_blank_to_none(search),
        benchmark=_blank_to_none(benchmark),
        metric=_blank_to_none(metric),
        model=_blank_to_none(model),
    )


def leaderboard_table():
    benchmarks = data.benchmarks()
    if benchmarks.empty:
        return None
    names = dict(zip(benchmarks["benchmark_id"], benchmarks["benchmark"], strict=True))
    left, right = st.columns(2)
    benchmark_id = left.selectbox(
        "Benchmark", [int(b) for b in benchmarks["benchmark_id"]], format_func=names.get, key="ex_lb_bench"
    )
    metrics = data.metrics_for(benchmark_id)
    if metrics.empty:
        st.info("This benchmark has no ranked scores.")
        return None
    metric_names = dict(zip(metrics["metric_id"], metrics["metric"], strict=True))
    metric_id = right.selectbox(
        "Metric", [int(m) for m in metrics["metric_id"]], format_func=metric_names.get, key="ex_lb_metric"
    )
    accepted_only = st.checkbox("Only claims a person accepted or corrected", key="ex_lb_accepted")
    return data.leaderboard(benchmark_id, metric_id, accepted_only=accepted_only)


def review_queue_table():
    status = st.selectbox("Status", [*CLAIM_STATUSES, ANY], key="ex_rv_status")
    return data.review_queue(status=None if status == ANY else status, limit=None)


def disagreements_table():
    limit = st.number_input("How many", 1, 10_000, 200, key="ex_gap_limit")
    return data.disagreements(limit=int(limit))


def papers_table():
    search = st.text_input("Title or id contains", key="ex_paper_search")
    return data.search_papers(search, limit=None).drop(columns=["opening"])


BUILDERS = {
    "claims": claims_table,
    "leaderboard": leaderboard_table,
    "review queue": review_queue_table,
    "disagreements": disagreements_table,
    "papers": papers_table,
    "benchmarks": lambda: data.benchmarks(),
}

st.title("Export")
choice = st.selectbox("Table", TABLES, key="ex_table")
try:
    table = BUILDERS[choice]()
except LeaderboardError as exc:  # an unknown benchmark, metric or model name
    st.error(str(exc))
    st.stop()

if table is None or table.empty:
    st.info("Nothing to export with these filters.")
    st.stop()

st.caption(f"{len(table)} rows" + (f"; the first {PREVIEW_ROWS} shown" if len(table) > PREVIEW_ROWS else ""))
st.dataframe(table.head(PREVIEW_ROWS), hide_index=True, key="ex_preview")
# Only the formats that can hold this table (a papers table has no scores for the results formats).
fmt = st.selectbox("Format", formats_for(table), key="ex_format")
writer = WRITERS[fmt]
try:
    payload = data.export_bytes(table, fmt)
except LeaderboardError as exc:  # rows the format cannot hold (the Hub's files: one model, Hub ids)
    st.error(str(exc))
    st.stop()
st.download_button(
    f"Download {len(table)} rows as {fmt.upper()}",
    data=payload,
    file_name=f"{ui.file_slug(choice)}.{writer.extension}",
    mime=writer.mime,
    key="ex_download",
)
