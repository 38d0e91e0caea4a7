"""The `leaderboard` program: the Typer app, with output that cannot be written reported on one line.

Every command prints to stdout; when that is a full disk (`> /dev/full`) or a
pipe whose reader left (`| head`), the error surfaces wherever the output
happens to be flushed, often only at exit. Caught here, once for all commands.
"""

from __future__ import annotations

import os
import sys

from leaderboard.cli.common import app


def main() -> None:
    try:
        try:
            app(prog_name="leaderboard")
        finally:
            sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away: stop quietly, as Unix tools do (and say nothing again at exit).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except OSError as exc:
        where = exc.filename if isinstance(exc.filename, str) else "standard output"
        print(f"error: {where}: {exc.strerror or exc}", file=sys.stderr)
        # Python would report the unwritten buffer again at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
