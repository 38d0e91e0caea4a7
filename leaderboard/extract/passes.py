"""Fix-ups across the claims of one abstract, run after each claim has its own fields.

Each pass reads and amends `Decision.claim`s in place: benchmarks carried to
claims that have none, "respectively" lists paired in order, splits paired
as conditions, deltas paired with the scores they follow, bracketed changes
taking their claim's metric, and sentence-wide metrics.
"""

from __future__ import annotations

import re

from leaderboard.extract import benchmark, fields, lists, model
from leaderboard.extract.decision import LIST_GAP, Decision
from leaderboard.extract.inventory import Inventory, Mention
from leaderboard.records import Claim

_OUTPERFORM = re.compile(r"\b(?:outperform|surpass|beat|exceed)\w*\b|\bimprov\w*\s+(?:over|upon)\b")
# "an F1 of 88.1, only 0.3 points behind X", "within 0.05 of X", "a gap of 1.2 to X": a closeness
# figure after a score measures what the score measures.
_CLOSENESS = re.compile(r"\b(?:within|gaps?|behind|short\s+of)\b")
_CLOSE_TO_NAMED = re.compile(
    rf"\s*(?:%|points?|pp)?\s*(?:behind|of|to|from)\s+(?:the\s+)?"
    rf"(?P<name>{model.NAME})"
)


def backfill_benchmarks(decisions: list[Decision]) -> None:
    """A claim with no benchmark takes the one of the next claim of its sentence
    ("52.5% AP with Mask R-CNN and 52.1% AP with RetinaNet on COCO")."""
    following: Decision | None = None
    for d in reversed(decisions):
        if d.claim is None or d.claim.kind == "efficiency":
            continue
        if (
            d.claim.benchmark is None
            and following is not None
            and following.sentence == d.sentence
            and following.claim is not None
            and not d.claim.extra.get("averaged")
        ):
            d.claim.benchmark = following.claim.benchmark
        following = d


def fill_sentence_metrics(text: str, decisions: list[Decision]) -> None:
    """Claims without a metric take the one the sentence names for all ("as measured by the
    exact match metric"), or, for "outperforming X by 40%", the one of the claim they compare with."""
    named: dict[tuple[int, int], str | None] = {}
    before: Decision | None = None
    for d in decisions:
        if d.claim is None or d.claim.kind == "efficiency":
            continue
        if d.claim.metric is None:
            if d.sentence not in named:
                m = fields.MEASURED_BY.search(text, d.sentence[0], min(d.sentence[1], d.sentence[0] + 1000))
                named[d.sentence] = m.group("m") if m else None
            d.claim.metric = named[d.sentence]
        if (
            d.verdict == "delta"
            and before is not None
            and before.claim is not None
            and before.sentence == d.sentence
            and before.verdict == "score"
            and ";" not in text[before.token.end : d.token.start]
        ):
            close = _CLOSENESS.search(text, before.token.end, min(d.sentence[1], d.token.end + 20))
            if d.claim.metric is None and (
                close is not None or _OUTPERFORM.search(text, before.token.end, d.token.start)
            ):
                d.claim.metric = before.claim.metric
            if close is not None and d.claim.baseline_model is None:
                m = _CLOSE_TO_NAMED.match(text, d.token.end, d.sentence[1])
                if m and model.is_system_name(m.group("name")):
                    d.claim.baseline_model = m.group("name")
        before = d


_CLAUSE_BREAK = re.compile(r";|\b(?:while|whereas|but)\b")


def fill_terms_metrics(text: str, decisions: list[Decision]) -> None:
    """A claim with no metric takes the one written right after its bracketed annotation ("82.4%
    (+5.1% increase) top-1 accuracy"), else the one its clause names later with "in terms of"
    ("by 8.3% and 10.3% on A and B, in terms of dice coefficient"), unless a claim between names
    its own."""
    for k, d in enumerate(decisions):
        if d.claim is None or d.claim.metric is not None or d.verdict not in ("score", "delta"):
            continue
        after_bracket = fields.metric_after_bracket(text, d.token.end)
        if after_bracket is not None:
            d.claim.metric = after_bracket
            d.claim.extra["metric_rule"] = "metric:after-bracketed-annotation"
            continue
        end = min(d.sentence[1], d.token.end + 200)
        m = fields.IN_TERMS_OF.search(text, d.token.end, end)
        if m is None or _CLAUSE_BREAK.search(text, d.token.end, m.start()):
            continue
        own = [e for e in decisions[k + 1 :] if e.token.start < m.start() and e.claim and e.claim.metric]
        if not own:
            d.claim.metric = fields.tidy_metric(m.group("m"))
            d.claim.extra["metric_rule"] = "metric:in-terms-of-later-in-clause"


_ANAPHORIC_SET = re.compile(r"\b(?:these|those|both|all\s+(?:the\s+)?(?:three|four|five|six))\b", re.I)
# A sentence whose subject is the result or system of the sentence before: "This beats ...".
_REFERS_BACK = re.compile(r"\s*(?:This|It|These|They|Such)\b")


def carry_previous_sentence_metric(text: str, decisions: list[Decision]) -> None:
    """ "... achieves 68.1% accuracy on X. This beats prior results by over [12%]": changes in a
    sentence that names no metric measure what the sentence before measured, when its scores share
    one metric; as many changes as scores of different datasets "on these benchmarks" pair in order."""
    sentences: list[list[Decision]] = []
    for d in decisions:
        if d.claim is None or d.verdict not in ("score", "delta"):
            continue
        if sentences and sentences[-1][0].sentence == d.sentence:
            sentences[-1].append(d)
        else:
            sentences.append([d])
    for before, group in zip(sentences, sentences[1:], strict=False):
        if any(d.verdict != "delta" or (d.claim and d.claim.metric) for d in group):
            continue
        start, end = group[0].sentence
        if not _REFERS_BACK.match(text, start) or fields.METRIC_ANY.search(
            text, start, min(end, start + 600)
        ):
            continue
        scores = [d.claim for d in before if d.verdict == "score" and d.claim is not None]
        metrics = {c.metric for c in scores}
        if not scores or len(metrics) != 1 or None in metrics:
            continue
        benches = [c.benchmark for c in scores]
        pair = (
            len(group) == len(scores) > 1
            and len(set(benches)) == len(benches)
            and _ANAPHORIC_SET.search(text, start, end) is not None
        )
        for d, sc in zip(group, scores if pair else [scores[-1]] * len(group), strict=True):
            assert d.claim is not None
            d.claim.metric = sc.metric
            d.claim.extra["metric_rule"] = "metric:previous-sentence"
            if pair:
                d.claim.benchmark = sc.benchmark
                d.claim.extra["bench_rule"] = "bench:previous-sentence-in-order"


def inherit_annotated_metrics(decisions: list[Decision]) -> None:
    """ "80.5% (7.7% point absolute improvement)": the bracketed claim measures what the one
    before it measures."""
    before: Claim | None = None
    for d in decisions:
        if d.claim is None:
            continue
        if d.claim.extra.get("annotates") and before is not None and d.claim.metric is None:
            d.claim.metric = before.metric
        before = d.claim


def pair_lists(text: str, decisions: list[Decision]) -> None:
    """Give the claims of a "respectively" sentence the list items of the same rank."""
    by_sentence: dict[tuple[int, int], list[Decision]] = {}
    for d in decisions:
        if d.claim is not None and d.claim.kind != "efficiency":
            by_sentence.setdefault(d.sentence, []).append(d)
    for (s_start, s_end), group in by_sentence.items():
        sentence = text[s_start : min(s_end, s_start + 800)]
        if len(group) < 2:
            continue
        if "respective" not in sentence:
            _pair_list_metrics(text, group)
            continue
        for role, items in lists.coordinated_lists(sentence):
            for kind_group in (
                group,
                [d for d in group if d.verdict == "score"],
                [d for d in group if d.verdict == "delta"],
            ):
                if len(kind_group) == len(items):
                    _assign(kind_group, items, role)
                    break
        for run in _runs(group):  # "91.2 and 88.4 F1 on A and B, respectively": F1 for both
            if len(run) > 1:
                _share_metric(run, text[run[-1].token.end : min(run[-1].sentence[1], run[-1].token.end + 60)])


def _runs(group: list[Decision]) -> list[list[Decision]]:
    """The claims of a sentence cut into lists of adjacent items."""
    runs: list[list[Decision]] = []
    for d in group:
        if runs and d.in_list and d.token.start - runs[-1][-1].token.end <= LIST_GAP:
            runs[-1].append(d)
        else:
            runs.append([d])
    return runs


_SPLIT_JOIN = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or|/)\s*(?:the\s+)?", re.IGNORECASE)


def pair_splits(text: str, decisions: list[Decision]) -> None:
    """ "91.2 and 88.4 on the in-domain and out-of-domain test sets of X (respectively)": the split
    words are conditions, paired in order with as many numbers; one number takes the whole list."""
    by_sentence: dict[tuple[int, int], list[Decision]] = {}
    for d in decisions:
        if d.claim is not None and d.claim.kind != "efficiency":
            by_sentence.setdefault(d.sentence, []).append(d)
    for (s_start, s_end), group in by_sentence.items():
        m = benchmark.SPLITS_OF.search(text, s_start, min(s_end, s_start + 800))
        if m is None:
            continue
        near = [d for d in group if m.start() - 200 <= d.token.start < m.start()]
        splits = [" ".join(x.split()) for x in _SPLIT_JOIN.split(m.group("l")) if x.strip()]
        if len(splits) > 1 and len(near) == len(splits):
            _assign(near, splits, "condition")
        elif len(splits) == 1 or len(near) == 1:
            _assign(near, [" ".join(m.group("l").split())] * len(near), "condition")


def _pair_list_metrics(text: str, group: list[Decision]) -> None:
    """A list of numbers next to a list of as many metrics pairs in order even without
    "respectively": "3.2 and 0.9 lower FID and KID", "improves BLEU and METEOR by 2.1 and 1.4"."""
    for run in _runs(group):
        if len(run) < 2:
            continue
        before = text[max(run[0].sentence[0], run[0].token.start - 60) : run[0].token.start]
        after = text[run[-1].token.end : min(run[-1].sentence[1], run[-1].token.end + 60)]
        for window in (_NEAR_AFTER.match(after), _NEAR_BEFORE.search(before)):
            if window is None:
                continue
            read = [
                items
                for role, items in lists.coordinated_lists(window.group("l"))
                if role == "metric" and len(items) == len(run)
            ]
            if read:
                _assign(run, read[0], "metric")
                break
        else:
            _share_metric(run, after)
        _pair_benchmarks(run, after)


def _pair_benchmarks(run: list[Decision], after: str) -> None:
    """ "by 3.1 and 2.4 points on SST-2 and QNLI": as many benchmarks as numbers pair in order."""
    m = _BENCH_LIST_AFTER.match(after)
    if m is None:
        return
    for role, items in lists.coordinated_lists(m.group("l")):
        if (
            role == "benchmark"
            and len(items) == len(run)
            and all(benchmark.clean_benchmark(i)[0] for i in items)
        ):
            _assign(run, items, "benchmark")
            return


def _share_metric(run: list[Decision], after: str) -> None:
    """ "80.1 and 82.3 F1": one metric written after the list is shared by every item."""
    last = run[-1].claim
    if last is None or not last.metric or fields.METRIC_RIGHT.match(after) is None:
        return
    for d in run[:-1]:
        if d.claim is not None and d.claim.metric is None:
            d.claim.metric = last.metric


# A metric list right after a list of numbers (a change word may sit between) or right before it.
_NEAR_AFTER = re.compile(
    r"\s*(?:%|points?)?\s*(?:(?:lower|higher|better|worse|gains?|improvements?"
    r"|reductions?)\s+)?(?:(?:in|of)\s+(?:the\s+)?)?(?P<l>[^,;()]{3,50}?)"
    r"(?=\s+(?:on|in|for|across|over|than|compared)\b|[,;.()]|$)"
)
_BENCH_LIST_AFTER = re.compile(
    r"\s*(?:%|points?)?\s*(?:[\w-]+\s+){0,3}?"
    r"(?P<l>(?:on|in|across)\s+[^;()]{3,80}?)"
    r"(?=[,;.()]|$|\s+(?:respectively|with|using|over|compared|than|when|while)\b)"
)
_NEAR_BEFORE = re.compile(
    r"\b(?:improv|increas|boost|rais|lift|reduc|decreas|lower)\w*\s+(?:the\s+|its\s+)?"
    r"(?P<l>[^,;()]{3,50}?)\s+(?:by|to)\s+\Z"
)


def pair_deltas_with_scores(text: str, decisions: list[Decision]) -> None:
    """ "an EM of 71.0 and an F1 of 80.2 on X, beating Y by 2.1 and 1.8 points": a list of changes
    after as many scores, with no metric written after the changes, pairs with the scores in order
    (metric, and benchmark when the scores name different ones)."""
    by_sentence: dict[tuple[int, int], list[Decision]] = {}
    for d in decisions:
        if d.claim is not None and d.verdict in ("score", "delta"):
            by_sentence.setdefault(d.sentence, []).append(d)
    for group in by_sentence.values():
        first = next((k for k, d in enumerate(group) if d.verdict == "delta"), None)
        if first is None or first < 2:
            continue
        scores, deltas = group[:first], group[first:]
        if (
            len(scores) != len(deltas)
            or any(d.verdict != "delta" for d in deltas)
            or not all(d.in_list for d in deltas[1:])
        ):
            continue
        s_claims = [d.claim for d in scores if d.claim is not None]
        d_claims = [d.claim for d in deltas if d.claim is not None]
        metrics = [c.metric for c in s_claims]
        if None in metrics or any(c.metric not in (None, metrics[-1]) for c in d_claims):
            continue
        end = deltas[-1].token.end
        if fields.METRIC_RIGHT.match(text, end) or fields.METRIC_RIGHT_PREP.match(text, end):
            continue  # "by 2.1 and 1.8 points in EM": the changes name their own metric
        benches = [c.benchmark for c in s_claims]
        pair_bench = len(set(benches)) > 1 and all(c.benchmark in (None, benches[-1]) for c in d_claims)
        named = next((c.baseline_model for c in d_claims if c.baseline_model), None)
        for sc, dc in zip(s_claims, d_claims, strict=True):
            dc.metric = sc.metric
            if pair_bench:
                dc.benchmark = sc.benchmark
            if dc.baseline_model is None:
                dc.baseline_model = named


def _assign(group: list[Decision], items: list[str], role: str) -> None:
    for d, item in zip(group, items, strict=True):
        assert d.claim is not None
        if role == "condition":
            if d.claim.condition and item in d.claim.condition:
                continue  # "test set" already read from the sentence
            d.claim.condition = item if not d.claim.condition else f"{d.claim.condition}; {item}"
        else:
            setattr(d.claim, role, item)


def carry_sentence_metrics(text: str, decisions: list[Decision]) -> None:
    """A claim still without a metric takes the one of the nearest claim before it in its sentence
    ("88.2% MODA on X, outperforming the state of the art by [14.1%]") when it is a change, or a
    score on the same benchmark, and no semicolon stands between them."""
    before: Decision | None = None
    for d in decisions:
        if d.claim is None or d.claim.kind == "efficiency":
            continue
        if (
            d.claim.metric is None
            and before is not None
            and before.claim is not None
            and before.claim.metric
            and before.sentence == d.sentence
            and ";" not in text[before.token.end : d.token.start]
            # a score on another benchmark keeps no metric: "62.4 mAP on COCO, [80.36] on VQA" (spec)
            and (d.claim.kind == "delta" or d.claim.benchmark == before.claim.benchmark)
        ):
            d.claim.metric = before.claim.metric
        before = d


_DATASET_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|/|&)\s*(?:the\s+)?")


def pair_dataset_lists(text: str, decisions: list[Decision], inv: Inventory) -> None:
    """ "on DOTA, UCAS-AOD, HRSC with 76.6%, 97.0% and 90.5% mAP respectively", "a/b on X/Y": a run
    of datasets (from the inventory) joined by commas, "and" or "/" pairs in order with as many
    numbers of its sentence, when the sentence says "respectively" or writes both lists with "/"."""
    by_sentence: dict[tuple[int, int], list[Decision]] = {}
    for d in decisions:
        if d.claim is not None and d.claim.kind != "efficiency":
            by_sentence.setdefault(d.sentence, []).append(d)
    for (s_start, s_end), group in by_sentence.items():
        if len(group) < 2:
            continue
        sentence = text[s_start:s_end]
        slashed = "/" in text[group[0].token.end : group[-1].token.start]
        if "respective" not in sentence and not slashed:
            _pair_list_with_following_datasets(text, group, inv)
            continue
        for run in _dataset_runs(text, inv.in_span(s_start, s_end)):
            for kind_group in (group, [d for d in group if d.verdict == "score"]):
                if len(kind_group) == len(run) > 1:
                    for d, m in zip(kind_group, run, strict=True):
                        assert d.claim is not None
                        d.claim.benchmark = m.text
                        d.claim.extra["bench_rule"] = "bench:dataset-list-in-order"
                    break


# "71.1% AUC, 89.3% NP, and 73.0% AO on LaSOT, TrackingNet, and GOT-10k": a metric word may sit
# between the last number and "on" the datasets.
_ON_DATASETS = re.compile(r"\s*%?\s*(?:[\w@&-]+\s+){0,2}?(?:on|across)\s+(?:the\s+)?")


def _pair_list_with_following_datasets(text: str, group: list[Decision], inv: Inventory) -> None:
    """ "a, b and c METRIC on X, Y and Z": a run of numbers followed right away by a run of as many
    datasets pairs in order, "respectively" or not."""
    for run in _runs(group):
        if len(run) < 2:
            continue
        end = run[-1].token.end
        on = _ON_DATASETS.match(text, end, run[-1].sentence[1])
        if on is None:
            continue
        names = [
            r
            for r in _dataset_runs(text, inv.in_span(on.end(), run[-1].sentence[1]))
            if r[0].start == on.end()
        ]
        if names and len(names[0]) == len(run):
            for d, m in zip(run, names[0], strict=True):
                assert d.claim is not None
                d.claim.benchmark = m.text
                d.claim.extra["bench_rule"] = "bench:number-list-then-dataset-list"


def _dataset_runs(text: str, mentions: list[Mention]) -> list[list[Mention]]:
    runs: list[list[Mention]] = []
    for m in mentions:
        if runs and _DATASET_JOINER.fullmatch(text, runs[-1][-1].end, m.start):
            runs[-1].append(m)
        else:
            runs.append([m])
    return [r for r in runs if len(r) > 1]
