"""At most 50 error lines per file, then one line counting the rest."""

from __future__ import annotations

from leaderboard.error_lines import ErrorLines


def test_lines_beyond_fifty_per_file_are_counted_not_printed():
    printed: list[str] = []
    errors = ErrorLines(printed.append)
    for row in range(2, 122):
        errors.report("big.csv", f"big.csv:{row}: unknown id")
    errors.report("small\x1b.csv", "small\\x1b.csv:2: unknown id")
    errors.finish()
    assert printed == [
        *(f"error: big.csv:{row}: unknown id" for row in range(2, 52)),
        "error: small\\x1b.csv:2: unknown id",
        "error: big.csv: 70 more errors not shown (120 in all)",
    ]
    assert errors.count == 121
