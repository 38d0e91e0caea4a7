"""The extractor against the hand-labelled gold set, scored by the shared scorer.

Prints the figures and fails when one falls below its floor. Floors sit a
little under what the extractor reaches today, so a regression fails while
small wording changes do not; raise them when the extractor improves.
Uses the copies in tests/data and tests/score_claims.py, not ../shared.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from leaderboard.extract import extract_claims

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import score_claims  # noqa: E402

PAPERS = HERE / "data" / "seed_papers.jsonl"
GOLD = HERE / "data" / "seed_claims.jsonl"
# Abstracts the rules were not written from (tests/data/README.md): a check that they carry over.
HELDOUT_PAPERS = HERE / "data" / "heldout_papers.jsonl"
HELDOUT_GOLD = HERE / "data" / "heldout_claims.jsonl"

FLOORS = {
    ("value", "f1"): 0.975,
    ("value", "precision"): 0.965,
    ("value", "recall"): 0.99,
    ("strict", "f1"): 0.78,
    ("field_accuracy", "benchmark"): 0.84,
    ("field_accuracy", "metric"): 0.92,
    ("field_accuracy", "baseline_value"): 0.96,
}


def _load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


HELDOUT_FLOORS = {
    ("value", "f1"): 0.96,
    ("strict", "f1"): 0.88,
    ("field_accuracy", "benchmark"): 0.89,
    ("field_accuracy", "metric"): 0.97,
}


def _score(papers_path: Path, gold_path: Path, label: str) -> dict:
    papers = _load(papers_path)
    pred = [c.to_dict(paper_id=str(p["id"]))
            for p in papers for c in extract_claims(p["abstract"], p.get("title"))]
    result, *_ = score_claims.score(_load(gold_path), pred, {str(p["id"]) for p in papers})
    print(f"\n{label} figures:", json.dumps(result))
    return result


@pytest.fixture(scope="module")
def summary() -> dict:
    return _score(PAPERS, GOLD, "gold-set")


@pytest.fixture(scope="module")
def heldout_summary() -> dict:
    return _score(HELDOUT_PAPERS, HELDOUT_GOLD, "held-out")


@pytest.mark.parametrize(("section", "name"), list(FLOORS), ids=[f"{a}-{b}" for a, b in FLOORS])
def test_gold_figure_above_floor(summary: dict, section: str, name: str) -> None:
    got = summary[section][name]
    assert got >= FLOORS[(section, name)], f"{section} {name} = {got:.3f} < floor {FLOORS[(section, name)]}"


@pytest.mark.parametrize(("section", "name"), list(HELDOUT_FLOORS),
                         ids=[f"{a}-{b}" for a, b in HELDOUT_FLOORS])
def test_heldout_figure_above_floor(heldout_summary: dict, section: str, name: str) -> None:
    got = heldout_summary[section][name]
    floor = HELDOUT_FLOORS[(section, name)]
    assert got >= floor, f"held-out {section} {name} = {got:.3f} < floor {floor}"
