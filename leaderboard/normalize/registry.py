"""The curated registry of benchmarks, metrics and models: CSV files in, entities and aliases out.

The shipped files are `seed/registry/*.csv` (their columns are described in
seed/registry/README.md); users load their own in the same format with
`leaderboard registry load FILE...`. Loading is idempotent and cheap when
nothing changed (a few queries, no writes), so every CLI command that opens
the database runs it.

A registry name or alias that the extractor had already met as a name of its
own (an `extracted` entity) takes that entity over: the extracted entity is
merged into the registry one and its claims are re-resolved, so they join the
registry entity's leaderboard. A name already claimed by another curated
entity is a conflict: an error for a user's file, skipped for the shipped one
(a person's choice wins over the shipped data). Attributes a person changed
(anything in the audit log) are never overwritten by a reload.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from leaderboard.db.models import (
    ENTITY_KINDS,
    METRIC_DIRECTIONS,
    METRIC_SCALES,
    Alias,
    AuditEntry,
    Entity,
    RegistryLoad,
)
from leaderboard.errors import LeaderboardError
from leaderboard.normalize.fold import fold
from leaderboard.normalize.reresolve import reresolve_claims, reresolve_unresolved
from leaderboard.normalize.resolve import CHUNK, ENTITIES_WRITTEN
from leaderboard.resources import registry_files

# Keep in sync with seed/registry/README.md.
COLUMNS = ("kind", "name", "aliases", "task", "direction", "scale", "unit", "hub_dataset_id")
REQUIRED_COLUMNS = ("kind", "name")
ALIAS_SEPARATOR = "|"
ATTRIBUTES = ("task", "direction", "scale", "unit", "hub_dataset_id")
# Any number will do as long as every loader uses the same one: it serialises
# concurrent loads on PostgreSQL (two CLI commands opening a fresh database at once).
ADVISORY_LOCK = 4_004_004


class RegistryError(LeaderboardError, ValueError):
    """A registry file that cannot be loaded; the message names the file and line."""


@dataclass(slots=True)
class RegistryRow:
    kind: str
    name: str
    key: str
    aliases: dict[str, str]  # key -> alias as written, the row's own name included
    task: str | None
    direction: str | None
    scale: str | None
    unit: str | None
    hub_dataset_id: str | None  # benchmarks: the Hugging Face Hub dataset id, where known
    where: str  # "file:line", for messages

    def attributes(self) -> dict[str, str | None]:
        return {name: getattr(self, name) for name in ATTRIBUTES}


@dataclass(slots=True)
class RegistryStats:
    entities_added: int = 0
    entities_updated: int = 0
    aliases_added: int = 0
    names_taken_over: int = 0
    claims_updated: int = 0
    skipped: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(
            self.entities_added or self.entities_updated or self.aliases_added or self.names_taken_over
        )


def default_files() -> list[Path]:
    return registry_files()


def read_registry(paths: Iterable[str | Path]) -> list[RegistryRow]:
    """Parse and check registry files; RegistryError on the first bad row or repeated name."""
    rows: list[RegistryRow] = []
    owners: dict[tuple[str, str], RegistryRow] = {}
    for path in paths:
        for row in _read_file(Path(path)):
            for key, alias in row.aliases.items():
                other = owners.setdefault((row.kind, key), row)
                if other is not row:
                    raise RegistryError(
                        f"{row.where}: {row.kind} name {alias!r} is already a name of {other.name!r} "
                        f"({other.where})"
                    )
            rows.append(row)
    return rows


def _read_file(path: Path) -> list[RegistryRow]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = [column.strip() for column in reader.fieldnames or []]
            _check_header(path, header)
            reader.fieldnames = header
            return [_parse_row(record, f"{path}:{reader.line_num}") for record in reader]
    except OSError as exc:
        raise RegistryError(f"{path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise RegistryError(f"{path}: not a UTF-8 CSV file ({exc})") from None


def _check_header(path: Path, header: list[str]) -> None:
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    unknown = [column for column in header if column not in COLUMNS]
    if missing or unknown:
        problem = f"missing column(s) {', '.join(missing)}" if missing else f"unknown column(s) {unknown}"
        raise RegistryError(f"{path}:1: {problem}; expected columns: {', '.join(COLUMNS)}")


def _parse_row(record: dict[str, str | None], where: str) -> RegistryRow:
    if None in record:  # more cells than header columns
        raise RegistryError(f"{where}: more cells than columns")
    value = {column: (record.get(column) or "").strip() or None for column in COLUMNS}
    kind, name = value["kind"], value["name"]
    if kind not in ENTITY_KINDS:
        raise RegistryError(f"{where}: kind must be one of {', '.join(ENTITY_KINDS)}, not {kind!r}")
    if not name or not fold(name):
        raise RegistryError(f"{where}: a name with at least one letter or digit is required")
    if kind == "metric":
        if value["direction"] not in METRIC_DIRECTIONS:
            raise RegistryError(f"{where}: direction of metric {name!r} must be higher or lower")
        if value["scale"] not in METRIC_SCALES:
            raise RegistryError(
                f"{where}: scale of metric {name!r} must be one of {', '.join(METRIC_SCALES)}"
            )
    elif value["direction"] or value["scale"]:
        raise RegistryError(f"{where}: only metrics have a direction and a scale")
    if value["hub_dataset_id"] and kind != "benchmark":
        raise RegistryError(f"{where}: only benchmarks have a hub_dataset_id")
    aliases = {fold(name): name}
    for alias in (value["aliases"] or "").split(ALIAS_SEPARATOR):
        alias = alias.strip()
        if alias and fold(alias):
            aliases.setdefault(fold(alias), alias)
    return RegistryRow(
        kind=kind,
        name=name,
        key=fold(name),
        aliases=aliases,
        task=value["task"] if kind == "benchmark" else None,
        direction=value["direction"],
        scale=value["scale"],
        unit=value["unit"] if kind == "metric" else None,
        hub_dataset_id=value["hub_dataset_id"] if kind == "benchmark" else None,
        where=where,
    )


def load_registry(session: Session, paths: Sequence[str | Path] | None = None) -> RegistryStats:
    """Load registry files (default: the shipped seed/registry/*.csv) into entities and aliases.

    Idempotent; a no-op costs a few queries. Files given explicitly are a
    user's (source 'user') and any conflict with an existing curated name
    raises RegistryError; the shipped files are source 'registry' and skip
    such rows (listed in `skipped`). The caller commits.
    """
    user = paths is not None
    rows = read_registry(paths if user else default_files())
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK})
    return _Loader(session, "user" if user else "registry", strict=user).load(rows)


@dataclass
class _EntityState:
    id: int
    kind: str
    key: str
    name: str
    source: str
    merged_into_id: int | None
    task: str | None
    direction: str | None
    scale: str | None
    unit: str | None
    hub_dataset_id: str | None


class _Loader:
    """One load: read what exists for the rows' names, then write only the differences."""

    def __init__(self, session: Session, source: str, strict: bool) -> None:
        self.session = session
        self.source = source
        self.strict = strict
        self.stats = RegistryStats()
        self.insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
        self.touched: set[int] = set()  # entities whose claims must be re-resolved

    def load(self, rows: list[RegistryRow]) -> RegistryStats:
        entities = self._entities_by_key({(r.kind, r.key) for r in rows})
        new = [r for r in rows if (r.kind, r.key) not in entities]
        if new:
            self._write(Entity, [self._entity_values(r) for r in new])
            entities.update(self._entities_by_key({(r.kind, r.key) for r in new}))
            self.stats.entities_added += len(new)
        self._update_attributes(rows, entities)
        aliases = self._aliases_by_key({(r.kind, key) for r in rows for key in r.aliases})
        owners = self._entities_by_id({entity_id for entity_id in aliases.values()})
        new_aliases = []
        for row in rows:
            entity = entities[(row.kind, row.key)]
            for key, alias in row.aliases.items():
                owner_id = aliases.get((row.kind, key))
                if owner_id is None:
                    new_aliases.append(
                        {
                            "kind": row.kind,
                            "key": key,
                            "name": alias,
                            "source": self.source,
                            "entity_id": entity.id,
                        }
                    )
                elif owner_id != entity.id:
                    self._take_over(row, alias, entity, owners[owner_id])
        if new_aliases:
            self._write(Alias, new_aliases)
            self.stats.aliases_added += len(new_aliases)
        if self.touched:
            self.stats.claims_updated = reresolve_claims(self.session, self.touched)
        return self.stats

    def _take_over(self, row: RegistryRow, alias: str, entity: _EntityState, owner: _EntityState) -> None:
        """`alias` already resolves to `owner`: merge an extracted owner in, else it is a conflict."""
        if owner.merged_into_id == entity.id:
            return
        if owner.source == "extracted" and owner.merged_into_id is None and owner.key == fold(alias):
            self.session.execute(update(Entity).where(Entity.id == owner.id).values(merged_into_id=entity.id))
            self.session.info[ENTITIES_WRITTEN] = True
            owner.merged_into_id = entity.id
            self.touched |= {owner.id, entity.id}
            self.stats.names_taken_over += 1
            return
        message = f"{row.where}: {row.kind} name {alias!r} already belongs to {owner.name!r}"
        if self.strict:
            raise RegistryError(message)
        self.stats.skipped.append(message)

    def _update_attributes(self, rows: list[RegistryRow], entities: dict) -> None:
        """Adopt extracted entities the registry names; refresh registry attributes nobody edited."""
        stale = [
            r
            for r in rows
            if (entity := entities[(r.kind, r.key)]).source != "manual"
            and (
                entity.source == "extracted"
                or any(getattr(entity, a) != v for a, v in r.attributes().items())
            )
        ]
        if not stale:
            return
        edited = self._edited_by_people({entities[(r.kind, r.key)].id for r in stale})
        for row in stale:
            entity = entities[(row.kind, row.key)]
            if entity.id in edited:
                continue
            values = row.attributes()
            if entity.source == "extracted":
                # A curated name is a real entity whatever the junk rules said of it.
                values |= {"source": self.source, "name": row.name, "not_entity": None}
            self.session.execute(update(Entity).where(Entity.id == entity.id).values(**values))
            self.session.info[ENTITIES_WRITTEN] = True
            for name, value in values.items():
                setattr(entity, name, value)
            self.touched.add(entity.id)
            self.stats.entities_updated += 1

    def _edited_by_people(self, entity_ids: set[int]) -> set[int]:
        query = select(AuditEntry.target_id).where(
            AuditEntry.target == "entity", AuditEntry.target_id.in_(entity_ids)
        )
        return set(self.session.scalars(query))

    def _entity_values(self, row: RegistryRow) -> dict:
        return {"kind": row.kind, "key": row.key, "name": row.name, "source": self.source, **row.attributes()}

    def _write(self, model, values: list[dict]) -> None:
        # ON CONFLICT DO NOTHING: a concurrent loader that got there first is no error.
        for start in range(0, len(values), CHUNK):
            statement = self.insert(model).on_conflict_do_nothing(index_elements=["kind", "key"])
            self.session.execute(statement, values[start : start + CHUNK])
        self.session.info[ENTITIES_WRITTEN] = True

    def _entities_by_key(self, keys: set[tuple[str, str]]) -> dict[tuple[str, str], _EntityState]:
        found = {}
        for kind, kind_keys in _by_kind(keys).items():
            for start in range(0, len(kind_keys), CHUNK):
                query = select(*_STATE_COLUMNS).where(
                    Entity.kind == kind, Entity.key.in_(kind_keys[start : start + CHUNK])
                )
                for row in self.session.execute(query):
                    state = _EntityState(*row)
                    found[(state.kind, state.key)] = state
        return found

    def _entities_by_id(self, ids: set[int]) -> dict[int, _EntityState]:
        found = {}
        ids_list = sorted(ids)
        for start in range(0, len(ids_list), CHUNK):
            query = select(*_STATE_COLUMNS).where(Entity.id.in_(ids_list[start : start + CHUNK]))
            found.update({row.id: _EntityState(*row) for row in self.session.execute(query)})
        return found

    def _aliases_by_key(self, keys: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
        found = {}
        for kind, kind_keys in _by_kind(keys).items():
            for start in range(0, len(kind_keys), CHUNK):
                query = select(Alias.key, Alias.entity_id).where(
                    Alias.kind == kind, Alias.key.in_(kind_keys[start : start + CHUNK])
                )
                found.update({(kind, key): entity_id for key, entity_id in self.session.execute(query)})
        return found


_STATE_COLUMNS = (
    Entity.id,
    Entity.kind,
    Entity.key,
    Entity.name,
    Entity.source,
    Entity.merged_into_id,
    Entity.task,
    Entity.direction,
    Entity.scale,
    Entity.unit,
    Entity.hub_dataset_id,
)


def _by_kind(keys: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for kind, key in sorted(keys):
        grouped.setdefault(kind, []).append(key)
    return grouped


def load_shipped_registry(engine: Engine) -> RegistryStats:
    """Load seed/registry into the database behind `engine`, in a transaction of its own.

    Every CLI command calls it, so a database that already holds these very
    files (their fingerprint is in `registry_loads`) costs one query and no
    parsing. The first load into a database (entities added) also resolves
    claims stored before entities existed, e.g. by an older version: a one-off
    scan, never repeated once the registry is in.
    """
    files = default_files()
    fingerprint = registry_fingerprint(files)
    with Session(engine) as session, session.begin():
        if session.get(RegistryLoad, fingerprint) is not None:
            return RegistryStats()
        stats = load_registry(session)
        if stats.entities_added:
            stats.claims_updated += reresolve_unresolved(session)
        insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert
        # Two commands opening a fresh database at once both load (the second finds nothing to do).
        session.execute(insert(RegistryLoad).values(fingerprint=fingerprint).on_conflict_do_nothing())
        return stats


# Part of the fingerprint: bump it when loading the same files would write something else.
LOADER_VERSION = b"2"


def registry_fingerprint(paths: Iterable[Path]) -> str:
    """A digest of the registry files' names and bytes (and of how they are loaded)."""
    digest = hashlib.sha256(LOADER_VERSION)
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
