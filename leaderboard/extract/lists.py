"""Pairing numbers with coordinated lists in "respectively" sentences.

"95.1 and 96.3 on CIFAR-10 and CIFAR-100, respectively" gives each number the
list item of the same rank. The list's role is read from its items and
surroundings: metric names are metrics, language names are conditions, items
after "on/in/across" or next to "benchmarks/datasets/tasks" are benchmarks,
and system names introduced by "of" are models.
"""

from __future__ import annotations

import re

from leaderboard.extract.benchmark import SPLIT_ONLY, STOP, clean_benchmark
from leaderboard.extract.fields import METRIC_PHRASE
from leaderboard.extract.vocab import LANGUAGES, alternation

# One word of an item: anything but a bare number ("92%", "0.5"), a list joiner or a stop word.
_ITEM_STOP = r"and|or|respectively|of|below|above|exceeding|beyond|around|about"
_W = (
    rf"(?<![\w\-.@])(?!\d+(?:\.\d+)?\s*%?(?:\s|,|$))(?!(?:{_ITEM_STOP}|{STOP})\b)"
    r"[\w(][\w\-./&'()+@]*"
)
_ITEM = rf"{_W}(?:\s+{_W}){{0,5}}"
# "A, B, and C" / "A and B".
COORDINATED = re.compile(rf"(?P<items>{_ITEM}(?:\s*,\s*{_ITEM}){{0,6}}\s*,?\s+and\s+{_ITEM})")
_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# An item that ends with a metric name: "with respective perplexity", "F1 metrics".
_METRIC_ITEM = re.compile(rf"(?:^|\s)(?P<m>{METRIC_PHRASE})(?:\s+metrics?)?$", re.IGNORECASE)
_LANGUAGE_ITEM = re.compile(rf"^{alternation(LANGUAGES)}$", re.IGNORECASE)
# The last preposition inside the first item: "methods in supervised learning" -> cue "in".
_PREP_IN_ITEM = re.compile(r"^.*\b(?P<p>on|in|across|for)\s+(?:the\s+)?(?P<rest>.+)$", re.IGNORECASE)
_BENCH_CUE = re.compile(
    r"(?:\b(?:on|in|across)\s+(?:the\s+)?|\b(?:benchmarks?|datasets?|tasks?)\s*[,:]?\s*)\Z", re.IGNORECASE
)
_MODEL_CUE = re.compile(r"\bof\s+(?:the\s+)?\Z", re.IGNORECASE)
_NAME_LIKE = re.compile(r"[A-Z].*[A-Z0-9]|[a-z][A-Z]|\d")
_LEAD = re.compile(r"^(?:(?:the|both|all|our)\s+)+", re.IGNORECASE)


def _items(text: str) -> list[str]:
    return [i for i in (_LEAD.sub("", x).strip(" ,") for x in _SPLIT.split(text.strip())) if i]


def _as_metrics(items: list[str]) -> list[str] | None:
    """The metric names when every item ends with one."""
    found = [_METRIC_ITEM.search(i) for i in items]
    if all(found):
        return [m.group("m") for m in found if m]
    return None


def _names_systems(items: list[str]) -> bool:
    """Every item is name-shaped ("GPT-4", "mBERT"), or capitalised with one name-shaped among them
    ("BingChat, Bard, and ChatGPT")."""
    return all(_NAME_LIKE.search(i) for i in items) or (
        all(i[:1].isupper() for i in items) and any(_NAME_LIKE.search(i) for i in items)
    )


def read_list(items: list[str], before: str) -> tuple[str, list[str]] | None:
    """(role, values) of a list, or None when its role is unknown."""
    metrics = _as_metrics(items)
    if metrics:
        return "metric", metrics
    if all(_LANGUAGE_ITEM.match(i) or SPLIT_ONLY.match(i) for i in items):
        return "condition", items  # languages, or splits ("test-clean and test-other sets")
    m = _PREP_IN_ITEM.match(items[0])
    if m:
        items = [m.group("rest"), *items[1:]]
        before = m.group("p") + " "
    if _MODEL_CUE.search(before[-20:]) and _names_systems(items):
        return "model", items
    if _BENCH_CUE.search(before[-60:]):
        return "benchmark", [clean_benchmark(i)[0] or i for i in items]
    return None


def coordinated_lists(sentence: str) -> list[tuple[str, list[str]]]:
    """(role, items) of every "A, B and C" list in the sentence whose role is known, each list
    also without its leading items ("two benchmarks, WikiQA and TREC-QA" -> also "WikiQA and TREC-QA")."""
    found = []
    for m in COORDINATED.finditer(sentence[:800]):
        starts = [m.start()] + [j.end() + m.start() for j in _SPLIT.finditer(m.group("items"))]
        items = _items(m.group("items"))
        if len(starts) != len(items):
            continue
        for first in range(max(0, len(items) - 2) + 1):  # also without leading items
            read = read_list(items[first:], sentence[: starts[first]])
            if read is not None and len(read[1]) >= 2:
                found.append(read)
    return found
