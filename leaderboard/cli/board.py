"""Leaderboard commands: `benchmarks`, `show`, `compare`, `disagreements`, `sota`, `export`.

Tables print with rich; `export` writes CSV, JSON or Parquet through
leaderboard.export with the column names documented in the README.
"""

from __future__ import annotations

import contextlib
import io
import logging
import math
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from leaderboard.cli.common import (
    app,
    binary_output,
    fail,
    is_stdout,
    open_session,
)
from leaderboard.cli.options import DbOption, ExportFormat, OutputOption, a_limit
from leaderboard.errors import LeaderboardError
from leaderboard.ids import parse_hash_id

if TYPE_CHECKING:
    import pandas as pd
    from rich.console import Console
    from sqlalchemy.orm import Session

    from leaderboard.cli.tables import PlainTable

log = logging.getLogger("leaderboard.cli")
MetricOption = Annotated[
    str | None, typer.Option("--metric", "-m", help="Metric name or alias (default: the most reported one).")
]
ConditionOption = Annotated[
    str | None,
    typer.Option(
        "--condition",
        "-c",
        help="Keep one condition, e.g. 'zero-shot', '5-shot; split=test', 'none' (default: all, apart).",
    ),
]
AcceptedOption = Annotated[
    bool, typer.Option("--accepted-only", help="Count only claims a person accepted or corrected.")
]
LimitOption = Annotated[
    int, typer.Option("--limit", "-n", min=1, callback=a_limit, help="Rows to show at most.")
]
# Long text cells are cut in terminal tables; exports keep them whole.
TITLE_WIDTH = 60
EVIDENCE_MIN_WIDTH = 150
WIDE_COLUMN = 70
PIPED_WIDTH = 240


@contextlib.contextmanager
def _session(db_url: str | None) -> Iterator[Session]:
    """A session on the migrated database; an unknown name becomes one `error:` line."""
    from leaderboard import queries

    with open_session(db_url) as session:
        try:
            yield session
        except queries.UnknownEntityError as exc:
            raise fail(str(exc.args[0])) from None


def _console() -> Console:
    from leaderboard.cli.tables import table_console

    return table_console(PIPED_WIDTH)


def _table(title: str, *columns: str) -> PlainTable:
    """A table for the terminal. A column named '<x' is free text: cut at WIDE_COLUMN characters
    and, in a narrow terminal, wrapped (rich narrows wrapping columns first, so the short
    columns keep their room); the other columns stay on one line."""
    from leaderboard.cli.tables import PlainTable

    table = PlainTable(title=title, title_justify="left")
    for column in columns:
        wide = column.startswith("<")
        table.add_column(
            column.lstrip("<"),
            no_wrap=not wide,
            overflow="fold" if wide else "ellipsis",
            max_width=WIDE_COLUMN if wide else None,
        )
    return table


def _cell(value) -> str:
    import pandas as pd  # only when a table is printed: --help stays free of pandas

    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _cut(text, width: int = TITLE_WIDTH) -> str:
    text = _cell(text)
    return text if len(text) <= width else text[: width - 1] + "…"


@app.command("benchmarks")
def benchmarks_command(
    all_: Annotated[
        bool, typer.Option("--all", help="Also list registry benchmarks with no claims.")
    ] = False,
    limit: LimitOption = 100,
    db_url: DbOption = None,
) -> None:
    """List benchmarks with their claim counts, most claims first (#id works wherever a name does)."""
    from leaderboard import queries

    with _session(db_url) as session:
        df = queries.benchmarks(session, include_empty=all_)
    real, junk = df[df["not_entity"].isna()], df[df["not_entity"].notna()]
    table = _table("Benchmarks", "id", "<benchmark", "<task", "claims")
    for row in real.head(limit).itertuples(index=False):
        table.add_row(f"#{row.benchmark_id}", row.benchmark, _cell(row.task), str(row.claims))
    console = _console()
    console.print(table)
    if len(real) > limit:
        log.info(f"... {len(real) - limit} more (--limit)")
    if not junk.empty:
        # Phrases the extractor took for benchmarks ("11 datasets", "1-shot"): no board, claims kept.
        apart = _table(
            "Not benchmarks (no board; claims kept for review and export)", "id", "<name", "why", "claims"
        )
        for row in junk.head(limit).itertuples(index=False):
            apart.add_row(f"#{row.benchmark_id}", row.benchmark, row.not_entity, str(row.claims))
        console.print(apart)
        if len(junk) > limit:
            log.info(f"... {len(junk) - limit} more (--limit)")


@app.command("show")
def show_command(
    benchmark: Annotated[str, typer.Argument(help="Benchmark name, alias or id.")],
    metric: MetricOption = None,
    condition: ConditionOption = None,
    accepted_only: AcceptedOption = False,
    limit: LimitOption = 50,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="As it stood then (YYYY-MM-DD), from the audit log.")
    ] = None,
    db_url: DbOption = None,
) -> None:
    """Print the leaderboard of a benchmark: each model's best score, one table per condition."""
    from leaderboard import queries, review

    with _session(db_url) as session:
        if as_of:  # leaderboard.review rebuilds the claims of that date
            df = review.leaderboard_as_of(
                session, _id_or_name(benchmark), metric, as_of, condition, accepted_only
            )
        else:
            df = queries.leaderboard(
                session, _id_or_name(benchmark), metric, condition=condition, accepted_only=accepted_only
            )
    attrs = df.attrs
    heading = f"{attrs['benchmark']} · {attrs['metric']} ({_better(attrs['direction'])})"
    if df.empty:
        log.info(f"{heading}: no ranked scores")
        return
    console = _console()
    # The evidence sentence needs room; a narrow terminal shows the rest (exports always have it).
    evidence = ["<evidence"] if console.width >= EVIDENCE_MIN_WIDTH else []
    for key, rows in df.groupby("condition", sort=True):
        title = f"{heading} · condition: {key or 'none'}"
        columns = [
            "#",
            "model",
            "score",
            "as written",
            "papers",
            "spread",
            "status",
            "<paper",
            "date",
            "link",
        ]
        table = _table(title, *columns, *evidence)
        for row in rows.head(limit).itertuples(index=False):
            written = f"{_cell(row.value)}{row.unit if isinstance(row.unit, str) else ''}"
            cells = [
                _cell(row.rank) or "-",
                _cut(row.model, 32),
                _cell(row.score),
                written,
                str(row.n_papers),
                _cell(row.spread),
                row.status,
                _cut(row.paper_title),
                _cell(row.paper_date),
                _cell(row.arxiv_url),
            ]
            table.add_row(*cells, *([_cut(row.evidence, WIDE_COLUMN)] if evidence else []))
        console.print(table)


def _better(direction: str) -> str:
    if direction in ("higher", "lower"):
        return f"{direction} is better"
    # Never guessed: a person sets it (`leaderboard registry direction METRIC higher|lower`).
    return "direction unknown: unranked; set it with `leaderboard registry direction`"


@app.command("compare")
def compare_command(
    model: Annotated[str, typer.Argument(help="Model name, alias or id.")],
    benchmark: Annotated[str, typer.Argument(help="Benchmark name, alias or id.")],
    metric: Annotated[str | None, typer.Option("--metric", "-m", help="Only this metric.")] = None,
    db_url: DbOption = None,
) -> None:
    """Every value any paper reported for MODEL on BENCHMARK, including as a quoted baseline."""
    from leaderboard import queries

    with _session(db_url) as session:
        df = queries.compare(session, _id_or_name(model), _id_or_name(benchmark), metric)
    if df.empty:
        log.info(f"no values reported for {model} on {benchmark}")
        return
    title = f"{df['model'].iloc[0]} on {df['benchmark'].iloc[0]}: {df['paper_id'].nunique()} paper(s)"
    table = _table(
        title, "metric", "condition", "score", "as written", "role", "status", "<paper", "date", "claim"
    )
    for row in df.itertuples(index=False):
        role = row.role if row.role == "result" else f"baseline of {_cell(row.reported_with) or '?'}"
        flag = f" ({row.value_flag})" if isinstance(row.value_flag, str) else ""
        table.add_row(
            _cell(row.metric),
            row.condition or "none",
            _cell(row.score) + flag,
            f"{_cell(row.value)}{row.unit if isinstance(row.unit, str) else ''}",
            role,
            row.status,
            _cut(row.paper_title or row.paper_id),
            _cell(row.paper_date),
            str(row.claim_id),
        )
    _console().print(table)


@app.command("disagreements")
def disagreements_command(
    limit: LimitOption = 20,
    order: Annotated[
        Literal["gap", "relative"], typer.Option("--order", help="Rank by absolute gap or by relative gap.")
    ] = "gap",
    db_url: DbOption = None,
) -> None:
    """List the largest gaps between what different papers report for the same model, benchmark,
    metric and condition."""
    from leaderboard import queries

    with _session(db_url) as session:
        df = queries.disagreements(session, limit=limit, order=order)
    if df.empty:
        log.info("no disagreements: no model has different values from two papers")
        return
    table = _table(
        "Disagreements between papers",
        "model",
        "benchmark",
        "metric",
        "condition",
        "papers",
        "low",
        "high",
        "gap",
        "rel.",
        "low paper",
        "high paper",
    )
    for row in df.itertuples(index=False):
        table.add_row(
            _cut(row.model, 28),
            _cut(row.benchmark, 28),
            _cut(row.metric, 24),
            row.condition or "none",
            str(row.n_papers),
            _cell(row.low),
            _cell(row.high),
            _cell(row.gap),
            f"{row.relative_gap:.0%}",
            _cell(row.low_paper_id),
            _cell(row.high_paper_id),
        )
    _console().print(table)


@app.command("sota")
def sota_command(
    benchmark: Annotated[str, typer.Argument(help="Benchmark name, alias or id.")],
    metric: MetricOption = None,
    condition: ConditionOption = None,
    db_url: DbOption = None,
) -> None:
    """State of the art over time: each score that beat every earlier one, by paper date."""
    from leaderboard import queries

    with _session(db_url) as session:
        df = queries.sota_over_time(session, _id_or_name(benchmark), metric, condition)
    heading = f"{df.attrs['benchmark']} · {df.attrs['metric']}: state of the art by paper date"
    if df.attrs["direction"] not in ("higher", "lower"):
        typer.echo(
            f"{heading}: direction unknown, so no score beats another; "
            "set it with `leaderboard registry direction`"
        )
        return
    if df.empty:
        log.info(f"{heading}: no dated scores")
        return
    table = _table(heading, "condition", "date", "model", "score", "<paper", "link")
    for row in df.itertuples(index=False):
        table.add_row(
            row.condition or "none",
            _cell(row.paper_date),
            _cut(row.model, 32),
            _cell(row.score),
            _cut(row.paper_title),
            _cell(row.arxiv_url),
        )
    _console().print(table)


@app.command("export")
def export_command(
    benchmark: Annotated[
        str | None, typer.Option("--benchmark", "-b", help="Export this leaderboard.")
    ] = None,
    metric: MetricOption = None,
    condition: ConditionOption = None,
    accepted_only: AcceptedOption = False,
    claims: Annotated[bool, typer.Option("--claims", help="Export claims (filters below apply).")] = False,
    disagreements: Annotated[
        bool, typer.Option("--disagreements", help="Export the disagreements report.")
    ] = False,
    model: Annotated[
        str | None, typer.Option("--model", help="Claims: of this model (or quoting it).")
    ] = None,
    status: Annotated[str | None, typer.Option("--status", help="Claims: with this review status.")] = None,
    paper: Annotated[str | None, typer.Option("--paper", help="Claims: of this paper id.")] = None,
    rule: Annotated[str | None, typer.Option("--rule", help="Claims: found by this extractor rule.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="Claims: score, delta or efficiency.")] = None,
    min_confidence: Annotated[
        float | None, typer.Option("--min-confidence", help="Claims: at least.")
    ] = None,
    max_confidence: Annotated[float | None, typer.Option("--max-confidence", help="Claims: at most.")] = None,
    search: Annotated[str | None, typer.Option("--search", help="Claims: text in evidence or names.")] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=1, callback=a_limit, help="Rows at most.")
    ] = None,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = "csv",
    output: OutputOption = None,
    review_sheet: Annotated[
        bool, typer.Option("--review", help="The review spreadsheet (ids, versions) for `import-review`.")
    ] = False,
    db_url: DbOption = None,
) -> None:
    """Write a leaderboard (--benchmark B), claims (--claims, filtered by --benchmark, --metric,
    --model and the rest) or the disagreements report (--disagreements) as CSV, JSON, JSON Lines,
    Parquet, the Papers-with-Code layout (pwc) or Hugging Face Hub evaluation results
    (hf-model-index: a model card's model-index; hf-eval-results: an .eval_results file of one
    model, for benchmarks with a Hub dataset id)."""
    from leaderboard import queries
    from leaderboard.export.tables import writer_for

    if review_sheet:  # filters as for `review queue`
        filters = {"status": status, "paper": paper, "rule": rule, "benchmark": benchmark}
        filters |= {"min_confidence": min_confidence, "max_confidence": max_confidence, "limit": limit}
        return _export_review_sheet(db_url, output, fmt, **filters)
    if claims and disagreements:
        raise fail("choose what to export: --benchmark B (a leaderboard), --claims or --disagreements")
    if not (benchmark or claims or disagreements):
        raise fail("choose what to export: --benchmark B (a leaderboard), --claims or --disagreements")
    if is_stdout(output) and fmt == "parquet" and sys.stdout.isatty():
        raise fail("parquet is binary: give a file with -o FILE, or -o - into a pipe")
    with _session(db_url) as session:
        if claims:
            df = queries.claims(
                session,
                benchmark=_id_or_name(benchmark) if benchmark else None,
                metric=metric,
                model=model,
                status=status,
                paper=paper,
                rule=rule,
                kind=kind,
                condition=condition,
                min_confidence=min_confidence,
                max_confidence=max_confidence,
                search=search,
                limit=limit,
            )
        elif disagreements:
            df = queries.disagreements(session, limit=limit or 50)
        else:
            df = queries.leaderboard(session, _id_or_name(benchmark), metric, condition, accepted_only)
            df = df.head(limit) if limit else df
        if writer_for(fmt).needs_benchmark_details:
            df = queries.with_benchmark_details(session, df)
    _write(df, output, fmt)


def _write(df: pd.DataFrame, output: Path | None, fmt: str) -> None:
    from leaderboard.export.tables import write_table, writer_for

    try:
        if is_stdout(output):
            if writer_for(fmt).binary:
                with binary_output(output) as out:
                    write_table(df, out, fmt)
                return
            buffer = io.StringIO()
            write_table(df, buffer, fmt)
            text = buffer.getvalue()
            typer.echo(text, nl=not text.endswith("\n"))  # JSON ends without one
            return
        write_table(df, output, fmt)
    except OSError as exc:
        raise fail(f"{output}: {exc.strerror or exc}") from None
    except LeaderboardError as exc:  # rows the format cannot hold (the Hub formats)
        raise fail(str(exc)) from None
    log.info(f"wrote {len(df)} rows to {output}")


def _id_or_name(text: str) -> str | int:
    """'#12' names entity 12; anything else is a name or alias."""
    hash_id = parse_hash_id(text)
    return text if hash_id is None else hash_id


def _export_review_sheet(db_url: str | None, output: Path | None, fmt: str = "csv", **filters) -> None:
    """`leaderboard export --review`: the review spreadsheet (CSV) to a file, or stdout without one.

    `filters` as for `leaderboard.review.review_queue` (status, paper, rule, benchmark, confidences).
    """
    from leaderboard import review

    if fmt != "csv":
        raise fail("the review spreadsheet is CSV only (drop --format)")
    with open_session(db_url) as session:
        if is_stdout(output):
            buffer = io.StringIO()
            rows = review.export_review_csv(session, buffer, **filters)
            typer.echo(buffer.getvalue(), nl=False)
            return
        try:
            rows = review.export_review_csv(session, output, **filters)
        except OSError as exc:
            raise fail(f"{output}: {exc.strerror or exc}") from None
    log.info(f"wrote {rows} claim(s) to {output}")
