"""The shipped registry in seed/registry: big enough, valid, and unambiguous."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from leaderboard.db.models import METRIC_DIRECTIONS, METRIC_SCALES
from leaderboard.normalize import read_benchmark_name
from leaderboard.normalize.registry import default_files, read_registry

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEED_REGISTRY = PROJECT_ROOT / "seed" / "registry"
VOCAB = PROJECT_ROOT.parent / "shared" / "vocab"

ROWS = read_registry(default_files())  # raises on any bad row or repeated name
BY_NAME = {(row.kind, row.name): row for row in ROWS}

LOWER_IS_BETTER = [
    "WER", "CER", "FID", "perplexity", "error rate", "MAE", "MSE", "RMSE", "HD95", "EER",
    "bits per byte", "bits per character", "top-1 error", "top-5 error", "TER", "LPIPS", "DER",
]  # fmt: skip
HIGHER_IS_BETTER = ["accuracy", "top-1 accuracy", "F1", "BLEU", "AUC", "mIoU", "Dice", "pass@1", "PSNR"]


def test_registry_has_enough_metrics_and_benchmarks():
    counts = Counter(row.kind for row in ROWS)
    assert counts["metric"] >= 500
    assert counts["benchmark"] >= 2000
    assert sum(1 for row in ROWS if row.kind == "benchmark" and len(row.aliases) > 1) >= 250


def test_no_registry_name_carries_a_split_or_language_pair():
    # Such a name would be read as its benchmark plus a condition, and never resolve as itself.
    carrying = [
        alias
        for row in ROWS
        if row.kind == "benchmark"
        for alias in row.aliases.values()
        if read_benchmark_name(alias).settings
    ]
    assert carrying == []


def test_hub_dataset_ids_look_like_hub_ids():
    ids = {row.name: row.hub_dataset_id for row in ROWS if row.hub_dataset_id}
    assert ids["SQuAD v1.1"] == "rajpurkar/squad"
    assert all(re.fullmatch(r"[\w.-]+/[\w.-]+", hub_id) for hub_id in ids.values())


@pytest.mark.skipif(not VOCAB.is_dir(), reason="../shared/vocab is not here")
def test_the_shipped_files_are_what_build_py_makes(tmp_path):
    build = SEED_REGISTRY / "build.py"
    command = [sys.executable, str(build), "--vocab", str(VOCAB), "--out", str(tmp_path)]
    subprocess.run(command, check=True, capture_output=True)
    for name in ("benchmarks.csv", "metrics.csv", "models.csv", "tasks.txt"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (SEED_REGISTRY / name).read_text(
            encoding="utf-8"
        )


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
