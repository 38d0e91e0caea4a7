"""The Export page: each table, filtered, previewed and offered as CSV; bad filters say why."""

from __future__ import annotations

import pytest
from dashboard_support import app_test, ingest, messages, plain, write_lab_csv

from dashboard.ui import md_escape

PAGE = "views/export.py"


@pytest.fixture(scope="module")
def url(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("export")
    url = f"sqlite:///{folder / 'export.db'}"
    ingest(url, write_lab_csv(folder))
    return url


def preview(at):
    return at.dataframe[0].value


def test_claims_filtered_by_a_benchmark_alias(monkeypatch, url):
    at = app_test(monkeypatch, url, PAGE)
    assert len(preview(at)) == 4
    at.text_input(key="ex_benchmark").input("ILSVRC").run()  # an alias of ImageNet in the registry
    assert set(preview(at)["benchmark"]) == {"ImageNet"}
    at.text_input(key="ex_search").input("Swin").run()
    assert list(preview(at)["model"]) == ["Swin-T"]
    assert at.download_button(key="ex_download").label == "Download 1 rows as CSV"


def test_an_unknown_name_is_an_error_message_not_a_crash(monkeypatch, url):
    at = app_test(monkeypatch, url, PAGE)
    at.text_input(key="ex_model").input("ResNet-5O").run()
    assert not at.exception
    assert any("no model named 'ResNet-5O'" in text for text in messages(at.error))


@pytest.mark.parametrize(
    ("table", "rows"),
    [("leaderboard", 3), ("review queue", 4), ("disagreements", 1), ("papers", 3), ("benchmarks", 1)],
)
def test_every_table_can_be_exported(monkeypatch, url, table, rows):
    at = app_test(monkeypatch, url, PAGE)
    at.selectbox(key="ex_table").set_value(table).run()
    assert not at.exception
    assert len(preview(at)) == rows
    assert at.download_button(key="ex_download").proto.url.endswith(".csv")


@pytest.mark.parametrize(
    "text",
    [
        "**bold** _it_ [link](http://x.example) <b>tag</b>",
        ":red[red] $x^2$ # h `code` ~~s~~ | a |",
        "1. item\n- item",
    ],
)
def test_md_escape_keeps_every_character_literal(text):
    escaped = md_escape(text)
    assert plain(escaped) == text
    # Every Markdown-special character is escaped.
    assert all(escaped[i - 1] == "\\" for i, c in enumerate(escaped) if c in "*_[]()<>`$:#|~")


def test_only_formats_that_fit_the_table_are_offered(monkeypatch, url):
    at = app_test(monkeypatch, url, PAGE)
    at.selectbox(key="ex_table").set_value("papers").run()
    offered = at.selectbox(key="ex_format").options
    assert "csv" in offered and "pwc" not in offered and "hf-eval-results" not in offered


def test_a_board_the_hub_format_cannot_hold_is_an_error_line(monkeypatch, url):
    at = app_test(monkeypatch, url, PAGE)
    at.selectbox(key="ex_table").set_value("leaderboard").run()
    at.selectbox(key="ex_format").set_value("hf-eval-results").run()
    assert not at.exception
    assert at.error, "several models, or no Hub dataset id: said on the page"
    at.selectbox(key="ex_format").set_value("pwc").run()
    assert not at.exception and at.download_button(key="ex_download").proto.url.endswith(".json")
