"""Finding numbers, with their sign, unit and range partner, in normalised text.

`find_numbers` runs one compiled regex over the text (linear time) and turns
each match into a `NumberToken`. Ranges ("2.6-10%", "3.2% to 6.1%",
"25.8% ~ 44.7%") come back as one token; "from 71.1 to 79.1" comes back as
two tokens, because the first is a baseline, not a lower bound.
"""

from __future__ import annotations

import re
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
      | (?<![\w.\-+±/@_^{{\\])(?<!\d,) )            # or a bare start: not "GPT-4", "ViT-g/14", "AP_{{50}}"
    (?P<num>{_NUM})
    (?:(?P<unit>{_UNIT})
       | (?![A-Za-z\d_]|\.\d|/\d))                  # no unit: must not run on into "27B", "3D", "1/3"
    (?:(?P<range>\s{{0,4}}(?:-|~|to)\s{{0,4}})  # range joiner: 2.6-10%, 3% to 20%, 40% ~ 80%
       (?P<num2>{_NUM})
       (?P<unit2>{_UNIT})?
       (?![A-Za-z\d_]|\.\d))?
    """,
    re.VERBOSE,
)

# "from" right before a "to"-range means it is a change, not a range ("ranging from" stays a range).
_FROM_BEFORE = re.compile(r"(?<!ranging\s)(?<!varying\s)(?<!range\s)(?:\bfrom|\bbetween)\s{0,3}\Z")

_UNIT_NAMES = (("point", "points"), ("pp", "points"), ("p.p", "points"), ("%", "%"), ("percent", "%"),
               ("fold", "x"), ("x", "x"), ("X", "x"), ("×", "x"))


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
    return NumberToken(start, unit_end, _signed(m), None, unit_name(m.group("unit")), m.group("sign"),
                       _has_decimal(m.group("num")))


def _signed(m: re.Match[str]) -> float:
    value = parse_number(m.group("num"))
    return -value if m.group("sign") == "-" else value


def _has_decimal(num: str) -> bool:
    return "." in num or ":" in num


def _second(m: re.Match[str]) -> NumberToken:
    return NumberToken(m.start("num2"), m.end(), parse_number(m.group("num2")), None,
                       unit_name(m.group("unit2")), None, _has_decimal(m.group("num2")))


def find_numbers(text: str) -> list[NumberToken]:
    """All numbers of `text` in order; see the module docstring for ranges."""
    tokens: list[NumberToken] = []
    for m in NUMBER_TOKEN.finditer(text):
        start = m.start()
        if m.group("num2") is None:
            tokens.append(_single(m, start))
            continue
        low, high = _signed(m), parse_number(m.group("num2"))
        joiner = m.group("range").strip()
        is_change = joiner == "to" and _FROM_BEFORE.search(text, max(0, start - 12), start)
        if is_change or not low < high or m.group("sign") == "±":
            tokens.append(_single(m, start))
            tokens.append(_second(m))
            continue
        unit = unit_name(m.group("unit2")) or unit_name(m.group("unit"))
        tokens.append(NumberToken(start, m.end(), low, high, unit, m.group("sign"),
                                  _has_decimal(m.group("num"))))
    return tokens
