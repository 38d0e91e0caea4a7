"""Leaderboards people can trust, end to end through the CLI on SQLite and PostgreSQL: direction
never guessed, junk makes no board, incomparable numbers apart, dates from every source, and
`compare` without a value."""

from __future__ import annotations

import json

import pytest
from board_support import paper, score, store
from sqlalchemy import select
from sqlalchemy.orm import Session

from leaderboard.cli import app
from leaderboard.db import make_engine, upgrade_to_head
from leaderboard.db.models import ClaimRow

LIBRISPEECH = "Our model achieves a word error rate of 1.8% on LibriSpeech test-clean and 3.9% on test-other."


@pytest.fixture
def db(db_url) -> str:
    engine = make_engine(db_url)
    upgrade_to_head(engine)
    with Session(engine) as session:
        store(
            session,
            (
                paper("2401.00001", "Speech", "2024-01-01"),
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
                    score("Whisper", "LibriSpeech test-clean", "word error rate (WER)", 2.7),
                ],
            ),
            (
                paper("2401.00002", "Robots", "2024-01-02"),
                [
                    score("Alpha", "RoboBench", "zorp index", 7.0, unit=None),
                    score("Beta", "RoboBench", "zorp index", 9.0, unit=None),
                    score("GPipe", "ImageNet", "top-1 accuracy", 84.3),
                    score("Ours", "11 datasets", "accuracy", 80.0),
                    score("Ours", "1-shot", "accuracy", 60.0),
                ],
            ),
        )
    engine.dispose()
    return db_url


def run(runner, *args):
    return runner.invoke(app, [*args], catch_exceptions=False)


def test_show_ranks_lower_is_better_and_each_split_apart(runner, db):
    result = run(runner, "show", "LibriSpeech", "--metric", "word error rate (WER)", "--db", db)
    assert result.exit_code == 0
    assert "(lower is better)" in result.output
    assert "condition: split=test-clean" in result.output and "condition: split=test-other" in result.output
    assert "condition: split=test" + " " not in result.output  # no plain 'test' group mixing both


def test_unknown_direction_is_unranked_and_listed_for_a_person(runner, db):
    result = run(runner, "show", "RoboBench", "--db", db)
    assert result.exit_code == 0
    assert "direction unknown: unranked" in result.output
    assert "higher is better" not in result.output
    listing = run(runner, "registry", "--db", db)
    assert listing.exit_code == 0
    assert "zorp index" in listing.output and "2" in listing.output
    set_it = run(runner, "registry", "direction", "zorp index", "lower", "-r", "ann", "--db", db)
    assert set_it.exit_code == 0
    assert "(lower is better)" in run(runner, "show", "RoboBench", "--db", db).output
    assert "every metric with scores has a direction" in run(runner, "registry", "--db", db).output


def test_junk_makes_no_board_and_no_ranked_row(runner, db):
    listing = run(runner, "benchmarks", "--db", db)
    real, _, apart = listing.output.partition("Not benchmarks")
    assert "LibriSpeech" in real and "11 datasets" not in real
    assert "11 datasets" in apart and "count" in apart and "1-shot" in apart and "setting" in apart
    board = run(runner, "show", "11 datasets", "--db", db)
    assert board.exit_code == 1
    assert board.output.startswith("error: '11 datasets' is not a benchmark (count)")
    assert "GPipe" not in run(runner, "show", "ImageNet", "--db", db).output
    exported = run(runner, "export", "--claims", "--format", "json", "--db", db)
    assert {"GPipe", "Ours"} <= {row["model"] for row in json.loads(exported.output)}


def test_a_person_marks_a_model_as_no_model_and_reverts_it(runner, db):
    marked = run(runner, "registry", "not-entity", "model", "Whisper", "-r", "ann", "--db", db)
    assert marked.exit_code == 0
    assert "Whisper" not in run(runner, "show", "LibriSpeech", "--db", db).output
    run(runner, "registry", "not-entity", "model", "Whisper", "--undo", "-r", "ann", "--db", db)
    assert "Whisper" in run(runner, "show", "LibriSpeech", "--db", db).output


def test_compare_with_no_value_prints_one_line(runner, db):
    result = run(runner, "compare", "GPT-4", "MMLU", "--db", db)
    assert (result.exit_code, result.output) == (0, "no values reported for GPT-4 on MMLU\n")


def test_dates_come_from_jsonl_years_csv_dates_and_arxiv_ids(runner, db_url, tmp_path):
    jsonl = tmp_path / "papers.jsonl"
    lines = [
        {
            "id": "p1",
            "year": 2019,
            "title": "A",
            "abstract": "ResNet-50 reaches 76.1% top-1 accuracy on ImageNet.",
        },
        {"id": "2103.00001", "title": "B", "abstract": "ViT-B reaches 81.8% top-1 accuracy on ImageNet."},
    ]
    jsonl.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    table = tmp_path / "papers.csv"
    table.write_text(
        "id,title,abstract,date\n"
        'c1,C,"ConvNeXt-B reaches 83.8% top-1 accuracy on ImageNet.",12 January 2022\n',
        encoding="utf-8",
    )
    assert run(runner, "ingest", str(jsonl), str(table), "--db", db_url).exit_code == 0
    exported = json.loads(run(runner, "export", "--claims", "--format", "json", "--db", db_url).output)
    dates = {row["paper_id"]: row["paper_date"] for row in exported}
    assert dates == {"p1": "2019-01-01", "2103.00001": "2021-03-01", "c1": "2022-01-12"}
    sota = run(runner, "sota", "ImageNet", "--db", db_url)
    assert sota.exit_code == 0 and "no dated scores" not in sota.output
    assert [model in sota.output for model in ("ResNet-50", "ViT-B", "ConvNeXt-B")] == [True] * 3


def test_a_score_the_extractor_is_unsure_of_waits_for_review(runner, db_url):
    engine = make_engine(db_url)
    upgrade_to_head(engine)
    with Session(engine) as session:
        store(
            session,
            (
                paper("2402.00001", "Unsure", "2024-02-01"),
                [
                    score("Sure", "CIFAR-10", "accuracy", 95.0, confidence=0.8),
                    score("Guess", "CIFAR-10", "accuracy", 97.0, confidence=0.35, rule="percent_default"),
                ],
            ),
        )
    engine.dispose()
    assert "Guess" not in run(runner, "show", "CIFAR-10", "--db", db_url).output
    assert "Guess" in run(runner, "review", "queue", "--db", db_url).output
    engine = make_engine(db_url)
    with Session(engine) as session:
        guess = session.scalar(select(ClaimRow.id).where(ClaimRow.model == "Guess"))
    engine.dispose()
    assert run(runner, "review", "accept", str(guess), "-r", "ann", "--db", db_url).exit_code == 0
    assert "Guess" in run(runner, "show", "CIFAR-10", "--db", db_url).output
