"""Who the number belongs to: the paper's own system, a named subject, or a baseline.

The paper's system is found once per abstract ("we propose X", "X, a ...",
"(ACRONYM)" after a descriptive name, or the title's part before a colon);
"our model", "we" and sentences without a named subject resolve to it.
"""

from __future__ import annotations

import re

# A system name: CamelCase, acronyms, names with digits or hyphens ("Med-Gemini", "XLM-R",
# "ViT-Lens", "mPLM-Sim", "T5"); plain capitalised words count only as a subject (SUBJECT).
NAME = (r"(?:\b[A-Z]\w*[A-Z0-9](?:[\w.-]*\w)?"   # MedGemma, XLM-R, T5, CLIP
        r"|\b[a-z]+[A-Z](?:[\w.-]*\w)?"           # mPLM-Sim, wav2Vec
        r"|\b[A-Z][a-z]+(?:-[A-Za-z0-9]+)+\b"      # Med-Gemini, Inception-v3
        r"|\\[a-z]+\b)")                           # \method: a LaTeX macro standing for the name

# "we propose/introduce/present X", "a framework called X", "dubbed X".
PROPOSED = re.compile(
    rf"""\b(?:[Ww]e|[Tt]his\s+(?:paper|work))\s+(?:\w+ly\s+)?
    (?:propose|introduce|present|develop|design|build|release|train|call|name|term|dub|pretrain)[sd]?\b
    [^.;:]{{0,80}}?\b(?P<name>{NAME})""",
    re.VERBOSE,
)
# "Our model, FooNet, ...", "our framework called BarNet".
OUR_NAMED = re.compile(
    rf"\b[Oo]ur\s+(?:[\w-]+\s+){{0,3}}?(?:model|method|approach|framework|system|agent|architecture|network),?\s+"
    rf"(?:(?:called|dubbed|named|termed)\s+)?(?P<name>{NAME})")
CALLED = re.compile(rf"\b(?:called|named|dubbed|termed|coined)\s+(?P<name>{NAME}|[A-Z][a-z]+)")
# "Mixture of Dyadic Experts (MoDE)": an acronym defined for the paper's method.
DEFINED_ACRONYM = re.compile(r"\b(?:[A-Z][\w-]*\s+){1,6}\((?P<name>[A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*)\)")
# Title "TransTab: Learning ...": a short name before a colon.
TITLE_NAME = re.compile(r"^\s*(?P<name>[^:]{2,40}?)\s*:")

# Words that start sentences but are not systems.
_NOT_NAMES = frozenset({
    "We", "Our", "The", "This", "These", "Those", "It", "Its", "In", "On", "For", "Finally", "Overall",
    "Moreover", "Furthermore", "Additionally", "Specifically", "Notably", "Experiments", "Experimental",
    "Results", "Extensive", "Empirical", "Compared", "Using", "With", "Remarkably", "Particularly",
    "Surprisingly", "Importantly", "However", "Thus", "Hence", "Also", "Further", "Then", "Here",
    "When", "While", "Although", "As", "By", "At", "To", "From", "After", "Across", "Under",
    "Through", "Evaluation", "Evaluations", "Code", "SOTA", "SoTA", "State", "AI", "LLM", "LLMs", "NLP",
    "CV", "ML", "RL", "GPU", "GPUs", "API",
})

# A named subject right before a result verb: "XLM-R significantly outperforms", "Florence achieves".
SUBJECT = re.compile(
    rf"""(?P<name>{NAME}|[A-Z][a-z]{{2,}})(?:'s)?\s+(?:model|method|approach|framework|system|agent)?\s*
    (?:\w+ly\s+|can\s+|also\s+|further\s+|still\s+)*
    (?:achiev|outperform|improv|obtain|attain|reach|surpass|set|show|yield|rank|perform|bridg|enhanc
      |exceed|beat|get|score|record|boost|deliver|establish|match)\w*\b""",
    re.VERBOSE,
)
_OWN = re.compile(r"\b(?:our|we|the\s+proposed|this\s+approach|this\s+method|the\s+resulting)\b",
                  re.IGNORECASE)

# "outperforms mBERT", "over GPT-4V", "compared to CLIP", "than ResNet-FPN".
BASELINE_BEFORE = re.compile(
    rf"""\b(?:outperform|surpass|beat|exceed|improv)\w*\s+(?:\w+\s+){{0,3}}?(?:over\s+)?(?:the\s+)?
    (?P<name>{NAME})""", re.VERBOSE)
BASELINE_AFTER = re.compile(
    rf"""\s*(?:[^\s,;]+\s+){{0,6}}?(?:over|compared\s+(?:to|with)|than|against|by|vs\.?)\s+(?:the\s+)?
    (?:\w+\s+){{0,2}}?(?P<name>{NAME})""", re.VERBOSE)


def paper_model(abstract: str, title: str | None) -> str | None:
    """The system the paper proposes, or None when it names none."""
    if title:
        m = TITLE_NAME.match(title)
        if m and len(m.group("name").split()) <= 4 and re.search(r"[A-Z]", m.group("name")):
            return m.group("name").strip()
    for pattern in (PROPOSED, OUR_NAMED, CALLED, DEFINED_ACRONYM):
        m = pattern.search(abstract[:4000])
        if m and m.group("name") not in _NOT_NAMES:
            return m.group("name").rstrip(".-")
    return None


def sentence_model(sentence_left: str, own: str | None) -> str | None:
    """The named subject of the sentence before the number, else the paper's own system."""
    found = None
    for m in SUBJECT.finditer(sentence_left[-300:]):
        if m.group("name") not in _NOT_NAMES:
            found = m.group("name")
    if found:
        return found
    return own


def baseline_model(left: str, right: str) -> str | None:
    """A named system the number is compared against, on either side of it."""
    m = BASELINE_AFTER.match(right[:100])
    if m and m.group("name") not in _NOT_NAMES:
        return m.group("name")
    found = None
    for found in BASELINE_BEFORE.finditer(left[-160:]):  # noqa: B007 - the nearest is the last
        pass
    if found is not None and found.group("name") not in _NOT_NAMES:
        return found.group("name")
    return None


def mentions_own_system(text: str) -> bool:
    return _OWN.search(text) is not None
