"""The shipped registry CSV files; installed as the package `leaderboard.seed_registry` (see
setup.py), which is how `leaderboard.resources` finds them in a wheel as in a checkout."""
