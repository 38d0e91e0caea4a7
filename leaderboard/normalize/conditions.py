"""Comparability settings of a claim, as one canonical key.

Numbers rank together only when they were measured the same way: zero-shot
against zero-shot, on the test split against the test split. The claim's
`condition` text (the extractor's reading of the sentence for this one
number) decides when it names any setting; otherwise the evidence sentence is
read, skipping any setting it names two values of ("zero-shot and 5-shot"),
which would be a guess.

The key lists the settings found in `SETTING_ORDER`, joined by '; ', e.g.
'zero-shot; split=test'; '' when none is found.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Spelled-out shot counts; digits are read as they are.
NUMBER_WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "eight": 8, "ten": 10}

SHOTS = re.compile(
    r"""
    \b(?P<count>\d{1,3}|zero|one|two|three|four|five|eight|ten|few)   # how many examples
    [\s-]?shots?\b                                                     # '-shot', ' shot', 'shots'
    """,
    re.VERBOSE | re.IGNORECASE,
)
FINE_TUNED = re.compile(r"\bfine[\s-]?tun(?:ed|ing|e)\b", re.IGNORECASE)
EXTRA_DATA = re.compile(
    r"""
    (?P<negated>\b(?:without|w/o|no)\s+)?          # 'without extra data' is the opposite
    \b(?:extra|additional|external)\s+(?:training\s+)?data\b
    """,
    re.VERBOSE | re.IGNORECASE,
)
SPLIT = re.compile(
    r"""
    \b(?P<split>test[\s-]dev|test[\s-]std|test|dev|development|val|validation|held[\s-]out)
    (?:\s+(?:set|split|sets|splits|data))?\b
    """,
    re.VERBOSE | re.IGNORECASE,
)
# A split word alone is too common ('we test', 'dev' in names); ask for a
# split noun after it unless the text is the claim's own condition field.
SPLIT_NOUN = re.compile(r"\b(?:set|split|sets|splits)\b", re.IGNORECASE)
ENSEMBLE = re.compile(r"\bensembl(?:e|es|ed|ing)\b", re.IGNORECASE)
SINGLE_MODEL = re.compile(r"\bsingle[\s-]model\b", re.IGNORECASE)

# Split names specific enough to count in a sentence without 'set' or 'split' after them.
DISTINCT_SPLITS = ("testdev", "teststd")
SPLIT_NAMES = {
    "test": "test",
    "testdev": "test-dev",
    "teststd": "test-std",
    "dev": "dev",
    "development": "dev",
    "val": "val",
    "validation": "val",
    "heldout": "test",
}

# Keep in sync with the README section "Conditions": the order settings appear in a key.
SETTING_ORDER = ("shots", "training", "data", "system", "split")


def _shots(text: str, strict: bool) -> set[str]:
    found = set()
    for match in SHOTS.finditer(text):
        count = match["count"].lower()
        if count == "few":
            found.add("few-shot")
        else:
            number = NUMBER_WORDS[count] if count in NUMBER_WORDS else int(count)
            found.add("zero-shot" if number == 0 else f"{number}-shot")
    return found


def _training(text: str, strict: bool) -> set[str]:
    return {"fine-tuned"} if FINE_TUNED.search(text) else set()


def _data(text: str, strict: bool) -> set[str]:
    # 'without extra data' is the usual setting, the same as saying nothing.
    return {"extra data" for match in EXTRA_DATA.finditer(text) if not match["negated"]}


def _system(text: str, strict: bool) -> set[str]:
    found = set()
    if SINGLE_MODEL.search(text):
        found.add("single model")
    if ENSEMBLE.search(text):
        found.add("ensemble")
    return found


def _split(text: str, strict: bool) -> set[str]:
    found = set()
    for match in SPLIT.finditer(text):
        word = re.sub(r"[\s-]", "", match["split"].lower())
        if strict and word not in DISTINCT_SPLITS and not SPLIT_NOUN.search(match[0]):
            continue
        found.add(f"split={SPLIT_NAMES[word]}")
    return found


READERS: dict[str, Callable[[str, bool], set[str]]] = {
    "shots": _shots,
    "training": _training,
    "data": _data,
    "system": _system,
    "split": _split,
}
# A word each reader's patterns need (lower case): most sentences have none of them, and a
# substring test is far cheaper than the regexes. Keep in sync with the patterns above.
KEYWORDS = {
    "shots": ("shot",),
    "training": ("tun",),
    "data": ("data",),
    "system": ("ensembl", "single"),
    "split": ("test", "dev", "val", "held"),
}


def condition_key(condition: str | None, evidence: str | None = None) -> str:
    """The canonical comparability key of a claim ('' when no setting is found)."""
    key = _read_settings(condition, strict=False) if condition else ""
    if not key and evidence:
        key = _read_settings(evidence, strict=True)
    return key


def _read_settings(text: str, strict: bool) -> str:
    parts = []
    lowered = text.lower()
    for setting in SETTING_ORDER:
        if not any(word in lowered for word in KEYWORDS[setting]):
            continue
        values = READERS[setting](text, strict)
        if len(values) == 1:
            parts.append(values.pop())
        elif values and not strict:
            # The condition field itself names several: keep them all, in a stable order.
            parts.append("+".join(sorted(values)))
    return "; ".join(parts)


def parse_condition_option(text: str) -> str:
    """A condition typed by a user ('0-shot', 'zero shot; test set', 'none') as a key."""
    if text.strip().lower() in ("", "none", "-"):
        return ""
    return condition_key(text) or text.strip()
