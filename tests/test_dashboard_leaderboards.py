"""The Leaderboards and Compare pages on a small corpus with a known ranking and one disagreement,
and links that open a view."""

from __future__ import annotations

import pandas as pd
import pytest
from dashboard_support import app_test, copy_sqlite, html_bodies, ingest, plain, write_lab_csv
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
    box = at.selectbox(key="benchmark")
    # Only benchmarks with a board are offered: ImageNet-A (the missed number) is not.
    assert box.options == ["ImageNet"]
    return at


def test_leaderboard_ranks_models_best_first_with_paper_and_evidence(monkeypatch, lab_url):
    at = open_imagenet(monkeypatch, lab_url)
    assert at.selectbox(key="metric").value == "top-1 accuracy"
    table = at.dataframe[0].value
    assert list(table["model"]) == ["ConvNeXt-T", "Swin-T", "ResNet-50"]
    assert list(table["rank"]) == [1, 2, 3]
    assert list(table["value"]) == [82.1, 81.3, 76.1]
    resnet = table.iloc[2]
    assert resnet["n_papers"] == 2
    assert resnet["spread"] == pytest.approx(0.8)
    assert resnet["paper_title"] == "Residual nets revisited"
    assert resnet["arxiv_url"] == ""  # no arXiv id: an empty cell, never "None"
    assert resnet["evidence"] == "ResNet-50 achieves 76.1% top-1 accuracy on ImageNet."
    caption = plain(at.caption[0].value)
    assert "3 ranked models" in caption and "higher is better" in caption and "4 ranked scores" in caption
    assert at.download_button(key="lb_download").proto.url.endswith(".csv")
    # A ranking chart and a state-of-the-art chart.
    assert len(at.get("vega_lite_chart")) == 2


def test_accepted_only_keeps_only_claims_a_person_accepted(monkeypatch, lab_url, tmp_path):
    url = copy_sqlite(lab_url, tmp_path)
    at = open_imagenet(monkeypatch, url)
    at.checkbox(key="accepted").check().run()
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


LAB_1 = "Residual nets revisited (2023-01-10)"
LAB_2 = "Vision transformers at scale (2023-06-01)"
LAB_3 = "ConvNeXt for everyone (2024-02-01)"


def test_compare_grid_has_paper_titles_as_columns_and_marks_the_model_papers_disagree_on(
    monkeypatch, lab_url
):
    at = app_test(monkeypatch, lab_url, "views/compare.py")
    grid = at.dataframe[0].value
    # Oldest paper first; titles and dates, never internal ids.
    assert list(grid.columns) == ["condition", "model", "papers differ", LAB_1, LAB_2, LAB_3]
    resnet = grid[grid["model"] == "ResNet-50"].iloc[0]
    assert (resnet[LAB_1], resnet[LAB_2], resnet["papers differ"]) == (76.1, 75.3, "≠")
    swin = grid[grid["model"] == "Swin-T"].iloc[0]
    assert swin["papers differ"] == ""
    # A paper that gives no number is a blank cell, not 'None' or 'nan'.
    assert pd.isna(swin[LAB_1])  # shown blank (the browser test reads the cells)
    assert "1 model with papers that disagree" in plain(at.caption[0].value)
    assert "Residual nets revisited" in "".join(html_bodies(at))


def test_a_model_search_opens_its_numbers_in_every_paper(monkeypatch, lab_url):
    at = app_test(monkeypatch, lab_url, "views/compare.py")
    at.selectbox(key="model").set_value("ResNet-50").run()
    assert not at.exception
    grid = at.dataframe[0].value
    assert list(grid.columns) == ["benchmark", "metric", "condition", "papers differ", LAB_1, LAB_2]
    row = grid.iloc[0]
    assert (row["benchmark"], row[LAB_1], row[LAB_2], row["papers differ"]) == ("ImageNet", 76.1, 75.3, "≠")


@pytest.mark.parametrize("written", ["ImageNet", "imagenet", "IMAGE-NET"])
def test_a_link_opens_that_board(monkeypatch, lab_url, written):
    at = app_test(monkeypatch, lab_url, query={"benchmark": written, "metric": "top-1 accuracy"})
    assert at.selectbox(key="benchmark").value == "ImageNet"
    assert list(at.dataframe[0].value["model"]) == ["ConvNeXt-T", "Swin-T", "ResNet-50"]
    link = at.code[0].value
    assert link.endswith("/?benchmark=ImageNet&metric=top-1+accuracy&condition=all")


def test_a_link_to_a_model_opens_its_cross_paper_view(monkeypatch, lab_url):
    at = app_test(monkeypatch, lab_url, query={"model": "resnet-50"}, page="views/compare.py")
    assert at.selectbox(key="model").value == "ResNet-50"
    assert "ImageNet" in list(at.dataframe[0].value["benchmark"])


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
