"""The ranking rule, in pure pandas: one row per model, its best claim by the metric's direction.

Kept apart from SQL so the review package can rank claims as they stood at
any time (`leaderboard_as_of`) with exactly the same rule.
"""

from __future__ import annotations

import pandas as pd

HIGHER, LOWER = "higher", "lower"
# What a board says when its metric has no direction: nobody knows which end is best.
UNKNOWN = "unknown"


def rank_claims(claims_df: pd.DataFrame, direction: str | None) -> pd.DataFrame:
    """Rank claims of one benchmark and metric.

    Needs the columns `model_id`, `paper_id` and `value_canonical`;
    `condition_key` is optional ('' when absent). Claims only rank against
    claims with the same `condition_key`. Returns, per (condition_key,
    model_id), the best claim's row (highest value, or lowest when `direction`
    is 'lower'; ties go to the earliest `paper_date` then the smallest
    `claim_id` when those columns exist) plus `rank` (1 = best, ties share a
    rank), `n_papers` (papers reporting that model there) and `spread` (max
    minus min of all their values), sorted by condition_key then rank.

    With no `direction` (None: the metric's direction is unknown) nothing is
    ranked: every claim is a row, `rank` is empty, sorted by condition_key,
    model and date. Guessing "higher" would put the worst error rate first.
    """
    df = claims_df.copy()
    if "condition_key" not in df:
        df["condition_key"] = ""
    df = df[df["model_id"].notna() & df["value_canonical"].notna()]
    if direction is None:
        return _unranked(df)
    ascending = direction == LOWER
    ties = [c for c in ("paper_date", "claim_id") if c in df]
    df = df.sort_values(["value_canonical", *ties], ascending=[ascending] + [True] * len(ties), kind="stable")
    groups = df.groupby(["condition_key", "model_id"], sort=False, dropna=False)
    stats = groups.agg(
        n_papers=("paper_id", "nunique"),
        low=("value_canonical", "min"),
        high=("value_canonical", "max"),
    )
    best = groups.head(1).set_index(["condition_key", "model_id"])
    best = best.join(stats)
    best["spread"] = best.pop("high") - best.pop("low")
    best = best.reset_index()
    best["rank"] = (
        best.groupby("condition_key")["value_canonical"].rank(method="min", ascending=ascending).astype(int)
    )
    return best.sort_values(["condition_key", "rank", *ties], kind="stable").reset_index(drop=True)


def _unranked(df: pd.DataFrame) -> pd.DataFrame:
    """Every claim with its model's paper count and spread, no rank (the direction is unknown)."""
    groups = df.groupby(["condition_key", "model_id"], sort=False, dropna=False)
    df = df.assign(
        n_papers=groups["paper_id"].transform("nunique"),
        spread=groups["value_canonical"].transform("max") - groups["value_canonical"].transform("min"),
        rank=pd.array([pd.NA] * len(df), dtype="Int64"),
    )
    order = [c for c in ("condition_key", "model", "paper_date", "claim_id") if c in df]
    return df.sort_values(order, kind="stable", na_position="last").reset_index(drop=True)
