"""The migrations build exactly the schema the models describe, up and down again."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from leaderboard.db import Base, current_revision, downgrade, head_revision, upgrade, upgrade_to_head
from leaderboard.db.fulltext import include_name
from leaderboard.settings import DEFAULT_DB_URL, normalise_db_url, resolve_db_url

TABLES = {"papers", "paper_sources", "claims", "entities", "aliases", "merge_dismissals", "audit_log"}


def schema_diff(engine) -> list:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": include_name}
        )
        return compare_metadata(context, Base.metadata)


def test_migrations_match_models(migrated_engine):
    assert schema_diff(migrated_engine) == []


def test_upgrade_lands_at_head(migrated_engine):
    assert current_revision(migrated_engine) == head_revision()
    assert set(inspect(migrated_engine).get_table_names()) >= TABLES


def test_downgrade_to_base_and_up_again(migrated_engine):
    downgrade(migrated_engine, "base")
    assert current_revision(migrated_engine) is None
    assert set(inspect(migrated_engine).get_table_names()) & TABLES == set()
    upgrade(migrated_engine)
    assert schema_diff(migrated_engine) == []


def test_upgrade_to_head_twice_is_harmless(migrated_engine):
    upgrade_to_head(migrated_engine)
    assert current_revision(migrated_engine) == head_revision()


def test_every_constraint_is_named(migrated_engine):
    inspector = inspect(migrated_engine)
    for table in TABLES:
        names = [fk["name"] for fk in inspector.get_foreign_keys(table)]
        names += [uq["name"] for uq in inspector.get_unique_constraints(table)]
        names += [ix["name"] for ix in inspector.get_indexes(table)]
        assert all(names), f"{table}: unnamed constraint in {names}"


@pytest.mark.parametrize(
    ("explicit", "env", "expected"),
    [
        pytest.param("sqlite:///x.db", "sqlite:///env.db", "sqlite:///x.db", id="option-wins"),
        pytest.param(None, "sqlite:///env.db", "sqlite:///env.db", id="env-next"),
        pytest.param(None, None, DEFAULT_DB_URL, id="default-last"),
        pytest.param("postgresql://u@h/d", None, "postgresql+psycopg://u@h/d", id="plain-postgresql"),
        pytest.param(None, "postgres://u@h/d", "postgresql+psycopg://u@h/d", id="postgres-alias"),
        pytest.param("postgresql+psycopg://u@h/d", None, "postgresql+psycopg://u@h/d", id="driver-kept"),
    ],
)
def test_resolve_db_url(monkeypatch, explicit, env, expected):
    if env is None:
        monkeypatch.delenv("LEADERBOARD_DB", raising=False)
    else:
        monkeypatch.setenv("LEADERBOARD_DB", env)
    assert resolve_db_url(explicit) == expected


def test_normalise_leaves_other_urls_alone():
    assert normalise_db_url(" sqlite:///a.db ") == "sqlite:///a.db"
