"""A benchmark name as papers write it, split into the benchmark and the settings it carries.

"COCO test-dev", "DAVIS 2017 (val)" and "LibriSpeech test-other" name a
benchmark plus a split, "MMLU (5-shot)" one plus a shot count, "English-to-German
WMT 2014" and "WMT14 English-German" one plus a language pair, "CIFAR-10, 250
labels" one plus a label budget.
The benchmark part is what resolves to an entity, so all of these join their
benchmark's board, and the settings go into the claim's condition key
(leaderboard.normalize.conditions), so they are ranked apart.

"ImageNet classification" or "the Penn Treebank dataset" end in words that
say what is measured rather than which data: `without_task` holds the name
without them, which resolution uses only when it is a curated benchmark and
the full name is not.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from leaderboard.normalize.conditions import (
    LABELS,
    SHOTS,
    language_pairs,
    shots_value,
    split_name,
)

# Split words at the end of a name, possibly several ('test/testother'), possibly in parentheses.
_SPLIT_WORD = (
    r"test[\s-]?dev|test[\s-]?std|test[\s-]?clean|test[\s-]?other|dev[\s-]?clean|dev[\s-]?other|minival"
    r"|test(?-i:[AB])|test|dev|development|val|validation|held[\s-]out"
)
TRAILING_SPLITS = re.compile(
    rf"""
    (?:^|[\s_,:-]+)\(?                                      # a separator, maybe an opening parenthesis
    (?P<splits>(?:{_SPLIT_WORD})(?:\s*[/&,]\s*(?:{_SPLIT_WORD}))*)
    (?:\s+(?:set|sets|split|splits|subset))?\)?\s*$        # 'test set', '(val)'
    """,
    re.VERBOSE | re.IGNORECASE,
)
SPLIT_WORD = re.compile(_SPLIT_WORD, re.IGNORECASE)
# Words after a benchmark's name that name the task or the kind of thing, not the data.
TASK_WORDS = re.compile(
    r"""
    [\s_-]+(?:image\s+classification|classification|object\s+detection|detection|recognition
       |semantic\s+segmentation|instance\s+segmentation|segmentation|captioning|retrieval
       |question\s+answering|translation|benchmark|dataset|data\s+set|data|corpus|challenge|task
       |leaderboard|test\s+suite)
    \s*$
    """,
    re.VERBOSE | re.IGNORECASE,
)
LEADING_ARTICLE = re.compile(r"^(?:the|a)\s+", re.IGNORECASE)
# What is left around a removed part: spaces, dangling punctuation, an empty '()'.
DANGLING = re.compile(r"^[\s,;:/_-]+|[\s,;:/_(-]+$|\(\s*\)")
# A split named alone that only one benchmark has (LibriSpeech's subsets).
IMPLIED_BENCHMARKS = {
    "test-clean": "LibriSpeech",
    "test-other": "LibriSpeech",
    "dev-clean": "LibriSpeech",
    "dev-other": "LibriSpeech",
}


@dataclass(frozen=True, slots=True)
class BenchmarkName:
    base: str  # the benchmark part, what resolves to an entity
    settings: dict[str, tuple[str, ...]] = field(default_factory=dict)  # setting -> values
    without_task: str | None = None  # base without trailing task words, when it has any

    def fixed(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The settings as a hashable tuple (for caches)."""
        return tuple(sorted(self.settings.items()))


@functools.lru_cache(maxsize=16384)
def read_benchmark_name(name: str) -> BenchmarkName:
    """The benchmark and the settings a written benchmark name carries."""
    text = " ".join(name.split())
    settings: dict[str, list[str]] = {}
    text = _take_language_pairs(text, settings)
    text = _take_labels(text, settings)
    text = _take_splits(text, settings)
    text = _take_shots(text, settings)
    base = _tidy(text)
    if not base:
        splits = settings.get("split", [])
        implied = IMPLIED_BENCHMARKS.get(splits[0].removeprefix("split=")) if len(splits) == 1 else None
        if implied is None:
            return BenchmarkName(" ".join(name.split()))  # nothing but settings: left as written
        base = implied
    without_task = _tidy(TASK_WORDS.sub("", LEADING_ARTICLE.sub("", base)))
    return BenchmarkName(
        base,
        {setting: tuple(dict.fromkeys(values)) for setting, values in settings.items()},
        without_task if without_task and without_task != base else None,
    )


def _take_language_pairs(text: str, settings: dict[str, list[str]]) -> str:
    for match, pair in reversed(language_pairs(text)):
        settings.setdefault("lang", []).append(f"lang={pair}")
        text = text[: match.start()] + " " + text[match.end() :]
    return text


def _take_labels(text: str, settings: dict[str, list[str]]) -> str:
    for match in reversed(list(LABELS.finditer(text))):
        if match["count"]:
            value = f"labels={match['count'].replace(',', '')}"
        elif match["share"]:
            value = f"labels={match['share']}%"
        else:
            continue
        settings.setdefault("labels", []).append(value)
        # '10% labeled data': the noun after the budget goes with it.
        rest = re.sub(r"^\s*(?:data|examples|samples|images)\b", "", text[match.end() :], flags=re.IGNORECASE)
        text = text[: match.start()] + " " + rest
    return text


def _take_shots(text: str, settings: dict[str, list[str]]) -> str:
    """'MMLU (5-shot)', 'PASCAL-5i (1-Shot)': a shot count at the end of the name."""
    for match in reversed(list(SHOTS.finditer(text))):
        if text[match.end() :].strip(" )") or not text[: match.start()].strip(" ("):
            continue
        settings.setdefault("shots", []).append(shots_value(match))
        text = text[: match.start()]
    return text


def _take_splits(text: str, settings: dict[str, list[str]]) -> str:
    match = TRAILING_SPLITS.search(text)
    if match is None:
        return text
    for word in SPLIT_WORD.findall(match["splits"]):
        canonical = split_name(word)
        if canonical:
            settings.setdefault("split", []).append(f"split={canonical}")
    return text[: match.start()]


def _tidy(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, DANGLING.sub("", text).strip()
    return " ".join(text.split())
