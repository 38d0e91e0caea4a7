"""Comparability settings of a claim, as one canonical key.

Numbers rank together only when they were measured the same way: zero-shot
against zero-shot, LibriSpeech test-clean against test-clean, ImageNet
without extra data against the same. The claim's `condition` text (the
extractor's reading of the sentence for this one number) decides when it
names any setting; otherwise the evidence sentence is read. When a text names
two values of one setting ("1.8 on test-clean and 3.9 on test-other"), the
value's own position in the sentence picks one: the n-th of a slash list
("2.1/4.3 on test-clean/test-other") takes the n-th mention, any other number
the mention right after it (else right before). A setting that stays
ambiguous is left out of an evidence reading (a guess) and kept as all its
values ('split=dev+test') from the condition text, so it never ranks with
either one alone.

A benchmark name can carry settings too ('LibriSpeech test-other', 'WMT14
English-German'): leaderboard.normalize.benchmark_name reads them with the
readers here and passes them as `fixed`, which wins over the text.

The key lists the settings found in `SETTING_ORDER`, joined by '; ', e.g.
'zero-shot; split=test'; '' when none is found. Each setting's default ('clean',
'without extra data', 'all labels') is read, so it can pick between two
mentions, but adds nothing to the key.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping

Mention = tuple[int, str]  # (position in the text, canonical value)

# Spelled-out shot counts; digits are read as they are.
NUMBER_WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "eight": 8, "ten": 10}

SHOTS = re.compile(
    r"""
    \b(?P<count>\d{1,3}|zero|one|two|three|four|five|eight|ten|few)   # how many examples
    [\s-]?shots?\b                                                     # '-shot', ' shot', 'shots'
    """,
    re.VERBOSE | re.IGNORECASE,
)
PROTOCOL = re.compile(
    r"""
    \b(?P<linear>linear[\s-](?:prob(?:e|es|ing)|eval(?:uation)?|classification\s+protocol|classifier))\b
    | \b(?P<knn>k-?NN|nearest[\s-]neighbou?r)\s+(?:eval(?:uation)?|classif\w*|accuracy)\b
    | \b(?P<fine>fine[\s-]?tun(?:ed|ing|e))\b
    """,
    re.VERBOSE | re.IGNORECASE,
)
EXTRA_DATA = re.compile(r"\b(?:extra|additional|external)\s+(?:training\s+)?data\b", re.IGNORECASE)
# 'without extra data' is the default; read just before the match (an optional leading group
# would be tried at every position of every sentence).
NEGATION_BEFORE = re.compile(r"\b(?:without|w/o|no)\s+$", re.IGNORECASE)
# Pre-training corpora whose name alone says extra data was used. Keep the longer names first.
PRETRAIN_CORPORA = (
    "JFT-300M", "JFT-3B", "JFT-4B", "JFT", "ImageNet-21K", "ImageNet-22K", "IN-21K", "IN-22K",
    "Instagram-3.5B", "Instagram-1B", "IG-3.5B", "IG-1B", "LAION-400M", "LAION-2B", "LAION-5B",
    "YFCC100M", "YFCC-100M", "CC12M", "CC3M", "WebImageText", "LVD-142M", "DataComp-1B",
)  # fmt: skip
PRETRAIN = re.compile(
    r"(?<![\w-])(?P<corpus>" + "|".join(re.escape(name) for name in PRETRAIN_CORPORA) + r")(?![\w-])",
    re.IGNORECASE,
)
# A word every corpus name above holds (lower case), tested before the pattern.
PRETRAIN_WORDS = (
    "jft",
    "21k",
    "22k",
    "instagram",
    "ig-",
    "laion",
    "yfcc",
    "cc3m",
    "cc12m",
    "webimage",
    "142m",
    "datacomp",
)
# In a sentence a corpus name must come with a word saying it was used for training.
PRETRAIN_CONTEXT = re.compile(r"pre-?train|extra|additional|external|trained on|using|with", re.IGNORECASE)
LABELS = re.compile(
    r"""
    \b(?P<count>\d[\d,]*)\s+(?:labels|labeled|labelled|annotated)\b           # '250 labels'
    | \b(?P<share>\d+(?:\.\d+)?)\s*%\s+(?:of\s+(?:the\s+)?)?(?:labels|labeled|labelled|annotations)\b
    | \b(?P<full>fully[\s-]supervised|all\s+(?:the\s+)?labels|100\s*%\s+(?:of\s+(?:the\s+)?)?labels)\b
    """,
    re.VERBOSE | re.IGNORECASE,
)
ATTACK = re.compile(
    r"""
    \b(?P<adversarial>adversarial(?:ly)?\s+(?:accuracy|robustness|attacks?|examples|setting|perturbations?)
       |robust\s+accuracy|auto-?attack|PGD(?:-\d+)?|FGSM|C&W\s+attack|under\s+attack)\b
    | \b(?P<clean>clean\s+(?:accuracy|images|data|examples|test\s+set|setting))\b
    """,
    re.VERBOSE | re.IGNORECASE,
)
ENSEMBLE = re.compile(r"\bensembl(?:e|es|ed|ing)\b", re.IGNORECASE)
SINGLE_MODEL = re.compile(r"\bsingle[\s-]model\b", re.IGNORECASE)

# Languages of translation pairs: a name or a code, as papers write them. Codes alone are common
# words ('it', 'is'), so they count only inside a pair.
LANGUAGES = {
    "english": "en", "german": "de", "french": "fr", "romanian": "ro", "chinese": "zh", "japanese": "ja",
    "russian": "ru", "spanish": "es", "italian": "it", "portuguese": "pt", "czech": "cs", "finnish": "fi",
    "turkish": "tr", "estonian": "et", "latvian": "lv", "lithuanian": "lt", "kazakh": "kk",
    "gujarati": "gu", "hindi": "hi", "arabic": "ar", "korean": "ko", "vietnamese": "vi", "dutch": "nl",
    "polish": "pl", "swedish": "sv", "hungarian": "hu", "thai": "th", "indonesian": "id", "hebrew": "he",
    "ukrainian": "uk", "persian": "fa", "bengali": "bn", "tamil": "ta", "nepali": "ne", "sinhala": "si",
    "pashto": "ps", "khmer": "km", "icelandic": "is", "inuktitut": "iu", "croatian": "hr",
    "serbian": "sr", "bulgarian": "bg", "greek": "el", "danish": "da", "norwegian": "no",
    "swahili": "sw", "urdu": "ur", "yoruba": "yo", "burmese": "my", "malay": "ms", "tagalog": "tl",
}  # fmt: skip
LANGUAGE_CODES = frozenset(LANGUAGES.values())
# Two words joined as a pair; language_pair() keeps those that are two languages. One simple
# pattern and two dict lookups: an alternation of every language name is ten times slower.
LANGUAGE_PAIR = re.compile(
    r"""
    (?<![A-Za-z])(?P<source>[A-Za-z]{2,10})                       # English, En, en
    \s*(?P<joint>-to-|\s+to\s+|->|=>|→|–|-|2)\s*                  # -, to, →, 2 (en2de)
    (?P<target>[A-Za-z]{2,10})(?![A-Za-z])                        # German, De, de
    | (?<![A-Za-z])(?P<joined>[A-Z][a-z][A-Z][a-z])(?![A-Za-z])   # EnDe
    """,
    re.VERBOSE,
)

SPLIT = re.compile(
    r"""
    \b(?P<split>test[\s-]?dev|test[\s-]?std|test[\s-]?clean|test[\s-]?other|dev[\s-]?clean|dev[\s-]?other
       |minival|test(?-i:[AB])|test|dev|development|val|validation|held[\s-]out)
    (?:\s+(?:set|split|sets|splits|data))?\b
    """,
    re.VERBOSE | re.IGNORECASE,
)
# A split word alone is too common ('we test', 'dev' in names); ask for a
# split noun after it unless the text is the claim's own condition field.
SPLIT_NOUN = re.compile(r"\b(?:set|split|sets|splits)\b", re.IGNORECASE)
# Split names specific enough to count in a sentence without 'set' or 'split' after them.
DISTINCT_SPLITS = frozenset(
    {"testdev", "teststd", "testclean", "testother", "devclean", "devother", "minival"}
)
SPLIT_NAMES = {
    "test": "test",
    "testdev": "test-dev",
    "teststd": "test-std",
    "testclean": "test-clean",
    "testother": "test-other",
    "devclean": "dev-clean",
    "devother": "dev-other",
    "testa": "testA",
    "testb": "testB",
    "minival": "minival",
    "dev": "dev",
    "development": "dev",
    "val": "val",
    "validation": "val",
    "heldout": "test",
}

# Keep in sync with the README section "Conditions": the order settings appear in a key.
SETTING_ORDER = ("shots", "protocol", "data", "labels", "attack", "system", "lang", "split")
# Values that say the usual setting was used: they pick between mentions but add nothing to a key.
DEFAULTS = frozenset({"clean", "no extra data", "all labels"})


def shots_value(match: re.Match[str]) -> str:
    """'zero-shot', '5-shot' or 'few-shot' for a SHOTS match."""
    count = match["count"].lower()
    if count == "few":
        return "few-shot"
    number = NUMBER_WORDS[count] if count in NUMBER_WORDS else int(count)
    return "zero-shot" if number == 0 else f"{number}-shot"


def _shots(text: str, strict: bool) -> list[Mention]:
    return [(match.start(), shots_value(match)) for match in SHOTS.finditer(text)]


def _protocol(text: str, strict: bool) -> list[Mention]:
    names = {"linear": "linear probe", "knn": "kNN", "fine": "fine-tuned"}
    return [(match.start(), names[match.lastgroup or ""]) for match in PROTOCOL.finditer(text)]


def _data(text: str, strict: bool) -> list[Mention]:
    found = [
        (match.start(), "no extra data" if NEGATION_BEFORE.search(text, 0, match.start()) else "extra data")
        for match in EXTRA_DATA.finditer(text)
    ]
    if not any(word in text.lower() for word in PRETRAIN_WORDS):
        return found
    for match in PRETRAIN.finditer(text):
        if strict and not PRETRAIN_CONTEXT.search(text, max(0, match.start() - 40), match.end() + 25):
            continue
        corpus = next(name for name in PRETRAIN_CORPORA if name.lower() == match["corpus"].lower())
        found.append((match.start(), f"pretrain={corpus}"))
    return found


def _labels(text: str, strict: bool) -> list[Mention]:
    found = []
    for match in LABELS.finditer(text):
        if match["count"]:
            found.append((match.start(), f"labels={match['count'].replace(',', '')}"))
        elif match["share"]:
            found.append((match.start(), f"labels={match['share']}%"))
        else:
            found.append((match.start(), "all labels"))
    return found


def _attack(text: str, strict: bool) -> list[Mention]:
    return [(match.start(), match.lastgroup or "") for match in ATTACK.finditer(text)]


def _system(text: str, strict: bool) -> list[Mention]:
    found = [(match.start(), "single model") for match in SINGLE_MODEL.finditer(text)]
    return found + [(match.start(), "ensemble") for match in ENSEMBLE.finditer(text)]


def language_pair(match: re.Match[str]) -> str | None:
    """'en-de' for a LANGUAGE_PAIR match, None when it is no pair of two known languages."""
    if match["joined"]:  # EnDe
        source, target = match["joined"][:2].lower(), match["joined"][2:].lower()
    else:
        first, second = match["source"].lower(), match["target"].lower()
        if first in LANGUAGES and second in LANGUAGES:  # English-German, English to German
            source, target = LANGUAGES[first], LANGUAGES[second]
        elif "to" in match["joint"]:  # codes are common words: 'it to me' is no pair
            return None
        else:  # En-De, en→de, en2de
            source, target = first, second
    if source not in LANGUAGE_CODES or target not in LANGUAGE_CODES or source == target:
        return None
    return f"{source}-{target}"


def language_pairs(text: str) -> list[tuple[re.Match[str], str]]:
    """Every language pair in `text` with its match. Candidates overlap ('RCV2 English-to-German'
    first offers 'RCV2 English'), so a rejected one moves the search on by one character only."""
    found, at = [], 0
    while (match := LANGUAGE_PAIR.search(text, at)) is not None:
        pair = language_pair(match)
        if pair:
            found.append((match, pair))
        at = match.end() if pair else match.start() + 1
    return found


def _lang(text: str, strict: bool) -> list[Mention]:
    return [(match.start(), f"lang={pair}") for match, pair in language_pairs(text)]


def split_name(word: str) -> str | None:
    """The canonical split for a split word ('Test-Clean' -> 'test-clean'), None if it is none."""
    return SPLIT_NAMES.get(re.sub(r"[\s-]", "", word.lower()))


def _split(text: str, strict: bool) -> list[Mention]:
    found = []
    for match in SPLIT.finditer(text):
        word = re.sub(r"[\s-]", "", match["split"].lower())
        if strict and word not in DISTINCT_SPLITS and not SPLIT_NOUN.search(match[0]):
            continue
        found.append((match.start(), f"split={SPLIT_NAMES[word]}"))
    return found


READERS: dict[str, Callable[[str, bool], list[Mention]]] = {
    "shots": _shots,
    "protocol": _protocol,
    "data": _data,
    "labels": _labels,
    "attack": _attack,
    "system": _system,
    "lang": _lang,
    "split": _split,
}
# A word each reader's patterns need (lower case): most sentences have none of them, and a
# substring test is far cheaper than the regexes. Keep in sync with the patterns above.
KEYWORDS = {
    "shots": ("shot",),
    "protocol": ("linear", "tun", "nn", "neighbo"),
    "data": (
        "data", "jft", "21k", "22k", "ig-", "instagram", "laion", "yfcc", "cc3m", "cc12m", "142m", "webimage",
    ),
    "labels": ("label", "annotat", "supervised"),
    "attack": ("advers", "robust", "attack", "pgd", "fgsm", "clean"),
    "system": ("ensembl", "single"),
    "lang": ("-", "→", ">", " to ", "2"),  # every pair has a joiner; "EnDe" only in names
    "split": ("test", "dev", "val", "held"),
}  # fmt: skip


def condition_key(
    condition: str | None,
    evidence: str | None = None,
    value_text: str | None = None,
    fixed: Mapping[str, Iterable[str]] | None = None,
) -> str:
    """The canonical comparability key of a claim ('' when no setting is found).

    `value_text` is the number as written in `evidence` (it picks between two mentions of a
    setting); `fixed` maps a setting to the values a benchmark name gave it, which win.
    """
    settings: dict[str, str] = {}
    if condition:
        settings = _read_settings(condition, False, evidence, value_text)
    if not settings and evidence:
        settings = _read_settings(evidence, True, evidence, value_text)
    for setting, values in (fixed or {}).items():
        chosen = _choose(setting, sorted(set(values)), False, evidence, value_text)
        if chosen:
            settings[setting] = chosen
    return "; ".join(settings[s] for s in SETTING_ORDER if settings.get(s) and settings[s] not in DEFAULTS)


def _read_settings(text: str, strict: bool, evidence: str | None, value_text: str | None) -> dict[str, str]:
    settings = {}
    for setting, mentions in mentions_in(text, strict).items():
        values = sorted({value for _, value in mentions})
        chosen = _choose(setting, values, strict, evidence, value_text)
        if chosen:
            settings[setting] = chosen
    return settings


# Every claim of a sentence reads the same sentence: read it once (the pick by the number's
# position, which differs per claim, is cheap).
@functools.lru_cache(maxsize=8192)
def mentions_in(text: str, strict: bool) -> dict[str, tuple[Mention, ...]]:
    """Each setting's mentions in `text`, in SETTING_ORDER (settings with none left out)."""
    found = {}
    lowered = text.lower()
    for setting in SETTING_ORDER:
        if any(word in lowered for word in KEYWORDS[setting]):
            mentions = READERS[setting](text, strict)
            if mentions:
                found[setting] = tuple(mentions)
    return found


def _choose(
    setting: str, values: list[str], strict: bool, evidence: str | None, value_text: str | None
) -> str | None:
    """One value of a setting: the only one named, the one the number's position picks, or
    (from a claim's own condition text) all of them joined; None when nothing is left."""
    if len(values) <= 1:
        return values[0] if values else None
    picked = _pick_by_position(setting, values, evidence, value_text)
    if picked:
        return picked
    # The condition field itself names several: keep them all, in a stable order.
    return None if strict else "+".join(values)


# A number followed by '/' and another number: '2.1%/4.3%' reports several settings respectively.
SLASH_LIST = re.compile(r"\d[\d.,]*\s*%?(?:\s*/\s*\d[\d.,]*\s*%?)+")


def _pick_by_position(
    setting: str, values: list[str], evidence: str | None, value_text: str | None
) -> str | None:
    if not evidence or not value_text:
        return None
    at = evidence.find(value_text)
    if at < 0:
        return None
    mentions = sorted(m for m in mentions_in(evidence, False).get(setting, ()) if m[1] in values)
    if not mentions:
        return None
    for group in SLASH_LIST.finditer(evidence):
        if group.start() <= at < group.end():
            index = evidence[group.start() : at].count("/")
            named = list(dict.fromkeys(value for position, value in mentions if position > group.end()))
            slashes = group[0].count("/") + 1
            return named[index] if len(named) == slashes else None
    after = [value for position, value in mentions if position > at]
    before = [value for position, value in mentions if position < at]
    return after[0] if after else before[-1]


def parse_condition_option(text: str) -> str:
    """A condition typed by a user ('0-shot', 'zero shot; test set', 'none') as a key."""
    if text.strip().lower() in ("", "none", "-"):
        return ""
    return condition_key(text) or text.strip()
