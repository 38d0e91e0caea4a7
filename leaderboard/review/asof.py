"""Claims and leaderboards as they stood at a past time, rebuilt from the audit log.

Start from the claims as stored now, leave out those created after the time,
and undo, newest first, every logged change made after it (an added claim did
not exist yet; a field or status goes back to its old value). Claims whose
names or value changed are resolved again to entities, read-only: a name no
entity knows stays unresolved rather than creating one.

What the log does not hold is not rebuilt: an unreviewed claim a newer
extractor updated in place shows its newer fields (a claim it retired after
the time counts as it did then), and entity merges show as they are now.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

import pandas as pd
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from leaderboard import audit
from leaderboard.db.models import RETIRED, UNREVIEWED, AuditEntry, ClaimRow, Entity, Paper
from leaderboard.normalize.conditions import parse_condition_option
from leaderboard.normalize.resolve import fill_row, lookup, lookup_keys
from leaderboard.queries import HUMAN_ACCEPTED, LEADERBOARD_COLUMNS, NOT_COUNTED, find_entity, rank_claims
from leaderboard.queries.boards import pick_metric
from leaderboard.queries.ranking import UNKNOWN
from leaderboard.records import CLAIM_FIELDS
from leaderboard.review.errors import ReviewError
from leaderboard.review.field_values import FIELDS_NEEDING_RESOLUTION

_CLAIM_FIELDS = (
    "id",
    "paper_id",
    *CLAIM_FIELDS,
    "evidence",
    "status",
    "origin",
    "rule",
    "confidence",
    "model_id",
    "benchmark_id",
    "metric_id",
    "baseline_model_id",
    "value_canonical",
    "value_flag",
    "condition_key",
    "created_at",
    "updated_at",
)
# Columns of `claims_as_of` (the claim's fields as they stood, names as written).
AS_OF_COLUMNS = [
    "claim_id",
    *(name for name in _CLAIM_FIELDS if name not in ("id", "created_at", "updated_at")),
    "paper_title",
    "paper_date",
    "arxiv_url",
]
ARXIV_ABS = "https://arxiv.org/abs/"


def parse_when(when: str | dt.date | dt.datetime) -> dt.datetime:
    """The cutoff as an aware UTC datetime; a date means the end of that day (UTC)."""
    if isinstance(when, str):
        text = when.strip()
        try:
            when = dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text)
        except ValueError:
            raise ReviewError(f"not a date or time: {text!r} (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)") from None
    if not isinstance(when, dt.datetime):
        when = dt.datetime.combine(when, dt.time.max)
    return when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when.astimezone(dt.UTC)


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    # SQLite hands back naive datetimes; every stored time is UTC.
    if value is None:
        return None
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _param(session: Session, when: dt.datetime) -> dt.datetime:
    return when.replace(tzinfo=None) if session.get_bind().dialect.name == "sqlite" else when


def _later_changes(session: Session, cutoff: dt.datetime) -> dict[int, list[AuditEntry]]:
    """Claim changes logged after `cutoff`, newest first, by claim id."""
    query = (
        select(AuditEntry)
        .where(AuditEntry.target == "claim", AuditEntry.at > _param(session, cutoff))
        .order_by(AuditEntry.id.desc())
    )
    changes: dict[int, list[AuditEntry]] = defaultdict(list)
    for entry in session.scalars(query):
        changes[entry.target_id].append(entry)
    return changes


def _rebuild(row: dict[str, Any], changes: list[AuditEntry], cutoff: dt.datetime) -> dict[str, Any] | None:
    """The claim as it stood at `cutoff`, or None when it did not exist yet."""
    if _utc(row["created_at"]) > cutoff:
        return None
    if row["status"] == RETIRED and (_utc(row["updated_at"]) or cutoff) > cutoff:
        row["status"] = UNREVIEWED
    changed = set()
    for entry in changes:  # newest first
        if entry.action == "add":
            return None
        if entry.field is not None:
            row[entry.field] = audit.decode(entry.old_value)
            changed.add(entry.field)
    row["_resolve"] = bool(changed & FIELDS_NEEDING_RESOLUTION)
    return row


def _resolve_read_only(session: Session, rows: list[dict[str, Any]]) -> None:
    refs = lookup(session, lookup_keys(rows))
    for row in rows:
        fill_row(row, refs)


def claims_as_of(
    session: Session,
    when: str | dt.date | dt.datetime,
    benchmark_id: int | None = None,
    metric_id: int | None = None,
) -> pd.DataFrame:
    """Every claim as it stood at `when` (columns AS_OF_COLUMNS), optionally of one benchmark and metric.

    The entity ids are those the names resolved to at `when`'s fields, as the registry stands now.
    """
    cutoff = parse_when(when)
    later = _later_changes(session, cutoff)
    paper_columns = ("paper_title", "paper_date", "arxiv_id")
    query = select(*(getattr(ClaimRow, n) for n in _CLAIM_FIELDS), Paper.title, Paper.date, Paper.arxiv_id)
    query = query.join(Paper, Paper.id == ClaimRow.paper_id)
    if benchmark_id is not None or metric_id is not None:
        here = [ClaimRow.benchmark_id == benchmark_id] if benchmark_id is not None else []
        here += [ClaimRow.metric_id == metric_id] if metric_id is not None else []
        # A claim moved to or from this benchmark after the time has a logged change.
        touched = select(AuditEntry.target_id).where(
            AuditEntry.target == "claim", AuditEntry.at > _param(session, cutoff)
        )
        query = query.where(or_(and_(*here), ClaimRow.id.in_(touched)))
    rows = []
    for record in session.execute(query.order_by(ClaimRow.id)):
        row = dict(zip((*_CLAIM_FIELDS, *paper_columns), record, strict=True))
        rebuilt = _rebuild(row, later.get(row["id"], []), cutoff)
        if rebuilt is not None:
            rows.append(rebuilt)
    _resolve_read_only(session, [row for row in rows if row.pop("_resolve")])
    frame = pd.DataFrame(rows, columns=[*_CLAIM_FIELDS, *paper_columns])
    frame = frame.rename(columns={"id": "claim_id"})
    if benchmark_id is not None:
        frame = frame[frame["benchmark_id"] == benchmark_id]
    if metric_id is not None:
        frame = frame[frame["metric_id"] == metric_id]
    frame["paper_date"] = frame["paper_date"].map(lambda d: d.isoformat() if d else None)
    frame["arxiv_url"] = frame["arxiv_id"].map(lambda a: f"{ARXIV_ABS}{a}" if a else None)
    return frame.reindex(columns=AS_OF_COLUMNS).reset_index(drop=True)


def leaderboard_as_of(
    session: Session,
    benchmark: str | int,
    metric: str | int | None,
    when: str | dt.date | dt.datetime,
    condition: str | None = None,
    accepted_only: bool = False,
) -> pd.DataFrame:
    """`leaderboard.queries.leaderboard` as it stood at `when`: same columns, ranked by `rank_claims`."""
    bench = find_entity(session, "benchmark", benchmark)
    met = pick_metric(session, bench, metric)
    claims = claims_as_of(session, when, bench.id, met.id)
    counted = claims["status"].isin(HUMAN_ACCEPTED) if accepted_only else ~claims["status"].isin(NOT_COUNTED)
    rankable = (
        counted
        & (claims["kind"] == "score")
        & claims["model_id"].notna()
        & claims["value_canonical"].notna()
        & claims["value_flag"].isna()
    )
    claims = claims[rankable]
    if condition is not None:
        claims = claims[claims["condition_key"] == parse_condition_option(condition)]
    ranked = rank_claims(claims, met.direction)
    # As in queries.leaderboard: the condition shown is the parsed key ranked by, names are canonical.
    ranked = ranked.drop(columns=["condition", "model", "benchmark", "metric"])
    ranked = ranked.rename(columns={"value_canonical": "score", "condition_key": "condition"})
    ranked["model"] = ranked["model_id"].map(_entity_names(session, set(ranked["model_id"])))
    ranked["direction"] = met.direction or UNKNOWN
    ranked["benchmark"], ranked["metric"] = bench.name, met.name
    table = ranked.reindex(columns=LEADERBOARD_COLUMNS)
    table.attrs.update(benchmark=bench.name, metric=met.name, direction=met.direction or UNKNOWN)
    return table


def _entity_names(session: Session, ids: set) -> dict[int, str]:
    ids = {int(i) for i in ids if pd.notna(i)}
    if not ids:
        return {}
    return dict(session.execute(select(Entity.id, Entity.name).where(Entity.id.in_(ids))).all())
