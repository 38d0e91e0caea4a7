"""Commands that read papers: `leaderboard ingest` and `leaderboard extract`."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from leaderboard.cli.common import app, fail, first_line, is_stdout, open_database, text_output
from leaderboard.cli.options import ClaimsFormat, DbOption, OutputOption, a_job_count
from leaderboard.error_lines import ErrorLines
from leaderboard.ingest import FORMATS, IngestError, expand_paths, iter_papers
from leaderboard.ingest.names import source_name
from leaderboard.terminal import printable

if TYPE_CHECKING:
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
JobsOption = Annotated[
    int, typer.Option("--jobs", "-j", min=1, callback=a_job_count, help="Extractor processes.")
]


def _stderr_line(line: str) -> None:
    typer.echo(line, err=True)


def _expand(inputs: list[str], errors: ErrorLines) -> list[str]:
    """The files to read; a named input that is missing, or a folder inside one that cannot
    be listed, is reported like a bad file."""
    files = []
    for name in inputs:
        try:
            files.extend(expand_paths([name], on_error=lambda e: errors.report(e.source, str(e))))
        except (IngestError, OSError) as exc:
            errors.report(source_name(name), _file_error(name, exc))
    return files


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
    from leaderboard.workers import extractor_pool

    errors = ErrorLines(_stderr_line)
    paths = _expand(inputs, errors)
    failed = errors.count
    totals, ok = StoreStats(), 0
    progress = BytesProgress(input_bytes(paths))
    with open_database(db_url) as engine, extractor_pool(jobs) as pool, progress:
        errors.echo = progress.note
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
                errors.report(source_name(path), f"{_file_error(path, exc.error)}{_kept_note(exc.kept)}")
            else:
                ok += 1
                totals.merge(stats)
        errors.finish()
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
    from sqlalchemy.exc import SQLAlchemyError

    if isinstance(exc, IngestError):
        return str(exc)
    name = printable(source_name(path))
    if isinstance(exc, OSError):
        return f"{name}: {exc.strerror or exc}"
    if isinstance(exc, SQLAlchemyError):
        return f"{name}: database: {first_line(exc)}"
    return f"{name}: unexpected {type(exc).__name__}: {first_line(exc)} (please report it)"


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
    from leaderboard.workers import extractor_pool

    errors = ErrorLines(_stderr_line)
    paths = _expand(inputs, errors)
    failed = errors.count
    started, papers, claims_written = time.monotonic(), 0, 0
    with text_output(output) as out, extractor_pool(jobs) as pool:
        with _writing(output):
            writer = ClaimWriter(out, out_format)
        for path in paths:
            try:
                for paper, claims in with_claims(iter_papers(path, input_format), pool):
                    with _writing(output):
                        if explain:
                            out.write(f"paper {paper.id}\n{explain_report(paper.abstract, paper.title)}\n")
                        else:
                            writer.write(paper.id, claims)
                    papers, claims_written = papers + 1, claims_written + len(claims)
            except BrokenPipeError:
                # The reader went away (`... | head`): stop quietly, as Unix tools do.
                _silence_stdout()
                return
            except typer.Exit:  # the output failed: no file after it can be written either
                raise
            except Exception as exc:  # as in ingest: one file's trouble never stops the others
                failed += 1
                errors.report(source_name(path), _file_error(path, exc))
        with _writing(output):
            out.flush()
    errors.finish()
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


@contextlib.contextmanager
def _writing(output: Path | str | None) -> Iterator[None]:
    """Output that cannot be written (a full disk: `-o /dev/full`) ends the command with one line
    naming the output, never blamed on the input being read."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        name = "standard output" if is_stdout(output) else printable(str(output))
        raise fail(f"{name}: {exc.strerror or exc}") from None
