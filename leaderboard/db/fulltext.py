"""Full-text search over papers' titles and abstracts: the names migration 0009 creates.

SQLite keeps an FTS5 table (`papers_search`, Porter-stemmed words) filled by triggers on
`papers`, so every writer (ingest, tests, a hand-made INSERT) keeps it in sync; PostgreSQL
has a GIN index on a `tsvector` expression of the row itself, which needs no syncing.
Neither is an ORM model (SQLAlchemy cannot describe an FTS5 table or an expression index
portably), so schema comparison skips them by name (`include_name`).
Keep in sync with migrations/versions/0009_papers_full_text_search.py.
"""

from __future__ import annotations

from typing import Any

SQLITE_TABLE = "papers_search"
POSTGRES_INDEX = "ix_papers_search"
# The `english` configuration stems like SQLite's Porter tokenizer, so both find "transformers"
# from "transformer". The expression must be written exactly so for PostgreSQL to use the index.
POSTGRES_DOCUMENT = "to_tsvector('english', coalesce(papers.title, '') || ' ' || papers.abstract)"


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic's filter: leave the search table (and FTS5's shadow tables) and index out of
    schema comparisons."""
    if name is None:
        return True
    if type_ == "table":
        return not name.startswith(SQLITE_TABLE)
    if type_ == "index":
        return name != POSTGRES_INDEX
    return True
