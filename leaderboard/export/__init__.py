"""Writing results out: tables in any of `WRITERS`' formats, and extracted claims as they stream."""

from leaderboard.export.tables import (
    FORMATS,
    WRITERS,
    TableWriter,
    formats_for,
    to_bytes,
    write_table,
    writer_for,
)

__all__ = ["FORMATS", "WRITERS", "TableWriter", "formats_for", "to_bytes", "write_table", "writer_for"]
