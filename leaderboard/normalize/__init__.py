"""Canonical names: folding, entity resolution, the registry, canonical values and conditions."""

from leaderboard.normalize.conditions import condition_key, parse_condition_option
from leaderboard.normalize.fold import fold
from leaderboard.normalize.resolve import resolve_claim_rows
from leaderboard.normalize.scale import canonical_value

__all__ = ["canonical_value", "condition_key", "fold", "parse_condition_option", "resolve_claim_rows"]
