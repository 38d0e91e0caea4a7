"""Reading what `leaderboard ingest` says: its summary ends stderr, with a time and rates that
vary from run to run; a slow run (a loaded machine) also prints plain progress lines."""

from __future__ import annotations

import re
from typing import Any

# "; 1.7 s, 260 papers/s, 0.4 MB/s" at the end of the summary (leaderboard.cli.progress.rates).
TIMING = re.compile(r"; [\d,.]+ s, [\d,]+ papers/s, [\d,.]+ MB/s$")
# "ingest: 1.2 MB of 3.4 MB (35%), 120 papers, 0.1 MB/s, ETA 00:00:20" (leaderboard.cli.progress).
PROGRESS = re.compile(r"^ingest: [\d,.]+ MB.* papers, [\d,.]+ MB/s")


def said(result: Any) -> tuple[str, str]:
    """(the summary line without its timing, the lines before it but progress lines) of an
    ingest's stderr; takes a CliRunner result or the stderr text."""
    stderr = result if isinstance(result, str) else result.stderr
    lines = [line for line in stderr.splitlines(keepends=True) if not PROGRESS.match(line)]
    *before, summary = lines or [""]
    assert TIMING.search(summary.rstrip("\n")), f"no timing in the summary: {summary!r}"
    return TIMING.sub("", summary.rstrip("\n")) + "\n", "".join(before)
