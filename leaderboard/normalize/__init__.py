"""Canonical names: folding, entity resolution, the registry, entity operations,
canonical values and condition keys."""

from leaderboard.normalize.benchmark_name import BenchmarkName, read_benchmark_name
from leaderboard.normalize.conditions import condition_key, parse_condition_option
from leaderboard.normalize.direction import direction_from_name
from leaderboard.normalize.entities import (
    EntityError,
    add_alias,
    mark_not_entity,
    merge_entities,
    set_metric_direction,
    set_not_entity,
    split_entity,
)
from leaderboard.normalize.fold import fold
from leaderboard.normalize.junk import benchmark_junk_reason, model_junk_reason
from leaderboard.normalize.registry import RegistryError, RegistryStats, load_registry, read_registry
from leaderboard.normalize.reresolve import reresolve_all, reresolve_claims, reresolve_unresolved
from leaderboard.normalize.resolve import resolve_claim_rows
from leaderboard.normalize.scale import canonical_value
from leaderboard.normalize.suggest import Suggestion, dismiss_suggestion, merge_suggestions

__all__ = [
    "BenchmarkName",
    "EntityError",
    "RegistryError",
    "RegistryStats",
    "Suggestion",
    "add_alias",
    "benchmark_junk_reason",
    "canonical_value",
    "condition_key",
    "direction_from_name",
    "dismiss_suggestion",
    "fold",
    "load_registry",
    "mark_not_entity",
    "merge_entities",
    "model_junk_reason",
    "merge_suggestions",
    "parse_condition_option",
    "read_benchmark_name",
    "read_registry",
    "reresolve_all",
    "reresolve_claims",
    "reresolve_unresolved",
    "resolve_claim_rows",
    "set_metric_direction",
    "set_not_entity",
    "split_entity",
]
