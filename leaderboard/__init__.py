"""Benchmark-claims leaderboard: papers in, claims out, leaderboards on top."""

from leaderboard.records import Claim, PaperRecord

__all__ = ["Claim", "PaperRecord"]
# The one place the version is written: pyproject.toml reads it, `leaderboard --version` prints it.
__version__ = "0.1.0"
