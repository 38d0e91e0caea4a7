"""Commands that speak other projects' formats: `import-pwc` (Papers-with-Code evaluation tables)
and `load-claims` (claims parts written by a cluster run, `leaderboard.cluster`).

Heavy modules are imported inside the commands, so `leaderboard --help` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from leaderboard.cli.common import app, first_line, open_database
from leaderboard.cli.options import DbOption

# Problems shown per file; the rest are counted on one more line.
SHOWN_PROBLEMS = 20


@app.command("import-pwc")
def import_pwc(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE...", help="Evaluation-tables JSON files, or folders of *.json.", show_default=False
        ),
    ],
    db_url: DbOption = None,
) -> None:
    """Import Papers-with-Code evaluation tables: each metric value becomes a claim (origin
    'imported') of the paper its row cites, remembering the file and JSON path it came from.

    Each file is one transaction. A cell that is not a number ("Please tell us") is reported as
    `error: FILE: JSON path: ...` and left out; the rest of the file is stored. Importing a file
    again adds nothing. The exit code is 1 when anything was reported.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from leaderboard import db
    from leaderboard.imports import PwcFileError, read_pwc, store_imported

    failed = problems = 0
    paths = [f for path in files for f in (sorted(path.glob("*.json")) if path.is_dir() else [path])]
    with open_database(db_url) as engine:
        sessions = db.make_sessionmaker(engine)
        for path in paths:
            try:
                read = read_pwc(path)
            except PwcFileError as exc:
                failed += 1
                typer.echo(f"error: {exc}", err=True)
                continue
            _report_problems(path, read.problems)
            problems += len(read.problems)
            with sessions() as session:
                try:
                    stats = store_imported(session, read.results)
                    session.commit()
                except SQLAlchemyError as exc:
                    session.rollback()
                    failed += 1
                    typer.echo(f"error: {path}: database: {first_line(exc)}", err=True)
                    continue
            typer.echo(
                f"{path}: {read.rows} rows; papers: {stats.papers_new} new, {stats.papers_seen} seen; "
                f"claims: {stats.claims_stored} stored, {stats.claims_seen} already stored; "
                f"left out: {read.empty_cells} empty cells, {len(read.problems)} unreadable, "
                f"{read.rows_without_source} rows naming neither model nor paper"
            )
    if failed or problems:
        raise typer.Exit(code=1)


def _report_problems(path: Path, problems: list[str]) -> None:
    for problem in problems[:SHOWN_PROBLEMS]:
        typer.echo(f"error: {path}: {problem}", err=True)
    if len(problems) > SHOWN_PROBLEMS:
        typer.echo(f"error: {path}: ... and {len(problems) - SHOWN_PROBLEMS} more", err=True)


@app.command("load-claims")
def load_claims(
    parts: Annotated[
        list[Path],
        typer.Argument(
            metavar="PART...",
            help="Claims part files (.jsonl or .parquet), or folders of them (a cluster run's output).",
            show_default=False,
        ),
    ],
    db_url: DbOption = None,
) -> None:
    """Store claims parts written by a cluster run (leaderboard.cluster.dask_extract): their papers
    and claims, as `ingest` would have stored them. Each part is one transaction; loading a part
    again changes nothing. A bad line is one `error: FILE:LINE: ...` and nothing of that part is
    kept; the other parts still go in."""
    from sqlalchemy.exc import SQLAlchemyError

    from leaderboard import db
    from leaderboard.cluster import read_part
    from leaderboard.ingest import IngestError
    from leaderboard.store.batch import batched
    from leaderboard.store.papers import BATCH_SIZE, StoreStats, store_papers

    files = [f for path in parts for f in (_part_files(path) if path.is_dir() else [path])]
    failed, totals = 0, StoreStats()
    with open_database(db_url) as engine:
        sessions = db.make_sessionmaker(engine)
        for path in files:
            stats = StoreStats()
            with sessions() as session:
                try:
                    for chunk in batched(read_part(path), BATCH_SIZE):
                        for version in dict.fromkeys(v for _, _, v in chunk):
                            items = [(paper, claims) for paper, claims, v in chunk if v == version]
                            store_papers(session, items, extractor_version=version, stats=stats)
                    session.commit()
                except (IngestError, OSError, SQLAlchemyError) as exc:
                    session.rollback()
                    failed += 1
                    reason = str(exc) if isinstance(exc, IngestError) else f"{path}: {first_line(exc)}"
                    typer.echo(f"error: {reason}", err=True)
                    continue
            totals.merge(stats)
    typer.echo(
        f"parts: {len(files) - failed} ok, {failed} failed; papers: {totals.papers_new} new, "
        f"{totals.papers_seen} seen; claims: {totals.claims_stored} stored"
    )
    if failed:
        raise typer.Exit(code=1)


def _part_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("part-*") if p.suffix in (".jsonl", ".parquet"))
