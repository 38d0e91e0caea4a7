"""Altair charts of query results; they draw what `leaderboard.queries` returned, nothing more."""

from __future__ import annotations

import altair as alt
import pandas as pd

# Bars beyond this many models make labels unreadable; the table has them all.
MAX_BARS = 30


def ranking_bars(table: pd.DataFrame, metric: str, direction: str) -> alt.Chart:
    """One bar per ranked model (best on top), coloured by condition when there are several."""
    shown = table.nsmallest(MAX_BARS, "rank") if len(table) > MAX_BARS else table
    shown = shown.assign(condition=shown["condition"].replace("", "none"))
    better = "lower is better" if direction == "lower" else "higher is better"
    bars = (
        alt.Chart(shown)
        .mark_bar()
        .encode(
            x=alt.X("score:Q", title=f"{metric} ({better})"),
            y=alt.Y("model:N", sort=alt.EncodingSortField(field="rank", order="ascending"), title=None),
            tooltip=["rank", "model", "score", "condition", "paper_title", "paper_date"],
        )
    )
    if shown["condition"].nunique() > 1:
        bars = bars.encode(color=alt.Color("condition:N", title="condition"))
    return bars.properties(height=alt.Step(22))


def sota_line(sota: pd.DataFrame, metric: str) -> alt.Chart:
    """The running best score by paper date, one line per condition, a point per record-setting claim."""
    data = sota.assign(
        paper_date=pd.to_datetime(sota["paper_date"]), condition=sota["condition"].replace("", "none")
    )
    return (
        alt.Chart(data)
        .mark_line(point=True, interpolate="step-after")
        .encode(
            x=alt.X("paper_date:T", title="paper date"),
            y=alt.Y("score:Q", title=metric, scale=alt.Scale(zero=False)),
            color=alt.Color("condition:N", title="condition"),
            tooltip=["paper_date", "model", "score", "condition", "paper_title"],
        )
    )
