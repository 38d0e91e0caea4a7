"""A reviewer's edits made while an ingest re-extracts the same papers are kept.

The stored claims are made to look like an older extractor's (another
version, other confidences), so re-ingesting rewrites every one of them in
place. Meanwhile a reviewer edits claims through `leaderboard.review.edit`,
retrying with the fresh version when told the claim changed underneath
(StaleVersionError), as the dashboard does. However the two interleave, each
edit the reviewer was told succeeded is what the database holds afterwards.
"""

from __future__ import annotations

import time

import pytest
from robust_support import start_cli, write_corpus
from sqlalchemy import select, update

import leaderboard.store.reconcile
from leaderboard.cli import app
from leaderboard.db import AuditEntry, ClaimRow, Paper, make_engine, make_sessionmaker
from leaderboard.review import StaleVersionError, edit

OLD_VERSION = "0.0.1-old"


def age_the_claims(db_url: str) -> None:
    """Make every stored paper and claim look written by an older extractor that scored differently."""
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(update(Paper).values(extractor_version=OLD_VERSION))
        older = {"extractor_version": OLD_VERSION, "confidence": ClaimRow.confidence / 2}
        conn.execute(update(ClaimRow).values(**older))
    engine.dispose()


def edit_until_done(sessions, claim_id: int, value: str) -> None:
    """One reviewer edit, retried on a stale version the way a person reloads and tries again."""
    for _ in range(50):
        with sessions() as session:
            version = session.scalar(select(ClaimRow.version).where(ClaimRow.id == claim_id))
        try:
            with sessions.begin() as session:
                edit(session, claim_id, {"value": value}, "ann", expected_version=version, reason="checked")
            return
        except StaleVersionError:
            time.sleep(0.01)
    raise AssertionError(f"claim {claim_id}: still stale after 50 tries")


def edited_state(db_url: str, claim_ids: list[int]) -> dict[int, tuple]:
    engine = make_engine(db_url)
    with engine.connect() as conn:
        query = select(ClaimRow.id, ClaimRow.value, ClaimRow.status).where(ClaimRow.id.in_(claim_ids))
        state = {row.id: (row.value, row.status) for row in conn.execute(query)}
        value_edits = (AuditEntry.target == "claim", AuditEntry.field == "value")
        logged = set(conn.scalars(select(AuditEntry.target_id).where(*value_edits)))
    engine.dispose()
    return {claim_id: (*state[claim_id], claim_id in logged) for claim_id in claim_ids}


def test_an_edit_between_reextractions_read_and_write_is_kept(runner, db_url, tmp_path, monkeypatch):
    """The worst interleaving, made to happen: the edit commits after the ingest read the claim."""
    [corpus] = write_corpus(tmp_path / "corpus", files=1, per_file=30)
    assert runner.invoke(app, ["ingest", str(corpus), "--db", db_url]).exit_code == 0
    age_the_claims(db_url)
    engine = make_engine(db_url)
    sessions = make_sessionmaker(engine)
    with sessions() as session:
        first_paper = session.scalar(select(ClaimRow.paper_id).order_by(ClaimRow.paper_id).limit(1))
        target = session.scalar(select(ClaimRow.id).where(ClaimRow.paper_id == first_paper).limit(1))
    read_claims = leaderboard.store.reconcile._stored_claims

    def read_then_let_the_reviewer_in(session, paper_id):
        stored = read_claims(session, paper_id)
        if paper_id == first_paper:
            edit_until_done(sessions, target, "12.5")
        return stored

    monkeypatch.setattr(leaderboard.store.reconcile, "_stored_claims", read_then_let_the_reviewer_in)
    result = runner.invoke(app, ["ingest", str(corpus), "--db", db_url])
    engine.dispose()
    assert result.exit_code == 0, result.output
    assert edited_state(db_url, [target]) == {target: (12.5, "corrected", True)}


@pytest.mark.slow
def test_edits_during_a_reextracting_ingest_subprocess_are_kept(db_url, tmp_path):
    """A real ingest process and a reviewer at once, in whatever order the machine runs them."""
    edits = 16
    corpus = tmp_path / "corpus"
    write_corpus(corpus, files=4, per_file=50)
    first = start_cli("ingest", str(corpus), "--db", db_url)
    assert first.wait(timeout=120) == 0, first.communicate()
    age_the_claims(db_url)
    engine = make_engine(db_url)
    sessions = make_sessionmaker(engine)
    with sessions() as session:
        # Claims spread over every file, so edits land before, during and after each file's turn.
        all_ids = list(session.scalars(select(ClaimRow.id).order_by(ClaimRow.paper_id, ClaimRow.id)))
    step = max(1, len(all_ids) // edits)
    targets = all_ids[::step][:edits]

    ingest = start_cli("ingest", str(corpus), "--db", db_url)
    try:
        for n, claim_id in enumerate(targets):
            edit_until_done(sessions, claim_id, f"{n + 1}.25")
        _, err = ingest.communicate(timeout=120)
    finally:
        if ingest.poll() is None:
            ingest.kill()
    engine.dispose()
    assert ingest.returncode == 0, err
    assert edited_state(db_url, targets) == {
        claim_id: (n + 1.25, "corrected", True) for n, claim_id in enumerate(targets)
    }
