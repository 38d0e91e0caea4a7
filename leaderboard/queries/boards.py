"""Leaderboards: benchmarks with claim counts, their metrics and conditions, the ranked table,
state of the art over time, and the model-by-paper grid.

Every query on one benchmark filters by its entity id (and the metric's), so
it runs on the `ix_claims_benchmark_id_metric_id` index and never loads more
than that benchmark's claims.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from leaderboard.db.models import BenchmarkCount, BoardGroup, ClaimRow, Entity
from leaderboard.normalize.conditions import parse_condition_option
from leaderboard.queries.base import claim_select, claims_frame, claims_frame_of, rankable
from leaderboard.queries.names import EntityInfo, UnknownEntityError, find_entity
from leaderboard.queries.ranking import LOWER, UNKNOWN, rank_claims

# Keep in sync with the README table "Export columns" (leaderboard).
LEADERBOARD_COLUMNS = [
    "condition",
    "rank",
    "model",
    "score",
    "value",
    "unit",
    "n_papers",
    "spread",
    "status",
    "paper_title",
    "paper_date",
    "arxiv_url",
    "evidence",
    "paper_id",
    "claim_id",
    "model_id",
    "benchmark",
    "metric",
    "direction",
]
BENCHMARK_COLUMNS = ["benchmark_id", "benchmark", "task", "source", "claims", "not_entity"]
SOTA_COLUMNS = [
    "condition",
    "paper_date",
    "model",
    "score",
    "value",
    "unit",
    "paper_title",
    "arxiv_url",
    "paper_id",
    "claim_id",
    "model_id",
]


def benchmarks(session: Session, include_empty: bool = False) -> pd.DataFrame:
    """Benchmarks with how many claims count on each (not rejected or retired): real ones first,
    most claims first, then the names that are no benchmark (`not_entity` says why: a count, a
    setting, a split...; they make no board, their claims are kept).

    Columns: BENCHMARK_COLUMNS. Read from the maintained counts (`benchmark_counts`, a row per
    benchmark and metric), never from the claims.
    """
    counts = (
        select(BenchmarkCount.benchmark_id, func.sum(BenchmarkCount.claims).label("claims"))
        .group_by(BenchmarkCount.benchmark_id)
        .subquery()
    )
    claims = func.coalesce(counts.c.claims, 0)
    query = select(
        Entity.id.label("benchmark_id"),
        Entity.name.label("benchmark"),
        Entity.task,
        Entity.source,
        claims.label("claims"),
        Entity.not_entity,
    ).where(Entity.kind == "benchmark", Entity.merged_into_id.is_(None))
    if include_empty:
        query = query.outerjoin(counts, counts.c.benchmark_id == Entity.id)
    else:
        query = query.join(counts, counts.c.benchmark_id == Entity.id)
    query = query.order_by(Entity.not_entity.is_not(None), claims.desc(), Entity.name)
    return pd.DataFrame(session.execute(query).all(), columns=BENCHMARK_COLUMNS)


def metrics_for(session: Session, benchmark: str | int) -> pd.DataFrame:
    """Metrics with rankable scores on a benchmark, most scores first.

    Columns: metric_id, metric, direction, scale, unit, claims.
    """
    bench = find_entity(session, "benchmark", benchmark)
    scores = BenchmarkCount.scores
    query = (
        select(Entity.id, Entity.name, Entity.direction, Entity.scale, Entity.unit, scores)
        .join(Entity, Entity.id == BenchmarkCount.metric_id)
        .where(BenchmarkCount.benchmark_id == bench.id, scores > 0)
        .order_by(scores.desc(), Entity.name)
    )
    columns = ["metric_id", "metric", "direction", "scale", "unit", "claims"]
    return pd.DataFrame(session.execute(query).all(), columns=columns)


def conditions_for(session: Session, benchmark: str | int, metric: str | int) -> pd.DataFrame:
    """Condition keys of the rankable scores of a benchmark and metric. Columns: condition, claims."""
    bench = find_entity(session, "benchmark", benchmark)
    met = find_entity(session, "metric", metric)
    claims = func.sum(BoardGroup.claims)
    query = (
        select(BoardGroup.condition_key, claims)
        .where(BoardGroup.benchmark_id == bench.id, BoardGroup.metric_id == met.id)
        .group_by(BoardGroup.condition_key)
        .order_by(claims.desc(), BoardGroup.condition_key)
    )
    return pd.DataFrame(session.execute(query).all(), columns=["condition", "claims"])


def pick_metric(session: Session, bench: EntityInfo, metric: str | int | None) -> EntityInfo:
    """The metric asked for, else the one with most scores on the benchmark."""
    if metric is not None:
        return find_entity(session, "metric", metric)
    found = metrics_for(session, bench.id)
    if found.empty:
        raise UnknownEntityError(f"benchmark {bench.name!r} has no ranked scores with a known metric")
    return find_entity(session, "metric", int(found["metric_id"].iloc[0]))


def _rankable_claims(
    session: Session, bench: EntityInfo, met: EntityInfo, condition: str | None, accepted_only: bool
) -> pd.DataFrame:
    query = claim_select().where(
        ClaimRow.benchmark_id == bench.id, ClaimRow.metric_id == met.id, rankable(accepted_only)
    )
    if condition is not None:
        query = query.where(ClaimRow.condition_key == parse_condition_option(condition))
    return claims_frame(session, query)


def leaderboard(
    session: Session,
    benchmark: str | int,
    metric: str | int | None = None,
    condition: str | None = None,
    accepted_only: bool = False,
) -> pd.DataFrame:
    """One row per model and condition: its best score by the metric's direction.

    `metric` defaults to the benchmark's most reported one; `condition`
    ('zero-shot', '5-shot; split=test', 'none' for no setting) keeps one
    condition, else every condition is ranked on its own. Rejected and
    retired claims never count; `accepted_only` keeps only claims a person
    accepted or corrected. Columns: LEADERBOARD_COLUMNS; `score` is the value
    on the metric's canonical scale (what ranks), `value` and `unit` what the
    paper wrote. `df.attrs` holds benchmark, metric and direction ('unknown' when the metric has
    none: then every claim is a row and none is ranked, `rank` empty). A name that is no benchmark
    (`not_entity`) raises NotABenchmarkError.
    """
    bench = board_benchmark(session, benchmark)
    met = pick_metric(session, bench, metric)
    if accepted_only or met.direction is None:
        # Few claims a person accepted; an unknown direction shows every claim: both from the claims.
        ranked = rank_claims(_rankable_claims(session, bench, met, condition, accepted_only), met.direction)
    else:
        ranked = _ranked_groups(session, bench, met, condition)
    # The condition shown is the parsed key ranked by; the text as written stays in the claims export.
    ranked = ranked.drop(columns="condition").rename(
        columns={"value_canonical": "score", "condition_key": "condition"}
    )
    ranked["direction"] = met.direction or UNKNOWN
    ranked["benchmark"], ranked["metric"] = bench.name, met.name
    table = ranked.reindex(columns=LEADERBOARD_COLUMNS)
    table.attrs.update(benchmark=bench.name, metric=met.name, direction=met.direction or UNKNOWN)
    return table


def _ranked_groups(
    session: Session, bench: EntityInfo, met: EntityInfo, condition: str | None
) -> pd.DataFrame:
    """The board from the maintained groups: each model's best claim, ranked by the same rule
    (`rank_claims`), with the group's paper count and spread, reading one claim per model."""
    query = (
        claim_select()
        .add_columns(
            BoardGroup.n_papers.label("group_papers"),
            (BoardGroup.high - BoardGroup.low).label("group_spread"),
        )
        .join(BoardGroup, BoardGroup.best_claim_id == ClaimRow.id)
        .where(BoardGroup.benchmark_id == bench.id, BoardGroup.metric_id == met.id)
    )
    if condition is not None:
        query = query.where(BoardGroup.condition_key == parse_condition_option(condition))
    rows = session.execute(query).all()
    best = claims_frame_of(rows)
    ranked = rank_claims(best, met.direction)
    by_claim = {row.claim_id: (row.group_papers, row.group_spread) for row in rows}
    ranked["n_papers"] = [by_claim[int(c)][0] for c in ranked["claim_id"]]
    ranked["spread"] = [by_claim[int(c)][1] for c in ranked["claim_id"]]
    return ranked


class NotABenchmarkError(UnknownEntityError):
    """A benchmark name the junk rules or a person set aside: it makes no board."""


def board_benchmark(session: Session, benchmark: str | int) -> EntityInfo:
    """The benchmark a board is asked for; NotABenchmarkError for a name that is none."""
    bench = find_entity(session, "benchmark", benchmark)
    if bench.not_entity:
        raise NotABenchmarkError(
            f"{bench.name!r} is not a benchmark ({bench.not_entity}): it makes no board; "
            "its claims are kept for review and export"
        )
    return bench


def sota_over_time(
    session: Session, benchmark: str | int, metric: str | int | None = None, condition: str | None = None
) -> pd.DataFrame:
    """The running best by paper date: each claim that beat every earlier one, per condition.

    Claims of papers without a date are left out, and all of them when the metric's direction is
    unknown (nothing beats anything then). Columns: SOTA_COLUMNS.
    """
    bench = board_benchmark(session, benchmark)
    met = pick_metric(session, bench, metric)
    claims = _rankable_claims(session, bench, met, condition, accepted_only=False)
    if met.direction is None:
        claims = claims.iloc[0:0]
    claims = claims[claims["paper_date"].notna()].sort_values(["paper_date", "claim_id"], kind="stable")
    lower = met.direction == LOWER
    records = []
    for _, group in claims.groupby("condition_key", sort=True):
        best = None
        for row in group.itertuples(index=False):
            value = row.value_canonical
            if best is None or (value < best if lower else value > best):
                best = value
                records.append(row._asdict())
    table = pd.DataFrame(records, columns=claims.columns)
    table = table.drop(columns="condition").rename(
        columns={"value_canonical": "score", "condition_key": "condition"}
    )
    table = table.reindex(columns=SOTA_COLUMNS)
    table.attrs.update(benchmark=bench.name, metric=met.name, direction=met.direction or UNKNOWN)
    return table


def model_paper_grid(
    session: Session, benchmark: str | int, metric: str | int | None = None, condition: str | None = None
) -> pd.DataFrame:
    """Models down, papers across: each model's best score in each paper that reports it.

    Columns: condition, model, then one column per paper (its arXiv id, else
    its id); an empty cell means that paper gives no number for the model.
    """
    bench = board_benchmark(session, benchmark)
    met = pick_metric(session, bench, metric)
    claims = _rankable_claims(session, bench, met, condition, accepted_only=False)
    if claims.empty:
        return pd.DataFrame(columns=["condition", "model"])
    claims["paper"] = (
        claims["arxiv_url"].str.removeprefix("https://arxiv.org/abs/").fillna(claims["paper_id"])
    )
    aggregate = "min" if met.direction == LOWER else "max"
    grid = claims.pivot_table(
        index=["condition_key", "model"], columns="paper", values="value_canonical", aggfunc=aggregate
    )
    grid.columns.name = None
    grid = grid.reset_index().rename(columns={"condition_key": "condition"})
    grid.attrs.update(benchmark=bench.name, metric=met.name, direction=met.direction or UNKNOWN)
    return grid
