"""Note what a transaction writes to claims, papers and entities, and bring the maintained
statistics (leaderboard.store.board_stats) up to date before it commits, in the same transaction.

Listeners on every Session: `do_orm_execute` sees the statements ingest, review, re-extraction,
imports and entity edits run (INSERT/UPDATE/DELETE on claims, INSERT on papers, UPDATE on
entities), `before_flush`/`after_flush` the ORM objects; `before_commit` settles. A claim's keys
are noted before a statement changes them (where it was) and read again at commit (where it is).
Papers this transaction inserted take the fast path: their claims are added, nothing recomputed.
A writer that bypasses the Session (a raw connection's COPY) calls `note_new_papers` itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, attributes

from leaderboard.db.models import ClaimRow, Entity, Paper
from leaderboard.store.board_stats import Pending, note_keys, settle

PENDING = "board_stats_pending"
CLAIMS, PAPERS, ENTITIES = (model.__tablename__ for model in (ClaimRow, Paper, Entity))
KEY_COLUMNS = (ClaimRow.benchmark_id, ClaimRow.metric_id, ClaimRow.condition_key, ClaimRow.model_id)
KEY_NAMES = ("benchmark_id", "metric_id", "condition_key", "model_id")
# Entity fields that change which claims rank or which of them is best.
RANKING_FIELDS = ("not_entity", "direction")
ID_CHUNK = 900


def pending(session: Session) -> Pending:
    found = session.info.get(PENDING)
    if found is None:
        found = session.info[PENDING] = Pending()
    return found


def note_new_papers(session: Session, paper_ids: Iterable[str]) -> None:
    """Papers inserted in this transaction (with their claims) outside the ORM's statements."""
    pending(session).new_papers.update(paper_ids)


@event.listens_for(Session, "do_orm_execute")
def _on_execute(state: ORMExecuteState) -> Any:
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    # An ORM statement's table is an annotated copy: compare names.
    table = getattr(getattr(state.statement, "table", None), "name", None)
    if table == CLAIMS:
        return _claims_statement(state)
    if table == PAPERS and state.is_insert:
        return _papers_inserted(state)
    if table == ENTITIES and state.is_update:
        _entities_updated(state)
    return None


def _parameter_rows(state: ORMExecuteState) -> list[dict[str, Any]]:
    params = state.parameters
    if isinstance(params, list | tuple) and params:
        return [dict(p) for p in params]
    values = dict(state.statement.compile().params)
    if isinstance(params, dict):
        values.update(params)
    return [values]


def _claims_statement(state: ORMExecuteState) -> Any:
    session, notes = state.session, pending(state.session)
    if state.is_insert:
        for row in _parameter_rows(state):
            if row.get("paper_id") not in notes.new_papers:
                note_keys(notes.groups, notes.counts, *(row.get(name) for name in KEY_NAMES))
        return None
    params = state.parameters
    if isinstance(params, list | tuple) and params and "id" in params[0]:
        # A bulk UPDATE by primary key (re-resolving after an entity edit).
        ids = [p["id"] for p in params]
        for start in range(0, len(ids), ID_CHUNK):
            _note_claims(session, ClaimRow.id.in_(ids[start : start + ID_CHUNK]))
        return None
    where = state.statement.whereclause
    if where is None:
        _note_claims(session, None)
        return None
    _note_claims(session, where)
    return None


def _note_claims(session: Session, where) -> None:
    """Note where the claims `where` picks are now, and that they are to be looked at again."""
    notes = pending(session)
    query = select(ClaimRow.id, *KEY_COLUMNS)
    if where is not None:
        query = query.where(where)
    for claim_id, *keys in session.execute(query, execution_options={"autoflush": False}):
        notes.claim_ids.add(claim_id)
        note_keys(notes.groups, notes.counts, *keys)


def _papers_inserted(state: ORMExecuteState) -> Any:
    notes = pending(state.session)
    if state.statement._returning:  # noqa: SLF001 - whether the insert reports its rows
        # INSERT ... ON CONFLICT DO NOTHING RETURNING id: only the ids it returns are new.
        frozen = state.invoke_statement().freeze()
        rows = frozen().mappings().all()
        notes.new_papers.update(row["id"] for row in rows if "id" in row)
        return frozen()
    notes.new_papers.update(row["id"] for row in _parameter_rows(state) if row.get("id") is not None)
    return None


def _entities_updated(state: ORMExecuteState) -> None:
    rows = _parameter_rows(state)
    if not any(name in row for row in rows for name in RANKING_FIELDS):
        return
    notes = pending(state.session)
    if "id" in rows[0] and state.statement.whereclause is None:
        notes.entities.update(row["id"] for row in rows)
        return
    query = select(Entity.id).where(state.statement.whereclause)
    notes.entities.update(state.session.scalars(query, execution_options={"autoflush": False}))


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _flush: UOWTransaction, _instances) -> None:
    notes = None
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, ClaimRow):
            notes = notes or pending(session)
            old = [_committed(obj, name) for name in KEY_NAMES]
            note_keys(notes.groups, notes.counts, *old)
            notes.claim_ids.add(obj.id)
        elif isinstance(obj, Entity) and any(
            attributes.get_history(obj, name).has_changes() for name in RANKING_FIELDS
        ):
            notes = notes or pending(session)
            notes.entities.add(obj.id)
    if any(isinstance(obj, ClaimRow) for obj in session.new):
        session.info.setdefault("board_stats_new_claims", []).extend(
            obj for obj in session.new if isinstance(obj, ClaimRow)
        )


def _committed(obj: ClaimRow, name: str) -> Any:
    history = attributes.get_history(obj, name)
    if history.deleted:
        return history.deleted[0]
    return history.unchanged[0] if history.unchanged else getattr(obj, name)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    added = session.info.pop("board_stats_new_claims", None)
    if added:
        pending(session).claim_ids.update(obj.id for obj in added)


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    session.flush()
    notes = session.info.pop(PENDING, None)
    if notes:
        settle(session, notes)
        session.flush()


@event.listens_for(Session, "after_transaction_end")
def _after_transaction_end(session: Session, transaction) -> None:
    # A rolled-back transaction's notes name rows that are gone; a committed one's were settled.
    if transaction.parent is None:
        session.info.pop(PENDING, None)
        session.info.pop("board_stats_new_claims", None)
