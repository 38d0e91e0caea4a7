"""Sentence boundaries and bounded context windows around a number.

Abstracts rarely need more than a regex split; what matters here is that every
window is bounded, so a 10 MB text with no full stop still costs linear time.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# A sentence ends at . ! ? followed by space and an upper-case letter, digit or bracket
# (so "e.g., the" and "vs. 89.8%" do not end one), or at the end of the text.
SENTENCE_END = re.compile(
    r"""
    [.!?]                                                          # the full stop itself (first: fast scan)
    (?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)(?<!\bal\.)(?<!\bFig\.)(?<!\bEq\.)   # not an abbreviation
    (?=\s+[A-Z(\["']|[A-Z][a-z]{2,}\b)                              # then space and a sentence opener,
                                                                   # or a glued "model.Finally " from scraping
    """,
    re.VERBOSE,
)

WINDOW = 140  # characters of context looked at on each side of a number
MAX_EVIDENCE = 600  # longest evidence kept; longer "sentences" are cut around the number


def sentence_bounds(text: str) -> list[int]:
    """Sorted sentence start offsets (the first is 0)."""
    return [0] + [m.end() for m in SENTENCE_END.finditer(text)]


def sentence_of(starts: list[int], text_len: int, pos: int) -> tuple[int, int]:
    """[start, end) of the sentence holding offset `pos`."""
    i = bisect_right(starts, pos) - 1
    end = starts[i + 1] if i + 1 < len(starts) else text_len
    return starts[i], end


def evidence_bounds(sent: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The sentence, or a window around [start, end) when the sentence is too long."""
    s, e = sent
    if e - s <= MAX_EVIDENCE:
        return s, e
    half = MAX_EVIDENCE // 2
    return max(s, start - half), min(e, end + half)
