"""Write a large, realistic corpus in the arXiv metadata snapshot format (JSON Lines).

    .venv/bin/python benchmarks/make_corpus.py --papers 1000000 -o /tmp/corpus-1m.jsonl

Every paper is one of the seed abstracts (`seed/`, read with
`leaderboard.ingest.iter_papers`) with its names and numbers varied:

- model names the extractor finds in the seed abstract are replaced, consistently
  within the paper, by names drawn from a pool of generated model names (skewed,
  so that popular models are reported by many papers, as on arXiv);
- benchmark names by names drawn from BENCHMARKS (real benchmark names);
- numbers (not years, not single digits) are scaled by up to +-15%, keeping their
  decimals; percentages stay below 100.

So the claims are realistic (same sentences, same rules fire) and distinct
(different models, benchmarks and values), and the same model/benchmark pair
recurs across papers with different values: leaderboards, comparisons and
disagreements all have work to do. Output is deterministic for a given --seed.
Ids are unique new-style arXiv ids (yymm.nnnnn from 2015 on), abstracts are
unique (a repeat is re-drawn), and the fields are those of the snapshot
(id, submitter, authors, title, comments, journal-ref, doi, report-no,
categories, license, abstract, versions, update_date, authors_parsed).

`--claims-weight W` draws seed abstracts that have claims W times as often as
those without (default 1: as in the seed corpus, about 0.6 claims per abstract).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import itertools
import json
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from leaderboard.extract import extract_claims  # noqa: E402
from leaderboard.ingest import expand_paths, iter_papers  # noqa: E402

SEED = ROOT / "seed"

# Real benchmark names, the varied list generated papers report on.
BENCHMARKS = (
    "ImageNet",
    "ImageNet-1K",
    "ImageNet-21K",
    "ImageNet-V2",
    "ImageNet-R",
    "ImageNet-A",
    "CIFAR-10",
    "CIFAR-100",
    "MNIST",
    "Fashion-MNIST",
    "SVHN",
    "STL-10",
    "Places365",
    "iNaturalist 2018",
    "COCO",
    "LVIS",
    "Pascal VOC",
    "ADE20K",
    "Cityscapes",
    "KITTI",
    "nuScenes",
    "Waymo Open",
    "ScanNet",
    "ShapeNet",
    "ModelNet40",
    "Kinetics-400",
    "Kinetics-600",
    "Something-Something V2",
    "UCF101",
    "HMDB51",
    "AVA",
    "Charades",
    "ActivityNet",
    "MSR-VTT",
    "MSVD",
    "Flickr30k",
    "NoCaps",
    "VQAv2",
    "GQA",
    "OK-VQA",
    "TextVQA",
    "DocVQA",
    "ChartQA",
    "ScienceQA",
    "MMMU",
    "MathVista",
    "MMBench",
    "SEED-Bench",
    "POPE",
    "LLaVA-Bench",
    "GLUE",
    "SuperGLUE",
    "SQuAD",
    "SQuAD 2.0",
    "Natural Questions",
    "TriviaQA",
    "HotpotQA",
    "MS MARCO",
    "BEIR",
    "MTEB",
    "MMLU",
    "MMLU-Pro",
    "GSM8K",
    "MATH",
    "HumanEval",
    "MBPP",
    "HellaSwag",
    "ARC-Challenge",
    "ARC-Easy",
    "WinoGrande",
    "PIQA",
    "BoolQ",
    "OpenBookQA",
    "TruthfulQA",
    "BIG-Bench Hard",
    "DROP",
    "LAMBADA",
    "WikiText-103",
    "Penn Treebank",
    "C4",
    "The Pile",
    "WMT14 En-De",
    "WMT14 En-Fr",
    "WMT16 En-Ro",
    "WMT19 Zh-En",
    "IWSLT14 De-En",
    "FLORES-200",
    "XNLI",
    "PAWS-X",
    "TyDi QA",
    "MLQA",
    "XQuAD",
    "CoNLL-2003",
    "OntoNotes 5.0",
    "ACE 2005",
    "SNLI",
    "MultiNLI",
    "ANLI",
    "SST-2",
    "IMDb",
    "Yelp",
    "AG News",
    "CNN/DailyMail",
    "XSum",
    "SAMSum",
    "LibriSpeech",
    "Common Voice",
    "TIMIT",
    "VoxCeleb1",
    "AudioSet",
    "ESC-50",
    "LJSpeech",
    "MIMIC-III",
    "MIMIC-CXR",
    "CheXpert",
    "MedQA",
    "PubMedQA",
    "MedMCQA",
    "BraTS",
    "ISIC 2018",
    "Atari 100k",
    "D4RL",
    "MuJoCo",
    "Meta-World",
    "ALFWorld",
    "WebShop",
    "SWE-bench",
    "SWE-bench Verified",
    "LiveCodeBench",
    "APPS",
    "CodeContests",
    "Spider",
    "BIRD",
    "WikiSQL",
    "OGB-Arxiv",
    "OGBN-Products",
    "Cora",
    "Citeseer",
    "PubMed",
    "QM9",
    "ZINC",
    "MoleculeNet",
    "PDBbind",
    "CASP14",
    "ETTh1",
    "Weather",
    "Electricity",
    "Traffic",
    "M4",
    "MovieLens-1M",
    "Amazon-Book",
    "Criteo",
    "AlpacaEval 2.0",
    "MT-Bench",
    "Arena-Hard",
    "IFEval",
    "GPQA",
    "AIME 2024",
    "Long Range Arena",
    "RULER",
    "LongBench",
)

# Parts of generated model names: a family, an optional version, an optional size.
FAMILIES = (
    "Orion",
    "Nova",
    "Atlas",
    "Aurora",
    "Vega",
    "Helix",
    "Sirius",
    "Titan",
    "Lyra",
    "Cobalt",
    "Falcon",
    "Kestrel",
    "Osprey",
    "Condor",
    "Puffin",
    "Heron",
    "Quartz",
    "Basalt",
    "Granite",
    "Obsidian",
    "Zephyr",
    "Mistral",
    "Sirocco",
    "Monsoon",
    "Cirrus",
    "Stratus",
    "Nimbus",
    "Polaris",
    "Rigel",
    "Deneb",
    "Altair",
    "Antares",
    "Cygnus",
    "Draco",
    "Hydra",
    "Pegasus",
    "Phoenix",
    "Lynx",
    "Panther",
    "Jaguar",
    "MedLM",
    "BioNet",
    "ChemFormer",
    "GeoViT",
    "CodeSage",
    "MathNet",
    "VisionMix",
    "SpeechT",
    "GraphSAGE-X",
    "DeepSolve",
    "RoboFormer",
    "TabNet-X",
    "TimeMixer",
    "RecFormer",
    "SegNeXt",
    "DetFormer",
    "PointNeXt",
)
VERSIONS = ("", "", "-2", "-3", "-3.5", "-4", "-v2", "-XL", "-Pro", "-Lite", "-Instruct", "-Chat")
SIZES = ("", "", "", "-7B", "-13B", "-70B", "-1.3B", "-8B", "-S", "-B", "-L", "-H/14", "-Base", "-Large")
MODEL_POOL_SIZE = 20_000

# Enough for a realistic author line; names are never looked at by the pipeline.
FIRST_NAMES = (
    "Ana",
    "Wei",
    "Priya",
    "Jonas",
    "Fatima",
    "Kenji",
    "Lucia",
    "Omar",
    "Sofia",
    "Tomasz",
    "Mei",
    "Ravi",
    "Elena",
    "David",
    "Aisha",
    "Lukas",
    "Hana",
    "Carlos",
    "Yuki",
    "Ines",
)
LAST_NAMES = (
    "Silva",
    "Zhang",
    "Patel",
    "Muller",
    "Haddad",
    "Tanaka",
    "Rossi",
    "Khan",
    "Novak",
    "Kowalski",
    "Chen",
    "Sharma",
    "Ivanova",
    "Cohen",
    "Bello",
    "Schmidt",
    "Sato",
    "Garcia",
    "Kim",
    "Nguyen",
)
CATEGORIES = ("cs.CL", "cs.CV", "cs.LG", "cs.AI", "cs.IR", "cs.RO", "stat.ML", "eess.AS", "q-bio.QM")
CATEGORY_SETS = (*CATEGORIES, *(f"{a} {b}" for a in CATEGORIES for b in CATEGORIES if a < b))
CODE_LINKS = (
    "Code is available at https://github.com/{}/{}.",
    "Our code is released at https://github.com/{}/{}.",
)

# A number worth varying: not part of a word or name ('GPT-4', '4B', 'v2'), not a year.
NUMBER = r"(?<![\w.\-/])\d+(?:\.\d+)?(?![\w/]|\.\d)"
YEARS = range(1900, 2100)
PAPERS_PER_MONTH = 20_000


@dataclass(slots=True)
class Template:
    """A seed abstract cut into literal text and slots (a model, a benchmark or a number)."""

    title: list[str | tuple]
    abstract: list[str | tuple]
    has_claims: bool


def _slot_pattern(models: set[str], benchmarks: set[str]) -> re.Pattern:
    names = sorted(models | benchmarks, key=len, reverse=True)
    alternatives = [rf"(?<!\w)(?P<n{i}>{re.escape(name)})(?!\w)" for i, name in enumerate(names)]
    return re.compile("|".join([*alternatives, f"(?P<num>{NUMBER})"])), names


def _cut(text: str, pattern: re.Pattern, names: list[str], models: set[str], numbers: bool) -> list:
    pieces: list[str | tuple] = []
    at = 0
    for match in pattern.finditer(text):
        if match.group("num") is not None:
            if not numbers:
                continue
            slot = _number_slot(match.group("num"))
            if slot is None:
                continue
        else:
            name = names[int(match.lastgroup[1:])]
            slot = ("m" if name in models else "b", name)
        pieces.append(text[at : match.start()])
        pieces.append(slot)
        at = match.end()
    pieces.append(text[at:])
    return pieces


def _number_slot(text: str) -> tuple | None:
    value = float(text)
    decimals = len(text.split(".")[1]) if "." in text else 0
    if decimals == 0 and (value < 10 or int(value) in YEARS):
        return None
    return ("n", value, decimals)


def load_templates() -> list[Template]:
    """The distinct seed abstracts, each cut into text and slots."""
    templates, seen = [], set()
    for path in expand_paths([str(SEED)]):
        for paper in iter_papers(path):
            if paper.content_hash in seen:
                continue
            seen.add(paper.content_hash)
            claims = extract_claims(paper.abstract, paper.title)
            models = {n for c in claims for n in (c.model, c.baseline_model) if n and n in paper.abstract}
            benchmarks = {c.benchmark for c in claims if c.benchmark and c.benchmark in paper.abstract}
            pattern, names = _slot_pattern(models, benchmarks - models)
            templates.append(
                Template(
                    title=_cut(paper.title or "", pattern, names, models, numbers=False),
                    abstract=_cut(paper.abstract, pattern, names, models, numbers=True),
                    has_claims=bool(claims),
                )
            )
    return templates


def model_pool(rng: random.Random) -> list[str]:
    names: set[str] = set()
    while len(names) < MODEL_POOL_SIZE:
        if rng.random() < 0.5:
            names.add(rng.choice(FAMILIES) + rng.choice(VERSIONS) + rng.choice(SIZES))
        else:  # numbered variants, as papers number theirs
            names.add(f"{rng.choice(FAMILIES)}-{rng.randint(2, 99)}{rng.choice(SIZES)}")
    return sorted(names)


class Generator:
    """Draws varied papers from the templates; one instance per output file."""

    def __init__(self, seed: int, claims_weight: float) -> None:
        self.rng = random.Random(seed)
        self.templates = load_templates()
        weights = [claims_weight if t.has_claims else 1.0 for t in self.templates]
        self.models = model_pool(self.rng)
        self._cum_weights = list(itertools.accumulate(weights))
        self._drawn: set[int] = set()

    def paper_text(self) -> tuple[str, str]:
        rng = self.rng
        template = rng.choices(self.templates, cum_weights=self._cum_weights)[0]
        names: dict[str, str] = {}
        while True:
            title = self._fill(template.title, names, vary=False)
            abstract = self._fill(template.abstract, names, vary=True)
            key = hash(abstract)
            if key not in self._drawn:
                self._drawn.add(key)
                return title, abstract
            # A repeat (a template with nothing to vary, or bad luck): add a code link to tell it apart.
            user, repo = rng.choice(LAST_NAMES).lower(), f"repo{rng.randrange(10**9)}"
            link = rng.choice(CODE_LINKS).format(user, repo)
            template = Template(template.title, [*template.abstract, " " + link], template.has_claims)

    def _fill(self, pieces: list, names: dict[str, str], vary: bool) -> str:
        rng = self.rng
        out = []
        for piece in pieces:
            if piece.__class__ is str:
                out.append(piece)
            elif piece[0] == "n":
                out.append(_vary(piece[1], piece[2], rng.random()) if vary else str(piece[1]))
            else:
                name = names.get(piece[1])
                if name is None:
                    if piece[0] == "m":
                        # Skewed: the first models of the pool are reported by many papers.
                        name = self.models[int(len(self.models) * rng.random() ** 2)]
                    else:
                        name = BENCHMARKS[int(len(BENCHMARKS) * rng.random() ** 1.5)]
                    names[piece[1]] = name
                out.append(name)
        return "".join(out)


def _vary(value: float, decimals: int, u: float) -> str:
    varied = value * (0.85 + 0.3 * u)
    if value <= 100 < varied:
        varied = value + (100 - value) * u
    return f"{varied:.{decimals}f}"


def wrap(text: str, width: int = 80) -> str:
    """The snapshot's layout: two leading spaces, lines broken near `width`, a final newline."""
    lines, at = [], 0
    while len(text) - at > width:
        cut = text.rfind(" ", at, at + width)
        if cut <= at:
            cut = text.find(" ", at + width)
            if cut < 0:
                break
        lines.append(text[at:cut])
        at = cut + 1
    lines.append(text[at:])
    return "  " + "\n".join(lines) + "\n"


def arxiv_id(index: int, per_month: int) -> tuple[str, str, str]:
    """The id, submission time and update date of the paper at `index`."""
    year, month0 = divmod(index // per_month, 12)
    created, updated = _dates(2015 + year, month0 + 1, 1 + index % 28)
    return f"{15 + year:02d}{month0 + 1:02d}.{index % per_month + 1:05d}", created, updated


@functools.cache
def _dates(year: int, month: int, day: int) -> tuple[str, str]:
    date = dt.datetime(year, month, day, 17, 59, 59)
    return date.strftime("%a, %d %b %Y %H:%M:%S GMT"), date.date().isoformat()


def record(gen: Generator, index: int, per_month: int) -> str:
    rng = gen.rng
    title, abstract = gen.paper_text()
    paper_id, created, updated = arxiv_id(index, per_month)
    authors = [(rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)) for _ in range(1 + int(6 * rng.random()))]
    fields = {
        "id": paper_id,
        "submitter": f"{authors[0][0]} {authors[0][1]}",
        "authors": ", ".join(f"{first} {last}" for first, last in authors),
        "title": title,
        "comments": f"{8 + int(32 * rng.random())} pages",
        "journal-ref": None,
        "doi": None,
        "report-no": None,
        "categories": rng.choice(CATEGORY_SETS),
        "license": "http://creativecommons.org/licenses/by/4.0/",
        "abstract": wrap(abstract),
        "versions": [{"version": "v1", "created": created}],
        "update_date": updated,
        "authors_parsed": [[last, first, ""] for first, last in authors],
    }
    return json.dumps(fields, ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--papers", type=int, required=True, help="how many papers to write")
    ap.add_argument("-o", "--output", type=Path, required=True, help="the JSONL file to write")
    ap.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    ap.add_argument(
        "--claims-weight",
        type=float,
        default=1.0,
        help="draw seed abstracts with claims this many times as often (default 1)",
    )
    ap.add_argument(
        "--start",
        type=int,
        default=0,
        help="index of the first paper (ids follow it), to write disjoint parts",
    )
    args = ap.parse_args(argv)

    started = time.perf_counter()
    gen = Generator(args.seed + args.start, args.claims_weight)
    per_month = min(99_999, max(PAPERS_PER_MONTH, -(-(args.start + args.papers) // 120)))
    with args.output.open("w", encoding="utf-8") as out:
        for index in range(args.start, args.start + args.papers):
            out.write(record(gen, index, per_month) + "\n")
    took = time.perf_counter() - started
    print(
        f"{args.papers:,} papers -> {args.output} in {took:.1f} s ({args.papers / took:,.0f} papers/s)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
