"""Storing papers and their claims: chunked ingest, idempotent writes, re-extraction.

The data's path is pipeline (read a file in chunks) → batch (extract claims,
optionally in worker processes) → papers (write papers and claims, one
transaction a chunk) → reconcile (an older extractor's claims against the new ones).
"""
