"""`python -m leaderboard` runs the same CLI as the `leaderboard` script."""

from leaderboard.cli import main

main()
