"""Shared fixtures: a database URL per backend, engines, and a CLI runner.

Every test that takes `db_url` (or a fixture built on it) runs on SQLite and,
when `LEADERBOARD_TEST_PG_URL` is set, on PostgreSQL too. Each PostgreSQL test
gets a schema of its own (search_path set in the URL, so tables and Alembic's
version table land there), which keeps tests and xdist workers apart.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool
from typer.testing import CliRunner

from leaderboard.db import make_engine, upgrade_to_head
from leaderboard.settings import DB_ENV_VAR

PG_URL = os.environ.get("LEADERBOARD_TEST_PG_URL")

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgresql",
        id="postgresql",
        marks=pytest.mark.skipif(not PG_URL, reason="LEADERBOARD_TEST_PG_URL not set"),
    ),
]


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[Engine]:
    engine = create_engine(PG_URL, poolclass=NullPool)
    yield engine
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path) -> Iterator[str]:
    """A URL to an empty database of its own."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    admin = request.getfixturevalue("pg_admin")
    # A schema name cannot be a bound parameter; this one is generated, never input.
    schema = admin.dialect.identifier_preparer.quote(f"t_{uuid.uuid4().hex}")
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))


@pytest.fixture
def engine(db_url) -> Iterator[Engine]:
    """An engine on the empty test database, disposed afterwards so no connection lingers."""
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def migrated_engine(engine) -> Engine:
    upgrade_to_head(engine)
    return engine


@pytest.fixture
def runner(monkeypatch, tmp_path) -> CliRunner:
    """A CLI runner in an empty working folder, unaffected by the caller's $LEADERBOARD_DB."""
    monkeypatch.delenv(DB_ENV_VAR, raising=False)
    monkeypatch.chdir(tmp_path)
    return CliRunner()
