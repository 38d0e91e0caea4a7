"""The README cannot fall behind the CLI or CI."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from leaderboard.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
FENCED = re.compile(r"^```\w*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _readme_commands() -> list[str]:
    """The README's opening fenced blocks, before any heading after the title."""
    head = README.split("\n## ", 1)[0]
    return [block.strip() for block in FENCED.findall(head)]


def _cli_commands() -> list[str]:
    group = typer.main.get_command(app)
    names = []
    for name, command in group.commands.items():
        subcommands = getattr(command, "commands", None)
        names += [f"{name} {sub}" for sub in subcommands] if subcommands else [name]
    return names


def test_readme_opens_with_exactly_two_commands():
    commands = _readme_commands()
    assert len(commands) == 2
    assert all("\n" not in command for command in commands)


def test_ci_runs_the_readme_test_command_word_for_word():
    test_command = _readme_commands()[1]
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_main_command_reads_the_seed_folder_that_ships():
    main_command = _readme_commands()[0]
    assert "leaderboard ingest seed" in main_command
    assert len(list((ROOT / "seed").glob("*.txt"))) == 5


def test_every_cli_command_is_documented():
    documented = README.split("## Commands", 1)[1]
    for command in _cli_commands():
        words = command.split()
        # `db upgrade|downgrade|current` documents a group on one line.
        assert f"leaderboard {words[0]}" in documented, command
        assert words[-1] in documented, command
