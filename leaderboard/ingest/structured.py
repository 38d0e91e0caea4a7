"""Building a PaperRecord from the named fields of a JSONL object or CSV row.

Both structured formats share these rules (keep them in one place):
an `arxiv_id` field wins; an `id` that is an arXiv id (modern or old-style)
is taken as the arXiv id, otherwise it is kept as the given id.
"""

from __future__ import annotations

from collections.abc import Mapping

from leaderboard.ingest.cleaning import arxiv_id_of, clean_text
from leaderboard.ingest.dates import written_date, year_date
from leaderboard.ingest.errors import IngestError
from leaderboard.ingest.names import id_problem
from leaderboard.records import PaperRecord


def paper_from_fields(
    fields: Mapping[str, object],
    source: str,
    line: int,
    *,
    id_is_arxiv: bool = False,
    raw_date: object = None,
) -> PaperRecord:
    """A paper from `fields`; `id_is_arxiv` when the format defines `id` as the arXiv id.

    `raw_date` overrides the `date` field (the snapshot's first-version date).
    """
    abstract = clean_text(fields.get("abstract"))
    if abstract is None:
        raise IngestError(source, line, 'missing or empty "abstract"')
    given_id = clean_text(fields.get("id"))
    _check_ids(fields, source, line)
    id_as_arxiv = arxiv_id_of(given_id) or (given_id if id_is_arxiv else None)
    arxiv_id = arxiv_id_of(fields.get("arxiv_id")) or clean_text(fields.get("arxiv_id")) or id_as_arxiv
    if id_as_arxiv is not None and id_as_arxiv == arxiv_id:
        given_id = None  # the id is the arXiv id, already kept as such
    return PaperRecord(
        abstract=abstract,
        title=clean_text(fields.get("title")),
        arxiv_id=arxiv_id,
        given_id=given_id,
        date=_date(raw_date if raw_date is not None else fields.get("date"), source, line)
        or year_date(fields.get("year"), fields.get("month")),
        source=source,
        line=line,
    )


def _date(value: object, source: str, line: int) -> str | None:
    text = clean_text(value)
    if text is None:
        return None
    try:
        return written_date(text)
    except ValueError as exc:
        raise IngestError(source, line, str(exc)) from None


def _check_ids(fields: Mapping[str, object], source: str, line: int) -> None:
    for name in ("id", "arxiv_id"):
        value = clean_text(fields.get(name))
        if value is not None and (problem := id_problem(name, value)) is not None:
            raise IngestError(source, line, problem)
