"""The benchmark details some export formats need beside a table's rows: the benchmark's task
and its Hugging Face Hub dataset id (leaderboard.export.hub, leaderboard.export.pwc)."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import literal, select
from sqlalchemy.orm import Session

from leaderboard.db.models import ClaimRow, Entity

DETAIL_COLUMNS = ["task", "hub_dataset_id"]
LOOKUP_BATCH = 500  # claim ids per query, well under SQLite's bound-parameter limit


def with_benchmark_details(session: Session, df: pd.DataFrame) -> pd.DataFrame:
    """`df` (any table with `claim_id`) with the columns `task` and `hub_dataset_id` of each
    row's benchmark, None where unknown."""
    out = df.copy()
    if "claim_id" not in df.columns or df.empty:
        for column in DETAIL_COLUMNS:
            out[column] = None
        return out
    # entities.hub_dataset_id comes with migration 0006 (the registry's); until a database has
    # it, no benchmark has a Hub id.
    hub_id = getattr(Entity, "hub_dataset_id", None)
    hub_column = (hub_id if hub_id is not None else literal(None)).label("hub_dataset_id")
    ids = [int(i) for i in df["claim_id"].dropna().unique()]
    found: dict[int, tuple] = {}
    for start in range(0, len(ids), LOOKUP_BATCH):
        query = (
            select(ClaimRow.id, Entity.task, hub_column)
            .join(Entity, Entity.id == ClaimRow.benchmark_id)
            .where(ClaimRow.id.in_(ids[start : start + LOOKUP_BATCH]))
        )
        found |= {claim_id: (task, hub) for claim_id, task, hub in session.execute(query)}
    details = [found.get(int(i), (None, None)) if pd.notna(i) else (None, None) for i in df["claim_id"]]
    out["task"] = [task for task, _ in details]
    out["hub_dataset_id"] = [hub for _, hub in details]
    return out
