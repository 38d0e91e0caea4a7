"""Merge suggestions: entities whose names are close but not equal, for a person to decide.

Nothing is ever merged here. Pairs are compared on folded keys with
rapidfuzz, only within a block of names that carry the same numbers
(CIFAR-10 and CIFAR-100, Kinetics-400 and -600 are different datasets) and
start with the same character (which keeps the comparisons few). Two curated
entities are never suggested (the registry already says they differ), nor
a pair a person dismissed. Models get a stricter rule: a name that extends
another (GPT-4 / GPT-4V / GPT-4 Turbo) is a variant, not a spelling. Besides
close spellings, a name whose shorter form is exactly another entity's name
('Mean Absolute Error (MAE)' and MAE, 'COCO object detection' and COCO) is
offered with score 100: still only offered, since a rule can be wrong. Two names that share
no word are paired only as spellings of one another (folded names a character or two apart:
'MegaSet Bench' / 'MegaSetBenchh') or when one is the other's acronym ('Word Error Rate' /
WER): 'multiple benchmarks' and MultiPL-E are not offered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein
from sqlalchemy import select
from sqlalchemy.orm import Session

from leaderboard.audit import record, require_reviewer
from leaderboard.db.models import Entity, MergeDismissal
from leaderboard.normalize.entities import EntityError
from leaderboard.normalize.fold import fold
from leaderboard.normalize.resolve import lookup

MIN_SCORE = {"benchmark": 85.0, "metric": 85.0, "model": 90.0}
CURATED = ("registry", "user", "manual")
_NUMBERS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Suggestion:
    a_id: int
    a_name: str
    b_id: int
    b_name: str
    score: float  # 0-100, rapidfuzz ratio of the folded names


def merge_suggestions(session: Session, kind: str, limit: int = 50) -> list[Suggestion]:
    """Close pairs of unmerged `kind` entities, most similar first."""
    rows = session.execute(
        select(Entity.id, Entity.name, Entity.key, Entity.source).where(
            Entity.kind == kind, Entity.merged_into_id.is_(None)
        )
    ).all()
    dismissed = {
        tuple(row) for row in session.execute(select(MergeDismissal.entity_id, MergeDismissal.other_id))
    }
    blocks: dict[tuple, list] = {}
    for row in rows:
        blocks.setdefault((tuple(_NUMBERS.findall(row.key)), row.key[:1]), []).append(row)
    cutoff = MIN_SCORE.get(kind, 85.0)
    found = []
    for block in blocks.values():
        if len(block) < 2:
            continue
        keys = [row.key for row in block]
        scores = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=cutoff, workers=-1)
        for i, j in zip(*scores.nonzero(), strict=True):
            a, b = block[i], block[j]
            if i >= j or (a.source in CURATED and b.source in CURATED):
                continue
            if (min(a.id, b.id), max(a.id, b.id)) in dismissed:
                continue
            if kind == "model" and (a.key.startswith(b.key) or b.key.startswith(a.key)):
                continue
            found.append(Suggestion(a.id, a.name, b.id, b.name, float(scores[i, j])))
    found += _rule_suggestions(session, kind, rows, dismissed, {(s.a_id, s.b_id) for s in found})
    found = [s for s in found if share_a_word(s.a_name, s.b_name) or _spellings(s.a_name, s.b_name)]
    found.sort(key=lambda s: (-s.score, s.a_name, s.b_name))
    return found[:limit]


# Words a paper appends to a benchmark's name that do not change which benchmark it is
# ('COCO object detection', 'ADE-20K semantic segmentation', 'MSRVTT retrieval').
TRAILING_TASK_WORDS = frozenset(
    [
        "classification",
        "image",
        "object",
        "detection",
        "semantic",
        "instance",
        "panoptic",
        "segmentation",
        "translation",
        "retrieval",
        "fine",
        "tuning",
        "finetuning",
        "benchmark",
        "benchmarks",
        "dataset",
        "datasets",
        "task",
        "tasks",
    ]
)
_PARENTHESIS = re.compile(r"^(?P<outside>[^()]+?)\s*\((?P<inside>[^()]+)\)\s*$")
_WORDS = re.compile(r"[\w+]+")


def _variants(kind: str, name: str) -> set[str]:
    """Folded shorter forms of a name that may well be the same entity: the name without its
    parenthesis and what the parenthesis holds ('Mean Absolute Error (MAE)'), and for a
    benchmark the name without trailing task words."""
    variants = set()
    if match := _PARENTHESIS.match(name):
        variants |= {fold(match["outside"]), fold(match["inside"])}
    if kind == "benchmark":
        words = _WORDS.findall(name)
        while words and words[-1].lower() in TRAILING_TASK_WORDS:
            words.pop()
        variants.add(fold(" ".join(words)))
    return {variant for variant in variants if variant and variant != fold(name)}


_NAME_WORDS = re.compile(r"[^\W_]+|\+")
# Small words an acronym leaves out ('Bilingual Evaluation Understudy', 'Intersection over Union').
_ACRONYM_SKIPS = frozenset(["of", "the", "and", "for", "on", "in", "a", "an", "to", "over", "with"])


def share_a_word(a: str, b: str) -> bool:
    """Whether two names have a word in common (case ignored), or one is an acronym of the
    other's words ('Word Error Rate' / WER, 'Intersection over Union' / IoU)."""
    a_words = [w.lower() for w in _NAME_WORDS.findall(a)]
    b_words = [w.lower() for w in _NAME_WORDS.findall(b)]
    if set(a_words) & set(b_words):
        return True
    return _acronym_of(a_words, fold(b)) or _acronym_of(b_words, fold(a))


# How far apart two folded names may be and still read as spellings of one name.
SPELLING_EDITS = 2


def _spellings(a: str, b: str) -> bool:
    return Levenshtein.distance(fold(a), fold(b), score_cutoff=SPELLING_EDITS) <= SPELLING_EDITS


def _acronym_of(words: list[str], key: str) -> bool:
    if len(words) < 2 or len(key) < 2:
        return False
    initials = "".join(w[0] for w in words)
    content = "".join(w[0] for w in words if w not in _ACRONYM_SKIPS)
    return key in (initials, content)


def _rule_suggestions(session: Session, kind: str, rows, dismissed: set, seen: set) -> list[Suggestion]:
    """Exact matches of a name's shorter forms (_variants), offered with score 100."""
    candidates = {row.id: _variants(kind, row.name) for row in rows if row.source not in CURATED}
    wanted = set().union(*candidates.values()) if candidates else set()
    if not wanted:
        return []
    owners = lookup(session, [(kind, key) for key in wanted])
    names = {row.id: row.name for row in rows}
    found = []
    for entity_id, variants in candidates.items():
        for other in sorted({owners[(kind, v)].id for v in variants if (kind, v) in owners}):
            pair = (min(entity_id, other), max(entity_id, other))
            if other == entity_id or pair in dismissed or pair in seen or other not in names:
                continue
            seen.add(pair)
            found.append(Suggestion(entity_id, names[entity_id], other, names[other], 100.0))
    return found


def dismiss_suggestion(session: Session, a_id: int, b_id: int, reviewer: str) -> None:
    """Record that two entities are not the same, so the pair is not suggested again."""
    reviewer = require_reviewer(reviewer)
    low, high = sorted((a_id, b_id))
    if low == high or session.get(Entity, low) is None or session.get(Entity, high) is None:
        raise EntityError(f"cannot dismiss the pair {a_id}, {b_id}")
    exists = session.scalar(
        select(MergeDismissal.id).where(MergeDismissal.entity_id == low, MergeDismissal.other_id == high)
    )
    if exists is not None:
        return
    dismissal = MergeDismissal(entity_id=low, other_id=high, reviewer=reviewer)
    session.add(dismissal)
    session.flush()
    record(
        session,
        target="dismissal",
        target_id=dismissal.id,
        action="dismiss",
        new=[low, high],
        reviewer=reviewer,
    )
