"""`error: FILE[:LINE]: ...` lines on stderr, at most a screenful per file.

A file with an error on every row (300,000 rows of a spreadsheet) would
otherwise print hundreds of thousands of lines, burying the first ones, which
are the ones to fix; after MAX_PER_FILE lines a file gets one line counting
the rest.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from leaderboard.terminal import printable

MAX_PER_FILE = 50


class ErrorLines:
    """Prints error lines through `echo` (which adds the line end), capped per file."""

    def __init__(self, echo: Callable[[str], None], limit: int = MAX_PER_FILE) -> None:
        self.echo = echo
        self.limit = limit
        self._per_file: Counter[str] = Counter()

    @property
    def count(self) -> int:
        """Errors reported, shown or not."""
        return self._per_file.total()

    def report(self, file: str, where_and_message: str) -> None:
        """One error in `file`; `where_and_message` is the rest of the line after `error: `."""
        self._per_file[file] += 1
        if self._per_file[file] <= self.limit:
            self.echo(f"error: {where_and_message}")

    def finish(self) -> None:
        """One line per file that had more errors than were shown."""
        for file, count in self._per_file.items():
            if count > self.limit:
                hidden = count - self.limit
                self.echo(f"error: {printable(file)}: {hidden:,} more errors not shown ({count:,} in all)")
