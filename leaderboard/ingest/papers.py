"""`iter_papers`: one input file in, its papers out, whatever the format."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from leaderboard.ingest.abstracts import parse_abstracts
from leaderboard.ingest.csv_table import parse_csv
from leaderboard.ingest.daily_page import parse_daily_page
from leaderboard.ingest.detect import ABSTRACTS, ARXIV_LISTING, CSV, DAILY_PAGE, FORMATS, JSONL, detect_format
from leaderboard.ingest.errors import IngestError
from leaderboard.ingest.jsonl import parse_jsonl
from leaderboard.ingest.listing import parse_listing
from leaderboard.ingest.names import MAX_LINE_NUMBER
from leaderboard.ingest.source import TextSource
from leaderboard.records import PaperRecord

PageParser = Callable[[str, str], Iterator[PaperRecord]]

# Small text pages are parsed whole (their layout needs look-ahead);
# JSONL and CSV are streamed, as they can run to gigabytes.
PAGE_PARSERS: dict[str, PageParser] = {
    ARXIV_LISTING: parse_listing,
    ABSTRACTS: parse_abstracts,
    DAILY_PAGE: parse_daily_page,
}
STREAMED_FORMATS = (JSONL, CSV)
# arXiv caps abstracts at 1,920 characters and journals at a few thousand; anything
# this long is a whole paper or a file without line breaks, and would only slow
# every later step (hashing, extraction, storage) for no claims worth having.
MAX_ABSTRACT_CHARS = 100_000
assert set(PAGE_PARSERS) | set(STREAMED_FORMATS) == set(FORMATS), "every format needs a parser"


def iter_papers(
    path: str, fmt: str | None = None, on_read: Callable[[int], None] | None = None
) -> Iterator[PaperRecord]:
    """Stream the papers of one file ("-" = stdin), detecting its format unless `fmt` is given.

    Every paper carries `source` (the path as given), `line` (where it
    starts) and `format` (what it was read as). Raises IngestError for
    unreadable, binary, non-UTF-8, malformed or paper-less input. An unknown
    `fmt` is refused at once; the file is only opened when iteration starts. `on_read` hears
    how many bytes of the file each read consumed (for progress by bytes).
    """
    if fmt is not None and fmt not in FORMATS:
        raise IngestError(path, None, f"unknown format {fmt!r}; expected one of: {', '.join(FORMATS)}")
    return _papers(path, fmt, on_read)


def _papers(path: str, fmt: str | None, on_read: Callable[[int], None] | None) -> Iterator[PaperRecord]:
    with TextSource(path, on_read) as source:
        fmt = fmt or detect_format(path, source.head_text())
        found = False
        for paper in _guarded(_parse(source, fmt), path):
            _check_paper(paper, path)
            found = True
            paper.format = fmt
            yield paper
    if not found:
        raise IngestError(path, None, f"no papers found (read as {fmt})")


def _parse(source: TextSource, fmt: str) -> Iterator[PaperRecord]:
    if fmt == JSONL:
        return parse_jsonl(source.lines(), source.name)
    if fmt == CSV:
        return parse_csv((line for _, line in source.lines()), source.name)
    return PAGE_PARSERS[fmt](source.read_page(), source.name)


def _check_paper(paper: PaperRecord, path: str) -> None:
    if len(paper.abstract) > MAX_ABSTRACT_CHARS:
        raise IngestError(
            path,
            paper.line,
            f"abstract of {len(paper.abstract):,} characters (limit {MAX_ABSTRACT_CHARS:,}); "
            "a whole paper, or a file without line breaks?",
        )
    if paper.line is not None and paper.line > MAX_LINE_NUMBER:
        raise IngestError(path, paper.line, f"line number above {MAX_LINE_NUMBER:,}; split the file")


def _guarded(papers: Iterator[PaperRecord], path: str) -> Iterator[PaperRecord]:
    """`papers`, with anything a parser raises besides IngestError and OSError turned into an
    IngestError: input nobody foresaw must stop its own file, never the files after it."""
    try:
        yield from papers
    except (IngestError, OSError):
        raise
    except Exception as exc:
        detail = " ".join(str(exc).split())[:200] or "no detail"
        raise IngestError(path, None, f"cannot be read as papers ({type(exc).__name__}: {detail})") from exc
