"""Field resolvers: metric, condition and unit of one number (benchmark: `benchmark.py`).

Each resolver reads bounded windows of the normalised sentence around the
number: `right` starts right after the number (its unit included), `left`
ends right before it and starts after the previous claim of the sentence, so
that "62.4 mAP on COCO, 80.36 on VQA" does not lend "mAP" to 80.36.
Resolvers try their patterns in a fixed order, nearest evidence first.
"""

from __future__ import annotations

import re

from leaderboard.extract.vocab import LANGUAGES, METRIC_MODIFIERS, METRIC_WORDS, alternation

METRIC = alternation(METRIC_WORDS)
MODIFIER = alternation(METRIC_MODIFIERS)
_FLAGS = re.VERBOSE | re.IGNORECASE

# A metric phrase: up to three modifiers and a metric name, plus an acronym in brackets.
# It ends where no word character follows rather than at a word boundary, so a name that
# ends in punctuation ("AP_{50}", "chrF++") is matched whole instead of cut back to "AP_{50".
METRIC_PHRASE = rf"(?:{MODIFIER}\s+){{0,3}}{METRIC}(?:\s+scores?)?(?!\w)(?:\s+\([A-Za-z0-9@-]{{1,12}}\))?"

# A lower-case task named between a number and its metric: "node classification", "link prediction".
TASK_WORDS = (
    r"(?-i:(?:[a-z][\w-]*\s+)?(?!(?:using|achieving|reaching|yielding|getting|obtaining|improving"
    r"|being|having|during|following|including)\b)[a-z][\w-]*(?:tion|ing|sis))"
)

# Metric right after the number: "91.1% accuracy", "38 accuracy points", "2.3% average top-1 accuracy".
METRIC_RIGHT = re.compile(
    rf"""\s*(?:\(\w+\)\s*)?               # "(absolute)"
    (?:(?:absolute|relative|points?)\s+)?   # "12.8 absolute ...", "5 points ..."
    (?:(?!{METRIC}\s)(?-i:[A-Z][\w-]*)\s+(?=\S+))?  # "2.35% GLUE score ...": the benchmark, skipped
                                                # (not "86.7% F1 score": that is the metric)
    (?:{TASK_WORDS}\s+)?                      # "85.3% node classification accuracy": the task, skipped
    (?:(?:mm|cm|db|px|ev|ms|s|m)\s+)?             # "3.1 mm HD95": a physical unit, skipped
    (?P<m>{METRIC_PHRASE})""",
    _FLAGS,
)

# Metric introduced after the number: "188% improvement in F2 score", "by 1.2% for top-1 recall".
METRIC_RIGHT_PREP = re.compile(
    rf"""(?:\s*(?:,|and|or)\s*[+-]?[\d.]+\s?%?)*  # "3.2 and 4.5 points in EM": the list shares it
    \s*(?:(?:db|mm|px)\s+)?           # "2.4dB absolute improvement of SI-SNRi": a unit, skipped
    (?:[\w-]+\s+){{0,2}}?           # "improvement", "points improvement"
    (?:in|on|for|of|to)\s+(?:the\s+|terms\s+of\s+)?
    (?P<m>{METRIC_PHRASE})""",
    _FLAGS,
)

# Any metric phrase; the last one on the left, within the clause, is the nearest
# ("improves the Top-1 accuracy by 3.2%").
METRIC_ANY = re.compile(rf"\b(?P<m>{METRIC_PHRASE})", _FLAGS)

# Qualifiers that make numbers comparable or not.
_COND_LEFT = re.compile(
    r"""(?P<c>>=|<=|>|<|≥|≤|exceeding|above|over|more\s+than|at\s+least|below|under|less\s+than|at\s+most
    |up\s+to|as\s+much\s+as|around|about|approximately|nearly|~)\s*\Z""",
    _FLAGS,
)
_COND_SYMBOL = {
    "exceeding": ">",
    "above": ">",
    "over": ">",
    "more than": ">",
    "at least": ">=",
    "below": "<",
    "under": "<",
    "less than": "<",
    "at most": "<=",
    "~": "~",
    "around": "~",
    "about": "~",
    "approximately": "~",
    "nearly": "~",
}
_SETTING = re.compile(
    r"""\b(?:zero-shot|0-shot|one-shot|few-shot|\d+-shot|\d+\s+shots|in-distribution|out-of-distribution
    |cross-lingual|low-resource|fine-tun(?:ed|ing)|linear[-\s]prob(?:e|ing)|(?:un)?seen\s+[\w-]+
    |absolute|relative|on\s+average|single[-\s]model
    |(?:held-out\s+|hidden\s+|blind\s+)?(?:test|validation|val|dev)[-\s](?:set|split)
    |(?:test|dev)-(?:clean|other|dev|std)|round\s+\d+)\b""",
    _FLAGS,
)
_LANGUAGE = re.compile(rf"\b(?:for|in|on)\s+(?P<l>{alternation(LANGUAGES)})\b", re.IGNORECASE)


# A lower-case word that may qualify a metric head ("pixel accuracy", "label accuracy", "median
# TM-score", "hallucination rate"): not a function word, a verb, an evaluative adjective or a plural.
_MOD_STOP = (
    r"the|a|an|our|its|their|his|her|this|these|that|those|high|higher|highest|low|lower|lowest|best"
    r"|better|good|new|strong|competitive|comparable|same|similar|final|sota|and|or|of|on|in|for|with|by"
    r"|to|from|at|as|than|per|over|across|both|all|each|which|while|also|only|leading|superior|top|very"
    r"|much|more|most|less|whose|respective|significant|substantial|large|small|excellent|reasonable"
    r"|near|about|around|up|down|be|it|we|state-of-the-art|remarkable|impressive|promising|achieve"
    r"|reach|obtain|improve|boost|raise|lift|cut|reduce|increase|attain|yield|get|set|match|outperform"
    r"|surpass|beat|exceed|deliver|record|report|show|give|lower|enhance|hit|overall|mean|average"
    r"|absolute|relative|test|validation|total|global|then|when|where|not|no|any|such|other|model|system|method"
)
_MOD_WORD = (
    rf"(?<![\w'’-])(?!(?:{_MOD_STOP})\b)(?!\w*(?:ed|ing|ly|[^s]s)\b)"
    r"(?-i:[a-z][a-z0-9]*(?:-[a-z0-9]+)*)"
)
# One qualifier word, tested on its own; a short prefix joined by a hyphen ("TM-" of "TM-score").
_MOD_ONE = re.compile(rf"{_MOD_WORD}", _FLAGS)
_HYPHEN_PREFIX = re.compile(r"(?:[A-Za-z][A-Za-z0-9]{0,5}-){1,2}")  # "TM-", "end-point-"
# "88.6% pixel accuracy": qualifiers between the number and a metric phrase.
METRIC_RIGHT_MODS = re.compile(
    rf"\s*(?P<m>(?:{MODIFIER}\s+){{0,2}}(?:{_MOD_WORD}\s+){{1,2}}{METRIC_PHRASE})", _FLAGS
)
# "cuts the hallucination rate from": a qualified rate is a metric even if "rate" alone is none.
_RATE_PHRASE = re.compile(rf"(?P<m>(?:{_MOD_WORD}\s+){{1,2}}rates?)\b", _FLAGS)


def resolve_metric(left: str, right: str) -> str | None:
    """Nearest metric: right after the number, then "in/for METRIC", then the clause on the left."""
    m = METRIC_RIGHT.match(right) or METRIC_RIGHT_MODS.match(right) or METRIC_RIGHT_PREP.match(right)
    if m is None:
        # "82.4% (+5.1% over the previous best) top-1 accuracy": the metric after the bracket
        bracket = _BRACKET_AFTER.match(right)
        m = METRIC_RIGHT.match(right, bracket.end()) if bracket else None
    if m is None:
        m = _THE_X_METRIC.match(right) or _BRACKETED_METRIC.match(right) or _COMPARED_METRIC.match(right)
    if m:
        return _singular(_tidy(m.group("m")))
    named = vocab_metric(left, right)
    if named:
        return named
    tail = _clause_tail(left, 160)
    m = _last(METRIC_ANY, tail)
    if m is None:
        m = _last(_RATE_PHRASE, tail) if "rate" in tail else None
        return _tidy(m.group("m")) if m else _performance(tail, right)
    return _singular(_tidy(_with_modifiers(tail, m.start("m")) + m.group("m")))


# Last resort: the text calls the measure "performance" ("a 50% performance improvement", "improves
# the mean performance of X by 23%", "a 0.6 point decrease in performance"); the gold sets keep
# that word as the metric, with a statistic written right before it.
# A lower-case qualifier of "performance"; not a function word, and not "human" (a human's
# performance is a reference, "surpassing the human performance by 0.8%"), nor a name ("Fakeddit
# performance": the data, with no measure named).
_PERF_WORD = r"(?<![\w-])(?!(?:of|the|a|an|in|on|to|than|over|its|their|our|human)\b)(?-i:[a-z][\w-]*)"
_OWNER_BEFORE = re.compile(r"(?:\b[A-Z][\w-]*|\bhuman|\bhumans'?)\s+\Z")
_PERFORMANCE_RIGHT = re.compile(
    rf"""\s*(?:%|points?)?\s*(?:(?:absolute|relative|better|higher|lower|worse)\s+)?
    (?:(?:improvements?|gains?|increases?|boosts?|decreases?|drops?|reductions?)\s+(?:in|of|on)\s+(?:the\s+)?)?
    (?:(?P<s>{MODIFIER})\s+)?(?:{_PERF_WORD}\s+){{0,2}}?performance\b""",
    _FLAGS,
)
_PERFORMANCE_LEFT = re.compile(
    rf"""(?<![\w-])(?:(?P<s>{MODIFIER})\s+)?(?:{_PERF_WORD}\s+){{0,2}}?performance(?:\s+of\s+[^,;()]{{1,60}}?)?
    \s+(?:by|to)\s+(?:(?:up\s+to|about|around|over|nearly|~)\s*)?\Z""",
    _FLAGS,
)


def _performance(left: str, right: str) -> str | None:
    tail = left[-120:]
    m = _PERFORMANCE_RIGHT.match(right)
    if m is None:
        m = _PERFORMANCE_LEFT.search(tail)
        if m is None or _OWNER_BEFORE.search(tail, 0, m.start()):
            return None
    return f"{m.group('s').lower()} performance" if m.group("s") else "performance"


# "97.3% on average using the ADD metric": a measure the text itself calls a metric.
_THE_X_METRIC = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:using|with|under|by|in)\s+the\s+"
    r"(?P<m>[A-Za-z][\w&@/+.-]*(?:\s[A-Za-z][\w&@/+.-]*)?)\s+(?:metric|measure)\b"
)
_BRACKET_AFTER = re.compile(r"\s*\([^()]{1,80}\)")
# "an absolute gain of 1.0% (mask AP)": the bracket names what the number measures.
_BRACKETED_METRIC = re.compile(rf"\s*\(\s*(?:in\s+|of\s+)?(?P<m>{METRIC_PHRASE})\s*\)", _FLAGS)
# "66.5% compared to SOTA accuracy of 63.2%": the compared figure's metric is the number's too.
_COMPARED_METRIC = re.compile(
    rf"""\s*(?:compared\s+(?:to|with)|vs\.?|versus|against|over)\s+(?:the\s+|a\s+)?
    (?:(?:previous|prior|former|reported|published)\s+)?
    (?:(?:sota|state[-\s]of[-\s]the[-\s]art|best|baseline)(?:'s)?\s+)?
    (?P<m>{METRIC_PHRASE})\s+(?:of\s+)?(?=[+-]?\d|\Z)""",
    _FLAGS,
)
# "... by 8.3% and 10.3% on A and B, in terms of dice coefficient": a metric the clause names for
# its numbers further right than the windows reach; qualifiers as in "frame-level AUC".
IN_TERMS_OF = re.compile(
    rf"\bin\s+terms\s+of\s+(?:the\s+)?(?P<m>(?:{_MOD_WORD}\s+){{0,2}}{METRIC_PHRASE})", _FLAGS
)

# "accuracies of 94.6% and 77.0%": each number has one accuracy.
_PLURAL_METRIC = re.compile(r"(?:(?<=accurac)ies|(?<=[a-z])s)$", re.IGNORECASE)
_PLURAL_OK = re.compile(r"(?:loss|ness|bits|hits|dcs|moves)$", re.IGNORECASE)


_FLAT_SUBSCRIPT = re.compile(r"\b([Ff])\s(1|2|0\.5)\b")


def _singular(metric: str) -> str:
    """The metric as leaderboards write it: one number's measure is singular ("accuracies of
    94.6% and 77.0%"), and a subscript flattened by PDF-to-text is joined again ("F 1" -> "F1")."""
    metric = _FLAT_SUBSCRIPT.sub(r"\1\2", metric)
    if metric.lower().endswith("accuracies"):
        return metric[:-3] + "y"
    if _PLURAL_OK.search(metric) or not re.search(
        r"(?:scores|errors|rates|measures|coefficients)$", metric, re.I
    ):
        return metric
    return metric[:-1]


# Open class: a measure name of the shipped leaderboard list written right after the number
# ("50.0% PQ", "97.20% UAS", "88.2% MODA") or right before it ("LAS (75.84%)", "MODA of 88.2").
_TOKEN_AFTER = re.compile(r"\s*(?:%|points?\s+)?\s*(?P<m>[A-Za-z][\w&/@+.-]*[\w&+](?:\s[A-Za-z][\w&@+-]*)?)")
_TOKEN_BEFORE = re.compile(
    r"(?P<m>[A-Za-z][\w&/@+.-]*[\w&+])\s*(?:\(\s*|of\s+|=\s*|:\s*|is\s+|was\s+|reaches\s+|to\s+)\Z"
)


def vocab_metric(left: str, right: str) -> str | None:
    from leaderboard.extract.names import is_metric_name  # the lists load once, at first use

    m = _TOKEN_AFTER.match(right)
    if m:
        words = m.group("m").split()
        for k in (2, 1):  # longest first: "ADD-S AUC" before "ADD-S"
            phrase = " ".join(words[:k])
            if len(words) >= k and ACRONYM_LIKE.search(words[0]) and is_metric_name(phrase):
                return phrase
    m = _TOKEN_BEFORE.search(left[-40:])
    if m and ACRONYM_LIKE.search(m.group("m")) and is_metric_name(m.group("m")):
        return m.group("m")
    return None


# Plain lower-case words ("average", "score", "vs") are the regex vocabulary's business; the
# open class adds names written like names: "PQ", "UAS", "J&F", "SI-SDRi", "Hmean".
ACRONYM_LIKE = re.compile(r"^.[^a-z\s]|[A-Z]{2}|[&@/]")


def metric_after_bracket(text: str, pos: int) -> str | None:
    """ "82.4% (+5.1% over the previous best) top-1 accuracy": the metric written right after a
    bracketed annotation that starts at `pos`, numbers inside it or not."""
    bracket = _BRACKET_AFTER.match(text, pos)
    m = METRIC_RIGHT.match(text, bracket.end()) if bracket else None
    return tidy_metric(m.group("m")) if m else None


def qualifier_word(word: str) -> bool:
    """A lower-case word that may qualify a metric head ("execution" of "execution accuracy")."""
    return _MOD_ONE.fullmatch(word) is not None


def tidy_metric(text: str) -> str:
    """A metric phrase as a claim carries it: one space between words, singular."""
    return _singular(_tidy(text))


def _with_modifiers(text: str, start: int) -> str:
    """The qualifiers written right before a metric at `start` ("label " in "label accuracy")."""
    before = text[max(0, start - 40) : start]
    if before.endswith("-"):  # "TM-score": the whole token, and its own qualifiers
        cut = before.rfind(" ") + 1
        if cut > 0 and _HYPHEN_PREFIX.fullmatch(before[cut:]):
            return _with_modifiers(text, start - len(before) + cut) + before[cut:]
        return ""
    if not before.endswith(" "):
        return ""
    words = before.split()
    if len(words) > 1 or (words and start - 40 <= 0):
        words = words[1:] if start - 40 > 0 else words  # the first word may be cut by the window
    kept: list[str] = []
    for w in reversed(words[-2:]):
        if _MOD_ONE.fullmatch(w) is None:
            break
        kept.insert(0, w)
    return " ".join(kept) + " " if kept else ""


def _clause_tail(left: str, size: int) -> str:
    """The last `size` characters of `left`, cut after its last semicolon."""
    tail = left[-size:]
    return tail[tail.rfind(";") + 1 :]


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - we want the last match
        pass
    return found


def _tidy(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:")


def sentence_settings(sentence: str) -> list[str]:
    """Settings a sentence names ("zero-shot", "unseen environments"), in order, once each."""
    found: list[str] = []
    for s in _SETTING.finditer(sentence[:600]):
        setting = " ".join(s.group(0).split())
        if setting not in found:
            found.append(setting)
    return found


def resolve_condition(left: str, right: str, settings: list[str]) -> str | None:
    """Comparison sign or hedge right before the number, plus the settings of its sentence."""
    parts: list[str] = []
    m = _COND_LEFT.search(left[-20:])
    if m:
        word = " ".join(m.group("c").lower().split())
        parts.append(_COND_SYMBOL.get(word, word))
    parts += [s for s in settings if s not in parts]
    lang = _LANGUAGE.search(right[:60])
    if lang:
        parts.append(lang.group("l"))
    return "; ".join(parts[:5]) or None


# "..., as measured by the exact match metric": one metric named for the whole sentence.
MEASURED_BY = re.compile(
    rf"\b(?:measured|evaluated|assessed)\s+(?:by|with|in|using)\s+(?:the\s+)?(?P<m>{METRIC_PHRASE})", _FLAGS
)


def metric_unit_points(right: str) -> bool:
    """'12.8 BLEU points', '47 F1 points': a points unit written after the metric."""
    return _POINTS_AFTER.match(right) is not None


_POINTS_AFTER = re.compile(
    rf"\s*(?:(?:absolute|relative|average|avg\.?|mean)\s+)*(?:{METRIC}\s+)?(?:percentage\s+)?points?\b",
    re.IGNORECASE,
)
