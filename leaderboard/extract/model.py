"""Who the number belongs to: the paper's own system, a named subject, or a baseline.

The paper's system is found once per abstract ("we propose X", "X, a ...",
"(ACRONYM)" after a descriptive name, or the title's part before a colon);
"our model", "we" and sentences without a named subject resolve to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from leaderboard.extract import names, title_system
from leaderboard.extract.fields import METRIC
from leaderboard.extract.vocab import LANGUAGES, alternation, is_generic_system

# A system name: CamelCase, acronyms, names with digits or hyphens ("Med-Gemini", "XLM-R",
# "ViT-Lens", "mPLM-Sim", "T5"); plain capitalised words count only as a subject (SUBJECT).
NAME = (
    r"(?:\b[A-Z]\w*[A-Z0-9](?:[\w.-]*\w)?"  # MedGemma, XLM-R, T5, CLIP
    r"|\b[a-z]+[A-Z](?:[\w.-]*\w)?"  # mPLM-Sim, wav2Vec
    r"|\b[a-z]{1,4}-[A-Z][A-Za-z0-9]*[A-Z0-9](?:[\w.-]*\w)?"  # mc-BEiT, m-BERT
    r"|\b[A-Z][a-z]+(?:-[A-Za-z0-9]+)+\b"  # Med-Gemini, Inception-v3
    r"|\b[A-Z]-[A-Z][A-Za-z0-9]+(?:-[A-Za-z0-9]+)*\b"  # U-Net, R-CNN
    r"|\b[A-Z]-[a-z]{3,}\w*\b"  # X-volution
    r"|\\[a-z]+\b)"
)  # \method: a LaTeX macro standing for the name

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
    rf"(?:(?:called|dubbed|named|termed)\s+)?\(?(?P<name>{NAME})"  # "our system (HIT-SCIR)"
)
# "we introduce LMCONV: a ...", "We propose GraphAT, which ...": the name right after the verb.
INTRODUCED_NAME = re.compile(
    rf"""\b[Ww]e\s+(?:\w+ly\s+)?(?:propose|introduce|present|develop)\s+
    (?:the\s+)?(?P<name>{NAME})
    (?=\s*[,:(]|\s+(?:a|an|which|that|to|for|as)\b)""",
    re.VERBOSE,
)
# (a plain capitalised word counts only alone: "called Text Speech-Style Transfer" is a phrase)
CALLED = re.compile(
    rf"\b(?:called|named|dubbed|termed|coined)\s+(?:as\s+)?(?P<name>{NAME}|[A-Z][a-z]+(?![\w-]|\s+[A-Z]))"
)
# "termed Downstream Transfer Attack (DTA)", 'called "High-temperaturE Refinement ..." (HERBS)': the
# name given is spelled out, and the acronym after it is what the paper goes by.
# "referred to as adaptively spatial feature fusion (ASFF)": the acronym must fit the words.
CALLED_ACRONYM = re.compile(
    r"""\b(?:called|named|dubbed|termed|coined|referred\s+to|denoted)\s+(?:as\s+)?["“']?
    (?P<spelled>[\w-]+(?:\s+[\w-]+){0,7}?)["”']?\s*\((?P<name>[A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*)\)""",
    re.VERBOSE,
)
# "Mixture of Dyadic Experts (MoDE)": an acronym defined for the paper's method.
DEFINED_ACRONYM = re.compile(
    r"\b(?:[Ww]e|[Oo]ur)\b[^.;]{0,120}?\b(?:[A-Z][\w-]*\s+){1,6}\((?P<name>[A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*)\)"
)
# "a new simple network architecture, the Transformer, based ...": a plain word named in apposition.
APPOSED = re.compile(
    r"\b(?:architecture|model|method|framework|approach|network|system|agent|algorithm),\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w-]{2,}),"
)
_PATTERNS = {
    "PROPOSED": PROPOSED,
    "OUR_NAMED": OUR_NAMED,
    "INTRODUCED_NAME": INTRODUCED_NAME,
    "CALLED": CALLED,
    "CALLED_ACRONYM": CALLED_ACRONYM,
    "DEFINED_ACRONYM": DEFINED_ACRONYM,
    "APPOSED": APPOSED,
}
# Title "TransTab: Learning ...": a short name before a colon.
# "GECToR – Grammatical Error Correction: ...": a spaced dash sets a name off like a colon;
# "ZJUKLAB at SemEval-2021 Task 4: ...": a shared-task entry is named by its team's system.
TITLE_NAME = re.compile(r"^\s*(?P<name>[^:]{2,40}?)(?:\s*:|\s+[\u2013\u2014-]\s|\s+at\s+SemEval\b)")

# Words that start sentences but are not systems.
_NOT_NAMES = frozenset(
    {
        "We",
        "Our",
        "The",
        "This",
        "These",
        "Those",
        "It",
        "Its",
        "In",
        "On",
        "For",
        "Finally",
        "Overall",
        "Moreover",
        "Furthermore",
        "Additionally",
        "Specifically",
        "Notably",
        "Experiments",
        "Experimental",
        "Results",
        "Extensive",
        "Empirical",
        "Compared",
        "Using",
        "With",
        "Remarkably",
        "Particularly",
        "Surprisingly",
        "Importantly",
        "However",
        "Thus",
        "Hence",
        "Also",
        "Further",
        "Then",
        "Here",
        "When",
        "While",
        "Although",
        "As",
        "By",
        "At",
        "To",
        "From",
        "After",
        "Across",
        "Under",
        "Through",
        "Evaluation",
        "Evaluations",
        "Code",
        "SOTA",
        "SoTA",
        "State",
        "AI",
        "LLM",
        "LLMs",
        "NLP",
        "CV",
        "ML",
        "RL",
        "GPU",
        "GPUs",
        "API",
        # languages and formats a system reads or writes: "map questions into SQL queries"
        "SQL",
        "SPARQL",
        "HTML",
        "XML",
        "JSON",
        "CSV",
        "PDF",
        "URL",
    }
)

# A metric written like a name ("F1", "AUROC", "HD95", "SUC"): never a system.
_METRIC_NAME = re.compile(rf"^(?:{METRIC})$", re.IGNORECASE)
# "LLMs", "PLMs": a family of models, not one system.
_PLURAL_ACRONYM = re.compile(r"^[A-Za-z]*[A-Z]s$")
# "Vision-and-Language Navigation (VLN)": an acronym that names a task, not a system.
_TASK_EXPANSION = re.compile(r"\w+(?:tion|ing|ment|sis|ness)\s*\(")
# "RWF-2000: An Open Large Scale Video Database for ...": the name before the colon is data.
_TITLE_NAMES_DATA = re.compile(
    r"\s*(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,6}?(?:data\s?sets?|databases?|benchmarks?|corpus|corpora)\b",
    re.IGNORECASE,
)
# "Pre-Trained Models: Past, Present and Future", "...: A Survey on ...", "CNN Filter DB: An Empirical
# Investigation ...": the title's lead names what a study looks at, not a system it proposes.
_TITLE_NAMES_STUDY = re.compile(
    r""":\s*(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}?(?:survey|review|study|investigation|analysis|overview|tutorial
    |perspective|position|case\s+for|past,\s+present)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# A title part that is a name: one or two name-like tokens ("TransTab", "Med-Gemini", "LLaMA 2").
_TITLE_IS_NAME = re.compile(rf"^(?:{NAME}|[A-Z][a-z]+)(?:[\s-](?:{NAME}|\d[\w.]*))?$")

# A named subject right before a result verb: "XLM-R significantly outperforms", "Florence achieves".
# A size ("Flan-PaLM 540B"), a bracketed variant ("GFLV2 (ResNet-101)") or an apposition ("ADM-ES,
# as a stochastic sampler,") may stand between the name and its verb.
# "gpt-3.5-turbo", "llama-2-70b": a lower-case name with a version (never "top-1").
_LOWER_VERSIONED = r"\b(?!top-)[a-z][a-z0-9]*-\d[\w.]*(?:-[a-z0-9]+)*"
SUBJECT = re.compile(
    rf"""(?P<name>{NAME}|[A-Z][a-z]{{2,}}|{_LOWER_VERSIONED})(?:'s)?(?:\s+\d+(?:\.\d+)?[BMK]\b)?(?:\s*\([^()]{{1,80}}\))?
    (?:,\s+(?:as|an?|the|which|namely|trained|pre-trained|with|using)\s[^,;()]{{1,60}},)?
    \s+(?P<noun>model|method|approach|framework|system|agent)?\s*
    (?:\w+ly\s+|can\s+|also\s+|further\s+|still\s+|to\s+)*
    (?:achiev(?!ement)\w*|outperform\w*|improv(?!ement)\w*|obtain\w*|attain\w*|reach\w*|surpass\w*|sets|shows?|yield\w*
      |rank(?:s|ed)|perform(?!ance)\w*|bridg\w*|enhanc(?!ement)\w*|exceed\w*|beat\w*|gets|scores|scored|boost\w*|deliver\w*
      |establish\w*|matches)\b""",
    re.VERBOSE,
)
# "outperforms mBERT", "over GPT-4V", "compared to CLIP", "than ResNet-FPN".
BASELINE_BEFORE = re.compile(
    rf"""\b(?:outperform|surpass|beat|exceed|improv)\w*\s+(?:(?!(?:on|in|for|at|across|to|with)\b)\w+\s+){{0,3}}?
    (?:over\s+)?(?:the\s+)?
    (?P<name>{NAME})""",
    re.VERBOSE,
)
BASELINE_AFTER = re.compile(
    rf"""\s*(?:[^\s,;]+\s+){{0,6}}?(?:over|(?:compared|relative)\s+(?:to|with)|than|against|by|vs\.?)\s+(?:the\s+)?
    (?:\w+\s+){{0,2}}?(?P<name>{NAME})""",
    re.VERBOSE,
)


def is_system_name(name: str) -> bool:
    """Not a stop word, a metric ("F1", "AUROC"), a plural of models ("LLMs") or a language."""
    return (
        _LANGUAGE_NAME.match(name) is None
        and name not in _NOT_NAMES
        and not _METRIC_NAME.match(name)
        and not _PLURAL_ACRONYM.match(name)
        and not _SETTING_WORD.match(name)
    )


# "Model-Based", "Task-Aware", "Cross-Architecture", "Multi-Task": words that qualify a noun, no name
# (a part in capitals or with a digit keeps a name: "Co-DETR", "Cross-ViT", "Multi-30K").
_COMPOUND_ADJECTIVE = re.compile(
    r"""^(?:[A-Z][a-z]+-(?:[a-z]+-)*(?:based|style|like|aware|free|level|wise|specific|agnostic|driven|guided
    |efficient|oriented|centric|supervised|scale|grained|shot|task|modal|lingual)
    |(?:Cross|Multi|Semi|Non|Inter|Intra|Zero|Few|Low|High|Large|Small|Fine|Coarse|Long|Short|End|Real|Open)
    (?:-[A-Z]?[a-z]+)+)$""",
    re.VERBOSE | re.IGNORECASE,
)


def paper_model(abstract: str, title: str | None) -> str | None:
    """The system the paper proposes, or None when it names none."""
    return paper_system(abstract, title)[0]


def paper_system(abstract: str, title: str | None) -> tuple[str | None, str]:
    """The paper's system and the rule that named it ("none" when it names none)."""
    name, rule = _paper_system(abstract, title)
    if name is not None and _PLURAL_NETS.search(name):
        # "FocalNets" names the family; each number in the paper is one member's: "FocalNet"
        return name[:-1], rule
    return name, rule


# "FocalNets", "GNNets": a CamelCase name of networks in the plural.
_PLURAL_NETS = re.compile(r"[A-Za-z0-9]Nets$")


def _paper_system(abstract: str, title: str | None) -> tuple[str | None, str]:
    """The paper's system and the rule that named it. Explicit
    naming ("our model, dubbed X", "called X") beats "we propose ... X"; a title counts only
    when its part before the colon is a name ("TransTab: ..."), not a phrase ("Less is More: ...")."""
    data_title = False
    data_name = None  # "N24News: A New Dataset for ...": the title's name is data, never the system
    if title:
        m = TITLE_NAME.match(title)
        named = m is not None and _TITLE_IS_NAME.match(m.group("name").strip()) is not None
        data_title = m is not None and _TITLE_NAMES_DATA.match(title, m.end()) is not None
        if m is not None and named and not data_title:
            return m.group("name").strip(), "system:title-name"
        if m is not None and data_title:
            data_name = m.group("name").strip()
    acronym = title_system.defined_title_acronym(abstract, title)
    if acronym and acronym != data_name:
        return acronym, "system:title-acronym"
    for pattern in (OUR_NAMED, CALLED_ACRONYM, CALLED, APPOSED, INTRODUCED_NAME):
        found = _first_system(pattern, abstract, data_name)
        if found:
            return found, f"system:{_rule_name(pattern)}"
    study_title = title is not None and _TITLE_NAMES_STUDY.search(title) is not None
    lead = None if data_title or study_title else title_system.lead_system(title, abstract)
    if lead:
        return lead, "system:title-lead"
    acronym = title_system.introduced_acronym(abstract)
    if acronym and acronym != data_name:
        return acronym, "system:introduced-acronym"
    for pattern in (PROPOSED, DEFINED_ACRONYM):
        found = _first_system(pattern, abstract, data_name)
        if found:
            return found, f"system:{_rule_name(pattern)}"
    m = _TITLE_SECOND_NAME.search(title or "")
    if m and not data_title and _is_subject_system(m.group("name")):
        return m.group("name"), "system:title-second-part"
    return None, "none"


# "Where a Strong Backbone Meets Strong Features – ActionFormer for Ego4D ...": a name opening the
# title's second part, before "for/at/in/on/with" or the end.
_TITLE_SECOND_NAME = re.compile(
    rf"(?::|\s[\u2013\u2014-]{{1,2}})\s+(?:the\s+)?(?P<name>{NAME})(?=\s+(?:for|at|in|on|with)\b|\s*$)"
)


def _rule_name(pattern: re.Pattern[str]) -> str:
    return next(k for k, v in _PATTERNS.items() if v is pattern).lower().replace("_", "-")


_LANGUAGE_NAME = re.compile(rf"^(?:{alternation(LANGUAGES)})$", re.IGNORECASE)


# The words each naming pattern opens with: the pattern is tried only where one starts, which is
# far cheaper than a regex scan of the whole abstract (these patterns have no literal prefix).
_OPENERS: dict[str, tuple[str, ...]] = {
    "PROPOSED": ("we ", "this paper", "this work"),
    "OUR_NAMED": ("our ",),
    "INTRODUCED_NAME": ("we ",),
    "CALLED": ("called", "named", "dubbed", "termed", "coined"),
    "CALLED_ACRONYM": ("called", "named", "dubbed", "termed", "coined", "referred to", "denoted"),
    "DEFINED_ACRONYM": ("we", "our"),
    "APPOSED": (
        "architecture,",
        "model,",
        "method,",
        "framework,",
        "approach,",
        "network,",
        "system,",
        "agent,",
        "algorithm,",
    ),
}


def _openings(low: str, words: tuple[str, ...]) -> list[int]:
    found = []
    for word in words:
        at = low.find(word)
        while at >= 0:
            if at == 0 or not low[at - 1].isalnum():
                found.append(at)
            at = low.find(word, at + 1)
    return sorted(found)


def _matches(pattern: re.Pattern[str], abstract: str) -> Iterator[re.Match[str]]:
    name = next(k for k, v in _PATTERNS.items() if v is pattern)
    text = abstract[:4000]
    for at in _openings(text.lower(), _OPENERS[name]):
        m = pattern.match(text, at)
        if m is not None:
            yield m


def _first_system(pattern: re.Pattern[str], abstract: str, data_name: str | None = None) -> str | None:
    """The first name `pattern` finds that is a system: no task acronym, no dataset name (nor
    `data_name`, the data the title names), no family."""
    for m in _matches(pattern, abstract):
        task_acronym = pattern is DEFINED_ACRONYM and _TASK_EXPANSION.search(m.group(0))
        name = m.group("name")
        if name == data_name:
            continue
        if pattern is CALLED_ACRONYM and not title_system.initials_fit(m.group("spelled"), name):
            continue
        if (
            is_system_name(name)
            and not task_acronym
            and not names.find_benchmarks(name)
            and not is_generic_system(name)
            and not names_a_resource(abstract, name)
            and not _LANGUAGE_WORD.search(m.group(0)[-80:])
            and not title_system.defined_for_part(abstract, name)
        ):
            if _NAMED_NON_SYSTEM.search(m.group(0)):
                continue  # "a novel task called X", "a metric termed Y"
            whole = _whole_name(abstract, m.start("name"), m.end("name"))
            if _COMPOUND_ADJECTIVE.match(name) and whole != data_name:
                return whole
            return name.rstrip(".-")
    return None


_NAMED_NON_SYSTEM = re.compile(
    r"\b(?:task|dataset|benchmark|corpus|challenge|metric|measure|problem)\s+(?:called|named|dubbed|termed)\b"
)


def _whole_name(text: str, start: int, end: int) -> str:
    """The name a compound adjective opens: its acronym ("Cross-Architecture Transfer Learning
    (XATL)") or the capitalised phrase it stands in ('"Video Cross-Stream Prototypical
    Contrasting"'); else the word itself ("MLP-based")."""
    m = _SPELLED_THEN_ACRONYM.match(text, start)
    if m:
        return m.group("acr")
    before = _CAPITALISED_BEFORE.search(text, max(0, start - 60), start)
    after = _CAPITALISED_AFTER.match(text, end)
    if before is None and after is None:
        return text[start:end]
    return text[before.start() if before else start : after.end() if after else end]


_SPELLED_THEN_ACRONYM = re.compile(
    r"[\w-]+(?:\s+(?:[A-Z][\w-]*|of|and|for|with|the|to|in|on)){0,6}\s+\((?P<acr>[A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*)\)"
)
# Capitalised words right before a name inside quotes, and right after it.
_CAPITALISED_BEFORE = re.compile(r"(?<=[\"“])(?:[A-Z][\w-]*\s+){1,3}\Z")
_CAPITALISED_AFTER = re.compile(r"(?:\s+[A-Z][\w-]*){1,4}")


_RESOURCE = r"(?:dataset|database|benchmark|corpus|challenge|leaderboard|suite)s?"
_LANGUAGE_WORD = re.compile(rf"\b(?:{alternation(LANGUAGES)})\b", re.IGNORECASE)


def names_a_resource(abstract: str, name: str) -> bool:
    """ "a new dataset (RWF-2000)", "the RWF-2000 database": the name is data, not a system."""
    at = abstract.find(name)
    while at >= 0:
        end = at + len(name)
        if _RESOURCE_AFTER.match(abstract, end) or _RESOURCE_BEFORE.search(abstract, max(0, at - 40), at):
            return True
        at = abstract.find(name, end)
    return False


# "X dataset", "X) benchmark" after the name; "dataset X", "database called X", "corpus (X" before it
# (not "datasets, X outperforms": a comma ends the apposition).
_RESOURCE_AFTER = re.compile(rf"\)?\s+{_RESOURCE}\b", re.IGNORECASE)
_RESOURCE_BEFORE = re.compile(rf"\b{_RESOURCE}\s+(?:(?:called|named|dubbed)\s+|\(\s*)?\Z", re.IGNORECASE)


def sentence_model(sentence_left: str, own: str | None) -> str | None:
    """The named subject of the sentence before the number, else the paper's own system."""
    found, end = None, 0
    tail = sentence_left[-300:]
    for m in SUBJECT.finditer(tail):
        if _PLAIN_WORD.match(m.group("name")) and "(" in m.group(0):
            continue  # "a new Named Entity Recognition (NER) model obtains": a phrase, no name
        if is_system_name(m.group("name")):
            found, end = m.group("name"), m.end()
            owner = _POSSESSOR.search(tail, 0, m.start())
            if owner and is_system_name(owner.group("name")):
                found = owner.group("name")  # "VATT's vision Transformer achieves": a part of VATT
            elif own and (
                found.startswith("\\")
                or _own_backbone(tail, m.start(), found)
                or (m.group("noun") and _OUR_BEFORE.search(tail, max(0, m.start() - 5), m.start()))
            ):
                found = own  # "\method achieves", "our ResNet-200 achieves", "Our BERT model achieves"
    trained = _TRAINED_THEN_SCORES.search(tail, end)
    if trained and _is_subject_system(trained.group("name")) and trained.group("name") != own:
        found, end = trained.group("name"), trained.end()  # "We train an AmoebaNet model and attain"
    named = _NAMED_SUBJECT.search(tail, end)
    if named and is_system_name(named.group("name")):
        found, end = named.group("name"), named.end()  # "our detector, namely NMS-Ped, achieves"
    compared = _COMPARED_BRACKET.search(tail, end)
    if compared and is_system_name(compared.group("name")) and compared.group("name") != own:
        return compared.group("name")  # "surpassing SAPD ([43.5%]) and ATSS (43.6%)": SAPD's number
    if found and not _OUR_SUBJECT.search(tail, end):  # "X scores 86.4% while our model scores [71.0%]"
        return found
    m = _OPENING_SUBJECT.match(sentence_left)
    if m and _is_subject_system(m.group("name")) and not _OUR_SUBJECT.search(sentence_left, m.end()):
        return m.group("name")  # "CornerNet-Saccade is suitable for ..., improving the AP by [1.0%]"
    return own


_OUR_BEFORE = re.compile(r"\b[Oo]ur\s+\Z")
# "We train a 557-million-parameter AmoebaNet model and attain": the system trained is the one scoring.
_TRAINED_THEN_SCORES = re.compile(
    rf"""\b(?:train|trained|pre-?train|pre-?trained)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?(?P<name>{NAME})
    (?:\s+(?:model|network))?\s+(?:and|to)\s+(?:\w+ly\s+)?(?:attain|achiev|reach|obtain)\w*\b""",
    re.VERBOSE,
)
# "our detector, namely NMS-Ped, achieves": the name given right before the verb.
_NAMED_SUBJECT = re.compile(
    rf"""\b(?:namely|called|dubbed|named)\s+(?P<name>{NAME}),?\s+(?:\w+ly\s+)?
    (?:achiev|outperform|obtain|attain|reach|surpass|scor|set|yield)\w*\b""",
    re.VERBOSE,
)
# "surpassing state-of-the-art SAPD (": the number opens the bracket after a compared system's name.
_COMPARED_BRACKET = re.compile(
    rf"""\b(?:surpass|outperform|beat|exceed)\w*\s+(?:the\s+)?(?:previous\s+|prior\s+)?
    (?:state-of-the-art\s+|SOTA\s+|best\s+)?(?:(?:methods?|models?|baselines?)\s+)?(?:such\s+as\s+|like\s+)?
    (?:{NAME}\s*\([^()]{{1,30}}\),?\s+(?:and\s+)?){{0,3}}(?P<name>{NAME})\s*\(\s*\Z""",
    re.VERBOSE,
)

# "our ResNet-200", "the pre-trained ViT-B": a backbone the paper's own method trained, so the
# number is the paper's system's.
_OWN_DETERMINER = re.compile(r"\b(?:[Oo]ur|[Tt]he\s+(?:pre-?trained|fine-?tuned))\s+(?:[\w-]+\s+){0,2}?\Z")
_BACKBONE = re.compile(
    r"(?:ResNe(?:t|Xt)|ViT|DeiT|Swin|ConvNeXt|EfficientNet|VGG|MobileNet|DenseNet|WRN|RegNet|HRNet)\b"
)
_PLAIN_WORD = re.compile(r"[A-Z][a-z]+$")


def _own_backbone(tail: str, start: int, name: str) -> bool:
    """ "our ResNet-200", "the pre-trained ViT-B": `name` is a backbone the paper trained."""
    own_determiner = _OWN_DETERMINER.search(tail, max(0, start - 60), start)
    return _BACKBONE.match(name) is not None and own_determiner is not None


# "VATT's vision Transformer", "X's audio encoder": the subject is a part of the system X.
_POSSESSOR = re.compile(rf"(?P<name>{NAME})'s\s+(?:[\w-]+\s+){{0,2}}\Z")

# A sentence that opens with a system name as its subject.
_OPENING_SUBJECT = re.compile(
    rf"""^\s*(?:(?:Moreover|Furthermore|Notably|Specifically|Finally|Additionally|In\s+addition|Overall),\s+)?
    (?P<name>{NAME})(?:\s+\([^()]{{1,40}}\))?\s+(?:is|are|was|were|also|further|then|consistently|significantly)\b""",
    re.VERBOSE,
)


def _is_subject_system(name: str) -> bool:
    return is_system_name(name) and not is_generic_system(name) and not names.find_benchmarks(name)


_OUR_SUBJECT = re.compile(
    r"\b(?:[Oo]ur\s+(?:[\w-]+\s+){0,2}?(?:model|method|approach|system|framework"
    r"|agent)s?|[Ww]e)\b"
)
# Hyphenated setting words that look like names: "Zero-shot", "Fine-tuned", "Cross-lingual".
_SETTING_WORD = re.compile(
    r"^(?:(?:zero|one|few|\d+|many)-shot|fine-tun\w*|cross-(?:lingual|domain|task)"
    r"|pre-?train\w*|in-context|out-of-\w+|in-domain)$",
    re.IGNORECASE,
)


def baseline_model(left: str, right: str) -> str | None:
    """A named system the number is compared against, on either side of it."""
    m = BASELINE_AFTER.match(right[:100])
    if m and is_system_name(m.group("name")):
        return m.group("name")
    found = None
    for found in BASELINE_BEFORE.finditer(left[-160:]):  # noqa: B007 - the nearest is the last
        pass
    if found is not None and is_system_name(found.group("name")):
        return found.group("name")
    return None
