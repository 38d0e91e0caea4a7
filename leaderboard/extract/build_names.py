"""Build the shipped name lists (`data/*.txt`) from public leaderboard vocabularies.

    python -m leaderboard.extract.build_names ../shared/vocab

Reads `benchmarks.csv`, `metrics.csv` and `tasks.csv` (Papers-with-Code-derived
leaderboard names: the SOTA? corpus, jd-coderepos/sota at c50d9173, CC BY-SA 4.0,
and paperswithcode/sota-extractor at e6374da1, Apache-2.0) and writes one name a
line, after a header saying where the names came from. The lists are names only:
which name a number belongs to is decided by position (`frames.py`), never here.
Run it again when the vocabularies grow; the extractor only reads the output.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
HEADER = """# {what}, one a line, as public leaderboards spell them.
# Source: ../shared/vocab/{source} of the leaderboard project, built from the SOTA? corpus
# (jd-coderepos/sota at c50d9173, CC BY-SA 4.0) and paperswithcode/sota-extractor at e6374da1
# (Apache-2.0); written by `python -m leaderboard.extract.build_names`. {note}
"""

# A leaderboard name qualified by its split or setting: "Cityscapes val", "ImageNet - 1-shot",
# "CUB 200 50-way (0-shot)". The base name is what a paper writes before the qualifier.
_QUALIFIER = re.compile(
    r"""(?:\s+-\s+.*|\s*\(.*\)|\s*:.*|,.*
    |\s+(?:val|test|dev|test-dev|test-std|test-clean|test-other|dev-clean|dev-other|validation|train
      |\d+(?:\.\d+)?%?\s+labell?ed.*|\d+-shot.*|\d+-way.*))$""",
    re.VERBOSE | re.IGNORECASE,
)
_SINGLE_WORD = re.compile(r"^[A-Z][a-z]+$")
# Metric columns that are sizes, costs or table flags, not measures of quality.
_NOT_A_MEASURE = re.compile(
    r"param|flop|\bfps\b|\bdata\b|using|need|frames|\btime\b|speed|multi-view|\buse\b|memory|latency"
    r"|hardware|\bsize\b|\bgpu|training|pre-?train|backbone|extra|external|epochs?|model",
    re.IGNORECASE,
)


def benchmark_names(rows: list[dict[str, str]]) -> list[str]:
    """Base names (qualifiers cut) that look like names: a single capitalised word must be
    used by several papers ("Cora") to count, so "Actor" or "Spring" do not."""
    names: set[str] = set()
    for row in rows:
        papers = int(row.get("n_papers") or 0)
        for name in {row["name"].strip(), _QUALIFIER.sub("", row["name"]).strip()}:
            if len(name) < 3 or not re.search(r"[A-Za-z]", name):
                continue
            if _SINGLE_WORD.match(name) and papers < 3:
                continue
            if name.islower() and not re.search(r"[\d\-_.]", name):
                continue
            names.add(name)
    return sorted(names, key=str.lower)


# A column's unit written after its name: "Accuracy (%)", "DER(%)", "Top-1 accuracy %".
_UNIT_SUFFIX = re.compile(r"\s*\(\s*%\s*\)$|\s+%$")  # not the threshold of "F1@50%"
# "Word Error Rate (WER)": the spelled-out name and its acronym are both names of the measure.
_SPELLED_ACRONYM = re.compile(r"^(?P<long>[A-Za-z][^()]*?)\s*\((?P<short>[A-Za-z][A-Za-z0-9&@-]{1,9})\)$")
# A measure's own shape, kept even when a benchmark's name opens with the same word ("Precision",
# "MODA"): a measure head noun, or an acronym of four or more capitals.
_MEASURE_SHAPE = re.compile(r"(?i:precision|recall|accuracy|error|score|rate)$|^[A-Z]{4,}$")


def _measure_spellings(name: str) -> list[str]:
    """The spellings a paper writes for one leaderboard column; a bracket counts as the name's
    acronym only when its capitals are initials of the words before it ("mean Corruption Error
    (mCE)"), not a qualifier ("Accuracy (Kitchen)", "Error (mm)")."""
    name = _UNIT_SUFFIX.sub("", name.strip())
    m = _SPELLED_ACRONYM.match(name)
    if m is None:
        return [name]
    capitals = [c.lower() for c in m.group("short") if c.isupper()]
    initials = iter(w[0].lower() for w in re.split(r"[\s-]+", m.group("long")) if w)
    if len(capitals) < 2 or not all(c in initials for c in capitals):  # a subsequence of the initials
        return [name]
    return [name, m.group("long"), m.group("short")]


def metric_names(rows: list[dict[str, str]], benchmarks: list[str]) -> list[str]:
    """Short measure names that start with a letter ("PQ", "J&F", "SI-SDRi", "Hmean"); a column
    named for a test set ("Switchboard", "CallHome") is a benchmark, not a measure."""
    full = {b.lower() for b in benchmarks}
    first_words = {b.split()[0].lower() for b in benchmarks if " " in b}
    names = {s for r in rows if not _NOT_A_MEASURE.search(r["name"]) for s in _measure_spellings(r["name"])}
    names = {
        n
        for n in names
        if n.lower() not in full and (n.lower() not in first_words or _MEASURE_SHAPE.search(n))
    }
    return sorted(
        (n for n in names if 1 < len(n) <= 30 and n[0].isalpha() and len(n.split()) <= 3 and "%" not in n),
        key=lambda n: (n.lower(), n),  # one order whatever the set's: the file diffs only when names change
    )


def task_names(rows: list[dict[str, str]]) -> list[str]:
    return sorted({r["name"].strip() for r in rows if len(r["name"].strip()) > 3}, key=str.lower)


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _write(name: str, what: str, source: str, note: str, names: list[str]) -> None:
    text = HEADER.format(what=what, source=source, note=note) + "".join(f"{n}\n" for n in names)
    (DATA / name).write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    vocab = Path(argv[0]) if argv else Path("../shared/vocab")
    DATA.mkdir(exist_ok=True)
    benchmarks = benchmark_names(_read(vocab / "benchmarks.csv"))
    _write(
        "benchmark_names.txt",
        "Benchmark and dataset names",
        "benchmarks.csv",
        "Split qualifiers cut; rare single words left out.",
        benchmarks,
    )
    _write(
        "metric_names.txt",
        "Metric names",
        "metrics.csv",
        "Size, cost and table-flag columns and test-set names left out.",
        metric_names(_read(vocab / "metrics.csv"), benchmarks),
    )
    _write("task_names.txt", "Task names", "tasks.csv", "", task_names(_read(vocab / "tasks.csv")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
