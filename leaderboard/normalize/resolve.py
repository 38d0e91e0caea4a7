"""Fill a claim row's entity ids, canonical value, value flag and condition key.

Names resolve through `aliases` (every entity has at least the alias of its
own name) and then through `merged_into_id` to the entity that stands for
them now. A name nobody has seen gets an `extracted` entity, so it can be
merged or aliased later.

Lookups are per call: one query per kind for all the names of a batch, never
one per claim. New entities are inserted with ON CONFLICT DO NOTHING and read
back, so two ingests creating the same name at once both end up with the one
row. On PostgreSQL they are written in a short transaction of their own: an
ingest holds its transaction for a whole file, and two ingests inserting
overlapping names in different orders inside their long transactions could
deadlock. An entity whose ingest later rolls back is left without claims,
which no listing shows.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from leaderboard.db.models import Alias, Entity
from leaderboard.normalize.conditions import condition_key
from leaderboard.normalize.fold import fold
from leaderboard.normalize.scale import canonical_value

# (name field, id field, entity kind) of a claim row. Keep in sync with ClaimRow.
NAME_FIELDS = (
    ("benchmark", "benchmark_id", "benchmark"),
    ("metric", "metric_id", "metric"),
    ("model", "model_id", "model"),
    ("baseline_model", "baseline_model_id", "model"),
)
RESOLVED_FIELDS = tuple(f[1] for f in NAME_FIELDS) + ("value_canonical", "value_flag", "condition_key")
# Set in session.info by anything that writes entities inside the session's own
# transaction; new entities then go through the same transaction (see module doc).
ENTITIES_WRITTEN = "leaderboard.entities_written"
# Keys per IN (...) query, well under every backend's bound-parameter limit.
CHUNK = 500


@dataclass(frozen=True, slots=True)
class EntityRef:
    """What a claim needs of the entity a name resolves to."""

    id: int
    direction: str | None = None
    scale: str | None = None


def resolve_claim_rows(session: Session, rows: list[dict]) -> None:
    """Fill `benchmark_id, metric_id, model_id, baseline_model_id, value_canonical, value_flag,
    condition_key` in each row (a dict as inserted into `claims`), in place."""
    if not rows:
        return
    names = _names_in(rows)
    refs = lookup(session, names)
    missing = {key: name for key, name in names.items() if key not in refs}
    if missing:
        create_extracted(session, missing)
        refs.update(lookup(session, missing))
    for row in rows:
        fill_row(row, refs)


def fill_row(row: dict, refs: dict[tuple[str, str], EntityRef]) -> None:
    """Fill one row from already looked-up entities."""
    metric = None
    for name_field, id_field, kind in NAME_FIELDS:
        ref = refs.get((kind, fold(row.get(name_field))))
        row[id_field] = ref.id if ref else None
        if name_field == "metric":
            metric = ref
    if row.get("kind") == "score":
        row["value_canonical"], row["value_flag"] = canonical_value(
            row.get("value"), row.get("unit"), metric and metric.scale, metric and metric.direction
        )
    else:  # deltas and efficiency figures are kept, never ranked
        row["value_canonical"], row["value_flag"] = None, None
    # A metric written with its setting ('zero-shot accuracy', 'test accuracy') says it as plainly.
    written = "; ".join(text for text in (row.get("condition"), row.get("metric")) if text)
    row["condition_key"] = _condition_key(written or None, row.get("evidence"))


# Claims of one sentence share their evidence, so the same pair comes up again and again.
_condition_key = functools.lru_cache(maxsize=4096)(condition_key)


def _names_in(rows: Iterable[dict]) -> dict[tuple[str, str], str]:
    """(kind, key) -> the first spelling seen, for every name in the rows."""
    names: dict[tuple[str, str], str] = {}
    for row in rows:
        for name_field, _, kind in NAME_FIELDS:
            name = row.get(name_field)
            key = fold(name)
            if key:
                names.setdefault((kind, key), name.strip())
    return names


def lookup(session: Session, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], EntityRef]:
    """The entity each (kind, key) resolves to now (merges followed); absent keys are left out."""
    by_kind: dict[str, list[str]] = {}
    for kind, key in keys:
        by_kind.setdefault(kind, []).append(key)
    found: dict[tuple[str, str], int] = {}
    entities: dict[int, tuple[int | None, str | None, str | None]] = {}
    for kind, kind_keys in by_kind.items():
        for start in range(0, len(kind_keys), CHUNK):
            query = (
                select(Alias.key, Entity.id, Entity.merged_into_id, Entity.direction, Entity.scale)
                .join(Entity, Entity.id == Alias.entity_id)
                .where(Alias.kind == kind, Alias.key.in_(kind_keys[start : start + CHUNK]))
            )
            for key, entity_id, merged_into, direction, scale in session.execute(query):
                found[(kind, key)] = entity_id
                entities[entity_id] = (merged_into, direction, scale)
    _add_merge_targets(session, entities)
    return {key: _root(entity_id, entities) for key, entity_id in found.items()}


def _add_merge_targets(session: Session, entities: dict) -> None:
    """Load the entities merged ones point to, until every chain ends (merges are rare)."""
    pending = {m for m, _, _ in entities.values() if m is not None and m not in entities}
    while pending:
        query = select(Entity.id, Entity.merged_into_id, Entity.direction, Entity.scale).where(
            Entity.id.in_(pending)
        )
        for entity_id, merged_into, direction, scale in session.execute(query):
            entities[entity_id] = (merged_into, direction, scale)
        pending = {m for m, _, _ in entities.values() if m is not None and m not in entities}


def _root(entity_id: int, entities: dict) -> EntityRef:
    seen = set()
    while entities[entity_id][0] is not None and entity_id not in seen:
        seen.add(entity_id)
        entity_id = entities[entity_id][0]
    _, direction, scale = entities[entity_id]
    return EntityRef(entity_id, direction, scale)


def create_extracted(session: Session, names: dict[tuple[str, str], str]) -> None:
    """Insert an `extracted` entity and its alias for each (kind, key) -> name, where none exists."""
    items = sorted(names.items())  # one order for every writer, so concurrent inserts queue, not deadlock
    bind = session.get_bind()
    dialect = bind.dialect.name
    if dialect == "postgresql" and isinstance(bind, Engine) and not session.info.get(ENTITIES_WRITTEN):
        with bind.begin() as connection:
            _insert_entities(connection, items, dialect)
    else:
        _insert_entities(session, items, dialect)


def _insert_entities(connection, items: Sequence[tuple[tuple[str, str], str]], dialect: str) -> None:
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    for start in range(0, len(items), CHUNK):
        chunk = items[start : start + CHUNK]
        entity_rows = [
            {"kind": kind, "key": key, "name": name, "source": "extracted"} for (kind, key), name in chunk
        ]
        connection.execute(insert(Entity).on_conflict_do_nothing(index_elements=["kind", "key"]), entity_rows)
        ids = {}
        for kind in {k for (k, _), _ in chunk}:
            keys = [key for (k, key), _ in chunk if k == kind]
            query = select(Entity.key, Entity.id).where(Entity.kind == kind, Entity.key.in_(keys))
            ids.update({(kind, key): entity_id for key, entity_id in connection.execute(query)})
        alias_rows = [
            {"kind": k, "key": key, "name": name, "source": "extracted", "entity_id": ids[(k, key)]}
            for (k, key), name in chunk
        ]
        connection.execute(insert(Alias).on_conflict_do_nothing(index_elements=["kind", "key"]), alias_rows)
