"""Why a name the extractor found is no real benchmark or model (None when it may be one).

The extractor reads "on 11 datasets", "in the 1-shot setting", "on the same
dataset" or "the F-score of" as benchmark phrases, and "Librispeech", "GPipe"
or "NMS" as model names. Such an entity keeps its claims (for review and
export) but makes no board and no ranked row: `entities.not_entity` holds the
reason given here, or 'manual' when a person said so.

Only names the extractor met on their own are judged: a curated (registry)
name is real by definition.
"""

from __future__ import annotations

import functools
import re

from leaderboard.normalize.benchmark_name import SPLIT_WORD
from leaderboard.normalize.fold import fold
from leaderboard.resources import registry_file

# Task names of public leaderboards (seed/registry/tasks.txt, see its header).
TASKS_FILE = "tasks.txt"

# Reasons, as stored in entities.not_entity. Keep in sync with the README section "Junk entities".
COUNT, SETTING, SPLIT, TASK, ANAPHOR, FRAGMENT, GENERIC = (
    "count", "setting", "split", "task", "anaphor", "fragment", "generic word",
)  # fmt: skip
DATASET, LIBRARY = "dataset", "library"
MANUAL = "manual"

_NUMBER = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|several|multiple|many|various|numerous|a\s+few|few)"  # noqa: E501
_COLLECTION = r"(?:datasets|benchmarks|tasks|languages|domains|corpora|settings|splits|games|environments|suites|collections|sets|problems|scenarios)"  # noqa: E501
COUNT_PHRASE = re.compile(rf"^{_NUMBER}\s+(?:[\w-]+\s+){{0,3}}{_COLLECTION}$", re.IGNORECASE)
ANAPHOR_PHRASE = re.compile(
    r"^(?:the\s+)?(?:same|this|these|those|that|both|all|other|our|each|their|its|such|said|aforementioned"
    r"|above|following|remaining|previous|proposed|former|latter|respective|it|them)\b",
    re.IGNORECASE,
)
SETTING_WORDS = re.compile(
    r"""
    \b(?:\d+|zero|one|two|three|four|five|few|many)[\s-]?shots?\b
    | \b(?:fine[\s-]?tun\w*|linear[\s-]prob\w*|pre[\s-]?train\w*|in[\s-]context|prompt\w*|transfer
       |semi[\s-]supervised|self[\s-]supervised|unsupervised|supervised|weakly[\s-]supervised|in[\s-]domain
       |out[\s-]of[\s-]domain|cross[\s-]domain|cross[\s-]lingual|zero[\s-]resource|low[\s-]resource
       |full[\s-]data|few[\s-]data|setting|settings|setup|regime|scenario|evaluation|learning|training
       |results?|mode|protocol|condition|conditions|way)\b
    """,
    re.VERBOSE | re.IGNORECASE,
)
SPLIT_WORDS = re.compile(rf"\b(?:{SPLIT_WORD.pattern}|set|sets|split|splits|subset|data)\b", re.IGNORECASE)
# The last word of a name that says it describes a task, not data ('image classification').
TASK_ENDINGS = re.compile(
    r"""\b(?:classification|detection|segmentation|recognition|translation|answering|generation
       |summari[sz]ation|retrieval|estimation|prediction|forecasting|tracking|parsing|tagging|captioning
       |completion|reasoning|understanding|synthesis|inpainting|restoration|denoising|super[\s-]resolution
       |modell?ing|localization|matching|labell?ing|extraction|inference|comprehension|verification)$""",
    re.VERBOSE | re.IGNORECASE,
)
# A name that looks made up (a digit, an inner capital, an all-caps word) names something specific.
SPECIFIC_TOKEN = re.compile(r"\d|\b[A-Z]{2,}|[a-z][A-Z]")


def _word_set(text: str) -> frozenset[str]:
    """A vocabulary written as words separated by white space."""
    return frozenset(text.split())


FUNCTION_WORDS = _word_set(
    "of on in for with and or the a an to by from at as via than versus vs per into over under"
)
GENERIC_WORDS = _word_set(
    """
    word words text texts data image images video videos speech audio language languages sentence sentences
    document documents result results experiment experiments performance evaluation training testing
    baseline baselines model models method methods approach approaches network networks system systems
    framework frameworks algorithm algorithms architecture dataset datasets benchmark benchmarks task tasks
    average overall total mean set corpus score scores accuracy metric metrics ours it they we sota
    state-of-the-art stateoftheart previous prior work works others human-level
    """
)
# Model names that are no model: what a system does, or a generic part of every detector.
TASK_ACRONYMS = _word_set(
    "asr nmt mt ner pos qa vqa ocr tts sr nli nlu nlg nlp cv rl slu st ser kws vad slam reid mot sts"
)
GENERIC_MODEL_WORDS = _word_set(
    """
    nms roi rpn fpn cnn cnns rnn rnns dnn dnns nn gnn gnns mlp deeplearning neuralnetwork neuralnetworks
    ourmodel ourmethod ourapproach oursystem proposedmethod proposedmodel theproposedmethod
    theproposedmodel previousbest priorwork stateoftheart sota baseline baselines
    """
)
# Training libraries and hardware that papers name next to numbers (keys as `fold` makes them).
LIBRARIES = _word_set(
    """
    gpipe pytorch tensorflow jax flax keras deepspeed horovod meshtensorflow fairseq huggingface
    scikitlearn sklearn onnx tensorrt cuda cudnn caffe caffe2 mxnet paddlepaddle mindspore opencv numpy
    scipy apex fairscale vllm triton flashattention flashattention2 pipedream torchgpipe megatron
    gpu gpus tpu tpus cpu cpus tpuv3 tpuv4 a100 v100 h100
    """
)


@functools.cache
def task_names() -> frozenset[str]:
    """Folded task names of public leaderboards (a missing file is a broken install, said as such)."""
    lines = registry_file(TASKS_FILE).read_text(encoding="utf-8").splitlines()
    return frozenset(fold(line) for line in lines if line.strip() and not line.startswith("#"))


def benchmark_junk_reason(name: str | None) -> str | None:
    """Why `name` is no benchmark ('count', 'setting', 'split', 'task', 'anaphor', 'fragment',
    'generic word'), or None when it may be one."""
    text = " ".join((name or "").split())
    if not fold(text):
        return FRAGMENT
    if COUNT_PHRASE.match(text):
        return COUNT
    if ANAPHOR_PHRASE.match(text):
        return ANAPHOR
    if not _rest(SETTING_WORDS, text):
        return SETTING
    if not _rest(SPLIT_WORDS, text):
        return SPLIT
    return _common_reason(text)


def model_junk_reason(name: str | None, is_benchmark: bool = False) -> str | None:
    """Why `name` is no model ('dataset', 'task', 'library', 'generic word', 'anaphor',
    'fragment'), or None when it may be one. `is_benchmark`: the name is a known benchmark's."""
    text = " ".join((name or "").split())
    key = fold(text)
    if not key:
        return FRAGMENT
    if is_benchmark:
        return DATASET
    if key in LIBRARIES:
        return LIBRARY
    if key in TASK_ACRONYMS:
        return TASK
    if key in GENERIC_MODEL_WORDS:
        return GENERIC
    if ANAPHOR_PHRASE.match(text) and not SPECIFIC_TOKEN.search(text):
        return ANAPHOR
    return _common_reason(text)


def _common_reason(text: str) -> str | None:
    words = text.split()
    first, last = words[0], words[-1]
    # 'AND Dataset' and 'ShanghaiTech A' are names; 'F-score of' and 'on' are pieces of a sentence.
    if (first.lower() in FUNCTION_WORDS - {"the", "a", "an"} and not first.isupper()) or (
        last in FUNCTION_WORDS
    ):
        return FRAGMENT
    key = fold(text)
    if key in {fold(word) for word in GENERIC_WORDS}:
        return GENERIC
    if SPECIFIC_TOKEN.search(text):
        return None
    if key in task_names() or TASK_ENDINGS.search(text):
        return TASK
    if len(words) == 1 and text.isalpha() and text.islower():
        return GENERIC
    return None


def _rest(pattern: re.Pattern[str], text: str) -> str:
    """What is left of `text` once `pattern`'s words and articles are taken out."""
    rest = pattern.sub(" ", text)
    return fold(re.sub(r"\b(?:the|a|an|in|on|of|with|under|our|and|or)\b", " ", rest, flags=re.IGNORECASE))
