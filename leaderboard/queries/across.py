"""Across papers: every value reported for one model, and where papers disagree.

`compare` filters by entity ids on the existing indexes: `ix_claims_model_id_benchmark_id` (and
the benchmark index for quoted baselines); `disagreements` reads the maintained groups
(`board_groups`: each paper's best value and the gap between papers), never every claim.
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from leaderboard.db.models import BoardGroup, ClaimRow, Entity, Paper
from leaderboard.normalize.scale import canonical_value
from leaderboard.queries.base import claim_select, claims_frame, counted
from leaderboard.queries.names import find_entity

RESULT, BASELINE = "result", "baseline"
# Keep in sync with the README table "Export columns" (compare, disagreements).
COMPARE_COLUMNS = [
    "role",
    "paper_id",
    "paper_title",
    "paper_date",
    "arxiv_url",
    "metric",
    "condition",
    "score",
    "value",
    "unit",
    "value_flag",
    "status",
    "reported_with",
    "evidence",
    "claim_id",
    "model",
    "benchmark",
]
DISAGREEMENT_COLUMNS = [
    "model",
    "benchmark",
    "metric",
    "condition",
    "direction",
    "n_papers",
    "low",
    "high",
    "gap",
    "relative_gap",
    "low_paper_id",
    "low_paper_title",
    "high_paper_id",
    "high_paper_title",
    "model_id",
    "benchmark_id",
    "metric_id",
]


def compare(
    session: Session, model: str | int, benchmark: str | int, metric: str | int | None = None
) -> pd.DataFrame:
    """Every value any paper reported for `model` on `benchmark`: as its own result, and as a
    baseline another claim was compared against (role 'baseline', `reported_with` naming the
    model of that claim). Rejected and retired claims are left out; flagged values are kept
    and say why in `value_flag`. Sorted by metric, condition, paper date. Columns: COMPARE_COLUMNS.
    """
    mod = find_entity(session, "model", model)
    bench = find_entity(session, "benchmark", benchmark)
    met = find_entity(session, "metric", metric) if metric is not None else None
    own = claim_select().where(
        ClaimRow.model_id == mod.id, ClaimRow.benchmark_id == bench.id, ClaimRow.kind == "score", counted()
    )
    quoted = claim_select().where(
        ClaimRow.benchmark_id == bench.id,
        ClaimRow.baseline_model_id == mod.id,
        ClaimRow.baseline_value.is_not(None),
        counted(),
    )
    if met is not None:
        own, quoted = own.where(ClaimRow.metric_id == met.id), quoted.where(ClaimRow.metric_id == met.id)
    results = claims_frame(session, own).assign(role=RESULT, reported_with=None)
    results = results.rename(columns={"value_canonical": "score"})
    baselines = _as_baselines(session, claims_frame(session, quoted))
    found = [df for df in (results, baselines) if not df.empty]
    # No value at all is an answer too (an empty table), not pandas' "No objects to concatenate".
    if not found:
        return _empty_compare(mod.name, bench.name)
    rows = pd.concat(found, ignore_index=True)
    rows = _drop_repeated_baselines(rows)
    rows = rows.drop(columns="condition").rename(columns={"condition_key": "condition"})
    rows["model"], rows["benchmark"] = mod.name, bench.name
    order = ["metric", "condition", "paper_date", "claim_id"]
    rows = rows.sort_values(order, na_position="last", kind="stable")
    return rows.reindex(columns=COMPARE_COLUMNS).reset_index(drop=True)


def _empty_compare(model: str, benchmark: str) -> pd.DataFrame:
    table = pd.DataFrame(columns=COMPARE_COLUMNS)
    table.attrs.update(model=model, benchmark=benchmark)
    return table


def _as_baselines(session: Session, claims: pd.DataFrame) -> pd.DataFrame:
    """Claims that quote the model as their baseline, turned into rows of the baseline's value."""
    if claims.empty:
        return claims
    scales = _metric_scales(session, claims["metric_id"].dropna().astype(int).unique().tolist())
    rows = claims.assign(role=BASELINE, reported_with=claims["model"], value=claims["baseline_value"])
    scored = [
        canonical_value(value, unit, *scales.get(metric_id, (None, None)))
        for value, unit, metric_id in zip(rows["value"], rows["unit"], rows["metric_id"], strict=True)
    ]
    rows["score"] = [score for score, _ in scored]
    rows["value_flag"] = [flag for _, flag in scored]
    return rows.drop(columns=["value_canonical"])


def _metric_scales(session: Session, metric_ids: list[int]) -> dict[int, tuple[str | None, str | None]]:
    if not metric_ids:
        return {}
    query = select(Entity.id, Entity.scale, Entity.direction).where(Entity.id.in_(metric_ids))
    return {entity_id: (scale, direction) for entity_id, scale, direction in session.execute(query)}


def _drop_repeated_baselines(rows: pd.DataFrame) -> pd.DataFrame:
    """A quoted baseline is usually also a claim of its own in the same paper; keep one row."""
    results = rows[rows["role"] == RESULT]
    seen = set(zip(results["paper_id"], results["metric"], results["score"], strict=True))
    repeated = [
        role == BASELINE and (paper, metric, score) in seen
        for role, paper, metric, score in zip(
            rows["role"], rows["paper_id"], rows["metric"], rows["score"], strict=True
        )
    ]
    return rows[[not r for r in repeated]]


def disagreements(session: Session, limit: int = 50, order: str = "gap") -> pd.DataFrame:
    """Where papers disagree: the same model, benchmark, metric and condition, reported by two or
    more papers with different values (each paper's best by the metric's direction).

    Ordered by `gap` (high minus low, on the canonical scale) or, with
    order='relative', by `relative_gap` (gap over the larger magnitude).
    Columns: DISAGREEMENT_COLUMNS.
    """
    groups = _disagreeing_groups(session, limit, order)
    if not groups:
        return pd.DataFrame(columns=DISAGREEMENT_COLUMNS)
    ends = _low_and_high_papers(session, groups)
    names = _entity_names(session, {i for g in groups for i in (g.model_id, g.benchmark_id, g.metric_id)})
    rows = []
    for g in groups:
        model_id, benchmark_id, metric_id, low, high = g.model_id, g.benchmark_id, g.metric_id, g.low, g.high
        low_paper, high_paper = ends.get(g.key, ((None, None),) * 2)
        gap = high - low
        rows.append(
            {
                "model": names[model_id],
                "benchmark": names[benchmark_id],
                "metric": names[metric_id],
                "condition": g.condition_key,
                "direction": g.direction or "higher",
                "n_papers": g.n_papers,
                "low": low,
                "high": high,
                "gap": round(gap, 10),
                "relative_gap": round(gap / max(abs(low), abs(high)), 6),
                "low_paper_id": low_paper[0],
                "low_paper_title": low_paper[1],
                "high_paper_id": high_paper[0],
                "high_paper_title": high_paper[1],
                "model_id": model_id,
                "benchmark_id": benchmark_id,
                "metric_id": metric_id,
            }
        )
    return pd.DataFrame(rows, columns=DISAGREEMENT_COLUMNS)


class _Group(NamedTuple):
    """One (model, benchmark, metric, condition) whose papers disagree, as board_groups holds it."""

    model_id: int
    benchmark_id: int
    metric_id: int
    condition_key: str | None
    direction: str | None
    n_papers: int
    low: float
    high: float
    low_paper_id: str
    high_paper_id: str

    @property
    def key(self) -> tuple[int, int, int, str | None]:
        return (self.model_id, self.benchmark_id, self.metric_id, self.condition_key)


def _disagreeing_groups(session: Session, limit: int, order: str) -> list[_Group]:
    # The maintained groups (leaderboard.store.board_stats) hold each paper's best value and the
    # gap between papers; only groups where papers differ have one (ix_board_groups_gap).
    gap = BoardGroup.relative_gap if order == "relative" else BoardGroup.gap
    query = (
        select(
            BoardGroup.model_id,
            BoardGroup.benchmark_id,
            BoardGroup.metric_id,
            BoardGroup.condition_key,
            Entity.direction,
            BoardGroup.n_papers,
            BoardGroup.paper_low,
            BoardGroup.paper_high,
            BoardGroup.low_paper_id,
            BoardGroup.high_paper_id,
        )
        .join(Entity, Entity.id == BoardGroup.metric_id)
        .where(gap.is_not(None))
        .order_by(gap.desc(), BoardGroup.model_id)
        .limit(limit)
    )
    return [_Group(*row) for row in session.execute(query)]


def _low_and_high_papers(session: Session, groups: list[_Group]) -> dict[tuple, tuple]:
    """For each group, the (paper id, title) that gave its lowest and its highest value."""
    paper_ids = {paper_id for g in groups for paper_id in (g.low_paper_id, g.high_paper_id)}
    titles = dict(session.execute(select(Paper.id, Paper.title).where(Paper.id.in_(paper_ids))).all())
    return {
        g.key: tuple((paper_id, titles.get(paper_id)) for paper_id in (g.low_paper_id, g.high_paper_id))
        for g in groups
    }


def _entity_names(session: Session, ids: set[int]) -> dict[int, str]:
    return dict(session.execute(select(Entity.id, Entity.name).where(Entity.id.in_(ids))).all())
