"""The claims table and the review queue filter claims the same way: one `ClaimFilter` behind both,
so `export --claims` and `export --review` agree on every benchmark name, alias and unknown name."""

from __future__ import annotations

import pytest
from board_support import paper, score, store
from sqlalchemy.orm import Session

from leaderboard import queries, review
from leaderboard.cli import app


@pytest.fixture
def session(migrated_engine):
    with Session(migrated_engine) as session:
        store(
            session,
            (paper("2401.00001", "A"), [score("ModelA", "ImageNet-1K", "top-1 accuracy", 80.1)]),
            (paper("2401.00002", "B"), [score("ModelB", "ILSVRC-2012", "top-1 accuracy", 82.5)]),
            (paper("2401.00003", "C"), [score("ModelC", "CIFAR-10", "accuracy", 95.0)]),
        )
        yield session


@pytest.mark.parametrize("name", ["ImageNet", "ILSVRC-2012", "imagenet 1k", "CIFAR-10"])
def test_claims_table_and_review_queue_pick_the_same_claims_for_a_benchmark(session, name):
    from_claims = set(queries.claims(session, benchmark=name)["claim_id"])
    from_queue = set(review.review_queue(session, status=None, benchmark=name, limit=None)["id"])
    assert from_claims == from_queue
    assert from_claims  # each name matches stored claims


def test_an_unknown_benchmark_is_an_error_naming_it_in_both(session):
    with pytest.raises(queries.UnknownEntityError, match="no benchmark named 'ImageNot'") as from_claims:
        queries.claims(session, benchmark="ImageNot")
    with pytest.raises(queries.UnknownEntityError, match="no benchmark named 'ImageNot'") as from_queue:
        review.review_queue(session, benchmark="ImageNot")
    assert str(from_claims.value) == str(from_queue.value)


@pytest.mark.parametrize("mode", ["--claims", "--review"])
def test_export_with_an_unknown_benchmark_is_one_error_line_in_both_modes(runner, db_url, session, mode):
    result = runner.invoke(app, ["export", mode, "--benchmark", "ImageNot", "--db", db_url])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: no benchmark named 'ImageNot'")
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""
