"""The shipped name lists (`data/*.txt`) as multi-pattern matchers, built once at import.

`find_benchmarks(text)` returns every whole-word occurrence of a leaderboard
benchmark name, longest first where names overlap, in one Aho-Corasick pass
(pyahocorasick): case and hyphen-versus-space differences are folded on both
sides ("Penn TreeBank", "CoNLL 2005" / "CoNLL-2005"), and the folding keeps
offsets, so a match indexes the original text. `is_metric_name` and
`is_task_name` look a phrase up in the other two lists.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

import ahocorasick

# Folding: same length in and out, so offsets into the folded text hold for the original.
# Brackets and separators fold to spaces too, so a name opens a word after "(" or "/" as after " ".
_FOLD = str.maketrans({c: " " for c in '-_\u2013()[],/;:"“”'} | {"’": "'"})


def fold(text: str) -> str:
    return text.lower().translate(_FOLD)


def _names(filename: str) -> list[str]:
    text = files("leaderboard.extract").joinpath("data", filename).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


_LETTER_DIGIT = re.compile(r"(?<=[a-z])(?=\d)")


def _automaton(names: list[str]) -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for name in names:
        key = fold(name)
        # "ADE20K" is also written "ADE-20K", "CoNLL2003" "CoNLL 2003": both spellings are keys
        for variant in {key, _LETTER_DIGIT.sub(" ", key), key.replace(" ", "")}:
            # a leading space: names match only where a word starts, so "ade" is not tried in "made"
            if variant.strip() and " " + variant not in auto:
                auto.add_word(" " + variant, len(variant))
    auto.make_automaton()
    return auto


BENCHMARK_NAMES: tuple[str, ...] = tuple(_names("benchmark_names.txt"))
METRIC_NAMES: frozenset[str] = frozenset(fold(n) for n in _names("metric_names.txt"))
TASK_NAMES: frozenset[str] = frozenset(fold(n) for n in _names("task_names.txt"))
_BENCHMARKS = _automaton(list(BENCHMARK_NAMES))
_LISTED_SPELLINGS: frozenset[str] = frozenset(BENCHMARK_NAMES)
# Last words of task names ("detection", "parsing"): a phrase ending in one names a task.
TASK_HEADS: frozenset[str] = frozenset(t.split()[-1] for t in TASK_NAMES if t.split())


def _boundary(text: str, start: int, end: int) -> bool:
    """Whole words: "Med" of "LVM-Med" or "Based" of "Model-Based" is no name of its own."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    joined_before = before == "-" and start > 1 and text[start - 2].isalnum()
    joined_after = after == "-" and text[end + 1 : end + 2].isalnum()
    return not (before.isalnum() or after.isalnum() or joined_before or joined_after)


def find_benchmarks(text: str) -> list[tuple[int, int]]:
    """(start, end) of every benchmark name in `text`: whole words, a capital or digit in the
    text itself (a name, not a common word), overlaps resolved to the longest."""
    found: list[tuple[int, int]] = []
    # every key that ends here (not iter_long: "DAVIS 2016 val" must not hide "DAVIS 2016" in
    # "DAVIS 2016 validation"), whole words only, then the longest of overlapping names
    for end_index, length in _BENCHMARKS.iter(" " + fold(text)):
        start, end = end_index - length, end_index  # offsets into " " + text, less the space
        if (
            _boundary(text, start, end)
            and _NAME_CHAR.search(text, start, end)
            and not _inside_name(text, start, end)
            and not _grammatical_capital(text, start, end)
        ):
            found.append((start, end))
    found.sort(key=lambda se: (se[0], -se[1]))
    kept: list[tuple[int, int]] = []
    for start, end in found:
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept


_PLAIN_WORD = re.compile(r"[A-Z][a-z]+")
_CAPITALISED_BEFORE = re.compile(
    r"(?<![\w-])(?!(?:The|On|In|For|With|And|Of|At|To|By|From|Our|We|This|These|Both|Across|Over|Using|On|As"
    r"|Than|Versus|Like|Including|Both)\s)[A-Z][\w-]*\s\Z"
)
_CAPITALISED_AFTER = re.compile(r"\s[A-Z]")


def _inside_name(text: str, start: int, end: int) -> bool:
    """A plain capitalised word ("Space", "Context") next to another capitalised word is part of a
    longer name ("Embedding Space Maps", "Context Optimization"), not a dataset of its own."""
    if not _PLAIN_WORD.fullmatch(text, start, end):
        return False
    return bool(
        _CAPITALISED_BEFORE.search(text, max(0, start - 30), start) or _CAPITALISED_AFTER.match(text, end)
    )


_NAME_CHAR = re.compile(r"[A-Z0-9]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+)\Z")


def _grammatical_capital(text: str, start: int, end: int) -> bool:
    """ "Based on ...": a plain word capitalised only because it opens a sentence is no name,
    unless the list spells it just so ("Cityscapes is ..."), unlike "BASED"."""
    return (
        _PLAIN_WORD.fullmatch(text, start, end) is not None
        and _SENTENCE_START.search(text, max(0, start - 3), start) is not None
        and text[start:end] not in _LISTED_SPELLINGS
    )


@lru_cache(maxsize=4096)
def is_metric_name(phrase: str) -> bool:
    return fold(phrase.strip()) in METRIC_NAMES


@lru_cache(maxsize=4096)
def is_task_name(phrase: str, exact: bool = False) -> bool:
    """A task as leaderboards name it, or (unless `exact`) a phrase that ends in a task's head noun."""
    folded = fold(phrase.strip())
    words = folded.split()
    return folded in TASK_NAMES or (not exact and len(words) > 0 and words[-1] in TASK_HEADS)


@lru_cache(maxsize=8192)
def holds_benchmark_name(phrase: str) -> bool:
    """`phrase` (a short candidate, often read again for the next claim) holds a known name."""
    return bool(find_benchmarks(phrase))


def is_benchmark_name(phrase: str) -> bool:
    """The whole phrase is a known benchmark name."""
    spans = find_benchmarks(phrase)
    return len(spans) == 1 and spans[0] == (0, len(phrase))
