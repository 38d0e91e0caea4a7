"""Reviewing in a spreadsheet: export claims with ids and versions, import the edited file.

The import checks every row before changing anything (unknown id, stale
version, bad value, unknown status: one problem per line, naming the row) and
then applies all rows in the caller's transaction, or none. Rows are numbered
as a spreadsheet shows them: the header is row 1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaderboard import audit
from leaderboard.db.models import ClaimRow, ClaimStatus
from leaderboard.export.tables import neutralise_formulas
from leaderboard.ids import MAX_INTEGER_DIGITS, fits_integer_column
from leaderboard.review.errors import ImportProblems, ReviewError
from leaderboard.review.field_values import (
    EDITABLE_FIELDS,
    FIELDS_NEEDING_RESOLUTION,
    parse_status,
    parse_value,
    same_value,
    shown,
)
from leaderboard.review.locking import edited_row, resolve_rows, stale_error, write_claim
from leaderboard.review.queue import REVIEW_COLUMNS, review_queue
from leaderboard.review.sheet_file import read_review_file

# Read-only columns (every column of the export but the claim's id, version, status and editable
# fields): an edited value is refused rather than silently dropped.
READ_ONLY_COLUMNS = tuple(c for c in REVIEW_COLUMNS if c not in ("id", "version", "status", *EDITABLE_FIELDS))
# Ids start at 1: this stands for an id or version too large to exist.
NO_ROW = 0
# The read-only columns holding numbers, compared as numbers (a spreadsheet rewrites 0.830 as 0.83).
READ_ONLY_NUMBERS = ("confidence",)
# An optional column whose text becomes the audit log's reason for that row.
REASON_COLUMN = "reason"


@dataclass
class ImportSummary:
    rows: int = 0
    unchanged: int = 0
    accepted: int = 0
    rejected: int = 0
    corrected: int = 0
    changes_logged: int = 0
    claim_ids: list[int] = field(default_factory=list)


def export_review_csv(session: Session, path_or_buffer: str | Path | IO[str], **filters: Any) -> int:
    """Write claims (filters as for `review_queue`; default every status) for review; returns the rows."""
    filters = {"status": None, "limit": None} | filters
    table = review_queue(session, **filters).sort_values("id")
    table = neutralise_formulas(table)
    # utf-8-sig: with the BOM, Excel reads the file as UTF-8 rather than the local code page.
    table.to_csv(path_or_buffer, index=False, encoding="utf-8-sig", lineterminator="\r\n")
    return len(table)


@dataclass
class _Planned:
    row: int
    claim_id: int
    version: int
    changes: dict[str, Any]
    status: str | None
    reason: str | None


def _plan_row(number: int, cells: dict[str, str], claim: ClaimRow | None, session: Session) -> _Planned:
    """What one row asks for; a problem raises ReviewError."""
    if claim is None:
        raise ReviewError(f"no claim with id {shown(cells['id'])}")
    version = _whole_number(cells.get("version", ""))
    if version is None:
        raise ReviewError(f"version must be a whole number, not {shown(cells.get('version'))}")
    if version != claim.version:
        raise stale_error(session, claim.id, version)
    if nul := [name for name, cell in cells.items() if "\0" in cell]:
        raise ReviewError(f"a NUL character in column {nul[0]!r}; no database field may hold one")
    changed = [
        name for name in READ_ONLY_COLUMNS if name in cells and not _unchanged(name, cells[name], claim)
    ]
    if changed:
        raise ReviewError(f"{', '.join(changed)} {'is' if len(changed) == 1 else 'are'} read-only (changed)")
    problems, changes = [], {}
    for name in EDITABLE_FIELDS:
        if name not in cells:
            continue
        try:
            value = parse_value(name, cells[name])
        except ReviewError as exc:
            problems.append(str(exc))
            continue
        if not same_value(getattr(claim, name), value):
            changes[name] = value
    status_text = (cells.get("status") or "").strip().lower()
    status = None
    if status_text and status_text != claim.status:
        try:
            status = parse_status(status_text)
        except ReviewError as exc:
            problems.append(str(exc))
    if problems:
        raise ReviewError("; ".join(problems))
    if changes:
        status = ClaimStatus.REJECTED if status == ClaimStatus.REJECTED else ClaimStatus.CORRECTED
    elif status == ClaimStatus.CORRECTED:
        raise ReviewError("status corrected needs a changed field (or use accepted)")
    reason = (cells.get(REASON_COLUMN) or "").strip() or None
    return _Planned(number, claim.id, version, changes, status, reason)


def _unchanged(name: str, cell: str, claim: ClaimRow) -> bool:
    stored = getattr(claim, name)
    if name in READ_ONLY_NUMBERS and stored is not None and cell.strip():
        try:
            return math.isclose(float(cell), stored, rel_tol=1e-9, abs_tol=1e-12)
        except ValueError:
            return False
    return cell.strip() == ("" if stored is None else str(stored)).strip()


def _whole_number(text: str | None) -> int | None:
    """The integer in `text` (None if it holds none); one past what an integer column holds is
    NO_ROW, which names no claim and no version on any database."""
    digits = (text or "").strip()
    if not digits.lstrip("+-").isdecimal():
        return None
    if len(digits.lstrip("+-")) > MAX_INTEGER_DIGITS:
        return NO_ROW
    value = int(digits)
    return value if fits_integer_column(value) else NO_ROW


def _claim_id(text: str | None) -> int | None:
    return _whole_number(text)


def _load_claims(session: Session, ids: list[int], chunk: int = 500) -> dict[int, ClaimRow]:
    # In chunks: a big sheet would pass SQLite's limit of bound parameters in one IN (...).
    claims: dict[int, ClaimRow] = {}
    for start in range(0, len(ids), chunk):
        query = select(ClaimRow).where(ClaimRow.id.in_(ids[start : start + chunk]))
        claims |= {claim.id: claim for claim in session.scalars(query)}
    return claims


def plan_import(session: Session, rows: list[dict[str, str]]) -> tuple[list[_Planned], dict[int, ClaimRow]]:
    """Check every row (cells as text, keyed by column); raise ImportProblems listing each bad row.

    Returns what each row asks for, and the claims it names (loaded in this transaction).
    """
    ids = {claim_id for cells in rows if (claim_id := _claim_id(cells.get("id"))) is not None}
    claims = _load_claims(session, sorted(ids))
    problems: list[tuple[int | None, str]] = []
    plan: list[_Planned] = []
    seen: dict[int, int] = {}
    for index, cells in enumerate(rows):
        number = index + 2  # the header is row 1
        if not any(value.strip() for value in cells.values()):
            continue
        claim_id = _claim_id(cells.get("id"))
        if claim_id is None:
            problems.append((number, f"id must be a claim id, not {shown(cells.get('id'))}"))
            continue
        if claim_id in seen and claim_id != NO_ROW:
            problems.append((number, f"claim {claim_id} is already on row {seen[claim_id]}"))
            continue
        seen[claim_id] = number
        try:
            plan.append(_plan_row(number, cells, claims.get(claim_id), session))
        except ReviewError as exc:
            problems.append((number, str(exc)))
    if problems:
        raise ImportProblems(problems)
    return plan, claims


def import_review(session: Session, path: str | Path, reviewer: str) -> ImportSummary:
    """Apply an edited review file, all rows or none (the caller commits); every change is logged."""
    reviewer = audit.require_reviewer(reviewer)
    return apply_review_rows(session, read_review_file(path), reviewer)


def apply_review_rows(session: Session, rows: list[dict[str, str]], reviewer: str) -> ImportSummary:
    """Apply review rows from any table (a file's, a dashboard grid's), all or none, as
    `import_review` does; rows are numbered as in a file, the header being row 1."""
    reviewer = audit.require_reviewer(reviewer)
    plan, claims = plan_import(session, rows)
    # Entity resolution for every edited row at once: one lookup per entity kind, not per row.
    edited = {
        item.claim_id: edited_row(claims[item.claim_id], item.changes)
        for item in plan
        if FIELDS_NEEDING_RESOLUTION & item.changes.keys()
    }
    resolve_rows(session, list(edited.values()))
    summary = ImportSummary(rows=len(plan))
    for item in plan:
        if not item.changes and item.status is None:
            summary.unchanged += 1
            continue
        entries = write_claim(
            session,
            item.claim_id,
            reviewer=reviewer,
            expected_version=item.version,
            changes=item.changes,
            status=item.status,
            reason=item.reason,
            loaded=claims[item.claim_id],
            resolved=edited.get(item.claim_id),
        )
        summary.changes_logged += len(entries)
        summary.claim_ids.append(item.claim_id)
        final = item.status or ClaimStatus.CORRECTED
        setattr(summary, final, getattr(summary, final) + 1)
    return summary
