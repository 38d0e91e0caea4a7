"""`leaderboard dashboard`: the Streamlit dashboard on a chosen database.

The database is migrated here first, so a bad URL ends in one `error:` line
before Streamlit starts; the app then reads the URL from `$LEADERBOARD_DB`.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from leaderboard.cli.common import app, display_url, fail, open_database
from leaderboard.cli.options import DbOption
from leaderboard.resources import MissingResourceError, dashboard_app
from leaderboard.settings import DB_ENV_VAR

log = logging.getLogger("leaderboard.cli")
# Runs `streamlit` after importing the dashboard's libraries, so the first page does not wait for them.
SERVE_SCRIPT_NAME = "serve.py"


# Only this machine by default: the dashboard shows the whole database to whoever reaches it.
DEFAULT_HOST = "127.0.0.1"


def streamlit_command(script: Path, port: int, host: str = DEFAULT_HOST) -> list[str]:
    """The `streamlit run` command line (through dashboard/serve.py): headless, no usage statistics,
    on `host`:`port`."""
    return [
        sys.executable,
        str(script.with_name(SERVE_SCRIPT_NAME)),
        "run",
        str(script),
        "--server.address",
        host,
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]


@app.command()
def dashboard(
    db_url: DbOption = None,
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to serve on.")] = 8501,
    host: Annotated[
        str, typer.Option("--host", help="Address to serve on; 0.0.0.0 opens it to the network.")
    ] = DEFAULT_HOST,
) -> None:
    """Open the dashboard (leaderboards, comparison, review, papers, entities, export) in Streamlit."""
    try:
        script = dashboard_app()
    except MissingResourceError as exc:
        raise fail(str(exc)) from None
    with open_database(db_url) as engine:
        url = engine.url.render_as_string(hide_password=False)
    where = f"http://{'localhost' if host == DEFAULT_HOST else host}:{port} (database {display_url(url)})"
    log.info(f"dashboard on {where}; Ctrl+C stops it")
    env = {**os.environ, DB_ENV_VAR: url}
    command = streamlit_command(script, port, host)
    sys.stdout.flush()
    sys.stderr.flush()
    # Become Streamlit, so Ctrl+C and a supervisor's SIGTERM reach the server itself.
    os.execve(command[0], command, env)
