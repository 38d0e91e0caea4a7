"""What a person does to claims: accept, reject, edit (which makes a claim corrected), add one.

Nothing is ever deleted: rejecting is the way out. Each function writes in the
caller's transaction and logs every change (leaderboard.audit); the caller
commits, so a batch of changes is all or nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from leaderboard import audit
from leaderboard.db.models import AuditEntry, ClaimRow, ClaimStatus, Paper
from leaderboard.review.errors import ReviewError
from leaderboard.review.field_values import EDITABLE_FIELDS, parse_changes, same_value
from leaderboard.review.locking import load_claim, resolve_row, write_claim

# What a claim a person added carries where the extractor would write its own.
MANUAL_RULE = "manual"
MANUAL_VERSION = "manual"
# A number as papers write it: '91.1', '1,024', '.5'.
_NUMBER = re.compile(r"(?<![\w.])\d*\.?\d+(?:,\d{3})*(?:\.\d+)?")


def _set_status(
    session: Session,
    claim_ids: Iterable[int],
    status: str,
    reviewer: str,
    reason: str | None,
    versions: Mapping[int, int] | None,
) -> list[AuditEntry]:
    reviewer = audit.require_reviewer(reviewer)
    entries: list[AuditEntry] = []
    for claim_id in claim_ids:
        expected = None if versions is None else versions.get(claim_id)
        entries += write_claim(
            session, claim_id, reviewer=reviewer, expected_version=expected, status=status, reason=reason
        )
    return entries


def accept(
    session: Session,
    claim_ids: Iterable[int],
    reviewer: str,
    reason: str | None = None,
    versions: Mapping[int, int] | None = None,
) -> list[AuditEntry]:
    """Mark claims accepted; `versions` (claim id -> version read) refuses a claim changed since."""
    return _set_status(session, claim_ids, ClaimStatus.ACCEPTED, reviewer, reason, versions)


def reject(
    session: Session,
    claim_ids: Iterable[int],
    reviewer: str,
    reason: str | None = None,
    versions: Mapping[int, int] | None = None,
) -> list[AuditEntry]:
    """Mark claims rejected: they stay in the database, out of every leaderboard, and never come back."""
    return _set_status(session, claim_ids, ClaimStatus.REJECTED, reviewer, reason, versions)


def edit(
    session: Session,
    claim_id: int,
    changes: dict[str, Any],
    reviewer: str,
    expected_version: int | None,
    reason: str | None = None,
) -> list[AuditEntry]:
    """Change fields of a claim, which makes it `corrected`; values may be text ('91.1', '' for none).

    `expected_version` is the version the reviewer saw; None skips that check
    (the write itself is still version-checked against concurrent writers).
    """
    audit.require_reviewer(reviewer)
    if not changes:
        raise ReviewError("nothing to change: give at least one field")
    parsed = parse_changes(changes)
    claim = load_claim(session, claim_id)
    changed = any(not same_value(getattr(claim, name), value) for name, value in parsed.items())
    status = ClaimStatus.CORRECTED if changed else None
    return write_claim(
        session,
        claim_id,
        reviewer=reviewer,
        expected_version=expected_version,
        changes=parsed,
        status=status,
        reason=reason,
    )


def _locate(haystack: str, needle: str) -> tuple[int, int] | None:
    """[start, end) of `needle` in `haystack`, allowing any run of whitespace where `needle` has one."""
    start = haystack.find(needle)
    if start >= 0:
        return start, start + len(needle)
    pattern = r"\s+".join(re.escape(word) for word in needle.split())
    match = re.search(pattern, haystack) if pattern else None
    return None if match is None else match.span()


def _locate_value(evidence: str, value: float, value_text: str | None) -> tuple[int, int]:
    """Where in the sentence the number is: `value_text` if given, else the first number equal to `value`."""
    if value_text:
        start = evidence.find(value_text)
        if start < 0:
            raise ReviewError(f"value text {value_text!r} is not in the sentence")
        return start, start + len(value_text)
    for match in _NUMBER.finditer(evidence):
        if float(match.group().replace(",", "")) == value:
            return match.span()
    raise ReviewError(f"the number {value:g} does not appear in the sentence")


def add_claim(
    session: Session,
    paper_id: str,
    fields: dict[str, Any],
    reviewer: str,
    reason: str | None = None,
) -> ClaimRow:
    """Add a claim the extractor missed; it is `accepted`, origin 'manual'.

    `fields` holds the editable fields (value required) and `evidence`: the
    sentence, which must be in the paper's abstract; the value's span is found
    in it (or give `value_text`, the number as written, when it appears twice).
    """
    reviewer = audit.require_reviewer(reviewer)
    fields = dict(fields)
    evidence = str(fields.pop("evidence", "") or "").strip()
    value_text = str(fields.pop("value_text", "") or "").strip() or None
    if not evidence:
        raise ReviewError("evidence (the sentence the number is in) is required")
    if "value" not in fields:
        raise ReviewError("value is required")
    parsed = {"kind": "score"} | parse_changes(fields)
    paper = session.get(Paper, paper_id)
    if paper is None:
        raise ReviewError(f"no paper with id {paper_id!r}")
    sentence = _locate(paper.abstract, evidence)
    if sentence is None:
        raise ReviewError(f"the sentence is not in the abstract of paper {paper_id}")
    evidence = paper.abstract[sentence[0] : sentence[1]]
    start, end = _locate_value(evidence, parsed["value"], value_text)
    span = (sentence[0] + start, sentence[0] + end)
    _refuse_duplicate(session, paper_id, span, parsed["kind"])
    row: dict[str, Any] = {name: None for name in EDITABLE_FIELDS} | parsed
    row |= {
        "paper_id": paper_id,
        "evidence": evidence,
        "value_text": evidence[start:end],
        "span_start": span[0],
        "span_end": span[1],
        "rule": MANUAL_RULE,
        "confidence": 1.0,
        "extractor_version": MANUAL_VERSION,
        "status": ClaimStatus.ACCEPTED,
        "origin": "manual",
    }
    resolve_row(session, row)
    claim_id = session.execute(insert(ClaimRow).values(**row).returning(ClaimRow.id)).scalar_one()
    logged = {k: row[k] for k in (*EDITABLE_FIELDS, "evidence", "span_start", "span_end")}
    log = {"target": "claim", "target_id": claim_id, "reviewer": reviewer, "reason": reason}
    audit.record(session, action="add", new=logged, **log)
    return session.get(ClaimRow, claim_id)


def _refuse_duplicate(session: Session, paper_id: str, span: tuple[int, int], kind: str) -> None:
    """A live claim of the same kind at the same number should be edited, not doubled."""
    existing = session.scalar(
        select(ClaimRow.id).where(
            ClaimRow.paper_id == paper_id,
            # Overlapping, not equal: the extractor's span of '82.1%' holds the '%'.
            ClaimRow.span_start < span[1],
            ClaimRow.span_end > span[0],
            ClaimRow.kind == kind,
            ClaimRow.status.not_in((ClaimStatus.REJECTED, ClaimStatus.RETIRED)),
        )
    )
    if existing is not None:
        raise ReviewError(f"claim {existing} already holds that number; edit it instead")
