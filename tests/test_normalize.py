"""Folding names, canonical values and condition keys: pure functions, cases as data."""

from __future__ import annotations

import pytest

from leaderboard.normalize import canonical_value, condition_key, fold, parse_condition_option

SAME_NAME = [
    ("ImageNet-1K", "imagenet 1k"),
    ("ImageNet-1K", "ImageNet_1K"),
    ("MS COCO", "ms-coco"),
    ("top-1 acc.", "Top-1 Acc"),
    ("GPT-4", "gpt4"),
    ("ViT-B/16", "ViT-B-16"),
    ("Ｉｍａｇｅｎｅｔ", "imagenet"),  # full-width letters (NFKC)
]
DIFFERENT_NAMES = [
    ("GPT-4", "GPT-4V"),
    ("GPT-4", "GPT-4o"),
    ("GPT-4", "GPT-4 Turbo"),
    ("GPT-4V", "GPT-4o"),
    ("chrF", "chrF++"),
    ("HumanEval", "HumanEval+"),
    ("CIFAR-10", "CIFAR-100"),
]


@pytest.mark.parametrize(("a", "b"), SAME_NAME, ids=[f"{a}={b}" for a, b in SAME_NAME])
def test_spellings_of_one_name_fold_alike(a, b):
    assert fold(a) == fold(b) != ""


@pytest.mark.parametrize(("a", "b"), DIFFERENT_NAMES, ids=[f"{a}!={b}" for a, b in DIFFERENT_NAMES])
def test_variants_fold_apart(a, b):
    assert fold(a) != fold(b)


def test_a_name_without_letters_or_digits_folds_to_nothing():
    assert fold(" -- ") == "" and fold(None) == ""


CANONICAL = [
    # value, unit, scale, direction -> canonical, flag
    pytest.param(0.621, None, "percent", "higher", 62.1, None, id="fraction-written-accuracy"),
    pytest.param(62.1, "%", "percent", "higher", 62.1, None, id="percent-accuracy"),
    pytest.param(62.1, None, "percent", "higher", 62.1, None, id="bare-percent-accuracy"),
    pytest.param(130.0, "%", "percent", "higher", 130.0, "out_of_range", id="accuracy-over-100"),
    pytest.param(-2.0, "%", "percent", "lower", -2.0, "out_of_range", id="negative-wer"),
    pytest.param(87.2, "%", "fraction", "higher", 0.872, None, id="auc-in-percent"),
    pytest.param(0.872, None, "fraction", "higher", 0.872, None, id="auc-fraction"),
    pytest.param(140.0, "%", "fraction", "higher", 1.4, "out_of_range", id="auc-over-1"),
    pytest.param(12.3, None, "unbounded", "lower", 12.3, None, id="fid"),
    pytest.param(-1.0, None, "unbounded", "lower", -1.0, "out_of_range", id="negative-perplexity"),
    pytest.param(-35.0, None, "unbounded", "higher", -35.0, None, id="negative-return"),
    pytest.param(0.5, None, None, None, 0.5, None, id="unknown-metric-as-written"),
]


@pytest.mark.parametrize(("value", "unit", "scale", "direction", "expected", "flag"), CANONICAL)
def test_canonical_value(value, unit, scale, direction, expected, flag):
    assert canonical_value(value, unit, scale, direction) == (pytest.approx(expected), flag)


CONDITIONS = [
    # condition text, evidence -> key
    pytest.param("zero-shot", None, "zero-shot", id="zero-shot"),
    pytest.param("absolute; 0-shot", None, "zero-shot", id="0-shot"),
    pytest.param("~; 16 shots", None, "16-shot", id="16-shots"),
    pytest.param("five-shot", None, "5-shot", id="five-shot"),
    pytest.param("Cross-lingual; Few-shot", None, "few-shot", id="few-shot"),
    pytest.param("fine-tuning", None, "fine-tuned", id="fine-tuning"),
    pytest.param("validation set", None, "split=val", id="validation"),
    pytest.param("zero-shot; test set", None, "zero-shot; split=test", id="order"),
    pytest.param("test set; zero-shot", None, "zero-shot; split=test", id="order-is-canonical"),
    pytest.param("with extra training data", None, "extra data", id="extra-data"),
    pytest.param("without extra data", None, "", id="no-extra-data-is-default"),
    pytest.param("single model", None, "single model", id="single-model"),
    pytest.param(None, "Our ensemble of five models scores 91.2.", "ensemble", id="evidence"),
    pytest.param(None, "On the COCO test-dev split we reach 60.1 AP.", "split=test-dev", id="evidence-split"),
    pytest.param(None, "We test it and it works.", "", id="verb-test-is-no-split"),
    pytest.param(None, "Zero-shot and 5-shot results are 60 and 70.", "", id="evidence-ambiguous"),
    pytest.param("zero-shot", "Our 5-shot result is 70.", "zero-shot", id="condition-wins"),
    pytest.param(None, None, "", id="nothing"),
]


@pytest.mark.parametrize(("condition", "evidence", "key"), CONDITIONS)
def test_condition_key(condition, evidence, key):
    assert condition_key(condition, evidence) == key


@pytest.mark.parametrize(
    ("typed", "key"), [("0-shot", "zero-shot"), ("Zero shot", "zero-shot"), ("none", ""), ("", "")]
)
def test_condition_typed_by_a_user(typed, key):
    assert parse_condition_option(typed) == key
