"""The Entities page: entities with aliases, merge suggestions accepted or dismissed, a metric's
direction, aliases; read-only without the review password."""

from __future__ import annotations

import csv

import pytest
from dashboard_support import app_test, ingest, messages, write_lab_csv
from sqlalchemy import select
from sqlalchemy.orm import Session

from leaderboard.db import make_engine
from leaderboard.db.models import ClaimRow, Entity, MergeDismissal

PAGE = "views/entities.py"
PASSWORD = {"review_password": "s3cret"}


def _typo_csv(folder):
    # 'ImageNett': a misspelling the extractor takes as a benchmark of its own.
    path = folder / "typo.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "title", "abstract", "date"])
        sentence = "Swin-T achieves 80.1% top-1 accuracy on ImageNett."
        writer.writerow(["lab-4", "A typo", sentence, "2024-03-01"])
    return path


@pytest.fixture
def url(db_url, tmp_path) -> str:
    ingest(db_url, write_lab_csv(tmp_path), _typo_csv(tmp_path))
    return db_url


def login(at, name="Grace", password="s3cret"):
    at.sidebar.text_input(key="reviewer_name").input(name)
    at.sidebar.text_input(key="reviewer_password").input(password)
    return at.run()


def suggested_pairs(at) -> set[tuple[str, str]]:
    for frame in at.dataframe:
        if "a_name" in frame.value.columns:
            return set(zip(frame.value["a_name"], frame.value["b_name"], strict=True))
    return set()


def entity(url, kind: str, name: str) -> Entity:
    engine = make_engine(url)
    with Session(engine) as session:
        found = session.scalars(select(Entity).where(Entity.kind == kind, Entity.name == name)).one()
    engine.dispose()
    return found


def test_entities_list_aliases_and_suggestions_read_only(monkeypatch, url):
    at = app_test(monkeypatch, url, PAGE)
    table = at.dataframe[0].value
    imagenet = table[table["name"] == "ImageNet"].iloc[0]
    assert imagenet["claims"] == 4 and "ILSVRC" in imagenet["aliases"].split(" | ")
    assert ("ImageNet", "ImageNett") in suggested_pairs(at)
    assert not at.button and not at.get("form_submit_button")
    assert any("Read-only" in text for text in messages(at.info))


def test_accepting_a_suggestion_merges_the_names_and_moves_the_claims(monkeypatch, url):
    at = login(app_test(monkeypatch, url, PAGE, secrets=PASSWORD))
    suggestions = at.dataframe[1].value
    wanted = (suggestions["a_name"] == "ImageNet") & (suggestions["b_name"] == "ImageNett")
    at.selectbox(key="ent_pair").set_value(suggestions.index[wanted][0]).run()
    pair = suggestions[wanted].iloc[0]
    # Both whole names are offered to keep (no label is cut short).
    assert at.radio(key="ent_keep").options == ["ImageNet", "ImageNett"]
    at.radio(key="ent_keep").set_value(int(pair["a_id"]))
    at.button(key="ent_merge").click().run()
    assert "ImageNett merged into ImageNet." in messages(at.success)
    imagenet, typo = entity(url, "benchmark", "ImageNet"), entity(url, "benchmark", "ImageNett")
    assert typo.merged_into_id == imagenet.id
    engine = make_engine(url)
    with Session(engine) as session:
        moved = session.scalar(select(ClaimRow.benchmark_id).where(ClaimRow.paper_id == "lab-4"))
    engine.dispose()
    assert moved == imagenet.id
    # A merged name is no longer suggested.
    assert not any("ImageNett" in pair for pair in suggested_pairs(at))


def test_dismissing_a_suggestion_keeps_it_from_coming_back(sqlite_url, monkeypatch):
    at = login(app_test(monkeypatch, sqlite_url, PAGE, secrets=PASSWORD))
    assert at.selectbox(key="ent_pair").value == 0
    first = tuple(at.dataframe[1].value.iloc[0][["a_name", "b_name"]])
    at.button(key="ent_dismiss").click().run()
    engine = make_engine(sqlite_url)
    with Session(engine) as session:
        assert session.scalar(select(MergeDismissal.reviewer)) == "Grace"
    engine.dispose()
    assert first not in suggested_pairs(at)
    assert first not in suggested_pairs(app_test(monkeypatch, sqlite_url, PAGE))


def test_setting_a_metric_direction_reranks_the_leaderboard(sqlite_url, monkeypatch):
    at = login(app_test(monkeypatch, sqlite_url, PAGE, secrets=PASSWORD))
    at.radio(key="kind").set_value("metric").run()
    metric = entity(sqlite_url, "metric", "top-1 accuracy")
    at.selectbox(key="ent_pick").set_value(metric.id).run()
    at.radio(key="ent_direction").set_value("lower")
    at.get("form_submit_button")[-1].click().run()
    assert "top-1 accuracy: lower is better." in messages(at.success)
    assert entity(sqlite_url, "metric", "top-1 accuracy").direction == "lower"
    at.switch_page("views/leaderboards.py").run()
    assert list(at.dataframe[0].value["model"])[0] == "ResNet-50"


def test_adding_an_alias_shows_it_on_the_entity(sqlite_url, monkeypatch):
    at = login(app_test(monkeypatch, sqlite_url, PAGE, secrets=PASSWORD))
    imagenet = entity(sqlite_url, "benchmark", "ImageNet")
    at.selectbox(key="ent_pick").set_value(imagenet.id).run()
    at.text_input(key="ent_alias").input("The Big Image Set")
    at.get("form_submit_button")[0].click().run()
    table = at.dataframe[0].value
    assert "The Big Image Set" in table.loc[table["name"] == "ImageNet", "aliases"].item().split(" | ")


def test_a_junk_benchmark_leaves_the_boards_stays_in_review_and_the_mark_reverts(sqlite_url, monkeypatch):
    typo = entity(sqlite_url, "benchmark", "ImageNett")
    before = app_test(monkeypatch, sqlite_url)
    assert "ImageNett" in before.selectbox(key="benchmark").options
    at = login(app_test(monkeypatch, sqlite_url, PAGE, secrets=PASSWORD, query={"name": "imagenett"}))
    at.selectbox(key="ent_pick").set_value(typo.id).run()
    at.text_input(key="ent_not_entity_reason").input("a typo")
    at.get("form_submit_button")[-1].click().run()
    assert "ImageNett is no longer shown as a benchmark." in messages(at.success)
    assert entity(sqlite_url, "benchmark", "ImageNett").not_entity == "manual"
    changes = at.dataframe[-1].value
    assert list(changes[["reviewer", "field", "new", "reason"]].iloc[0]) == [
        "Grace",
        "not_entity",
        "manual",
        "a typo",
    ]

    at.switch_page("views/leaderboards.py").run()
    assert "ImageNett" not in at.selectbox(key="benchmark").options
    at.switch_page("views/review.py").run()
    at.text_input(key="paper_filter").input("lab-4").run()
    assert list(at.data_editor[0].value["benchmark"]) == ["ImageNett"]  # still there to review

    # The mark is logged and reverts like any change.
    at.switch_page(PAGE).run()
    at.selectbox(key="ent_pick").set_value(typo.id).run()
    at.button(key="ent_revert").click().run()
    assert entity(sqlite_url, "benchmark", "ImageNett").not_entity is None
    at.switch_page("views/leaderboards.py").run()
    assert "ImageNett" in at.selectbox(key="benchmark").options


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'entities.db'}"
    ingest(url, write_lab_csv(tmp_path), _typo_csv(tmp_path))
    return url


@pytest.mark.parametrize(
    ("a", "b", "offered"),
    [
        pytest.param("multiple benchmarks", "MultiPL-E", False, id="no-shared-word"),
        pytest.param("Word Error Rate", "WER", True, id="acronym"),
        pytest.param("Intersection over Union", "IoU", True, id="acronym-skipping-small-words"),
        pytest.param("COCO object detection", "COCO", True, id="shared-word"),
        pytest.param("MegaSet Bench", "MegaSetBenchh", True, id="spelling"),
    ],
)
def test_suggestions_need_a_shared_word_an_acronym_or_a_near_spelling(a, b, offered):
    from leaderboard.normalize.suggest import _spellings, share_a_word

    assert (share_a_word(a, b) or _spellings(a, b)) is offered
