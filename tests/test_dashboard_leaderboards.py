"""The Leaderboards and Compare pages on a small corpus with a known ranking and one disagreement."""

from __future__ import annotations

import pytest
from dashboard_support import app_test, copy_sqlite, html_bodies, ingest, write_lab_csv
from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard import data
from leaderboard import review
from leaderboard.db import make_engine
from leaderboard.db.models import ClaimRow


@pytest.fixture(scope="module")
def lab_url(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("lab")
    url = f"sqlite:///{folder / 'lab.db'}"
    ingest(url, write_lab_csv(folder))
    return url


def open_imagenet(monkeypatch, url):
    at = app_test(monkeypatch, url)
    box = at.selectbox(key="lb_benchmark")
    assert box.options[0] == "ImageNet (4 claims)"
    return at


def test_leaderboard_ranks_models_best_first_with_paper_and_evidence(monkeypatch, lab_url):
    at = open_imagenet(monkeypatch, lab_url)
    assert at.selectbox(key="lb_metric").value is not None
    assert "top-1 accuracy" in at.selectbox(key="lb_metric").options[0]
    table = at.dataframe[0].value
    assert list(table["model"]) == ["ConvNeXt-T", "Swin-T", "ResNet-50"]
    assert list(table["rank"]) == [1, 2, 3]
    assert list(table["value"]) == [82.1, 81.3, 76.1]
    resnet = table.iloc[2]
    assert resnet["n_papers"] == 2
    assert resnet["spread"] == pytest.approx(0.8)
    assert resnet["paper_title"] == "Residual nets revisited"
    assert resnet["arxiv_url"] is None or resnet["arxiv_url"].startswith("https://arxiv.org/abs/")
    assert resnet["evidence"] == "ResNet-50 achieves 76.1% top-1 accuracy on ImageNet."
    assert "3 ranked models" in at.caption[0].value and "higher is better" in at.caption[0].value
    assert at.download_button(key="lb_download").proto.url.endswith(".csv")
    # A ranking chart and a state-of-the-art chart.
    assert len(at.get("vega_lite_chart")) == 2


def test_accepted_only_keeps_only_claims_a_person_accepted(monkeypatch, lab_url, tmp_path):
    url = copy_sqlite(lab_url, tmp_path)
    at = open_imagenet(monkeypatch, url)
    at.checkbox(key="lb_accepted_only").check().run()
    assert "No claim passes these filters." in [info.value for info in at.info]

    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        swin = session.scalar(select(ClaimRow.id).where(ClaimRow.model == "Swin-T"))
        review.accept(session, [swin], "tester")
    engine.dispose()
    # Reads are cached for a few seconds; a write made outside the page shows after the TTL (or a clear).
    data.clear()
    at.run()
    assert list(at.dataframe[0].value["model"]) == ["Swin-T"]


def test_compare_grid_highlights_the_model_papers_disagree_on(monkeypatch, lab_url):
    at = app_test(monkeypatch, lab_url, "views/compare.py")
    grid = at.dataframe[0].value
    resnet = grid[grid["model"] == "ResNet-50"].iloc[0]
    assert sorted(resnet[["lab-1", "lab-2"]]) == [75.3, 76.1]
    assert "1 models with papers that disagree" in at.caption[0].value


def test_largest_disagreements_open_the_sentences_behind_them(monkeypatch, lab_url):
    at = app_test(monkeypatch, lab_url, "views/compare.py")
    gaps = at.dataframe[1].value
    assert list(gaps["model"]) == ["ResNet-50"]
    assert gaps["gap"].iloc[0] == pytest.approx(0.8)
    [expander] = at.expander
    assert "ResNet\\-50 on ImageNet" in expander.label
    sentences = "".join(html_bodies(at))
    assert "ResNet-50 achieves 76.1% top-1 accuracy on ImageNet." in sentences
    assert "ResNet-50 achieves 75.3% top-1 accuracy on ImageNet." in sentences
