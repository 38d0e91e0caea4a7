"""Leaderboard queries, each returning a pandas DataFrame with documented, stable column names.

Benchmark, metric and model arguments accept a name or alias (matched after
folding: case, punctuation and spacing ignored) or an entity id; an unknown
name raises `UnknownEntityError`, whose message offers close names.
"""

from leaderboard.queries.across import COMPARE_COLUMNS, DISAGREEMENT_COLUMNS, compare, disagreements
from leaderboard.queries.base import CLAIM_COLUMNS, HUMAN_ACCEPTED, NOT_COUNTED
from leaderboard.queries.boards import (
    BENCHMARK_COLUMNS,
    LEADERBOARD_COLUMNS,
    SOTA_COLUMNS,
    NotABenchmarkError,
    benchmarks,
    conditions_for,
    leaderboard,
    metrics_for,
    model_paper_grid,
    sota_over_time,
)
from leaderboard.queries.claims import claims
from leaderboard.queries.entities import metrics_without_direction
from leaderboard.queries.hub import with_benchmark_details
from leaderboard.queries.names import EntityInfo, UnknownEntityError, find_entity
from leaderboard.queries.ranking import rank_claims

__all__ = [
    "CLAIM_COLUMNS",
    "COMPARE_COLUMNS",
    "DISAGREEMENT_COLUMNS",
    "HUMAN_ACCEPTED",
    "LEADERBOARD_COLUMNS",
    "NOT_COUNTED",
    "BENCHMARK_COLUMNS",
    "SOTA_COLUMNS",
    "EntityInfo",
    "NotABenchmarkError",
    "UnknownEntityError",
    "benchmarks",
    "claims",
    "compare",
    "conditions_for",
    "disagreements",
    "find_entity",
    "leaderboard",
    "metrics_for",
    "metrics_without_direction",
    "model_paper_grid",
    "rank_claims",
    "sota_over_time",
    "with_benchmark_details",
]
