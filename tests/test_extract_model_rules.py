"""Which system a number belongs to: the paper's own system and the named subject of a sentence.

Each case is an abstract written in the style of ML papers (not copied from a gold set), its
title, and the model every result claim of it must carry. The paper's system is also checked
with the rule that named it, so the explain report can say why.
"""

from __future__ import annotations

import pytest

from leaderboard.extract import explain_report, extract_claims
from leaderboard.extract.model import paper_system

# (abstract, title, the model of every score/delta claim)
OWN_SYSTEM = [
    # an acronym defined for a part ("... Module (XYZ)") loses a tie to the network built of it
    (
        "We propose a novel Layout Alignment Module (LAM) for table detection. The LAM is light and "
        "can be added to any existing detector built on convolutional features, to construct "
        "end-to-end Layout Alignment Networks (LANets). Our method reaches 71.2% F-score on ICDAR 2015.",
        "Layout Alignment Networks for Robust Table Detection",
        "LANet",
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

# (sentence, title, the model of the claim of value_text, value_text)
SUBJECTS = [
    # a bracketed variant, a size or an apposition between the subject and its verb
    (
        "Notably, DetNet-2 (ResNet-50) achieves 47.1 AP on COCO.",
        "Dense Boxes for Detection",
        "DetNet-2",
        "47.1",
    ),
    ("Orca-Math 70B achieves 81.0% accuracy on GSM8K.", None, "Orca-Math", "81.0%"),
    (
        "Remarkably, our EDM-XS, as a training-free sampler, obtains 2.31 FID on CIFAR-10.",
        "Sampling Faster with Fewer Steps",
        "EDM-XS",
        "2.31",
    ),
    # a backbone the paper's own method trained is the paper's system
    (
        "We propose TokenMix (TMix) for data augmentation. With TMix, our ResNet-152 achieves 80.2% top-1 "
        "accuracy on ImageNet.",
        "TokenMix: Mixing Tokens for Vision Training",
        "TokenMix",
        "80.2%",
    ),
    # a LaTeX macro standing for the name is the paper's system
    (
        "We present \\ours{}. \\ours reaches 65.1 mIoU on ADE20K.",
        "SegLite: Cheap Segmentation",
        "SegLite",
        "65.1",
    ),
    # a capitalised phrase with its acronym is no subject
    (
        "A new Entity Linking (EL) model obtains 91.2% F1 on AIDA.",
        "Fast Linking at Scale",
        None,
        "91.2%",
    ),
    # a long bracketed expansion, or an apposition with "using", between the name and its verb
    (
        "Our SALT (Sentence-Aware Localized Thresholding and pooling) model achieves an F1 score of 62.1 "
        "on DocRED.",
        None,
        "SALT",
        "62.1",
    ),
    (
        "Results show that our Few-shot-PoT, using one prompt, outperforms prior prompting by 9.2% on GSM8K.",
        None,
        "Few-shot-PoT",
        "9.2%",
    ),
    # "X to reach": X is the one reaching
    (
        "A later preprint scaled up and retrained CoralNet-B to reach 84.1% top-1 accuracy on ImageNet.",
        "Guided Evolution for Architecture Search",
        "CoralNet-B",
        "84.1%",
    ),
    # the system a sentence trains is the one that scores
    (
        "With PipeTrain we train a 1-billion-parameter CoralNet model and attain 85.0% top-1 accuracy on "
        "ImageNet.",
        "PipeTrain: Pipelined Training of Giant Networks",
        "CoralNet",
        "85.0%",
    ),
    # "our X model" is the paper's system built on X
    (
        "We train Titan-LM with model parallelism. Our BERT model achieves 91.2% accuracy on RACE.",
        "Titan-LM: Training Large Models",
        "Titan-LM",
        "91.2%",
    ),
    # the name given right before the verb
    (
        "With the help of PullLoss, our detector, namely Ped-X, achieves a miss rate of 6.1% on Caltech.",
        "PullLoss: Pulling Boxes Together",
        "Ped-X",
        "6.1%",
    ),
    # a number opening the bracket after a compared system's name is that system's
    (
        "On COCO, DenseBox achieves 45.0% AP, surpassing state-of-the-art PAA (43.9%) and ATSS (43.6%).",
        "DenseBox: Dense Detection",
        "PAA",
        "43.9%",
    ),
    # a lower-case name with a version is a subject; "top-1" is not
    (
        "Large models still struggle: llama-2-13b achieved an F1 score of 21.5 on CoNLL-2003.",
        "UniIE: Instructions for Extraction",
        "llama-2-13b",
        "21.5",
    ),
    # a name with a lower-case prefix ("mc-BEiT") is a name
    (
        "We introduce an improved BERT-style method, namely mx-ViTa. It reaches 84.0% top-1 accuracy "
        "on ImageNet.",
        "mx-ViTa: Multi-choice Image Pre-training",
        "mx-ViTa",
        "84.0%",
    ),
]


@pytest.mark.parametrize(
    ("text", "title", "model", "value_text"), SUBJECTS, ids=[f"SUBJ-{c[2]}" for c in SUBJECTS]
)
def test_sentence_subject(text: str, title: str | None, model: str | None, value_text: str) -> None:
    claims = [c for c in extract_claims(text, title) if c.value_text == value_text]
    assert claims, [c.value_text for c in extract_claims(text, title)]
    assert claims[0].model == model


@pytest.mark.parametrize(("abstract", "title", "model"), OWN_SYSTEM, ids=[f"OWN-{c[2]}" for c in OWN_SYSTEM])
def test_own_system(abstract: str, title: str | None, model: str | None) -> None:
    claims = [c for c in extract_claims(abstract, title) if c.kind in ("score", "delta")]
    assert claims
    assert {c.model for c in claims} == {model}


def test_paper_system_says_which_rule_named_it() -> None:
    abstract = "We propose FlowNet-X, a network for optical flow. FlowNet-X reaches 2.1 EPE on Sintel."
    assert paper_system(abstract, "FlowNet-X: Faster Optical Flow") == ("FlowNet-X", "system:title-name")
    assert paper_system("Results improve by 2%.", "Notes on Optical Flow") == (None, "none")


# (title, abstract, the paper's system)
TITLE_SYSTEMS = [
    # a plural network name names the family; a leaderboard row is one member
    (
        "Ripple Networks",
        "We propose ripple networks (RippleNets in short), a family of vision backbones. Our model "
        "reaches 83.1% top-1 accuracy on ImageNet.",
        "RippleNet",
    ),
    # the short form the abstract writes for the title's lead phrase
    (
        "Layered Ranking Autoencoders",
        "We describe a ranking autoencoder. LRAE consists of two stages and ranks items well.",
        "LRAE",
    ),
    ("Sparse Token Mixer V2", "STMV2 replaces attention with sparse mixing.", "STMV2"),
    ("Conditional Multi-Task Adapters", "Code is available at https://example.org/CMTA.", "CMTA"),
    # a name given spelled out goes by the acronym after it
    (
        "Defending Image Classifiers Against Attacks",
        "We propose a defence termed Gradient Shielding Transform (GST). GST improves robust accuracy "
        "by 4.1% on CIFAR-10.",
        "GST",
    ),
    (
        "Fine-grained Bird Recognition",
        'We propose a novel network called "Part Voting and Background Masking" (PVBM), built of two '
        "modules. PVBM reaches 92.5% accuracy on CUB-200-2011.",
        "PVBM",
    ),
    (
        "Rethinking Detector Heads",
        "To this end, a light operator called class-aware feature disentanglement (CFD) is added to "
        "the head. CFD lifts AP by 3.1% on COCO.",
        "CFD",
    ),
    (
        "Learning Scale Mixing for Detection",
        "A strategy for pyramid features is given, referred to as adaptive scale fusion (ASF). With it "
        "detectors reach 41.5% AP on COCO.",
        "ASF",
    ),
    # a compound adjective opens the name: its acronym, or the quoted phrase it stands in
    (
        "On Sharing Weights Between Architectures",
        "We propose Cross-Layer Weight Sharing (XLWS), in which layers reuse weights. It improves "
        "accuracy by 2.2% on GLUE.",
        "XLWS",
    ),
    (
        "Self-supervised Audio Learning with Cross-Band Contrasting",
        'In this paper we propose "Audio Cross-Band Contrasting", a novel method for spectrogram views. '
        "It reaches 71.0% accuracy on ESC-50.",
        "Audio Cross-Band Contrasting",
    ),
    # the words before the bracket must spell the acronym
    (
        "Sharing Heads in Detectors",
        "This operator is called for in many settings (GPU) and reaches 40.1% AP on COCO.",
        None,
    ),
    # an acronym defined for a part is not the system; a query language is no system
    (
        "Seeing Through Rain",
        "We propose a novel Rain Streak Attention (RSA) module to encode streak density. Our method "
        "reaches 33.1 dB PSNR on Rain100L.",
        None,
    ),
    (
        "Parsing Questions into Queries",
        "We present a generative model to map questions into SQL queries.",
        None,
    ),
    # a name opening the title's second part, when nothing else names the system
    (
        "When Strong Features Meet a Strong Head – TemporalMaxer for Ego4D Challenges",
        "Our entry reaches 21.8% average mAP on the test set.",
        "TemporalMaxer",
    ),
    # an acronym counts as written in the title only as a word, not inside another ("BERT" in "ALBERT")
    (
        "Ensemble ALBERT for Reading Comprehension",
        "Bidirectional Encoder Representations from Transformers (BERT) changed reading comprehension.",
        "Ensemble ALBERT",
    ),
    # data the title names is never the system, however the abstract introduces it
    (
        "S24Vid: A New Dataset for Video Topic Classification",
        "We present S24Vid, a collection of 60K clips. We propose a multimodal method that reaches "
        "79.1% accuracy on it.",
        None,
    ),
    # a task or a metric called something is no system; a plain word counts only alone
    (
        "Benchmarks for Style Transfer",
        "We introduce a novel task called Spoken Style Transfer (SST). Models reach 41.0% accuracy.",
        None,
    ),
    (
        "Towards Better Image Matching",
        "We propose a fast matching method named Patch Voting. It reaches 71.0% accuracy on HPatches.",
        None,
    ),
    # a study's title names what it looks at, not a system
    (
        "Graph Prompt Models: A Survey of Methods",
        "Prompting graphs improves accuracy by 3% on average.",
        None,
    ),
    # a lead whose initials spell a generic family names no system
    ("Graph Convolutional Networks for Action Localization", "We build a graph over proposals.", None),
]


@pytest.mark.parametrize(("title", "abstract", "name"), TITLE_SYSTEMS, ids=[c[0] for c in TITLE_SYSTEMS])
def test_title_system(title: str, abstract: str, name: str | None) -> None:
    assert paper_system(abstract, title)[0] == name


def test_a_respectively_list_of_systems_pairs_in_order() -> None:
    """Systems introduced by "of" pair with the numbers in order, a plain-word name among them."""
    text = "The accuracy of Claude, Gemini-Pro, and Llama (70B) is 81.0%, 79.5%, and 68.2%, respectively."
    claims = {c.value_text: c.model for c in extract_claims(text, "Comparing Chat Assistants on Exams")}
    assert claims == {"81.0%": "Claude", "79.5%": "Gemini-Pro", "68.2%": "Llama (70B)"}


def test_explain_names_the_rule_behind_the_papers_system() -> None:
    abstract = (
        "We propose a light operator called class-aware feature disentanglement (CFD). It lifts AP by 3.1%."
    )
    report = explain_report(abstract, "Rethinking Detector Heads")
    assert "system (the paper's own): CFD  [system:called-acronym]" in report
