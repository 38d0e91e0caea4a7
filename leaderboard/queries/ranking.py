"""The ranking rule, in pure pandas: one row per model, its best claim by the metric's direction.

Kept apart from SQL so the review package can rank claims as they stood at
any time (`leaderboard_as_of`) with exactly the same rule.
"""

from __future__ import annotations

import pandas as pd

HIGHER, LOWER = "higher", "lower"


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
    """
    df = claims_df.copy()
    if "condition_key" not in df:
        df["condition_key"] = ""
    df = df[df["model_id"].notna() & df["value_canonical"].notna()]
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
