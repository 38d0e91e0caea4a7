"""The audit log: every change a person makes is one appended row, never updated or deleted.

Values are stored JSON-encoded so None, numbers and strings come back as
they were written. Anything that changes data on a person's behalf (claim
review, entity merges, aliases, metric directions) records it here, in the
same transaction as the change itself.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from leaderboard.db.models import AuditEntry, utcnow
from leaderboard.errors import LeaderboardError

# While a revert runs functions that log their own changes (entity merges, splits...), this key in
# `session.info` holds the id of the change being reverted, so their entries point back at it.
REVERTING = "leaderboard.audit.reverting"


class ReviewerRequiredError(LeaderboardError, ValueError):
    """A change was attempted without naming who made it."""


def require_reviewer(reviewer: str | None) -> str:
    """The reviewer's name, stripped; refuse an empty one."""
    name = (reviewer or "").strip()
    if not name:
        raise ReviewerRequiredError("a reviewer name is required for every change")
    return name


def encode(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def decode(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def record(
    session: Session,
    *,
    target: str,
    target_id: int,
    action: str,
    reviewer: str,
    field: str | None = None,
    old: Any = None,
    new: Any = None,
    reason: str | None = None,
    reverts_id: int | None = None,
    at: dt.datetime | None = None,
) -> AuditEntry:
    """Append one change to the log (written at once, so its id is known) and return it.

    Entries of one write share `at` (default: now), so the write reads as one change.
    """
    values = {
        "target": target,
        "target_id": target_id,
        "action": action,
        "field": field,
        "old_value": encode(old),
        "new_value": encode(new),
        "reviewer": require_reviewer(reviewer),
        "reason": reason or None,
        "reverts_id": reverts_id if reverts_id is not None else session.info.get(REVERTING),
        "at": at or utcnow(),
    }
    # An INSERT ... RETURNING rather than add() + flush(): a spreadsheet import logs thousands.
    return session.scalars(insert(AuditEntry).values(**values).returning(AuditEntry)).one()
