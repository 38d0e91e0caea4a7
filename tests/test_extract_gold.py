"""The extractor against the hand-labelled gold sets, scored by the shared scorer.

Prints the figures (value, strict, board F1 and field accuracy) for each set and
fails when one falls below its floor. Floors sit a little under what the
extractor reaches today, so a regression fails while small wording changes do
not; raise them when the extractor improves.

Sets (copies of ../shared/gold in tests/data; tests/score_claims.py is the scorer):
- seed: the seed papers the first rules were written from;
- dev2-tune: dev2 papers at index i % 5 != 4 (file order), used while tuning;
- dev2-heldout: the other fifth, never looked at while tuning (aggregates only); a paper the
  file lists twice (one copy in each part) counts with dev2-tune only;
- handwritten: abstracts in the style of well-known papers (tests/data/README.md).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from leaderboard.extract import extract_claims

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
sys.path.insert(0, str(HERE))

import score_claims  # noqa: E402

HELDOUT_EVERY = 5  # keep in sync with benchmarks/score_gold.py

# (set, section, name) -> floor
FLOORS = {
    ("seed", "value", "f1"): 0.975,
    ("seed", "strict", "f1"): 0.83,
    ("seed", "board", "f1"): 0.74,
    ("seed", "field_accuracy", "benchmark"): 0.85,
    ("seed", "field_accuracy", "metric"): 0.95,
    ("seed", "field_accuracy", "baseline_value"): 0.96,
    ("dev2-tune", "value", "f1"): 0.92,
    ("dev2-tune", "strict", "f1"): 0.73,
    ("dev2-tune", "board", "f1"): 0.60,
    ("dev2-heldout", "value", "f1"): 0.91,
    ("dev2-heldout", "strict", "f1"): 0.67,
    ("dev2-heldout", "board", "f1"): 0.56,
    ("handwritten", "value", "f1"): 0.96,
    ("handwritten", "strict", "f1"): 0.88,
    ("handwritten", "field_accuracy", "benchmark"): 0.89,
    ("handwritten", "field_accuracy", "metric"): 0.97,
}


def _load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _papers(name: str) -> tuple[list[dict], Path]:
    if name == "seed":
        return _load(DATA / "seed_papers.jsonl"), DATA / "seed_claims.jsonl"
    if name == "handwritten":
        return _load(DATA / "heldout_papers.jsonl"), DATA / "heldout_claims.jsonl"
    papers = _load(DATA / "dev2_papers.jsonl")
    tune = [p for i, p in enumerate(papers) if i % HELDOUT_EVERY != HELDOUT_EVERY - 1]
    if name == "dev2-tune":
        return tune, DATA / "dev2_claims.jsonl"
    # a paper listed twice (same id) is scored with the tuning part only, so nothing seen leaks out
    seen = {p["id"] for p in tune}
    held = [p for i, p in enumerate(papers) if i % HELDOUT_EVERY == HELDOUT_EVERY - 1 and p["id"] not in seen]
    return held, DATA / "dev2_claims.jsonl"


@pytest.fixture(scope="module")
def figures() -> dict[str, dict]:
    out = {}
    for name in ("seed", "dev2-tune", "dev2-heldout", "handwritten"):
        papers, gold = _papers(name)
        pred = [
            c.to_dict(paper_id=str(p["id"]))
            for p in papers
            for c in extract_claims(p["abstract"], p.get("title"))
        ]
        result, *_ = score_claims.score(_load(gold), pred, {str(p["id"]) for p in papers})
        out[name] = result
        print(
            f"\n{name:13} value F1 {result['value']['f1']:.3f}  strict F1 {result['strict']['f1']:.3f}"
            f"  board F1 {result['board']['f1']:.3f}  fields {json.dumps(result['field_accuracy'])}"
        )
    return out


def test_dev2_split_holds_a_fifth_of_the_papers() -> None:
    tune, _ = _papers("dev2-tune")
    held, _ = _papers("dev2-heldout")
    assert len(tune) == 320
    assert len(held) == 79  # 80, less the one paper the file lists twice
    assert not {p["id"] for p in tune} & {p["id"] for p in held}


@pytest.mark.parametrize(("name", "section", "field"), list(FLOORS), ids=["-".join(k) for k in FLOORS])
def test_gold_figure_above_floor(figures: dict[str, dict], name: str, section: str, field: str) -> None:
    got = figures[name][section][field]
    floor = FLOORS[(name, section, field)]
    assert got >= floor, f"{name} {section} {field} = {got:.3f} < floor {floor}"
