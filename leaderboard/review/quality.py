"""How good the extractor is, judged by what people did with its claims.

Only the extractor's claims a person has ruled on count (accepted, rejected
or corrected; not `extracted`, `retired` or added by hand). Each is one of:

- accepted unchanged: no field differs from what the extractor wrote;
- corrected: at least one field differs (counted per field);
- rejected.

A field counts as corrected when its value now differs from the extractor's
original, which is the old value of the field's first logged change; an edit
reverted later is no correction. Groups are the extractor's rule and the
benchmark as the extractor wrote it.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from leaderboard import audit
from leaderboard.db.models import AuditEntry, ClaimRow, ClaimStatus
from leaderboard.review.field_values import EDITABLE_FIELDS, PERSON_STATUSES, same_value

OUTCOMES = (ClaimStatus.ACCEPTED, ClaimStatus.CORRECTED, ClaimStatus.REJECTED)
# Columns of the `by_rule` and `by_benchmark` tables (the first is the group's name).
SUMMARY_COLUMNS = [
    "reviewed",
    "accepted",
    "corrected",
    "rejected",
    "accepted_share",
    "corrected_share",
    "rejected_share",
    "fields_corrected",
]


def _reviewed(session: Session) -> pd.DataFrame:
    """One row per reviewed extractor claim: rule, benchmark as extracted, outcome, corrected fields."""
    scope = (ClaimRow.origin == "extractor", ClaimRow.status.in_(PERSON_STATUSES))
    columns = [ClaimRow.id, ClaimRow.rule, ClaimRow.status, *(getattr(ClaimRow, f) for f in EDITABLE_FIELDS)]
    claims = {row.id: row._asdict() for row in session.execute(select(*columns).where(*scope))}
    first_old: dict[tuple[int, str], Any] = {}
    reviewed_ids = select(ClaimRow.id).where(*scope)
    entries = session.execute(
        select(AuditEntry.target_id, AuditEntry.field, AuditEntry.old_value)
        .where(
            AuditEntry.target == "claim",
            AuditEntry.target_id.in_(reviewed_ids),
            AuditEntry.field.in_(EDITABLE_FIELDS),
        )
        .order_by(AuditEntry.id)
    )
    for claim_id, field, old in entries:
        first_old.setdefault((claim_id, field), audit.decode(old))
    rows = []
    for claim_id, claim in claims.items():
        fields = [
            f
            for f in EDITABLE_FIELDS
            if (claim_id, f) in first_old and not same_value(first_old[claim_id, f], claim[f])
        ]
        original = first_old.get((claim_id, "benchmark"), claim["benchmark"])
        outcome = (
            ClaimStatus.REJECTED
            if claim["status"] == ClaimStatus.REJECTED
            else ClaimStatus.CORRECTED
            if fields
            else ClaimStatus.ACCEPTED
        )
        rows.append(
            {
                "rule": claim["rule"] or "(none)",
                "benchmark": original or "(none)",
                "outcome": outcome,
                "fields": fields,
            }
        )
    return pd.DataFrame(rows, columns=["rule", "benchmark", "outcome", "fields"])


def _summarise(reviewed: pd.DataFrame, by: str) -> pd.DataFrame:
    groups = []
    for name, group in reviewed.groupby(by, sort=False):
        counts = group["outcome"].value_counts()
        total = len(group)
        fields = pd.Series([f for fs in group["fields"] for f in fs], dtype=object).value_counts()
        row = {by: name, "reviewed": total}
        row |= {outcome: int(counts.get(outcome, 0)) for outcome in OUTCOMES}
        row |= {f"{outcome}_share": counts.get(outcome, 0) / total for outcome in OUTCOMES}
        row["fields_corrected"] = ", ".join(f"{field} {count}" for field, count in fields.items())
        groups.append(row)
    table = pd.DataFrame(groups, columns=[by, *SUMMARY_COLUMNS])
    return table.sort_values(["reviewed", by], ascending=[False, True], kind="stable").reset_index(drop=True)


def quality(session: Session) -> dict[str, pd.DataFrame]:
    """Extractor quality from reviewed claims.

    Returns tables: `overall` (one row, group 'all'), `by_rule`, `by_benchmark`
    (columns: the group, then SUMMARY_COLUMNS; shares are fractions of
    `reviewed`), and `fields` (field, corrected, share of reviewed claims).
    """
    reviewed = _reviewed(session)
    overall = _summarise(reviewed.assign(scope="all"), "scope")
    corrected = pd.Series([f for fs in reviewed["fields"] for f in fs], dtype=object).value_counts()
    fields = pd.DataFrame(
        {
            "field": list(EDITABLE_FIELDS),
            "corrected": [int(corrected.get(f, 0)) for f in EDITABLE_FIELDS],
        }
    )
    fields["share"] = fields["corrected"] / len(reviewed) if len(reviewed) else 0.0
    return {
        "overall": overall,
        "by_rule": _summarise(reviewed, "rule"),
        "by_benchmark": _summarise(reviewed, "benchmark"),
        "fields": fields.sort_values("corrected", ascending=False, kind="stable").reset_index(drop=True),
    }
