"""Options several commands share, defined once: the database, the reviewer, the reason, and one
option per claim field (built from `records.CLAIM_FIELDS`, so a new field gets its option)."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar, get_type_hints

import typer

from leaderboard.cli.common import fail
from leaderboard.ids import MAX_INTEGER, fits_integer_column
from leaderboard.records import CLAIM_FIELDS
from leaderboard.settings import DB_ENV_VAR, DEFAULT_DB_URL

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help=f"Database URL (default: ${DB_ENV_VAR}, else {DEFAULT_DB_URL}).", show_default=False
    ),
]

REVIEWER_ENV_VAR = "LEADERBOARD_REVIEWER"
REVIEWER_REQUIRED = f"a reviewer name is required: --reviewer NAME or ${REVIEWER_ENV_VAR}"
ReviewerOption = Annotated[
    str | None,
    typer.Option(
        "--reviewer",
        "-r",
        envvar=REVIEWER_ENV_VAR,
        help=f"Who makes the change (required; default ${REVIEWER_ENV_VAR}).",
        show_default=False,
    ),
]
ReasonOption = Annotated[str | None, typer.Option("--reason", help="Why; kept in the audit log.")]
# Choices written out, not taken from the modules that own them (export.tables, export.claims,
# db.models): those import pandas or SQLAlchemy, which `leaderboard --help` must not wait for.
# tests/test_cli_startup.py checks that they agree.
ExportFormat = Literal["csv", "json", "jsonl", "parquet", "pwc", "hf-model-index", "hf-eval-results"]
ClaimsFormat = Literal["jsonl", "csv"]
EntityKind = Literal["benchmark", "metric", "model"]

# Every option that names an output file: `-` (or none) is stdout; write through
# common.text_output / common.binary_output.
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", dir_okay=False, help="Write here; '-' or none: stdout.", show_default=False
    ),
]


# What each claim field holds, for --help; keyed by the names in records.CLAIM_FIELDS.
FIELD_HELP = {
    "model": "The system the number belongs to",
    "benchmark": "Benchmark / dataset, without the split",
    "metric": "The measure",
    "value": "The number as reported",
    "value_high": "Upper end of a range",
    "unit": "%, x or points",
    "kind": "score, delta or efficiency",
    "baseline_model": "The system compared against",
    "baseline_value": "The compared-against number",
    "condition": "Split, shots, language, setting",
}

F = TypeVar("F", bound=Callable[..., Any])
KEYWORD_ONLY = inspect.Parameter.KEYWORD_ONLY


def field_option(name: str) -> Any:
    """The `--name` option of one claim field: text, '' clears the field."""
    flag = "--" + name.replace("_", "-")
    what = FIELD_HELP.get(name, name.replace("_", " ").capitalize())
    return Annotated[str | None, typer.Option(flag, help=f"{what} ('' clears it).", show_default=False)]


def claim_field_options(*, exclude: tuple[str, ...] = ()) -> Callable[[F], F]:
    """Give a command one option per claim field (but `exclude`), in place of its `fields`
    parameter, which receives the fields given on the command line as a dict."""

    def decorate(command: F) -> F:
        signature = inspect.signature(command)
        hints = get_type_hints(command, include_extras=True)
        names = [name for name in CLAIM_FIELDS if name not in exclude]
        parameters: list[inspect.Parameter] = []
        keyword_only = False
        for parameter in signature.parameters.values():
            if parameter.name == "fields":
                keyword_only = True
                parameters += [
                    inspect.Parameter(
                        name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=field_option(name)
                    )
                    for name in names
                ]
                continue
            kind = inspect.Parameter.KEYWORD_ONLY if keyword_only else parameter.kind
            parameters.append(
                parameter.replace(kind=kind, annotation=hints.get(parameter.name, parameter.annotation))
            )

        @functools.wraps(command)
        def run(*args: Any, **kwargs: Any) -> Any:
            given = {name: kwargs.pop(name) for name in names}
            fields = {name: text for name, text in given.items() if text is not None}
            return command(*args, fields=fields, **kwargs)

        run.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in parameters} | {"return": hints.get("return")}
        return run  # type: ignore[return-value]

    return decorate


# Bounds on the integers a command line gives, so that a huge one is one line, not a traceback:
# Click takes an integer of any size, and past 2**63 SQLite raised OverflowError and PostgreSQL a
# DataError. Ids and versions are checked against what every database's integer columns hold
# (`leaderboard.ids`); a limit beyond any table's size just means everything.
# More extractor processes than this is a typo: each one costs about 100 MB, and the
# pool keeps two batches per worker in flight.
MAX_JOBS = 256


def _name(param: typer.CallbackParam) -> str:
    if param.param_type_name == "option":
        return param.opts[0]
    return (param.metavar or param.name or "ID").rstrip(".")


def an_id(param: typer.CallbackParam, value: int | None) -> int | None:
    """Callback for an id or version: beyond what a database holds is one error line."""
    if value is not None and not fits_integer_column(value):
        raise fail(f"{_name(param)} {value}: beyond any id or version (at most {MAX_INTEGER:,})")
    return value


def each_an_id(param: typer.CallbackParam, values: list[int]) -> list[int]:
    """`an_id` for each of several ids."""
    for value in values:
        an_id(param, value)
    return values


def a_limit(value: int | None) -> int | None:
    """Callback for a row limit: any number past the largest table is the same as no limit."""
    return value if value is None else min(value, MAX_INTEGER)


def a_job_count(param: typer.CallbackParam, value: int) -> int:
    if value > MAX_JOBS:
        raise fail(f"{_name(param)} {value}: at most {MAX_JOBS} extractor processes")
    return value
