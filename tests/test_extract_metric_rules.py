"""Metric, benchmark and confidence rules of the extractor, as a user would see them.

Each case is a sentence written in the style of ML abstracts (not copied from a
gold set): the text of one number in it and the fields its claim must carry.
"""

from __future__ import annotations

import pytest

from leaderboard.extract import extract_claims
from leaderboard.extract.build_names import metric_names


def _claim(abstract: str, value_text: str, title: str | None = None):
    start = abstract.index(value_text)
    for claim in extract_claims(abstract, title):
        if claim.span[0] <= start < claim.span[1]:
            return claim
    raise AssertionError(f"no claim for {value_text!r} in {abstract!r}")


# (sentence, value text, metric expected)
METRIC_CASES = [
    # leaderboard acronyms written right after the number
    ("The detector reaches 91.3% MODA on the MultiviewX dataset.", "91.3", "MODA"),
    ("Our tracker obtains 70.2% AUC, 85.1% NP and 71.9% AO on three benchmarks.", "85.1", "NP"),
    ("Our tracker obtains 70.2% AUC, 85.1% NP and 71.9% AO on three benchmarks.", "71.9", "AO"),
    ("The parser reaches 71.4% EX on the Spider development set.", "71.4", "EX"),
    ("Our lifting network reaches 87.1% 3D PCK on the MuPoTS-3D benchmark.", "87.1", "3D PCK"),
    # a "<name>@k" metric whose name holds a digit
    ("The matcher improves by 3.1% and 2.2% on R10@1 over the best baselines.", "2.2", "R10@1"),
    # a plural, and a hyphenated unit-like measure
    ("We report Fscores of 84.3 and 80.9 on the two scene text sets.", "84.3", "Fscore"),
    ("The model reaches 1.08 bits-per-character on the enwik8 corpus.", "1.08", "bits-per-character"),
]


@pytest.mark.parametrize(("sentence", "value", "metric"), METRIC_CASES, ids=[c[2] for c in METRIC_CASES])
def test_metric_is_read(sentence: str, value: str, metric: str) -> None:
    assert _claim(sentence, value).metric == metric


def test_metric_names_keep_spelled_out_names_and_their_acronyms() -> None:
    rows = [
        {"name": "Word Error Rate (WER)"},
        {"name": "mean Corruption Error (mCE)"},
        {"name": "Accuracy (Kitchen)"},
        {"name": "Top-1 Accuracy (%)"},
        {"name": "F1@50%"},
        {"name": "MODA"},
        {"name": "Kitchen"},
    ]
    names = metric_names(rows, ["MODA Benchmark", "Kitchen Sink Set"])
    # a bracket is an acronym only when its capitals are the initials of the name before it
    assert {"Word Error Rate", "WER", "mean Corruption Error", "mCE"} <= set(names)
    assert "Kitchen" not in names  # a qualifier, and the first word of a benchmark's name
    assert "Top-1 Accuracy" in names  # the unit is not part of the name
    assert "F1@50" not in names  # a threshold is
    assert "MODA" in names  # an acronym of four capitals stays a measure


# (sentence, value texts in order, metrics expected in the same order)
SLASHED_CASES = [
    (
        "Our detector obtains a 45.1/39.0 box/mask AP on the COCO val split.",
        ["45.1", "39.0"],
        ["box AP", "mask AP"],
    ),
    (
        "The network reaches 80.2% top-1 / 95.0% top-5 ImageNet accuracy with fewer parameters.",
        ["80.2", "95.0"],
        ["top-1 accuracy", "top-5 accuracy"],
    ),
    (
        "Our tagger achieves 90.1/87.3/88.7 P/R/F1 on the OntoNotes test set.",
        ["90.1", "87.3", "88.7"],
        ["P", "R", "F1"],
    ),
    (
        "The tagger reaches a precision/recall/F1 of 90.1/87.3/88.7 on OntoNotes.",
        ["90.1", "87.3", "88.7"],
        ["precision", "recall", "F1"],
    ),
]


@pytest.mark.parametrize(
    ("sentence", "values", "metrics"), SLASHED_CASES, ids=["/".join(c[2]) for c in SLASHED_CASES]
)
def test_slashed_numbers_take_slashed_metrics_in_order(
    sentence: str, values: list[str], metrics: list[str]
) -> None:
    assert [_claim(sentence, v).metric for v in values] == metrics


def test_slashed_numbers_keep_their_own_metrics() -> None:
    sentence = "It reaches 71.0% EM / 80.2% F1 on the SQuAD dev set."
    assert [_claim(sentence, v).metric for v in ("71.0", "80.2")] == ["EM", "F1"]


# (sentence, value text, metric expected): a metric the clause names away from the number
DISTANT_METRIC_CASES = [
    (
        "On the Avenue data set, our detector gives an absolute gain of 6.1% "
        "in terms of frame-level AUC over prior work.",
        "6.1",
        "frame-level AUC",
    ),
    (
        "Our network beats the best prior model by 5.2% and 7.9% on Kvasir-SEG and ETIS, "
        "in terms of dice coefficient.",
        "5.2",
        "dice coefficient",
    ),
    (
        "Against TensorMask, our model obtains an absolute gain of 1.4% (mask AP) at the same speed.",
        "1.4",
        "mask AP",
    ),
]


@pytest.mark.parametrize(
    ("sentence", "value", "metric"), DISTANT_METRIC_CASES, ids=[c[2] for c in DISTANT_METRIC_CASES]
)
def test_metric_named_later_in_the_clause(sentence: str, value: str, metric: str) -> None:
    assert _claim(sentence, value).metric == metric


def test_a_metric_after_a_clause_break_is_not_borrowed() -> None:
    sentence = "Our model improves the baseline by 4.2% on A-Set, while in terms of recall it stays close."
    assert _claim(sentence, "4.2").metric is None


def test_a_dataset_left_of_a_list_joiner_belongs_to_the_item_before() -> None:
    sentence = (
        "Our detector achieves an F-measure gain of 3.1% (80.2% vs. 77.1%) on ICDAR2015 and an "
        "end-to-end F-measure gain of 4.0% (75.5% vs. 71.5%) on Total-Text."
    )
    assert _claim(sentence, "3.1").benchmark == "ICDAR2015"
    assert _claim(sentence, "4.0").benchmark == "Total-Text"
    assert _claim(sentence, "75.5").benchmark == "Total-Text"


def test_a_dataset_named_in_the_clause_beats_a_counted_collection() -> None:
    sentence = (
        "Our model sets a new state of the art on three reading benchmarks, pushing the RACE "
        "benchmark to 83.1% and the DREAM benchmark to 71.4%."
    )
    assert _claim(sentence, "83.1").benchmark == "RACE"


def test_a_collection_described_by_its_members_stays_as_written() -> None:
    sentence = (
        "On 5 retrieval benchmarks including MS MARCO and BEIR, our ranker improves by an average of 6.2%."
    )
    assert _claim(sentence, "6.2").benchmark == "5 retrieval benchmarks"


def test_a_number_list_pairs_with_the_dataset_list_after_it() -> None:
    sentence = (
        "Our tracker is the best on several benchmarks, with 70.2% AUC, 85.1% NP and 71.9% AO "
        "on LaSOT, TrackingNet and GOT-10k."
    )
    assert [_claim(sentence, v).benchmark for v in ("70.2", "85.1", "71.9")] == [
        "LaSOT",
        "TrackingNet",
        "GOT-10k",
    ]


def test_a_benchmark_guessed_from_an_earlier_sentence_goes_to_review() -> None:
    from leaderboard.queries.base import BOARD_MIN_CONFIDENCE

    abstract = "We evaluate on the CIFAR-10 dataset. Our network reaches 97.1% accuracy."
    guessed = _claim(abstract, "97.1")
    assert guessed.benchmark == "CIFAR-10"  # kept for review and export...
    assert guessed.confidence < BOARD_MIN_CONFIDENCE  # ...but no board shows it unreviewed
    named = _claim("Our network reaches 97.1% accuracy on the CIFAR-10 dataset.", "97.1")
    assert named.confidence >= BOARD_MIN_CONFIDENCE


# (sentence, value text, metric expected)
METRIC_PHRASING_CASES = [
    # the longest vocabulary name wins over a shorter one it starts with
    (
        "Our network reaches a Dice similarity coefficient of 84.2% on the pancreas scans.",
        "84.2",
        "Dice similarity coefficient",
    ),
    # a metric that starts with capitals is not skipped as if it were a benchmark's name
    (
        "Our tagger sets a new state of the art on the NCBI-disease corpus (89.1% F1 score).",
        "89.1",
        "F1 score",
    ),
    # the metric after a bracketed annotation holding a number
    (
        "Our encoder reaches 81.3% (+4.2% over the previous best) top-1 accuracy on UCF101.",
        "81.3",
        "top-1 accuracy",
    ),
    (
        "Our encoder reaches 81.3% (+4.2% over the previous best) top-1 accuracy on UCF101.",
        "4.2",
        "top-1 accuracy",
    ),
    # a list of numbers "of" a list of qualified metrics
    (
        "The solver reaches 61.2 and 58.4 of execution accuracy and program accuracy on MathQA.",
        "58.4",
        "program accuracy",
    ),
]


@pytest.mark.parametrize(
    ("sentence", "value", "metric"), METRIC_PHRASING_CASES, ids=[c[2] for c in METRIC_PHRASING_CASES]
)
def test_metric_phrasing(sentence: str, value: str, metric: str) -> None:
    assert _claim(sentence, value).metric == metric


def test_a_metric_acronym_in_brackets_is_not_a_dataset() -> None:
    # "DSC" is also the name of a dataset on public leaderboards
    claim = _claim("We achieve a Dice similarity coefficient (DSC) of 81.3% in cross-validation.", "81.3")
    assert claim.metric == "Dice similarity coefficient (DSC)"
    assert claim.benchmark != "DSC"


def test_a_dataset_label_names_the_number_after_it() -> None:
    # MedExamQA is in no list: a short capitalised name as the label is enough
    sentence = (
        "The model reaches expert level on the three exams. "
        "MedExamQA: 61.3%, MedMCQA: 58.2% and PubMedQA: 77.0%."
    )
    found = [_claim(sentence, v).benchmark for v in ("61.3", "58.2", "77.0")]
    assert found == ["MedExamQA", "MedMCQA", "PubMedQA"]


def test_the_name_right_after_the_number_beats_a_known_name_further_right() -> None:
    sentence = (
        "Our detector reaches an accuracy of 98.1% on the Kaggle seizure database with 4-s EEG windows."
    )
    assert _claim(sentence, "98.1").benchmark == "Kaggle seizure database"


def test_a_metric_with_at_k_is_not_cut_into_a_benchmark() -> None:
    sentence = "Our matcher beats the best systems on Ubuntu Corpus V1 by 4.1% on R10@1."
    claim = _claim(sentence, "4.1")
    assert claim.metric == "R10@1"
    assert claim.benchmark is not None and claim.benchmark.startswith("Ubuntu Corpus")


def test_a_decibel_figure_glued_to_its_unit_is_a_claim() -> None:
    sentence = (
        "Our separator beats DPRNN on three datasets, with a margin of 1.7dB absolute improvement "
        "of SI-SNRi on the WHAM! benchmark."
    )
    claim = _claim(sentence, "1.7")
    assert claim.kind == "delta"
    assert claim.metric == "SI-SNRi"


def test_a_collection_read_left_of_the_number_gives_way_to_the_dataset_on_its_right() -> None:
    sentence = (
        "Our separator beats DPRNN in three datasets, in particular by 1.7 points of SI-SDRi "
        "on the WSJ0-2mix benchmark."
    )
    assert _claim(sentence, "1.7").benchmark == "WSJ0-2mix"


def test_a_change_that_refers_back_measures_what_the_sentence_before_measured() -> None:
    abstract = (
        "Our encoder reaches 71.2% accuracy on ImageNet with a linear probe. This beats prior results by 9%."
    )
    assert _claim(abstract, "9%").metric == "accuracy"


def test_changes_on_these_benchmarks_pair_with_the_scores_before_them() -> None:
    abstract = (
        "Our retriever sets new records on MSR-VTT (49.1 R@1), MSVD (50.2 R@1) and DiDeMo (47.5 R@1). "
        "It beats the previous best by +5.1%, +6.0% and +4.4% on these benchmarks."
    )
    found = [(_claim(abstract, v).benchmark, _claim(abstract, v).metric) for v in ("+5.1", "+6.0", "+4.4")]
    assert found == [("MSR-VTT", "R@1"), ("MSVD", "R@1"), ("DiDeMo", "R@1")]


def test_a_change_in_a_sentence_of_its_own_keeps_no_borrowed_metric() -> None:
    abstract = (
        "Our model reaches 33.6% average accuracy. We observed a 3.9% improvement in activity recognition."
    )
    assert _claim(abstract, "3.9").metric is None


def test_a_metric_written_before_its_number_is_no_benchmark() -> None:
    sentence = (
        "Our parser achieves F1 = 84.1 on the CoNLL-2005 shared task dataset and F1 = 83.0 on the "
        "CoNLL-2012 shared task dataset, which beats prior work by 1.1 and 0.9 F1 respectively."
    )
    assert _claim(sentence, "83.0").benchmark.startswith("CoNLL-2012")
    video = "Our model produces videos with an Inception Score of 14.8, a new state of the art."
    assert _claim(video, "14.8").benchmark != "Inception"


def test_a_list_that_says_it_holds_datasets_pairs_even_with_a_metric_like_name() -> None:
    # "ADE" is also a trajectory metric's acronym
    sentence = (
        "The tagger is best on the ADE, CADEC and SMM4H benchmark datasets "
        "(91.2%, 78.1% and 83.0% F1 respectively)."
    )
    assert [_claim(sentence, v).benchmark for v in ("91.2", "78.1", "83.0")] == ["ADE", "CADEC", "SMM4H"]


def test_a_task_phrase_as_benchmark_goes_to_review() -> None:
    from leaderboard.queries.base import BOARD_MIN_CONFIDENCE

    claim = _claim("Our tagger reaches 91.2% accuracy for part-of-speech tagging.", "91.2")
    assert claim.benchmark == "part-of-speech tagging"
    assert claim.confidence < BOARD_MIN_CONFIDENCE


def test_the_metric_of_the_compared_figure_is_the_numbers_metric() -> None:
    sentence = "Our model sets a new record on LAMBADA (68.1% compared to SOTA accuracy of 63.2%)."
    assert _claim(sentence, "68.1").metric == "accuracy"


def test_a_metric_name_digit_is_no_number() -> None:
    sentence = "Our generator raises the best result from 28.1 to 35.6 (BLEU 1 score) on RACE distractors."
    values = [c.value for c in extract_claims(sentence, None)]
    assert 1.0 not in values
    assert _claim(sentence, "35.6").metric == "BLEU 1 score"


def test_a_bracketed_in_metric_after_the_number() -> None:
    sentence = "Our detector beats the baseline by up to 5.1% (in mAP@0.5) on the DeepLesion dataset."
    assert _claim(sentence, "5.1").metric == "mAP@0.5"


def test_two_numbers_with_their_own_metrics_share_the_dataset_after_them() -> None:
    sentence = (
        "It reaches 84.1% top-1 accuracy on ImageNet-1K, 52.7 box AP and 45.9 mask AP on the COCO "
        "detection task, and 51.0 mIoU on ADE20K, beating Swin by +1.0, +1.8, +1.2 and +1.5 respectively."
    )
    assert _claim(sentence, "52.7").benchmark.startswith("COCO")
    deltas = [_claim(sentence, v) for v in ("+1.0", "+1.8", "+1.2", "+1.5")]
    assert [d.metric for d in deltas] == ["top-1 accuracy", "box AP", "mask AP", "mIoU"]
    assert [d.benchmark.split()[0] for d in deltas] == ["ImageNet-1K", "COCO", "COCO", "ADE20K"]


def test_a_dataset_raised_to_a_number_is_that_numbers_benchmark() -> None:
    sentence = (
        "This includes improving BC5CDR to 90.1% (3.2% gain), NCBI-disease to 89.0% (2.1% gain), "
        "and JNLPBA to 80.2% (1.9% gain)."
    )
    assert [_claim(sentence, v).benchmark for v in ("90.1", "89.0", "80.2")] == [
        "BC5CDR",
        "NCBI-disease",
        "JNLPBA",
    ]


def test_a_domain_pair_with_an_arrow_is_read_whole() -> None:
    sentence = "Our method reaches 58.1 mIoU on GTA→Cityscapes and 52.0 mIoU on SYNTHIA→Cityscapes."
    assert [_claim(sentence, v).benchmark for v in ("58.1", "52.0")] == [
        "GTA→Cityscapes",
        "SYNTHIA→Cityscapes",
    ]
    lost = "We produce a new state-of-the-art model in 64?64 pixel video generation, with an IS of 14.9."
    assert _claim(lost, "14.9").benchmark == "64?64 pixel video generation"


# (sentence, value text, metric expected): "performance" as the text names the measure
PERFORMANCE_CASES = [
    ("The tracker reaches a 40% performance improvement over the single-frame model.", "40", "performance"),
    ("We improve the mean performance of the planning agent by 19% on the suite.", "19", "mean performance"),
    (
        "Our pruning shows a merely 0.4 point decrease in performance on the four models.",
        "0.4",
        "performance",
    ),
    # a name's or a human's performance is no measure named
    ("The method can improve SciFact performance by up to 2.1% over the state of the art.", "2.1", None),
    ("It surpasses the human performance by +0.7% on the SuperGLUE benchmark.", "0.7", None),
]


@pytest.mark.parametrize(
    ("sentence", "value", "metric"), PERFORMANCE_CASES, ids=[c[0][:30] for c in PERFORMANCE_CASES]
)
def test_performance_as_the_metric(sentence: str, value: str, metric: str | None) -> None:
    assert _claim(sentence, value).metric == metric


def test_a_claim_before_any_dataset_takes_the_first_one_named_later_for_review() -> None:
    from leaderboard.queries.base import BOARD_MIN_CONFIDENCE

    abstract = (
        "Our backbones outperform ResNet-FPN models by ~3% AP at various scales. "
        "In particular, our largest model achieves 52.3% AP on COCO."
    )
    early = _claim(abstract, "3%")
    assert early.benchmark == "COCO"
    assert early.confidence < BOARD_MIN_CONFIDENCE


def test_a_slashed_run_of_costs_is_efficiency() -> None:
    sentence = "The s/m/l variants reach 71.2/52.0/40.3 FPS respectively on an RTX 3090 with TensorRT."
    claims = [_claim(sentence, v) for v in ("71.2", "52.0", "40.3")]
    assert {c.kind for c in claims} == {"efficiency"}
    assert all(c.benchmark != "RTX 3090" for c in claims)


@pytest.mark.parametrize(
    ("sentence", "value", "metric"),
    [
        (
            "Pruning gives a 31% reduction in perplexity, or 9% reduction in cross-entropy, over it.",
            "9",
            "cross-entropy",
        ),
        ("The synthesiser achieves a 3.9 mean opinion score on US English.", "3.9", "mean opinion score"),
        (
            "Over 60% relative decrease of Half Total Error Rate is achieved on CASIA.",
            "60",
            "Half Total Error Rate",
        ),
    ],
)
def test_more_measure_names(sentence: str, value: str, metric: str) -> None:
    assert _claim(sentence, value).metric == metric
