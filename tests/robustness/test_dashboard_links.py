"""Paper text never becomes a link on the dashboard: only links the program builds (arXiv) are links.

Streamlit renders Markdown with GitHub's autolink extension, which links
`www.x`, `http(s)://x` and `a@b.c` by their shape in the text left after
escapes are read (mdast-util-gfm-autolink-literal); `md_escape`, the one
helper through which paper text reaches Markdown, breaks each shape with an
invisible word joiner, so what a reader sees is unchanged.
"""

from __future__ import annotations

import re

import pytest
from dashboard_support import plain

from dashboard.ui import md_escape

# The shapes GFM links, as mdast-util-gfm-autolink-literal finds them in text.
GFM_URL = re.compile(r"(https?://|www(?=\.))([-.\w]+)", re.IGNORECASE)
GFM_EMAIL = re.compile(r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)")

HOSTILE_NAMES = [
    "www.evil.example",
    "WWW.Evil.Example/path?q=1",
    "See https://evil.example/x and http://a.b",
    "[ImageNet](https://evil.example)",
    "mailto:ann@evil.example",
    "ann@evil.example",
    "<https://evil.example>",
    "ResNet-50 (www.evil.example) top-1",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_no_gfm_link_shape_survives_and_the_text_reads_the_same(name):
    escaped = md_escape(name)
    unescaped = re.sub(r"\\(.)", r"\1", escaped)  # what the Markdown reader leaves as text
    assert not GFM_URL.search(unescaped)
    assert not GFM_EMAIL.search(unescaped)
    assert plain(escaped) == name


def test_text_without_link_shapes_is_only_escaped():
    assert md_escape("GPT-4 @ 8k: 86.4%") == "GPT\\-4 @\u2060 8k\\: 86\\.4%"
    assert md_escape("ImageNet top-1") == "ImageNet top\\-1"
