"""The claim fields a person may edit, and how a typed-in value becomes a stored one.

Keep in sync with claims-spec.md (the fields) and `leaderboard.db.models`
(the columns and their allowed values). Values arrive as text from the CLI
and spreadsheets, or typed from Python callers; both go through `parse_value`.
"""

from __future__ import annotations

import math
from typing import Any

from leaderboard.db.models import CLAIM_KINDS, PERSON_STATUSES
from leaderboard.records import CLAIM_FIELDS
from leaderboard.review.errors import ReviewError

TEXT_FIELDS = ("model", "benchmark", "metric", "baseline_model", "condition")
NUMBER_FIELDS = ("value", "value_high", "baseline_value")
EDITABLE_FIELDS = CLAIM_FIELDS
# The units claims-spec.md allows (None: no unit).
UNITS = ("%", "x", "points")
# Fields whose change moves the claim to other entities, another canonical value or comparison group.
FIELDS_NEEDING_RESOLUTION = frozenset(
    {"model", "benchmark", "metric", "value", "unit", "kind", "baseline_model", "condition"}
)


# Names are indexed (entities.key): beyond a few hundred characters PostgreSQL's index refuses a
# row SQLite would take, so text fields are held to this length on every database.
MAX_TEXT_CHARS = 500
# How much of a refused value an error message quotes.
SHOWN_CHARS = 60


def shown(raw: Any) -> str:
    """`raw` quoted for an error message, cut short: a 16 MB cell must not become a 16 MB line."""
    text = repr(raw)
    return (
        text
        if len(text) <= SHOWN_CHARS
        else f"{text[: SHOWN_CHARS - 4]}...{text[-1]} ({len(str(raw)):,} characters)"
    )


def _blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def parse_number(name: str, raw: Any) -> float | None:
    if _blank(raw):
        if name == "value":
            raise ReviewError("value is required")
        return None
    if isinstance(raw, bool):
        raise ReviewError(f"{name} must be a number, not {shown(raw)}")
    try:
        number = float(raw.strip() if isinstance(raw, str) else raw)
    except (TypeError, ValueError):
        raise ReviewError(f"{name} must be a number, not {shown(raw)}") from None
    if not math.isfinite(number):
        raise ReviewError(f"{name} must be a finite number, not {shown(raw)}")
    return number


def parse_value(name: str, raw: Any) -> Any:
    """The stored value of field `name` for input `raw`; blank text means None."""
    if name not in EDITABLE_FIELDS:
        raise ReviewError(f"unknown field {name!r} (editable: {', '.join(EDITABLE_FIELDS)})")
    if name in NUMBER_FIELDS:
        return parse_number(name, raw)
    text = None if _blank(raw) else str(raw).strip()
    if text is not None and len(text) > MAX_TEXT_CHARS:
        raise ReviewError(f"{name} of {len(text):,} characters (at most {MAX_TEXT_CHARS})")
    if text is not None and "\0" in text:
        raise ReviewError(f"{name} holds a NUL character, which no database field may hold")
    if name == "kind":
        if text not in CLAIM_KINDS:
            raise ReviewError(f"kind must be one of {', '.join(CLAIM_KINDS)}, not {shown(raw)}")
    elif name == "unit" and text is not None and text not in UNITS:
        raise ReviewError(f"unit must be one of {', '.join(UNITS)} or empty, not {shown(raw)}")
    return text


def parse_changes(changes: dict[str, Any]) -> dict[str, Any]:
    """`changes` with every value parsed; a bad field or value raises ReviewError."""
    return {name: parse_value(name, raw) for name, raw in changes.items()}


def parse_status(raw: Any) -> str:
    status = str(raw or "").strip().lower()
    if status not in PERSON_STATUSES:
        raise ReviewError(f"status must be one of {', '.join(PERSON_STATUSES)}, not {shown(raw)}")
    return status


def same_value(a: Any, b: Any) -> bool:
    """Equal as stored values: numbers compare as numbers, so 91.10 and 91.1 are one value."""
    if isinstance(a, int | float) and isinstance(b, int | float):
        return float(a) == float(b)
    return a == b
