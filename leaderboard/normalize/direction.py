"""Which way is better for a metric the registry does not know, read from its name.

A metric's direction comes from the registry (or a person) first; this module
is the fallback for names the extractor meets on their own. It never guesses:
a name no rule recognises has no direction (None), and its boards are shown
unranked until a person sets one (`leaderboard registry direction`).

Rules are tried in order and the first that matches decides, so the specific
ones come first: '1 - LPIPS' is a similarity (higher) although LPIPS is a
distance, 'error reduction' is a gain although 'error' is lower, 'MRR' is a
reciprocal rank (higher) although 'mean rank' is lower.
"""

from __future__ import annotations

import functools
import re

HIGHER, LOWER = "higher", "lower"


def _words(*patterns: str) -> re.Pattern[str]:
    """One pattern matching any of `patterns` as whole words (case-insensitive); 'PER' is a word
    in 'PER (%)' but not in 'Per-pixel Accuracy'."""
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(patterns) + r")(?![a-z0-9]|-[a-z])", re.IGNORECASE)


# (pattern, direction), first match wins. Keep the specific before the general.
RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # A complement or a gain of something lower-is-better is higher-is-better.
    (re.compile(r"^\s*1\s*-\s*", re.IGNORECASE), HIGHER),
    (_words(r"reduction", r"improvement", r"gain", r"speed-?up", r"throughput", r"fps"), HIGHER),
    # Names holding a lower-is-better word as a part: MS-SSIM is no millisecond, AUPRO no FPR.
    (_words(r"ms-?ssim", r"au-?s?pro", r"m?r@\d+"), HIGHER),
    # Reciprocal ranks and recall/hits at a rank are higher before 'rank' is read as lower.
    (
        _words(r"mrr", r"mean reciprocal rank", r"reciprocal rank", r"rank-?\d+", r"r\d*@\d+", r"hits?@\d+"),
        HIGHER,
    ),
    (_words(r"recall@\d+", r"precision@\d+", r"p@\d+", r"ndcg(?:@\d+)?", r"map@\d+", r"acc@\d+"), HIGHER),
    # δ < 1.25: the share of pixels within a threshold of the truth.
    (re.compile(r"(?:delta|δ)\s*[<(]", re.IGNORECASE), HIGHER),
    # Errors, losses and rates of mistakes.
    (
        _words(
            r"errors?", r"err", r"loss", r"wer", r"cer", r"per", r"ter", r"der", r"ser", r"ber",
            r"eer", r"acer", r"mce", r"word error rate", r"miss rate", r"mr(?:\^-2)?", r"fpr\d*",
            r"false positive rate", r"false alarm", r"false acceptance", r"false rejection",
            r"hallucination rate", r"failure rate", r"collision rate", r"violation rate",
            r"attack success rate", r"toxicity",
        ),
        LOWER,
    ),
    # Likelihood-based scores of a model of data: lower is better.
    (
        _words(
            r"perplexity", r"ppl", r"nll", r"negative log-?likelihood", r"log-?loss", r"cross-?entropy",
            r"bits?[ /-]?per[ -]?(?:character|char|byte|dimension|dim|pixel|sub-?pixel)", r"bpc", r"bpd",
            r"bpb", r"bits/dim(?:ension)?", r"brier",
        ),
        LOWER,
    ),
    # Distances between generated and real distributions, images or shapes.
    (
        _words(
            r"fid", r"vfid", r"sifid", r"fvd", r"kid", r"fd", r"lpips", r"niqe", r"brisque", r"pi",
            r"distance", r"divergence", r"chamfer", r"hausdorff", r"hd95", r"emd", r"kl", r"dtw",
        ),
        LOWER,
    ),
    # Regression errors and their relatives.
    (
        _words(
            r"[im]?rmse(?: log)?", r"odrmse", r"mse", r"i?mae", r"mape", r"smape", r"mase", r"crps", r"nme",
            r"epe", r"end-?point error", r"abs\.? ?rel", r"absolute relative", r"sq\.? ?rel", r"log ?10",
            r"rel", r"ate", r"rpe", r"ade(?:-\d+/\d+)?", r"fde(?:-\d+/\d+)?", r"minade", r"minfde",
            r"mpjpe", r"pa-mpjpe", r"mpvpe", r"pve", r"sad", r"mad", r"hce", r"mcd", r"ece",
            r"calibration error", r"deviation", r"drift",
        ),
        LOWER,
    ),
    # Ranks (mean, median) and costs.
    (
        _words(
            r"mean rank", r"median rank", r"average rank", r"latency", r"run-?time", r"inference time",
            r"time", r"seconds", r"ms", r"memory", r"flops", r"gflops", r"macs", r"m?params", r"parameters",
            r"parameter count", r"energy", r"cost",
        ),
        LOWER,
    ),
    # Scores where more is better.
    (
        _words(
            r"acc(?:uracy)?", r"macc", r"oacc", r"top-?\d+", r"f\d*(?:\.\d+)?", r"f-?(?:measure|score)",
            r"f1-?score", r"micro-?f1", r"macro-?f1", r"bleu(?:-\d)?", r"sacrebleu", r"rouge(?:-[\dlw]+)?",
            r"meteor", r"cider", r"spice", r"chrf\+*", r"comet", r"bertscore", r"bleurt", r"sari",
            r"m?ap(?:\d+|@[\d.:]+| ?50| ?75)?", r"ap[sml]", r"ar\d*", r"average precision", r"average recall",
            r"precision", r"recall", r"sensitivity", r"specificity", r"m?iou", r"jaccard", r"dice", r"dsc",
            r"psnr", r"ssim", r"ms-ssim", r"vmaf", r"auc", r"auroc", r"auprc", r"roc-auc", r"aupr",
            r"exact match", r"em", r"pass@\d+", r"success(?: rate)?", r"win rate", r"correlation",
            r"pearson", r"spearman", r"kendall", r"pcc", r"plcc", r"srcc", r"srocc", r"klcc", r"kappa",
            r"mcc", r"matthews", r"pck\w*", r"3dpck", r"mota", r"motp", r"idf1", r"hota", r"nds", r"pq\w*",
            r"s-?measure", r"e-?measure", r"smatch", r"uas", r"las", r"nmi", r"ari", r"purity",
            r"return", r"reward", r"human[- ]normali[sz]ed", r"elo", r"mos", r"pesq", r"stoi", r"estoi",
            r"si-?s[dn]ri?", r"s[dn]ri?", r"sar", r"sir", r"csig", r"cbak", r"covl", r"inception score",
            r"is", r"clip ?score", r"eao", r"expected average overlap", r"average overlap", r"overlap",
            r"coverage", r"r-?squared", r"r²", r"r2", r"hit rate", r"robustness", r"agreement", r"fidelity",
            r"quality", r"j&f", r"spl", r"ndtw", r"score",
        ),
        HIGHER,
    ),
)  # fmt: skip

# Generic words that say nothing about the direction even inside a higher pattern ('score' alone).
UNDECIDED = frozenset({"score", "scores", "overall", "average", "avg", "mean", "metric", "value", "result"})


@functools.lru_cache(maxsize=8192)
def direction_from_name(name: str | None) -> str | None:
    """'higher' or 'lower' when a rule recognises the metric `name`, else None (unknown)."""
    if not name or not name.strip():
        return None
    text = name.strip()
    if text.lower() in UNDECIDED:
        return None
    for pattern, direction in RULES:
        if pattern.search(text):
            return direction
    return None
