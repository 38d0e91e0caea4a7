"""`leaderboard extract`: claims out as JSONL or CSV, no database."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from leaderboard.cli import app
from leaderboard.export.claims import CSV_FIELDS
from leaderboard.extract import explain_report, extract_claims

SHARED = Path("/work/shared")
GOLD_PAPERS = SHARED / "gold" / "seed_papers.jsonl"
# Fields score_claims.py reads.
SCORED_FIELDS = {"paper_id", "value", "kind", "benchmark", "metric", "model", "baseline_value"}

PAPERS = [
    {
        "id": "p-1",
        "title": "Model X: better transfer",
        "abstract": "Model X reaches 91.1% top-1 accuracy on ImageNet, up from 88.0% for ResNet-50. "
        "It also improves BLEU by 2.5 points on WMT14.",
    },
    {"id": "p-2", "title": "Nothing", "abstract": "We discuss ideas without numbers."},
]


@pytest.fixture
def papers_file(tmp_path) -> str:
    path = tmp_path / "papers.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in PAPERS))
    return str(path)


def expected_claims():
    return [(p["id"], c) for p in PAPERS for c in extract_claims(p["abstract"], p["title"])]


def test_jsonl_to_stdout(runner, papers_file):
    result = runner.invoke(app, ["extract", papers_file])
    assert result.exit_code == 0, result.output
    expected = "".join(json.dumps(c.to_dict(pid), ensure_ascii=False) + "\n" for pid, c in expected_claims())
    assert result.stdout == expected
    for line in result.stdout.splitlines():
        assert set(json.loads(line)) >= SCORED_FIELDS | {"span", "evidence", "value_text"}


def test_csv_to_file(runner, papers_file, tmp_path):
    out = tmp_path / "claims.csv"
    result = runner.invoke(app, ["extract", papers_file, "--format", "csv", "-o", str(out)])
    assert (result.exit_code, result.stdout) == (0, "")
    text = out.read_bytes().decode("utf-8")
    assert text.startswith(",".join(CSV_FIELDS) + "\r\n")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    claims = expected_claims()
    assert len(rows) == len(claims)
    for row, (pid, claim) in zip(rows, claims, strict=True):
        assert (row["paper_id"], float(row["value"]), row["kind"]) == (pid, claim.value, claim.kind)
        assert (int(row["span_start"]), int(row["span_end"])) == tuple(claim.span)


def test_jobs_give_the_same_output(runner, papers_file):
    one = runner.invoke(app, ["extract", papers_file])
    two = runner.invoke(app, ["extract", papers_file, "--jobs", "2"])
    assert (two.exit_code, two.stdout) == (0, one.stdout)


def test_bad_input_is_reported_and_the_rest_extracted(runner, papers_file, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "abstract": "fine"}\n{"id": "x", "abstract": "fine"}\n{oops\n')
    result = runner.invoke(app, ["extract", str(bad), papers_file])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {bad}:3: ") and len(result.stderr.splitlines()) == 1
    assert {json.loads(line)["paper_id"] for line in result.stdout.splitlines()} >= {"p-1"}


@pytest.mark.skipif(not GOLD_PAPERS.exists(), reason="shared gold files not available")
def test_scorer_reads_the_output(runner, tmp_path):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(GOLD_PAPERS), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    score = subprocess.run(
        [
            sys.executable,
            str(SHARED / "score_claims.py"),
            "--gold",
            str(SHARED / "gold" / "seed_claims.jsonl"),
            "--pred",
            str(out),
            "--papers",
            str(GOLD_PAPERS),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert score.returncode == 0, score.stderr


def test_extract_into_a_closed_pipe_stops_quietly():
    # `leaderboard extract seed | head -1`: the reader leaves early; no error line, no traceback.
    seed = Path(__file__).resolve().parents[1] / "seed"
    proc = subprocess.Popen(
        [sys.executable, "-m", "leaderboard", "extract", str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    first = proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read()
    proc.wait(timeout=60)
    assert json.loads(first)["paper_id"]
    assert stderr == b""
    assert proc.returncode == 0


def test_explain_prints_one_report_per_paper(runner, papers_file):
    result = runner.invoke(app, ["extract", papers_file, "--explain"])
    assert result.exit_code == 0, result.output
    expected = "".join(f"paper {p['id']}\n{explain_report(p['abstract'], p['title'])}\n" for p in PAPERS)
    assert result.stdout == expected
    assert "'91.1%' (s1 @16): score by rule" in result.stdout
    assert "benchmark = 'ImageNet'" in result.stdout
    assert "numbers: (none)" in result.stdout  # the paper without numbers
