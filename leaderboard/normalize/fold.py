"""The matching key of a name: case, punctuation and spacing ignored.

"ImageNet-1K", "imagenet 1k" and "ImageNet_1K" fold to one key, so they are
one name. Letters and digits are all that is kept, which is also why model
variants stay apart: "GPT-4", "GPT-4V", "GPT-4o" and "GPT-4 Turbo" fold to
"gpt4", "gpt4v", "gpt4o" and "gpt4turbo". A '+' carries meaning in names
("chrF++", "C++", "RoBERTa+") and is spelled out rather than dropped.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Anything that is not a letter or digit (underscore included, which \w keeps).
_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")


# Names repeat a lot (every claim on ImageNet names it), so folding each once pays.
@functools.lru_cache(maxsize=65536)
def fold(name: str | None) -> str:
    """The key `name` matches by; '' when it holds no letter or digit."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKC", name).casefold().replace("+", "plus")
    return _NOT_LETTER_OR_DIGIT.sub("", text)
