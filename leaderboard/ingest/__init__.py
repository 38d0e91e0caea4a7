"""Ingest: input files (arXiv listings, abstract dumps, daily pages, JSONL, CSV) -> PaperRecords."""

from leaderboard.ingest.detect import FORMATS, detect_format
from leaderboard.ingest.errors import IngestError
from leaderboard.ingest.papers import iter_papers
from leaderboard.ingest.paths import expand_paths

__all__ = ["FORMATS", "IngestError", "detect_format", "expand_paths", "iter_papers"]
