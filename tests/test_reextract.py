"""Re-extraction keeps people's work: corrections survive, rejected claims stay out, nothing doubles."""

from __future__ import annotations

import json

import pytest
from review_helpers import PAPER_ID, claim, extracted_claims, store
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import leaderboard.extract
from leaderboard import review
from leaderboard.cli import app
from leaderboard.db import AuditEntry, ClaimRow, Paper, make_engine
from leaderboard.store import reconcile as reextract


@pytest.fixture
def session(migrated_engine):
    with Session(migrated_engine) as session:
        yield session


def snapshot(session) -> list[tuple]:
    """Every claim row as stored, for 'nothing was touched' checks."""
    session.expire_all()
    columns = [c for c in ClaimRow.__table__.columns]
    return [tuple(row) for row in session.execute(select(*columns).order_by(ClaimRow.id))]


def rows(session) -> dict[int, ClaimRow]:
    session.expire_all()
    return {row.id: row for row in session.scalars(select(ClaimRow))}


def test_same_input_again_touches_nothing(session):
    store(session)
    before = snapshot(session)
    store(session, [claim(1.0, "91.1")], version="v1")  # same version: stored claims stand
    assert snapshot(session) == before


def test_version_bump_with_the_same_claims_touches_no_row(session):
    store(session)
    before = snapshot(session)
    store(session, version="v2")
    assert snapshot(session) == before
    assert session.scalar(select(Paper.extractor_version)) == "v2"


def test_people_work_survives_a_version_bump(session):
    ids = store(session)
    review.edit(session, ids[45.2], {"metric": "box AP"}, "ann", expected_version=1)
    review.accept(session, [ids[91.1]], "ann")
    review.reject(session, [ids[88.0]], "ann", reason="ResNet is not the baseline")
    added = review.add_claim(
        session,
        PAPER_ID,
        {"evidence": "We present Foo. Foo reaches 91.1% accuracy", "value": 91.1, "kind": "delta"},
        "ann",
    )
    session.commit()
    before = snapshot(session)
    # The new extractor finds different fields at every reviewed span, and kinds a person ruled out.
    changed = [
        claim(91.1, "91.1", model="Foo-L", benchmark="ImageNet-1k", metric="top-1", unit="%"),
        claim(88.0, "88.0", model="ResNet-50", benchmark="ImageNet", metric="accuracy", kind="delta"),
        claim(45.2, "45.2", model="Foo", benchmark="COCO", metric="AP"),
        claim(45.2, "45.2", model="Foo", benchmark="COCO", metric="AP", kind="delta"),
    ]
    store(session, changed, version="v2")
    store(session, changed, version="v3")
    assert snapshot(session) == before
    assert session.get(ClaimRow, added.id).kind == "delta"


def test_changed_unreviewed_claim_is_updated_in_place_and_a_stale_review_refused(session):
    ids = store(session)
    new = extracted_claims()
    new[2].metric = "box AP"
    store(session, new, version="v2")
    row = rows(session)[ids[45.2]]
    assert (row.metric, row.status, row.version, row.extractor_version) == ("box AP", "extracted", 2, "v2")
    with pytest.raises(review.StaleVersionError, match="re-extracted at"):
        review.accept(session, [ids[45.2]], "ann", versions={ids[45.2]: 1})


def test_vanished_claims_retire_and_come_back_unless_touched(session):
    ids = store(session)
    store(session, extracted_claims()[:1], version="v2")  # 88.0 and 45.2 no longer found
    assert {r.value: r.status for r in rows(session).values()} == {
        91.1: "extracted",
        88.0: "retired",
        45.2: "retired",
    }
    review.accept(session, [ids[45.2]], "ann")  # a person vouches for a retired claim
    session.commit()
    store(session, version="v3")  # both found again
    found = {r.value: (r.status, r.version) for r in rows(session).values()}
    assert found == {91.1: ("extracted", 1), 88.0: ("extracted", 3), 45.2: ("accepted", 3)}
    assert session.scalar(select(func.count()).select_from(ClaimRow)) == 3


def test_no_new_claim_at_a_span_a_person_rejected(session):
    ids = store(session)
    review.reject(session, [ids[88.0]], "ann")
    session.commit()
    store(session, [*extracted_claims(), claim(88.0, "88.0", kind="delta")], version="v2")
    assert [(r.value, r.status) for r in rows(session).values() if r.value == 88.0] == [(88.0, "rejected")]


PAPER_JSONL = json.dumps(
    {
        "id": "2402.00002",
        "title": "Bar: a model",
        "abstract": (
            "We present Bar. Bar achieves 84.5% top-1 accuracy on ImageNet and 52.1 AP on COCO, "
            "outperforming ResNet-50 (76.1%)."
        ),
    }
)


def test_cli_reingest_with_a_newer_extractor_keeps_corrections(runner, db_url, monkeypatch):
    runner_path = "papers.jsonl"  # the runner works in an empty tmp folder
    with open(runner_path, "w", encoding="utf-8") as handle:
        handle.write(PAPER_JSONL + "\n")
    assert runner.invoke(app, ["ingest", runner_path, "--db", db_url]).exit_code == 0
    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            claims = {r.value: r for r in session.scalars(select(ClaimRow))}
            assert {84.5, 52.1} <= claims.keys()
            review.edit(session, claims[52.1].id, {"metric": "box AP"}, "ann", expected_version=1)
            review.reject(session, [claims[84.5].id], "ann")
            session.commit()
            before = snapshot(session)
        for version in (leaderboard.extract.EXTRACTOR_VERSION, "99.0"):
            monkeypatch.setattr(leaderboard.extract, "EXTRACTOR_VERSION", version)
            result = runner.invoke(app, ["ingest", runner_path, "--db", db_url])
            assert result.exit_code == 0, result.output
        with Session(engine) as session:
            assert snapshot(session) == before
            assert session.scalar(select(Paper.extractor_version)) == "99.0"
            assert session.scalar(select(func.count()).select_from(AuditEntry)) == 3
    finally:
        engine.dispose()


def test_a_review_landing_during_reextraction_wins(session, migrated_engine, monkeypatch):
    """The extractor read the claims, then a person changed two of them before it wrote."""
    ids = store(session)
    read = reextract._stored_claims

    def read_then_people_act(session_, paper_id):
        stored = read(session_, paper_id)
        with Session(migrated_engine) as other:
            review.edit(other, ids[45.2], {"metric": "box AP"}, "ann", 1)
            review.accept(other, [ids[88.0]], "ann")
            other.commit()
        return stored

    monkeypatch.setattr(reextract, "_stored_claims", read_then_people_act)
    new = extracted_claims()[:2]  # 45.2 no longer found: would be retired
    new[1].model = "ResNet-50"  # 88.0 changed: would be updated
    store(session, new, version="v2")
    found = {r.value: (r.status, r.metric, r.model, r.version) for r in rows(session).values()}
    assert found == {
        91.1: ("extracted", "accuracy", "Foo", 1),
        88.0: ("accepted", "accuracy", "ResNet", 2),
        45.2: ("corrected", "box AP", "Foo", 2),
    }


def test_no_new_claim_overlapping_a_span_a_person_rejected(session):
    # A person rejected "88.0"; a newer extractor's span "88.0%" is the same number.
    ids = store(session)
    review.reject(session, [ids[88.0]], "ann")
    session.commit()
    store(session, [*extracted_claims(), claim(88.0, "88.0%", kind="delta")], version="v2")
    assert [(r.value, r.status) for r in rows(session).values() if r.value == 88.0] == [(88.0, "rejected")]
