"""Pairing numbers with coordinated lists in "respectively" sentences.

"95.1 and 96.3 on CIFAR-10 and CIFAR-100, respectively" gives each number the
list item of the same rank. The list's role is read from its items and
surroundings: metric names are metrics, language names are conditions, items
after "on/in/across" or next to "benchmarks/datasets/tasks" are benchmarks,
and system names introduced by "of" are models.
"""

from __future__ import annotations

import re

from leaderboard.extract import fields
from leaderboard.extract.benchmark import SPLIT_ONLY, STOP, clean_benchmark
from leaderboard.extract.decision import Decision
from leaderboard.extract.fields import METRIC_PHRASE
from leaderboard.extract.vocab import EFFICIENCY_WORDS, LANGUAGES, alternation

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
_SAYS_DATASETS = re.compile(r"\b(?:datasets?|benchmarks?|corpora|corpus|data\s+sets?)\b", re.IGNORECASE)
_MODEL_CUE = re.compile(r"\bof\s+(?:the\s+)?\Z", re.IGNORECASE)
_NAME_LIKE = re.compile(r"[A-Z].*[A-Z0-9]|[a-z][A-Z]|\d")
_LEAD = re.compile(r"^(?:(?:the|both|all|our)\s+)+", re.IGNORECASE)


def _items(text: str) -> list[str]:
    return [i for i in (_LEAD.sub("", x).strip(" ,") for x in _SPLIT.split(text.strip())) if i]


def _as_metrics(items: list[str]) -> list[str] | None:
    """The metric names when every item ends with one, with the qualifiers written before it
    ("execution accuracy and program accuracy": two metrics, not "accuracy" twice)."""
    found = [_METRIC_ITEM.search(i) for i in items]
    if all(found):
        return [_qualified(i, m) for i, m in zip(items, found, strict=True) if m]
    return None


def _names_systems(items: list[str]) -> bool:
    """Every item is name-shaped ("GPT-4", "mBERT"), or capitalised with one name-shaped among them
    ("BingChat, Bard, and ChatGPT")."""
    return all(_NAME_LIKE.search(i) for i in items) or (
        all(i[:1].isupper() for i in items) and any(_NAME_LIKE.search(i) for i in items)
    )


def _qualified(item: str, m: re.Match[str]) -> str:
    kept: list[str] = []
    for word in reversed(item[: m.start("m")].split()[-2:]):
        if not fields.qualifier_word(word):
            break
        kept.insert(0, word)
    return " ".join([*kept, m.group("m")])


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
    if _BENCH_CUE.search(before[-60:]) and (
        _SAYS_DATASETS.search(items[-1]) or not any(_ONE_METRIC.fullmatch(i) for i in items)
    ):
        # (not "on the X dataset and F1 = 82.7": a metric is no benchmark of the list, unless the
        # list says it holds datasets: "the ADE, CADEC and SMM4H benchmark datasets")
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


# Slashed lists: "46.8/38.6 box/mask AP", "P/R/F1 of 91.2/88.7/89.9", "83.9% top-1 / 96.6% top-5
# accuracy": numbers joined by "/" pair in order with as many slashed metric names.
_SLASH_WORD = r"[A-Za-z][\w@.&+-]*"
_NOT_HEAD = r"(?!(?:of|on|in|for|and|or|at|with|using|by|to|than|over|from|the|a|an)\b)"
_SLASHED = rf"(?P<l>{_SLASH_WORD}(?:\s*/\s*{_SLASH_WORD}){{1,5}})(?:\s+{_NOT_HEAD}(?P<head>{_SLASH_WORD}))?"
_SLASHED_AFTER = re.compile(rf"\s*%?\s*\(?\s*{_SLASHED}")
_SLASHED_BEFORE = re.compile(
    rf"{_SLASHED}\s*(?:\([^()]{{1,20}}\)\s*)?(?:(?:scores?\s+)?(?:of|=|:)|reach\w*|achiev\w*)?\s*\Z"
)
_NUMBER_SLASH = re.compile(r"\s*%?\s*/\s*")
# "83.9% top-1 / 96.6% top-5 ImageNet accuracy": each number's own qualifier, one head at the end.
_QUALIFIER_SLASH = re.compile(rf"\s*%?\s*(?P<m>{_SLASH_WORD})\s*/\s*")
_QUALIFIER_HEAD = re.compile(
    rf"\s*%?\s*(?P<m>{_SLASH_WORD})\s+(?:(?-i:[A-Z][\w-]*)\s+){{0,2}}(?P<head>{METRIC_PHRASE})(?!\w)",
    re.IGNORECASE,
)
_ONE_METRIC = re.compile(rf"{METRIC_PHRASE}", re.IGNORECASE)
# "P/R/F1": precision and recall abbreviated beside a metric of the same list.
_LETTER_ABBREVIATION = re.compile(r"[PR]")


def _is_metric(item: str) -> bool:
    from leaderboard.extract.names import is_metric_name  # the lists load once, at first use

    return _ONE_METRIC.fullmatch(item) is not None or is_metric_name(item)


def slashed_metrics(items: list[str], head: str | None) -> list[str] | None:
    """The metric of each slashed item: the item qualifying a shared head ("box/mask AP"), or the
    item itself when each is a metric ("EM/F1", "P/R/F1"); None when the list is no metrics."""
    if head and all(_ONE_METRIC.fullmatch(f"{i} {head}") for i in items):
        return [f"{i} {head}" for i in items]
    named = [_is_metric(i) for i in items]
    if any(named) and all(n or _LETTER_ABBREVIATION.fullmatch(i) for n, i in zip(named, items, strict=True)):
        return items
    return None


def slash_runs(text: str, tokens: list[tuple[int, int]]) -> list[tuple[list[int], list[str]]]:
    """(indexes of the numbers, their metrics) for each slashed run among `tokens` (the spans of one
    sentence's claims, in order)."""
    found: list[tuple[list[int], list[str]]] = []
    i = 0
    while i < len(tokens) - 1:
        j = i
        while j + 1 < len(tokens) and _NUMBER_SLASH.fullmatch(text, tokens[j][1], tokens[j + 1][0]):
            j += 1
        if j > i:  # "46.8/38.6": the names after the numbers, else before them
            run = list(range(i, j + 1))
            m = _SLASHED_AFTER.match(text, tokens[j][1])
            if m is None:
                m = _SLASHED_BEFORE.search(text, max(0, tokens[i][0] - 60), tokens[i][0])
            metrics = _read_slashed(m, len(run)) if m else None
            if metrics:
                found.append((run, metrics))
            i = j + 1
            continue
        while j + 1 < len(tokens) and _QUALIFIER_SLASH.fullmatch(text, tokens[j][1], tokens[j + 1][0]):
            j += 1
        if j > i:  # "83.9% top-1 / 96.6% top-5 ImageNet accuracy"
            last = _QUALIFIER_HEAD.match(text, tokens[j][1])
            if last is not None:
                quals = [
                    _QUALIFIER_SLASH.fullmatch(text, tokens[k][1], tokens[k + 1][0]) for k in range(i, j)
                ]
                words = [q.group("m") for q in quals if q] + [last.group("m")]
                metrics = slashed_metrics(words, last.group("head"))
                if metrics and len(metrics) == j - i + 1:
                    found.append((list(range(i, j + 1)), metrics))
            i = j + 1
            continue
        i += 1
    return found


def _read_slashed(m: re.Match[str], count: int) -> list[str] | None:
    items = [x.strip() for x in m.group("l").split("/")]
    if len(items) != count:
        return None
    return slashed_metrics(items, m.group("head"))


# "69.8/55.1/48.3/37.1 FPS": a cost unit after a slashed run makes every number of it a cost.
_COST_AFTER_SLASHED = re.compile(
    rf"\s*(?:{alternation(EFFICIENCY_WORDS)}|ms|gflops|tflops|params)\b", re.IGNORECASE
)


def pair_slashed_metrics(text: str, decisions: list[Decision]) -> None:
    """Give each number of a slashed run its own slashed metric, unless the numbers already read
    different metrics of their own; a run followed by a cost unit is a run of costs."""
    by_sentence: dict[tuple[int, int], list[Decision]] = {}
    for d in decisions:
        if d.claim is not None and d.verdict in ("score", "delta", "efficiency"):
            by_sentence.setdefault(d.sentence, []).append(d)
    for group in by_sentence.values():
        _mark_slashed_costs(text, group)
        group = [d for d in group if d.claim is not None and d.claim.kind != "efficiency"]
        spans = [(d.token.start, d.token.end) for d in group]
        for run, metrics in slash_runs(text, spans):
            claims = [group[k].claim for k in run]
            if len({c.metric for c in claims if c is not None and c.metric}) > 1:
                continue
            for c, metric in zip(claims, metrics, strict=True):
                if c is not None:
                    c.metric = metric
                    c.extra["metric_rule"] = "metric:slashed-list-in-order"


def _mark_slashed_costs(text: str, group: list[Decision]) -> None:
    run: list[Decision] = []
    for d in group:
        if run and _NUMBER_SLASH.fullmatch(text, run[-1].token.end, d.token.start):
            run.append(d)
            continue
        _cost_run(text, run)
        run = [d]
    _cost_run(text, run)


def _cost_run(text: str, run: list[Decision]) -> None:
    if len(run) > 1 and _COST_AFTER_SLASHED.match(text, run[-1].token.end):
        for d in run:
            if d.claim is not None:
                d.claim.kind = "efficiency"
                d.claim.metric = None
