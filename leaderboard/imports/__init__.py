"""Results tables other projects publish, read as claims with their papers: the Papers-with-Code
evaluation-tables layout (`pwc.py`), stored by `store.py` (origin 'imported')."""

from leaderboard.imports.pwc import ImportedResult, PwcFileError, PwcRead, read_pwc
from leaderboard.imports.store import ImportStats, store_imported

__all__ = ["ImportStats", "ImportedResult", "PwcFileError", "PwcRead", "read_pwc", "store_imported"]
