"""Commands that read papers: `leaderboard ingest` and `leaderboard extract`."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from leaderboard.cli.common import app, first_line, open_database, text_output
from leaderboard.cli.options import ClaimsFormat, DbOption, OutputOption
from leaderboard.ingest import FORMATS, IngestError, expand_paths, iter_papers

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from leaderboard.store.papers import StoreStats

log = logging.getLogger("leaderboard.cli")

InputsArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="PATH...", help="Files or folders (read recursively); '-' reads stdin.", show_default=False
    ),
]
# Literal of a runtime tuple: Typer turns it into a choice; keeps the names in one place.
InputFormat = Literal[FORMATS]  # type: ignore[valid-type]
# Keep in sync with leaderboard.store.pipeline.COMMIT_EVERY (tests/test_cli_startup.py checks).
COMMIT_EVERY = 5_000
INPUT_FORMAT_HELP = "Input format (default: detected from name and content)."
JobsOption = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Extractor processes.")]


def _expand(inputs: list[str]) -> tuple[list[str], int]:
    """The files to read, and how many named inputs are missing (each reported like a bad file)."""
    files, missing = [], 0
    for name in inputs:
        try:
            files.extend(expand_paths([name]))
        except (IngestError, OSError) as exc:
            missing += 1
            typer.echo(f"error: {_file_error(name, exc)}", err=True)
    return files, missing


@contextlib.contextmanager
def _pool(jobs: int) -> Iterator[ProcessPoolExecutor | None]:
    if jobs <= 1:
        yield None
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield pool


CommitEveryOption = Annotated[
    int,
    typer.Option(
        "--commit-every",
        min=0,
        help="Papers per transaction; an interrupted ingest keeps the chunks before, and a re-run "
        "continues after them (0: one transaction per file).",
    ),
]


@app.command()
def ingest(
    inputs: InputsArgument,
    fmt: Annotated[InputFormat | None, typer.Option("--format", "-f", help=INPUT_FORMAT_HELP)] = None,
    db_url: DbOption = None,
    jobs: JobsOption = 1,
    commit_every: CommitEveryOption = COMMIT_EVERY,
) -> None:
    """Read papers, extract their claims and store both, committing every --commit-every papers.

    A file that cannot be read or parsed is reported on one line naming the
    file and line; nothing of it is kept but the chunks committed before that
    line (a file of up to --commit-every papers leaves nothing behind). The
    other files still go in, and the exit code is 1. Re-running the same
    ingest changes nothing; stored papers are recognised before extraction.
    Progress (bytes, rate, ETA) and the summary go to stderr.
    """
    from leaderboard import db
    from leaderboard.cli.progress import BytesProgress, input_bytes, rates
    from leaderboard.store.papers import StoreStats
    from leaderboard.store.pipeline import FileFailed, ingest_file

    paths, failed = _expand(inputs)
    totals, ok = StoreStats(), 0
    progress = BytesProgress(input_bytes(paths))
    with open_database(db_url) as engine, _pool(jobs) as pool, progress:
        sessions = db.make_sessionmaker(engine)
        for path in paths:
            try:
                stats = ingest_file(
                    sessions,
                    path,
                    fmt,
                    pool,
                    jobs=jobs,
                    commit_every=commit_every,
                    on_papers=progress.papers,
                    on_bytes=progress.read,
                )
            except FileFailed as exc:
                failed += 1
                totals.merge(exc.kept)
                progress.note(f"error: {_file_error(path, exc.error)}{_kept_note(exc.kept)}")
            else:
                ok += 1
                totals.merge(stats)
    papers = totals.papers_new + totals.papers_seen
    log.info(
        f"files: {ok} ok, {failed} failed; "
        f"papers: {papers} read, {totals.papers_new} new, {totals.papers_seen} seen; "
        f"claims: {totals.claims_stored} stored; "
        f"{rates(progress.elapsed, papers, progress.bytes_read)}"
    )
    if failed:
        raise typer.Exit(code=1)


def _kept_note(kept: StoreStats) -> str:
    read = kept.papers_new + kept.papers_seen
    if not read:
        return ""
    return f" (the {read:,} papers before it are stored; fix it and re-run to continue)"


def _file_error(path: str, exc: Exception) -> str:
    if isinstance(exc, IngestError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{path}: {exc.strerror or exc}"
    return f"{path}: database: {first_line(exc)}"


@app.command()
def extract(
    inputs: InputsArgument,
    out_format: Annotated[ClaimsFormat, typer.Option("--format", help="Output format.")] = "jsonl",
    output: OutputOption = None,
    input_format: Annotated[
        InputFormat | None, typer.Option("--input-format", "-f", help=INPUT_FORMAT_HELP)
    ] = None,
    jobs: JobsOption = 1,
    explain: Annotated[
        bool, typer.Option("--explain", help="Print why: inventory, focus and every number's rules.")
    ] = False,
) -> None:
    """Run the extractor without a database: one claim per line (JSONL) or row (CSV).

    Fields are those of claims-spec.md plus paper_id; in CSV the span is two
    columns, span_start and span_end. With --explain, a readable report per
    paper instead: the mentions found, the focus per sentence, and for every
    number the rule that decided it and the mentions chosen. With -v, a summary (papers, claims, time)
    goes to stderr.
    """
    from leaderboard.cli.progress import input_bytes, rates
    from leaderboard.export.claims import ClaimWriter
    from leaderboard.extract import explain_report
    from leaderboard.store.batch import with_claims

    paths, failed = _expand(inputs)
    started, papers, claims_written = time.monotonic(), 0, 0
    with text_output(output) as out, _pool(jobs) as pool:
        writer = ClaimWriter(out, out_format)
        for path in paths:
            try:
                for paper, claims in with_claims(iter_papers(path, input_format), pool):
                    if explain:
                        out.write(f"paper {paper.id}\n{explain_report(paper.abstract, paper.title)}\n")
                    else:
                        writer.write(paper.id, claims)
                    papers, claims_written = papers + 1, claims_written + len(claims)
            except BrokenPipeError:
                # The reader went away (`... | head`): stop quietly, as Unix tools do.
                _silence_stdout()
                return
            except (IngestError, OSError) as exc:
                failed += 1
                typer.echo(f"error: {_file_error(path, exc)}", err=True)
    read = input_bytes([p for p in paths if os.path.isfile(p)]) or 0
    log.debug(
        f"papers: {papers} read; claims: {claims_written}; {rates(time.monotonic() - started, papers, read)}"
    )
    if failed:
        raise typer.Exit(code=1)


def _silence_stdout() -> None:
    # Python would otherwise report the broken pipe again when it flushes stdout at exit.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
