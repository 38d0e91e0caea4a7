"""Length-preserving clean-up of scraped abstract text.

Every replacement keeps the string length, so an offset in the cleaned copy
is the same offset in the original abstract: spans are computed on the copy
and reported against the original without any mapping table.
"""

from __future__ import annotations

import re

# One character for one character: unicode minus and dashes, odd spaces, full-width signs.
_CHAR_MAP = str.maketrans(
    {
        "\u2212": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\t": " ",
        "\n": " ",
        "\r": " ",
        "\uff05": "%",
        "\uff5e": "~",
        "\u223c": "~",
        "\u2248": "~",
        "\u00d7": "x",
        "\u2264": "<",
        "\u2265": ">",
        "$": " ",
    }
)

# LaTeX remnants, each replaced by a same-length string.
_LATEX = re.compile(
    r"""
    (?P<pct>\\%)                                   # escaped percent sign: \%
    | (?P<sim>\\sim\b|\\approx\b|\\thicksim\b)      # \sim, \approx: approximately / range tilde
    | (?P<pm>\\pm\b)                               # \pm: plus-minus
    | (?P<arrow>\\(?:right|long)arrow\b|\\to\b)    # \rightarrow, \to: from-to arrow
    | (?P<times>\\times\b)                         # \times
    | (?P<cmd>\\(?:textbf|textit|emph|mathbf|mathrm|mathit|text|underline|bm|textsc)\{)  # \textbf{x}:
      (?P<inner>[^{}]{0,200})\}                                                        # keep the x
    | (?P<space>\\[,;:!\ ])                        # thin spaces: \, \; \:
    | (?P<ge>\\(?:geq?|geqslant)\b)                # \ge, \geq
    | (?P<le>\\(?:leq?|leqslant)\b)                # \le, \leq
    """,
    re.VERBOSE,
)
# "sim" left from a stripped \sim before a number: "25.8% sim 44.7%", "merely sim0.6".
_SIM_WORD = re.compile(r"sim(?=\s?[\d.])(?<![A-Za-z]sim)")


def _latex_replacement(m: re.Match[str]) -> str:
    kind = m.lastgroup
    n = len(m.group(0))
    if kind == "pct":
        return " %"
    if kind == "sim":
        return "~".ljust(n)
    if kind == "pm":
        return "±".ljust(n)
    if kind == "arrow":
        return "\u2192".ljust(n)
    if kind == "times":
        return "x".ljust(n)
    if kind == "ge":
        return ">".ljust(n)
    if kind == "le":
        return "<".ljust(n)
    if m.group("cmd"):
        return " " * len(m.group("cmd")) + m.group("inner") + " "
    return " " * n


def clean_keeping_offsets(text: str) -> str:
    """Return a same-length copy with LaTeX remnants and odd characters made plain."""
    text = text.translate(_CHAR_MAP)
    if "\\" in text:
        text = _LATEX.sub(_latex_replacement, text)
    if "sim" in text:
        text = _SIM_WORD.sub("~  ", text)
    return text
