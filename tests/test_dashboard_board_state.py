"""The Leaderboards page honours what a board is: unranked when its metric's direction is unknown,
one table per condition, and no board for a name that is no benchmark."""

from __future__ import annotations

from board_support import paper, score, store
from dashboard_support import app_test
from sqlalchemy.orm import Session

from leaderboard.db import make_engine, upgrade_to_head


def make_corpus(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'state.db'}"
    engine = make_engine(url)
    upgrade_to_head(engine)
    with Session(engine) as session:
        store(
            session,
            (
                paper("2401.00001", "Zorp", "2024-01-01"),
                [
                    score("Alpha", "RoboBench", "zorp index", 7.0, unit=None, condition="zero-shot"),
                    score("Beta", "RoboBench", "zorp index", 9.0, unit=None, condition="zero-shot"),
                    score("Alpha", "RoboBench", "zorp index", 8.0, unit=None, condition="5-shot"),
                    score("Gamma", "11 datasets", "accuracy", 80.0),
                ],
            ),
        )
    engine.dispose()
    return url


def test_unknown_direction_is_shown_unranked_one_table_per_condition(monkeypatch, tmp_path):
    at = app_test(monkeypatch, make_corpus(tmp_path))
    box = at.selectbox(key="benchmark")
    assert box.options == ["RoboBench"]  # '11 datasets' makes no board
    assert "direction unknown" in at.caption[0].value
    tables = [frame.value for frame in at.dataframe]
    assert [sorted(t["model"]) for t in tables] == [["Alpha"], ["Alpha", "Beta"]]
    assert all((t["rank"] == "").all() for t in tables)  # no rank: every cell blank
    assert "No ranking while the metric's direction is unknown." in [c.value for c in at.caption]
