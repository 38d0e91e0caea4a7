"""What a review action refuses, each with a message a person can act on."""

from __future__ import annotations

from leaderboard.audit import ReviewerRequiredError
from leaderboard.errors import LeaderboardError


class ReviewError(LeaderboardError, ValueError):
    """A bad claim id, change id, field, value or status."""


class StaleVersionError(ReviewError):
    """The claim changed since the version the reviewer read; the message names the newer change."""


class ImportProblems(ReviewError):
    """Every problem found in a review file; `problems` holds (row, message) pairs."""

    def __init__(self, problems: list[tuple[int | None, str]]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the review file")


__all__ = ["ImportProblems", "ReviewError", "ReviewerRequiredError", "StaleVersionError"]
