"""The leaderboard commands end to end: exit codes, what they print, what they write."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from board_support import paper, score, store
from sqlalchemy.orm import Session

from leaderboard.cli import app
from leaderboard.db import make_engine, upgrade_to_head


@pytest.fixture
def db(db_url) -> str:
    """A database with two papers on ImageNet (written three ways) and a quoted baseline."""
    engine = make_engine(db_url)
    upgrade_to_head(engine)
    with Session(engine) as session:
        store(
            session,
            (
                paper("2701.00001", "Alpha: a model", "2027-01-01"),
                [
                    score("Alpha", "ImageNet-1K", "top-1 acc.", 81.5),
                    score("Alpha", "ILSVRC-2012", "top-1 accuracy", 77.0, condition="zero-shot"),
                ],
            ),
            (
                paper("2701.00002", "Beta: better", "2027-01-02"),
                [
                    score(
                        "Beta",
                        "imagenet",
                        "top-1 accuracy",
                        0.83,
                        unit=None,
                        baseline_model="Alpha",
                        baseline_value=0.79,
                    ),
                    score("Alpha", "imagenet", "top-1 accuracy", 80.0),
                    score("=cmd", "imagenet", "top-1 accuracy", 1.0, unit=None),
                ],
            ),
        )
    engine.dispose()
    return db_url


def invoke(runner, db, *args):
    return runner.invoke(app, [*args, "--db", db])


def test_show_prints_one_table_per_condition(runner, db):
    result = invoke(runner, db, "show", "ILSVRC 2012")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    none_title = lines.index(next(line for line in lines if "condition: none" in line))
    zero_title = lines.index(next(line for line in lines if "condition: zero-shot" in line))
    assert "ImageNet · top-1 accuracy (higher is better)" in lines[none_title]
    ranked = [line.split("│")[1:4] for line in lines[none_title:zero_title] if line.startswith("│")]
    assert [[cell.strip() for cell in row] for row in ranked] == [
        ["1", "=cmd", "100"],
        ["2", "Beta", "83"],
        ["3", "Alpha", "81.5"],
    ]
    assert "https://arxiv.org/abs/2701.00002" in result.stdout


def test_show_an_unknown_benchmark_is_one_error_line(runner, db):
    result = invoke(runner, db, "show", "ImageNot")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: no benchmark named 'ImageNot' (did you mean: 'ImageNet'")
    assert len(result.stderr.splitlines()) == 1


def test_compare_lists_every_paper_including_quoted_baselines(runner, db):
    result = invoke(runner, db, "compare", "Alpha", "ImageNet")
    assert result.exit_code == 0, result.output
    assert "Alpha on ImageNet: 2 paper(s)" in result.stdout
    assert "baseline of Beta" in result.stdout
    assert "zero-shot" in result.stdout


def test_disagreements_and_benchmarks(runner, db):
    result = invoke(runner, db, "disagreements")
    assert result.exit_code == 0, result.output
    assert "Alpha" in result.stdout and "1.5" in result.stdout  # 81.5 vs 80.0
    result = invoke(runner, db, "benchmarks")
    assert result.exit_code == 0
    assert [line.split("│")[2].strip() for line in result.stdout.splitlines() if line.startswith("│")] == [
        "ImageNet"
    ]


def test_export_csv_to_stdout_round_trips_and_neutralises_formulas(runner, db):
    result = invoke(runner, db, "export", "--benchmark", "ImageNet", "--condition", "none")
    assert result.exit_code == 0, result.output
    df = pd.read_csv(io.StringIO(result.stdout))
    assert df["model"].tolist() == ["'=cmd", "Beta", "Alpha"]
    assert df["score"].tolist() == [100.0, 83.0, 81.5]


def test_export_claims_with_filters_as_parquet(runner, db, tmp_path):
    out = tmp_path / "claims.parquet"
    result = invoke(
        runner, db, "export", "--claims", "--model", "Alpha", "--format", "parquet", "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == f"wrote 4 rows to {out}\n"
    df = pd.read_parquet(out)
    assert sorted(df["value"]) == [0.83, 77.0, 80.0, 81.5]  # Beta's claim quotes Alpha as its baseline


def test_export_needs_a_choice_and_writes_parquet_to_a_pipe(runner, db):
    result = invoke(runner, db, "export")
    assert (result.exit_code, result.stderr.splitlines()[0][:28]) == (1, "error: choose what to export")
    # stdout is a pipe here (the runner's buffer): `-o -` and no -o both write the Parquet bytes there.
    for stdout in (["-o", "-"], []):
        result = invoke(
            runner, db, "export", "--benchmark", "ImageNet", "-c", "none", "-f", "parquet", *stdout
        )
        assert (result.exit_code, result.stderr) == (0, "")
        table = pd.read_parquet(io.BytesIO(result.stdout_bytes))
        assert table["model"].tolist() == ["=cmd", "Beta", "Alpha"]


def test_registry_load_of_a_user_file(runner, db, tmp_path):
    good = tmp_path / "mine.csv"
    good.write_text("kind,name,aliases,task\nbenchmark,NovelSet,Novel Set v1,testing\n", encoding="utf-8")
    result = invoke(runner, db, "registry", "load", str(good))
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "",
        "entities: 1 added, 0 updated; aliases: 2 added; names taken over: 0; claims re-resolved: 0\n",
    )
    bad = tmp_path / "bad.csv"
    bad.write_text("kind,name,aliases\nbenchmark,Other,ILSVRC-2012\n", encoding="utf-8")
    result = invoke(runner, db, "registry", "load", str(bad))
    assert (result.exit_code, result.stderr) == (
        1,
        f"error: {bad}:2: benchmark name 'ILSVRC-2012' already belongs to 'ImageNet'\n",
    )


def test_registry_merge_needs_a_reviewer_and_is_undone_by_split(runner, db, monkeypatch):
    monkeypatch.delenv("LEADERBOARD_REVIEWER", raising=False)
    result = invoke(runner, db, "registry", "merge", "model", "Alpha", "Beta")
    required = "error: a reviewer name is required: --reviewer NAME or $LEADERBOARD_REVIEWER\n"
    assert (result.exit_code, result.stderr) == (1, required)
    result = invoke(runner, db, "registry", "merge", "model", "Alpha", "Beta", "-r", "ann")
    assert (result.exit_code, result.stderr.split(";")[1]) == (0, " 1 claim(s) moved\n")
    result = invoke(runner, db, "registry", "split", "model", "Beta", "-r", "ann")
    assert (result.exit_code, result.stderr.split(";")[1]) == (0, " 1 claim(s) moved back\n")
