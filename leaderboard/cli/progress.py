"""Progress of a long command on stderr, by bytes: a rich bar with total, rate and ETA on a
terminal; a plain line every PLAIN_EVERY seconds otherwise (a log file, CI, `2> log`), so a
multi-hour ingest under a supervisor still shows it is alive; nothing under `-q`.
"""

from __future__ import annotations

import os
import sys
import time
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

from leaderboard.cli.verbosity import is_quiet

# Seconds between two plain progress lines.
PLAIN_EVERY = 5.0


def input_bytes(paths: list[str]) -> int | None:
    """The total size of the inputs, or None when one has no size known in advance (stdin, a pipe)."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        try:
            stat = os.stat(path)
        except OSError:
            continue  # reported when its turn comes
        if not os.path.isfile(path):
            return None
        total += stat.st_size
    return total


def megabytes(count: float) -> str:
    return f"{count / 1e6:,.1f} MB"


def rates(seconds: float, papers: int, read: int) -> str:
    """'12.3 s, 456 papers/s, 7.8 MB/s': the elapsed time and throughput for a summary."""
    seconds = max(seconds, 1e-9)
    return f"{seconds:,.1f} s, {papers / seconds:,.0f} papers/s, {megabytes(read / seconds)}/s"


class BytesProgress:
    """Counts bytes read and papers done; shows them as the module docstring says.

    `read(n)` is called for every block the reader takes (cheap: a sum), `papers(n)` for every
    batch stored, which is when the display is brought up to date."""

    def __init__(self, total: int | None, label: str = "ingest") -> None:
        self.total = total
        self.label = label
        self.bytes_read = 0
        self.papers_done = 0
        self.started = time.monotonic()
        self._last_line = self.started
        console = Console(stderr=True)
        self._plain = console.is_terminal is False and not is_quiet()
        self._bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.fields[papers]:,} papers"),
            console=console,
            disable=not console.is_terminal or is_quiet(),
        )
        self._task = self._bar.add_task(label, total=total, papers=0)

    def __enter__(self) -> BytesProgress:
        self._bar.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._bar.stop()

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def read(self, count: int) -> None:
        self.bytes_read += count

    def papers(self, count: int) -> None:
        self.papers_done += count
        self._bar.update(self._task, completed=self.bytes_read, papers=self.papers_done)
        if self._plain and time.monotonic() - self._last_line >= PLAIN_EVERY:
            self._last_line = time.monotonic()
            print(self.plain_line(), file=sys.stderr, flush=True)

    def plain_line(self) -> str:
        """'ingest: 12.3 MB of 45.6 MB (27%), 1,234 papers, 2.1 MB/s, ETA 0:00:16'."""
        elapsed = max(self.elapsed, 1e-9)
        speed = self.bytes_read / elapsed
        done = megabytes(self.bytes_read)
        if self.total:
            share = min(self.bytes_read / self.total, 1.0)
            left = (self.total - self.bytes_read) / speed if speed else 0
            eta = time.strftime("%H:%M:%S", time.gmtime(max(left, 0)))
            where = f"{done} of {megabytes(self.total)} ({share:.0%})"
            tail = f", ETA {eta}"
        else:
            where, tail = done, ""
        return f"{self.label}: {where}, {self.papers_done:,} papers, {megabytes(speed)}/s{tail}"

    def note(self, line: str) -> None:
        """Print a line on stderr above the live bar, or plainly when there is none."""
        if self._bar.disable:
            print(line, file=sys.stderr, flush=True)
        else:
            self._bar.console.print(line, markup=False, highlight=False, emoji=False, soft_wrap=True)
