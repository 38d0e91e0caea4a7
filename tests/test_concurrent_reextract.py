"""Two ingests re-extracting the same stored paper at once (PostgreSQL): its new claims go in once.

The first ingest holds its transaction open after writing; the second must
wait for it (a row lock on the paper), then find the first's claims, rather
than read the old claims and insert the new ones a second time.
"""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from leaderboard.db import ClaimRow, make_engine, make_sessionmaker, upgrade_to_head
from leaderboard.records import Claim, PaperRecord
from leaderboard.store.papers import store_paper

ABSTRACT = "Foo reaches 91.1% accuracy on ImageNet. It also scores 45.2 AP on COCO."


def claim(text_: str, value: float) -> Claim:
    start = ABSTRACT.index(text_)
    span = (start, start + len(text_))
    return Claim(value=value, kind="score", evidence=ABSTRACT, span=span, value_text=text_)


PAPER = PaperRecord(abstract=ABSTRACT, arxiv_id="2401.00042", source="a.jsonl", line=1, format="jsonl")
OLD = [claim("91.1%", 91.1)]
NEW = [claim("91.1%", 91.1), claim("45.2", 45.2)]


def waiting_on_a_lock(engine, application: str) -> bool:
    with engine.connect() as conn:
        query = text(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = :a AND wait_event_type = 'Lock'"
        )
        return conn.scalar(query, {"a": application}) > 0


def test_two_reextractions_of_one_paper_write_its_new_claims_once(db_url):
    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite has one writer at a time: the second re-extraction cannot start early")
    first_engine = make_engine(db_url)
    named = make_url(db_url).update_query_dict({"application_name": "second-reextract"})
    second_engine = make_engine(named.render_as_string(hide_password=False))
    try:
        upgrade_to_head(first_engine)
        with make_sessionmaker(first_engine).begin() as session:
            store_paper(session, PAPER, OLD, extractor_version="v1")

        first = make_sessionmaker(first_engine)()
        store_paper(first, PAPER, NEW, extractor_version="v2")  # written, not committed
        errors: list[BaseException] = []

        def second_ingest() -> None:
            try:
                with make_sessionmaker(second_engine).begin() as session:
                    store_paper(session, PAPER, NEW, extractor_version="v2")
            except BaseException as exc:  # reported by the main thread
                errors.append(exc)

        thread = threading.Thread(target=second_ingest)
        thread.start()
        deadline = time.monotonic() + 10
        while thread.is_alive() and not waiting_on_a_lock(first_engine, "second-reextract"):
            assert time.monotonic() < deadline, "the second re-extraction neither finished nor waited"
            time.sleep(0.05)
        first.commit()
        first.close()
        thread.join(timeout=30)
        assert not thread.is_alive() and errors == []

        with make_sessionmaker(first_engine)() as session:
            values = session.scalars(select(ClaimRow.value).order_by(ClaimRow.value)).all()
            assert values == [45.2, 91.1]
            assert session.scalar(select(func.count()).select_from(ClaimRow)) == 2
    finally:
        first_engine.dispose()
        second_engine.dispose()
