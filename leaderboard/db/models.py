"""Tables: papers, where each was seen, the claims extracted from them, and reviews.

Keep in sync with claims-spec.md (claim fields), `leaderboard.records.Claim`
and the migrations in ../../migrations/versions: a test fails when the
models and the migrated schema differ.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints let later migrations (and SQLite batch mode) refer to them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

CLAIM_KINDS = ("score", "delta", "efficiency")
# 'extracted' is what the extractor wrote; anything else means a person looked
# at the claim, so re-extraction must leave it alone.
CLAIM_STATUSES = ("extracted", "accepted", "rejected", "corrected")
UNREVIEWED = "extracted"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _in_list(column: str, values: tuple[str, ...]) -> str:
    # Literal SQL inside a CHECK constraint; the values are constants above, never input.
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _created_at() -> Mapped[dt.datetime]:
    return mapped_column(DateTime(timezone=True), default=utcnow, server_default=func.now())


class Paper(Base):
    """One paper, stored once however many inputs mention it."""

    __tablename__ = "papers"

    # arXiv id, else the input's id, else content-derived (PaperRecord.id).
    # Ids come from input files, so no length limit that PostgreSQL would
    # enforce and SQLite would not.
    id: Mapped[str] = mapped_column(Text, primary_key=True)
    arxiv_id: Mapped[str | None] = mapped_column(Text, unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    abstract: Mapped[str] = mapped_column(Text)
    date: Mapped[dt.date | None] = mapped_column(Date)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    # Which extractor wrote the current claims; a paper with no claims still
    # needs it to know whether a newer extractor should look again.
    extractor_version: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = _created_at()

    sources: Mapped[list[PaperSource]] = relationship(back_populates="paper", passive_deletes=True)
    claims: Mapped[list[ClaimRow]] = relationship(back_populates="paper", passive_deletes=True)


class PaperSource(Base):
    """Every place a paper was seen; the unique key makes re-ingesting a no-op."""

    __tablename__ = "paper_sources"
    __table_args__ = (UniqueConstraint("paper_id", "source", "line"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Indexed through the unique key, whose first column it is.
    paper_id: Mapped[str] = mapped_column(ForeignKey("papers.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(Text)
    # 0 when the input gives no line: NULLs would never collide in the unique key.
    line: Mapped[int] = mapped_column(Integer, server_default="0")
    format: Mapped[str | None] = mapped_column(String(32))
    first_seen_at: Mapped[dt.datetime] = _created_at()

    paper: Mapped[Paper] = relationship(back_populates="sources")


class ClaimRow(Base):
    """One reported number (claims-spec.md), plus how it was found and reviewed."""

    __tablename__ = "claims"
    __table_args__ = (
        CheckConstraint(_in_list("kind", CLAIM_KINDS), name="kind"),
        CheckConstraint(_in_list("status", CLAIM_STATUSES), name="status"),
        CheckConstraint("span_start <= span_end", name="span_order"),
        Index("ix_claims_benchmark_metric", "benchmark", "metric"),
        Index("ix_claims_model", "model"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    paper_id: Mapped[str] = mapped_column(ForeignKey("papers.id", ondelete="CASCADE"), index=True)
    model: Mapped[str | None] = mapped_column(Text)
    benchmark: Mapped[str | None] = mapped_column(Text)
    metric: Mapped[str | None] = mapped_column(Text)
    value: Mapped[float] = mapped_column(Float)
    value_high: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))
    baseline_model: Mapped[str | None] = mapped_column(Text)
    baseline_value: Mapped[float | None] = mapped_column(Float)
    condition: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text)
    value_text: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    rule: Mapped[str] = mapped_column(Text, server_default="")
    confidence: Mapped[float] = mapped_column(Float)
    extractor_version: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default=UNREVIEWED, server_default=UNREVIEWED)
    created_at: Mapped[dt.datetime] = _created_at()

    paper: Mapped[Paper] = relationship(back_populates="claims")
    reviews: Mapped[list[ClaimReview]] = relationship(back_populates="claim")


class ClaimReview(Base):
    """Append-only log of manual corrections: one row per changed field, never updated."""

    __tablename__ = "claim_reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No cascade: a claim with a review history must not disappear silently.
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"), index=True)
    field: Mapped[str] = mapped_column(String(32))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reviewer: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    at: Mapped[dt.datetime] = _created_at()

    claim: Mapped[ClaimRow] = relationship(back_populates="reviews")
