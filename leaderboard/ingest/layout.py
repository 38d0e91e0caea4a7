"""What a line of a text page is, judged by its shape alone.

Listing and daily-page text has no markup, so titles, author lists and
abstract text are told apart by length and punctuation. Real titles run to
~150 characters and abstracts to several hundred, with a wide gap between.
"""

from __future__ import annotations

import re

TITLE_MAX_CHARS = 300
AUTHOR_MAX_WORDS = 6
# Share of comma-separated items that must look like names for a line to be an author list.
AUTHOR_SHARE = 0.8

# Only a full stop ends a sentence here: a title cut off by a page copy may end in ":" or ";".
SENTENCE_END = re.compile(r"\.$")
AUTHOR_SEPARATOR = re.compile(r",\s*|\s+and\s+")
PERSON_NAME = re.compile(
    r"""
    ^[^\W\d_]                       # starts with a letter (any script, any case: "de", "van")
    [^\d,;:()]*$                    # and holds no digits or clause punctuation
    """,
    re.VERBOSE,
)
LINK_LINE = re.compile(
    r"""
    ^[A-Z][\w &/-]{0,40}:\s*        # a short label such as "Project Website:" or "Code:"
    (?:https?://|www\.)\S+$         # then nothing but a URL
    """,
    re.VERBOSE,
)


def is_short_line(line: str) -> bool:
    """Short enough to be a title (or chrome); abstracts are longer, or end like a sentence."""
    text = line.strip()
    return bool(text) and len(text) <= TITLE_MAX_CHARS


def is_title_line(line: str) -> bool:
    """Short and not ending like a sentence; may also be page chrome, which callers weed out."""
    return is_short_line(line) and not SENTENCE_END.search(line.strip())


def is_body_line(line: str) -> bool:
    """Text that is not title-shaped: an abstract or a paragraph of one."""
    return bool(line.strip()) and not is_title_line(line)


def is_author_list(line: str) -> bool:
    """A comma-separated list of names ("Machel Reid, Nikolay Savinov, ...")."""
    names = [name for name in AUTHOR_SEPARATOR.split(line.strip()) if name]
    if len(names) < 2:
        return False
    namelike = sum(1 for name in names if PERSON_NAME.match(name) and len(name.split()) <= AUTHOR_MAX_WORDS)
    return namelike >= AUTHOR_SHARE * len(names)


def is_link_line(line: str) -> bool:
    """A "Label: URL" line ("Project Website: https://...") that belongs to no abstract."""
    return bool(LINK_LINE.match(line.strip()))
