"""A leaderboard as it stood at a past date, rebuilt from the audit log."""

from __future__ import annotations

import datetime as dt

import pytest
from review_helpers import PAPER_ID, store
from sqlalchemy import update
from sqlalchemy.orm import Session

from leaderboard import queries, review
from leaderboard.db import AuditEntry, ClaimRow


@pytest.fixture
def session(migrated_engine):
    with Session(migrated_engine) as session:
        yield session


def board(table) -> list[tuple]:
    return [(row.rank, row.model, row.score) for row in table.itertuples()]


@pytest.fixture
def history(session):
    """Claims from January; ResNet's 88.0 corrected to 89.5 in March; more changes today."""
    ids = store(session)
    session.execute(update(ClaimRow).values(created_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)))
    review.edit(session, ids[88.0], {"value": 89.5}, "ann", 1)
    session.execute(update(AuditEntry).values(at=dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)))
    session.commit()
    review.reject(session, [ids[91.1]], "bob")
    review.edit(session, ids[45.2], {"benchmark": "ImageNet", "metric": "accuracy"}, "bob", 1)
    evidence = "Foo reaches 91.1% accuracy on ImageNet"
    review.add_claim(
        session,
        PAPER_ID,
        {
            "evidence": evidence,
            "value": 91.1,
            "model": "Foo-XL",
            "benchmark": "ImageNet",
            "metric": "accuracy",
            "kind": "score",
        },
        "bob",
    )
    session.commit()
    return ids


def test_leaderboard_at_past_dates(session, history):
    assert board(review.leaderboard_as_of(session, "ImageNet", "accuracy", "2025-12-31")) == []
    assert board(review.leaderboard_as_of(session, "ImageNet", "accuracy", "2026-02-01")) == [
        (1, "Foo", 91.1),
        (2, "ResNet", 88.0),
    ]
    assert board(review.leaderboard_as_of(session, "imagenet", "Accuracy", dt.date(2026, 3, 1))) == [
        (1, "Foo", 91.1),
        (2, "ResNet", 89.5),
    ]


def test_as_of_now_equals_the_live_leaderboard(session, history):
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    now = review.leaderboard_as_of(session, "ImageNet", "accuracy", tomorrow)
    assert board(now) == [(1, "Foo-XL", 91.1), (2, "ResNet", 89.5), (3, "Foo", 45.2)]
    live = queries.leaderboard(session, "ImageNet", "accuracy")
    assert board(now) == board(live)
    assert list(now.columns) == list(live.columns)


def test_claims_as_of_restores_fields_and_status(session, history):
    claims = review.claims_as_of(session, "2026-02-01").set_index("claim_id")
    assert claims.loc[history[45.2], ["benchmark", "metric", "status"]].tolist() == [
        "COCO",
        "AP",
        "extracted",
    ]
    assert claims.loc[history[91.1], "status"] == "extracted"
    assert len(claims) == 3  # the claim added today did not exist


def test_bad_date_is_refused(session, history):
    with pytest.raises(review.ReviewError, match="not a date or time: 'last week'"):
        review.leaderboard_as_of(session, "ImageNet", "accuracy", "last week")
