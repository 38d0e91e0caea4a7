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
from leaderboard.normalize.benchmark_name import BenchmarkName, read_benchmark_name
from leaderboard.normalize.conditions import condition_key
from leaderboard.normalize.direction import direction_from_name
from leaderboard.normalize.fold import fold
from leaderboard.normalize.junk import benchmark_junk_reason, model_junk_reason
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
    curated: bool = False  # from the registry, a user's file or a person, not met by the extractor only


# Entity sources whose names are known to be real.
CURATED_SOURCES = frozenset({"registry", "user", "manual"})


def resolve_claim_rows(session: Session, rows: list[dict]) -> None:
    """Fill `benchmark_id, metric_id, model_id, baseline_model_id, value_canonical, value_flag,
    condition_key` in each row (a dict as inserted into `claims`), in place."""
    if not rows:
        return
    names = _names_in(rows)
    refs = lookup(session, set(names) | lookup_keys(rows))
    missing = {
        key: name for key, name in names.items() if key not in refs and not _task_free(key, name, refs)
    }
    if missing:
        create_extracted(session, missing)
        refs.update(lookup(session, missing))
    for row in rows:
        fill_row(row, refs)


def fill_row(row: dict, refs: dict[tuple[str, str], EntityRef]) -> None:
    """Fill one row from already looked-up entities."""
    metric = None
    benchmark = read_benchmark_name(row["benchmark"]) if fold(row.get("benchmark")) else None
    for name_field, id_field, kind in NAME_FIELDS:
        if name_field == "benchmark":
            ref = _benchmark_ref(benchmark, refs) if benchmark else None
        else:
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
    row["condition_key"] = _condition_key(
        written or None, row.get("evidence"), row.get("value_text"), benchmark.fixed() if benchmark else ()
    )


# Claims of one sentence share their evidence, so the same arguments come up again and again.
@functools.lru_cache(maxsize=4096)
def _condition_key(written: str | None, evidence: str | None, value_text: str | None, fixed: tuple) -> str:
    return condition_key(written, evidence, value_text, dict(fixed))


def _benchmark_ref(name: BenchmarkName, refs: dict[tuple[str, str], EntityRef]) -> EntityRef | None:
    """The entity of a written benchmark: its benchmark part, or that without trailing task words
    ('ImageNet classification' -> ImageNet) when only the shorter one is a curated benchmark."""
    ref = refs.get(("benchmark", fold(name.base)))
    if name.without_task and (ref is None or not ref.curated):
        shorter = refs.get(("benchmark", fold(name.without_task)))
        if shorter is not None and shorter.curated:
            return shorter
    return ref


def _task_free(key: tuple[str, str], name: str, refs: dict[tuple[str, str], EntityRef]) -> bool:
    """Whether a benchmark name that is not stored needs no entity: its task-free form is curated."""
    shorter = read_benchmark_name(name).without_task if key[0] == "benchmark" else None
    ref = refs.get(("benchmark", fold(shorter))) if shorter else None
    return ref is not None and ref.curated


def lookup_keys(rows: Iterable[dict]) -> set[tuple[str, str]]:
    """Every (kind, key) resolving `rows` may need, including benchmark forms without task words."""
    keys = set()
    for row in rows:
        for name_field, _, kind in NAME_FIELDS:
            if not fold(row.get(name_field)):
                continue
            if name_field != "benchmark":
                keys.add((kind, fold(row[name_field])))
                continue
            name = read_benchmark_name(row[name_field])
            keys.add((kind, fold(name.base)))
            if name.without_task:
                keys.add((kind, fold(name.without_task)))
    return keys


def _names_in(rows: Iterable[dict]) -> dict[tuple[str, str], str]:
    """(kind, key) -> the first spelling seen, for every name in the rows."""
    names: dict[tuple[str, str], str] = {}
    for row in rows:
        for name_field, _, kind in NAME_FIELDS:
            name = row.get(name_field)
            if not fold(name):
                continue
            if name_field == "benchmark":
                name = read_benchmark_name(name).base  # 'COCO test-dev' is COCO, split test-dev
            names.setdefault((kind, fold(name)), name.strip())
    return names


def lookup(session: Session, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], EntityRef]:
    """The entity each (kind, key) resolves to now (merges followed); absent keys are left out."""
    by_kind: dict[str, list[str]] = {}
    for kind, key in keys:
        by_kind.setdefault(kind, []).append(key)
    found: dict[tuple[str, str], int] = {}
    entities: dict[int, tuple[int | None, str | None, str | None, str]] = {}
    for kind, kind_keys in by_kind.items():
        for start in range(0, len(kind_keys), CHUNK):
            query = (
                select(Alias.key, Entity.id, *_REF_COLUMNS)
                .join(Entity, Entity.id == Alias.entity_id)
                .where(Alias.kind == kind, Alias.key.in_(kind_keys[start : start + CHUNK]))
            )
            for key, entity_id, *state in session.execute(query):
                found[(kind, key)] = entity_id
                entities[entity_id] = tuple(state)
    _add_merge_targets(session, entities)
    return {key: _root(entity_id, entities) for key, entity_id in found.items()}


def _add_merge_targets(session: Session, entities: dict) -> None:
    """Load the entities merged ones point to, until every chain ends (merges are rare)."""
    pending = {state[0] for state in entities.values() if state[0] is not None and state[0] not in entities}
    while pending:
        query = select(Entity.id, *_REF_COLUMNS).where(Entity.id.in_(pending))
        for entity_id, *state in session.execute(query):
            entities[entity_id] = tuple(state)
        pending = {
            state[0] for state in entities.values() if state[0] is not None and state[0] not in entities
        }


def _root(entity_id: int, entities: dict) -> EntityRef:
    seen = set()
    while entities[entity_id][0] is not None and entity_id not in seen:
        seen.add(entity_id)
        entity_id = entities[entity_id][0]
    _, direction, scale, source = entities[entity_id]
    return EntityRef(entity_id, direction, scale, source in CURATED_SOURCES)


# What lookup reads of an entity, after its id. Keep in sync with _root.
_REF_COLUMNS = (Entity.merged_into_id, Entity.direction, Entity.scale, Entity.source)


def create_extracted(session: Session, names: dict[tuple[str, str], str]) -> None:
    """Insert an `extracted` entity and its alias for each (kind, key) -> name, where none exists."""
    items = sorted(names.items())  # one order for every writer, so concurrent inserts queue, not deadlock
    judged = _judge(session, items)
    bind = session.get_bind()
    dialect = bind.dialect.name
    if dialect == "postgresql" and isinstance(bind, Engine) and not session.info.get(ENTITIES_WRITTEN):
        with bind.begin() as connection:
            _insert_entities(connection, items, judged, dialect)
    else:
        _insert_entities(session, items, judged, dialect)


def _judge(session: Session, items: Sequence[tuple[tuple[str, str], str]]) -> dict[tuple[str, str], dict]:
    """What the rules say of each new name: a metric's direction, why a name is no benchmark or model."""
    model_keys = [key for (kind, key), _ in items if kind == "model"]
    benchmark_keys = set()
    for start in range(0, len(model_keys), CHUNK):
        query = select(Alias.key).where(
            Alias.kind == "benchmark", Alias.key.in_(model_keys[start : start + CHUNK])
        )
        benchmark_keys.update(session.scalars(query))
    judged = {}
    for (kind, key), name in items:
        direction = direction_from_name(name) if kind == "metric" else None
        if kind == "benchmark":
            reason = benchmark_junk_reason(name)
        elif kind == "model":
            reason = model_junk_reason(name, is_benchmark=key in benchmark_keys)
        else:
            reason = None
        judged[(kind, key)] = {"direction": direction, "not_entity": reason}
    return judged


def _insert_entities(
    connection, items: Sequence[tuple[tuple[str, str], str]], judged: dict, dialect: str
) -> None:
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    for start in range(0, len(items), CHUNK):
        chunk = items[start : start + CHUNK]
        entity_rows = [
            {"kind": kind, "key": key, "name": name, "source": "extracted", **judged[(kind, key)]}
            for (kind, key), name in chunk
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
