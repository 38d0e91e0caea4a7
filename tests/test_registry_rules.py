"""The registry's name rules: metric direction, benchmark names carrying settings, junk entities and
condition keys. Pure functions, cases as data."""

from __future__ import annotations

import pytest

from leaderboard.normalize import (
    benchmark_junk_reason,
    condition_key,
    direction_from_name,
    model_junk_reason,
    read_benchmark_name,
)

DIRECTIONS = [
    # Metrics the issue found ranked as higher-is-better.
    ("word error rate (WER)", "lower"),
    ("test error rate", "lower"),
    ("RMSE", "lower"),
    ("perplexity", "lower"),
    ("FID", "lower"),
    ("EER", "lower"),
    ("miss rate", "lower"),
    ("Chamfer distance", "lower"),
    ("bits per character", "lower"),
    ("bits per byte", "lower"),
    ("NLL", "lower"),
    ("latency (ms)", "lower"),
    ("CER", "lower"),
    ("PER", "lower"),
    ("MAE", "lower"),
    ("mean rank", "lower"),
    ("accuracy", "higher"),
    ("F1", "higher"),
    ("BLEU", "higher"),
    ("mAP", "higher"),
    ("top-1 accuracy", "higher"),
    ("MRR", "higher"),
    ("Recall@10", "higher"),
    # Lower-is-better words inside a higher-is-better name.
    ("1 - LPIPS", "higher"),
    ("MS-SSIM", "higher"),
    ("Per-pixel Accuracy", "higher"),
    ("relative error reduction", "higher"),
    # Nothing to go by: unknown, never 'higher' by default.
    ("score", None),
    ("overall", None),
    ("Hardware Burden", None),
    ("", None),
]


@pytest.mark.parametrize(("name", "direction"), DIRECTIONS, ids=[d[0] or "empty" for d in DIRECTIONS])
def test_metric_direction_from_its_name(name, direction):
    assert direction_from_name(name) == direction


BENCHMARK_NAMES = [
    # written -> (benchmark, settings)
    ("COCO test-dev", "COCO", {"split": ("split=test-dev",)}),
    ("DAVIS 2017 (val)", "DAVIS 2017", {"split": ("split=val",)}),
    ("LibriSpeech test-other", "LibriSpeech", {"split": ("split=test-other",)}),
    ("LibriSpeech test-clean", "LibriSpeech", {"split": ("split=test-clean",)}),
    ("test-clean", "LibriSpeech", {"split": ("split=test-clean",)}),
    ("English-to-German WMT 2014", "WMT 2014", {"lang": ("lang=en-de",)}),
    ("WMT14 English-German", "WMT14", {"lang": ("lang=en-de",)}),
    ("WMT'14 En-De", "WMT'14", {"lang": ("lang=en-de",)}),
    ("IWSLT2014 German-English", "IWSLT2014", {"lang": ("lang=de-en",)}),
    ("CIFAR-10, 250 labels", "CIFAR-10", {"labels": ("labels=250",)}),
    ("COCO 10% labeled data", "COCO", {"labels": ("labels=10%",)}),
    ("MMLU (5-shot)", "MMLU", {"shots": ("5-shot",)}),
    ("Cityscapes val", "Cityscapes", {"split": ("split=val",)}),
    ("ImageNet", "ImageNet", {}),
    ("Hub5'00", "Hub5'00", {}),
    ("KITTI Eigen split", "KITTI Eigen split", {}),
    ("test set", "test set", {}),  # nothing but a split: left as written (and judged junk)
]


@pytest.mark.parametrize(
    ("written", "base", "settings"), BENCHMARK_NAMES, ids=[b[0] for b in BENCHMARK_NAMES]
)
def test_benchmark_names_carry_splits_and_language_pairs(written, base, settings):
    name = read_benchmark_name(written)
    assert (name.base, name.settings) == (base, settings)


def test_task_words_are_dropped_only_as_a_second_choice():
    assert read_benchmark_name("ImageNet classification").without_task == "ImageNet"
    assert read_benchmark_name("the Penn Treebank dataset").without_task == "Penn Treebank"
    assert read_benchmark_name("ImageNet").without_task is None


JUNK_BENCHMARKS = [
    ("11 datasets", "count"),
    ("five previously unseen datasets", "count"),
    ("1-shot", "setting"),
    ("5-shot", "setting"),
    ("fine-tuning", "setting"),
    ("zero-shot setting", "setting"),
    ("test set", "split"),
    ("same dataset", "anaphor"),
    ("these benchmarks", "anaphor"),
    ("F-score of", "fragment"),
    ("Word", "generic word"),
    ("image classification", "task"),
    ("machine translation", "task"),
    ("ImageNet", None),
    ("MS COCO", None),
    ("New York Times Corpus", None),
    ("ShanghaiTech A", None),
    ("1 Megapixel Automotive Detection Dataset", None),
]


@pytest.mark.parametrize(("name", "reason"), JUNK_BENCHMARKS, ids=[j[0] for j in JUNK_BENCHMARKS])
def test_why_a_benchmark_phrase_is_no_benchmark(name, reason):
    assert benchmark_junk_reason(name) == reason


JUNK_MODELS = [
    ("GPipe", False, "library"),
    ("PyTorch", False, "library"),
    ("NMS", False, "generic word"),
    ("ASR", False, "task"),
    ("our model", False, "generic word"),
    ("Librispeech", True, "dataset"),
    ("BERT", False, None),
    ("GPT-4", False, None),
    ("ResNet-50", False, None),
    ("Transformer", False, None),
    ("FixMatch", False, None),
]


@pytest.mark.parametrize(("name", "is_benchmark", "reason"), JUNK_MODELS, ids=[j[0] for j in JUNK_MODELS])
def test_why_a_model_name_is_no_model(name, is_benchmark, reason):
    assert model_junk_reason(name, is_benchmark=is_benchmark) == reason


LIBRISPEECH = "Our model achieves a word error rate of 1.8% on LibriSpeech test-clean and 3.9% on test-other."
SLASHES = "Conformer reaches a WER of 2.1%/4.3% on the LibriSpeech test-clean/test-other sets."
JFT = "We obtain 88.5% top-1 accuracy on ImageNet with JFT-3B pre-training, and 85.1% without extra data."
ROBUST = "It keeps 90.1% clean accuracy and 55.2% robust accuracy under AutoAttack."

CONDITIONS = [
    # condition text, evidence, value as written, settings from the benchmark name -> key
    pytest.param(
        "test-clean; test-other", LIBRISPEECH, "1.8%", None, "split=test-clean", id="librispeech-clean"
    ),
    pytest.param(
        "test-clean; test-other", LIBRISPEECH, "3.9%", None, "split=test-other", id="librispeech-other"
    ),
    pytest.param(None, SLASHES, "2.1%", None, "split=test-clean", id="respectively-first"),
    pytest.param(None, SLASHES, "4.3%", None, "split=test-other", id="respectively-second"),
    pytest.param(
        "test-clean; test-other", None, None, None, "split=test-clean+split=test-other", id="unplaced"
    ),
    pytest.param(
        None, "It scores 2.0 WER on test-clean.", None, None, "split=test-clean", id="distinct-split"
    ),
    pytest.param(None, JFT, "88.5%", None, "pretrain=JFT-3B", id="pretraining-corpus"),
    pytest.param(None, JFT, "85.1%", None, "", id="no-extra-data"),
    pytest.param("linear probe", None, None, None, "linear probe", id="linear-probe"),
    pytest.param("fine-tuned", None, None, None, "fine-tuned", id="fine-tuned"),
    pytest.param(
        None, "With only 250 labels, FixMatch reaches 94.9%.", None, None, "labels=250", id="labels"
    ),
    pytest.param(None, ROBUST, "90.1%", None, "", id="clean-is-default"),
    pytest.param(None, ROBUST, "55.2%", None, "adversarial", id="adversarial"),
    pytest.param(
        None,
        "An ensemble reaches 29.1 BLEU on English-German.",
        None,
        None,
        "ensemble; lang=en-de",
        id="pair",
    ),
    pytest.param(None, "Then we report results.", None, None, "", id="then-is-no-pair"),
    pytest.param("test set", None, None, {"split": ("split=test-dev",)}, "split=test-dev", id="name-wins"),
    pytest.param("zero-shot", None, None, {"lang": ("lang=en-de",)}, "zero-shot; lang=en-de", id="name-adds"),
]


@pytest.mark.parametrize(("condition", "evidence", "value_text", "fixed", "key"), CONDITIONS)
def test_condition_keys_keep_incomparable_numbers_apart(condition, evidence, value_text, fixed, key):
    assert condition_key(condition, evidence, value_text, fixed) == key
