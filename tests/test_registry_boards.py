"""What the registry rules do to stored claims, on SQLite and PostgreSQL: benchmark names carrying a
split or language pair join their benchmark's board in a condition of their own, junk names are
marked (claims kept), new metrics get a direction only from their name, a person's mark is logged and
revertable."""

from __future__ import annotations

import pytest
from board_support import paper, score, store
from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from leaderboard import normalize, queries
from leaderboard.db.models import AuditEntry, ClaimRow, Entity
from leaderboard.review.history import revert

LIBRISPEECH = "Our model achieves a word error rate of 1.8% on LibriSpeech test-clean and 3.9% on test-other."


@pytest.fixture
def session(migrated_engine):
    with Session(migrated_engine) as session:
        yield session


def entity(session, kind: str, name: str) -> Entity:
    return session.get(Entity, queries.find_entity(session, kind, name).id)


def board_rows(session, benchmark: str, metric: str) -> list[tuple[str, str, float]]:
    board = queries.leaderboard(session, benchmark, metric)
    return sorted(zip(board["condition"], board["model"], board["score"], strict=True))


def test_librispeech_test_clean_and_test_other_are_ranked_apart(session):
    store(
        session,
        (
            paper("2401.00001", "One sentence, two subsets", "2024-01-01"),
            [
                score(
                    "Conformer",
                    "LibriSpeech",
                    "WER",
                    1.8,
                    condition="test-clean; test-other",
                    evidence=LIBRISPEECH,
                ),
                score(
                    "Conformer",
                    "LibriSpeech",
                    "WER",
                    3.9,
                    condition="test-clean; test-other",
                    evidence=LIBRISPEECH,
                ),
            ],
        ),
        (
            paper("2401.00002", "Subsets in the benchmark name", "2024-01-02"),
            [
                score("Whisper", "LibriSpeech test-clean", "word error rate", 2.7),
                score("Whisper", "LibriSpeech test-other", "WER", 5.2),
            ],
        ),
    )
    assert board_rows(session, "LibriSpeech", "WER") == [
        ("split=test-clean", "Conformer", 1.8),
        ("split=test-clean", "Whisper", 2.7),
        ("split=test-other", "Conformer", 3.9),
        ("split=test-other", "Whisper", 5.2),
    ]
    assert queries.leaderboard(session, "LibriSpeech", "WER").attrs["direction"] == "lower"


def test_splits_and_language_pairs_in_names_join_one_benchmark(session):
    store(
        session,
        (
            paper("2402.00001", "Names", "2024-02-01"),
            [
                score("DETR", "COCO test-dev", "AP", 42.0),
                score("YOLO", "MS COCO", "AP", 40.0),
                score("Transformer", "English-to-German WMT 2014", "BLEU", 28.4),
                score("ConvS2S", "WMT14 English-German", "BLEU", 25.2),
                score("Transformer", "WMT14 English-French", "BLEU", 41.8),
                score("ResNet-50", "ImageNet classification", "top-1 accuracy", 76.1),
                score("Kaldi", "Hub5-2000", "WER", 9.0),
            ],
        ),
    )
    assert board_rows(session, "COCO", "AP") == [("", "YOLO", 40.0), ("split=test-dev", "DETR", 42.0)]
    assert board_rows(session, "WMT 2014", "BLEU") == [
        ("lang=en-de", "ConvS2S", 25.2),
        ("lang=en-de", "Transformer", 28.4),
        ("lang=en-fr", "Transformer", 41.8),
    ]
    assert board_rows(session, "ImageNet", "top-1 accuracy") == [("", "ResNet-50", 76.1)]
    assert board_rows(session, "Hub5'00", "WER") == [("", "Kaldi", 9.0)]
    names = set(queries.benchmarks(session)["benchmark"])
    assert names == {"COCO", "WMT 2014", "ImageNet", "Hub5'00"}


def test_junk_names_are_marked_and_keep_their_claims(session):
    store(
        session,
        (
            paper("2403.00001", "Junk", "2024-03-01"),
            [
                score("Ours", "11 datasets", "accuracy", 80.0),
                score("GPipe", "ImageNet", "top-1 accuracy", 84.3),
                score("Librispeech", "ImageNet", "top-1 accuracy", 50.0),
                score("AmoebaNet", "1-shot", "accuracy", 60.0),
                score("BERT", "SQuAD v1.1", "F1", 93.2),
            ],
        ),
    )
    assert entity(session, "benchmark", "11 datasets").not_entity == "count"
    assert entity(session, "benchmark", "1-shot").not_entity == "setting"
    assert entity(session, "model", "GPipe").not_entity == "library"
    assert entity(session, "model", "Librispeech").not_entity == "dataset"
    assert entity(session, "model", "BERT").not_entity is None
    assert entity(session, "benchmark", "SQuAD v1.1").not_entity is None
    assert session.scalar(select(func.count()).select_from(ClaimRow)) == 5


def test_a_metric_gets_a_direction_from_its_name_or_none(session):
    store(
        session,
        (
            paper("2404.00001", "Metrics", "2024-04-01"),
            [
                score("A", "RoboBench", "grasp placement error", 3.0, unit=None),
                score("A", "RoboBench", "zorp index", 7.0, unit=None),
            ],
        ),
    )
    assert entity(session, "metric", "grasp placement error").direction == "lower"
    assert entity(session, "metric", "zorp index").direction is None


def test_a_person_marks_a_name_as_no_entity_and_reverts_it(session):
    store(session, (paper("2405.00001", "P", "2024-05-01"), [score("Kaldi", "Switchboard", "WER", 6.0)]))
    kaldi = entity(session, "model", "Kaldi")
    normalize.mark_not_entity(session, kaldi.id, True, "ann", "a toolkit")
    session.commit()
    assert kaldi.not_entity == "manual"
    change = session.scalars(select(AuditEntry).where(AuditEntry.field == "not_entity")).one()
    assert (change.target_id, change.reviewer, change.reason) == (kaldi.id, "ann", "a toolkit")
    revert(session, change.id, "bob")
    session.commit()
    session.refresh(kaldi)
    assert kaldi.not_entity is None
    with pytest.raises(normalize.EntityError):
        normalize.mark_not_entity(session, entity(session, "metric", "WER").id, True, "ann")


def test_registry_benchmarks_carry_their_hub_dataset_id(session):
    normalize.load_registry(session)
    session.commit()
    assert entity(session, "benchmark", "SQuAD 1.1").hub_dataset_id == "rajpurkar/squad"
    assert entity(session, "benchmark", "COCO").hub_dataset_id is None


def test_opening_a_database_again_skips_the_registry_it_holds(migrated_engine, monkeypatch):
    from leaderboard.normalize import registry

    first = registry.load_shipped_registry(migrated_engine)
    assert first.entities_added >= 5000

    def must_not_load(*args, **kwargs):
        raise AssertionError("the registry was loaded again")

    monkeypatch.setattr(registry, "load_registry", must_not_load)
    assert not registry.load_shipped_registry(migrated_engine).changed


def test_upgrading_to_0006_judges_the_entities_already_stored(engine):
    from leaderboard.db import upgrade

    upgrade(engine, "0005")
    rows = [
        ("benchmark", "11datasets", "11 datasets", None),
        ("benchmark", "imagenet", "ImageNet", None),
        ("model", "gpipe", "GPipe", None),
        ("model", "imagenet", "ImageNet", None),
        ("model", "bert", "BERT", None),
        ("metric", "worderrorrate", "word error rate", None),
        ("metric", "zorpindex", "zorp index", None),
    ]
    with engine.begin() as connection:
        for kind, key, name, direction in rows:
            entity_id = connection.execute(
                text(
                    "INSERT INTO entities (kind, key, name, source, direction) "
                    "VALUES (:kind, :key, :name, 'extracted', :direction) RETURNING id"
                ),
                {"kind": kind, "key": key, "name": name, "direction": direction},
            ).scalar_one()
            connection.execute(
                text(
                    "INSERT INTO aliases (entity_id, kind, key, name, source) "
                    "VALUES (:id, :kind, :key, :name, 'extracted')"
                ),
                {"id": entity_id, "kind": kind, "key": key, "name": name},
            )
    upgrade(engine, "0006")
    with engine.connect() as connection:
        judged = dict(connection.execute(text("SELECT name || '/' || kind, not_entity FROM entities")).all())
        directions = dict(
            connection.execute(text("SELECT name, direction FROM entities WHERE kind = 'metric'")).all()
        )
    assert judged == {
        "11 datasets/benchmark": "count",
        "ImageNet/benchmark": None,
        "GPipe/model": "library",
        "ImageNet/model": "dataset",
        "BERT/model": None,
        "word error rate/metric": None,
        "zorp index/metric": None,
    }
    assert directions == {"word error rate": "lower", "zorp index": None}


def test_reresolving_every_claim_applies_the_current_rules(session):
    store(session, (paper("2406.00001", "P", "2024-06-01"), [score("DETR", "COCO test-dev", "AP", 42.0)]))
    # As an older version stored it: the split inside the benchmark, no condition.
    session.execute(update(ClaimRow).values(condition_key="", benchmark_id=None))
    session.commit()
    assert normalize.reresolve_all(session) == 1
    session.commit()
    claim = session.scalars(select(ClaimRow)).one()
    assert (claim.benchmark_id, claim.condition_key) == (
        entity(session, "benchmark", "COCO").id,
        "split=test-dev",
    )
