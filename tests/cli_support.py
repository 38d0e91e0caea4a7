"""Reading what `leaderboard ingest` says: its summary ends stderr, with a time and rates that
vary from run to run."""

from __future__ import annotations

import re
from typing import Any

# "; 1.7 s, 260 papers/s, 0.4 MB/s" at the end of the summary (leaderboard.cli.progress.rates).
TIMING = re.compile(r"; [\d,.]+ s, [\d,]+ papers/s, [\d,.]+ MB/s$")


def said(result: Any) -> tuple[str, str]:
    """(the summary line without its timing, the lines before it) of an ingest's stderr; takes a
    CliRunner result or the stderr text."""
    stderr = result if isinstance(result, str) else result.stderr
    *before, summary = stderr.splitlines(keepends=True) or [""]
    assert TIMING.search(summary.rstrip("\n")), f"no timing in the summary: {summary!r}"
    return TIMING.sub("", summary.rstrip("\n")) + "\n", "".join(before)
