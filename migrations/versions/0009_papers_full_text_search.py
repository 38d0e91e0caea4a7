"""Full-text search over papers' titles and abstracts.

SQLite: an FTS5 table `papers_search` (paper_id, title, abstract; Porter-stemmed), filled
from the existing papers and kept in sync by triggers on papers. PostgreSQL: a GIN index on
`to_tsvector('english', title || ' ' || abstract)`, the expression leaderboard.queries.search
matches against. Neither is in the ORM models; migrations/env.py skips them when comparing
(leaderboard.db.fulltext.include_name). Downgrading drops them; no data is lost.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 17:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0009'
down_revision: str | Sequence[str] | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of leaderboard.db.fulltext's names: a migration must not change when the code does.
SQLITE_UPGRADE = [
    "CREATE VIRTUAL TABLE papers_search USING fts5("
    "paper_id UNINDEXED, title, abstract, tokenize = 'porter unicode61')",
    "INSERT INTO papers_search (paper_id, title, abstract) SELECT id, coalesce(title, ''), abstract FROM papers",
    "CREATE TRIGGER papers_search_insert AFTER INSERT ON papers BEGIN "
    "INSERT INTO papers_search (paper_id, title, abstract) "
    "VALUES (new.id, coalesce(new.title, ''), new.abstract); END",
    # Papers are not deleted by the program and their text rarely changes: a scan of the
    # search table by paper_id is acceptable there, and keeps it right after a VACUUM
    # (which may renumber the implicit rowids of `papers`).
    "CREATE TRIGGER papers_search_delete AFTER DELETE ON papers BEGIN "
    "DELETE FROM papers_search WHERE paper_id = old.id; END",
    "CREATE TRIGGER papers_search_update AFTER UPDATE OF id, title, abstract ON papers BEGIN "
    "UPDATE papers_search SET paper_id = new.id, title = coalesce(new.title, ''), abstract = new.abstract "
    "WHERE paper_id = old.id; END",
]
SQLITE_DOWNGRADE = [
    "DROP TRIGGER IF EXISTS papers_search_update",
    "DROP TRIGGER IF EXISTS papers_search_delete",
    "DROP TRIGGER IF EXISTS papers_search_insert",
    "DROP TABLE IF EXISTS papers_search",
]
POSTGRES_UPGRADE = [
    "CREATE INDEX ix_papers_search ON papers USING gin "
    "(to_tsvector('english', coalesce(papers.title, '') || ' ' || papers.abstract))"
]
POSTGRES_DOWNGRADE = ["DROP INDEX IF EXISTS ix_papers_search"]


def _run(statements: dict[str, list[str]]) -> None:
    for statement in statements.get(op.get_bind().dialect.name, []):
        op.execute(statement)


def upgrade() -> None:
    _run({'sqlite': SQLITE_UPGRADE, 'postgresql': POSTGRES_UPGRADE})


def downgrade() -> None:
    _run({'sqlite': SQLITE_DOWNGRADE, 'postgresql': POSTGRES_DOWNGRADE})
