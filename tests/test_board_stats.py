"""The maintained statistics (board_groups, benchmark_counts) follow every kind of write: after
ingest, review, entity edits, re-extraction and an import they equal a rebuild from scratch."""

from __future__ import annotations

from pathlib import Path

import pytest
from board_support import paper, score, store
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from leaderboard import review
from leaderboard.cli import app
from leaderboard.db.models import BenchmarkCount, BoardGroup, ClaimRow, Entity
from leaderboard.imports import read_pwc, store_imported
from leaderboard.normalize import entities
from leaderboard.store import board_stats
from leaderboard.store.papers import store_papers

TABLES = Path(__file__).parent / "data" / "pwc" / "tables.json"
WHO = "tester"


@pytest.fixture
def session(migrated_engine):
    with Session(migrated_engine) as session:
        yield session


def maintained(session: Session) -> tuple[list[tuple], list[tuple]]:
    groups = session.execute(select(BoardGroup.__table__).order_by(*BoardGroup.__table__.primary_key)).all()
    counts = session.execute(
        select(BenchmarkCount.__table__).order_by(*BenchmarkCount.__table__.primary_key)
    ).all()
    return [tuple(row) for row in groups], [tuple(row) for row in counts]


def assert_as_rebuilt(session: Session) -> None:
    """The committed statistics equal what a rebuild computes from the claims now."""
    session.commit()
    kept = maintained(session)
    board_stats.rebuild(session)
    rebuilt = maintained(session)
    session.rollback()
    assert kept == rebuilt
    assert kept[0], "the scenario ranks something"


def claim_id(session: Session, model: str, value: float) -> int:
    return session.scalar(select(ClaimRow.id).where(ClaimRow.model == model, ClaimRow.value == value))


def entity_id(session: Session, kind: str, name: str) -> int:
    return session.scalar(select(Entity.id).where(Entity.kind == kind, Entity.name == name))


def first_papers() -> list:
    return [
        (
            paper("2401.00001", "Alpha", "2024-01-05"),
            [
                score("AlphaNet", "ImageNet", "accuracy", 80.1),
                score("AlphaNet", "ImageNet", "accuracy", 78.0),
                score("ResNet-50", "ImageNet", "accuracy", 76.1),
                score("AlphaNet", "ImageNet", "top-1 error", 19.9),
                score("AlphaNet", "CIFAR-10", "accuracy", 97.0, condition="zero-shot"),
            ],
        ),
        (
            paper("2401.00002", "Beta", None),
            [
                score("ResNet-50", "ImageNet", "accuracy", 75.3),
                score("AlphaNet", "ImageNet", "accuracy", 78.0),
                score("BetaNet", "ImageNet", "top-1 error", 18.0),
                score("AlphaNet", "ImageNet", "top-1 error", 21.0),
                score("BetaNet", "ImageNet", "accuracy", 0.2, confidence=0.3),
            ],
        ),
    ]


def later_papers() -> list:
    # Ties and new extremes on groups the first papers made: the fast path's merge.
    return [
        (
            paper("2402.00003", "Gamma", "2024-02-01"),
            [
                score("AlphaNet", "ImageNet", "accuracy", 80.1),
                score("ResNet-50", "ImageNet", "accuracy", 74.0),
                score("ResNet-50", "ImageNet", "accuracy", 76.1),
                score("AlphaNet", "ImageNet", "top-1 error", 17.5),
                score("GammaNet", "CIFAR-10", "accuracy", 95.5, condition="zero-shot"),
            ],
        ),
        (paper("2402.00004", "Delta", "2023-12-01"), [score("AlphaNet", "ImageNet", "accuracy", 80.1)]),
    ]


def test_ingest_and_review_keep_the_statistics(session):
    store(session, *first_papers())
    assert_as_rebuilt(session)
    store(session, *later_papers(), registry=False)
    assert_as_rebuilt(session)

    review.accept(session, [claim_id(session, "BetaNet", 0.2)], reviewer=WHO)
    assert_as_rebuilt(session)
    review.reject(session, [claim_id(session, "ResNet-50", 74.0)], reviewer=WHO)
    assert_as_rebuilt(session)
    edits = review.edit(session, claim_id(session, "AlphaNet", 97.0), {"model": "GammaNet"}, WHO, None)
    assert_as_rebuilt(session)
    review.edit(session, claim_id(session, "ResNet-50", 75.3), {"value": "82.5"}, WHO, None)
    assert_as_rebuilt(session)
    store(session, (paper("2402.00005", "BetaNet reaches 12.5"), []), registry=False)
    fields = {"value": "12.5", "model": "BetaNet", "benchmark": "ImageNet", "metric": "top-1 error"}
    review.add_claim(session, "2402.00005", fields | {"evidence": "Abstract of BetaNet reaches 12.5."}, WHO)
    assert_as_rebuilt(session)
    review.revert(session, edits[0].id, reviewer=WHO)
    assert_as_rebuilt(session)


def test_entity_edits_keep_the_statistics(session):
    store(session, *first_papers(), *later_papers())
    assert_as_rebuilt(session)
    alpha, beta = entity_id(session, "model", "AlphaNet"), entity_id(session, "model", "BetaNet")
    entities.merge_entities(session, alpha, beta, reviewer=WHO)
    assert_as_rebuilt(session)
    entities.split_entity(session, beta, reviewer=WHO)
    assert_as_rebuilt(session)
    entities.add_alias(session, alpha, "GammaNet", reviewer=WHO)
    assert_as_rebuilt(session)
    entities.mark_not_entity(session, entity_id(session, "model", "ResNet-50"), True, reviewer=WHO)
    assert_as_rebuilt(session)
    entities.mark_not_entity(session, entity_id(session, "model", "ResNet-50"), False, reviewer=WHO)
    assert_as_rebuilt(session)
    cifar = entity_id(session, "benchmark", "CIFAR-10")
    entities.mark_not_entity(session, cifar, True, reviewer=WHO)
    assert_as_rebuilt(session)
    entities.mark_not_entity(session, cifar, False, reviewer=WHO)
    assert_as_rebuilt(session)
    accuracy = entity_id(session, "metric", "accuracy")
    entities.set_metric_direction(session, accuracy, "lower", reviewer=WHO)
    assert_as_rebuilt(session)


def test_reextraction_and_an_import_keep_the_statistics(session):
    store(session, *first_papers())
    review.accept(session, [claim_id(session, "ResNet-50", 76.1)], reviewer=WHO)
    session.commit()
    alpha, claims = first_papers()[0]
    changed = [claims[0], score("AlphaNet", "ImageNet", "accuracy", 81.4), claims[2]]
    for i, claim in enumerate(changed):
        claim.span = (i, i + 1)
    store_papers(session, [(alpha, changed)], extractor_version="newer")
    assert_as_rebuilt(session)
    store_imported(session, read_pwc(TABLES).results)
    assert_as_rebuilt(session)


def test_a_rolled_back_write_leaves_the_statistics_alone(session):
    store(session, *first_papers())
    before = maintained(session)
    review.reject(session, [claim_id(session, "AlphaNet", 80.1)], reviewer=WHO)
    session.rollback()
    store(session, *later_papers(), registry=False)
    assert_as_rebuilt(session)
    assert maintained(session) != before


def test_rebuild_stats_command_recomputes_what_a_bulk_copy_left_out(session, db_url, runner):
    store(session, *first_papers())
    kept = maintained(session)
    session.execute(delete(BoardGroup.__table__))
    session.execute(delete(BenchmarkCount.__table__))
    session.commit()
    result = runner.invoke(app, ["db", "rebuild-stats", "--db", db_url])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        f"statistics rebuilt: {len(kept[0])} board rows, {len(kept[1])} benchmark counts;"
    )
    session.expire_all()
    assert maintained(session) == kept
