"""Which system a number belongs to: the paper's own system and the named subject of a sentence.

Each case is an abstract written in the style of ML papers (not copied from a gold set), its
title, and the model every result claim of it must carry. The paper's system is also checked
with the rule that named it, so the explain report can say why.
"""

from __future__ import annotations

import pytest

from leaderboard.extract import extract_claims
from leaderboard.extract.model import paper_system

# (abstract, title, the model of every score/delta claim)
OWN_SYSTEM = [
    # an acronym defined for a part ("... Module (XYZ)") loses a tie to the network built of it
    (
        "We propose a novel Layout Alignment Module (LAM) for table detection. The LAM is light and "
        "can be added to any existing detector built on convolutional features, to construct "
        "end-to-end Layout Alignment Networks (LANets). Our method reaches 71.2% F-score on ICDAR 2015.",
        "Layout Alignment Networks for Robust Table Detection",
        "LANets",
    ),
    # a plural acronym names things, not a system: "regions of interest (ROIs)"
    (
        "We present a Motion Guided Tracking (MGT) method that crops regions of interest (ROIs) "
        "around each object. It obtains 80.5 J&F on DAVIS 2017.",
        "Motion Guided Tracking with Region Crops",
        "MGT",
    ),
    # an acronym that qualifies a task ("(SSDA) semantic segmentation") is no system
    (
        "Semi-supervised domain adaptive (SSDA) semantic segmentation is hard. Our method reaches "
        "61.3% mIoU on Cityscapes.",
        "Harvesting Boundaries for Semi-Supervised Domain Adaptive Semantic Segmentation",
        None,
    ),
]


@pytest.mark.parametrize(("abstract", "title", "model"), OWN_SYSTEM, ids=[f"OWN-{c[2]}" for c in OWN_SYSTEM])
def test_own_system(abstract: str, title: str | None, model: str | None) -> None:
    claims = [c for c in extract_claims(abstract, title) if c.kind in ("score", "delta")]
    assert claims
    assert {c.model for c in claims} == {model}


def test_paper_system_says_which_rule_named_it() -> None:
    abstract = "We propose FlowNet-X, a network for optical flow. FlowNet-X reaches 2.1 EPE on Sintel."
    assert paper_system(abstract, "FlowNet-X: Faster Optical Flow") == ("FlowNet-X", "system:title-name")
    assert paper_system("Results improve by 2%.", "Notes on Optical Flow") == (None, "none")
