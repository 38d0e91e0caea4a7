"""Loading registry files and curating entities, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading

import pytest
from board_support import paper, score, store
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from leaderboard import normalize, queries
from leaderboard.audit import ReviewerRequiredError
from leaderboard.db.models import Alias, AuditEntry, ClaimRow, Entity
from leaderboard.normalize import resolve_claim_rows


@pytest.fixture
def session(migrated_engine):
    with Session(migrated_engine) as session:
        yield session


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def write(tmp_path, text: str, name: str = "mine.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_loading_the_registry_twice_changes_nothing(session):
    first = normalize.load_registry(session)
    session.commit()
    entities, aliases = count(session, Entity), count(session, Alias)
    second = normalize.load_registry(session)
    assert first.entities_added == entities >= 230
    assert not second.changed and second.claims_updated == 0
    assert (count(session, Entity), count(session, Alias)) == (entities, aliases)


def test_claims_stored_before_entities_existed_are_resolved_on_first_open(migrated_engine):
    from leaderboard.normalize.registry import load_shipped_registry

    with Session(migrated_engine) as session:
        store(
            session,
            (paper("2500.00001", "Old", "2025-01-01"), [score("Old", "ILSVRC-2012", "top-1 acc", 70.0)]),
            registry=False,
        )
        # As an older version left them: names only, no entity ids.
        session.execute(update(ClaimRow).values(benchmark_id=None, metric_id=None, model_id=None))
        session.execute(delete(Alias))
        session.execute(delete(Entity))
        session.commit()
    assert load_shipped_registry(migrated_engine).claims_updated == 1
    with Session(migrated_engine) as session:
        assert list(queries.leaderboard(session, "ImageNet")["model"]) == ["Old"]


def test_a_name_met_first_by_the_extractor_joins_the_registry_entity_later(session, tmp_path):
    store(
        session,
        (paper("2501.00001", "P", "2025-01-01"), [score("A", "RoboBench-v2", "success rate", 40.0)]),
        (paper("2501.00002", "Q", "2025-01-02"), [score("B", "RB 2", "success rate", 45.0)]),
    )
    assert set(queries.benchmarks(session)["benchmark"]) == {"RoboBench-v2", "RB 2"}
    stats = normalize.load_registry(
        session, [write(tmp_path, "kind,name,aliases,task\nbenchmark,RoboBench,RoboBench-v2|RB-2,robots\n")]
    )
    session.commit()
    assert (stats.entities_added, stats.names_taken_over, stats.claims_updated) == (1, 2, 2)
    assert list(queries.benchmarks(session)["benchmark"]) == ["RoboBench"]
    assert list(queries.leaderboard(session, "RoboBench")["model"]) == ["B", "A"]


def test_an_extracted_entity_of_the_same_name_is_adopted(session, tmp_path):
    store(session, (paper("2502.00001", "P", "2025-02-01"), [score("A", "Mystery-QA", "hit score", 5.0)]))
    normalize.load_registry(
        session, [write(tmp_path, "kind,name,direction,scale\nmetric,Hit Score,lower,unbounded\n")]
    )
    session.commit()
    metric = session.scalars(select(Entity).where(Entity.key == "hitscore")).one()
    assert (metric.name, metric.source, metric.direction) == ("Hit Score", "user", "lower")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            "kind,name,aliases\nbenchmark,NewNet,ILSVRC-2012\n",
            r"mine.csv:2: benchmark name 'ILSVRC-2012' already belongs to 'ImageNet'",
            id="alias-of-another-entity",
        ),
        pytest.param(
            "kind,name,direction,scale\nmetric,Score,up,percent\n", r"mine.csv:2: direction", id="direction"
        ),
        pytest.param("kind,name,colour\nmodel,X,red\n", r"mine.csv:1: unknown column", id="unknown-column"),
        pytest.param("kind,name\nmodel,A\nmodel,a\n", r"mine.csv:3: model name 'a' is already", id="twice"),
        pytest.param("kind,name\ndataset,A\n", r"mine.csv:2: kind must be", id="kind"),
    ],
)
def test_a_bad_user_file_is_refused_with_its_line(session, tmp_path, text, message):
    normalize.load_registry(session)
    session.commit()
    entities = count(session, Entity)
    with pytest.raises(normalize.RegistryError, match=message):
        normalize.load_registry(session, [write(tmp_path, text)])
    session.rollback()
    assert count(session, Entity) == entities


def test_a_direction_a_person_set_survives_a_reload_and_reranks(session):
    store(
        session,
        (
            paper("2503.00001", "P", "2025-03-01"),
            [score("A", "MNIST", "accuracy", 99.0), score("B", "MNIST", "accuracy", 98.0)],
        ),
    )
    accuracy = queries.find_entity(session, "metric", "accuracy").id
    normalize.set_metric_direction(session, accuracy, "lower", "tester", reason="test")
    session.commit()
    normalize.load_registry(session)
    session.commit()
    assert list(queries.leaderboard(session, "MNIST")["model"]) == ["B", "A"]
    logged = session.scalars(select(AuditEntry).where(AuditEntry.target_id == accuracy)).one()
    assert (logged.field, logged.old_value, logged.new_value, logged.reviewer) == (
        "direction",
        '"higher"',
        '"lower"',
        "tester",
    )


def test_merge_and_split_move_claims_between_leaderboards(session):
    store(
        session,
        (paper("2504.00001", "P", "2025-04-01"), [score("A", "FooBench", "accuracy", 50.0)]),
        (paper("2504.00002", "Q", "2025-04-02"), [score("B", "Foo-Bench Full", "accuracy", 60.0)]),
    )
    keep = queries.find_entity(session, "benchmark", "FooBench").id
    merged = queries.find_entity(session, "benchmark", "Foo-Bench Full").id
    assert normalize.merge_entities(session, keep, merged, "tester") == 1
    session.commit()
    assert list(queries.leaderboard(session, "Foo Bench Full")["model"]) == ["B", "A"]
    assert normalize.split_entity(session, merged, "tester") == 1
    session.commit()
    assert list(queries.leaderboard(session, "FooBench")["model"]) == ["A"]
    actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == ["merge", "split"]
    with pytest.raises(ReviewerRequiredError):
        normalize.merge_entities(session, keep, merged, "  ")


def test_add_alias_resolves_new_and_already_seen_names(session):
    store(session, (paper("2505.00001", "P", "2025-05-01"), [score("A", "BarSet", "accuracy", 50.0)]))
    mnist = queries.find_entity(session, "benchmark", "MNIST").id
    normalize.add_alias(session, mnist, "BarSet", "tester")  # the extractor's entity is merged in
    normalize.add_alias(session, mnist, "LeCun digits", "tester")
    session.commit()
    assert queries.find_entity(session, "benchmark", "lecun-digits").id == mnist
    assert list(queries.leaderboard(session, "MNIST")["model"]) == ["A"]
    with pytest.raises(normalize.EntityError, match="already a name of 'ImageNet'"):
        normalize.add_alias(session, mnist, "ILSVRC 2012", "tester")


def test_merge_suggestions_offer_spellings_not_variants(session):
    store(
        session,
        (
            paper("2506.00001", "P", "2025-06-01"),
            [
                score("GPT-4", "MegaSet Bench", "accuracy", 50.0),
                score("GPT-4V", "MegaSetBenchh", "accuracy", 51.0),
                score("GPT-4o", "CIFAR-10", "accuracy", 52.0),
                score("GPT-4 Turbo", "CIFAR-100", "accuracy", 53.0),
            ],
        ),
    )
    assert normalize.merge_suggestions(session, "model") == []
    found = normalize.merge_suggestions(session, "benchmark")
    assert [{s.a_name, s.b_name} for s in found] == [{"MegaSet Bench", "MegaSetBenchh"}]
    normalize.dismiss_suggestion(session, found[0].a_id, found[0].b_id, "tester")
    session.commit()
    assert normalize.merge_suggestions(session, "benchmark") == []


def test_shorter_forms_of_a_name_are_suggested_or_resolved(session):
    store(
        session,
        (
            paper("2507.00001", "P", "2025-07-01"),
            [
                score("A", "COCO object detection", "Mean Absolute Error (MAE)", 1.0),
                score("B", "MMLU (5-shot)", "accuracy", 70.0),
            ],
        ),
    )
    pairs = {
        (s.a_name, s.b_name, s.score)
        for k in ("benchmark", "metric")
        for s in normalize.merge_suggestions(session, k)
    }
    # A task word or a setting after a curated benchmark's name joins its board at once (the
    # setting goes to the condition); a metric written with its abbreviation is only suggested.
    assert pairs == {("Mean Absolute Error (MAE)", "MAE", 100.0)}
    assert sorted(queries.benchmarks(session)["benchmark"]) == ["COCO", "MMLU"]


def test_two_writers_creating_the_same_names_in_opposite_orders_both_succeed(migrated_engine):
    """Two ingests at once: long transactions, overlapping new names, no unique-key failure or deadlock."""
    if migrated_engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time: concurrent ingests queue on its lock")
    names = [f"Parallel Bench {i}" for i in range(40)]
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def writer(order: list[str]) -> None:
        try:
            with Session(migrated_engine) as session:
                for name in order:
                    rows = [{"benchmark": name, "model": "M", "kind": "score", "value": 1.0}]
                    resolve_claim_rows(session, rows)
                    assert rows[0]["benchmark_id"] is not None
                    if name == order[len(order) // 2]:
                        barrier.wait(timeout=30)
                session.commit()
        except BaseException as exc:  # noqa: BLE001  (reported to the main thread)
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(order,)) for order in (names, names[::-1])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    with Session(migrated_engine) as session:
        keys = session.scalars(select(Entity.key).where(Entity.kind == "benchmark")).all()
    assert len(keys) == len(set(keys)) == len(names)
