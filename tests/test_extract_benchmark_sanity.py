"""The last check on a benchmark value (`benchmark.sane_benchmark`)."""

from __future__ import annotations

import pytest

from leaderboard.extract.benchmark import clean_benchmark, sane_benchmark


@pytest.mark.parametrize(
    "phrase",
    [
        "the",
        "a",
        "our",
        "this",
        "these",
        "the benchmark",
        "dataset",
        "exceeding nnU-Net",
        "surpassing BERT",
        "outperforming all baselines",
        "compared with SimCLR",
        "beating GPT-4",
        "relative to X",
    ],
)
def test_not_a_benchmark(phrase: str) -> None:
    assert sane_benchmark(phrase) is None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("the ScanNet", "ScanNet"),
        ("a Spider", "Spider"),
        ("all tasks", "all tasks"),
        ("reading comprehension", "reading comprehension"),
        ("TopiOCQA", "TopiOCQA"),
        ("Something-Something v2", "Something-Something v2"),
        ("LineMOD", "LineMOD"),
        ("question answering", "question answering"),
        ("7 multimodal benchmarks", "7 multimodal benchmarks"),
    ],
)
def test_benchmark_kept(phrase: str, expected: str) -> None:
    assert clean_benchmark(phrase)[0] == expected
