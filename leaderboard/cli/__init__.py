"""Command line: `leaderboard ingest | extract | db ...` and the rest.

Each sibling module registers its commands on the one Typer `app`;
importing them here is what makes them part of the CLI.
"""

from leaderboard.cli import (  # noqa: F401  (registers commands)
    board,
    dashboard,
    database,
    formats,
    paper_search,
    papers,
    registry,
    review,
)
from leaderboard.cli.common import app
from leaderboard.cli.entry import main

__all__ = ["app", "main"]
