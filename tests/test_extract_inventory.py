"""Extractor v2, pass 1 and 2: the inventory of mentions, the focus, and the frames that use them.

Cases are data, written for these tests (not copied from any gold set): each
states what a reader of the sentence would call the dataset, metric or system.
"""

from __future__ import annotations

import pytest

from leaderboard.extract import explain_report, extract_claims
from leaderboard.extract.assemble import run
from leaderboard.extract.names import find_benchmarks, is_metric_name, is_task_name
from leaderboard.extract.title_system import defined_title_acronym, title_phrase


def _names(text: str) -> list[str]:
    return [text[s:e] for s, e in find_benchmarks(text)]


NAME_CASES = [
    ("On CIFAR-100 and CIFAR-10 we ...", ["CIFAR-100", "CIFAR-10"]),
    ("results on the Penn TreeBank", ["Penn TreeBank"]),  # case folded
    ("CoNLL 2003 and CoNLL-2003", ["CoNLL 2003", "CoNLL-2003"]),  # hyphen or space
    ("on ADE-20K", ["ADE-20K"]),  # letter-digit joint written with a hyphen
    ("the LVM-Med model", []),  # part of a hyphenated word is no name
    ("a model-based agent", []),
    ("an imagenet-scale corpus", []),  # no capital or digit in the text: a common word
    ("We agree. Based on this, ...", []),  # capital only because it opens a sentence ("BASED" listed)
    ("Cityscapes is hard.", ["Cityscapes"]),  # opens a sentence, spelt as listed
]


@pytest.mark.parametrize(("text", "want"), NAME_CASES, ids=[c[0] for c in NAME_CASES])
def test_benchmark_names_found_as_whole_words(text: str, want: list[str]) -> None:
    assert _names(text) == want


def test_metric_and_task_lists() -> None:
    assert is_metric_name("PQ") and is_metric_name("UAS") and is_metric_name("J&F")
    assert not is_metric_name("Switchboard")  # a test-set column of WER tables, not a measure
    assert is_task_name("Semantic Segmentation") and is_task_name("dialect detection")
    assert not is_task_name("Temporal Ensembling")


TITLE_CASES = [
    ("Temporal Ensembling for Semi-Supervised Learning", "Temporal Ensembling"),
    ("Recurrent Highway Networks", "Recurrent Highway Networks"),
    ("Batch Normalization: Accelerating Deep Network Training", "Batch Normalization"),
    ("Automatic Dialect Detection in Broadcast Speech", None),  # a task
    ("Exploring Models and Data for Image Question Answering", None),  # a gerund
    ("Can't you hear me knocking: traffic analysis", None),  # a sentence
    ("Reuse Your Rewards: Reward Model Transfer", None),  # an imperative
    ("Dynamics as Prompts: In-Context Learning", None),  # one plain word
    ("Efficient Model Development through Fine-tuning Transfer", None),  # an activity
    ("Offensive Language and Hate Speech Detection for Danish", None),  # "and" joins, not ends, the lead
    # a method "for" a task, though its head reads like a task
    ("Cross-View Change Detection for Semantic Segmentation", "Cross-View Change Detection"),
]


@pytest.mark.parametrize(("title", "want"), TITLE_CASES, ids=[c[0] for c in TITLE_CASES])
def test_title_lead_phrase_names_a_system_or_nothing(title: str, want: str | None) -> None:
    assert title_phrase(title) == want


def test_acronym_defined_for_the_title_is_the_system() -> None:
    abstract = "We propose the Structure-Aware Convolutional Network (SACN) for knowledge base completion."
    title = "End-to-end Structure-Aware Convolutional Networks for Knowledge Base Completion"
    assert defined_title_acronym(abstract, title) == "SACN"
    # an acronym for the task or for a dataset is not the system
    assert (
        defined_title_acronym(
            "on Visual Question Answering (VQA) we", "Attention for Visual Question Answering"
        )
        is None
    )


def _claim(abstract: str, value: float, title: str | None = None):
    found = [c for c in extract_claims(abstract, title) if c.value == value]
    assert found, f"no claim with value {value}"
    return found[0]


FRAME_CASES = [
    # the dataset of the number's own clause, not the one inherited from the claim before it
    (
        "Our tagger improves BC5CDR to 91.2% (2.1% gain), NCBI-disease to 84.0% and JNLPBA to 80.5%.",
        84.0,
        "NCBI-disease",
    ),
    # a number with no dataset of its own takes the focus: the dataset the abstract evaluated on
    (
        "We evaluate FooNet on the Zeta-QA benchmark. FooNet reaches an accuracy of 71.5%, a new best.",
        71.5,
        "Zeta-QA",
    ),
    # data trained on is never the benchmark, nor the focus
    (
        "We evaluate FooNet on the Zeta-QA benchmark. Pre-trained on the Omega-Corpus dataset, "
        "FooNet reaches an accuracy of 71.5%.",
        71.5,
        "Zeta-QA",
    ),
    # a bracketed change belongs to the claim it annotates, not to the next item's dataset
    ("FooNet pushes the BC5CDR F1 to 91.2% (2.1% absolute gain), JNLPBA F1 to 84.0%.", 2.1, "BC5CDR"),
]


@pytest.mark.parametrize(
    ("abstract", "value", "want"), FRAME_CASES, ids=[f"{c[1]}-{c[2]}-{i}" for i, c in enumerate(FRAME_CASES)]
)
def test_benchmark_frames(abstract: str, value: float, want: str) -> None:
    assert _claim(abstract, value).benchmark == want


OPEN_METRIC_CASES = [
    ("On COCO, FooNet reaches 50.0% PQ for panoptic segmentation.", 50.0, "PQ"),
    ("FooNet ranks first according to LAS (75.84%) and outperforms all other systems.", 75.84, "LAS"),
    ("FooNet attains 91.96 F 1 on CoNLL03.", 91.96, "F1"),
    ("reaching accuracies of 94.6% on CIFAR-10", 94.6, "accuracy"),
    ("FooNet obtains an end-point-error of 2.855 pixels on Sintel.", 2.855, "end-point-error"),
]


@pytest.mark.parametrize(
    ("abstract", "value", "want"), OPEN_METRIC_CASES, ids=[c[2] for c in OPEN_METRIC_CASES]
)
def test_open_class_metrics(abstract: str, value: float, want: str) -> None:
    assert _claim(abstract, value).metric == want


def test_decimal_pairs_are_two_claims() -> None:
    claims = extract_claims("Our single model/ensemble achieves an F1 of 65.3/66.5 on CoNLL-2014.")
    assert [c.value for c in claims] == [65.3, 66.5]


def test_focus_follows_the_last_evaluation_dataset() -> None:
    trace = run(
        "We test on Zeta-QA benchmark data. Then on the Eta-QA dataset we reach 80.1% accuracy. "
        "It also gets 70.2% accuracy.",
        None,
    )
    assert trace.inventory is not None
    third = trace.starts[2]
    focus = trace.inventory.focus_at(third)
    assert focus is not None and focus.text == "Eta-QA"


def test_explain_report_shows_inventory_focus_and_rules() -> None:
    report = explain_report(
        "We introduce FooNet. On the COCO dataset, FooNet reaches 55.1 box AP, outperforming Mask R-CNN "
        "(49.2 AP). Pre-trained on ImageNet, it also gets 62.0 mIoU on ADE20K.",
        "FooNet: fast detection",
    )
    assert "system (the paper's own): FooNet" in report
    assert "DATASET  'ImageNet'  [vocab]  (training data: never a benchmark)" in report
    assert "DATASET  'ADE20K'  [vocab]" in report
    assert "s3 'Pre-trained on ImageNet, it also gets 62.0 mIoU on ADE20K.': COCO" in report
    assert "'55.1' (s2 @" in report and "score by rule metric_after" in report
    assert "benchmark = 'COCO'  (bench:position+dataset)" in report
    assert "'49.2' (s2 @" in report and "baseline by rule compared_in_brackets" in report


def test_explain_report_without_results() -> None:
    assert explain_report("We discuss 3 ideas.") == (
        "title: (none)\n"
        "inventory: (not taken: no number of this abstract reads as a result)\n"
        "numbers:\n"
        "  '3' (s1 @11): reject by rule bare_integer\n"
    )


MODEL_CASES = [
    # the subject is a part of the system that owns it
    (
        "Wide Nets: Training at Scale",
        "Especially, FooNet's vision Transformer achieves a top-1 accuracy of 82.1% on ImageNet.",
        82.1,
        "FooNet",
    ),
    # a spaced dash sets the system's name off as a colon would
    (
        "GraphTagger \u2013 Tagging Graphs Without Labels",
        "Our tagger reaches 65.3 F1 on CoNLL-2003.",
        65.3,
        "GraphTagger",
    ),
    # a shared-task entry is named by its team's system
    (
        "QWERTYLAB at SemEval-2020 Task 9: Sentiment in Code-Mixed Text",
        "Our system obtains an F1 of 72.4 on the test set.",
        72.4,
        "QWERTYLAB",
    ),
    # "performance" is a noun: "UDA" is no subject of it
    (
        "ZAP: Zero Adaptation Pretraining",
        "ZAP achieves a UDA performance of 75.9 mIoU on Cityscapes.",
        75.9,
        "ZAP",
    ),
    # "termed as X" names the system; "(LCA) module" defines a part of it
    (
        "Target Tracking with Long-term Context Attention",
        "We propose a long-term context attention (LCA) module. Stacking it, we build a tracker, termed as "
        "TTrack. Our tracker achieves 71.1% AUC on LaSOT.",
        71.1,
        "TTrack",
    ),
    # the name before the colon is data the title describes: no system named
    (
        "VIOL-2000: An Open Large Scale Video Database for Violence Detection",
        "A simple baseline reaches 87.3% accuracy on the test split.",
        87.3,
        None,
    ),
    # "(X in short)" defines the acronym as "(X)" does; a plural network name is read in the singular
    (
        "Sparse Mixing Networks",
        "We propose sparse mixing networks (SMNets in short). "
        "Our model reaches 82.3% top-1 accuracy on ImageNet.",
        82.3,
        "SMNet",
    ),
]


@pytest.mark.parametrize(("title", "abstract", "value", "want"), MODEL_CASES, ids=[c[0] for c in MODEL_CASES])
def test_the_model_a_reader_would_name(title: str, abstract: str, value: float, want: str | None) -> None:
    claims = [c for c in extract_claims(abstract, title) if c.value == value]
    assert [c.model for c in claims] == [want]


def test_a_measure_the_text_calls_a_metric() -> None:
    abstract = "It achieved 97.3% on average using the ADD metric on the LineMOD dataset."
    (claim,) = [c for c in extract_claims(abstract, "PoseNet") if c.value == 97.3]
    assert (claim.metric, claim.benchmark) == ("ADD", "LineMOD")
