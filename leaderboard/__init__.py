"""Benchmark-claims leaderboard: papers in, claims out, leaderboards on top."""

from leaderboard.records import Claim, PaperRecord

__all__ = ["Claim", "PaperRecord"]
__version__ = "0.1.0"
