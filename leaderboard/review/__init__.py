"""Review by hand: statuses, corrections, added claims, an audit trail, and undo.

Every change a person makes is version-checked (optimistic locking on
`claims.version`) and logged in the append-only audit log; nothing is deleted.
The functions write in the caller's session; the caller commits.
"""

from leaderboard.audit import ReviewerRequiredError
from leaderboard.review.actions import accept, add_claim, edit, reject
from leaderboard.review.asof import claims_as_of, leaderboard_as_of
from leaderboard.review.errors import ReviewError, StaleVersionError
from leaderboard.review.field_values import EDITABLE_FIELDS, PERSON_STATUSES
from leaderboard.review.history import history, revert
from leaderboard.review.quality import quality
from leaderboard.review.queue import REVIEW_COLUMNS, review_queue
from leaderboard.review.spreadsheet import (
    ImportProblems,
    ImportSummary,
    apply_review_rows,
    export_review_csv,
    import_review,
)

__all__ = [
    "EDITABLE_FIELDS",
    "PERSON_STATUSES",
    "REVIEW_COLUMNS",
    "ImportProblems",
    "ImportSummary",
    "ReviewError",
    "ReviewerRequiredError",
    "StaleVersionError",
    "accept",
    "add_claim",
    "apply_review_rows",
    "claims_as_of",
    "edit",
    "export_review_csv",
    "history",
    "import_review",
    "leaderboard_as_of",
    "quality",
    "reject",
    "review_queue",
    "revert",
]
