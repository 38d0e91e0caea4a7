"""Run the extractor over a gold set and score it with the shared scorer.

    .venv/bin/python benchmarks/score_gold.py [--set seed|dev2-tune|dev2-heldout|all]
                                              [--errors N] [--out PRED.jsonl]

Sets (copies of ../shared/gold in tests/data, scorer copy tests/score_claims.py):
- `seed`: the seed papers the first rules were written from;
- `dev2-tune`: the dev2 papers at index i (file order) with i % 5 != 4, used for tuning;
- `dev2-heldout`: the other fifth (i % 5 == 4), less one paper the file lists twice (its
  other copy is in dev2-tune). Its errors are never printed: only aggregate figures, so it
  stays an honest measure of text nobody tuned on.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from leaderboard.extract import extract_claims  # noqa: E402

SETS = {
    "seed": ("seed_papers.jsonl", "seed_claims.jsonl"),
    "dev2-tune": ("dev2_papers.jsonl", "dev2_claims.jsonl"),
    "dev2-heldout": ("dev2_papers.jsonl", "dev2_claims.jsonl"),
}
HELDOUT_EVERY = 5  # keep in sync with tests/test_extract_gold.py


def _read(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def papers_of(name: str) -> list[dict]:
    """The papers of one set, in file order (dev2 split by index)."""
    papers = list(_read(DATA / SETS[name][0]))
    if name == "dev2-tune":
        return [p for i, p in enumerate(papers) if i % HELDOUT_EVERY != HELDOUT_EVERY - 1]
    if name == "dev2-heldout":
        # a paper the file lists twice, once in each part, is scored with the tuning part only
        seen = {p["id"] for i, p in enumerate(papers) if i % HELDOUT_EVERY != HELDOUT_EVERY - 1}
        return [
            p for i, p in enumerate(papers) if i % HELDOUT_EVERY == HELDOUT_EVERY - 1 and p["id"] not in seen
        ]
    return papers


def gold_of(name: str, papers: list[dict]) -> list[dict]:
    ids = {str(p["id"]) for p in papers}
    return [c for c in _read(DATA / SETS[name][1]) if str(c["paper_id"]) in ids]


def predict(papers: list[dict]) -> list[dict]:
    return [
        claim.to_dict(paper_id=str(p["id"]))
        for p in papers
        for claim in extract_claims(p["abstract"], p.get("title"))
    ]


def figures(name: str) -> dict:
    """The scorer's summary for one set (value, strict, board, field accuracy)."""
    import score_claims

    papers = papers_of(name)
    result, *_ = score_claims.score(gold_of(name, papers), predict(papers), {str(p["id"]) for p in papers})
    return result


def _score_with_errors(name: str, errors: int, out: Path | None) -> int:
    import score_claims

    papers = papers_of(name)
    rows = predict(papers)
    with tempfile.TemporaryDirectory() as tmp:
        pred = out or Path(tmp) / "pred.jsonl"
        gold, subset = Path(tmp) / "gold.jsonl", Path(tmp) / "papers.jsonl"
        pred.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        gold.write_text("".join(json.dumps(c) + "\n" for c in gold_of(name, papers)), encoding="utf-8")
        subset.write_text("".join(json.dumps(p) + "\n" for p in papers), encoding="utf-8")
        extra = ["--errors", str(errors)] if errors else []
        return (
            score_claims.main(["--gold", str(gold), "--pred", str(pred), "--papers", str(subset), *extra])
            or 0
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", default="all", choices=[*SETS, "all"])
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--out", help="also keep the predictions in this JSONL file")
    args = ap.parse_args(argv)
    if args.set == "dev2-heldout" and args.errors:
        ap.error("the held-out fifth is scored in aggregate only: no --errors")
    if args.set != "all":
        return _score_with_errors(args.set, args.errors, Path(args.out) if args.out else None)
    print(f"{'set':14} {'value F1':>9} {'strict F1':>10} {'board F1':>9}  bench  metric model")
    for name in SETS:
        r = figures(name)
        acc = r["field_accuracy"]
        print(
            f"{name:14} {r['value']['f1']:9.3f} {r['strict']['f1']:10.3f} {r['board']['f1']:9.3f}"
            f"  {acc['benchmark']:.3f}  {acc['metric']:.3f}  {acc['model']:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
