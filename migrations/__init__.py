"""The Alembic scripts; installed as the package `leaderboard.migrations` (see setup.py), which is
how `leaderboard.resources` finds them in a wheel as in a checkout."""
