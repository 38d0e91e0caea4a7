"""Tables: papers, where each was seen, their claims, canonical entities, and the audit log.

Keep in sync with claims-spec.md (claim fields), `leaderboard.records.Claim`
and the migrations in ../../migrations/versions: a test fails when the
models and the migrated schema differ.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

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


# 'extracted' is what the extractor wrote; 'retired' is an unreviewed claim a
# newer extractor no longer produces (kept, never counted). Anything else means
# a person looked at the claim, so re-extraction must leave it alone.
class ClaimStatus(StrEnum):
    """Where a claim stands in review; the values are what the `status` column holds."""

    EXTRACTED = "extracted"  # from the extractor, not yet looked at
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    CORRECTED = "corrected"  # a person changed a field
    RETIRED = "retired"  # a newer extractor no longer finds it


CLAIM_STATUSES = tuple(status.value for status in ClaimStatus)
# Statuses only a person sets: re-extraction leaves such a claim alone.
PERSON_STATUSES = (ClaimStatus.ACCEPTED, ClaimStatus.REJECTED, ClaimStatus.CORRECTED)
UNREVIEWED = ClaimStatus.EXTRACTED.value
RETIRED = ClaimStatus.RETIRED.value
# Who wrote a claim: the extractor, a person who added one it missed, or an imported results
# table (a Papers-with-Code evaluation-tables file: `leaderboard import-pwc`).
CLAIM_ORIGINS = ("extractor", "manual", "imported")
ENTITY_KINDS = ("benchmark", "metric", "model")
# Where an entity came from: the curated registry in seed/, a user's registry
# file, created on the fly for a name the extractor found, or by a person.
ENTITY_SOURCES = ("registry", "user", "extracted", "manual")
METRIC_DIRECTIONS = ("higher", "lower")
# A metric's natural range: 0-1, 0-100, or no bound.
METRIC_SCALES = ("fraction", "percent", "unbounded")


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
        CheckConstraint(_in_list("origin", CLAIM_ORIGINS), name="origin"),
        # Leaderboards: one benchmark and metric at a time. The columns after those two are
        # what "counted" and "rankable" test, so the benchmark list (claims per benchmark) and
        # a benchmark's metrics read the index alone instead of a table row per claim.
        Index(
            "ix_claims_benchmark_id_metric_id",
            "benchmark_id",
            "metric_id",
            "status",
            "kind",
            "value_flag",
            "model_id",
            "value_canonical",
            # Scores the extractor is unsure of wait for review (queries.base.BOARD_MIN_CONFIDENCE).
            "confidence",
        ),
        # Cross-paper comparison (one model on one benchmark) and disagreements. The
        # disagreements report groups every score by these four keys: with the filter and
        # value columns in the index too, it reads the index alone, in group order, with
        # no sort and no table lookups (SQLite's plan: COVERING INDEX, no TEMP B-TREE).
        Index(
            "ix_claims_model_id_benchmark_id",
            "model_id",
            "benchmark_id",
            "metric_id",
            "condition_key",
            "paper_id",
            "value_canonical",
            "kind",
            "status",
            "value_flag",
        ),
        # Comparison's other half: the claims that quote a model as their baseline on a benchmark
        # (without it, every claim of the benchmark is read to find them).
        Index("ix_claims_baseline_model_id_benchmark_id", "baseline_model_id", "benchmark_id"),
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
    origin: Mapped[str] = mapped_column(String(16), default="extractor", server_default="extractor")
    # Where an imported claim was read: 'FILE: JSON path' (`$[0].datasets[2].sota.rows[5]...`); NULL
    # for extracted and manual claims, whose paper and span say where they come from.
    provenance: Mapped[str | None] = mapped_column(Text)
    # Optimistic locking: every write by a person bumps it, and a write that
    # names an older version is refused (leaderboard.review).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # Canonical entities the written names resolve to (leaderboard.normalize);
    # NULL when the claim names none.
    benchmark_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"))
    metric_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"))
    model_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"))
    baseline_model_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"))
    # `value` on the metric's canonical scale (0.621 accuracy -> 62.1), so
    # numbers written differently compare; NULL when it cannot be placed.
    value_canonical: Mapped[float | None] = mapped_column(Float)
    # Why the value is not ranked, e.g. 'out_of_range' (accuracy 130%); NULL when fine.
    value_flag: Mapped[str | None] = mapped_column(String(32))
    # The comparability settings parsed from `condition` ('zero-shot; split=test'),
    # '' when none: claims rank together only when these are equal.
    condition_key: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[dt.datetime] = _created_at()
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    paper: Mapped[Paper] = relationship(back_populates="claims")


class Entity(Base):
    """A canonical benchmark, metric or model; the names papers write map to it through aliases."""

    __tablename__ = "entities"
    __table_args__ = (
        UniqueConstraint("kind", "key"),
        CheckConstraint(_in_list("kind", ENTITY_KINDS), name="kind"),
        CheckConstraint(_in_list("source", ENTITY_SOURCES), name="source"),
        CheckConstraint(f"direction IS NULL OR {_in_list('direction', METRIC_DIRECTIONS)}", name="direction"),
        CheckConstraint(f"scale IS NULL OR {_in_list('scale', METRIC_SCALES)}", name="scale"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text)
    # The name folded for matching (case, punctuation, spacing ignored).
    key: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16))
    # Benchmarks: the task ('image classification'). NULL for other kinds.
    task: Mapped[str | None] = mapped_column(Text)
    # Metrics only: which way is better, the natural range and the unit.
    direction: Mapped[str | None] = mapped_column(String(8))
    scale: Mapped[str | None] = mapped_column(String(16))
    unit: Mapped[str | None] = mapped_column(String(32))
    # Benchmarks: the Hugging Face Hub dataset id ('rajpurkar/squad') where the registry knows it.
    hub_dataset_id: Mapped[str | None] = mapped_column(Text)
    # Why this is no real benchmark or model (leaderboard.normalize.junk: 'count', 'setting',
    # 'dataset', 'library'..., or 'manual' when a person said so); NULL for a real one. Its claims
    # are kept but make no board and no ranked row.
    not_entity: Mapped[str | None] = mapped_column(String(32), index=True)
    # Set when a person merged this entity into another; kept so a merge can be undone.
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"))
    created_at: Mapped[dt.datetime] = _created_at()

    aliases: Mapped[list[Alias]] = relationship(back_populates="entity", foreign_keys="Alias.entity_id")


class Alias(Base):
    """A name that resolves to an entity; unique per kind after folding."""

    __tablename__ = "aliases"
    __table_args__ = (UniqueConstraint("kind", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = _created_at()

    entity: Mapped[Entity] = relationship(back_populates="aliases", foreign_keys=[entity_id])


class RegistryLoad(Base):
    """The shipped registry files a database holds, by fingerprint, so opening it again skips them."""

    __tablename__ = "registry_loads"

    # leaderboard.normalize.registry.registry_fingerprint: a sha256 of the files.
    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    loaded_at: Mapped[dt.datetime] = _created_at()


class MergeDismissal(Base):
    """A merge suggestion a person turned down, so it is not offered again."""

    __tablename__ = "merge_dismissals"
    __table_args__ = (UniqueConstraint("entity_id", "other_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The pair is stored smaller id first.
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"))
    other_id: Mapped[int] = mapped_column(ForeignKey("entities.id"))
    reviewer: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = _created_at()


class AuditEntry(Base):
    """Append-only log of every change a person made: never updated, never deleted.

    One row per changed field. `target` is what changed ('claim', 'entity',
    'alias', 'dismissal') and `target_id` its id; a revert is a new row
    pointing at the row it undoes.
    """

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_target_target_id", "target", "target_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    target: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[int] = mapped_column(Integer)
    # 'add', 'edit', 'status', 'merge', 'split', 'alias', 'revert', ...
    action: Mapped[str] = mapped_column(String(16))
    field: Mapped[str | None] = mapped_column(String(32))
    # JSON-encoded, so None, numbers and strings come back as they were.
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reviewer: Mapped[str] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    reverts_id: Mapped[int | None] = mapped_column(ForeignKey("audit_log.id"))


class BoardGroup(Base):
    """One model's standing on one board (benchmark, metric, condition), kept up to date by every
    write (leaderboard.store.board_stats), so boards, pickers and the disagreements report read
    these rows instead of every claim. Only rankable scores count (queries.base.rankable)."""

    __tablename__ = "board_groups"
    __table_args__ = (
        # The picker's models and a model's edits; a metric's direction edit; the report's order.
        Index("ix_board_groups_model_id", "model_id", "claims"),
        Index("ix_board_groups_metric_id", "metric_id"),
        Index("ix_board_groups_gap", "gap"),
    )

    benchmark_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    metric_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    condition_key: Mapped[str] = mapped_column(Text, primary_key=True)
    model_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    claims: Mapped[int] = mapped_column(Integer)
    n_papers: Mapped[int] = mapped_column(Integer)
    # Lowest and highest of all its values (a board's `spread`).
    low: Mapped[float] = mapped_column(Float)
    high: Mapped[float] = mapped_column(Float)
    # The board's row: the best value by the metric's direction (higher when unknown), ties to
    # the earliest paper date, then the smallest claim id.
    best_claim_id: Mapped[int] = mapped_column(Integer)
    # Each paper's own best value, then the lowest and highest of those (disagreements), and the
    # paper of the first claim (by id) that gave each.
    paper_low: Mapped[float] = mapped_column(Float)
    paper_high: Mapped[float] = mapped_column(Float)
    low_paper_id: Mapped[str] = mapped_column(Text)
    high_paper_id: Mapped[str] = mapped_column(Text)
    # paper_high - paper_low when two or more papers give different values, else NULL.
    gap: Mapped[float | None] = mapped_column(Float)
    relative_gap: Mapped[float | None] = mapped_column(Float)


class BenchmarkCount(Base):
    """Claims per benchmark and metric (metric_id 0: claims naming no metric), kept up to date by
    every write: `claims` count (not rejected or retired), `scores` rank (queries.base.rankable)."""

    __tablename__ = "benchmark_counts"

    benchmark_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    metric_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    claims: Mapped[int] = mapped_column(Integer)
    scores: Mapped[int] = mapped_column(Integer)
