"""`python -m leaderboard` runs the same CLI as the `leaderboard` script."""

from leaderboard.cli import app

app(prog_name="leaderboard")
