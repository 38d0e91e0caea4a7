"""`leaderboard dashboard`: a database that cannot be opened fails before Streamlit starts."""

from __future__ import annotations

from leaderboard.cli import app
from leaderboard.cli.dashboard import SERVE_SCRIPT_NAME, streamlit_command
from leaderboard.resources import dashboard_app


def test_a_bad_database_url_is_one_error_line_without_the_password(runner):
    url = "postgresql://ann:hunter2@127.0.0.1:1/none"
    result = runner.invoke(app, ["dashboard", "--db", url, "--port", "9"])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        "error: database postgresql+psycopg://ann:***@127.0.0.1:1/none"
    )


def test_an_unwritable_sqlite_path_is_one_error_line(runner):
    result = runner.invoke(app, ["dashboard", "--db", "sqlite:////no/such/folder/x.db"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith("error: database sqlite:////no/such/folder/x.db: ")


def test_streamlit_runs_headless_on_the_chosen_port_without_usage_statistics():
    app_script = dashboard_app()
    command = streamlit_command(app_script, 8600)
    assert command[1:4] == [str(app_script.with_name(SERVE_SCRIPT_NAME)), "run", str(app_script)]
    options = dict(zip(command[4::2], command[5::2], strict=True))
    assert options == {
        # This machine only, unless --host says otherwise.
        "--server.address": "127.0.0.1",
        "--server.port": "8600",
        "--server.headless": "true",
        "--browser.gatherUsageStats": "false",
    }
    assert dashboard_app().is_file() and dashboard_app().with_name(SERVE_SCRIPT_NAME).is_file()
