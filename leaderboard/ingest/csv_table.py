"""CSV with `title` and `abstract` columns (optional `id`, `arxiv_id`, `date`), any header case."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from leaderboard.ingest.errors import IngestError
from leaderboard.ingest.structured import paper_from_fields
from leaderboard.records import PaperRecord

# The columns a paper is read from (leaderboard.ingest.structured); others are ignored.
READ_COLUMNS = ("id", "arxiv_id", "title", "abstract", "date")
# How the csv module says a line ended in a bare "\r" (lines are only split at "\n").
BARE_CR = "new-line character seen in unquoted field"
# The csv module's default (128 KB) would refuse a long abstract with a confusing error.
MAX_CELL_BYTES = 16 * 2**20
csv.field_size_limit(MAX_CELL_BYTES)
FIELD_TOO_LARGE = "field larger than field limit"


def parse_csv(lines: Iterable[str], source: str) -> Iterator[PaperRecord]:
    """Yield one paper per row; `lines` keep their line endings (quoted cells may span lines).

    Strict quoting, so a stray or unclosed quote is reported at the row it
    starts in instead of silently swallowing the rows after it.
    """
    reader = csv.reader(lines, strict=True)
    start = 1
    try:
        header = [name.strip().lower() for name in next(reader, [])]
        if "abstract" not in header:
            raise IngestError(source, 1, f"CSV has no 'abstract' column (columns: {', '.join(header)})")
        _check_unique(header, source)
        start = reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                yield paper_from_fields(dict(zip(header, row, strict=False)), source, start)
            start = reader.line_num + 1
    except csv.Error as exc:
        if BARE_CR in str(exc):
            raise IngestError(
                source, start, "lines end in bare carriage returns (old Mac text); convert them to \\n"
            ) from None
        if FIELD_TOO_LARGE in str(exc):
            raise IngestError(source, start, f"a cell longer than {MAX_CELL_BYTES // 2**20} MB") from None
        raise IngestError(source, start, f"malformed CSV ({exc})") from None


def _check_unique(header: list[str], source: str) -> None:
    """Refuse a column read twice: only one of its cells would be kept, silently."""
    for name in READ_COLUMNS:
        positions = [str(i) for i, column in enumerate(header, start=1) if column == name]
        if len(positions) > 1:
            columns = " and ".join(positions)
            raise IngestError(source, 1, f"CSV names column '{name}' more than once (columns {columns})")
