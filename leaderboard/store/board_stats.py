"""Maintained statistics: `board_groups` (each model's standing on each board) and
`benchmark_counts` (claims per benchmark and metric), so boards, pickers and the disagreements
report read a row per model instead of every claim.

Every write transaction keeps them true (leaderboard.db.changes notes what it wrote and calls
`settle` before the commit): papers new to the database add to the groups (`add_new_papers_claims`,
the ingest's fast path), anything else recomputes just the groups it touched (`refresh`).
`rebuild` computes everything from the claims (at migration time, after a bulk copy, or by
`leaderboard db rebuild-stats`); a test holds the maintained rows equal to a rebuild.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, bindparam, case, delete, func, insert, or_, select, text
from sqlalchemy.orm import Session

from leaderboard.db.models import BenchmarkCount, BoardGroup, ClaimRow, Entity, Paper
from leaderboard.store.counting import counted, rankable

# (benchmark_id, metric_id, condition_key, model_id): one board_groups row.
GroupKey = tuple[int, int, str, int]
# (benchmark_id, metric_id or NO_METRIC): one benchmark_counts row.
CountKey = tuple[int, int]
NO_METRIC = 0
LOWER = "lower"
# Keys per statement: an OR of this many key lookups stays a quick multi-index plan.
KEY_CHUNK = 200
ID_CHUNK = 900
WRITE_CHUNK = 2000
# Settling takes this PostgreSQL transaction lock so two writers never read-modify-write the same
# rows at once (SQLite has one writer anyway). Distinct from the registry's lock.
ADVISORY_LOCK = 0x6C62_7374  # 'lbst'

# The statistics' own writes go through the Core tables: no ORM identity map to keep in step.
GROUPS = BoardGroup.__table__
COUNTS = BenchmarkCount.__table__


@dataclass
class Pending:
    """What a transaction wrote that the statistics must follow (leaderboard.db.changes fills it)."""

    new_papers: set[str] = field(default_factory=set)
    claim_ids: set[int] = field(default_factory=set)
    groups: set[GroupKey] = field(default_factory=set)
    counts: set[CountKey] = field(default_factory=set)
    entities: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.new_papers or self.claim_ids or self.groups or self.counts or self.entities)


# -- Computing groups from claims ---------------------------------------------------------------


def _score_rows(session: Session, where) -> Iterator[tuple]:
    """(key..., claim id, paper id, value, paper date, direction) of the rankable scores `where` picks."""
    query = (
        select(
            ClaimRow.benchmark_id,
            ClaimRow.metric_id,
            ClaimRow.condition_key,
            ClaimRow.model_id,
            ClaimRow.id,
            ClaimRow.paper_id,
            ClaimRow.value_canonical,
            Paper.date,
            Entity.direction,
        )
        .join(Paper, Paper.id == ClaimRow.paper_id)
        .join(Entity, Entity.id == ClaimRow.metric_id)
        .where(rankable(), ClaimRow.benchmark_id.is_not(None), where)
    )
    yield from session.execute(query)


def _aggregate(rows: Iterable[tuple]) -> dict[GroupKey, dict[str, Any]]:
    """Board rows from score rows, exactly as queries.ranking and the disagreements report rank."""
    by_key: dict[GroupKey, list[tuple]] = defaultdict(list)
    direction_of: dict[GroupKey, str | None] = {}
    for benchmark_id, metric_id, condition_key, model_id, claim_id, paper_id, value, date, direction in rows:
        key = (benchmark_id, metric_id, condition_key, model_id)
        by_key[key].append((claim_id, paper_id, value, date))
        direction_of[key] = direction
    return {key: _group_row(key, scores, direction_of[key]) for key, scores in by_key.items()}


def _best_order(lower: bool, value: float, date, claim_id: int) -> tuple:
    # pandas' sort of a board: value by direction, then paper date (undated last), then claim id.
    return (value if lower else -value, date is None, date or 0, claim_id)


def _group_row(key: GroupKey, scores: list[tuple], direction: str | None) -> dict[str, Any]:
    lower = direction == LOWER
    per_paper: dict[str, float] = {}
    for _, paper_id, value, _ in scores:
        seen = per_paper.get(paper_id)
        if seen is None or (value < seen if lower else value > seen):
            per_paper[paper_id] = value
    best = min(scores, key=lambda s: _best_order(lower, s[2], s[3], s[0]))
    paper_low, paper_high = min(per_paper.values()), max(per_paper.values())
    values = [value for _, _, value, _ in scores]
    row = {
        "benchmark_id": key[0],
        "metric_id": key[1],
        "condition_key": key[2],
        "model_id": key[3],
        "claims": len(scores),
        "n_papers": len(per_paper),
        "low": min(values),
        "high": max(values),
        "best_claim_id": best[0],
        "paper_low": paper_low,
        "paper_high": paper_high,
        "low_paper_id": _first_paper_with(scores, paper_low),
        "high_paper_id": _first_paper_with(scores, paper_high),
    }
    return _with_gap(row)


def _first_paper_with(scores: list[tuple], value: float) -> str:
    # The disagreements report names the paper of the earliest claim that gave the value.
    return min((claim_id, paper_id) for claim_id, paper_id, v, _ in scores if v == value)[1]


def _with_gap(row: dict[str, Any]) -> dict[str, Any]:
    low, high = row["paper_low"], row["paper_high"]
    disagree = row["n_papers"] >= 2 and high > low
    row["gap"] = high - low if disagree else None
    row["relative_gap"] = (high - low) / max(abs(low), abs(high)) if disagree else None
    return row


def _key_filter(keys: Collection[GroupKey]):
    """Claims of the keys' models on the keys' benchmarks: a superset the caller filters. Two IN
    lists (one cached statement, index lookups on ix_claims_model_id_benchmark_id) cost far less
    to build than an OR of one AND per key."""
    return and_(
        ClaimRow.model_id.in_(sorted({key[3] for key in keys})),
        ClaimRow.benchmark_id.in_(sorted({key[0] for key in keys})),
    )


def _one_key(key: GroupKey):
    benchmark_id, metric_id, condition_key, model_id = key
    return and_(
        ClaimRow.model_id == model_id,
        ClaimRow.benchmark_id == benchmark_id,
        ClaimRow.metric_id == metric_id,
        ClaimRow.condition_key == condition_key,
    )


def _stored_groups_filter(keys: Collection[GroupKey]):
    """Board rows of the keys' models on the keys' benchmarks (a superset, as `_key_filter`)."""
    return and_(
        GROUPS.c.model_id.in_(sorted({key[3] for key in keys})),
        GROUPS.c.benchmark_id.in_(sorted({key[0] for key in keys})),
    )


# One statement run for many keys (executemany), compiled once.
DELETE_GROUP = delete(GROUPS).where(
    GROUPS.c.benchmark_id == bindparam("k_benchmark_id"),
    GROUPS.c.metric_id == bindparam("k_metric_id"),
    GROUPS.c.condition_key == bindparam("k_condition_key"),
    GROUPS.c.model_id == bindparam("k_model_id"),
)
DELETE_COUNT = delete(COUNTS).where(
    COUNTS.c.benchmark_id == bindparam("k_benchmark_id"), COUNTS.c.metric_id == bindparam("k_metric_id")
)


def _delete_groups(session: Session, keys: Collection[GroupKey]) -> None:
    if keys:
        names = ("k_benchmark_id", "k_metric_id", "k_condition_key", "k_model_id")
        session.execute(DELETE_GROUP, [dict(zip(names, key, strict=True)) for key in keys])


def _delete_counts(session: Session, keys: Collection[CountKey]) -> None:
    if keys:
        session.execute(DELETE_COUNT, [{"k_benchmark_id": b, "k_metric_id": m} for b, m in keys])


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    ordered = sorted(items, key=repr) if not isinstance(items, list) else items
    for start in range(0, len(ordered), size):
        yield ordered[start : start + size]


def _write(session: Session, table, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), WRITE_CHUNK):
        session.execute(insert(table), rows[start : start + WRITE_CHUNK])


# -- Refresh: recompute what a write touched -----------------------------------------------------


def refresh(session: Session, groups: Collection[GroupKey] = (), counts: Collection[CountKey] = ()) -> None:
    """Recompute the `groups` and `counts` rows from the claims as the session sees them."""
    for chunk in _chunks(groups, KEY_CHUNK):
        wanted = set(chunk)
        fresh = _aggregate(
            row for row in _score_rows(session, _key_filter(chunk)) if tuple(row[:4]) in wanted
        )
        _delete_groups(session, chunk)
        _write(session, GROUPS, [fresh[key] for key in chunk if key in fresh])
    for chunk in _chunks(counts, KEY_CHUNK):
        rows = [row for row in (_count_row(session, key) for key in chunk) if row["claims"] or row["scores"]]
        _delete_counts(session, chunk)
        _write(session, COUNTS, rows)


def _count_row(session: Session, key: CountKey) -> dict[str, Any]:
    benchmark_id, metric_id = key
    metric = ClaimRow.metric_id.is_(None) if metric_id == NO_METRIC else ClaimRow.metric_id == metric_id
    claims, scores = session.execute(
        select(*_count_sums()).where(ClaimRow.benchmark_id == benchmark_id, metric)
    ).one()
    return {
        "benchmark_id": benchmark_id,
        "metric_id": metric_id,
        "claims": claims or 0,
        "scores": scores or 0,
    }


def _count_sums() -> tuple:
    """Claims that count, and scores that rank on a known metric (what pickers offer)."""
    claims = func.sum(case((counted(), 1), else_=0))
    scores = func.sum(case((and_(rankable(), ClaimRow.metric_id.is_not(None)), 1), else_=0))
    return claims, scores


def _counts_by_pair(session: Session, where) -> Iterator[tuple[int, int, int, int]]:
    metric = func.coalesce(ClaimRow.metric_id, NO_METRIC)
    query = (
        select(ClaimRow.benchmark_id, metric, *_count_sums())
        .where(where, ClaimRow.benchmark_id.is_not(None))
        .group_by(ClaimRow.benchmark_id, metric)
    )
    for benchmark_id, metric_id, claims, scores in session.execute(query):
        yield benchmark_id, metric_id, claims or 0, scores or 0


# -- Fast path: papers new to the database -------------------------------------------------------


def add_new_papers_claims(session: Session, paper_ids: Collection[str]) -> None:
    """Add the claims of papers this transaction inserted (none of theirs was counted before)."""
    for chunk in _chunks(paper_ids, ID_CHUNK):
        in_chunk = ClaimRow.paper_id.in_(chunk)
        _add_groups(session, _aggregate(_score_rows(session, in_chunk)))
        _add_counts(session, in_chunk)


def _add_groups(session: Session, fresh: dict[GroupKey, dict[str, Any]]) -> None:
    if not fresh:
        return
    keys = list(fresh)
    stored: dict[GroupKey, tuple[dict[str, Any], Any, str | None]] = {}
    for chunk in _chunks(keys, KEY_CHUNK):
        query = (
            select(GROUPS, Paper.date.label("best_date"), Entity.direction.label("direction"))
            .join(ClaimRow, ClaimRow.id == GROUPS.c.best_claim_id)
            .join(Paper, Paper.id == ClaimRow.paper_id)
            .join(Entity, Entity.id == GROUPS.c.metric_id)
            .where(_stored_groups_filter(chunk))
        )
        for found in session.execute(query).mappings():
            row = {column.key: found[column.key] for column in GROUPS.columns}
            key = (row["benchmark_id"], row["metric_id"], row["condition_key"], row["model_id"])
            if key in fresh:
                stored[key] = (row, found["best_date"], found["direction"])
    merged = []
    for key in keys:
        if key in stored:
            old, old_best_date, direction = stored[key]
            merged.append(_merge(session, key, old, old_best_date, direction, fresh[key]))
        else:
            merged.append(fresh[key])
    _delete_groups(session, list(stored))
    _write(session, GROUPS, merged)


def _merge(
    session: Session, key: GroupKey, old: dict, old_best_date, direction: str | None, new: dict
) -> dict:
    """A stored group plus the scores of papers it did not have."""
    lower = direction == LOWER
    row = dict(old)
    row["claims"] += new["claims"]
    row["n_papers"] += new["n_papers"]
    row["low"], row["high"] = min(old["low"], new["low"]), max(old["high"], new["high"])
    old_best = old["low"] if lower else old["high"]
    new_best = new["low"] if lower else new["high"]
    new_best_date = None
    if new_best == old_best:
        new_best_date = session.scalar(
            select(Paper.date)
            .join(ClaimRow, ClaimRow.paper_id == Paper.id)
            .where(ClaimRow.id == new["best_claim_id"])
        )
    if _best_order(lower, new_best, new_best_date, new["best_claim_id"]) < _best_order(
        lower, old_best, old_best_date, old["best_claim_id"]
    ):
        row["best_claim_id"] = new["best_claim_id"]
    for end, pick in (("low", min), ("high", max)):
        value = pick(old[f"paper_{end}"], new[f"paper_{end}"])
        if value != old[f"paper_{end}"]:
            # A new extreme: an older claim with that value (not its paper's best) still comes first.
            row[f"paper_{end}"] = value
            stored_first = _first_stored_paper_with(session, key, value)
            row[f"{end}_paper_id"] = stored_first or new[f"{end}_paper_id"]
    return _with_gap(row)


def _first_stored_paper_with(session: Session, key: GroupKey, value: float) -> str | None:
    query = (
        select(ClaimRow.paper_id)
        .where(_one_key(key), rankable(), ClaimRow.value_canonical == value)
        .order_by(ClaimRow.id)
        .limit(1)
    )
    return session.scalar(query)


def _add_counts(session: Session, where) -> None:
    added = {(b, m): (c, n) for b, m, c, n in _counts_by_pair(session, where)}
    if not added:
        return
    stored: dict[CountKey, tuple[int, int]] = {}
    for chunk in _chunks(sorted({b for b, _ in added}), ID_CHUNK):
        query = select(COUNTS.c.benchmark_id, COUNTS.c.metric_id, COUNTS.c.claims, COUNTS.c.scores)
        for benchmark_id, metric_id, n_claims, n_scores in session.execute(
            query.where(COUNTS.c.benchmark_id.in_(chunk))
        ):
            if (benchmark_id, metric_id) in added:
                stored[(benchmark_id, metric_id)] = (n_claims, n_scores)
    _delete_counts(session, list(stored))
    rows = []
    for (benchmark_id, metric_id), (n_claims, n_scores) in added.items():
        old_claims, old_scores = stored.get((benchmark_id, metric_id), (0, 0))
        total_claims, total_scores = old_claims + n_claims, old_scores + n_scores
        if total_claims or total_scores:
            rows.append(
                {
                    "benchmark_id": benchmark_id,
                    "metric_id": metric_id,
                    "claims": total_claims,
                    "scores": total_scores,
                }
            )
    _write(session, COUNTS, rows)


# -- Settle: apply what a transaction noted ------------------------------------------------------


def settle(session: Session, pending: Pending) -> None:
    """Bring the statistics up to date with what `pending` says this transaction wrote."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK})
    groups, counts = set(pending.groups), set(pending.counts)
    for chunk in _chunks(pending.claim_ids, ID_CHUNK):
        query = select(ClaimRow.benchmark_id, ClaimRow.metric_id, ClaimRow.condition_key, ClaimRow.model_id)
        for row in session.execute(query.where(ClaimRow.id.in_(chunk))):
            note_keys(groups, counts, *row)
    if pending.entities:
        _entity_keys(session, pending.entities, groups, counts)
    new_papers = pending.new_papers
    if new_papers:
        add_new_papers_claims(session, new_papers)
    # After the fast path: a group that also changed otherwise is recomputed whole.
    refresh(session, groups, counts)


def note_keys(
    groups: set[GroupKey], counts: set[CountKey], benchmark_id, metric_id, condition_key, model_id
) -> None:
    """Note the rows a claim on these keys is counted in (before a change, or after it)."""
    if benchmark_id is None:
        return
    counts.add((benchmark_id, metric_id or NO_METRIC))
    if metric_id is not None and model_id is not None:
        groups.add((benchmark_id, metric_id, condition_key or "", model_id))


def _entity_keys(
    session: Session, entity_ids: set[int], groups: set[GroupKey], counts: set[CountKey]
) -> None:
    """The groups an entity edit (not an entity, a metric's direction) may change: the ones it has
    and the ones its claims would make."""
    ids = sorted(entity_ids)
    keys = (GROUPS.c.benchmark_id, GROUPS.c.metric_id, GROUPS.c.condition_key, GROUPS.c.model_id)
    claim_keys = (ClaimRow.benchmark_id, ClaimRow.metric_id, ClaimRow.condition_key, ClaimRow.model_id)
    for chunk in _chunks(ids, ID_CHUNK):
        has = or_(
            GROUPS.c.model_id.in_(chunk), GROUPS.c.benchmark_id.in_(chunk), GROUPS.c.metric_id.in_(chunk)
        )
        for row in session.execute(select(*keys).where(has)):
            note_keys(groups, counts, *row)
        # Only a benchmark's or a model's mark changes which claims rank (a metric's direction
        # changes the rows it has, above).
        would = or_(ClaimRow.model_id.in_(chunk), ClaimRow.benchmark_id.in_(chunk))
        query = select(*claim_keys).where(would, ClaimRow.metric_id.is_not(None)).distinct()
        for row in session.execute(query):
            note_keys(groups, counts, *row)


# -- Rebuild: everything from the claims ---------------------------------------------------------


def rebuild(session: Session) -> None:
    """Recompute both tables from the claims (in the session's transaction)."""
    session.execute(delete(GROUPS))
    session.execute(delete(COUNTS))
    # The benchmarks claims name (an index scan), not every registry entry: most have no claim.
    benchmark_ids = session.scalars(
        select(ClaimRow.benchmark_id)
        .where(ClaimRow.benchmark_id.is_not(None))
        .distinct()
        .order_by(ClaimRow.benchmark_id)
    ).all()
    # One benchmark at a time (its index range): memory stays that of the biggest benchmark.
    for benchmark_id in benchmark_ids:
        fresh = _aggregate(_score_rows(session, ClaimRow.benchmark_id == benchmark_id))
        _write(session, GROUPS, list(fresh.values()))
    rows = [
        {"benchmark_id": b, "metric_id": m, "claims": c, "scores": n}
        for b, m, c, n in _counts_by_pair(session, ClaimRow.benchmark_id.is_not(None))
        if c or n
    ]
    _write(session, COUNTS, rows)


def summary(session: Session) -> tuple[int, int]:
    """How many board rows and benchmark counts the statistics hold."""
    groups = session.scalar(select(func.count()).select_from(GROUPS)) or 0
    counts = session.scalar(select(func.count()).select_from(COUNTS)) or 0
    return groups, counts
