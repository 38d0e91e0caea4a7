"""Pass 1: the typed mentions of an abstract (and its title), and the focus per sentence.

A mention is a span of the text with a type: DATASET (a benchmark or dataset
name), SPLIT, SETTING, TASK, METRIC or SYSTEM, and the source that found it:
`vocab` (the shipped leaderboard name lists, `names.py`), `definition` ("the X
dataset", "X, a benchmark of ...", "Name (ACR) dataset"), or `title`. DATASET
mentions written where data is trained on ("pre-trained on X", "training on
the larger X dataset") are marked `training`: they are never a number's
benchmark and never the focus.

The focus of a sentence is the dataset most recently named before it in an
evaluation context (the title's datasets come first), so "this benchmark",
"the same dataset", "both" and numbers with no dataset of their own resolve
to it (`frames.py` decides that).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from leaderboard.extract import names
from leaderboard.extract.benchmark import clean_benchmark
from leaderboard.extract.fields import ACRONYM_LIKE, METRIC_ANY

# Data a model learns from rather than is evaluated on.
_TRAINING_BEFORE = re.compile(
    r"""(?:\b(?:pre-?trained|trained|training|fine-?tun\w*|distill\w*)\s+
    (?:\w+\s+){0,3}?(?:on|with|from|using)|\b(?:extra|additional|external)\s+(?:training\s+)?data
    (?:\s+(?:from|of))?)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?\Z""",
    re.VERBOSE | re.IGNORECASE,
)
_TRAINING_HINT = re.compile(r"train|tun|distil|extra|additional|external", re.IGNORECASE)
# "ImageNet pre-training", "a COCO-pretrained detector".
_TRAINING_AFTER = re.compile(r"[\s-]*(?:pre-?train\w*|fine-?tun\w*|trained)\b", re.IGNORECASE)
_PLAIN_WORD = re.compile(r"^[A-Z]?[a-z]+$")
_SPLIT = re.compile(
    r"""\b(?:test-dev|test-std|test-clean|test-other|dev-clean|dev-other
    |(?:(?:held-out|hidden|public|private|official|in-domain|out-of-domain)\s+)?
     (?:test|testing|validation|val|dev|development|evaluation)\s+(?:sets?|splits?|partitions?))\b""",
    re.VERBOSE | re.IGNORECASE,
)
# Settings that make numbers comparable or not ("zero-shot", "linear probe", "with 4000 labels").
_SETTING_MENTION = re.compile(
    r"""\b(?:zero-shot|one-shot|few-shot|\d+-shot|linear[-\s]prob(?:e|ing)|fine-tun(?:ed|ing)
    |(?:pre-?trained|trained)\s+on\s+[\w-]+|with(?:out)?\s+(?:extra|external|additional)\s+(?:training\s+)?data
    |with\s+\d[\d,]*\s+labels|single[-\s]model|ensemble)\b""",
    re.VERBOSE | re.IGNORECASE,
)
# Words that follow a definitional name but are no part of it.
_KIND_TAIL = re.compile(r"\s+(?:dataset|benchmark|challenge|test\s+set|corpus)s?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Mention:
    kind: str  # DATASET, SPLIT, SETTING, TASK, METRIC, SYSTEM
    start: int  # offsets into the abstract; -1 for the title
    end: int
    text: str
    source: str  # vocab, definition, title, pattern
    training: bool = False


@dataclass(slots=True)
class Inventory:
    """The DATASET mentions of one abstract (and its title), indexed for the frames pass:
    by position (`in_span`, `focus_at`, in log time) and by folded name (`is_dataset_name`)."""

    datasets: list[Mention]
    title_datasets: list[Mention]
    starts: list[int]
    own: str | None
    _evaluated: list[Mention] = field(default_factory=list)
    _eval_starts: list[int] = field(default_factory=list)
    _eval_ends: list[int] = field(default_factory=list)
    _known: frozenset[str] = frozenset()
    _trained_only: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self._evaluated = [m for m in self.datasets if not m.training]
        self._eval_starts = [m.start for m in self._evaluated]
        self._eval_ends = [m.end for m in self._evaluated]
        self._known = frozenset(names.fold(m.text) for m in self.datasets + self.title_datasets)
        evaluated = {names.fold(m.text) for m in self._evaluated}
        self._trained_only = frozenset(names.fold(m.text) for m in self.datasets if m.training) - evaluated

    def evaluated(self) -> list[Mention]:
        return self._evaluated

    def in_span(self, start: int, end: int) -> list[Mention]:
        """Evaluation datasets that lie within [start, end)."""
        i = bisect_left(self._eval_starts, start)
        out = []
        while i < len(self._evaluated) and self._evaluated[i].start < end:
            if self._evaluated[i].end <= end:
                out.append(self._evaluated[i])
            i += 1
        return out

    def focus_at(self, offset: int) -> Mention | None:
        """The evaluation dataset named last before `offset`, else the title's first."""
        i = bisect_right(self._eval_ends, offset)
        if i > 0:
            return self._evaluated[i - 1]
        return self.title_datasets[0] if self.title_datasets else None

    def is_dataset_name(self, phrase: str) -> bool:
        """`phrase` contains a dataset of this abstract, or is a known name."""
        low = names.fold(phrase)
        return any(k in low for k in self._known) or names.holds_benchmark_name(phrase)

    def names_a_dataset(self, phrase: str) -> bool:
        """`phrase` is exactly a dataset this abstract mentions."""
        return names.fold(phrase) in self._known

    def is_training_data(self, phrase: str) -> bool:
        """`phrase` names only data this abstract trains on ("pre-trained on the X dataset")."""
        low = names.fold(phrase)
        return any(t in low for t in self._trained_only)


# The resource words every definitional pattern ends in: the patterns run only just before one.
_KIND_WORDS = ("dataset", "benchmark", "challenge", "test set", "corpus", "suite", "testbed")


def _kind_words(text: str) -> list[int]:
    """Where a resource word starts (str.find is much cheaper than a case-blind regex scan)."""
    low = text.lower()
    found = []
    for word in _KIND_WORDS:
        at = low.find(word)
        while at >= 0:
            if at == 0 or not low[at - 1].isalnum():
                found.append(at)
            at = low.find(word, at + len(word))
    return sorted(found)


def _definitional(text: str) -> list[tuple[int, int, str]]:
    """ "the BraTS 2021 dataset", "TaskWeb, a large-scale benchmark": the name before a resource word,
    read backwards from each resource word (cheaper than searching the whole text)."""
    found: list[tuple[int, int, str]] = []
    for kind_start in _kind_words(text):
        window = text[max(0, kind_start - 100) : kind_start]
        name = _capitalised_run(window) or _introduced(window)
        if name is None:
            continue
        bench = clean_benchmark(name)[0]
        if bench:
            bench = _KIND_TAIL.sub("", bench)
            start = text.rfind(bench, max(0, kind_start - 100), kind_start)
            if start >= 0 and _NAME_CHAR.search(bench):
                found.append((start, start + len(bench), bench))
    return found


_NAME_CHAR = re.compile(r"[A-Z0-9]")
_WORD_OF_NAME = re.compile(r"^(?:[A-Z][\w\-./+]*|\d[\w\-./+]*)$")
_INTRODUCED_TAIL = re.compile(r"(?P<b>\b[A-Z][\w\-.]*[A-Z0-9][\w\-.]*),\s+an?\s+(?:[\w-]+\s+){0,4}?$")


def _capitalised_run(window: str) -> str | None:
    """Up to four capitalised words (a number may close them) right before the resource word."""
    if not window.endswith(" "):
        return None
    words = window.split()[-5:]
    run: list[str] = []
    for w in reversed(words):
        if w[-1] in ".;:!?" and run:
            break  # "... and Ultrasound. We benchmark": a sentence ends between the words
        if not _WORD_OF_NAME.match(w) or (
            w[0].isdigit() and run and not run[-1][0].isdigit() and len(run) > 1
        ):
            break
        run.append(w)
    while run and run[-1][0].isdigit():
        run.pop()  # a name opens with a capital: "2021" alone is no name
    return " ".join(reversed(run[:4])) if run else None


def _introduced(window: str) -> str | None:
    comma = window.rfind(", a")
    if comma < 0:
        return None
    m = _INTRODUCED_TAIL.search(window, max(0, comma - 40))
    return m.group("b") if m else None


def _datasets(text: str, own: str | None, source_offset: int = 0) -> list[Mention]:
    spans: dict[tuple[int, int], str] = {(s, e): "vocab" for s, e in names.find_benchmarks(text)}
    for s, e, _bench in _definitional(text):
        if not any(a <= s < b or a < e <= b for a, b in spans):
            spans[(s, e)] = "definition"
    out = []
    for (s, e), source in sorted(spans.items()):
        surface = text[s:e]
        if own and names.fold(surface) == names.fold(own):
            continue  # the paper's own system shares a leaderboard name ("Florence")
        training = (
            _TRAINING_BEFORE.search(text, max(0, s - 60), s) is not None
            or _TRAINING_AFTER.match(text, e) is not None
        )
        out.append(
            Mention(
                "DATASET",
                s + source_offset if source_offset >= 0 else -1,
                e + source_offset if source_offset >= 0 else -1,
                surface,
                source,
                training,
            )
        )
    return out


def take_inventory(text: str, title: str | None, starts: list[int], own: str | None) -> Inventory:
    """The DATASET mentions of `text` (normalised abstract) and of the title."""
    # a single plain word of a title ("Space", "Based") is too weak to be the abstract's dataset
    title_sets = (
        [
            Mention("DATASET", -1, -1, m.text, "title")
            for m in _datasets(title, own, -1)
            if not _PLAIN_WORD.match(m.text)
        ]
        if title
        else []
    )
    return Inventory(_datasets(text, own), title_sets, starts, own)


def describe(inv: Inventory, text: str) -> list[Mention]:
    """Every typed mention, for `explain_report`: datasets, splits, settings, metrics, the system.
    Only datasets steer the benchmark; the other kinds are read where a number needs them
    (`fields.py`), and listed here so a reader sees what the extractor could see."""
    out = list(inv.datasets)

    def free(start: int, end: int) -> bool:
        return not any(m.start < end and start < m.end for m in out)

    for m in _SPLIT.finditer(text):
        if free(m.start(), m.end()):
            out.append(Mention("SPLIT", m.start(), m.end(), m.group(0), "pattern"))
    for m in _SETTING_MENTION.finditer(text):
        if free(m.start(), m.end()):
            out.append(Mention("SETTING", m.start(), m.end(), m.group(0), "pattern"))
    for m in METRIC_ANY.finditer(text):
        out.append(Mention("METRIC", m.start("m"), m.end("m"), m.group("m"), "pattern"))
    for m in _NAME_TOKEN.finditer(text):
        if free(m.start(), m.end()) and ACRONYM_LIKE.search(m.group(0)) and names.is_metric_name(m.group(0)):
            out.append(Mention("METRIC", m.start(), m.end(), m.group(0), "vocab"))
    if inv.own:
        at = text.find(inv.own)
        out.append(Mention("SYSTEM", at, at + len(inv.own) if at >= 0 else -1, inv.own, "title/definition"))
    return sorted(out, key=lambda m: (m.start, m.kind))


_NAME_TOKEN = re.compile(r"\b[A-Za-z][\w&/-]{1,12}\b")
