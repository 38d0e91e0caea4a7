"""Tables for the terminal, with rich: text from papers printed literally.

Imported inside the commands that print tables (rich costs startup time every `--help` would pay).
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from leaderboard.terminal import printable


class PlainTable(Table):
    """A rich table for text from papers: markup off, control characters escaped.

    Titles, sentences and names come from input files; a '[/bold]' in one must
    print as written (not crash rich), and an ESC must not reach the terminal.
    """

    def __init__(self, *headers: str, title: str | None = None, **options: Any) -> None:
        super().__init__(*headers, title=None if title is None else printable(title), **options)

    def add_row(self, *cells: Any, **options: Any) -> None:
        super().add_row(*(printable(c) if isinstance(c, str) else c for c in cells), **options)


def table_console(piped_width: int = 240) -> Console:
    """A console for tables; created per command so output goes to the stdout in effect
    (tests swap it). Piped output is not cut to 80 columns: one row per line is what
    grep and diff want."""
    console = Console(highlight=False, markup=False, emoji=False)
    if not console.is_terminal:
        console = Console(highlight=False, markup=False, emoji=False, width=piped_width)
    return console
