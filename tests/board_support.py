"""Building small corpora of claims for the leaderboard tests: papers stored through the real store."""

from __future__ import annotations

from sqlalchemy.orm import Session

from leaderboard.normalize import load_registry
from leaderboard.records import Claim, PaperRecord
from leaderboard.store.papers import store_papers


def score(model, benchmark, metric, value, unit="%", condition=None, **fields) -> Claim:
    """A score claim; the evidence is a sentence that says it."""
    text = f"{model} reaches {value}{unit or ''} {metric} on {benchmark}."
    return Claim(
        value=value,
        kind=fields.pop("kind", "score"),
        evidence=fields.pop("evidence", text),
        span=fields.pop("span", (0, 1)),
        value_text=str(value),
        model=model,
        benchmark=benchmark,
        metric=metric,
        unit=unit,
        condition=condition,
        **fields,
    )


def paper(paper_id: str, title: str, date: str | None = None, arxiv: bool = True) -> PaperRecord:
    return PaperRecord(
        abstract=f"Abstract of {title}.",
        title=title,
        arxiv_id=paper_id if arxiv else None,
        given_id=None if arxiv else paper_id,
        date=date,
        source="test",
        line=None,
        format="jsonl",
    )


def store(session: Session, *papers: tuple[PaperRecord, list[Claim]], registry: bool = True) -> None:
    """Load the shipped registry (as the CLI does), store the papers with their claims, commit."""
    if registry:
        load_registry(session)
    spaced = []
    for record, claims in papers:
        # Distinct spans, as real claims of one abstract have.
        for i, claim in enumerate(claims):
            claim.span = (i, i + 1)
        spaced.append((record, claims))
    store_papers(session, spaced, extractor_version="test")
    session.commit()
