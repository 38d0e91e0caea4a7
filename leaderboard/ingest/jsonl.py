"""JSON Lines: the arXiv metadata snapshot and plain `id`/`title`/`abstract` objects.

Snapshot lines look like
    {"id": "hep-ph/0701001", "title": "...", "abstract": "  ...\\n...",
     "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}],
     "update_date": "2008-11-13", "authors": "...", ...}
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator

from leaderboard.ingest.errors import IngestError
from leaderboard.ingest.structured import paper_from_fields
from leaderboard.records import PaperRecord

# Fields only the arXiv snapshot has; their presence means `id` is an arXiv id.
SNAPSHOT_FIELDS = frozenset({"versions", "update_date", "submitter", "authors_parsed"})
# Fields that are stored: (name, Python types allowed, what the message says is expected).
# Ids may be numbers (CSV-style numeric ids); text must be strings.
TEXT_FIELDS = (
    ("abstract", str, "a string"),
    ("title", str, "a string"),
    ("id", (str, int), "a string or integer"),
    ("arxiv_id", str, "a string"),
    ("date", str, "a string"),
)
# Python type -> the JSON name a user knows it by (bool before int: True is an int too).
JSON_TYPE_NAMES = (
    (bool, "boolean"),
    (int, "number"),
    (float, "number"),
    (list, "array"),
    (dict, "object"),
    (type(None), "null"),
)


def parse_jsonl(lines: Iterable[tuple[int, str]], source: str) -> Iterator[PaperRecord]:
    """Yield one paper per non-blank line, reading one line at a time."""
    for number, line in lines:
        if not line.strip():
            continue
        try:
            # Without its line ending, a line cut off inside a string reads as
            # "unterminated", not as holding a control character.
            record = json.loads(line.rstrip("\r\n"))
        except json.JSONDecodeError as exc:
            raise IngestError(source, number, f"malformed JSON ({_where(exc)})") from None
        except RecursionError:
            # Arrays or objects nested about a thousand deep exhaust the parser's stack.
            raise IngestError(source, number, "JSON nested too deeply to be a paper record") from None
        except ValueError:
            # The only other refusal: an integer longer than Python converts (a denial-of-service guard).
            limit = sys.get_int_max_str_digits()
            raise IngestError(source, number, f"a JSON number of more than {limit:,} digits") from None
        if not isinstance(record, dict):
            raise IngestError(source, number, f"a JSON {_json_type(record)}, expected an object")
        _check_fields(record, source, number)
        is_snapshot = not SNAPSHOT_FIELDS.isdisjoint(record)
        yield paper_from_fields(
            record,
            source,
            number,
            id_is_arxiv=is_snapshot,
            raw_date=_snapshot_date(record) if is_snapshot else None,
        )


def _check_fields(record: dict, source: str, number: int) -> None:
    """Refuse a field we store that is of the wrong JSON type or is not valid Unicode."""
    for name, kinds, expected in TEXT_FIELDS:
        value = record.get(name)
        if value is None:
            continue
        if not isinstance(value, kinds) or isinstance(value, bool):
            raise IngestError(source, number, f'"{name}" is a JSON {_json_type(value)}, expected {expected}')
        if isinstance(value, str) and not _is_unicode(value):
            # JSON's \\u escapes can spell half a surrogate pair, which no database can store.
            raise IngestError(source, number, f'"{name}" holds a lone surrogate (a broken \\u escape)')


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _where(exc: json.JSONDecodeError) -> str:
    # json's messages either end in "at" ("Unterminated string starting at") or do not.
    joint = " " if exc.msg.endswith(" at") else " at "
    return f"{exc.msg}{joint}column {exc.colno}"


def _json_type(value: object) -> str:
    return next((name for kind, name in JSON_TYPE_NAMES if isinstance(value, kind)), "string")


def _snapshot_date(record: dict) -> object:
    """First version's submission date, else the last update's."""
    versions = record.get("versions")
    if isinstance(versions, list) and versions and isinstance(versions[0], dict):
        created = versions[0].get("created")
        if created:
            return created
    return record.get("update_date") or record.get("date")
