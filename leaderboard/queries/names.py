"""Turning what a user typed (a name, an alias or an id) into an entity."""

from __future__ import annotations

import numbers
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from leaderboard.db.models import Alias, Entity
from leaderboard.errors import LeaderboardError
from leaderboard.ids import fits_integer_column, parse_hash_id
from leaderboard.normalize.benchmark_name import read_benchmark_name
from leaderboard.normalize.fold import fold
from leaderboard.normalize.resolve import lookup

# How many close names an unknown-name error offers.
SUGGESTED_NAMES = 3


class UnknownEntityError(LeaderboardError, LookupError):
    """A benchmark, metric or model name that matches no entity; the message offers close names."""


@dataclass(frozen=True, slots=True)
class EntityInfo:
    id: int
    kind: str
    name: str
    direction: str | None
    scale: str | None
    unit: str | None
    task: str | None
    not_entity: str | None = None  # why it is no real benchmark or model (entities.not_entity)


def find_entity(session: Session, kind: str, name_or_id: str | int) -> EntityInfo:
    """The entity (merges followed) a name, alias or id stands for; UnknownEntityError if none."""
    entity_id = _as_id(name_or_id)
    if entity_id is None:
        entity_id = _lookup_name(session, kind, str(name_or_id))
    entity = session.get(Entity, entity_id) if entity_id is not None else None
    while entity is not None and entity.merged_into_id is not None:
        entity = session.get(Entity, entity.merged_into_id)
    if entity is None or entity.kind != kind:
        raise UnknownEntityError(_unknown_message(session, kind, name_or_id))
    return EntityInfo(
        entity.id,
        entity.kind,
        entity.name,
        entity.direction,
        entity.scale,
        entity.unit,
        entity.task,
        entity.not_entity,
    )


def _lookup_name(session: Session, kind: str, name: str) -> int | None:
    """The entity id a name resolves to; a benchmark name carrying a split or language pair
    ('COCO test-dev') resolves to its benchmark, as claims written that way do."""
    keys = [(kind, fold(name))]
    if kind == "benchmark":
        written = read_benchmark_name(name)
        keys += [(kind, fold(form)) for form in (written.base, written.without_task) if form]
    refs = lookup(session, keys)
    return next((refs[key].id for key in keys if key in refs), None)


def entity_id_for(session: Session, kind: str, text: str, follow_merges: bool = True) -> int:
    """An entity id from '#ID', a name or an alias; with `follow_merges` off, the merged one itself
    (what a split needs)."""
    if (hash_id := parse_hash_id(text)) is not None:
        return hash_id
    if follow_merges:
        return find_entity(session, kind, text).id
    found = session.scalar(select(Alias.entity_id).where(Alias.kind == kind, Alias.key == fold(text)))
    if found is None:
        raise UnknownEntityError(f"no {kind} named {text!r}")
    return found


# An id that no row has (ids start at 1), standing for one that cannot exist.
NO_ENTITY = 0


def _as_id(name_or_id: str | int) -> int | None:
    # numbers.Integral takes numpy integers too: ids often come out of a DataFrame.
    if isinstance(name_or_id, numbers.Integral) and not isinstance(name_or_id, bool):
        # An id no database can hold names nothing: looked up, it would overflow.
        return int(name_or_id) if fits_integer_column(int(name_or_id)) else NO_ENTITY
    return None


def _unknown_message(session: Session, kind: str, name: str | int) -> str:
    names = session.scalars(select(Alias.name).where(Alias.kind == kind)).all()
    # Plain edit-distance similarity: with thousands of registry names, the default (WRatio) ranks
    # every longer name containing a close word ('SVHN-to-MNIST') above the close name itself.
    close = process.extract(str(name), names, scorer=fuzz.ratio, limit=SUGGESTED_NAMES, score_cutoff=60)
    hint = f" (did you mean: {', '.join(repr(n) for n, _, _ in close)}?)" if close else ""
    return f"no {kind} named {str(name)!r}{hint}"
