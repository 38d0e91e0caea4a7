"""Text from papers and input files made safe to print on a terminal."""

from __future__ import annotations


def printable(text: str) -> str:
    """`text` with control characters written as escapes (\\x1b, \\n, \\u202e).

    Paper titles, sentences and file names come from input files; printed raw,
    an escape sequence would drive the user's terminal, a right-to-left mark
    would reorder the line and a newline would split a one-line message.
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)
