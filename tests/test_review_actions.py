"""Accept, reject, edit, add and revert: every change versioned, logged, and undoable."""

from __future__ import annotations

import pytest
from review_helpers import ABSTRACT, PAPER_ID, claim, store
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from leaderboard import review
from leaderboard.audit import decode
from leaderboard.db import AuditEntry, ClaimRow


@pytest.fixture
def session(migrated_engine):
    with Session(migrated_engine) as session:
        yield session


@pytest.fixture
def ids(session) -> dict[float, int]:
    return store(session)


def audit_count(session) -> int:
    return session.scalar(select(func.count()).select_from(AuditEntry))


def test_accept_and_reject_set_status_bump_version_and_log(session, ids):
    review.accept(session, [ids[91.1]], reviewer="ann", reason="checked the table")
    review.reject(session, [ids[88.0]], reviewer="bob")
    session.commit()
    accepted, rejected = session.get(ClaimRow, ids[91.1]), session.get(ClaimRow, ids[88.0])
    assert (accepted.status, accepted.version, rejected.status, rejected.version) == (
        "accepted",
        2,
        "rejected",
        2,
    )
    [entry] = review.history(session, ids[91.1])
    assert (entry.action, entry.field, decode(entry.old_value), decode(entry.new_value)) == (
        "status",
        "status",
        "extracted",
        "accepted",
    )
    assert (entry.reviewer, entry.reason) == ("ann", "checked the table")
    assert entry.at is not None


def test_accepting_twice_changes_and_logs_nothing(session, ids):
    review.accept(session, [ids[91.1]], reviewer="ann")
    review.accept(session, [ids[91.1]], reviewer="ann")
    session.commit()
    assert session.get(ClaimRow, ids[91.1]).version == 2
    assert audit_count(session) == 1


def test_reviewer_is_required(session, ids):
    for reviewer in ("", "   ", None):
        with pytest.raises(review.ReviewerRequiredError):
            review.accept(session, [ids[91.1]], reviewer=reviewer)
        with pytest.raises(review.ReviewerRequiredError):
            review.edit(session, ids[91.1], {"metric": "top-1"}, reviewer=reviewer, expected_version=1)
    session.commit()
    assert session.get(ClaimRow, ids[91.1]).status == "extracted"
    assert audit_count(session) == 0


def test_edit_makes_claim_corrected_and_logs_each_field(session, ids):
    review.edit(
        session, ids[45.2], {"metric": "box AP", "value_high": "46.0", "condition": ""}, "ann", 1, "typo"
    )
    session.commit()
    row = session.get(ClaimRow, ids[45.2])
    assert (row.metric, row.value_high, row.condition, row.status, row.version) == (
        "box AP",
        46.0,
        None,
        "corrected",
        2,
    )
    changes = [
        (e.action, e.field, decode(e.old_value), decode(e.new_value)) for e in review.history(session, row.id)
    ]
    # condition was already empty: not a change, not logged.
    assert changes == [
        ("edit", "metric", "AP", "box AP"),
        ("edit", "value_high", None, 46.0),
        ("status", "status", "extracted", "corrected"),
    ]


BAD_EDITS = (
    ({"value": "ninety"}, "value must be a number"),
    ({"value": ""}, "value is required"),
    ({"baseline_value": "nan"}, "baseline_value must be a finite number"),
    ({"kind": "guess"}, "kind must be one of score, delta, efficiency"),
    ({"unit": "kg"}, "unit must be one of %, x, points"),
    ({"evidence": "other"}, "unknown field 'evidence'"),
    ({}, "nothing to change"),
)


def test_bad_edits_are_refused_and_change_nothing(session, ids):
    for changes, message in BAD_EDITS:
        with pytest.raises(review.ReviewError, match=message):
            review.edit(session, ids[91.1], changes, "ann", 1)
    session.commit()
    assert session.get(ClaimRow, ids[91.1]).version == 1
    assert audit_count(session) == 0


def test_unknown_claim_is_refused(session, ids):
    with pytest.raises(review.ReviewError, match="no claim with id 999"):
        review.accept(session, [999], reviewer="ann")


def test_stale_version_is_refused_naming_the_newer_change(session, ids):
    review.edit(session, ids[91.1], {"metric": "top-1 accuracy"}, "ann", expected_version=1)
    session.commit()
    with pytest.raises(review.StaleVersionError) as refused:
        review.edit(session, ids[91.1], {"metric": "top-5 accuracy"}, "bob", expected_version=1)
    message = str(refused.value)
    assert f"claim {ids[91.1]} was changed after you read version 1 (now version 2" in message
    assert "by ann at" in message
    session.rollback()
    assert session.get(ClaimRow, ids[91.1]).metric == "top-1 accuracy"


def test_accept_with_versions_checks_them(session, ids):
    review.edit(session, ids[91.1], {"metric": "top-1 accuracy"}, "ann", expected_version=1)
    with pytest.raises(review.StaleVersionError):
        review.accept(session, [ids[91.1]], reviewer="bob", versions={ids[91.1]: 1})


def test_add_claim_locates_the_sentence_and_number(session, ids):
    added = review.add_claim(
        session,
        PAPER_ID,
        {
            "evidence": "On COCO it scores 45.2 AP.",
            "value": "45.2",
            "model": "Foo",
            "benchmark": "COCO",
            "metric": "AP",
            "kind": "delta",
        },
        reviewer="ann",
    )
    session.commit()
    assert ABSTRACT[added.span_start : added.span_end] == "45.2"
    assert (added.status, added.origin, added.rule, added.kind, added.version) == (
        "accepted",
        "manual",
        "manual",
        "delta",
        1,
    )
    [entry] = review.history(session, added.id)
    assert (entry.action, decode(entry.new_value)["metric"]) == ("add", "AP")


BAD_ADDS = (
    ({"evidence": "Bar reaches 12.0 BLEU.", "value": 12}, "sentence is not in the abstract"),
    ({"evidence": "On COCO it scores 45.2 AP.", "value": 45.3}, "45.3 does not appear in the sentence"),
    ({"evidence": "Foo reaches 91.1% accuracy on ImageNet", "value": 91.1}, "claim .* already holds"),
    ({"value": 1}, "evidence .* is required"),
)


def test_add_claim_refusals(session, ids):
    for fields, message in BAD_ADDS:
        with pytest.raises(review.ReviewError, match=message):
            review.add_claim(session, PAPER_ID, fields, reviewer="ann")
    assert audit_count(session) == 0


def test_revert_restores_old_value_and_logs_both(session, ids):
    [metric_change, status_change] = review.edit(session, ids[91.1], {"metric": "top-1"}, "ann", 1)
    session.commit()
    [undo] = review.revert(session, metric_change.id, reviewer="bob")
    session.commit()
    row = session.get(ClaimRow, ids[91.1])
    assert (row.metric, row.version) == ("accuracy", 3)
    assert (undo.action, undo.field, undo.reverts_id, decode(undo.new_value), undo.reviewer) == (
        "revert",
        "metric",
        metric_change.id,
        "accuracy",
        "bob",
    )
    review.revert(session, status_change.id, reviewer="bob")
    session.commit()
    assert session.get(ClaimRow, ids[91.1]).status == "extracted"
    assert [e.action for e in review.history(session, ids[91.1])] == ["edit", "status", "revert", "revert"]


def test_revert_is_refused_when_a_later_change_wrote_the_field(session, ids):
    [first, _] = review.edit(session, ids[91.1], {"metric": "top-1"}, "ann", 1)
    review.edit(session, ids[91.1], {"metric": "top-5"}, "bob", 2)
    with pytest.raises(review.ReviewError, match="no longer what change .* wrote .* by bob"):
        review.revert(session, first.id, reviewer="cy")


def test_reverting_an_add_rejects_the_claim(session, ids):
    added = review.add_claim(
        session, PAPER_ID, {"evidence": "On COCO it scores 45.2 AP.", "value": 45.2, "kind": "delta"}, "ann"
    )
    [add_entry] = review.history(session, added.id)
    review.revert(session, add_entry.id, reviewer="bob")
    session.commit()
    assert session.get(ClaimRow, added.id).status == "rejected"
    assert session.scalar(select(func.count()).select_from(ClaimRow)) == 4  # nothing deleted


def test_unknown_change_cannot_be_reverted(session, ids):
    with pytest.raises(review.ReviewError, match="no change with id 42"):
        review.revert(session, 42, reviewer="ann")


def test_edit_re_resolves_entities(session, ids):
    """The claim moves to the entity its new benchmark name resolves to (leaderboard.normalize)."""
    review.edit(session, ids[45.2], {"benchmark": "ImageNet"}, "ann", 1)
    session.commit()
    rows = {row.id: row for row in session.scalars(select(ClaimRow))}
    assert rows[ids[91.1]].benchmark_id is not None
    assert rows[ids[45.2]].benchmark_id == rows[ids[91.1]].benchmark_id


def test_add_claim_refuses_a_number_the_extractor_holds_with_its_percent_sign(session):
    # The extractor's span of "91.1%" holds the sign; the added one is found as "91.1".
    store(session, [claim(91.1, "91.1%", model="Foo", benchmark="ImageNet", metric="accuracy", unit="%")])
    fields = {"evidence": "Foo reaches 91.1% accuracy on ImageNet", "value": 91.1}
    with pytest.raises(review.ReviewError, match="claim .* already holds"):
        review.add_claim(session, PAPER_ID, fields, reviewer="ann")
