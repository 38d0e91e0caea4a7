"""A number's verdict while an abstract is being read: shared by assembly and its passes."""

from __future__ import annotations

from dataclasses import dataclass, field

from leaderboard.extract.numbers import NumberToken
from leaderboard.extract.rules import Rule
from leaderboard.records import Claim

LIST_GAP = 80  # farthest a list item may sit from the one before it


@dataclass(slots=True)
class Decision:
    token: NumberToken
    rule: Rule
    verdict: str
    sentence: tuple[int, int]
    in_list: bool
    claim: Claim | None = None
    partners: list[Decision] = field(default_factory=list)
