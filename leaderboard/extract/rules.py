"""Named rules that decide what a number is, tried in priority order.

Each `Rule` looks at one number (its class: "%", "points", "x", "int", "dec")
and at bounded text windows on its left and right within the sentence. The
first rule whose conditions all hold decides the verdict:

- ``reject``: not a claim (sizes, shares, years, versions, citations, ...);
- ``efficiency``: a cost figure, emitted with kind "efficiency";
- ``baseline``: the compared-against number of a nearby claim;
- ``delta`` / ``score``: a claim of that kind.

To add a rule: write a `Rule(...)` with a name, its verdict, an example it
matches, and place it in `RULES` above the rules it must win against. Keep the
patterns free of nested quantifiers over overlapping classes: windows are
short, but they are searched for every number.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from leaderboard.extract.fields import TASK_WORDS
from leaderboard.extract.vocab import (
    COMPARATIVES,
    DATA_NOUNS,
    DELTA_NOUNS,
    DELTA_VERB_STEMS,
    EFFICIENCY_WORDS,
    MAGNITUDES,
    METRIC_MODIFIERS,
    METRIC_WORDS,
    RESOURCE_NOUNS,
    SIZE_NOUNS,
    alternation,
)

METRIC = alternation(METRIC_WORDS)
MODIFIER = alternation(METRIC_MODIFIERS)
DELTA_NOUN = alternation(DELTA_NOUNS)
DELTA_VERB = alternation(DELTA_VERB_STEMS)
# Hedges between a cue and its number: "by up to 27.7%", "of around 38", "by an average of 8.61%".
HEDGE = (
    r"(?:(?:up\s+to|about|around|approximately|nearly|almost|roughly|over|more\s+than|at\s+least"
    r"|at\s+most|as\s+much\s+as|only|just|a\s+further|an?\s+(?:average|absolute|relative)\s+of"
    r"|on\s+average|~|>|<|=|≈|∼|(?<=\s)\?(?=\s))\s*){0,2}"  # "?": a "∼" lost to PDF-to-text
)
# Numbers a cue after them is shared with: "6.54 and 1.07 decrease", "3.2, 1.1 and 0.9 lower".
SHARED_LIST = r"(?:(?:\s*(?:,|and|or|/)\s*[+-]?\d+(?:\.\d+)?\s?%?){1,4}\s+)?"
# Text within one clause: no sentence stop; a period before a digit, comma or lower-case
# letter is a decimal point or an abbreviation ("by 5.1 and", "e.g., up to").
PROSE = r"(?:[^.;]|\.(?=[\d,a-z]))"
PROSE_NO_COMMA = r"(?:[^.;,]|\.(?=[\d,a-z]))"

# A word that does not join a new clause or introduce a benchmark ("and boosts", "on DROP").
_NOT_JOINER = r"(?!(?:and|or|but|while|whereas|which|then|on|in|for|at|across|over|with)\b)"

# A lower-case word that may stand between a number and its noun: not a preposition or verb.
_ADJECTIVE = (
    r"(?!(?:on|in|for|of|at|by|to|with|from|over|across|than|and|or|the|when|while|using"
    r"|compared)\b)[a-z][\w'-]*"
)

ANY = frozenset({"%", "points", "x", "int", "dec"})
RESULT_LIKE = frozenset({"%", "points", "dec"})


def _left(pattern: str) -> re.Pattern[str]:
    """A pattern for the left window; it must end right before the number."""
    return re.compile(pattern + r"\s*\Z", re.VERBOSE | re.IGNORECASE)


def _right(pattern: str) -> re.Pattern[str]:
    """A pattern matched at the start of the right window."""
    return re.compile(r"\s*" + pattern, re.VERBOSE | re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    verdict: str  # reject | efficiency | baseline | delta | score
    confidence: float
    example: str  # a phrase it matches; the number is the one in [brackets]
    classes: frozenset[str] = ANY  # number classes it applies to
    left: re.Pattern[str] | None = None
    right: re.Pattern[str] | None = None
    not_left: re.Pattern[str] | None = None
    not_right: re.Pattern[str] | None = None
    sign: str | None = None  # required sign of the number
    continues_list: bool = False  # only for a number that continues a list ("..., and 42%")
    check: Callable[[str, str], bool] | None = None  # extra test on (left, right)
    value_test: Callable[[float], bool] | None = None  # extra test on the value
    reach: int = 60  # characters of the left window the `left` pattern may need
    hints: tuple[str, ...] = ()  # cheap prefilter: lower-case strings one of which the left reach holds


# Joiner between list items: "80%, 50.05%", "10% and 38%", "by 25.1%, and by 71%".
LIST_JOINER = _left(
    r"(?:(?:,|,?\s+and|,?\s+or|/|;)\s+(?:by\s+|of\s+|to\s+|from\s+)?|\(\s*(?:e\.g\.,?\s*)?"
    r"(?:[a-z]+\s+){0,4}?|(?<=[\d%])/)" + HEDGE  # "46.8/[38.6]", "85.4%/[86.2%]": a slashed pair
)
# A metric word ending the left window ("BLEU 28.4" is a score, not a version).
_METRIC_AT_END = _left(r"\b" + METRIC + r"(?:\s+scores?)?")
# Words after a cue that say its number measures a change.
_CHANGE_WORDS = re.compile(r"\b(?:" + DELTA_VERB + r"\w*|" + METRIC + r")\b", re.IGNORECASE)


def _no_quality_word_between(left: str, right: str) -> bool:
    """Efficiency cue counts only if no metric or improvement word sits between it and the number."""
    m = _EFFICIENCY_BEFORE_GAP.search(left)
    return m is None or _CHANGE_WORDS.search(m.group("gap")) is None


_EFFICIENCY_BEFORE_GAP = re.compile(
    r"\b" + alternation(EFFICIENCY_WORDS) + r"s?\b(?P<gap>" + PROSE_NO_COMMA + r"{0,60}?)\s*\Z", re.IGNORECASE
)

# "95% CI", "(95% confidence interval: 0.84 to 0.90)": the level and the bounds of an interval.
_CI_RIGHT = re.compile(r"\s*(?:CI|C\.I\.|(?:confidence|credible|uncertainty)\s+intervals?)\b", re.IGNORECASE)
_CI_LEFT = re.compile(
    r"(?:\bCI|\bC\.I\.|\bintervals?)\s*(?:[:=,]|of|was|is|from)?\s*[(\[]?\s*\Z", re.IGNORECASE
)

_PREFERENCE_AFTER = re.compile(
    r"\)?\s*of\s+(?:the\s+|all\s+)?(?:[\w-]+\s+){0,2}?[\w-]+\s+"
    r"(?:preferred|chose|favou?red|rated|judged)\b",
    re.IGNORECASE,
)


def _in_interval(left: str, right: str) -> bool:
    """The level or a bound of a confidence interval (cheap substring tests first)."""
    head, tail = right[:40], left[-40:]
    if ("CI" in head or "C.I." in head or "nterval" in head) and _CI_RIGHT.match(right):
        return True
    return ("CI" in tail or "C.I." in tail or "nterval" in tail) and _CI_LEFT.search(tail) is not None


_SHARE_AFTER = re.compile(r"\s*(?:%\s*)?of\s+(?:the|its|their|a|an)\b", re.IGNORECASE)

# Words that make a bare percentage read as a result ("... answers 64.2% of the questions correctly").
_RESULT_CONTEXT = re.compile(
    r"\b(?:" + METRIC + r"|perform\w*|result\w*|correct\w*|succe\w*|solv\w*|prefer\w*|win\w*|pass\w*"
    r"|state[-\s]of[-\s]the[-\s]art|sota|outperform\w*|surpass\w*|achiev\w*|reach\w*|obtain\w*"
    r"|attain\w*|score\w*|detect\w*|identif\w*)\b",
    re.IGNORECASE,
)

_METRIC_OF_LEFT = _left(r"\b" + METRIC + r"(?:\s+scores?)?(?:\s*\([\w-]+\))?\s*(?:of|=|:|is|was)\s*" + HEDGE)
# Units that are also counted nouns (`SIZE_NOUNS`): after "METRIC of" the number is a score, not a count.
_MEASURE_UNIT = r"(?:pixels?|days?|hours?|minutes?|seconds?|ms|bits?(?:\s+per\s+\w+)?|bits?/\w+|frames?)\b"

RULES: tuple[Rule, ...] = (
    # --- not results ------------------------------------------------------------------
    Rule("std_after_plus_minus", "reject", 0.95, "85.2 ± [0.3]", sign="±"),
    Rule(
        "named_spread",
        "reject",
        0.9,
        "98.3% with a standard deviation of [0.13], variance of [0.02]",
        left=_left(
            r"\b(?:standard\s+deviations?|std\.?|s\.d\.|variances?|standard\s+errors?)\s*(?:of|=|:|is|was)?\s*"
        ),
        hints=("standard", "std", "s.d.", "varian"),
    ),
    Rule(
        "citation",
        "reject",
        0.9,
        "as shown in [[12]]",
        left=_left(r"\[(?:\s*\d+\s*[,;-])*"),
        right=_right(r"(?:[,;-]\s*\d+\s*)*\]"),
        hints=("[",),
    ),
    Rule(
        "confidence_interval",
        "reject",
        0.9,
        "AUROC 0.87 ([95%] CI [0.84-0.90]), (95% CI: [0.61], 0.70)",
        classes=frozenset({"%", "dec", "int"}),
        check=lambda left, right: _in_interval(left, right),
    ),
    Rule(
        "enumeration",
        "reject",
        0.9,
        "[2]) we improve",
        classes=frozenset({"int"}),
        right=_right(r"\)"),
        not_left=_left(r"[<>~=]"),
    ),
    Rule(
        "hyphen_compound",
        "reject",
        0.9,
        "[10]-shot, [557]-million-parameter",
        right=re.compile(r"-(?!points?\b|pp\b)[A-Za-z]"),
    ),
    Rule(
        "date",
        "reject",
        0.9,
        "(July [3], 2021)",
        classes=frozenset({"int"}),
        left=_left(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"),
        hints=("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    ),
    Rule(
        "year",
        "reject",
        0.9,
        "in [2021]",
        classes=frozenset({"int"}),
        value_test=lambda v: v.is_integer() and 1900 <= v <= 2039,
    ),
    Rule(
        "efficiency_after",
        "efficiency",
        0.8,
        "[6.5x] speedup, [38%] faster, [10-20%] fewer FLOPs",
        right=_right(
            r"(?:(?:less|fewer|lower|more|higher|reduced|smaller)\s+)?(?:"
            + _ADJECTIVE
            + r"\s+)?"
            + alternation(EFFICIENCY_WORDS)
            + r"s?\b"
        ),
        not_right=_right(r"(?:[a-z-]+\s+){0,2}?(?:" + DELTA_NOUN + r"|" + METRIC + r")\b"),
    ),
    Rule(
        "saving",
        "efficiency",
        0.7,
        "saves about [45%] of the cost, pruned by up to [40%]",
        left=_left(
            r"\b(?:sav(?:e|es|ed|ing)|speed(?:s|ing)?\s+up|accelerat\w*|compress\w*|prun\w*)\b"
            + PROSE_NO_COMMA
            + r"{0,30}?"
            + HEDGE
        ),
        reach=80,
        hints=("sav", "speed", "accelerat", "compress", "prun"),
    ),
    Rule("multiplier", "efficiency", 0.5, "[2.5x] times", classes=frozenset({"x"})),
    # --- compared-against numbers -------------------------------------------------------
    Rule(
        "metric_of_with_unit",
        "score",
        0.8,
        "an end-point-error of [2.855] pixels, a mean absolute deviation of [1.55] days",
        classes=frozenset({"int", "dec"}),
        right=_right(_MEASURE_UNIT),
        # the unit (cheap) is matched first; the metric on the left only then
        check=lambda left, right: _METRIC_OF_LEFT.search(left, max(0, len(left) - 75)) is not None,
    ),
    Rule(
        "named_value",
        "score",
        0.75,
        "USMLE: [60.2%], MedMCQA: [62.7%]; REFUGE: [32.5] pixels",
        classes=RESULT_LIKE,
        left=_left(r"(?:^|[\s(,;])(?-i:[A-Z][\w\-]*[A-Z0-9][\w\-]*)\s*:\s*"),  # a name: case matters
        hints=(":",),
    ),
    Rule(
        "size_or_count",
        "reject",
        0.85,
        "[27] billion parameters, [8] diverse target tasks",
        right=_right(
            r"(?:"
            + alternation(MAGNITUDES)
            + r"(?:\s|\b)|(?:"
            + _ADJECTIVE
            + r"\s+){0,2}?"
            + alternation(SIZE_NOUNS + (r"data",))
            + r"\b)"
        ),
        not_right=_right(
            r"(?:"
            + _ADJECTIVE
            + r"\s+){0,2}?(?:"
            + DELTA_NOUN
            + r"|"
            + METRIC
            + r"|"
            + alternation(COMPARATIVES)
            + r")\b"
        ),
    ),
    Rule(
        "agreement_figure",
        "reject",
        0.8,
        "annotators reached a Fleiss' kappa of [0.74]",
        classes=RESULT_LIKE,
        left=_left(
            r"(?:\b(?:inter|intra)-?(?:annotator|rater|observer|coder|reader)\b|\bkrippendorff|\bfleiss"
            r"|\b(?:annotators?|raters?|labell?ers|coders|radiologists|pathologists|clinicians|physicians"
            r"|experts|judges|crowd-?workers|reviewers)\b" + PROSE_NO_COMMA + r"{0,60}?"
            r"\b(?:agree\w*|kappa|alpha|icc|concordance)\b|\b(?:agree\w*|kappa|alpha)\b"
            + PROSE_NO_COMMA
            + r"{0,40}?\b(?:annotators?|raters?|labell?ers|coders|experts|judges)\b)"
            + PROSE_NO_COMMA
            + r"{0,60}?"
            + HEDGE
        ),
        reach=140,
        not_left=_left(r"\b(?:model|system|classifier|method|predictions?|ours|our)\b" + PROSE + r"{0,140}?"),
        hints=(
            "inter",
            "intra",
            "krippendorff",
            "fleiss",
            "annotat",
            "rater",
            "label",
            "coder",
            "radiolog",
            "patholog",
            "clinician",
            "physician",
            "expert",
            "judge",
            "worker",
            "reviewer",
        ),
    ),
    Rule(
        "share_of_people",
        "reject",
        0.75,
        "[62%] of respondents use it weekly",
        classes=frozenset({"%"}),
        right=_right(
            r"\)?\s*of\s+(?:the\s+|all\s+|our\s+|surveyed\s+)?(?:[\w-]+\s+){0,2}?"
            r"(?:respondents|participants|people|users|patients|clinicians|physicians|developers"
            r"|students|annotators|raters|subjects|interviewees|practitioners|experts|researchers"
            r"|companies|organi[sz]ations|workers|adults|children|papers|studies|works|publications"
            r"|submissions|articles)\b"
        ),
        not_left=_left(r"\bprefer\w*\b" + PROSE_NO_COMMA + r"{0,40}?"),
        # "78% of participants preferred our edits": a preference result, not a survey share
        check=lambda left, right: _PREFERENCE_AFTER.match(right) is None,
    ),
    Rule(
        "selected_share",
        "reject",
        0.7,
        "keep the top [10%] of the candidates",
        classes=frozenset({"%"}),
        left=_left(r"\b(?:top|bottom|first|last|lowest|highest)"),
        right=_right(r"\)?\s*of\s"),
        hints=("top", "bottom", "first", "last", "lowest", "highest"),
    ),
    Rule(
        "share_of_errors",
        "reject",
        0.7,
        "[40%] of the errors come from tokenisation",
        classes=frozenset({"%"}),
        right=_right(
            r"\)?\s*of\s+(?:the\s+|all\s+|its\s+|our\s+)?(?:[\w-]+\s+){0,2}?"
            r"(?:errors|mistakes|failures|failure\s+cases|error\s+cases|hallucinations)\b"
        ),
    ),
    Rule(
        "data_coverage",
        "reject",
        0.7,
        "the corpus covers [35%] of known families, accounting for [12%]",
        classes=frozenset({"%"}),
        left=_left(
            r"\b(?:cover(?:s|ed|ing)?|comprises?|comprising|constitut\w*|accounts?\s+for|accounting\s+for"
            r"|makes?\s+up|making\s+up|spans?)\s+" + HEDGE
        ),
        not_left=_left(r"\b(?:" + METRIC + r")\b" + PROSE_NO_COMMA + r"{0,40}?"),
        hints=("cover", "compris", "constitut", "account", "make", "making", "span"),
    ),
    Rule(
        "share_in_brackets",
        "reject",
        0.8,
        "60 examples per class ([5%])",
        classes=frozenset({"%"}),
        left=_left(r"\b" + alternation(DATA_NOUNS) + r"\s*\(\s*(?:i\.e\.,?|about|~|only)?"),
        hints=("(",),
    ),
    Rule(
        "share_of_resource",
        "reject",
        0.85,
        "only [0.5%] of the pretrained model's parameters",
        classes=frozenset({"%"}),
        right=_right(
            r"\)?\s*(?:of|as\s+many|as\s+much)\s+(?:the\s+|its\s+|their\s+|a\s+|our\s+)?"
            r"(?:[\w'-]+\s+){0,3}?" + alternation(RESOURCE_NOUNS) + r"\b"
        ),
        not_right=_right(r"\)?\s*of\s+the\s+time\b"),
    ),  # "preferred 64% of the time" is a result
    Rule(
        "share_after_resource",
        "reject",
        0.75,
        "transfer parameters - roughly [0.35%] of those",
        classes=frozenset({"%"}),
        left=_left(
            r"\b" + alternation(RESOURCE_NOUNS) + r"\s*(?:-|,|\(|:)?\s*(?:roughly|about|only|just|~|i\.e\.,?)"
        ),
        hints=(
            "param",
            "weight",
            "data",
            "train",
            "label",
            "annot",
            "sampl",
            "exampl",
            "comput",
            "budget",
            "flop",
            "memory",
            "cost",
            "time",
            "storage",
            "token",
            "image",
            "corpus",
            "size",
            "neuron",
            "layer",
            "gpu",
            "energy",
        ),
    ),
    Rule(
        "relative_retention",
        "reject",
        0.7,
        "achieves [90%] of the performance, retains [99%] accuracy",
        classes=frozenset({"%"}),
        left=_left(r"(?:\bretain\w*|\bpreserv\w*|\bkeep\w*|\brecover\w*)\s+" + HEDGE),
        hints=("retain", "preserv", "keep", "recover"),
    ),
    Rule(
        "share_of_performance",
        "reject",
        0.7,
        "achieves [90%] of the performance of the teacher",
        classes=frozenset({"%"}),
        right=_right(r"of\s+(?:the|its|their)\s+(?:\w+\s+)?(?:performance|accuracy|quality|capabilit\w+)"),
        not_left=_left(r"\b(?:within|bridg\w*|clos\w*|narrow\w*)\s+" + HEDGE),
    ),
    Rule(
        "variable_bound",
        "reject",
        0.7,
        "in low redshift (z<[0.3])",
        left=_left(r"(?<![\w-])[a-zA-Z]\s*(?:<=?|>=?|=|≤|≥)"),
        hints=("<", ">", "=", "≤", "≥"),
    ),
    Rule(
        "threshold_setting",
        "reject",
        0.7,
        "a 4.1% AP gain at IoU=[0.8], Recall@1x at tIoU=[0.5], at ? = [7.0]",
        # a threshold or a symbol PDF-to-text lost ("ε" -> "?") set to a value: the setting of a
        # result, not one ("IoU" alone can be a metric, so only with a comparison sign)
        left=_left(r"(?:\bat\s+[\w@.-]{1,12}|\bt?IoU|(?<![\w?])\?)\s*(?:<=?|>=?|=|≤|≥)"),
        hints=("<", ">", "=", "≤", "≥"),
    ),
    Rule(
        "hyperparameter",
        "reject",
        0.8,
        "a threshold of [0.5]",
        left=_left(
            r"(?:threshold|temperature|learning\s+rate|dropout(?:\s+rate)?|weight\s+decay"
            r"|batch\s+size|beam\s+size|window\s+size|ratio|\b[knpλαβγ]|top-?[pk])"
            r"\s*(?:of|=|:|is|set\s+to|equal\s+to|to|from)?"
        ),
    ),  # "lowering the temperature to 0.5"
    Rule(
        "count_out_of",
        "reject",
        0.85,
        "[13] out of 18 tasks",
        classes=frozenset({"int"}),
        right=_right(r"(?:out\s+of|of\s+the|/)\s*\d"),
    ),
    Rule(
        "version_after_name",
        "reject",
        0.8,
        "Gemini [1.5] Pro, Llama [3.1]",
        classes=frozenset({"dec", "int"}),
        left=re.compile(r"(?:\b[A-Z][\w-]*|\b[a-z]+\d\w*)\s?\Z"),
        not_left=_METRIC_AT_END,
    ),
    Rule(
        "bare_integer",
        "reject",
        0.7,
        "trained on [5] seeds",
        classes=frozenset({"int"}),
        not_right=_right(
            r"(?:(?:absolute|relative|average|avg\.?|mean|overall|percentage)\s+)*"
            r"(?:[A-Za-z][\w@-]*\s+){0,2}?(?:points?|pts|" + METRIC + r")\b"
        ),
        not_left=_left(r"\b" + METRIC + r"(?:\s+scores?)?\s*(?:of|=|:|at)\s*" + HEDGE),
    ),
    # --- cost, not quality -------------------------------------------------------------
    Rule(
        "efficiency_before",
        "efficiency",
        0.75,
        "reduce training time by up to [83.5%]",
        left=_left(
            r"\b" + alternation(EFFICIENCY_WORDS) + r"s?\b" + PROSE_NO_COMMA + r"{0,60}?"
            r"(?:\bby|\bof|\bto|\bfrom|\bsav\w*|factors?\s+of)?\s*" + HEDGE
        ),
        not_right=_right(
            r"(?:%\s*)?(?:"
            + _ADJECTIVE
            + r"\s+){0,2}?(?:"
            + DELTA_NOUN
            + r"|"
            + METRIC
            + r"|"
            + alternation(COMPARATIVES)
            + r")\b"
        ),
        # "Faster R-CNN (37.4)": a name, not a speed
        not_left=_left(r"(?-i:\b[A-Z][a-z]+\s+[A-Z][\w.-]*[A-Z0-9][\w.-]*)\s*\("),
        check=_no_quality_word_between,
        reach=110,
        hints=(
            "speed",
            "faster",
            "slower",
            "latency",
            "throughput",
            "memory",
            "flop",
            "time",
            "compute",
            "comput",
            "cost",
            "energy",
            "gpu",
            "disk",
            "storage",
            "param",
            "smaller",
            "fps",
            "data",
        ),
    ),
    Rule(
        "change_source",
        "baseline",
        0.85,
        "from [71.1] to 79.1, 0.621 → 0.661",
        right=_right(r"(?:%\s*)?(?:to|→|->|=>|rightarrow)\s*[+-]?\.?\d"),
    ),
    Rule(
        "compared_in_brackets",
        "baseline",
        0.8,
        "surpassing StarCoder-15B ([52.7%])",
        classes=RESULT_LIKE,
        left=_left(
            r"\b(?:surpass\w*|outperform\w*|beat\w*|exceed\w*|rival\w*|over|than|vs\.?|versus"
            r"|compared\s+(?:to|with)|against)\s+(?:th(?:at|ose)\s+of\s+)?(?:the\s+)?"
            r"(?-i:(?:[A-Z][\w.-]*\s+)?)"  # "that of Faster R-CNN ("
            r"[A-Za-z][\w.-]*[A-Z0-9][\w.-]*\s*\("
        ),
        hints=(
            "surpass",
            "outperform",
            "beat",
            "exceed",
            "rival",
            "over",
            "than",
            "vs",
            "versus",
            "compared",
            "against",
        ),
    ),
    Rule(
        "up_from",
        "baseline",
        0.8,
        "reaches 81.3%, up from [78.9%]; (from [45.0%])",
        classes=RESULT_LIKE,
        left=_left(
            r"(?:\b(?:up|down|rising|risen|rose|climbing|dropping|falling|improved|improving|increased"
            r"|increasing|reduced|decreased)\s+from|\(\s*from)\s*" + HEDGE
        ),
        not_right=_right(r"(?:%\s*)?(?:to|→|->|=>)\s*[+-]?\.?\d"),
        hints=("from",),
    ),
    Rule(
        "versus_value",
        "baseline",
        0.8,
        "90.6% vs. [89.8%], 33.65% compared to [25.04%]",
        classes=RESULT_LIKE,
        left=_left(r"(?:\bvs\.?|\bversus|\bcompared\s+(?:to|with)|\brelative\s+to|\bagainst)\s*" + HEDGE),
        hints=("vs", "versus", "compared", "relative", "against"),
    ),
    Rule(
        "prior_art_value",
        "baseline",
        0.7,
        "previous highest scores of [83.4%], where SoTA are [82.9%], compared to SOTA accuracy of [63.2%]",
        classes=RESULT_LIKE,
        left=_left(
            r"(?:\b(?:previous|prior|former|earlier|published|reported|existing)\b"
            r"(?:[^.;()]|\.(?=[\d,a-z])){0,40}?"
            r"(?:\b(?:of|are|is|was|were|at)\s*" + HEDGE + r"|:\s*|\(\s*)"
            r"|\b(?:sota|state[-\s]of[-\s]the[-\s]art|human\s+performance|baselines?)\s+(?:are|is|was|were)"
            r"\s*"
            + HEDGE
            # "compared to SOTA accuracy of 63.2%", "compared to human performance (94.36% accuracy)"
            + r"|\b(?:compared\s+(?:to|with)|than|vs\.?|versus)\s+(?:the\s+)?"
            r"(?:sota|state[-\s]of[-\s]the[-\s]art|human\s+performance)\s*(?:(?:[\w-]+\s+){0,2}?of\s|\()"
            r"\s*" + HEDGE + ")"
        ),
        reach=90,
        hints=(
            "previous",
            "prior",
            "former",
            "earlier",
            "published",
            "reported",
            "existing",
            "sota",
            "state",
            "human",
            "baseline",
        ),
    ),
    # --- amounts of change -----------------------------------------------------------
    Rule("plus_sign", "delta", 0.85, "[+14.6%] average accuracy", sign="+"),
    Rule(
        "change_target",
        "score",
        0.85,
        "from 71.1 to [79.1], accuracy: 0.621 → [0.661]",
        # the first number stands alone: "ResNet-50 to 80.9%" is a name, not a change
        left=_left(r"(?:(?<![\w.\-/])|(?<=[\s(][+-]))\d+(?:[.,]\d+)*(?:\s*%)?\s*(?:to|→|->|=>|rightarrow)"),
    ),
    Rule(
        "change_verb_to",
        "score",
        0.8,
        "raises the F1 on X to [88.1], lifts A and B to [71.2%] and 65%",
        classes=RESULT_LIKE,
        left=_left(
            r"\b(?:improv|increas|boost|rais|lift|push|enhanc|bring|brought|reduc|decreas|lower|cut|drop"
            r"|advanc|elevat|jump|climb|rise|rising|rose|grow|grew)\w*\b" + PROSE + r"{0,100}?"
            r"\bto\s*"
            r"(?:an?\s+|the\s+)?(?:new\s+)?(?:(?:state[-\s]of[-\s]the[-\s]art|record|sota)\s+)?(?:of\s+)?"
            + HEDGE
        ),
        reach=160,
        not_left=_left(
            r"(?:\bby\s+" + HEDGE + r"[+-]?\d[\d.]*\s*%?\s+(?:points?\s+)?"
            r"|\b(?:up|close|compared|due|similar|comparable|equivalent|identical|relative|according"
            r"|prior|contrast|respect)\s+)to\s*" + HEDGE
        ),
        check=lambda left, right: _SHARE_AFTER.match(right) is None,  # "to 10% of the original"
        not_right=_right(
            r"(?:%\s*)?(?:points?\s+)?(?:" + _NOT_JOINER + r"[\w-]+\s+){0,2}?"
            r"(?:" + DELTA_NOUN + r"|" + alternation(COMPARATIVES) + r")\b"
        ),  # "leads to a 5% gain": a change
        hints=(" to",),
    ),
    Rule(
        "change_noun_after",
        "delta",
        0.85,
        "[2.6-10%] improvement, a [5.3] absolute accuracy gain",
        right=_right(
            SHARED_LIST + r"(?:\(?(?:absolute|relative|abs\.|rel\.)\)?\s+)?(?:points?\s+)?"
            r"(?:" + _NOT_JOINER + r"[\w@-]+\s+){0,3}?" + DELTA_NOUN + r"\b"
        ),
    ),
    Rule(
        "comparative_after",
        "delta",
        0.8,
        "[1.65%] better retention, [2.5] F1 absolute higher",
        right=_right(
            SHARED_LIST
            + r"(?:points?\s+)?(?:"
            + METRIC
            + r"\s+(?:points?\s+)?(?:absolute\s+|relative\s+)?)?"  # "2.5 F1 absolute higher"
            + r"(?:"
            + _ADJECTIVE
            + r"\s+){0,1}?"
            + alternation(COMPARATIVES)
            + r"\b"
        ),
    ),
    Rule(
        "versus_subject",
        "score",
        0.8,
        "([90.6%] vs. 89.8%)",
        classes=RESULT_LIKE,
        right=_right(r"\(?\s*(?:vs\.?|versus)\s"),
    ),
    Rule(
        "up_by",
        "delta",
        0.7,
        "95.2% accuracy, up [2.3] points from the baseline",
        left=_left(r"[,;(]\s*(?:up|down)\s+" + HEDGE),
        classes=RESULT_LIKE,
        hints=("up", "down"),
    ),
    Rule(
        "within_gap",
        "delta",
        0.7,
        "we attain within [0.4%] of full fine-tuning",
        classes=RESULT_LIKE,
        left=_left(r"\bwithin"),
        hints=("within",),
    ),
    # --- list items take the verdict of the item before -----------------------------
    Rule(
        "list_continuation",
        "inherit",
        0.7,
        "by 80% and [42%], 49.76%, [50.05%], 2.3% ([up to 24.1%])",
        continues_list=True,
    ),
    Rule(
        "change_noun_of",
        "delta",
        0.85,
        "improvement of [7.1] BLEU, margin of [44.5%], gap of [1.2]",
        left=_left(
            r"\b(?:" + DELTA_NOUN + r"|gaps?)\s+(?:of|by|is|was|were|reach\w*|around|about)\s*"
            r"(?:is\s+)?" + HEDGE
        ),
        reach=80,
        hints=(
            "improv",
            "gain",
            "increas",
            "boost",
            "lift",
            "enhanc",
            "reduc",
            "decreas",
            "drop",
            "margin",
            "advantage",
            "jump",
            "leap",
            "gap",
        ),
    ),
    Rule(
        "change_verb_by",
        "delta",
        0.85,
        "outperforms mBERT by [5%], improves ... by as much as [71%]",
        left=_left(
            r"\b" + DELTA_VERB + r"\w*\b" + PROSE + r"{0,120}?"
            r"\bby\s+(?:a\s+(?:large\s+|wide\s+)?margin\s+of\s+)?(?:absolute(?:ly)?\s+|relative(?:ly)?\s+)?"
            + HEDGE
        ),
        reach=160,
        hints=(" by",),
    ),
    Rule(
        "change_verb_direct",
        "delta",
        0.75,
        "the model improves [2.3%] average top-1 accuracy",
        left=_left(
            r"\b(?:improv|increas|boost|enhanc|rais|lift|reduc|decreas|gain|bridg|clos|narrow)\w*\s+"
            r"(?:(?:the|its|their)\s+)?(?:(?:" + MODIFIER + r")\s+){0,2}"
            r"(?:" + METRIC + r"\s+)?(?:by\s+)?" + HEDGE
        ),
        reach=100,
        hints=(
            "improv",
            "increas",
            "boost",
            "enhanc",
            "rais",
            "lift",
            "reduc",
            "decreas",
            "gain",
            "bridg",
            "clos",
            "narrow",
        ),
    ),
    # --- absolute results --------------------------------------------------------------
    Rule(
        "task_completion",
        "score",
        0.75,
        "completes [42.7%] of tasks, resolves [12.5%] of the issues",
        classes=frozenset({"%"}),
        left=_left(
            r"\b(?:complet|solv|resolv|accomplish|finish|fix|pass|succeed\w*\s+(?:on|in))\w*\s+" + HEDGE
        ),
        right=_right(
            r"\s*of\s+(?:the\s+|all\s+)?(?:[\w-]+\s+){0,2}?(?:tasks?|problems?|issues?|questions?"
            r"|instances?|episodes?|puzzles?|challenges?|test\s+cases|queries|bugs|goals)\b"
        ),
        not_left=_left(
            r"\b(?:respondents|participants|people|users|humans?|students|annotators|raters|subjects"
            r"|experts|workers|crowd\w*|volunteers|clinicians|physicians|developers|teams)\b"
            r"(?:\s+[\w-]+){0,2}?\s+(?:complet|solv|resolv|accomplish|finish|fix|pass|succeed)\w*\s+" + HEDGE
        ),
        reach=60,
        hints=("complet", "solv", "resolv", "accomplish", "finish", "fix", "pass", "succeed"),
    ),
    Rule(
        "metric_of",
        "score",
        0.85,
        "top-1 accuracy of [83.74], a Pearson correlation of [0.9556]",
        left=_left(
            r"\b" + METRIC + r"(?:\s+(?:scores?|metrics?|values?|rates?))?(?:\s*\([\w-]+\))?\s*"
            r"(?:(?:rises|rose|increases|increased|improves|improved|grows|climbs|jumps|goes)\s+(?=to))?"
            r"(?:of|at|to|=|:|is|was|reaches|reached|reaching|achieves|achieved|exceeding|above|below)?"
            r"\s*" + HEDGE
        ),
        reach=75,
    ),
    Rule(
        "metric_on_is",
        "score",
        0.75,
        "the mean absolute error on QM9 is [0.012], accuracy on X was [91%]",
        left=_left(
            r"\b(?:" + METRIC + r"|performance|results?)\s+(?:on|in|for)\s+(?:the\s+)?[\w./-]+"
            r"(?:\s+[\w./-]+){0,2}?"
            r"\s+(?:is|was|are|were|reaches|reached|of)\s+" + HEDGE
        ),
        reach=90,
        hints=(" is", " was", " are", " were", " reach", " of"),
    ),
    Rule(
        "metric_after",
        "score",
        0.8,
        "[91.1%] accuracy, [62.4] mAP, [85.2%] node classification accuracy",
        right=_right(
            r"(?:\(\w+\)\s*)?(?:" + TASK_WORDS + r"\s+)?(?:" + MODIFIER + r"\s+){0,3}" + METRIC + r"\b"
        ),
    ),
    Rule(
        "score_verb_direct",
        "score",
        0.75,
        "and reaches [69.5%] on WebQA",
        classes=RESULT_LIKE,
        left=_left(r"\b(?:achiev|attain|obtain|reach|scor|record|deliver|yield)\w*\s+(?:an?\s+)?" + HEDGE),
        hints=("achiev", "attain", "obtain", "reach", "scor", "record", "deliver", "yield"),
    ),
    Rule(
        "bound_score",
        "score",
        0.7,
        "near-perfect retrieval (>[99%]), exceeding [58%]",
        classes=RESULT_LIKE,
        left=_left(
            r"(?:>=|<=|>|<|\bexceeding|\babove|\bbelow|\bat\s+least|\bat\s+most|\bmore\s+than"
            r"|\bless\s+than|\bover)"
        ),
        hints=(">", "<", "exceed", "above", "below", "least", "most", "more", "less", "over"),
    ),
    Rule(
        "change_clause",
        "delta",
        0.55,
        "beats the previous best system (up to [7%] on hard splits)",
        classes=frozenset({"%", "points"}),
        left=_left(
            r"\b(?:outperform|surpass|improv|beat|gain|boost|enhanc)\w*\b" + PROSE + r"{0,80}?" + HEDGE
        ),
        reach=120,
        hints=("outperform", "surpass", "improv", "beat", "gain", "boost", "enhanc"),
    ),
    Rule(
        "score_verb",
        "score",
        0.65,
        "achieves state-of-the-art results with [71.9%] on MMLU",
        classes=RESULT_LIKE,
        left=_left(
            r"\b(?:achiev|attain|obtain|reach|scor|record|hit|deliver|establish|rank|get|gets)\w*\b"
            r"(?:\s+[\w()-]+){0,4}?\s*(?:of|at|with)?\s*" + HEDGE
        ),
        reach=100,
        hints=(
            "achiev",
            "attain",
            "obtain",
            "reach",
            "scor",
            "record",
            "hit",
            "deliver",
            "establish",
            "rank",
            "get",
        ),
    ),
    Rule(
        "value_on_benchmark",
        "score",
        0.6,
        "[45.3] on HellaSwag, [87.4%] on ModelNet40",
        classes=RESULT_LIKE,
        right=_right(r"(?:on|for)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}[A-Z]"),
    ),
    Rule(
        "percent_default",
        "score",
        0.35,
        "with [90%] in the held-out split",
        classes=frozenset({"%"}),
        check=lambda left, right: (
            _RESULT_CONTEXT.search(left[-120:]) is not None or _RESULT_CONTEXT.search(right[:80]) is not None
        ),
    ),
    Rule("other_number", "reject", 0.5, "a bare [3.5] with no cue"),
)


def applies(
    rule: Rule,
    cls: str,
    sign: str | None,
    value: float,
    left: str,
    right: str,
    in_list: bool,
    left_lower: str = "",
) -> bool:
    """Whether `rule` holds for a number of class `cls` between windows `left` and `right`
    (`left_lower`: `left.lower()`, computed once per number for the hints)."""
    if cls not in rule.classes or (rule.sign is not None and sign != rule.sign):
        return False
    if rule.continues_list and not in_list:
        return False
    if rule.value_test is not None and not rule.value_test(value):
        return False
    if rule.hints:
        tail = (left_lower or left.lower())[-rule.reach :]
        if not any(h in tail for h in rule.hints):
            return False
    if rule.left is not None and rule.left.search(left, max(0, len(left) - rule.reach)) is None:
        return False
    if rule.right is not None and rule.right.match(right) is None:
        return False
    if rule.not_left is not None and rule.not_left.search(left, max(0, len(left) - rule.reach)) is not None:
        return False
    if rule.not_right is not None and rule.not_right.match(right) is not None:
        return False
    return rule.check is None or rule.check(left, right)


def first_rule(cls: str, sign: str | None, value: float, left: str, right: str, in_list: bool) -> Rule:
    """The highest-priority rule that holds; `other_number` always does."""
    left_lower = left.lower()
    for rule in RULES:
        if applies(rule, cls, sign, value, left, right, in_list, left_lower):
            return rule
    return RULES[-1]
