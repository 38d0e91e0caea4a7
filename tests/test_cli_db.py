"""`leaderboard db ...` and the help text every command must have."""

from __future__ import annotations

import pytest
import typer.main

from leaderboard.cli import app
from leaderboard.db import head_revision


def run(runner, *args: str):
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_upgrade_current_downgrade(runner, db_url):
    head = head_revision()
    assert run(runner, "db", "current", "--db", db_url) == (0, "base (empty database)\n", "")
    assert run(runner, "db", "upgrade", "--db", db_url) == (0, f"{head} (head)\n", "")
    assert run(runner, "db", "current", "--db", db_url) == (0, f"{head} (head)\n", "")
    assert run(runner, "db", "downgrade", "base", "--db", db_url) == (0, "base (empty database)\n", "")
    assert run(runner, "db", "upgrade", head, "--db", db_url) == (0, f"{head} (head)\n", "")


def test_unknown_revision_is_one_line(runner, db_url):
    code, out, err = run(runner, "db", "upgrade", "nosuchrev", "--db", db_url)
    assert (code, out) == (1, "")
    assert err.startswith("error: database ") and len(err.splitlines()) == 1, err


def test_bad_url_is_one_line(runner):
    assert run(runner, "db", "current", "--db", "nosuch://x") == (
        1,
        "",
        "error: database nosuch://x: Can't load plugin: sqlalchemy.dialects:nosuch\n",
    )


def _commands(group, prefix: tuple[str, ...] = ()):
    # Duck-typed: Typer ships its own copy of Click, so isinstance checks against click fail.
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if hasattr(command, "commands"):
            yield from _commands(command, (*prefix, name))


COMMANDS = list(_commands(typer.main.get_command(app)))


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_has_help(runner, path, command):
    assert command.help, f"{' '.join(path)} has no help text"
    for param in command.params:
        if param.param_type_name == "option" and param.name != "help":
            assert param.help, f"{' '.join(path)} {param.opts[0]} has no help text"
    code, out, _ = run(runner, *path, "--help")
    assert code == 0 and "Usage:" in out


def test_missing_migration_scripts_is_one_line(runner, monkeypatch, tmp_path):
    from leaderboard import resources

    monkeypatch.setattr(resources, "shipped_folder", lambda package: tmp_path)
    code, out, err = run(runner, "db", "upgrade", "--db", f"sqlite:///{tmp_path / 'x.db'}")
    assert (code, out) == (1, "")
    assert err == (
        f"error: database sqlite:///{tmp_path / 'x.db'}: "
        f"migration scripts not found: no {tmp_path / 'env.py'}; the installation is incomplete; "
        "reinstall it (pip install --force-reinstall leaderboard-claims)\n"
    )
    assert not (tmp_path / "x.db").exists()
