"""The cluster path: the pure extractor as a map step over a snapshot (`dask_extract.py`, the
optional extra `dask`), and the parts it writes read back for the bulk load (`parts.py`)."""

from leaderboard.cluster.parts import PART_FORMATS, PART_SCHEMA, paper_line, paper_record, read_part

__all__ = ["PART_FORMATS", "PART_SCHEMA", "paper_line", "paper_record", "read_part"]
