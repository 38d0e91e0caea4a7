"""Shared by the review tests: one stored paper with extracted claims."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaderboard.db import ClaimRow
from leaderboard.records import Claim, PaperRecord
from leaderboard.store.papers import store_paper

ABSTRACT = (
    "We present Foo. Foo reaches 91.1% accuracy on ImageNet, up from 88.0% for ResNet. "
    "On COCO it scores 45.2 AP."
)
PAPER_ID = "2401.00001"


def claim(value: float, text: str, kind: str = "score", **fields) -> Claim:
    """A claim whose span is where `text` first occurs in ABSTRACT."""
    start = ABSTRACT.index(text)
    sentence_start = ABSTRACT.rfind(". ", 0, start) + 2
    evidence = ABSTRACT[sentence_start : ABSTRACT.index(".", start + len(text)) + 1]
    return Claim(
        value=value,
        kind=kind,
        evidence=evidence,
        span=(start, start + len(text)),
        value_text=text,
        **fields,
    )


def extracted_claims() -> list[Claim]:
    return [
        claim(91.1, "91.1", model="Foo", benchmark="ImageNet", metric="accuracy", unit="%", rule="score_on"),
        claim(
            88.0, "88.0", model="ResNet", benchmark="ImageNet", metric="accuracy", unit="%", rule="baseline"
        ),
        claim(45.2, "45.2", model="Foo", benchmark="COCO", metric="AP", rule="score_on"),
    ]


def paper() -> PaperRecord:
    return PaperRecord(abstract=ABSTRACT, arxiv_id=PAPER_ID, title="Foo", source="a.jsonl", line=1)


def store(session: Session, claims: list[Claim] | None = None, version: str = "v1") -> dict[float, int]:
    """Store the paper with `claims`; returns claim id by value."""
    store_paper(session, paper(), extracted_claims() if claims is None else claims, extractor_version=version)
    session.commit()
    return ids_by_value(session)


def ids_by_value(session: Session) -> dict[float, int]:
    return {value: id_ for id_, value in session.execute(select(ClaimRow.id, ClaimRow.value))}
