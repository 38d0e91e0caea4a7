"""Reverting entity changes goes through leaderboard.normalize's own operations, logged both ways."""

from __future__ import annotations

import pytest
from review_helpers import store
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from leaderboard import review
from leaderboard.db import AuditEntry, ClaimRow, Entity
from leaderboard.normalize import add_alias, merge_entities, set_metric_direction


@pytest.fixture
def session(migrated_engine):
    with Session(migrated_engine) as session:
        yield session


def entity_id(session, kind: str, name: str) -> int:
    return session.scalar(select(Entity.id).where(Entity.kind == kind, Entity.name == name))


def model_ids(session) -> dict[float, int]:
    session.expire_all()
    return {row.value: row.model_id for row in session.scalars(select(ClaimRow))}


def last_entry(session) -> AuditEntry:
    return session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()


def test_revert_merge_splits_and_revert_split_merges(session):
    store(session)
    foo, resnet = entity_id(session, "model", "Foo"), entity_id(session, "model", "ResNet")
    merge_entities(session, foo, resnet, "ann")
    session.commit()
    merge = last_entry(session)
    assert model_ids(session)[88.0] == foo
    [split] = review.revert(session, merge.id, "bob")
    session.commit()
    assert (split.action, split.reverts_id, split.reviewer) == ("split", merge.id, "bob")
    assert model_ids(session)[88.0] == resnet
    with pytest.raises(review.ReviewError, match="is not merged into anything now"):
        review.revert(session, merge.id, "bob")
    [again] = review.revert(session, split.id, "cy")
    session.commit()
    assert (again.action, again.reverts_id) == ("merge", split.id)
    assert model_ids(session)[88.0] == foo


def test_revert_alias_removes_it_and_claims_resolve_anew(session):
    ids = store(session)
    foo = entity_id(session, "model", "Foo")
    add_alias(session, foo, "Foo L", "ann")
    review.edit(session, ids[45.2], {"model": "Foo L"}, "ann", 1)
    session.commit()
    assert model_ids(session)[45.2] == foo
    alias_entry = session.scalars(select(AuditEntry).where(AuditEntry.target == "alias")).one()
    [undo] = review.revert(session, alias_entry.id, "bob")
    session.commit()
    assert (undo.target, undo.action, undo.reverts_id) == ("alias", "revert", alias_entry.id)
    assert model_ids(session)[45.2] == entity_id(session, "model", "Foo L") != foo
    with pytest.raises(review.ReviewError, match="already removed"):
        review.revert(session, alias_entry.id, "bob")


def test_revert_metric_direction(session):
    store(session)
    accuracy = entity_id(session, "metric", "accuracy")
    # As a metric no name rule knows: reverting the first change must unset the direction again.
    session.execute(update(Entity).where(Entity.id == accuracy).values(direction=None))
    set_metric_direction(session, accuracy, "lower", "ann")
    set_metric_direction(session, accuracy, "higher", "ann")
    session.commit()
    first, second = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    with pytest.raises(review.ReviewError, match="'accuracy' is now 'higher'"):
        review.revert(session, first.id, "bob")
    review.revert(session, second.id, "bob")
    review.revert(session, first.id, "bob")
    session.commit()
    assert session.get(Entity, accuracy).direction is None
    assert [e.reverts_id for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))][2:] == [
        second.id,
        first.id,
    ]
