"""A claim's value on its metric's canonical scale, and whether it is possible at all.

Papers write the same accuracy as 0.621 or 62.1%; both become 62.1 for a
percent-scale metric. A fraction-scale metric (AUC, correlation) written as
87.2% or 87.2 becomes 0.872. A value the metric cannot take (accuracy 130%,
a negative WER, an AUC of 1.4) gets a flag and is never ranked.
"""

from __future__ import annotations

PERCENT, FRACTION, UNBOUNDED = "percent", "fraction", "unbounded"
# Units that say the number is already in percent (percentage points count too).
PERCENT_UNITS = ("%", "points")
OUT_OF_RANGE = "out_of_range"


def canonical_value(
    value: float | None, unit: str | None, scale: str | None, direction: str | None = None
) -> tuple[float | None, str | None]:
    """(value on the canonical scale, flag or None) for a score with this metric scale and direction."""
    if value is None:
        return None, None
    if unit == "x":  # a multiple ('3.2x') is no score on any scale: keep it as written
        return value, None
    if scale == PERCENT:
        canonical = value * 100 if unit not in PERCENT_UNITS and 0 < value <= 1 else value
        return _checked(canonical, 0.0, 100.0)
    if scale == FRACTION:
        canonical = value / 100 if unit in PERCENT_UNITS or 1 < value <= 100 else value
        # Correlations go down to -1; nothing on this scale goes above 1.
        return _checked(canonical, -1.0, 1.0)
    if scale == UNBOUNDED and direction == "lower" and value < 0:
        # Errors, distances, perplexities and the like cannot be negative.
        return value, OUT_OF_RANGE
    return value, None


def _checked(value: float, low: float, high: float) -> tuple[float, str | None]:
    # Rounded so 0.621 * 100 compares equal to 62.1.
    value = round(value, 10)
    return value, (None if low <= value <= high else OUT_OF_RANGE)
