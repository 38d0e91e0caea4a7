"""From an abstract to claims: numbers -> rule verdicts -> fields -> pairing.

The steps, in order (`extract`):
1. `clean_keeping_offsets` makes a same-length copy, so offsets hold for the original text;
2. `sentence_bounds`, then `find_numbers` (at most MAX_NUMBERS_PER_SENTENCE per sentence);
3. `decide`: the first rule of `rules.RULES` that holds gives each number a verdict;
   a list item ("..., and 42%") may inherit the verdict of the item before it;
4. `build_claims`: fields for the numbers that are claims (benchmark: right of the
   number, left of it, the previous claim, the sentence, earlier sentences), baseline
   numbers attached to their claim, named baselines made claims of their own;
5. fix-ups across claims (`passes.py`): `backfill_benchmarks`, `pair_lists`
   ("respectively"), `pair_splits`, `pair_deltas_with_scores`,
   `inherit_annotated_metrics` ("80.5% (7.7% improvement)"), `fill_sentence_metrics`.
Everything a call remembers lives in local variables and a per-call `_Memo`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from leaderboard.extract import benchmark, fields, frames, lists, model
from leaderboard.extract.decision import LIST_GAP, Decision
from leaderboard.extract.inventory import Inventory, take_inventory
from leaderboard.extract.numbers import NumberToken, find_numbers
from leaderboard.extract.offset_text import clean_keeping_offsets
from leaderboard.extract.passes import (
    backfill_benchmarks,
    carry_previous_sentence_metric,
    carry_sentence_metrics,
    fill_sentence_metrics,
    fill_terms_metrics,
    inherit_annotated_metrics,
    pair_dataset_lists,
    pair_deltas_with_scores,
    pair_lists,
    pair_splits,
)
from leaderboard.extract.rules import LIST_JOINER, first_rule
from leaderboard.extract.sentences import WINDOW, evidence_bounds, sentence_bounds, sentence_of
from leaderboard.records import Claim

_HAS_DIGIT = re.compile(r"\d")
CLAIM_KINDS = frozenset({"score", "delta", "efficiency"})
# ", and on BIRD from 46.4% to [54.2%]": a coordinated clause that leaves its metric out.
# Between list items that share what follows: "4.7% and 15.5% on X".
# A bare comma separates items; "53.9 box AP and 46.4 mask AP on COCO": both were measured on COCO.
_SHARED_JOINER = re.compile(
    rf"\s*(?:{fields.METRIC_PHRASE}\s*)?(?:,\s*)?(?:and|or|/)\s*(?:by\s+)?\Z", re.IGNORECASE
)
# A number in brackets right after a claim: "16.28 (45 % absolute improvement)".
_ANNOTATION = re.compile(r"[^()]{0,12}\(\s*(?:an?\s+|up\s+to\s+|~\s*)?\Z")
# A change in apposition right after a claim: "an F1 of 88.2, a [3.4]-point improvement".
# "94.2% accuracy, an improvement of [2.3%]": what follows the number up to the comma is its own.
_APPOSED_CHANGE = re.compile(
    r"(?:\s*(?:%|points?)?\s+[^,;()]{1,50})?"
    r"\s*,\s*(?:(?:which\s+(?:is|corresponds\s+to|represents|amounts\s+to|means)|i\.e\.,?)"
    r"\s+)?an?\s+(?:further\s+)?"
    # ", an absolute reduction of [0.9%]"
    r"(?:(?:(?:absolute|relative|further|additional)\s+)*(?:improvement|gain|reduction"
    r"|increase|decrease|drop|boost|margin)\s+(?:of\s+)?)?\Z"
)
# "improve macro-F1 by 3.4 points on ..., and reach [88.9] on X": a coordinated result verb with no
# metric of its own continues the metric of the claim its subject reported before.
_COORDINATED_VERB = re.compile(
    r"^[^;]{0,120}?,?\s+and\s+(?:also\s+|then\s+)?(?:reach|achiev|attain|obtain"
    r"|scor|hit|get|deliver)\w*\s+(?:an?\s+)?(?:(?:up\s+to|about|nearly)\s+)?\Z"
)
_AVERAGED = re.compile(r"\s*(?:on\s+average|in\s+average|averaged\b|overall\b)", re.IGNORECASE)
_COORDINATED_CLAUSE = re.compile(r"\W{0,3}(?:,\s*)?and\b[^,;]{0,60}\Z")
# A "sentence" with more numbers than this is a table or noise, not prose: the numbers past
# the cap are not examined, which keeps degenerate inputs (10 MB of "1.5 1.5 ...") linear and fast.
MAX_NUMBERS_PER_SENTENCE = 64
# A named system right after a compared-against number: "25.04% by CLIP", "89.8% for GPT-4".
# "surpassing CodeLlama-34B (42.1%)": the named system before the bracket.
_NAMED_BEFORE_BRACKET = re.compile(  # "Faster R-CNN (37.4)": a capitalised word may lead the name
    rf"(?P<name>(?:(?!(?:The|Our|This|These|Its|Their|With|And|Than|Over|Compared)\b)[A-Z][a-z]+\s+)?{model.NAME})"
    r"\s*\(\s*\Z"
)
# "a Claude 3 baseline": a word and a version number, unless the word names a part or a stage.
_NAME_VERSION = (
    r"(?!(?:Table|Figure|Fig|Section|Task|Subtask|Level|Round|Step|Stage|Phase|Part|Track"
    r"|Setting|Experiment|Appendix|Equation|Eq|Group|Split|Fold|Type|Class|Grade|Day|Week|Year|Version)\b)"
    r"[A-Z][a-z]+\s\d+(?:\.\d+)?\b(?![.,]\d)"
)
_NAMED_AFTER = re.compile(
    rf"\s*(?:\)\s*)?(?:[^\s,;()]+\s+){{0,4}}?(?:by|of|for|from|with)\s+(?:the\s+|an?\s+)?"
    rf"(?P<name>{model.NAME}|{_NAME_VERSION})"
)


@dataclass(slots=True)
class _Memo:
    """What one extraction call remembers between claims (never shared between calls)."""

    inventory: Inventory
    context: dict[int, tuple[int, str] | None] = field(default_factory=dict)  # by sentence start
    last_benchmark: tuple[int, str] | None = None  # (offset, benchmark) of the latest claim with one
    settings: dict[int, list[str]] = field(default_factory=dict)  # by sentence start

    def settings_of(self, sentence_start: int, sentence: str) -> list[str]:
        if sentence_start not in self.settings:
            self.settings[sentence_start] = fields.sentence_settings(sentence)
        return self.settings[sentence_start]


def token_class(tok: NumberToken) -> str:
    if tok.unit:
        return tok.unit
    return "dec" if tok.has_decimal else "int"


def _previous_item(out: list[Decision], sent: tuple[int, int], cls: str, sign: str | None) -> Decision | None:
    """The nearest earlier number of the same sentence and class: the list item before this one
    ("4.9% for Llama 3.1 and [2.2%]" skips the version number; "52.4% (+3.2%) on A, [66.5%] on B"
    skips the bracketed change, which annotates an item rather than being one)."""
    for d in reversed(out[-6:]):
        if d.sentence != sent:
            return None
        if token_class(d.token) == cls and d.token.sign != "±" and not (d.token.sign == "+" and sign is None):
            return d
    return None


def decide(text: str, tokens: list[NumberToken], starts: list[int]) -> list[Decision]:
    """One verdict per number, in text order; list items inherit from the item before."""
    out: list[Decision] = []
    for tok in tokens:
        sent = sentence_of(starts, len(text), tok.start)
        left = text[max(sent[0], tok.start - WINDOW) : tok.start]
        right = text[tok.end : min(sent[1], tok.end + WINDOW)]
        prev = _previous_item(out, sent, token_class(tok), tok.sign)
        in_list = (
            prev is not None
            and tok.start - prev.token.end <= LIST_GAP
            and LIST_JOINER.search(text, prev.token.end, tok.start) is not None
        )
        rule = first_rule(token_class(tok), tok.sign, tok.value, left, right, in_list)
        if rule.name == "change_target" and prev is not None and prev.verdict == "baseline":
            in_list = prev.in_list  # "from 71.1 to 79.1 ..., and from 64.6 to [66.8]"
        verdict = rule.verdict
        if verdict == "inherit":
            verdict = prev.verdict if prev is not None else "reject"
            before = out[-1] if out and out[-1].sentence == sent else None
            if (
                before is not None
                and before is not prev
                and before.verdict == "baseline"
                and LIST_JOINER.search(text, before.token.end, tok.start) is not None
            ):
                verdict = "baseline"  # "0.61 and 72%, compared to 0.33 and [55%]": compared numbers
        out.append(Decision(tok, rule, verdict, sent, in_list))
    return out


def build_claims(
    abstract: str, text: str, decisions: list[Decision], own: str | None, inv: Inventory
) -> list[Claim]:
    claims: list[Claim] = []
    last_claim: Decision | None = None
    pending: Decision | None = None  # a baseline number written before any claim of its sentence
    memo = _Memo(inv)
    for i, d in enumerate(decisions):
        if last_claim is not None and last_claim.sentence != d.sentence:
            last_claim = None
        if pending is not None and pending.sentence != d.sentence:
            pending = None
        if d.verdict == "baseline":
            if last_claim is None and d.rule.name == "prior_art_value":
                pending = d
            _attach_baseline(abstract, text, decisions, i, last_claim, claims, own)
            continue
        if d.verdict not in CLAIM_KINDS:
            continue
        stop = _next_stop(text, decisions, i)
        d.claim = _make_claim(
            abstract, text, d, last_claim, own, memo, stop, _frame_stop(text, decisions, i, stop)
        )
        if d.rule.name == "change_target" and i > 0 and decisions[i - 1].verdict == "baseline":
            d.claim.baseline_value = decisions[i - 1].token.value
        elif pending is not None and d.verdict == "score":
            d.claim.baseline_value, pending = pending.token.value, None
        claims.append(d.claim)
        last_claim = d
    return claims


_ANNOTATION_OPENS = re.compile(r"\s*\(\s*\Z")


def _frame_stop(text: str, decisions: list[Decision], i: int, stop: int) -> int:
    """How far right a number's own dataset may be looked for: past a bracketed annotation that
    follows it ("66.49% (+4.9%) on ACE05": ACE05 is 66.49's), else where its right window stops."""
    d = decisions[i]
    if stop >= d.sentence[1] or not _ANNOTATION_OPENS.match(text[d.token.end : stop]):
        return stop
    close = text.find(")", stop, d.sentence[1])
    if close < 0:
        return stop
    later = [x.token.start for x in decisions[i + 1 :] if x.sentence == d.sentence and x.token.start > close]
    return later[0] if later else d.sentence[1]


def _next_stop(text: str, decisions: list[Decision], i: int) -> int:
    """Where the right window of claim `i` ends: at the next claim or baseline number of its
    sentence, unless that one only continues a list ("4.7% and 15.5% on X" share X)."""
    d = decisions[i]
    end = d.token.end
    for nxt in decisions[i + 1 :]:
        if nxt.sentence != d.sentence:
            break
        if nxt.verdict in CLAIM_KINDS or nxt.verdict == "baseline":
            if not _SHARED_JOINER.match(text, end, nxt.token.start):
                return nxt.token.start
            end = nxt.token.end
    return d.sentence[1]


def _make_claim(
    abstract: str,
    text: str,
    d: Decision,
    prev: Decision | None,
    own: str | None,
    memo: _Memo,
    stop: int,
    frame_stop: int,
) -> Claim:
    tok, (s_start, s_end) = d.token, d.sentence
    seg_start = max(s_start, tok.start - WINDOW, prev.token.end if prev else s_start)
    left = _whole_words(text, seg_start, tok.start, s_start)
    full_left = _whole_words(text, max(s_start, tok.start - 600), tok.start, s_start)
    right = text[tok.end : min(s_end, stop, tok.end + WINDOW)]
    sentence = text[s_start : min(s_end, s_start + 2000)]
    prev_claim = prev.claim if prev else None
    bench, bench_metric = benchmark.from_right(right, left)
    source = "right"
    if bench is None:
        bench, left_metric = benchmark.from_left(left, (own,))
        bench_metric, source = bench_metric or left_metric, "left"
    if bench is None and prev_claim is not None and ";" not in text[prev.token.end : tok.start]:
        bench, source = prev_claim.benchmark, "inherited"
    if bench is None:
        bench = benchmark.from_left(full_left, (own,), 600)[0] or benchmark.named_in_sentence(sentence)
        source = "sentence"
    bench, bench_rule = frames.choose_benchmark(
        frames.Candidate(bench, source),
        memo.inventory,
        text,
        d.sentence,
        (tok.start, tok.end),
        frame_stop,
        prev.token.end if prev else s_start,
    )
    if bench is None:
        if s_start not in memo.context:
            memo.context[s_start] = benchmark.from_context(text[:s_start])
        found = memo.context[s_start]
        earlier = memo.last_benchmark  # the last benchmark a claim of an earlier sentence had
        if earlier is not None and earlier[0] < s_start and (found is None or earlier[0] > found[0]):
            found = earlier
        bench = found[1] if found else None
        bench_rule = "bench:context" if bench else bench_rule
    if bench is None:
        # no dataset named so far: the first evaluation dataset a later sentence names ("outperform
        # X by ~[3%] AP at various scales. ... SpineNet-190 achieves 52.1% AP on COCO"), a guess
        later = memo.inventory.in_span(s_end, len(text))
        if later:
            bench, bench_rule = later[0].text, "bench:later-focus"
    own_of_prev = fields.METRIC_RIGHT.match(left) if prev is not None else None  # "62.4 mAP, [80.36]"
    metric = fields.resolve_metric(left[own_of_prev.end() :] if own_of_prev else left, right) or bench_metric
    if metric is not None and memo.inventory.names_a_dataset(metric):
        metric = None  # "80.66% on ADE": a dataset of this abstract, whatever the metric list says
    if metric is None and prev_claim is not None and (d.in_list or _COORDINATED_CLAUSE.match(left)):
        metric = prev_claim.extra.get("list_metric")
    if metric is None and prev_claim is not None and _COORDINATED_VERB.match(left):
        metric = prev_claim.metric
    annotates = (
        metric is None
        and prev_claim is not None
        and (
            _ANNOTATION.match(left) is not None
            or (d.verdict == "delta" and _APPOSED_CHANGE.match(text, prev.token.end, tok.start) is not None)
        )
    )
    unit = tok.unit or ("points" if fields.metric_unit_points(right) else None)
    ev_start, ev_end = evidence_bounds(d.sentence, tok.start, tok.end)
    found_model = model.sentence_model(full_left, own)
    confidence = d.rule.confidence - (0.15 if bench is None and metric is None else 0.0)
    claim = Claim(
        value=tok.value,
        kind=d.verdict,
        evidence=abstract[ev_start:ev_end].strip(),
        span=(tok.start, tok.end),
        value_text=abstract[tok.start : tok.end],
        model=found_model,
        benchmark=bench,
        metric=metric,
        value_high=tok.value_high,
        unit=unit,
        baseline_model=_baseline_name(model.baseline_model(left, right), memo.inventory)
        if d.verdict != "efficiency"
        else None,
        condition=fields.resolve_condition(left, right, memo.settings_of(s_start, sentence)),
        rule=d.rule.name,
        confidence=round(max(0.05, min(1.0, confidence)), 2),
    )
    claim.extra["list_metric"] = _list_metric(metric, d, prev_claim)
    claim.extra["bench_rule"] = bench_rule
    if bench_rule in frames.DOUBTFUL_BENCHMARK_RULES:
        claim.extra["doubtful_benchmark"] = bench
    claim.extra["model_rule"] = "model:own-system" if found_model == own else "model:sentence-subject"
    claim.extra["metric_rule"] = "metric:own-words" if metric else "metric:none"
    if _AVERAGED.match(right):
        claim.extra["averaged"] = True  # "10% on average, and 20% on X": X is not where 10% was measured
    if annotates:
        claim.extra["annotates"] = True  # takes the metric of the claim before, once lists are paired
    if bench is not None:
        memo.last_benchmark = (tok.start, bench)
    return claim


def _baseline_name(name: str | None, inv: Inventory) -> str | None:
    """A compared-against system; a dataset name in that place ("improves X to 91%") is none."""
    return None if name is None or inv.is_dataset_name(name) else name


def _whole_words(text: str, start: int, end: int, sentence_start: int) -> str:
    """text[start:end] without a word cut in half at its start (a window boundary)."""
    if start > sentence_start and text[start - 1].isalnum():
        space = text.find(" ", start, end)
        start = end if space < 0 else space + 1
    return text[start:end]


def _list_metric(metric: str | None, d: Decision, prev_claim: Claim | None) -> str | None:
    """The metric a following list item may borrow: only while every item so far shares it."""
    if not d.in_list or prev_claim is None:
        return metric
    return metric if metric == prev_claim.extra.get("list_metric") else None


def _attach_baseline(
    abstract: str,
    text: str,
    decisions: list[Decision],
    i: int,
    last_claim: Decision | None,
    claims: list[Claim],
    own: str | None,
) -> None:
    """A compared-against number: baseline_value of its claim, and a claim itself when named."""
    d = decisions[i]
    if d.rule.name == "change_source":
        return  # the "to" number that follows picks it up
    target = last_claim
    if d.rule.name in ("versus_value", "list_continuation"):
        target = _paired_claim(decisions, i) or target
    if d.rule.name == "prior_art_value" and last_claim is not None:
        # "scores of 92% and 94.3% ... previous highest scores of 83.4% and 87.5%" pair in order
        earlier = [
            x
            for x in decisions[:i]
            if x.sentence == d.sentence
            and x.claim is not None
            and x.claim.baseline_value is None
            and x.verdict == "score"
        ]
        target = earlier[0] if earlier else None
    if target is None or target.claim is None:
        return
    if target.claim.baseline_value is None:
        target.claim.baseline_value = d.token.value
    name = None
    if d.rule.name == "versus_value":
        m = _NAMED_AFTER.match(text, d.token.end, min(d.sentence[1], d.token.end + 60))
        name = m.group("name") if m else None
        if name is None and target.claim.baseline_model and target.claim.baseline_value == d.token.value:
            # "outperforms Swin ... (49.0 v.s. [48.5])": the system the sentence compares with
            name = target.claim.baseline_model
    elif d.rule.name == "compared_in_brackets":
        m = _NAMED_BEFORE_BRACKET.search(text, max(d.sentence[0], d.token.start - 60), d.token.start)
        name = m.group("name") if m else None
    if name and model.is_system_name(name):
        own_claim = target.claim
        if own_claim.baseline_value == d.token.value or own_claim.baseline_model is None:
            own_claim.baseline_model = name  # "surpassing A (85.1) and B (86.0)": A goes with 85.1
        named = Claim(
            value=d.token.value,
            kind="score",
            evidence=own_claim.evidence,
            span=(d.token.start, d.token.end),
            value_text=abstract[d.token.start : d.token.end],
            model=name,
            benchmark=own_claim.benchmark,
            metric=own_claim.metric,
            unit=d.token.unit,
            condition=own_claim.condition,
            rule="named_baseline_value",
            confidence=0.7,
        )
        claims.append(named)


def _paired_claim(decisions: list[Decision], i: int) -> Decision | None:
    """ "0.61 and 72%, compared to 0.33 and 55% for ...": a list of compared numbers after as many
    scores pairs with them in order."""
    d = decisions[i]

    def continues(j: int) -> bool:
        x = decisions[j]
        return x.sentence == d.sentence and x.verdict == "baseline" and x.rule.name == "list_continuation"

    first, last = i, i
    while (
        first > 0
        and continues(first)
        and decisions[first - 1].sentence == d.sentence
        and decisions[first - 1].verdict == "baseline"
    ):
        first -= 1
    while last + 1 < len(decisions) and continues(last + 1):
        last += 1
    total = last - first + 1
    if total < 2:
        return None
    earlier = [
        x
        for x in decisions[:first]
        if x.sentence == d.sentence and x.claim is not None and x.verdict == "score"
    ]
    return earlier[len(earlier) - total + i - first] if len(earlier) >= total else None


@dataclass(slots=True)
class Trace:
    """Everything one extraction decided, for `report.explain_report`: the normalised text, the
    sentence starts, every number's verdict (with its claim), the inventory and the paper's system."""

    text: str
    starts: list[int]
    decisions: list[Decision]
    inventory: Inventory | None
    own: str | None
    claims: list[Claim]


def run(abstract: str, title: str | None) -> Trace:
    """Both passes over one abstract, keeping what each decided."""
    if not abstract or _HAS_DIGIT.search(abstract) is None:
        return Trace(abstract or "", [0], [], None, None, [])
    text = clean_keeping_offsets(abstract)
    starts = sentence_bounds(text)
    tokens = find_numbers(text, starts, MAX_NUMBERS_PER_SENTENCE)
    decisions = decide(text, tokens, starts) if tokens else []
    if not any(d.verdict in CLAIM_KINDS for d in decisions):
        return Trace(text, starts, decisions, None, None, [])
    own = model.paper_model(text, title)
    inv = take_inventory(text, title, starts, own)
    claims = build_claims(abstract, text, decisions, own, inv)
    backfill_benchmarks(decisions)
    pair_lists(text, decisions)
    lists.pair_slashed_metrics(text, decisions)
    pair_dataset_lists(text, decisions, inv)
    pair_splits(text, decisions)
    pair_deltas_with_scores(text, decisions)
    fill_terms_metrics(text, decisions)
    carry_previous_sentence_metric(text, decisions)
    inherit_annotated_metrics(decisions)
    fill_sentence_metrics(text, decisions)
    carry_sentence_metrics(text, decisions)
    for c in claims:
        if c.benchmark is not None and benchmark.sane_benchmark(c.benchmark) != c.benchmark:
            # a list item or inherited value that is no name ("the", "outperforming X"): the sentence's
            c.benchmark = benchmark.sane_benchmark(c.benchmark) or benchmark.named_in_sentence(c.evidence)
            if c.benchmark is None:  # the evaluation set the earlier sentences name
                found = benchmark.from_context(text[: text.rfind(". ", 0, c.span[0]) + 1])
                c.benchmark = found[1] if found else None
        if c.extra.pop("doubtful_benchmark", None) == c.benchmark is not None:
            # a guessed benchmark (frames.DOUBTFUL_BENCHMARK_RULES): to review, not straight to a board
            c.confidence = round(max(0.05, c.confidence - frames.DOUBTFUL_BENCHMARK_PENALTY), 2)
        c.extra.pop("list_metric", None)
        c.extra.pop("annotates", None)
        c.extra.pop("averaged", None)
    claims.sort(key=lambda c: c.span)
    return Trace(text, starts, decisions, inv, own, claims)


def extract(abstract: str, title: str | None) -> list[Claim]:
    return run(abstract, title).claims


def explain(abstract: str) -> list[tuple[str, str, str]]:
    """(value text, verdict, rule name) for every number of `abstract`: why each was kept or left out."""
    if not abstract or _HAS_DIGIT.search(abstract) is None:
        return []
    text = clean_keeping_offsets(abstract)
    starts = sentence_bounds(text)
    tokens = find_numbers(text, starts, MAX_NUMBERS_PER_SENTENCE)
    decisions = decide(text, tokens, starts)
    return [(abstract[d.token.start : d.token.end], d.verdict, d.rule.name) for d in decisions]
