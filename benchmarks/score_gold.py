"""Run the extractor over the gold seed papers and score it with the shared scorer.

    .venv/bin/python benchmarks/score_gold.py [--errors N] [--out PRED.jsonl]

Reads tests/data/seed_papers.jsonl and tests/data/seed_claims.jsonl (copies of
../shared/gold) and the scorer copy tests/score_claims.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from leaderboard.extract import extract_claims  # noqa: E402

PAPERS = ROOT / "tests" / "data" / "seed_papers.jsonl"
GOLD = ROOT / "tests" / "data" / "seed_claims.jsonl"


def predict(papers_path: Path = PAPERS) -> list[dict]:
    rows = []
    with papers_path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            paper = json.loads(line)
            for claim in extract_claims(paper["abstract"], paper.get("title")):
                rows.append(claim.to_dict(paper_id=str(paper["id"])))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--out", help="also keep the predictions in this JSONL file")
    args = ap.parse_args(argv)
    import score_claims

    rows = predict()
    out = Path(args.out) if args.out else Path(tempfile.mkstemp(suffix=".jsonl")[1])
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    extra = ["--errors", str(args.errors)] if args.errors else []
    return score_claims.main(["--gold", str(GOLD), "--pred", str(out), "--papers", str(PAPERS), *extra]) or 0


if __name__ == "__main__":
    sys.exit(main())
