"""The one exception the ingest layer raises."""

from __future__ import annotations

from leaderboard.errors import LeaderboardError
from leaderboard.ingest.names import source_name
from leaderboard.terminal import printable


class IngestError(LeaderboardError):
    """An input file that cannot be read as papers.

    `str()` is a single `file:line: message` line, the shape compilers and
    linters use, so editors and terminals can jump to the offending line.
    """

    def __init__(self, source: str, line: int | None, message: str) -> None:
        # Passing every field to Exception keeps the error picklable, so it
        # survives being raised inside a process-pool worker.
        super().__init__(source, line, message)
        self.source = source_name(source)
        self.line = line
        # A message is shown on one line even when it quotes a multi-line value.
        self.message = " ".join(message.split())

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return printable(f"{where}: {self.message}")
