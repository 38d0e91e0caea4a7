"""Database layer: models, engines, migrations."""

# Imported for its Session listeners: every transaction keeps the maintained statistics true.
from leaderboard.db import changes as _changes  # noqa: F401
from leaderboard.db.migrate import current_revision, downgrade, head_revision, upgrade, upgrade_to_head
from leaderboard.db.models import (
    Alias,
    AuditEntry,
    Base,
    ClaimRow,
    Entity,
    MergeDismissal,
    Paper,
    PaperSource,
)
from leaderboard.db.opening import DatabaseUnavailableError, display_url, open_database
from leaderboard.db.session import make_engine, make_sessionmaker

__all__ = [
    "Alias",
    "AuditEntry",
    "Base",
    "DatabaseUnavailableError",
    "ClaimRow",
    "Entity",
    "MergeDismissal",
    "Paper",
    "PaperSource",
    "current_revision",
    "display_url",
    "downgrade",
    "head_revision",
    "make_engine",
    "make_sessionmaker",
    "open_database",
    "upgrade",
    "upgrade_to_head",
]
