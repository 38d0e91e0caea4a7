"""Pass 2 (benchmark): align a number with the DATASET mentions of its clause, else the focus.

`benchmark.py` reads a candidate phrase from the number's position ("on X",
"X (85.2%)", "X accuracy of"); this module checks it against the inventory:
- a candidate that holds a dataset mention is kept (position found it);
- otherwise a dataset named in the number's clause wins (first on its right up
  to the next number, else the nearest on its left);
- a candidate that is no name at all (hardware, time, a metric or grading word)
  gives way to the focus;
- with no candidate, the clause's dataset, then the focus.
Each choice returns the rule that made it, for `explain`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from leaderboard.extract import fields, names
from leaderboard.extract.inventory import Inventory, Mention

# What a resource or cost looks like, never an evaluation set.
_JUNK = re.compile(
    r"""\b(?:gpus?|tpus?|cpus?|card|machines?|hours?|minutes?|seconds?|days?|ms|epochs?|parameters?|params
    |layers?|flops|gflops|fps|state[-\s]of[-\s]the[-\s]art|sota|result|results|performance|baselines?|margin
    |average|depth|size|number|times?|leaderboards?|experiments?|subtasks?|tesla|v100|a100|titan|nvidia|rtx|gtx)\b
    |^\W*\w{0,2}\W*$""",
    re.VERBOSE | re.IGNORECASE,
)
# Rules whose benchmark is a guess: taken from outside the number's sentence (the focus, an earlier
# claim's), or a task or plain lower-case phrase where no dataset was found (none of those rows was
# right on the dev2 tuning boards). Their claims lose this much confidence and go to review rather
# than to a board (queries.BOARD_MIN_CONFIDENCE is 0.5; the surest rule gives 0.85).
DOUBTFUL_BENCHMARK_RULES = (
    "bench:focus",
    "bench:context",
    "bench:later-focus",
    "bench:position-task",
    "bench:position",
)
DOUBTFUL_BENCHMARK_PENALTY = 0.4
_NAME_SHAPE = re.compile(r"[A-Z]|\d")
_DIGIT = re.compile(r"\d")
# A counted or plural collection ("7 benchmarks", "all tasks", "downstream tasks") stays as written.
_COLLECTION = re.compile(r"\b(?:benchmarks|datasets|tasks|domains|languages|suites)\b", re.IGNORECASE)
# A comma (or "and") right before the number: what stands further left belongs to the item before.
_ENDS_PREVIOUS_ITEM = re.compile(r"(?:,|\band)\s*(?:and\s+)?(?:\w+\s+){0,2}\Z")
# Words that introduce members of a collection: "7 benchmarks including X", "(i.e., X, Y)".
_MEMBER_OF_COLLECTION = re.compile(
    r"(?:including|includes|such\s+as|e\.g\.,?|i\.e\.,?|like|namely|:|\()\s*(?:the\s+)?\Z", re.IGNORECASE
)
# A dataset written as a label of the number: "USMLE: 60.2%", "ADAM: Euclidean distance of 25.4".
# Also "improving BC4CHEMD to 93.72%", "pushing the WNLI benchmark to 89%".
_LABELLED = re.compile(
    r"\s*:\s*[^,;:()]{0,50}\Z|\s+(?:(?:benchmark|dataset|data\s+set|corpus|task)\s+)?to\s+\Z", re.IGNORECASE
)
# A short capitalised name as the label right before the number: "USMLE: 60.2%".
_NAME_LABEL = re.compile(
    r"(?:^|(?<=[,;(])|(?<=\.\s))\s*(?:and\s+)?(?P<n>[A-Z][\w\-.]*(?:\s[A-Z0-9][\w\-.]*){0,2})\s*:\s*\Z"
)
# A list joiner between a dataset and a number: the dataset belongs to the item before.
_ITEM_BREAK = re.compile(r",|\band\b")
# Where a number's clause ends on its right.
_CLAUSE_END = re.compile(
    r";|\b(?:while|whereas|but|which|respectively)\b|,\s*(?:and|outperforming|surpassing)\b"
)


def _clause_end(text: str, start: int, stop: int) -> int:
    m = _CLAUSE_END.search(text, start, stop)
    return m.start() if m else stop


def clause_datasets(
    inv: Inventory, text: str, sent: tuple[int, int], tok_start: int, tok_end: int, stop: int, left_from: int
) -> tuple[Mention | None, Mention | None]:
    """The datasets of the number's clause: the first on its right before `stop`, and the nearest
    on its left after `left_from` (the previous claim of the sentence). A number in brackets
    ("80.5% (7.7% gain), X accuracy ...") has no right side beyond its bracket."""
    right_end = _clause_end(text, tok_end, min(stop, sent[1]))
    opened = text.rfind("(", max(sent[0], left_from), tok_start)
    if opened >= 0 and text.find(")", opened, tok_start) < 0:
        closing = text.find(")", tok_end, right_end)
        right_end = closing if closing >= 0 else right_end
    right = _not_metric_acronyms(text, inv.in_span(tok_end, right_end))
    left = _not_metric_acronyms(text, inv.in_span(max(sent[0], left_from), tok_start))
    return (right[0] if right else None), (left[-1] if left else None)


# A metric spelled out right before a bracket: "Dice similarity coefficient (DSC)".
_METRIC_BEFORE_BRACKET = re.compile(rf"(?:{fields.METRIC_PHRASE})\s*\(\s*\Z", re.IGNORECASE)


def _not_metric_acronyms(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions that are not a metric's acronym in brackets ("Dice similarity coefficient
    (DSC)": DSC is also a dataset's name, but here it abbreviates the measure)."""
    return [
        m
        for m in mentions
        if not (
            text.startswith(")", m.end)
            and _METRIC_BEFORE_BRACKET.search(text, max(0, m.start - 60), m.start) is not None
        )
    ]


_NEXT_WORD = re.compile(r"[\s-]+(?P<w>[A-Za-z][\w-]*)")


def _names_a_metric(text: str, candidate: str, start: int, end: int) -> bool:
    """The phrase is a metric's name, or the start of one as written before the number
    ("Inception" of "Inception Score of 15.2")."""
    if fields.METRIC_ANY.fullmatch(candidate):  # (the leaderboard list also holds columns named
        return True  # for a test set, "CaseHOLD": only the curated vocabulary says a name is a metric)
    at = text.rfind(candidate, start, end)
    nxt = _NEXT_WORD.match(text, at + len(candidate), end) if at >= 0 else None
    if nxt is None:
        return False
    longer = f"{candidate} {nxt.group('w')}"
    return names.is_metric_name(longer) or fields.METRIC_ANY.fullmatch(longer) is not None


def is_junk(candidate: str) -> bool:
    """A phrase that no leaderboard would call a benchmark."""
    return _JUNK.search(candidate) is not None or names.is_metric_name(candidate)


@dataclass(frozen=True, slots=True)
class Candidate:
    """The phrase `benchmark.py` read for a number, and where: `right` ("85.2% on X"), `left`
    ("X (85.2%)", "X accuracy of 85.2"), `inherited` (the claim before it in the sentence) or
    `sentence` (anywhere earlier in the sentence)."""

    phrase: str | None
    source: str


def choose_benchmark(
    cand: Candidate,
    inv: Inventory,
    text: str,
    sent: tuple[int, int],
    tok: tuple[int, int],
    stop: int,
    left_from: int,
) -> tuple[str | None, str]:
    """(benchmark, rule) for one number: its own clause's dataset beats a phrase read further away."""
    candidate = cand.phrase
    if candidate is not None and cand.source != "right" and inv.is_training_data(candidate):
        candidate = None  # "pre-trained on X": X is what the model learnt from, not where it was measured
    if candidate is not None and _names_a_metric(text, candidate, sent[0], tok[0]):
        candidate = None  # "F1 = 82.7", "an Inception Score of 15.2": the measure, not the data
    right, left = clause_datasets(inv, text, sent, tok[0], tok[1], stop, left_from)
    if left is not None and _LABELLED.match(text, left.end, tok[0]):
        # "MedMCQA: 62.7%", "(REFUGE: 32.5 pixels, IDRiD: 32.1 pixels)"
        return left.text, "bench:dataset-label"
    label = _NAME_LABEL.search(text, max(sent[0], left_from), tok[0])
    if (
        label is not None
        and not is_junk(label.group("n"))
        and not fields.METRIC_ANY.fullmatch(label.group("n"))
    ):
        # "USMLE: 60.2%, ...": a name the lists do not know, written as the number's label
        return label.group("n"), "bench:name-label"
    if (
        right is not None
        and left is not None
        and cand.source in ("left", "inherited")
        and _ITEM_BREAK.search(text, left.end, tok[0])
    ):
        # "52.4% (+3.2%) on A, [66.5%] (+4.9%) on B", "4.4% on A and the F-measure gain of [5.0%] on B":
        # the dataset on the left closed the item before; the number's own is on its right
        return right.text, "bench:clause-dataset-right-of-list-item"
    if cand.source == "inherited" and (left or right) is not None:
        # "A to 93.7% (4.1% gain), [B] to 80.9%": the number's own dataset, on its left first
        # (nothing on its right reads as "on X", or the candidate would not be inherited)
        own = left or right
        assert own is not None
        if candidate is None or names.fold(own.text) not in names.fold(candidate):
            return own.text, "bench:own-clause-dataset"
    if (
        cand.source == "left"
        and right is not None
        and candidate is not None
        and _ENDS_PREVIOUS_ITEM.search(text, left_from, tok[0])
    ):
        # "52.4% on A, [66.5%] (+4.9%) on B": the phrase on the left closed the item before
        return right.text, "bench:clause-dataset-right-of-list-item"
    if candidate is not None and inv.is_dataset_name(candidate):
        return candidate, "bench:position+dataset"
    collection = candidate is not None and _COLLECTION.search(candidate) is not None
    if (
        cand.source == "right"
        and candidate is not None
        and not collection
        and _NAME_SHAPE.search(candidate)
        and not is_junk(candidate)
        and not names.is_task_name(candidate)
    ):
        # "99.40% on the MIT-BIH atrial fibrillation database with 5-s ECG segments": the name
        # read right after the number, not a known name further right
        return candidate, "bench:position-name-right"
    if (
        collection
        and left is not None
        and not _MEMBER_OF_COLLECTION.search(text, max(0, left.start - 20), left.start)
    ):
        # "on three reasoning tasks, pushing the WNLI benchmark to [89%]": the clause names which
        # (not a member named to describe the collection: "7 benchmarks including X and Y")
        return left.text, "bench:clause-dataset-over-collection"
    if right is not None and (not collection or cand.source != "right"):
        # ("outperformed X in three datasets, ... [2.4dB] ... in the benchmark WSJ0-2mix task": a
        # collection read away from the number gives way to the dataset of its clause)
        return right.text, "bench:clause-dataset-right"
    if candidate is not None and not is_junk(candidate) and (collection or _NAME_SHAPE.search(candidate)):
        return candidate, "bench:position-name"
    if left is not None and not collection:
        return left.text, "bench:clause-dataset-left"
    earlier = _not_metric_acronyms(text, inv.in_span(sent[0], tok[0]))
    if candidate is not None and not is_junk(candidate) and names.is_task_name(candidate):
        if earlier:
            # "On COCO test-dev, X achieves 55.7% box AP ..., [48.5%] mask AP for instance
            # segmentation": the task says what was measured, the sentence's dataset where
            return earlier[-1].text, "bench:sentence-dataset-over-task"
        return candidate, "bench:position-task"
    plain = candidate is not None and not is_junk(candidate)
    if plain and not earlier and inv.focus_at(sent[0]) is None:
        return candidate, "bench:position"  # a plain phrase, and no dataset to prefer
    if earlier:
        # "On the Cityscapes test set, X achieves 72.0% mIoU/273.6 FPS and [77.5%] mIoU ..."
        return earlier[-1].text, "bench:sentence-dataset-left"
    later = _not_metric_acronyms(text, inv.in_span(tok[1], sent[1]))
    if later and not _DIGIT.search(text, tok[1], later[0].start):
        # a dataset later in the sentence, unless another number stands between (it is that one's)
        return later[0].text, "bench:sentence-dataset-right"
    focus = inv.focus_at(sent[0])
    if focus is not None:
        return focus.text, "bench:focus"
    return None, "bench:none"


def _nearest_in_sentence(inv: Inventory, sent: tuple[int, int], tok: tuple[int, int]) -> Mention | None:
    """ "two benchmarks: A and B ... 84.6% on ...": a counted collection the sentence then names."""
    found = inv.in_span(sent[0], sent[1])
    if not found:
        return None
    return min(found, key=lambda m: (m.start < tok[1], abs(m.start - tok[1])))
