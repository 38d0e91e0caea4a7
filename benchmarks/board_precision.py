"""Board precision: of the rows that reach a ranked leaderboard, the share a gold claim backs.

    .venv/bin/python benchmarks/board_precision.py [--papers P.jsonl] [--gold G.jsonl] [--db URL]
                                                   [--errors N]

Ingests the gold papers (default ../shared/gold/dev2_papers.jsonl) into a
fresh database with `leaderboard ingest`, exactly as a user would, then reads
every leaderboard (each benchmark, each metric, every condition) through
`leaderboard.queries.leaderboard`. A row is one model's best claim in one
condition; unranked boards (direction unknown) are left out. A row is right
when a gold score claim of the same paper has the same value and the scorer's
name rule (tests/score_claims.py, a copy of ../shared/score_claims.py)
accepts its benchmark, metric and model, each as the paper wrote it or as
the board shows it (a board shows "WMT 2014", gold says "WMT14
English-German"). Prints:

- board precision: right rows / rows on ranked boards;
- ranked share: gold score claims that name a model and are some ranked
  row / all gold score claims that name a model.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import score_claims  # noqa: E402
from sqlalchemy import select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from leaderboard import queries  # noqa: E402
from leaderboard.db import make_engine  # noqa: E402
from leaderboard.db.models import ClaimRow  # noqa: E402

GOLD_DIR = ROOT.parent / "shared" / "gold"
NAME_FIELDS = ("benchmark", "metric", "model")


def ingest(papers: Path, url: str) -> None:
    command = [sys.executable, "-m", "leaderboard", "ingest", str(papers), "--db", url]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines() or [f"exit code {done.returncode}"]
        sys.exit(f"error: leaderboard ingest {papers}: {lines[-1]}")


def ranked_rows(session: Session) -> list[dict]:
    """Every row of every ranked leaderboard, with the names as the paper wrote them."""
    rows = []
    for benchmark_id in queries.benchmarks(session)["benchmark_id"]:
        for metric_id in queries.metrics_for(session, int(benchmark_id))["metric_id"]:
            board = queries.leaderboard(session, int(benchmark_id), int(metric_id))
            board = board[board["rank"].notna()]
            rows += board.to_dict("records")
    written = _written_names(session, [int(row["claim_id"]) for row in rows])
    for row in rows:
        row.update(written[int(row["claim_id"])])
    return rows


def _written_names(session: Session, claim_ids: list[int]) -> dict[int, dict]:
    found = {}
    for start in range(0, len(claim_ids), 500):
        query = select(ClaimRow.id, ClaimRow.benchmark, ClaimRow.metric, ClaimRow.model).where(
            ClaimRow.id.in_(claim_ids[start : start + 500])
        )
        for claim_id, benchmark, metric, model in session.execute(query):
            found[claim_id] = {
                "written_benchmark": benchmark,
                "written_metric": metric,
                "written_model": model,
            }
    return found


def backs(gold: dict, row: dict) -> bool:
    """Whether gold claim `gold` is what board row `row` says."""
    if not score_claims.same_number(score_claims.number(gold["value"]), score_claims.number(row["value"])):
        return False
    return all(
        score_claims.same_name(gold.get(field), row.get(f"written_{field}"))
        or score_claims.same_name(gold.get(field), row.get(field))
        for field in NAME_FIELDS
    )


def measure(rows: list[dict], gold: list[dict]) -> dict:
    by_paper = defaultdict(list)
    for claim in gold:
        if claim.get("kind") == "score":
            by_paper[str(claim["paper_id"])].append(claim)
    right, wrong, ranked_gold = [], [], set()
    for row in rows:
        matches = [i for i, g in enumerate(by_paper[str(row["paper_id"])]) if backs(g, row)]
        (right if matches else wrong).append(row)
        ranked_gold.update((str(row["paper_id"]), i) for i in matches)
    with_model = {
        (paper, i) for paper, claims in by_paper.items() for i, g in enumerate(claims) if g.get("model")
    }
    return {
        "rows": len(rows),
        "right": len(right),
        "precision": len(right) / len(rows) if rows else 0.0,
        "gold_with_model": len(with_model),
        "gold_ranked": len(ranked_gold & with_model),
        "ranked_share": len(ranked_gold & with_model) / len(with_model) if with_model else 0.0,
        "wrong": wrong,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--papers", type=Path, default=GOLD_DIR / "dev2_papers.jsonl")
    parser.add_argument("--gold", type=Path, default=GOLD_DIR / "dev2_claims.jsonl")
    parser.add_argument("--db", help="database URL (default: a new SQLite file in a temporary folder)")
    parser.add_argument("--errors", type=int, default=0, help="print this many wrong rows")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or f"sqlite:///{Path(folder) / 'board.db'}"
        ingest(args.papers, url)
        engine = make_engine(url)
        with Session(engine) as session:
            rows = ranked_rows(session)
        engine.dispose()
    result = measure(rows, score_claims.load(str(args.gold)))
    print(f"board precision: {result['precision']:.3f} ({result['right']} of {result['rows']} ranked rows)")
    print(
        f"ranked share: {result['ranked_share']:.3f} ({result['gold_ranked']} of "
        f"{result['gold_with_model']} gold score claims that name a model)"
    )
    for row in result["wrong"][: args.errors]:
        names = " | ".join(f"{row.get(f'written_{f}')!s} -> {row.get(f)!s}" for f in NAME_FIELDS)
        print(f"  wrong: {row['paper_id']} {row['value']} [{row['condition']}] {names}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
