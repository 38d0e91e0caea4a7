"""Finding numbers, with their sign, unit and range partner, in normalised text.

`find_numbers` runs one compiled regex over the text (linear time) and turns
each match into a `NumberToken`. Ranges ("2.6-10%", "3.2% to 6.1%",
"25.8% ~ 44.7%") come back as one token; "from 71.1 to 79.1" comes back as
two tokens, because the first is a baseline, not a lower bound.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A single number: "1,024", "91.1", ".85", "4:52" (a scraped decimal point, only before "%").
_NUM = r"(?:\d{1,2}:\d{2}(?=\s?%)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"

# What may follow a number as its unit; "points" variants first so "%-points" is not read as "%".
_UNIT = r"""(?:
      \s{0,2}%(?:\s?-\s?points?\b|\s+points?\b)?   # %, 5.6%-points, 5 % points
    | \s?percent(?:age)?\s+points?\b               # percentage points
    | \s?percent\b                                 # percent
    | \s?pp\b | \s?p\.p\.                          # pp, p.p.
    | \s?(?:x|X|×)(?![\w])                           # 6.5x, 2 x
    | -?fold\b                                     # 3-fold, 3fold
)"""

NUMBER_TOKEN = re.compile(
    rf"""
    (?:(?<![\w.])(?P<sign>[+\-±])\s?                # a sign not glued to a word: +14.6%, -0.5
      | (?:(?<![\w.\-+±/@_^{{\\])                   # or a bare start: not "GPT-4", "ViT-g/14", "AP_{{50}}"
         |(?:(?<=\.\d/)|(?<=\.\d\d/)|(?<=\d%/))(?=\d+\.\d))  # "65.3/[66.5]", "85.4%/[86.2%]": decimals
        (?<!\d,) )
    (?<!(?i:bleu)\s)(?<!(?i:rouge)\s)                # a metric's name digit: "BLEU 1", "ROUGE 2"
    (?P<num>{_NUM})
    (?:(?P<unit>{_UNIT})
       | (?![A-Za-z\d_]|\.\d|/(?!\d+\.\d)\d)      # no unit: not into "27B", "3D", "1/3"; "65.3/66.5" ok
       | (?=(?:dB|mm)\b))                          # a measure's unit glued on: "2.4dB", "3.1mm"
    (?:(?P<range>\s{{0,4}}(?:-|~|to)\s{{0,4}})  # range joiner: 2.6-10%, 3% to 20%, 40% ~ 80%
       (?P<num2>{_NUM})
       (?P<unit2>{_UNIT})?
       (?![A-Za-z\d_]|\.\d))?
    """,
    re.VERBOSE,
)

# "from" right before a "to"-range means it is a change, not a range ("ranging from" stays a range).
_FROM_BEFORE = re.compile(
    r"""(?:(?<!ranging\s)(?<!varying\s)(?<!range\s)(?:\bfrom|\bbetween)\s{0,3}  # from 71.1 to 79.1
    | \bfrom\s+[+-]?[\d.,]+\s?%?\s+to\s+[+-]?[\d.,]+\s?%?   # from 75.2% to 79%
      (?:,\s*|\s+and\s+|,\s*and\s+))\Z                     # ..., and 79.1% to 83%
    """,
    re.VERBOSE,
)

# "OntoNotes 5.0 to 92.1": the first number is the version of a name, so "to" ends a change.
_VERSION_OF_NAME = re.compile(r"\b[A-Z][\w-]*[a-z][\w-]*\s\Z")

_UNIT_NAMES = (
    ("point", "points"),
    ("pp", "points"),
    ("p.p", "points"),
    ("%", "%"),
    ("percent", "%"),
    ("fold", "x"),
    ("x", "x"),
    ("X", "x"),
    ("×", "x"),
)


@dataclass(frozen=True, slots=True)
class NumberToken:
    """One number (or range) in the text; offsets index the original abstract too."""

    start: int  # span start, sign included
    end: int  # span end, unit (and range partner) included
    value: float
    value_high: float | None
    unit: str | None  # "%", "x", "points" or None
    sign: str | None
    has_decimal: bool


def parse_number(text: str) -> float:
    """Parse one number as `_NUM` finds it: "1,024" -> 1024, "4:52" -> 4.52, ".85" -> 0.85."""
    return float(text.replace(",", "").replace(":", "."))


def unit_name(unit_text: str | None) -> str | None:
    if not unit_text:
        return None
    for key, name in _UNIT_NAMES:
        if key in unit_text:
            return name
    return None


def _single(m: re.Match[str], start: int) -> NumberToken:
    unit_end = m.end("unit") if m.group("unit") else m.end("num")
    return NumberToken(
        start,
        unit_end,
        _signed(m),
        None,
        unit_name(m.group("unit")),
        m.group("sign"),
        _has_decimal(m.group("num")),
    )


def _signed(m: re.Match[str]) -> float:
    value = parse_number(m.group("num"))
    return -value if m.group("sign") == "-" else value


def _has_decimal(num: str) -> bool:
    return "." in num or ":" in num


def _second(m: re.Match[str]) -> NumberToken:
    return NumberToken(
        m.start("num2"),
        m.end(),
        parse_number(m.group("num2")),
        None,
        unit_name(m.group("unit2")),
        None,
        _has_decimal(m.group("num2")),
    )


# Runs of digits: a fast scan that finds where numbers may start.
_DIGITS = re.compile(r"\d+")


def _number_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """NUMBER_TOKEN matches in [start, end), tried only where a digit run (or its sign / leading
    dot) starts: much faster than `NUMBER_TOKEN.finditer`, whose leading lookbehinds defeat the
    regex engine's prefix scan."""
    done = start
    for d in _DIGITS.finditer(text, start, end):
        digit = d.start()
        if digit < done:
            continue
        for first in (digit - 2, digit - 1, digit):  # "+ 5", "+5" / ".85", "5"
            if first < done or first < 0:
                continue
            m = NUMBER_TOKEN.match(text, first)
            if m is not None:
                done = m.end()
                yield m
                break


def find_numbers(
    text: str, sentence_starts: list[int] | None = None, per_sentence: int | None = None
) -> list[NumberToken]:
    """Numbers of `text` in order (see the module docstring for ranges); with `sentence_starts`
    and `per_sentence`, at most that many matches per sentence: the rest are not even scanned."""
    bounds = sentence_starts or [0]
    tokens: list[NumberToken] = []
    for i, s_start in enumerate(bounds):
        s_end = bounds[i + 1] if i + 1 < len(bounds) else len(text)
        for n, m in enumerate(_number_matches(text, s_start, s_end)):
            if per_sentence is not None and n >= per_sentence:
                break
            _add_tokens(text, m, tokens)
    return tokens


def _add_tokens(text: str, m: re.Match[str], tokens: list[NumberToken]) -> None:
    """One token for a match, or two when its "range" is a change or not ascending."""
    start = m.start()
    if m.group("num2") is None:
        tokens.append(_single(m, start))
        return
    low, high = _signed(m), parse_number(m.group("num2"))
    joiner = m.group("range").strip()
    is_change = joiner == "to" and (
        _FROM_BEFORE.search(text, max(0, start - 40), start)
        or _VERSION_OF_NAME.search(text, max(0, start - 30), start)
    )
    if is_change or not low < high or m.group("sign") == "±":
        tokens.append(_single(m, start))
        tokens.append(_second(m))
        return
    unit = unit_name(m.group("unit2")) or unit_name(m.group("unit"))
    tokens.append(NumberToken(start, m.end(), low, high, unit, m.group("sign"), _has_decimal(m.group("num"))))
