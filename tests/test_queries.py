"""Leaderboards on SQLite and PostgreSQL: aliases collapse, directions rank, conditions split,
quoted baselines and disagreements show up across papers."""

from __future__ import annotations

import pytest
from board_support import paper, score, store
from sqlalchemy import select
from sqlalchemy.orm import Session

from leaderboard import queries, review
from leaderboard.db.models import ClaimRow


@pytest.fixture
def session(migrated_engine):
    with Session(migrated_engine) as session:
        yield session


def claim_id(session, **where) -> int:
    query = select(ClaimRow.id).filter_by(**where)
    return session.scalars(query).one()


def test_aliases_collapse_to_one_leaderboard(session):
    store(
        session,
        (paper("2401.00001", "A", "2024-01-01"), [score("ModelA", "ImageNet-1K", "top-1 acc.", 80.1)]),
        (paper("2401.00002", "B", "2024-01-02"), [score("ModelB", "ILSVRC-2012", "top-1 accuracy", 82.5)]),
        (paper("2401.00003", "C", "2024-01-03"), [score("ModelC", "imagenet", "Top-1 Acc", 0.79, unit=None)]),
    )
    board = queries.leaderboard(session, "ImageNet 2012")
    assert board.attrs == {"benchmark": "ImageNet", "metric": "top-1 accuracy", "direction": "higher"}
    assert list(board["model"]) == ["ModelB", "ModelA", "ModelC"]
    assert list(board["rank"]) == [1, 2, 3]
    assert list(board["score"]) == [82.5, 80.1, 79.0]  # 0.79 is read as 79%
    assert list(board["value"]) == [82.5, 80.1, 0.79]  # as the paper wrote it
    assert board["arxiv_url"].iloc[0] == "https://arxiv.org/abs/2401.00002"
    assert list(queries.benchmarks(session)["benchmark"]) == ["ImageNet"]


def test_lower_is_better_metrics_rank_ascending(session):
    store(
        session,
        (
            paper("2402.00001", "Speech", "2024-02-01"),
            [
                score("Whisper", "LibriSpeech test-clean", "WER", 2.7),
                score("Conformer", "LibriSpeech test-clean", "word error rate", 1.9),
                score("LSTM", "LibriSpeech test-clean", "WER", 4.4),
            ],
        ),
    )
    board = queries.leaderboard(session, "LibriSpeech", "WER")
    assert board.attrs["direction"] == "lower"
    assert list(zip(board["rank"], board["model"], board["score"], strict=True)) == [
        (1, "Conformer", 1.9),
        (2, "Whisper", 2.7),
        (3, "LSTM", 4.4),
    ]


def test_conditions_separate_rows_and_filter(session):
    store(
        session,
        (
            paper("2403.00001", "Few", "2024-03-01"),
            [
                score("LM", "MMLU", "accuracy", 70.0, condition="zero-shot"),
                score("LM", "MMLU", "accuracy", 78.0, condition="5-shot"),
                score("Rival", "MMLU", "accuracy", 74.0, condition="0-shot"),
            ],
        ),
    )
    board = queries.leaderboard(session, "MMLU")
    rows = list(zip(board["condition"], board["rank"], board["model"], board["score"], strict=True))
    assert rows == [("5-shot", 1, "LM", 78.0), ("zero-shot", 1, "Rival", 74.0), ("zero-shot", 2, "LM", 70.0)]
    zero_shot = queries.leaderboard(session, "MMLU", condition="zero shot")
    assert list(zero_shot["model"]) == ["Rival", "LM"]
    assert list(queries.conditions_for(session, "MMLU", "accuracy")["condition"]) == ["zero-shot", "5-shot"]


def test_same_result_written_two_ways_counts_as_one_value(session):
    store(
        session,
        (paper("2404.00001", "A", "2024-04-01"), [score("Net", "CIFAR-10", "accuracy", 0.621, unit=None)]),
        (paper("2404.00002", "B", "2024-04-02"), [score("Net", "CIFAR-10", "accuracy", 62.1)]),
    )
    board = queries.leaderboard(session, "CIFAR-10")
    assert list(board[["model", "n_papers", "spread"]].itertuples(index=False, name=None)) == [
        ("Net", 2, 0.0)
    ]
    assert queries.disagreements(session).empty


def test_impossible_values_are_flagged_not_ranked(session):
    store(
        session,
        (
            paper("2405.00001", "Bad", "2024-05-01"),
            [score("Good", "CIFAR-10", "accuracy", 95.0), score("Typo", "CIFAR-10", "accuracy", 130.0)],
        ),
    )
    assert list(queries.leaderboard(session, "CIFAR-10")["model"]) == ["Good"]
    flagged = queries.claims(session, model="Typo")
    assert list(flagged["value_flag"]) == ["out_of_range"]


def test_rejected_claims_never_count_and_accepted_only_keeps_reviewed(session):
    store(
        session,
        (
            paper("2406.00001", "R", "2024-06-01"),
            [
                score("Kept", "GSM8K", "accuracy", 60.0),
                score("Rejected", "GSM8K", "accuracy", 99.0),
                score("Unreviewed", "GSM8K", "accuracy", 70.0),
            ],
        ),
    )
    review.reject(session, [claim_id(session, model="Rejected")], "tester")
    review.accept(session, [claim_id(session, model="Kept")], "tester")
    session.commit()
    assert list(queries.leaderboard(session, "GSM8K")["model"]) == ["Unreviewed", "Kept"]
    accepted = queries.leaderboard(session, "GSM8K", accepted_only=True)
    assert list(zip(accepted["model"], accepted["status"], strict=True)) == [("Kept", "accepted")]


def test_a_quoted_baseline_shows_up_in_the_cross_paper_view(session):
    store(
        session,
        (
            paper("2407.00001", "Paper A proposes Alpha", "2024-07-01"),
            [score("Alpha", "COCO", "box AP", 50.0)],
        ),
        (
            paper("2407.00002", "Paper B proposes Beta", "2024-07-02"),
            [score("Beta", "MS COCO", "AP box", 53.0, baseline_model="Alpha", baseline_value=49.5)],
        ),
    )
    view = queries.compare(session, "Alpha", "coco")
    rows = list(view[["role", "paper_id", "score", "reported_with"]].itertuples(index=False, name=None))
    assert rows == [("result", "2407.00001", 50.0, None), ("baseline", "2407.00002", 49.5, "Beta")]
    gaps = queries.disagreements(session)
    assert gaps.empty  # a baseline value alone is no claim of its own here


def test_disagreements_list_the_largest_gaps_first(session):
    store(
        session,
        (
            paper("2408.00001", "One", "2024-08-01"),
            [score("M", "SST-2", "accuracy", 90.0), score("N", "SST-2", "accuracy", 80.0)],
        ),
        (
            paper("2408.00002", "Two", "2024-08-02"),
            [score("M", "SST-2", "accuracy", 93.0), score("N", "SST-2", "accuracy", 80.5)],
        ),
        (paper("2408.00003", "Three", "2024-08-03"), [score("M", "SST-2", "accuracy", 91.0)]),
    )
    gaps = queries.disagreements(session)
    assert list(gaps.columns) == queries.DISAGREEMENT_COLUMNS
    rows = list(gaps[["model", "n_papers", "low", "high", "gap"]].itertuples(index=False, name=None))
    assert rows == [("M", 3, 90.0, 93.0, 3.0), ("N", 2, 80.0, 80.5, 0.5)]
    assert (gaps["low_paper_id"].iloc[0], gaps["high_paper_id"].iloc[0]) == ("2408.00001", "2408.00002")
    assert (gaps["low_paper_title"].iloc[0], gaps["high_paper_title"].iloc[0]) == ("One", "Two")
    board = queries.leaderboard(session, "SST-2")
    assert list(zip(board["model"], board["n_papers"], board["spread"], strict=True)) == [
        ("M", 3, 3.0),
        ("N", 2, 0.5),
    ]


def test_state_of_the_art_over_time_keeps_each_new_best(session):
    store(
        session,
        (paper("2301.00001", "Old", "2023-01-01"), [score("A", "MNIST", "accuracy", 99.0)]),
        (paper("2302.00001", "Worse", "2023-02-01"), [score("B", "MNIST", "accuracy", 98.0)]),
        (paper("2303.00001", "Better", "2023-03-01"), [score("C", "MNIST", "accuracy", 99.5)]),
        # No date and no arXiv id to take its month from.
        (paper("p-undated", "Undated", None, arxiv=False), [score("D", "MNIST", "accuracy", 99.9)]),
    )
    sota = queries.sota_over_time(session, "MNIST")
    assert list(zip(sota["paper_date"], sota["model"], strict=True)) == [
        ("2023-01-01", "A"),
        ("2023-03-01", "C"),
    ]


def test_model_paper_grid_has_a_column_per_paper(session):
    store(
        session,
        (paper("2309.00001", "P1", "2023-09-01"), [score("A", "SVHN", "accuracy", 97.0)]),
        (paper("2309.00002", "P2", "2023-09-02"), [score("A", "SVHN", "accuracy", 96.0)]),
    )
    grid = queries.model_paper_grid(session, "SVHN", "accuracy")
    assert list(grid.columns) == ["condition", "model", "2309.00001", "2309.00002"]
    assert grid.iloc[0].tolist() == ["", "A", 97.0, 96.0]


def test_entities_can_be_named_by_id_even_from_a_dataframe(session):
    store(session, (paper("2310.00002", "P", "2023-10-02"), [score("A", "SVHN", "accuracy", 97.0)]))
    benchmark_id = queries.benchmarks(session)["benchmark_id"].iloc[0]  # a numpy integer
    assert queries.leaderboard(session, benchmark_id).attrs["benchmark"] == "SVHN"


def test_unknown_names_raise_with_close_suggestions(session):
    store(session, (paper("2310.00001", "P", "2023-10-01"), [score("A", "SVHN", "accuracy", 97.0)]))
    with pytest.raises(queries.UnknownEntityError, match="no benchmark named 'SVHM'.*'SVHN'"):
        queries.leaderboard(session, "SVHM")


def test_claims_filters(session):
    store(
        session,
        (
            paper("2311.00001", "P", "2023-11-01"),
            [
                score("A", "SVHN", "accuracy", 97.0),
                score("B", "MNIST", "accuracy", 99.0, condition="zero-shot"),
            ],
        ),
    )
    assert list(queries.claims(session, benchmark="SVHN")["model"]) == ["A"]
    assert list(queries.claims(session, condition="zero-shot")["model"]) == ["B"]
    assert list(queries.claims(session, search="mnist")["model"]) == ["B"]
    assert list(queries.claims(session, search="100%_")["model"]) == []
    assert list(queries.claims(session)["model"]) == ["A", "B"]
    assert list(queries.claims(session).columns) == queries.CLAIM_COLUMNS
