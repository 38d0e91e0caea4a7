"""Commands that read papers: `leaderboard ingest` and `leaderboard extract`."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Annotated, Literal, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy.exc import SQLAlchemyError

from leaderboard import db
from leaderboard.cli.common import app, fail, first_line, open_database
from leaderboard.cli.options import DbOption, a_job_count
from leaderboard.error_lines import ErrorLines
from leaderboard.export.claims import OUTPUT_FORMATS, ClaimWriter
from leaderboard.ingest import FORMATS, IngestError, expand_paths, iter_papers
from leaderboard.ingest.names import source_name
from leaderboard.store.batch import with_claims
from leaderboard.store.papers import StoreStats
from leaderboard.store.pipeline import COMMIT_EVERY, FileFailed, ingest_file
from leaderboard.terminal import printable
from leaderboard.workers import extractor_pool

InputsArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="PATH...", help="Files or folders (read recursively); '-' reads stdin.", show_default=False
    ),
]
# Literal of a runtime tuple: Typer turns it into a choice; keeps the names in one place.
InputFormat = Literal[FORMATS]  # type: ignore[valid-type]
OutputFormat = Literal[OUTPUT_FORMATS]  # type: ignore[valid-type]
INPUT_FORMAT_HELP = "Input format (default: detected from name and content)."
JobsOption = Annotated[
    int, typer.Option("--jobs", "-j", min=1, callback=a_job_count, help="Extractor processes.")
]


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


def _progress() -> Progress:
    console = Console(stderr=True)
    return Progress(
        TextColumn("{task.description:<6}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=not console.is_terminal,
    )


def _report(progress: Progress, line: str) -> None:
    """Print a line on stderr above a live progress display, or plainly when there is none."""
    if progress.disable:
        typer.echo(line, err=True)
    else:
        progress.console.print(line, markup=False, highlight=False, emoji=False, soft_wrap=True)


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
    """
    errors = ErrorLines(partial(typer.echo, err=True))
    paths = _expand(inputs, errors)
    failed = errors.count
    totals, ok = StoreStats(), 0
    with open_database(db_url) as engine, extractor_pool(jobs) as pool, _progress() as progress:
        errors.echo = partial(_report, progress)
        sessions = db.make_sessionmaker(engine)
        files_task = progress.add_task("files", total=len(paths))
        papers_task = progress.add_task("papers", total=None)
        for path in paths:
            try:
                stats = ingest_file(
                    sessions,
                    path,
                    fmt,
                    pool,
                    jobs=jobs,
                    commit_every=commit_every,
                    on_papers=lambda n: progress.advance(papers_task, n),
                )
            except FileFailed as exc:
                failed += 1
                totals.merge(exc.kept)
                errors.report(source_name(path), f"{_file_error(path, exc.error)}{_kept_note(exc.kept)}")
            else:
                ok += 1
                totals.merge(stats)
            progress.advance(files_task)
        errors.finish()
    typer.echo(
        f"files: {ok} ok, {failed} failed; "
        f"papers: {totals.papers_new + totals.papers_seen} read, {totals.papers_new} new, "
        f"{totals.papers_seen} seen; "
        f"claims: {totals.claims_stored} stored"
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
    name = printable(source_name(path))
    if isinstance(exc, OSError):
        return f"{name}: {exc.strerror or exc}"
    if isinstance(exc, SQLAlchemyError):
        return f"{name}: database: {first_line(exc)}"
    return f"{name}: unexpected {type(exc).__name__}: {first_line(exc)} (please report it)"


@app.command()
def extract(
    inputs: InputsArgument,
    out_format: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", dir_okay=False, help="Write here instead of stdout.")
    ] = None,
    input_format: Annotated[
        InputFormat | None, typer.Option("--input-format", "-f", help=INPUT_FORMAT_HELP)
    ] = None,
    jobs: JobsOption = 1,
) -> None:
    """Run the extractor without a database: one claim per line (JSONL) or row (CSV).

    Fields are those of claims-spec.md plus paper_id; in CSV the span is two
    columns, span_start and span_end.
    """
    errors = ErrorLines(partial(typer.echo, err=True))
    paths = _expand(inputs, errors)
    failed = errors.count
    with _output(output) as out, extractor_pool(jobs) as pool:
        with _writing(output):
            writer = ClaimWriter(out, out_format)
        for path in paths:
            try:
                for paper, claims in with_claims(iter_papers(path, input_format), pool):
                    with _writing(output):
                        writer.write(paper.id, claims)
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
    if failed:
        raise typer.Exit(code=1)


def _silence_stdout() -> None:
    # Python would otherwise report the broken pipe again when it flushes stdout at exit.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


@contextlib.contextmanager
def _writing(output: Path | None) -> Iterator[None]:
    """Output that cannot be written (a full disk: `-o /dev/full`) ends the command with one line
    naming the output, never blamed on the input being read."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        name = "standard output" if output is None else printable(str(output))
        raise fail(f"{name}: {exc.strerror or exc}") from None


@contextlib.contextmanager
def _output(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    try:
        out = path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise fail(f"{printable(str(path))}: {exc.strerror}") from None
    try:
        yield out
    finally:
        # The command flushed what it wrote (inside `_writing`); after a failure reported there,
        # closing would fail on the same unwritten bytes and say so a second time.
        with contextlib.suppress(OSError):
            out.close()
