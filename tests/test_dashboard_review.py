"""The Review page: read-only unless the password is configured and entered; corrections,
acceptance, bulk edits, stale versions, history and revert, and added claims reach the database."""

from __future__ import annotations

import pytest
from dashboard_support import app_test, ingest, messages, plain, write_lab_csv
from sqlalchemy import select
from sqlalchemy.orm import Session

from leaderboard import review
from leaderboard.db import make_engine
from leaderboard.db.models import AuditEntry, ClaimRow

PAGE = "views/review.py"
PASSWORD = {"review_password": "s3cret"}
EDIT_BUTTONS = {"Accept", "Reject", "Save correction", "Save table edits", "Add claim", "Revert"}


@pytest.fixture
def url(db_url, tmp_path) -> str:
    ingest(db_url, write_lab_csv(tmp_path))
    return db_url


def login(at, name="Grace", password="s3cret"):
    at.sidebar.text_input(key="reviewer_name").input(name)
    at.sidebar.text_input(key="reviewer_password").input(password)
    return at.run()


def claim(url, model: str, value: float | None = None) -> ClaimRow:
    engine = make_engine(url)
    with Session(engine) as session:
        query = select(ClaimRow).where(ClaimRow.model == model)
        if value is not None:
            query = query.where(ClaimRow.value == value)
        row = session.scalars(query).one()
    engine.dispose()
    return row


def buttons(at) -> set[str]:
    return {button.label for button in at.button} | {button.label for button in at.get("form_submit_button")}


def select_claim(at, claim_id: int):
    at.selectbox(key="claim").set_value(claim_id).run()
    assert not at.exception
    return at


def test_without_a_configured_password_the_page_is_read_only(monkeypatch, url):
    at = app_test(monkeypatch, url, PAGE)
    assert not buttons(at) & EDIT_BUTTONS
    assert not at.data_editor
    assert not at.sidebar.text_input  # nothing to log in with
    assert "LEADERBOARD_REVIEW_PASSWORD" in at.sidebar.caption[-1].value
    assert any("Read-only" in info.value for info in at.info)
    # The queue is still there to read.
    assert len(at.dataframe[-1].value) == 4


@pytest.mark.parametrize(
    ("name", "password"), [("Grace", "wrong"), ("", "s3cret")], ids=["bad-password", "no-name"]
)
def test_a_wrong_password_or_no_name_offers_no_edit_control(monkeypatch, url, name, password):
    at = login(app_test(monkeypatch, url, PAGE, secrets=PASSWORD), name, password)
    assert not buttons(at) & EDIT_BUTTONS
    assert not at.data_editor


def test_a_reviewer_corrects_a_value_and_the_leaderboard_shows_it(monkeypatch, url):
    resnet = claim(url, "ResNet-50", 76.1)
    at = login(app_test(monkeypatch, url, PAGE, secrets=PASSWORD))
    assert {"Accept", "Reject", "Save correction", "Save table edits"} <= buttons(at)
    select_claim(at, resnet.id)
    at.text_input(key=f"rv_edit_{resnet.id}_value").input("77.4")
    at.text_input(key=f"rv_edit_{resnet.id}_reason").input("typo in the abstract")
    at.get("form_submit_button")[0].click().run()
    assert not at.error, messages(at.error)
    assert f"Claim {resnet.id} corrected." in messages(at.success)

    stored = claim(url, "ResNet-50", 77.4)
    assert (stored.id, stored.status, stored.version) == (resnet.id, "corrected", 2)
    # The saved claim stays in view (it left the queue of unreviewed claims) with its new
    # status, value and history: who made the change and why.
    assert at.selectbox(key="claim").value == resnet.id
    assert "corrected, not in this queue" in at.selectbox(key="claim").format_func(resnet.id)
    assert any("Status: corrected" in plain(m.value) for m in at.markdown)
    assert at.text_input(key=f"rv_edit_{resnet.id}_value").value == "77.4"
    history = _history(at)
    assert list(history[["reviewer", "field", "old", "new", "reason"]].iloc[0]) == [
        "Grace", "value", "76.1", "77.4", "typo in the abstract"
    ]  # fmt: skip
    at.switch_page("views/leaderboards.py").run()
    board = at.dataframe[0].value
    assert board.loc[board["model"] == "ResNet-50", "value"].item() == 77.4


def _history(at):
    for frame in at.dataframe:
        if "change_id" in frame.value.columns:
            return frame.value
    raise AssertionError("no history table")


def test_accept_marks_the_claim_accepted(monkeypatch, url):
    swin = claim(url, "Swin-T")
    at = login(app_test(monkeypatch, url, PAGE, secrets=PASSWORD))
    select_claim(at, swin.id)
    assert at.button(key="rv_accept").proto.shortcut.lower() == "a"
    at.button(key="rv_accept").click().run()
    assert claim(url, "Swin-T").status == "accepted"
    # It stays in view, marked as out of the default queue (unreviewed claims only)...
    assert at.selectbox(key="claim").value == swin.id
    assert at.selectbox(key="claim").format_func(swin.id).endswith("accepted, not in this queue")
    assert list(_history(at)["new"]) == ["accepted"]
    # ...until Next moves on to the first claim still waiting.
    # (AppTest lists a selectbox's options as their labels.)
    waiting = [label for label in at.selectbox(key="claim").options if not label.startswith(f"#{swin.id} ")]
    at.button(key="rv_next").click().run()
    box = at.selectbox(key="claim")
    assert box.format_func(box.value) == waiting[0]
    assert not [label for label in box.options if label.startswith(f"#{swin.id} ")]


def test_a_change_made_since_the_page_was_read_is_refused_and_named(monkeypatch, url):
    swin = claim(url, "Swin-T")
    at = login(app_test(monkeypatch, url, PAGE, secrets=PASSWORD))
    select_claim(at, swin.id)
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        review.edit(session, swin.id, {"value": "81.0"}, "Linus", expected_version=1)
    engine.dispose()
    at.text_input(key=f"rv_edit_{swin.id}_value").input("99")
    at.get("form_submit_button")[0].click().run()
    errors = " ".join(messages(at.error))
    assert "Nothing was saved" in errors and "Linus" in errors
    assert claim(url, "Swin-T").value == 81.0


def test_revert_puts_the_old_value_back(monkeypatch, url):
    swin = claim(url, "Swin-T")
    at = login(app_test(monkeypatch, url, PAGE, secrets=PASSWORD))
    select_claim(at, swin.id)
    at.text_input(key=f"rv_edit_{swin.id}_value").input("80")
    at.get("form_submit_button")[0].click().run()
    assert claim(url, "Swin-T").value == 80
    history = _history(at)
    value_change = int(history.loc[history["field"] == "value", "change_id"].item())
    at.selectbox(key=f"rv_revert_pick_{swin.id}").set_value(value_change).run()
    at.button(key=f"rv_revert_{swin.id}").click().run()
    assert f"Change #{value_change} reverted." in messages(at.success)
    assert claim(url, "Swin-T").value == 81.3
    reverts = _history(at).query("action == 'revert'")
    assert list(reverts["reverts"]) == [str(value_change)]  # a column with blanks is shown as text


def test_bulk_table_edits_are_saved_together(monkeypatch, url):
    at = login(app_test(monkeypatch, url, PAGE, secrets=PASSWORD))
    queue = at.data_editor[0].value
    rows = {model: index for index, model in enumerate(queue["model"]) if model in ("ConvNeXt-T", "Swin-T")}
    at.session_state["rv_editor_0"] = {
        "edited_rows": {
            rows["ConvNeXt-T"]: {"status": "rejected"},
            rows["Swin-T"]: {"metric": "top-5 accuracy"},
        },
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert "2 edited rows" in [c.value for c in at.caption]
    at.button(key="rv_save_table").click().run()
    assert "2 claims saved." in messages(at.success)
    assert claim(url, "ConvNeXt-T").status == "rejected"
    swin = claim(url, "Swin-T")
    assert (swin.metric, swin.status) == ("top-5 accuracy", "corrected")


def test_a_bad_bulk_edit_saves_nothing(monkeypatch, url):
    at = login(app_test(monkeypatch, url, PAGE, secrets=PASSWORD))
    queue = at.data_editor[0].value
    rows = {model: index for index, model in enumerate(queue["model"]) if model in ("ConvNeXt-T", "Swin-T")}
    at.session_state["rv_editor_0"] = {
        "edited_rows": {rows["ConvNeXt-T"]: {"status": "rejected"}, rows["Swin-T"]: {"unit": "furlongs"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    at.button(key="rv_save_table").click().run()
    assert any("unit must be one of" in e for e in messages(at.error))
    assert claim(url, "ConvNeXt-T").status == "extracted"


def add_claim_form(at, paper_id: str, evidence: str, value: str, value_text: str = "", **names: str):
    at.text_input(key="rv_add_paper").input(paper_id)
    at.text_area(key="rv_add_evidence").input(evidence)
    at.text_input(key="rv_add_value").input(value)
    at.text_input(key="rv_add_value_text").input(value_text)
    for name, text in names.items():
        at.text_input(key=f"rv_add_{name}").input(text)
    return at.get("form_submit_button")[-1].click().run()


def test_a_reviewer_adds_a_claim_the_extractor_missed(monkeypatch, url):
    at = login(app_test(monkeypatch, url, PAGE, secrets=PASSWORD))
    sentence = "We also tried ImageNet-A, getting 25 there."
    add_claim_form(at, "lab-3", sentence, "25", model="ConvNeXt-T", benchmark="ImageNet-A", metric="accuracy")
    assert "Claim added (accepted)." in messages(at.success)
    added = claim(url, "ConvNeXt-T", 25)
    assert (added.benchmark, added.status, added.origin, added.evidence) == (
        "ImageNet-A", "accepted", "manual", sentence
    )  # fmt: skip


def test_an_added_claim_that_is_already_there_is_refused(monkeypatch, url):
    at = login(app_test(monkeypatch, url, PAGE, secrets=PASSWORD))
    add_claim_form(at, "lab-1", "ResNet-50 achieves 76.1% top-1 accuracy on ImageNet.", "76.1", "76.1%")
    assert any("already holds that number" in e for e in messages(at.error))
    engine = make_engine(url)
    with Session(engine) as session:
        assert session.scalar(select(AuditEntry.id).where(AuditEntry.action == "add")) is None
    engine.dispose()


def test_filters_narrow_the_queue(monkeypatch, url):
    at = app_test(monkeypatch, url, PAGE)
    at.text_input(key="paper_filter").input("lab-2").run()
    assert sorted(at.dataframe[-1].value["model"]) == ["ResNet-50", "Swin-T"]
    at.slider(key="rv_confidence").set_value((0.0, 0.1)).run()
    assert "No claim matches these filters." in [i.value for i in at.info]


def test_names_are_picked_from_the_entities_or_typed_new(monkeypatch, url):
    swin = claim(url, "Swin-T")
    at = login(app_test(monkeypatch, url, PAGE, secrets=PASSWORD))
    select_claim(at, swin.id)
    metric = at.selectbox(key=f"rv_edit_{swin.id}_metric")
    assert metric.value == "top-1 accuracy"
    assert "top-5 accuracy" in metric.options  # a registry metric, offered by type-ahead
    assert set(at.selectbox(key=f"rv_edit_{swin.id}_kind").options) == {"score", "delta", "efficiency"}
    metric.set_value("top-5 accuracy")
    # (A new name typed into the box is a browser action; AppTest picks existing options only.)
    benchmark = at.selectbox(key=f"rv_edit_{swin.id}_benchmark")
    assert benchmark.value == "ImageNet" and "CIFAR-10" in benchmark.options
    benchmark.set_value("CIFAR-10")
    at.get("form_submit_button")[0].click().run()
    assert not at.error, messages(at.error)
    stored = claim(url, "Swin-T")
    assert (stored.metric, stored.benchmark, stored.status) == ("top-5 accuracy", "CIFAR-10", "corrected")


def test_a_link_opens_a_claim_whatever_the_filters(monkeypatch, url):
    resnet = claim(url, "ResNet-50", 75.3)
    at = app_test(monkeypatch, url, PAGE, query={"claim": str(resnet.id), "paper_filter": "lab-1"})
    assert at.text_input(key="paper_filter").value == "lab-1"
    assert at.selectbox(key="claim").value == resnet.id
    assert "ResNet-50 achieves <mark" in " ".join(b.proto.body for b in at.html)


def test_no_label_or_cell_reads_nan_or_none(monkeypatch, url):
    at = app_test(monkeypatch, url, PAGE, query={"status_filter": "any"})
    box = at.selectbox(key="claim")
    labels = box.options
    assert labels and not [label for label in labels if "nan" in label or "None" in label]
    for frame in at.dataframe:
        cells = frame.value.astype(str).to_numpy().ravel().tolist()
        assert "None" not in cells and "nan" not in cells
