"""Benchmark resolver: the dataset, benchmark or task a number was measured on.

Benchmarks are found by structure, never by name: the phrase after "on"
(any), "in" (a name or a task noun), "for" (a task noun) or "across"
(a plural of task/dataset/benchmark) right of the number; else the last such
phrase on its left ("On the X dataset, ..."), a name before a bracket that
holds the number ("ImageNet (85.2%)"), or "the X dataset/benchmark" anywhere
in the sentence. The phrase is then trimmed of evaluative adjectives, split
names and trailing metric words.
"""

from __future__ import annotations

import re

from leaderboard.extract.fields import METRIC_PHRASE
from leaderboard.extract.vocab import LANGUAGES, alternation

_FLAGS = re.VERBOSE | re.IGNORECASE

# Words that end a benchmark phrase (prepositions, conjunctions, verbs).
STOP = (
    r"and|with|using|compared|when|while|by|over|than|respectively|relative|across|under|without|at|as"
    r"|where|which|down|up|to|from|for|on|in|via|through|after|thanks|surpassing|outperforming|achieving|reaching"
    r"|showing|demonstrating|against|vs|versus|whereas|but|or|is|are|was|were|improving"
    r"|yielding|despite|among|ranging|including|such|demonstrates?|shows?|indicates?|reveals?|suggests?|confirms?|proves?"
    r"|achieves?|outperforms?|improves?|yields?|leads?|has|have|can|does|do|we|our|it|that|this"
    r"|reduces?|increases?|enables?|allows?|makes?|requires?|uses?|retains?|retaining|maintains?"
    r"|maintaining|exhibits?|performs?|remains?|becomes?|offers?|provides?|reports?|sets?|gets?"
    r"|obtains?|attains?|reaches|surpass(?:es)?|beats?|matches|exceeds?|reveals?|were|be|been|being"
)
# One word of a benchmark name: "ImageNet-1K", "MedQA", "(USMLE)", "chest", "X-ray"; never ends in
# "." (a full stop) or "-". "R10@1" and "GTA→Cityscapes" are one word, and so is "English?German",
# where text extraction lost the arrow or dash.
_WORD = r"[\w(](?:[\w\-./&'+@)?→]*[\w)+])?"
_PHRASE = rf"(?P<b>(?!(?:{STOP})\b){_WORD}(?:\s+(?!(?:{STOP})\b){_WORD}){{0,7}})"
# Verbs after which "on X" is training data, not an evaluation.
_TRAINED = r"(?<!trained\s)(?<!pretrained\s)(?<!pre-trained\s)(?<!fine-tuned\s)(?<!finetuned\s)(?<!learned\s)"

# Split words: "the in-domain and out-of-domain test sets of X", "both the dev and test sets of X".
SPLIT_WORD = (
    r"(?:held-out|in-domain|out-of-domain|in-distribution|out-of-distribution|cross-domain|seen"
    r"|unseen|public|private|hidden|test|testing|validation|val|dev|development|evaluation|training|train)"
    r"(?:\s+(?:test|validation|dev|evaluation))?"
)
SPLIT_LIST = rf"{SPLIT_WORD}(?:\s*(?:,|,?\s*and|,?\s*or|/)\s*(?:the\s+)?{SPLIT_WORD})*"
SPLITS_OF = re.compile(
    rf"""\b(?:on|in|for)\s+(?:both\s+)?(?:the\s+)?(?P<l>{SPLIT_LIST})\s+(?:set|split|portion|subset|partition)s?
    \s+of\b""",
    _FLAGS,
)
# A preposition that introduces a benchmark phrase; "13 out of 18 tasks" keeps "18 tasks".
BENCH_PREP = re.compile(
    rf"""{_TRAINED}\b(?P<p>[Oo]n|[Ii]n|for|[Aa]cross|[Oo]ver|among)\s+(?:\d+\s+out\s+of\s+)?(?:both\s+)?
    (?:the\s+|a\s+|an\s+)?
    (?:(?i:{SPLIT_LIST})\s+(?:set|split|portion|subset|partition)s?\s+of\s+(?:the\s+)?)?{_PHRASE}
    (?:,\s+(?P<apposed>[A-Z][\w\-.]*(?:\s+[A-Z0-9][\w\-.]*){{0,2}}),)?     # "the math benchmark, MGSM," """,
    re.VERBOSE,
)
# "ImageNet (85.2%": the name before the bracket that holds the number.
BENCH_PAREN = re.compile(rf"(?<!\w)(?:\(\w\)\s*)?{_PHRASE}\s*\([^()]{{0,40}}\Z", re.VERBOSE)
# ... unless the name is a compared system: "surpassing CodeLlama-34B (42.1%)".
_COMPARED_BEFORE = re.compile(
    r"\b(?:surpass\w*|outperform\w*|beat\w*|exceed\w*|rival\w*|over|than|vs\.?|versus|compared\s+(?:to|with)"
    r"|against|like)\s+(?:th(?:at|ose)\s+of\s+)?(?:the\s+)?\Z",
    re.IGNORECASE,
)
# Verbs of change between a subject and its metric: "KIND lowers FID" names no benchmark.
_CHANGE_VERB = (
    r"(?:improv|lower|rais|boost|increas|reduc|decreas|enhanc|lift|cut|drop|achiev|reach"
    r"|obtain)\w*\b"
)
# "GLUE score to 80.5%", "MultiNLI accuracy to 86.7%", "LaSOT SUC score from": a name right before its metric.
BENCH_BEFORE_METRIC = re.compile(
    rf"""(?<![\w-])(?P<b>(?:[A-Z][\w\-.]*|[a-z]+[A-Z][\w\-.]*)(?:\s+(?:[A-Z][\w\-.]*|v?\d[\w.]*)){{0,3}})
    \s+(?:(?!(?:{STOP})\b|\w+ed\b|{_CHANGE_VERB})[a-z][\w-]*\s+){{0,3}}?
    (?:(?:with|in)\s+(?:the\s+|an?\s+)?)?                 # "ImageNet classification with top-1 accuracy"
    (?i:{METRIC_PHRASE}|performance\b|results?\b|state[-\s]of[-\s]the[-\s]art\s+of\b|record\s+of\b)""",
    re.VERBOSE,
)  # "a GTZAN state-of-the-art of 75.17%", "a new ImageNet record of 90.2%"
_METRIC_HERE = re.compile(METRIC_PHRASE, _FLAGS)
_HEDGE_WORDS = r"(?:up\s+to|about|around|nearly|over|more\s+than|at\s+least|an?\s+average\s+of|~)"
# "improves image understanding by 20%", "and image generation by 3.6%", "improve the average
# medical task performance of X from 36.2% to": what a change verb improves is what was measured.
OBJECT_OF_CHANGE = re.compile(
    rf"""(?:\b(?:improv|boost|enhanc|increas|rais|lift)\w*\s+|^\W*(?:,\s*)?and\s+)(?:the\s+|its\s+|their\s+)?
    (?P<b>(?!(?:{STOP}|upon)\b)[\w-]+(?:\s+(?!(?:{STOP}|of|by)\b)[\w-]+){{0,5}})  # not "improving over X by"
    (?:\s+of\s+[^,;]{{0,60}}?)?\s+(?:by|from\s+[\d.]+\s*%?\s+to)\s+(?:{_HEDGE_WORDS}\s+){{0,2}}\Z""",
    re.VERBOSE,
)
_PERFORMANCE_WORDS = re.compile(r"\s+(?:performance|results?|quality|capabilit(?:y|ies))$", re.IGNORECASE)
_PRIOR_WORDS = re.compile(
    r"^(?:best|previous|prior|state[-\s]of[-\s]the[-\s]art|sota|existing|baseline)\b", re.IGNORECASE
)
_GRADE_LEAD = re.compile(r"^(?:average|mean|overall)\s+", re.IGNORECASE)
_ONLY_GRADE = re.compile(r"^(?:mean|average|overall|general|the|its|their)?$", re.IGNORECASE)


def _object_of_change(clause: str) -> str | None:
    m = OBJECT_OF_CHANGE.search(clause[-160:])
    if m is None:
        return None
    phrase = _PERFORMANCE_WORDS.sub("", m.group("b"))
    phrase = _GRADE_LEAD.sub("", phrase)
    if _ONLY_GRADE.match(phrase) or _METRIC_HERE.search(phrase) or _PRIOR_WORDS.match(phrase):
        return None  # "the state-of-the-art NDTW": a metric; "the best reported results": a baseline
    bench, _ = clean_benchmark(phrase)
    return bench


# Grading adjectives: "highest classification accuracy" names no task.
_GRADE_WORDS = r"(?:\w+est|high|low|good|strong|better|best|overall|average|mean|top|new|similar)\b"
# Gerunds that are verbs here, not task names ("improving accuracy", "increasing box AP").
_GERUND_VERBS = (
    r"(?:improving|increasing|reducing|boosting|achieving|reaching|yielding|using|enhancing"
    r"|surpassing|outperforming|obtaining|attaining|setting|raising|lowering|matching|showing"
    r"|demonstrating|providing|bringing|pushing|getting|having|being|maintaining|retaining)\b"
)

# "improves intent classification performance", "slot filling F1": a task named before its metric.
TASK_BEFORE_METRIC = re.compile(
    rf"""(?<![\w-])(?P<b>(?!{_GERUND_VERBS}|{_GRADE_WORDS})[a-z][\w-]*\s+(?!{_GERUND_VERBS})[a-z][\w-]*(?:tion|ing|sis))
    \s+(?:{METRIC_PHRASE}|performance\b)""",
    _FLAGS,
)
SPLIT_ONLY = re.compile(
    r"""^(?:(?:official|public|private|held-out|heldout|hidden|blind|standard|the|our|its|their)\s+)*
    (?:(?:test|dev|validation|val|train|eval|evaluation)(?:[-\s](?:set|split|clean|other|dev|std|data))*
    |(?:set|split|partition|subset|fold)s?)$""",
    _FLAGS,
)
# "the X dataset", "X benchmark" anywhere in the sentence.
BENCH_NAMED = re.compile(
    r"(?P<b>(?:[A-Z][\w\-./+]*\s+){0,3}[A-Z][\w\-./+]*(?:\s+\d[\w\-./+]*)?)"  # "the BraTS 2021 dataset"
    r"\s+(?:dataset|benchmark|challenge|test\s+set|corpus)\b"
)

# Leading words that are not part of a benchmark name.
_LEADING = re.compile(
    r"""^(?:(?:challenging|popular|standard|widely[-\s]used|well[-\s]known|public|large-scale|held-out
    |common|classic|the|a|an|privately\s+held|famous|prestigious|recent|competitive
    |(?:a\s+)?(?:wide\s+)?(?:breadth|range|variety|number|set|suite|collection|family|majority)\s+of)\s+)+""",
    _FLAGS,
)
# Trailing words that name the split or the kind of resource, not the benchmark.
_TRAILING = re.compile(
    r"""(?:\s+(?:dataset|datasets|benchmark|benchmarks|test|validation|dev|set|sets|split|splits|challenge
    |leaderboard|tasks?|setups?|environment|suite|random|official|scenarios?|subset|track|test-dev|test-std
    |test-clean|test-other|dev-clean|dev-other|val|val\d{4}|test\d{4}|train|cohorts?|seen|unseen|(?:round|r|part|fold)\s?\d+))+$""",
    _FLAGS,
)
# Where a phrase ends if it names its resource kind: "the FluentAI dataset show that ...".
_KIND_WORD = re.compile(
    r"\b(?:dataset|benchmark|corpus|challenge|suite|(?:test|validation|val|dev)\s+set)s?\b", re.IGNORECASE
)
# "task A of the OLID 2019 dataset", "21 translation tasks of the CoVoST-2 benchmark": the named part.
_OF_NAMED = re.compile(r"\bof\s+(?:the\s+)?(?P<b>(?=[^a-z\s])[^\s].*)$")
# A phrase that is a setting, not a benchmark: "in seen environments", "on average", "for Swahili".
_NOT_BENCH = re.compile(
    rf"""^(?:(?:average|total|addition|particular|general|practice|turn|contrast|terms|comparison|this|that|these
    |those|it|each|every|some|other|our|their|its|which|such|most|top|par|line|both|only|spite|case|order)\b
    |(?:seen|unseen|zero|few|low|high)(?:-\w+)?\s+(?:settings?|scenarios?|environments?|regimes?|cases?)
    |(?:\d+|one|two|three|four|five|ten)\s*(?:million|billion|thousand|hundred)
    |(?:\d+|one|two|three|four|five|six|seven|eight|ten|sixteen|\w+ty)\s+(?:[\w-]+\s+)?
      (?:gpus?|tpus?|cores?|nodes?|machines?|devices?|days?|hours?|epochs?|steps?|seeds?|runs?)$
    |{alternation(LANGUAGES)}(?:\s+(?:dialects?|languages?|speakers?))?$
    |.*\b(?:settings?|scenarios?|regimes?|conditions?|instances|cases|methods?|models?|baselines?|approaches
      |systems?|agents?|techniques?|algorithms?|strategies|variants?|networks?|architectures?|backbones?
      |detectors?|encoders?|decoders?|\w*LLMs?|\w*PLMs?|classes|categories)$
    |[A-Za-z][\w.]*-[\w.]+/\d+$)""",
    _FLAGS,
)  # "ViT-g/14", "DiT-L/2": architecture names
# "in"/"for" phrases count as benchmarks only when they name something or a task.
_NAMED_OR_TASK = re.compile(
    r"""[A-Z]|\d|\b(?:\w+(?:tion|ing|ment|sis)|tasks?|datasets?|benchmarks?|evaluations?|challenges?)\b"""
)
_TASK_NOUN = re.compile(r"\b(?:\w+(?:tion|ing|ment|sis)|tasks?|datasets?|benchmarks?|evaluations?)\b")
_COLLECTION = re.compile(r"\b(?:tasks|datasets|benchmarks|domains|suites)\b")
_METRIC_ONLY = re.compile(rf"^(?:{METRIC_PHRASE})$", _FLAGS)
_TRAILING_METRIC = re.compile(rf"^(?P<b>.+?)\s+(?P<m>{METRIC_PHRASE})$", _FLAGS)
_HAS_NAME = re.compile(r"[A-Z]|[A-Za-z]\d|\d[A-Za-z]")


def _tidy(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:")


# "a retrospective study of 1,204 patients" cut at the number: a cohort, not a benchmark.
_COUNT_AT_END = re.compile(r"\bof\s+[\d,.]+$")


# Words that never begin or make up a benchmark name on their own.
_FUNCTION_WORDS = (
    r"the|a|an|our|this|these|those|that|its|their|his|her|it|we|they|them|which|what|both|all"
    r"|each|any|some|such|other|others|one|ones|same|here|there|former|latter"
)
_DETERMINER_LEAD = re.compile(r"^(?:(?:the|a|an)\s+)+", re.IGNORECASE)
_FUNCTION_ONLY = re.compile(rf"^(?:(?:{_FUNCTION_WORDS}|{STOP}|of)\b\W*)+$", re.IGNORECASE)
# A phrase led by a verb or participle is a clause, not a name: "exceeding nnU-Net", "compared with X".
_VERB_LED = re.compile(
    rf"""^(?:{_GERUND_VERBS}|(?:exceed|beat|outperform|surpass|rival|trail|compar|relat|match|follow)\w*\b
    |[a-z]+ing\s+(?=[A-Z]))""",
    re.VERBOSE,
)
# A bare resource word names no benchmark: "84.3% on the benchmark" refers to one named elsewhere
# (a qualified plural, "all tasks", "test datasets", is a collection and stays, as written).
_BARE_KIND = re.compile(r"^(?:benchmark|dataset|corpus|task|test\s+set|suite)s?$", re.IGNORECASE)


# "the easy one", "the other", "1": words that point back or a bare number, not a name.
_ANAPHOR = re.compile(
    r"^(?:(?:[\w-]+\s+)?(?:one|ones|other|others|former|latter)"
    r"(?:\s+(?:splits?|sets?|subsets?|benchmarks?|datasets?|tasks?))?|[\d.,%\s]+)$",
    re.IGNORECASE,
)


def sane_benchmark(phrase: str | None) -> str | None:
    """The last check on a benchmark value: leading determiners go; a phrase of function words
    only, a bare resource word or a verb-led clause is no benchmark."""
    if not phrase:
        return None
    phrase = _DETERMINER_LEAD.sub("", phrase).strip()
    if (
        not phrase
        or _FUNCTION_ONLY.match(phrase)
        or _VERB_LED.match(phrase)
        or _BARE_KIND.match(phrase)
        or SPLIT_ONLY.match(phrase)
        or _ANAPHOR.match(phrase)
    ):
        return None
    return phrase


def clean_benchmark(phrase: str) -> tuple[str | None, str | None]:
    """(benchmark, metric written after it): "XNLI accuracy" -> ("XNLI", "accuracy")."""
    bench, metric = _clean_benchmark(phrase)
    return sane_benchmark(bench), metric


def _clean_benchmark(phrase: str) -> tuple[str | None, str | None]:
    phrase = _tidy(phrase).rstrip(".,;:")
    if phrase.count("(") != phrase.count(")"):
        opened = phrase.count("(") > phrase.count(")")
        phrase = phrase.split("(", 1)[0].strip() if opened else phrase.rstrip(")")
    kind = _KIND_WORD.search(phrase)
    if kind and SPLIT_ONLY.match(phrase[: kind.end()]):  # "the validation set of CheXpert"
        phrase = phrase[kind.end() :].strip()
        kind = _KIND_WORD.search(phrase)
    if kind:
        phrase = phrase[: kind.end()]
    named = _OF_NAMED.search(phrase)
    if named and _HAS_NAME.search(named.group("b")):
        phrase = named.group("b")
    if not phrase or _NOT_BENCH.match(phrase) or SPLIT_ONLY.match(phrase) or _COUNT_AT_END.search(phrase):
        return None, None
    phrase = _LEADING.sub("", phrase)
    stripped = _TRAILING.sub("", phrase).strip()
    if stripped and _HAS_NAME.search(stripped):
        phrase = stripped
    if _METRIC_ONLY.match(phrase):
        return None, phrase
    metric = None
    m = _TRAILING_METRIC.match(phrase)
    if m:
        phrase, metric = m.group("b"), _tidy(m.group("m"))
    if not phrase or _METRIC_ONLY.match(phrase):
        return None, metric
    return phrase, metric


def _accept(p: str, raw: str) -> bool:
    """Whether a phrase after preposition `p` may be a benchmark."""
    p = p.lower()
    if p == "on":
        return True
    if p == "in":
        return _NAMED_OR_TASK.search(raw) is not None
    if p == "for":
        return _TASK_NOUN.search(raw) is not None
    return _COLLECTION.search(raw) is not None  # across, over, among


# Where the clause of a number ends on its right: the next number, a new clause, a closing bracket.
_CLAUSE_END = re.compile(
    r"""; | \b(?:while|whereas|but|which|after|during)\b  # a new clause (the caller cuts at the next claim)
    | ,\s*and\b                              # ", and on BIRD from ...": a coordinated clause
    | \band\s+(?:on|for)\s                     # "to 29.8 and on En-Fr to 43.1": the next item's benchmark
    | \band\s+\w+ing\b | ,\s*\w+ing\b        # "and reaching ...", ", outperforming ..."
    """,
    re.VERBOSE,
)
_PREP_AFTER_BRACKET = re.compile(r"\s*(?:on|in|across|over|among)\s")
_STD_AFTER = re.compile(r"\s*(?:±|\+/-|\+-)\s*[\d.]+\s?%?")
_SHARED_LIST = re.compile(r"(?:\s*(?:,|and|or|/)\s*(?:by\s+)?[+-]?\d+(?:\.\d+)?\s?%?)+")
_OPEN_BRACKET = re.compile(r"\([^()]*\Z")


def right_clause(right: str, left: str) -> str:
    """The right window cut at the end of the number's clause (at ")" when the number is bracketed)."""
    text = right[:150].rsplit(" ", 1)[0] if len(right) > 150 else right
    std = _STD_AFTER.match(text)  # "58.1 ± 0.4% on MMLU": the std is not the next number
    if std:
        text = " " * std.end() + text[std.end() :]
    if _OPEN_BRACKET.search(left[-60:]):
        inside, _, after = text.partition(")")
        # "(36.81% success rate) on the DTC benchmark": the bracket annotates a phrase whose
        # benchmark follows it; otherwise the clause ends with the bracket
        text = inside + " " + after if _PREP_AFTER_BRACKET.match(after) else inside
    lead = _SHARED_LIST.match(text)  # "4.7% and 15.5% on X": X is shared by the list
    m = _CLAUSE_END.search(text, lead.end() if lead else 0)
    return text[: m.start()] if m else text


def _named(m: re.Match[str]) -> str | None:
    """The apposed name of "the math benchmark, MGSM," if any."""
    return m.group("apposed") if m.group("apposed") and m.group("apposed") not in _SENTENCE_STARTERS else None


# A name alone in brackets right after the number: "from 62.3% to 70.1% (ImageNet-R)".
_BRACKETED_NAME = re.compile(r"\s*\((?P<b>[A-Z][\w\-./]*(?:\s[A-Z0-9][\w\-./]*){0,2})\)")


def from_right(right: str, left: str = "") -> tuple[str | None, str | None]:
    """First acceptable "on/in/for/across X" after the number, within its clause; a generic
    phrase gives way to a named dataset later in the clause ("in bird classification using
    the CUB dataset")."""
    clause = right_clause(right, left)
    metric = None
    bracket = _BRACKETED_NAME.match(right)  # "70.1% (ImageNet-R)"
    if bracket and _HAS_NAME.search(bracket.group("b")) and not _METRIC_HERE.search(bracket.group("b")):
        bench = clean_benchmark(bracket.group("b"))[0]
        if bench:
            return bench, None
    for m in BENCH_PREP.finditer(clause):
        if not _accept(m.group("p"), m.group("b")):
            continue
        bench, found_metric = clean_benchmark(m.group("b"))
        metric = metric or found_metric
        if bench:
            named = BENCH_NAMED.search(clause, m.end())
            if not _HAS_NAME.search(bench) and named:
                return clean_benchmark(named.group("b"))[0] or bench, metric
            return _named(m) or bench, metric
    return None, metric


def _accept_on_left(p: str, raw: str) -> bool:
    """On the left, "for X" is rarely the evaluation; "over/among X" must be a collection."""
    if p in ("over", "among"):
        return _COLLECTION.search(raw) is not None
    return p != "for" and _NAMED_OR_TASK.search(raw) is not None


def from_left(
    left: str, exclude: tuple[str | None, ...] = (), size: int = 200
) -> tuple[str | None, str | None]:
    """The nearest benchmark phrase on the left: a name before the bracket holding the number,
    a name before its metric ("MultiNLI accuracy to"), or "on/in/across X"."""
    clause = left[-size:]
    clause = clause[clause.rfind(";") + 1 :]
    if len(left) > size:
        clause = clause.split(" ", 1)[-1]
    m = BENCH_PAREN.search(clause)
    if m and _HAS_NAME.search(m.group("b")) and not _COMPARED_BEFORE.search(clause, 0, m.start("b")):
        bench, metric = clean_benchmark(m.group("b"))
        if bench:
            return bench, metric
    changed = _object_of_change(clause)
    if changed:
        return changed, None
    candidates = [
        (m.end(), m.group("b"))
        for m in BENCH_BEFORE_METRIC.finditer(clause)
        if m.group("b").split()[0] not in _SENTENCE_STARTERS
        and m.group("b") not in exclude
        and not _METRIC_HERE.match(clause, m.start("b"))
    ]  # "Pearson correlation" is one metric
    candidates += [
        (m.end(), _named(m) or m.group("b"))
        for m in BENCH_PREP.finditer(clause)
        if _accept_on_left(m.group("p").lower(), m.group("b"))
    ]
    # last resort: a lower-case task before its metric ("slot filling F1")
    fallback = [
        (m.end(), m.group("b"))
        for m in TASK_BEFORE_METRIC.finditer(clause)
        if not _METRIC_HERE.match(clause, m.start("b"))
    ]
    for group in (candidates, fallback):
        for _end, raw in sorted(group, reverse=True):
            bench, metric = clean_benchmark(raw)
            if bench:
                return bench, metric
    return None, None


# Capitalised words that open clauses, not benchmark names.
_SENTENCE_STARTERS = frozenset(
    {
        "The",
        "This",
        "These",
        "Our",
        "We",
        "It",
        "Its",
        "In",
        "On",
        "For",
        "With",
        "Using",
        "Compared",
        "Overall",
        "Finally",
        "Moreover",
        "Notably",
        "Experimental",
        "Extensive",
        "Empirical",
        "Strong",
        "Competitive",
        "Superior",
        "Comparable",
        "Promising",
        "Impressive",
        "Remarkable",
        "Significant",
        "Consistent",
        "SoTA",
        "SOTA",
        "State-of-the-art",
        "Human",
        "Such",
        "Further",
        "Additional",
    }
)


# "we evaluate on X", "experiments on X", "On X, ...": where earlier sentences say the evaluation ran.
_EVAL_ON = re.compile(
    rf"""(?:\b(?i:evaluat\w*|experiments?|tested|tests?|results?|benchmark\w*|assess\w*|validat\w*|performance)
    (?:\s+[\w-]+){{0,5}}?\s+on|(?:^|\.\s+)On)\s+(?:the\s+)?{_PHRASE}""",
    re.VERBOSE,
)


# "TaskWeb, a large-scale benchmark of ...": a name the paper introduces as an evaluation set.
_INTRODUCED = re.compile(
    r"(?P<b>\b[A-Z][\w\-.]*[A-Z0-9][\w\-.]*),\s+an?\s+(?:[\w-]+\s+){0,4}?(?:benchmark|dataset|suite|testbed|corpus)\b"
)
# "11 visual recognition datasets": a counted collection is an evaluation set too.
_COUNTED = re.compile(
    r"^(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s"
    r".*\b(?:datasets|benchmarks|tasks)\b",
    re.IGNORECASE,
)


def from_context(before: str) -> tuple[int, str] | None:
    """(end offset in `before`, name) of the last evaluation set the earlier sentences name
    ("We evaluate on the X benchmark.", "X, a new benchmark of ...", "on 11 datasets")."""
    found = None
    start = max(0, len(before) - 800)
    for pattern in (BENCH_NAMED, _EVAL_ON, _INTRODUCED):
        for m in pattern.finditer(before, start):
            if found is None or m.end() > found[0]:
                bench = clean_benchmark(m.group("b"))[0]
                if bench and (_HAS_NAME.search(bench) or _COUNTED.match(bench)):
                    found = (m.end(), bench)
    return found


def named_in_sentence(sentence: str) -> str | None:
    """ "the X dataset" / "X benchmark" anywhere in the sentence."""
    m = BENCH_NAMED.search(sentence[:600])
    return clean_benchmark(m.group("b"))[0] if m else None
