"""Access: the database password never shows, and every person's change needs a reviewer name.

Every CLI command that takes `--db` is run against a database that cannot
be reached (and one that cannot be opened), given by option and by
environment: each ends in one `error:` line without the password. Every
dashboard page does the same on that database. Every command that takes
`--reviewer` refuses to run without one and leaves the database unchanged.
"""

from __future__ import annotations

import json
import os

import pytest
import typer
from robust_support import canonical_dump
from sqlalchemy.engine import make_url

from leaderboard.cli import app
from leaderboard.settings import DB_ENV_VAR

PASSWORD = "s3cretpw"
UNREACHABLE = f"postgresql+psycopg://postgres:{PASSWORD}@127.0.0.1:1/x"
# SQLite has no password, but a URL may still carry one; the folder does not exist.
UNOPENABLE = f"sqlite://user:{PASSWORD}@/no/such/folder/x.db"
# libpq takes the password as a query parameter too; SQLAlchemy's own masking misses it there.
QUERY_PASSWORD = f"postgresql+psycopg://postgres@127.0.0.1:1/x?password={PASSWORD}"
# No URL at all: it cannot be parsed, so nothing knows where its password is but the shape.
UNPARSABLE = f"alice:{PASSWORD}@host/x"
# Parsed far enough to fail on the port, which is no number.
BAD_PORT = f"postgresql+psycopg://alice:{PASSWORD}@host:port/x"
URLS = {
    "pg-unreachable": UNREACHABLE,
    "sqlite-unopenable": UNOPENABLE,
    "query-password": QUERY_PASSWORD,
    "unparsable": UNPARSABLE,
    "bad-port": BAD_PORT,
}
REVIEWER_ENV_VAR = "LEADERBOARD_REVIEWER"
PG_URL = os.environ.get("LEADERBOARD_TEST_PG_URL")


def commands() -> dict:
    """Every CLI command by its full name ('review accept')."""
    root = typer.main.get_command(app)
    found: dict = {}

    def walk(command, path: list[str]) -> None:
        # Typer ships its own copy of Click, so groups are told by what they can do.
        if hasattr(command, "list_commands"):
            for name in command.list_commands(None):
                walk(command.get_command(None, name), [*path, name])
        else:
            found[" ".join(path)] = command

    walk(root, [])
    return found


# Values for required parameters that need a particular shape; any other gets "1".
PLACEHOLDERS = {"kind": "model", "direction": "higher", "revision": "base"}
FILE_PARAMETERS = {"inputs", "path"}


def placeholder_args(command, a_file: str) -> list[str]:
    """Values for the command's required parameters, valid in form but naming nothing that exists."""
    args: list[str] = []
    for param in command.params:
        if not param.required:
            continue
        value = a_file if param.name in FILE_PARAMETERS else PLACEHOLDERS.get(param.name, "1")
        if param.param_type_name == "option":
            args += [param.opts[0], value]
        else:
            args.append(value)
    return args


DB_COMMANDS = sorted(
    name for name, command in commands().items() if any(p.name == "db_url" for p in command.params)
)
assert DB_COMMANDS, "no command takes --db: commands() found none"


@pytest.fixture
def no_exec(monkeypatch):
    """`leaderboard dashboard` would become Streamlit on a good database; here it must stop at the error."""

    def refuse(*args, **kwargs):
        raise AssertionError("the dashboard started on a database that cannot be opened")

    monkeypatch.setattr(os, "execve", refuse)


@pytest.mark.parametrize("url", list(URLS.values()), ids=list(URLS))
@pytest.mark.parametrize("name", DB_COMMANDS)
def test_no_command_shows_the_database_password(runner, tmp_path, monkeypatch, no_exec, name, url):
    a_file = tmp_path / "papers.jsonl"
    a_file.write_text(json.dumps({"id": "p", "abstract": "We reach 91.5% on X."}) + "\n")
    args = [*name.split(), *placeholder_args(commands()[name], str(a_file))]
    monkeypatch.setenv(REVIEWER_ENV_VAR, "ann")
    results = [runner.invoke(app, [*args, "--db", url])]
    if url in (UNREACHABLE, QUERY_PASSWORD):  # the same URL given by the environment instead
        monkeypatch.setenv(DB_ENV_VAR, url)
        results.append(runner.invoke(app, args))
    for result in results:
        assert result.exit_code == 1, result.output
        assert PASSWORD not in result.output
        assert not isinstance(result.exception, AssertionError), result.exception
        [line] = result.stderr.splitlines()
        assert line.startswith("error: ")
        assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("url", "shown_as"),
    [
        (UNREACHABLE, "postgresql+psycopg://postgres:***@127.0.0.1:1/x"),
        (QUERY_PASSWORD, "postgresql+psycopg://postgres@127.0.0.1:1/x?password=***"),
    ],
    ids=["in-userinfo", "query-parameter"],
)
def test_no_dashboard_page_shows_the_database_password(monkeypatch, url, shown_as):
    """Pages on a database that cannot be reached (so each shows whatever error it shows)."""
    from dashboard_support import APP, TIMEOUT
    from streamlit.testing.v1 import AppTest

    from dashboard import data

    monkeypatch.setenv(DB_ENV_VAR, url)
    monkeypatch.delenv("LEADERBOARD_REVIEW_PASSWORD", raising=False)
    data.clear()
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    # The router's own page, and the pages that write or download; the others fail the same way.
    for page in [None, "views/review.py", "views/export.py", "views/papers.py"]:
        if page is not None:
            at.switch_page(page).run()
        # Without backslashes: Markdown escapes the URL's punctuation.
        shown = "\n".join(str(node.proto) for node in walk_elements(at._tree)).replace("\\", "")
        assert "127.0.0.1:1" in shown, f"{page}: the page does not name its database"
        assert PASSWORD not in shown, page
        # One line saying what is wrong, not a traceback.
        assert not at.exception, page
        [error] = at.error
        assert error.value.startswith(f"database {shown_as}: "), error.value


def walk_elements(node):
    proto = getattr(node, "proto", None)
    if proto is not None:
        yield node
    for child in getattr(node, "children", {}).values():
        yield from walk_elements(child)


# --- a person's change needs a name ------------------------------------------------

REVIEWED_COMMANDS = sorted(
    name for name, command in commands().items() if any(p.name == "reviewer" for p in command.params)
)


@pytest.fixture(scope="module")
def seeded_url(tmp_path_factory) -> str:
    """A database with papers, claims and the registry, so write commands have real things to change."""
    from dashboard_support import SEED_FILES, ingest

    url = f"sqlite:///{tmp_path_factory.mktemp('access') / 'seed.db'}"
    ingest(url, *SEED_FILES[:2])
    return url


def test_write_commands_are_the_ones_that_take_a_reviewer():
    # A new command that changes what people curate must take --reviewer; list it here.
    assert sorted(WRITE_ARGS) == REVIEWED_COMMANDS


WRITE_ARGS = {
    "review accept": ["1"],
    "review reject": ["1"],
    "review edit": ["1", "--value", "50"],
    "review add": ["PAPER", "--evidence", "EVIDENCE", "--value", "1"],
    "revert": ["1"],
    "import-review": ["REVIEW_FILE"],
    "registry merge": ["model", "GPT-4", "GPT4"],
    "registry split": ["model", "GPT4"],
    "registry alias": ["model", "GPT-4", "gpt four"],
    "registry direction": ["perplexity", "higher"],
    "registry dismiss": ["model", "GPT-4", "GPT-4o"],
    "registry not-entity": ["model", "GPT-4"],
}


@pytest.mark.parametrize("name", sorted(WRITE_ARGS))
def test_write_command_without_a_reviewer_is_refused_and_changes_nothing(
    runner, seeded_url, tmp_path, monkeypatch, name
):
    monkeypatch.delenv(REVIEWER_ENV_VAR, raising=False)
    review_file = tmp_path / "review.csv"
    review_file.write_text("claim_id,status\n1,accepted\n")
    before = canonical_dump(seeded_url)
    paper = before["papers"][0][0]
    filled = {"PAPER": paper, "REVIEW_FILE": str(review_file), "EVIDENCE": "x"}
    args = [filled.get(arg, arg) for arg in WRITE_ARGS[name]]
    result = runner.invoke(app, [*name.split(), *args, "--db", seeded_url])
    assert (result.exit_code, result.stdout) == (1, ""), result.output
    [line] = result.stderr.splitlines()
    # The same line, with the way to give one, from every command.
    assert line == "error: a reviewer name is required: --reviewer NAME or $LEADERBOARD_REVIEWER", line
    assert canonical_dump(seeded_url) == before


@pytest.mark.skipif(not PG_URL, reason="LEADERBOARD_TEST_PG_URL not set")
def test_a_reachable_server_refusing_the_database_does_not_show_the_password(runner):
    url = make_url(PG_URL).set(password=PASSWORD, database="no_such_database_here")
    result = runner.invoke(app, ["benchmarks", "--db", url.render_as_string(hide_password=False)])
    assert result.exit_code == 1
    assert PASSWORD not in result.output
    [line] = result.stderr.splitlines()
    assert line.startswith("error: database postgresql+psycopg://") and "***" in line
