"""The shipped registry in seed/registry: big enough, valid, and unambiguous."""

from __future__ import annotations

from collections import Counter

import pytest

from leaderboard.db.models import METRIC_DIRECTIONS, METRIC_SCALES
from leaderboard.normalize.registry import default_files, read_registry

ROWS = read_registry(default_files())  # raises on any bad row or repeated name
BY_NAME = {(row.kind, row.name): row for row in ROWS}

LOWER_IS_BETTER = [
    "WER", "CER", "FID", "perplexity", "error rate", "MAE", "MSE", "RMSE", "HD95", "EER",
    "bits per byte", "bits per character", "top-1 error", "top-5 error", "TER", "LPIPS", "DER",
]  # fmt: skip
HIGHER_IS_BETTER = ["accuracy", "top-1 accuracy", "F1", "BLEU", "AUC", "mIoU", "Dice", "pass@1", "PSNR"]


def test_registry_has_enough_metrics_and_benchmarks():
    counts = Counter(row.kind for row in ROWS)
    assert counts["metric"] >= 80
    assert counts["benchmark"] >= 150


def test_every_metric_has_a_valid_direction_and_scale():
    metrics = [row for row in ROWS if row.kind == "metric"]
    assert all(row.direction in METRIC_DIRECTIONS for row in metrics)
    assert all(row.scale in METRIC_SCALES for row in metrics)
    assert all(row.direction is None and row.scale is None for row in ROWS if row.kind != "metric")


def test_every_benchmark_names_its_task():
    assert all(row.task for row in ROWS if row.kind == "benchmark")


def test_no_name_belongs_to_two_entities():
    owners = Counter((row.kind, key) for row in ROWS for key in row.aliases)
    assert [name for name, count in owners.items() if count > 1] == []


@pytest.mark.parametrize("name", LOWER_IS_BETTER)
def test_errors_and_distances_are_lower_is_better(name):
    assert BY_NAME[("metric", name)].direction == "lower"


@pytest.mark.parametrize("name", HIGHER_IS_BETTER)
def test_scores_are_higher_is_better(name):
    assert BY_NAME[("metric", name)].direction == "higher"


def test_known_aliases_are_listed():
    imagenet = BY_NAME[("benchmark", "ImageNet")].aliases.values()
    assert {"ImageNet-1K", "ILSVRC-2012", "ImageNet-2012"} <= set(imagenet)
    assert "MS COCO" in BY_NAME[("benchmark", "COCO")].aliases.values()
    assert "top-1 acc" in BY_NAME[("metric", "top-1 accuracy")].aliases.values()


def test_model_variants_are_separate_entities():
    models = {row.name for row in ROWS if row.kind == "model"}
    assert {"GPT-4", "GPT-4V", "GPT-4o", "GPT-4 Turbo"} <= models
