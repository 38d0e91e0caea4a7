"""`-v` / `-q`: how much the CLI says on stderr, through the standard `logging` module.

Commands report through the `leaderboard` logger: `log.info` for summaries and notes (shown by
default), `log.debug` for detail (`-v`); `-vv` adds the SQL SQLAlchemy runs; `-q` keeps
warnings only (and turns progress displays off). Error lines (`error: ...`) are printed
whatever the level. Data goes to stdout and never through here.
"""

from __future__ import annotations

import logging
import sys
from typing import TextIO

LOGGER = "leaderboard"
PREFIXES = {logging.DEBUG: "debug: ", logging.WARNING: "warning: ", logging.ERROR: "error: "}


class _StderrHandler(logging.StreamHandler):
    """Writes to the `sys.stderr` of the moment (a test runner swaps it per command)."""

    def __init__(self) -> None:
        super().__init__()

    @property  # type: ignore[override]
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        pass


class _Format(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return PREFIXES.get(record.levelno, "") + record.getMessage()


_handler = _StderrHandler()
_handler.setFormatter(_Format())


def configure_logging(verbose: int = 0, quiet: bool = False) -> None:
    """Set the levels for one command run (idempotent: tests run many in one process)."""
    level = logging.WARNING if quiet else logging.DEBUG if verbose else logging.INFO
    logger = logging.getLogger(LOGGER)
    logger.setLevel(level)
    logger.propagate = False
    if _handler not in logger.handlers:
        logger.addHandler(_handler)
    sql = logging.getLogger("sqlalchemy.engine")
    sql.setLevel(logging.INFO if verbose >= 2 and not quiet else logging.WARNING)
    if verbose >= 2 and _handler not in sql.handlers:
        sql.addHandler(_handler)


def is_quiet() -> bool:
    """True under -q: no progress display, no summaries."""
    return not logging.getLogger(LOGGER).isEnabledFor(logging.INFO)
