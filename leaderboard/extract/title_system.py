"""The paper's own system as its title and its defined acronyms name it.

Two readings, both by shape, never by a list of systems:
- an acronym the abstract defines ("Structure-Aware Convolutional Network (SACN)")
  whose expansion shares words with the title: the paper's system, by its short name;
- the title's lead noun phrase: the part before a colon ("Batch Normalization: ...")
  or before the first preposition ("Temporal Ensembling for Semi-Supervised
  Learning"), when it is a short capitalised phrase and no task ("Automatic
  Dialect Detection", heads from the shipped task names), question or gerund.
"""

from __future__ import annotations

import re

from leaderboard.extract import names, vocab

# "(ACR)", "(ACR in short)": a bracketed acronym; the words before it are its candidate expansion.
_BRACKETED_ACRONYM = re.compile(
    r"\((?P<acr>[A-Za-z][A-Za-z0-9+-]*[A-Z][A-Za-z0-9+-]*)(?:\s+(?:in|for)\s+short)?\)"
)
_EXPANSION_WORD = re.compile(r"^[A-Za-z][\w-]*$")
# Where a title's lead phrase ends.
_TITLE_BREAK = re.compile(
    r"\s*:|\s+(?:for|of|with|via|in|on|to|from|by|using|through|and|as|at|towards?)\s", re.I
)
_SMALL = frozenset({"of", "for", "and", "with", "the", "in", "to", "on", "a", "an"})
# A title lead that names no system: a question, an imperative, a gerund or a stance.
_NOT_A_SYSTEM = re.compile(
    r"""^(?:a|an|the|towards?|on|beyond|rethinking|revisiting|understanding|learning|exploring|improving
    |scaling|searching|when|what|why|how|can|do|does|is|are|should|less|more|all|one|no|not|just|from|deep|neural
    |never|let's|let|make|making|beyond|go|pay|use|look|take|keep|stop|mind|ask|teach|think|learn|\w+ing)\b
    |.*\b(?:your|our|my|we|you|is|are|matters?|works?|helps?)\b""",
    re.VERBOSE | re.IGNORECASE,
)
# Heads of a lead phrase that name an activity or a study, not a system.
_NOT_SYSTEM_HEADS = frozenset(
    {
        "training",
        "tuning",
        "transfer",
        "development",
        "study",
        "analysis",
        "benchmark",
        "dataset",
        "survey",
        "evaluation",
        "comparison",
        "alignment",
        "adaptation",
    }
)
_TITLE_WORD = re.compile(r"^(?:[A-Z0-9][\w'+.&/-]*|[a-z]+[A-Z][\w+-]*)$")


def _words(text: str) -> set[str]:
    """Content words, cut to six letters so "autoencoder" meets "autoencoders", "composition"
    meets "compositional"."""
    words = names.fold(text).replace("(", " ").replace(")", " ").replace(",", " ").split()
    return {w[:6] for w in words if w not in _SMALL}


def _initials_fit(expansion: str, acronym: str) -> bool:
    """The acronym's first letter opens the expansion and most of its capitals are word initials;
    a part written out in the expansion ("Fast-Slow RNN (FS-RNN)") counts as given."""
    words = [w for w in re.split(r"[\s-]+", expansion) if w and w.lower() not in _SMALL]
    if not words or words[0][0].lower() != acronym[0].lower():
        return False
    verbatim = {w for w in words if len(w) > 1 and w.isupper()}
    parts = [p for p in acronym.split("-") if p not in verbatim]
    words = [w for w in words if w not in verbatim]
    initials = {w[0].lower() for w in words}
    caps = [c.lower() for c in "".join(parts) if c.isalpha() and c.isupper()]
    return bool(caps) and sum(c in initials for c in caps) >= max(1, len(caps) - 1)


def initials_fit(spelled: str, acronym: str) -> bool:
    """Some tail of the words `spelled` out abbreviates to `acronym`."""
    words = spelled.split()
    return any(_initials_fit(" ".join(words[cut:]), acronym) for cut in range(len(words)))


def _expansion(abstract: str, bracket_start: int, acronym: str) -> str | None:
    """The words before "(ACR)" that the acronym abbreviates, longest first."""
    words = [w.rstrip(",") for w in abstract[max(0, bracket_start - 120) : bracket_start].split()[-8:]]
    while words and not _EXPANSION_WORD.match(words[0]):
        words = words[1:]
    if any(not _EXPANSION_WORD.match(w) for w in words):
        words = words[max(i for i, w in enumerate(words) if not _EXPANSION_WORD.match(w)) + 1 :]
    for cut in range(len(words)):
        tail = " ".join(words[cut:])
        if _initials_fit(tail, acronym):
            return tail
    return None


def defined_title_acronym(abstract: str, title: str | None) -> str | None:
    """The acronym the abstract defines for the paper's system: its expansion shares words with
    the title (or a part of it is written in the title), more so when "we propose/introduce" or
    "our"/"novel" leads up to it. Generic families ("CNN", "SVM"), tasks and datasets never count."""
    if not title:
        return None
    title_words = _words(title)
    best, best_score = None, 1
    for m in _BRACKETED_ACRONYM.finditer(abstract, 0, 3000):
        acr = m.group("acr")
        tail = _expansion(abstract, m.start(), acr)
        if tail is None or not _names_a_system(abstract, m, acr, tail):
            continue
        # a part ("Geometry Normalization Module (GNM)") loses a tie with the whole it is built into
        score = len(_words(tail) & title_words) - _names_a_part(tail)
        if _in_words(acr, title) or any(len(part) >= 3 and _in_words(part, title) for part in acr.split("-")):
            score += 2
        if _PROPOSING.search(abstract, max(0, m.start() - 160), m.start()):
            score += 1
        if score > best_score:
            best, best_score = acr, score
    return best


def _in_words(part: str, title: str) -> bool:
    """`part` is written in the title as a word or a word's part set off by a hyphen ("MoE" in
    "MoE-LLaVA"), not inside another word ("BERT" in "ALBERT")."""
    return re.search(rf"(?<![A-Za-z0-9]){re.escape(part)}(?![a-z])", title) is not None


# "(LCA) module", "(ASFF) block": the acronym names a part that the paper's system is built of.
_COMPONENT_AFTER = re.compile(r"\s+(?:module|block|layer|unit|component|head|branch)s?\b", re.IGNORECASE)

# Research fields, not systems: "Natural Language Processing (NLP)".
_FIELDS = frozenset({"NLP", "CV", "ML", "AI", "RL", "IR", "ASR", "MT", "NLU", "NLG", "HCI"})
_PROPOSING = re.compile(
    r"\b(?:we\s+(?:\w+\s+)?(?:propose|introduce|present|develop|design|call)|our|novel|new|dubbed)\b",
    re.IGNORECASE,
)


# Where a paper introduces its own system just before an acronym.
_INTRODUCING = re.compile(
    r"""\b(?:we\s+(?:\w+ly\s+)?(?:propose|introduce|present|develop|design|describe|call)\w*
    |this\s+(?:paper|work|study)\s+(?:\w+ly\s+)?(?:propose|introduce|present|describe)s?
    |(?:called|named|dubbed|termed|coined))\b[^.;]{0,120}\Z""",
    re.VERBOSE | re.IGNORECASE,
)


def introduced_acronym(abstract: str) -> str | None:
    """ "This paper describes an explicit word vector representation model (WVM)", "a simple
    operator called task-aware spatial disentanglement (TSD)": an acronym the abstract defines
    right where it introduces its system (the expansion must fit the acronym's letters)."""
    for m in _BRACKETED_ACRONYM.finditer(abstract, 0, 3000):
        acr = m.group("acr")
        if not _INTRODUCING.search(abstract, max(0, m.start() - 160), m.start()):
            continue
        tail = _expansion(abstract, m.start(), acr)
        if tail is not None and _names_a_system(abstract, m, acr, tail) and not _names_a_part(tail):
            return acr
    return None


def _names_a_system(abstract: str, m: re.Match[str], acr: str, expansion: str) -> bool:
    """ "(ACR)" defined for `expansion` names a system: no generic family ("CNN"), research field,
    plural of things ("ROIs"), dataset, task ("Visual Question Answering (VQA)",
    "(UDA) semantic segmentation") or part named after it ("(LCA) module")."""
    if vocab.is_generic_system(acr) or acr.upper() in _FIELDS:
        return False
    if _PLURAL.match(acr) and not _NETWORKS.search(expansion):
        return False  # "(HNNs)" for "Holistically-Nested ... Networks" still names one architecture
    if names.find_benchmarks(acr) or _COMPONENT_AFTER.match(abstract, m.end()):
        return False
    return not (names.is_task_name(expansion) or modifies_task(abstract, acr))


def _names_a_part(expansion: str) -> bool:
    """ "a Geometry Normalization Module (GNM)": the expansion names a part of a system."""
    return expansion.split()[-1].lower() in _COMPONENT_HEADS


_PLURAL = re.compile(r"^[A-Za-z]*[A-Z]s$")
_NETWORKS = re.compile(r"(?:Networks|Nets)$", re.IGNORECASE)
# Head nouns of an expansion that names a part of a system, not the system.
_COMPONENT_HEADS = frozenset({"module", "block", "layer", "unit", "predictor", "head", "branch", "mechanism"})
# "(UDA) semantic segmentation", "DA classification", "the DAR problem": the name qualifies a task.
_TASK_AFTER = re.compile(
    r"\)?\s+(?:(?!(?:for|on|in|and|or|with|to|of|the|a|an|at|by|via|from)\s)[a-z]+\s+)?"
    r"(?:classification|detection|segmentation|recognition|tracking|parsing|translation"
    r"|estimation|retrieval|generation|prediction|tagging|extraction|labell?ing|summarization|localization"
    r"|answering|captioning|tasks?|problems?)(?![\w-])"
)


def modifies_task(abstract: str, name: str) -> bool:
    """Some use of `name` in `abstract` qualifies a task."""
    at = abstract.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not abstract[at - 1].isalnum()) and _TASK_AFTER.match(abstract, end):
            return True
        at = abstract.find(name, end)
    return False


def _names_task(rest: str) -> bool:
    """The title part after "for" is a task ("Weakly-Supervised Semantic Segmentation")."""
    m = _TITLE_BREAK.search(rest)
    part = rest[: m.start()] if m else rest
    return names.is_task_name(part)


def title_phrase(title: str | None) -> str | None:
    """The title's lead phrase when it can name a system."""
    if not title:
        return None
    title = " ".join(title.split())
    m = _TITLE_BREAK.search(title)
    while m is not None and m.group(0).strip().lower() == "and":
        # "Offensive Language and Hate Speech Detection for Danish": the lead is the whole pair
        m = _TITLE_BREAK.search(title, m.end())
    lead = title[: m.start()] if m else title
    words = lead.split()
    if not 1 <= len(words) <= 5 or _NOT_A_SYSTEM.match(lead) or "?" in lead:
        return None
    if not all(_TITLE_WORD.match(w) for w in words):
        return None  # "Can't you hear me knocking": a sentence, not a name
    if len(words) == 1 and not re.search(r"[A-Z0-9]", lead[1:]):
        return None  # "Dynamics as Prompts": one plain word is no name
    if words[-1].lower().split("-")[-1] in _NOT_SYSTEM_HEADS:
        return None
    colon = m is not None and m.group(0).strip() == ":"
    # "Batch Normalization: ..." names the method; only a whole task name before a colon is a task.
    # So does a lead "for" a task ("Self-Supervised Difference Detection for Weakly-Supervised
    # Semantic Segmentation"): a method for a task, even when its head reads like one.
    for_task = m is not None and m.group(0).strip().lower() == "for" and _names_task(title[m.end() :])
    task = names.is_task_name(lead, exact=colon or for_task)
    if task or names.find_benchmarks(lead):
        return None
    return lead


def lead_system(title: str | None, abstract: str) -> str | None:
    """The title's lead phrase as the paper's system, by the short form the abstract writes for
    it ("Stacked Capsule Autoencoders" is "SCAE", "Generalized Focal Loss V2" "GFLV2"); None when
    its initials spell a generic family ("Graph Convolutional Networks": GCN)."""
    lead = title_phrase(title)
    if lead is None:
        return None
    initials, version = _initials(lead)
    if vocab.is_generic_system(initials):
        return None
    if len(initials) >= 2:
        for m in _SHORT_FORM.finditer(abstract):
            token = m.group(0)
            bare = token.replace("-", "")
            if bare.upper() == initials + version or (
                len(initials) >= 3
                and not version
                and bare.isupper()
                and len(bare) == len(initials) + 1
                and bare.startswith(initials)
            ):
                return token
    return lead


_SHORT_FORM = re.compile(r"(?<![\w-])[A-Z][A-Za-z0-9-]{1,11}(?![\w-])")
_VERSION = re.compile(r"^(?:[Vv]\d+|\d+|\+\+)$")


def _initials(lead: str) -> tuple[str, str]:
    """ "Conditionally Adaptive Multi-Task Learning" -> ("CAMTL", ""); "Generalized Focal Loss V2"
    -> ("GFL", "V2")."""
    words = lead.split()
    version = words.pop().upper() if len(words) > 1 and _VERSION.match(words[-1]) else ""
    parts = [p for w in words for p in w.split("-") if p and p.lower() not in _SMALL]
    return "".join(p[0].upper() for p in parts if p[0].isalpha()), version


def defined_for_part(abstract: str, name: str) -> bool:
    """`name` is an acronym the abstract defines for a part: "a Separable Hybrid Attention (SHA) module"."""
    at = abstract.find(f"({name})")
    return at >= 0 and _COMPONENT_AFTER.match(abstract, at + len(name) + 2) is not None
