"""Properties that hold for any input: no exceptions, valid spans and kinds, linear time."""

from __future__ import annotations

import random
import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from leaderboard.extract import extract_claims
from leaderboard.extract.numbers import parse_number

KINDS = {"score", "delta", "efficiency"}
# The first number of a span, as the extractor writes numbers ("1,024", ".85", "4:52%").
FIRST_NUMBER = re.compile(r"\d{1,2}:\d{2}(?=\s?%)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")

# Text made of the pieces results are written with, so the rules actually fire.
PIECES = st.sampled_from(
    [
        "accuracy",
        "F1",
        "top-1",
        "BLEU",
        "on",
        "ImageNet",
        "by",
        "from",
        "to",
        "improves",
        "outperforms",
        "achieves",
        "respectively",
        "and",
        ",",
        ".",
        " ",
        "%",
        "\\%",
        "±",
        "~",
        "$\\sim$",
        "−",
        "–",
        "+",
        "-",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "\\textbf{",
        "x",
        "points",
        "pp",
        "vs.",
        ">",
        "<",
        "=",
        "of",
        "the",
        "1,024",
        ".85",
        "0",
        "7",
        "91.1",
        "2.6-10",
        "2019",
        "GPT-4",
        "ResNet-50",
        "1.5",
        "sim",
        "e.g.,",
        "\n",
    ]
)
# Digits, signs and separators packed close, where number parsing and spans can go wrong.
DENSE = st.text(alphabet="0123456789.,%-+~ ±:()[]{}\\$x abcAB\u2212\u2013", max_size=300)
TEXT = st.one_of(st.text(max_size=400), st.lists(PIECES, max_size=80).map("".join), DENSE)


def check_claims(text: str) -> None:
    for c in extract_claims(text):
        start, end = c.span
        assert 0 <= start < end <= len(text)
        assert c.value_text == text[start:end]
        assert c.kind in KINDS
        assert 0.0 <= c.confidence <= 1.0
        assert c.rule
        first = FIRST_NUMBER.search(text[start:end])
        assert first is not None and first.start() <= 2, (text[start:end], c.value)
        assert abs(parse_number(first.group(0))) == abs(c.value), (text[start:end], c.value)


@settings(max_examples=400, deadline=None)
@given(TEXT, st.one_of(st.none(), st.text(max_size=60)))
def test_never_raises_and_spans_cover_the_value(text: str, title: str | None) -> None:
    check_claims(text)
    extract_claims(text, title)


def _timed(text: str) -> float:
    t0 = time.perf_counter()
    extract_claims(text)
    return time.perf_counter() - t0


def test_ten_megabytes_on_one_line_take_linear_time() -> None:
    rng = random.Random(7)
    unit = "".join(rng.choice("0123456789abc .%,-") for _ in range(997)) + " a "
    one = "a 1.5 " * (1_000_000 // 12) + unit * 500
    ten = one * 10
    small, big = _timed(one), _timed(ten)
    assert big < 30 * small + 0.5, f"1 MB {small:.2f}s, 10 MB {big:.2f}s"


def test_long_numberless_and_number_only_lines() -> None:
    for text in ("word " * 400_000, "1 " * 500_000, "12.5% " * 200_000, "(" * 300_000 + "1%"):
        t0 = time.perf_counter()
        extract_claims(text)
        assert time.perf_counter() - t0 < 10


def test_many_short_sentences_take_linear_time() -> None:
    text = "Our model gets 91.5% accuracy on ImageNet. " * 2_500
    small, big = _timed(text), _timed(text * 10)
    assert big < 30 * small + 0.5, f"110 KB {small:.2f}s, 1.1 MB {big:.2f}s"
