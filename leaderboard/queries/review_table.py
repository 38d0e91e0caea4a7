"""The review workflow as tables, for screens: one claim in full, its history, and table edits.

Edits made in a table (the dashboard's editable grid) are applied exactly as
an imported review file is (`leaderboard.review.import_review`): the same
checks, version by version, and all rows or none.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from sqlalchemy.orm import Session

from leaderboard import audit, review
from leaderboard.db.models import ClaimRow, Paper
from leaderboard.queries.papers import evidence_spans

HISTORY_COLUMNS = ["change_id", "at", "reviewer", "action", "field", "old", "new", "reason", "reverts"]
# What a table edit may carry: the claim, the version it was read at, its status and editable fields.
TABLE_EDIT_COLUMNS = ["id", "version", "status", *review.EDITABLE_FIELDS]


def claim_record(session: Session, claim_id: int) -> dict[str, Any] | None:
    """One claim's stored fields, with its paper's title and where its value sits in the sentence."""
    claim = session.get(ClaimRow, claim_id)
    if claim is None:
        return None
    paper = session.get(Paper, claim.paper_id)
    record = {column.key: getattr(claim, column.key) for column in ClaimRow.__table__.columns}
    record["paper_title"] = paper.title if paper else None
    record["arxiv_id"] = paper.arxiv_id if paper else None
    record["value_in_evidence"] = (
        evidence_spans(paper.abstract, claim.evidence, claim.span_start, claim.span_end) if paper else None
    )
    return record


def history_table(session: Session, claim_id: int) -> pd.DataFrame:
    """A claim's logged changes, oldest first, values decoded. Columns: HISTORY_COLUMNS."""
    rows = [
        [
            entry.id,
            entry.at,
            entry.reviewer,
            entry.action,
            entry.field,
            _shown(audit.decode(entry.old_value)),
            _shown(audit.decode(entry.new_value)),
            entry.reason,
            entry.reverts_id,
        ]
        for entry in review.history(session, claim_id)
    ]
    return pd.DataFrame(rows, columns=HISTORY_COLUMNS)


def _shown(value: Any) -> str | None:
    # An 'add' logs a dict of fields; a table cell shows it as text.
    if value is None:
        return None
    if isinstance(value, dict):
        return "; ".join(f"{key}={val}" for key, val in value.items() if val is not None)
    return str(value)


def apply_table_edits(session: Session, rows: pd.DataFrame, reviewer: str) -> review.ImportSummary:
    """Apply edited rows (TABLE_EDIT_COLUMNS; a status of accepted/rejected/corrected or a changed
    field) as a review file would be: every row checked first, then all applied or none.
    Raises review.ImportProblems (row numbers count the header as row 1) or ReviewError.
    """
    audit.require_reviewer(reviewer)
    table = rows.reindex(columns=TABLE_EDIT_COLUMNS)
    cells = [{column: _as_text(value) for column, value in row.items()} for row in table.to_dict("records")]
    return review.apply_review_rows(session, cells, reviewer)


def _as_text(value: Any) -> str:
    # A cell as a review file holds it: empty for a missing value, else the value as written.
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def changed_rows(original: pd.DataFrame, edited: pd.DataFrame) -> pd.DataFrame:
    """The rows of `edited` (same index as `original`) where a status or an editable field differs."""
    columns = [c for c in TABLE_EDIT_COLUMNS if c in original and c in edited]
    before, after = original[columns], edited.loc[original.index, columns]
    differs = ~((before == after) | (before.isna() & after.isna()))
    return edited.loc[differs.any(axis=1)]
