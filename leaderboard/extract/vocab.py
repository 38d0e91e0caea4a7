"""Vocabularies the extractor's rules are built from.

Where these words come from: general ML-evaluation usage (metric names as
papers-with-code style leaderboards and the usual evaluation toolkits spell
them), plus the phrasing of results in ML abstracts. None of them names a
particular benchmark or model: benchmarks and models are found structurally
(see `benchmark.py` and `model.py`).

Each constant is a tuple of regex fragments (already escaped where needed);
`alternation()` joins them longest first so that "top-1 accuracy" wins over
"accuracy". Keep the fragments free of capturing groups and of nested
quantifiers: they are embedded in bigger patterns that must run in linear time.
"""

from __future__ import annotations

import re

# Metric names written in lower or mixed case; matched case-insensitively.
METRIC_WORDS: tuple[str, ...] = (
    r"accuracy", r"acc\.?", r"error(?:\s+rate)?", r"errors", r"precision", r"recall",
    r"f1(?:[-\s]score)?", r"f2(?:[-\s]score)?", r"f-?score", r"f-measure", r"perplexity",
    r"success\s+rate", r"win\s+rate", r"pass\s+rate", r"completion\s+rates?", r"hit\s+rate",
    r"exact\s+match", r"ranks?", r"score", r"correlation", r"pearson(?:'s)?\s+correlation",
    r"spearman(?:'s)?\s+(?:rank\s+)?correlation", r"kappa(?:\s+score)?", r"dice(?:\s+(?:coefficient|score))?",
    r"auc(?:\s+score)?", r"auroc", r"auprc", r"average\s+precision", r"mean\s+average\s+precision",
    r"word\s+error\s+rate", r"character\s+error\s+rate", r"wer", r"cer", r"ter", r"bleu(?:\s+score)?",
    r"rouge(?:-[12l])?",
    r"meteor", r"cider", r"spice", r"chrf\+*", r"comet", r"bertscore", r"hits@\d+", r"recall@\d+",
    r"r@\d+", r"p@\d+", r"ndcg(?:@\d+)?", r"mrr(?:@\d+)?", r"map@\d+", r"pass@\d+", r"regret(?:@\d+)?",
    r"top-?[1-9]\s+(?:accuracy|error|acc\.?)", r"human\s+preference", r"pairwise\s+preference",
    r"preference(?:\s+rate)?", r"harmonic\s+mean", r"mean\s+absolute\s+error", r"mean\s+squared\s+error",
    r"rmse", r"mae", r"mse", r"psnr", r"ssim", r"lpips", r"fid", r"sfid", r"inception\s+score",
    r"iou", r"miou", r"hiou", r"dice\s+coefficients?", r"hd95", r"ap(?:_?\{?\d+\}?)?", r"map",
    r"box\s+ap", r"mask\s+ap", r"hap(?:_?\{?\d+\}?)?", r"ndtw", r"sdtw", r"spl", r"em",
    r"macro[-\s]f1", r"micro[-\s]f1", r"weighted[-\s]f1", r"balanced\s+accuracy", r"sensitivity",
    r"specificity", r"mcc", r"matthews\s+correlation", r"return", r"reward", r"normali[sz]ed\s+score",
r"elo(?:\s+rating)?", r"suc", r"forgetting(?:\s+rate)?", r"attack\s+success\s+rate",
    r"robust\s+accuracy", r"calibration\s+error", r"ece", r"completeness", r"purity", r"retention",
    r"mean\s+reciprocal\s+rank", r"top-?k\s+precision", r"rankings?",
    # structural families: "<name>@k" (NDCG@10, HR@10, Acc@1, mAP@0.5, pass@k), suffixed names
    r"[a-z]{1,8}@(?:\d+(?:\.\d+)?|k)\b", r"ap(?:[_-]?(?:50|75|s|m|l)|_?\{(?:50|75|s|m|l)\})",
    r"rouge-?(?:lsum|[12l])",
    r"sacrebleu", r"top-?k\s+(?:accuracy|error)", r"acc@\d+",
    # statistics used as a metric: "a median of 0.53" (only right before "of"/"=", else a modifier)
    r"(?:mean|median)(?=\s+(?:of|=|:|is|was)\s)",
    r"area\s+under\s+the\s+(?:(?:roc|receiver\s+operating\s+characteristic|precision[-\s]recall|pr)\s+)?curve",
    r"roc[-\s]auc", r"auc[-\s]roc", r"pr[-\s]auc", r"auc[-\s]pr", r"equal\s+error\s+rate", r"eer",
    r"min-?dcf", r"c_?\{?llr\}?", r"human[-\s]normali[sz]ed\s+(?:score|return)",
    r"mape", r"smape", r"crps", r"nrmse", r"mean\s+absolute\s+percentage\s+error",
    r"root\s+mean\s+squared?\s+error", r"hausdorff\s+distance", r"dice\s+similarity\s+coefficient", r"dsc",
    r"jaccard(?:\s+index)?", r"kendall(?:'s)?\s+(?:tau|τ)", r"spearman(?:'s)?\s+(?:rho|ρ)",
    r"pearson(?:'s)?\s+r", r"r2", r"r-squared", r"c-index", r"concordance\s+index",
    r"bits?\s+per\s+(?:dim(?:ension)?|byte|character)", r"bpd", r"bpc", r"nll",
    r"(?:wer|cer|auc|auroc|f1|eer|mse|mae|rmse|bleu)s", r"accuracies", r"(?:error|success|win)\s+rates",
    r"log-?loss", r"false\s+alarm\s+rate", r"miss\s+rate", r"detection\s+rate",
    r"(?-i:IS)", r"nds", r"pesq", r"stoi", r"si-?sdri?", r"sdr", r"qwk",
    r"quadratic\s+weighted\s+kappa", r"(?:false|true)\s+positive\s+rate", r"fpr(?:@\d+)?", r"tpr",
    r"validity(?:\s+rate)?", r"novelty", r"uniqueness",
    r"fvd", r"kid", r"clip\s*score", r"mos", r"ade", r"fde",
    r"mota", r"hota", r"idf1", r"pck", r"mpjpe", r"epe", r"abs\s*rel", r"chamfer\s+distance",
    r"gleu", r"sari", r"ter", r"bleurt", r"mauve", r"distinct-\d", r"self-bleu",
    r"top-?[1-9]\s+recall", r"hits?\s+ratio", r"hr", r"mrr", r"auuc",
    r"(?:average\s+)?episodic\s+return", r"cumulative\s+reward", r"sharpe\s+ratio",
    r"factual\s+consistency", r"faithfulness", r"sensitivity", r"specificity", r"ppv", r"npv",
    r"positive\s+predictive\s+value", r"negative\s+predictive\s+value", r"youden(?:'s)?\s+index",
)

# Words that qualify a metric and belong to its name ("average top-1 accuracy").
METRIC_MODIFIERS: tuple[str, ...] = (
    r"average", r"avg\.?", r"mean", r"overall", r"absolute", r"relative", r"macro", r"micro",
    r"weighted", r"zero-shot", r"few-shot", r"linear[-\s]probe", r"top-?[1-9]", r"positive-class",
    r"classification", r"transfer", r"test", r"validation", r"normali[sz]ed", r"exact-match",
    r"image-to-text", r"text-to-image", r"box", r"mask",
)

# Nouns that make a number a size or a count, not a result ("27B parameters", "8 GPUs").
SIZE_NOUNS: tuple[str, ...] = (
    r"param(?:eter)?s?", r"weights", r"tokens?", r"words?", r"characters?", r"images?", r"videos?",
    r"frames?", r"clips?", r"samples?", r"examples?", r"instances?", r"sentences?", r"documents?",
    r"pairs?", r"utterances?", r"hours?", r"minutes?", r"seconds?", r"days?", r"weeks?", r"months?",
    r"years?", r"gpus?", r"tpus?", r"cores?", r"nodes?", r"epochs?", r"steps?", r"iterations?",
    r"updates?", r"layers?", r"heads?", r"blocks?", r"experts?", r"languages?", r"dialects?",
    r"tasks?", r"subtasks?", r"datasets?", r"benchmarks?", r"domains?", r"classes", r"categories",
    r"labels?", r"annotations?", r"shots?", r"authors?", r"users?", r"patients?", r"subjects?",
    r"participants?", r"people", r"annotators?", r"queries", r"questions?", r"dialogues?",
    r"conversations?", r"models?", r"methods?", r"baselines?", r"architectures?", r"variants?",
    r"settings?", r"scenarios?", r"environments?", r"robots?", r"objects?", r"scenes?", r"games?",
    r"problems?", r"prompts?", r"instructions?", r"demonstrations?", r"trajectories", r"episodes?",
    r"runs?", r"seeds?", r"times", r"fps", r"ms", r"gb", r"mb", r"tb", r"kb", r"flops", r"gflops",
    r"tflops", r"bits?", r"bytes?", r"dimensions?", r"channels?", r"pixels?", r"nuclei", r"masks?",
    r"entities", r"relations?", r"articles?", r"papers?", r"reviews?",
    r"source", r"target", r"rounds?", r"turns?", r"times?\s+(?:faster|smaller|larger|fewer|more)",
    r"criteria", r"metrics?", r"subsets?", r"splits?", r"folds?", r"stages?", r"views?", r"hops?",
    r"k(?=\b)", r"m(?=\b)", r"b(?=\b)", r"t(?=\b)",
)

# Magnitude words between a number and its counted noun ("5.85 billion pairs").
MAGNITUDES: tuple[str, ...] = (
    r"thousand", r"million", r"billion", r"trillion", r"hundred", r"[kmbt]\b", r"mn", r"bn",
)

# Nouns of data items: a percentage in brackets after one is a share ("60 examples per class (5%)").
DATA_NOUNS: tuple[str, ...] = (
    r"examples?", r"samples?", r"images?", r"data", r"tokens?", r"param(?:eter)?s?", r"labels?",
    r"annotations?", r"instances?", r"sentences?", r"documents?", r"pairs?", r"class", r"classes",
    r"videos?", r"utterances?", r"hours",
)

# Resources whose share is not a result ("only 0.5% of parameters", "80% of the data").
RESOURCE_NOUNS: tuple[str, ...] = (
    r"param(?:eter)?s?", r"weights", r"data", r"training", r"labels?", r"labeled", r"labelled",
    r"annotations?", r"samples?", r"examples?", r"compute", r"computation", r"budget", r"flops",
    r"memory", r"cost", r"time", r"storage", r"tokens?", r"images?", r"corpus", r"dataset",
    r"training\s+set", r"train(?:ing)?\s+data", r"model\s+size", r"neurons?", r"layers?",
    r"gpu\s+hours", r"energy", r"the\s+size",
)

# Words saying the number measures cost, not quality (emitted as kind "efficiency").
EFFICIENCY_WORDS: tuple[str, ...] = (
    r"speed-?ups?", r"faster", r"slower", r"latency", r"throughput", r"memory", r"flops",
    r"training\s+time", r"inference\s+time", r"execution\s+time", r"run-?time", r"wall-?clock",
    r"compute", r"computational\s+cost", r"computation(?:al)?", r"cost", r"energy", r"gpu\s+hours",
    r"disk\s+space", r"storage", r"fewer\s+param(?:eter)?s", r"less\s+training\s+data",
    r"smaller", r"parameter\s+(?:count|size|storage)", r"convergence\s+speed", r"inference\s+speed",
    r"training\s+speed", r"fps", r"decoding\s+time", r"wall\s+time", r"(?:gpu|cpu|tpu)\s+time",
)

# Verbs and nouns that make a number an amount of change ("improves ... by 5.1").
DELTA_NOUNS: tuple[str, ...] = (
    r"improvements?", r"gains?", r"increases?", r"boosts?", r"lifts?", r"enhancements?",
    r"reductions?", r"decreases?", r"drops?", r"margins?", r"advantages?", r"uplifts?",
    r"jumps?", r"leaps?",
)
DELTA_VERB_STEMS: tuple[str, ...] = (
    r"improv", r"outperform", r"surpass", r"beat", r"exceed", r"boost", r"increas", r"reduc",
    r"decreas", r"gain", r"enhanc", r"lift", r"advanc", r"drop", r"lower", r"rais", r"cut",
    r"outstrip", r"outdo", r"better", r"chang", r"shift", r"bridg", r"clos", r"narrow", r"widen",
)

# Comparative adjectives after a number that make it a delta ("1.65% better").
COMPARATIVES: tuple[str, ...] = (
    r"higher", r"better", r"lower", r"stronger", r"more\s+accurate", r"fewer\s+errors", r"less\s+error",
    r"above", r"ahead", r"behind",
)


def alternation(fragments: tuple[str, ...]) -> str:
    """Join regex fragments into one non-capturing alternation, longest first.

    Fragments that open with a plain lower-case letter are grouped under that letter
    ("a(?:ccuracy|uc|...)"), so the regex engine tries only the group whose letter is in the
    text instead of every fragment: the metric vocabulary is searched at every word of a
    window. The other fragments ("(?:mean|median)...", "[a-z]{1,8}@...") come first, as
    they may match more than a lettered fragment at the same place ("mAP@0.5" vs "map@0").
    """
    ordered = sorted(fragments, key=len, reverse=True)
    other = [f for f in ordered if not _LETTER_LEAD.match(f)]
    by_letter: dict[str, list[str]] = {}
    for f in ordered:
        if _LETTER_LEAD.match(f):
            by_letter.setdefault(f[0], []).append(f[1:])
    groups = [f"{letter}(?:{'|'.join(rests)})" for letter, rests in by_letter.items()]
    return "(?:" + "|".join(other + groups) + ")"


# A fragment that opens with a plain letter (not quantified: "s?..." would not be).
_LETTER_LEAD = re.compile(r"[a-z](?![?*+{])")

# Language names: a phrase made of them is a condition ("for Swahili"), not a benchmark.
LANGUAGES: tuple[str, ...] = (
    r"english", r"chinese", r"mandarin", r"cantonese", r"spanish", r"french", r"german", r"italian",
    r"portuguese", r"russian", r"japanese", r"korean", r"arabic", r"hindi", r"bengali", r"urdu",
    r"swahili", r"turkish", r"persian", r"farsi", r"vietnamese", r"thai", r"indonesian", r"malay",
    r"dutch", r"polish", r"czech", r"slovak", r"ukrainian", r"greek", r"hebrew", r"finnish", r"swedish",
    r"norwegian", r"danish", r"hungarian", r"romanian", r"bulgarian", r"serbian", r"croatian",
    r"tamil", r"telugu", r"marathi", r"gujarati", r"punjabi", r"nepali", r"sinhala", r"amharic",
    r"yoruba", r"igbo", r"hausa", r"zulu", r"xhosa", r"malagasy", r"tagalog", r"filipino", r"burmese",
    r"khmer", r"lao", r"mongolian", r"kazakh", r"uzbek", r"basque", r"catalan", r"galician", r"welsh",
    r"irish", r"icelandic", r"estonian", r"latvian", r"lithuanian", r"bavarian", r"swiss\s+german",
    r"low-resource\s+languages", r"high-resource\s+languages", r"target\s+languages",
)
