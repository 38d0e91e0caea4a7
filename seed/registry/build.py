"""Regenerate seed/registry/{benchmarks,metrics,models}.csv and tasks.txt.

Inputs: the hand-curated rows in seed/registry/curated/ (they always win) and
the public leaderboard vocabularies in ../shared/vocab (benchmarks.csv,
metrics.csv, tasks.csv; sources and licences in seed/registry/README.md).

    .venv/bin/python seed/registry/build.py [--vocab ../shared/vocab] [--out DIR]

What it does with the vocabularies:
- benchmarks: a name carrying a split, language pair or label budget ("COCO
  test-dev", "WMT2014 English-German") is reduced to its benchmark, which
  resolution does to claims too (leaderboard.normalize.benchmark_name); names
  the junk rules reject are left out; the task is the name's most used task;
  aliases are the name without a parenthesised acronym and the acronym
  ("Penn Treebank (PTB)"), and a two-digit year ("VOT2018" -> "VOT18").
- metrics: kept only when the name rules give a direction
  (leaderboard.normalize.direction); "Test perplexity" or "Accuracy (%)"
  become aliases of the metric they qualify when that one is known; the
  scale is read from the name (percent, fraction or unbounded).
- A name or alias already taken (curated first, then by number of papers)
  is never given to a second entity.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from leaderboard.normalize.benchmark_name import read_benchmark_name
from leaderboard.normalize.direction import direction_from_name
from leaderboard.normalize.fold import fold
from leaderboard.normalize.junk import benchmark_junk_reason

HERE = Path(__file__).resolve().parent
CURATED = HERE / "curated"
DEFAULT_VOCAB = HERE.parents[2] / "shared" / "vocab"
BENCHMARK_COLUMNS = ["kind", "name", "aliases", "task", "hub_dataset_id"]
METRIC_COLUMNS = ["kind", "name", "aliases", "direction", "scale", "unit"]

ACRONYM_IN_PARENTHESES = re.compile(
    r"^(?P<name>.+?)\s*\((?P<acronym>[A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*[A-Z0-9])\)$"
)
FOUR_DIGIT_YEAR = re.compile(
    r"^(?P<prefix>[A-Za-z][A-Za-z-]*?)[\s-]?(?P<century>19|20)(?P<year>\d\d)(?P<rest>\b.*)$"
)
# How a metric name says which split it was measured on; the split is read into the condition.
METRIC_QUALIFIER = re.compile(
    r"^(?:test|validation|val|dev|average|avg\.?|mean|overall)\s+|\s*\((?:%|test|val|dev|validation)\)$"
    r"|\s+(?:%|\(%\))$",
    re.IGNORECASE,
)
FRACTION = re.compile(
    r"\b(?:auc|auroc|roc|aupr|auprc|ssim|ms-ssim|correlation|pearson|spearman|kendall|kappa|mcc|r2|r²"
    r"|plcc|srcc|srocc|klcc|lpips|brier|ari|eao)\b",
    re.IGNORECASE,
)
UNBOUNDED = re.compile(
    r"\b(?:mm|cm|px|pixels?|meters?|3d|2d|distance|mae|mse|rmse|epe|db|ms|s|fps|flops|params?)\b",
    re.IGNORECASE,
)
PERCENT = re.compile(
    r"%|\b(?:m?acc\w*|j&f|delta|δ|f1\w*|precision\w*|recall\w*|m?ap\w*|ar\d*|m?iou|dice|dsc|jaccard|bleu\w*|rouge\w*|meteor"
    r"|spice|chrf\w*|em|exact match|error|err|wer|cer|per|ter|pass@\d+|success\w*|win rate|hits?@\d+"
    r"|r\d*@\d+|mrr|pck\w*|mota|motp|idf1|hota|nds|pq\w*|sari|miss rate|rank-\d+|top-?\d+)\b",
    re.IGNORECASE,
)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


class Names:
    """Which folded names are taken, per kind: one name belongs to one entity."""

    def __init__(self) -> None:
        self.owner: dict[str, str] = {}

    def claim(self, name: str, owner: str) -> bool:
        key = fold(name)
        if not key or self.owner.get(key, owner) != owner:
            return False
        self.owner[key] = owner
        return True


def split_aliases(text: str | None) -> list[str]:
    return [alias.strip() for alias in (text or "").split("|") if alias.strip()]


def build_benchmarks(vocab: Path) -> list[dict[str, str]]:
    curated = read_csv(CURATED / "benchmarks.csv")
    names = Names()
    for row in curated:
        for name in [row["name"], *split_aliases(row["aliases"])]:
            if not names.claim(name, row["name"]):
                sys.exit(f"curated/benchmarks.csv: {name!r} is a name of two benchmarks")
    tasks = {row["name"]: int(row["n_papers"] or 0) for row in read_csv(vocab / "tasks.csv")}
    rows = list(curated)
    by_name: dict[str, dict[str, str]] = {}
    vocab_rows = sorted(
        read_csv(vocab / "benchmarks.csv"), key=lambda r: (-int(r["n_papers"] or 0), r["name"])
    )
    for record in vocab_rows:
        written = " ".join(record["name"].split())
        base = read_benchmark_name(written).base
        if benchmark_junk_reason(base) or fold(base) in names.owner:
            continue  # rejected, or a split of (or another name for) a benchmark already in
        task = max(split_aliases(record["tasks"]), key=lambda t: (tasks.get(t, 0), t), default="")
        if not task:
            continue
        canonical, aliases = _aliases_of(base)
        if not names.claim(canonical, canonical):
            continue
        taken = [alias for alias in aliases if names.claim(alias, canonical)]
        row = {"kind": "benchmark", "name": canonical, "aliases": "|".join(taken), "task": task.lower()}
        by_name[canonical] = row
        rows.append(row)
    return rows


def _aliases_of(name: str) -> tuple[str, list[str]]:
    """(canonical name, other spellings) for a vocabulary benchmark name."""
    aliases = []
    match = ACRONYM_IN_PARENTHESES.match(name)
    if match:
        aliases += [match["name"], match["acronym"]]
    year = FOUR_DIGIT_YEAR.match(name)
    if year and year["prefix"].isupper():
        aliases.append(f"{year['prefix']}{year['year']}{year['rest']}")
    # An alias must resolve as itself: one carrying a split would lose it.
    return name, [a for a in aliases if read_benchmark_name(a).base == a and not benchmark_junk_reason(a)]


def _plain_forms(name: str) -> list[str]:
    """Folded forms of a metric name without its qualifiers: 'Test perplexity' -> 'perplexity',
    'Word Error Rate (WER)' -> 'worderrorrate' and 'wer'."""
    forms = [METRIC_QUALIFIER.sub("", name)]
    match = ACRONYM_IN_PARENTHESES.match(name)
    if match:
        forms += [match["name"], match["acronym"]]
    return [fold(form) for form in forms]


def metric_scale(name: str) -> str:
    if FRACTION.search(name):
        return "fraction"
    if UNBOUNDED.search(name):
        return "unbounded"
    return "percent" if PERCENT.search(name) else "unbounded"


def build_metrics(vocab: Path) -> list[dict[str, str]]:
    curated = read_csv(CURATED / "metrics.csv")
    names = Names()
    rows = list(curated)
    by_key: dict[str, dict[str, str]] = {}
    for row in curated:
        for name in [row["name"], *split_aliases(row["aliases"])]:
            if not names.claim(name, row["name"]):
                sys.exit(f"curated/metrics.csv: {name!r} is a name of two metrics")
            by_key[fold(name)] = row
    vocab_rows = sorted(read_csv(vocab / "metrics.csv"), key=lambda r: (-int(r["n_papers"] or 0), r["name"]))
    for record in vocab_rows:
        name = " ".join(record["name"].split())
        direction = direction_from_name(name)
        if direction is None or fold(name) in names.owner:
            continue
        qualified = next(
            (by_key[key] for key in _plain_forms(name) if key in by_key and key != fold(name)), None
        )
        if qualified is not None and qualified["direction"] == direction:
            if names.claim(name, qualified["name"]):
                qualified["aliases"] = "|".join([*split_aliases(qualified["aliases"]), name])
            continue
        if not names.claim(name, name):
            continue
        scale = metric_scale(name)
        row = {
            "kind": "metric",
            "name": name,
            "aliases": "",
            "direction": direction,
            "scale": scale,
            "unit": "%" if scale == "percent" else "",
        }
        by_key[fold(name)] = row
        rows.append(row)
    return rows


def write_csv(path: Path, columns: list[str], rows: Iterable[dict[str, str]]) -> int:
    rows = list(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def write_tasks(vocab: Path, path: Path) -> int:
    names = [row["name"] for row in read_csv(vocab / "tasks.csv") if row["name"].strip()]
    header = (
        "# Task names of public leaderboards, one a line (leaderboard.normalize.junk reads them: a\n"
        "# benchmark or model name that is only a task makes no board). From the SOTA? corpus\n"
        "# (jd-coderepos/sota, CC BY-SA 4.0) and paperswithcode/sota-extractor (Apache-2.0);\n"
        "# regenerated by build.py, see README.md.\n"
    )
    path.write_text(header + "\n".join(names) + "\n", encoding="utf-8")
    return len(names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vocab", type=Path, default=DEFAULT_VOCAB, help="folder of the vocabulary CSVs")
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write to (default: this one)")
    args = parser.parse_args()
    out = args.out
    counts = {
        "tasks": write_tasks(args.vocab, out / "tasks.txt"),
        "benchmarks": write_csv(out / "benchmarks.csv", BENCHMARK_COLUMNS, build_benchmarks(args.vocab)),
        "metrics": write_csv(out / "metrics.csv", METRIC_COLUMNS, build_metrics(args.vocab)),
        "models": write_csv(
            out / "models.csv", ["kind", "name", "aliases"], read_csv(CURATED / "models.csv")
        ),
    }
    print(", ".join(f"{count} {what}" for what, count in counts.items()))


if __name__ == "__main__":
    main()
