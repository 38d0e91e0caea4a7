"""Extractor quality from what people did with its claims."""

from __future__ import annotations

import pytest
from review_helpers import PAPER_ID, claim, extracted_claims, store
from sqlalchemy.orm import Session

from leaderboard import review
from leaderboard.cli import app


@pytest.fixture
def session(migrated_engine):
    with Session(migrated_engine) as session:
        yield session


def reviewed_paper(session) -> dict[float, int]:
    claims = [*extracted_claims(), claim(5.0, "We", rule="score_on", benchmark="COCO")]
    claims[-1].span = (0, 2)  # an unreviewed claim: never counted
    ids = store(session, claims)
    review.accept(session, [ids[91.1]], "ann")
    review.edit(session, ids[45.2], {"metric": "box AP", "unit": "%"}, "ann", 1)
    review.reject(session, [ids[88.0]], "ann")
    review.add_claim(
        session, PAPER_ID, {"evidence": "On COCO it scores 45.2 AP.", "value": 45.2, "kind": "delta"}, "ann"
    )  # added by hand: not the extractor's
    session.commit()
    return ids


def test_quality_by_rule_benchmark_and_field(session):
    reviewed_paper(session)
    tables = review.quality(session)
    by_rule = tables["by_rule"].set_index("rule")
    assert by_rule.loc["score_on", ["reviewed", "accepted", "corrected", "rejected"]].tolist() == [2, 1, 1, 0]
    assert by_rule.loc["score_on", "corrected_share"] == 0.5
    assert by_rule.loc["score_on", "fields_corrected"] == "metric 1, unit 1"
    assert by_rule.loc["baseline", ["reviewed", "rejected", "rejected_share"]].tolist() == [1, 1, 1.0]
    by_benchmark = tables["by_benchmark"].set_index("benchmark")
    assert by_benchmark["reviewed"].to_dict() == {"ImageNet": 2, "COCO": 1}
    assert tables["overall"][["reviewed", "accepted", "corrected", "rejected"]].values.tolist() == [
        [3, 1, 1, 1]
    ]
    fields = tables["fields"].set_index("field")["corrected"]
    assert (fields["metric"], fields["unit"], fields["model"]) == (1, 1, 0)


def test_a_reverted_edit_is_no_correction(session):
    ids = reviewed_paper(session)
    metric_change = review.history(session, ids[45.2])[0]
    review.revert(session, metric_change.id, "bob")
    session.commit()
    by_rule = review.quality(session)["by_rule"].set_index("rule")
    assert by_rule.loc["score_on", "fields_corrected"] == "unit 1"


def test_quality_command(runner, db_url, migrated_engine):
    result = runner.invoke(app, ["quality", "--db", db_url])
    assert (result.exit_code, result.output) == (
        0,
        "no reviewed claims yet: accept, reject or correct some first\n",
    )
    with Session(migrated_engine) as session:
        reviewed_paper(session)
    result = runner.invoke(app, ["quality", "--db", db_url])
    assert result.exit_code == 0
    lines = [" ".join(line.replace("│", " ").split()) for line in result.output.splitlines() if "│" in line]
    assert "score_on 2 1 (50%) 1 (50%) 0 (0%) metric 1, unit 1" in lines
    assert "baseline 1 0 (0%) 0 (0%) 1 (100%)" in lines
