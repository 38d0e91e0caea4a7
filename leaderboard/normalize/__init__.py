"""Canonical names: folding, entity resolution, the registry, entity operations,
canonical values and condition keys."""

from leaderboard.normalize.conditions import condition_key, parse_condition_option
from leaderboard.normalize.entities import (
    EntityError,
    add_alias,
    merge_entities,
    set_metric_direction,
    split_entity,
)
from leaderboard.normalize.fold import fold
from leaderboard.normalize.registry import RegistryError, RegistryStats, load_registry, read_registry
from leaderboard.normalize.reresolve import reresolve_claims, reresolve_unresolved
from leaderboard.normalize.resolve import resolve_claim_rows
from leaderboard.normalize.scale import canonical_value
from leaderboard.normalize.suggest import Suggestion, dismiss_suggestion, merge_suggestions

__all__ = [
    "EntityError",
    "RegistryError",
    "RegistryStats",
    "Suggestion",
    "add_alias",
    "canonical_value",
    "condition_key",
    "dismiss_suggestion",
    "fold",
    "load_registry",
    "merge_entities",
    "merge_suggestions",
    "parse_condition_option",
    "read_registry",
    "reresolve_claims",
    "reresolve_unresolved",
    "resolve_claim_rows",
    "set_metric_direction",
    "split_entity",
]
