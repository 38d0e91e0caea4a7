"""Hostile text: stored verbatim, exported safely, never able to drive a terminal or break a line.

Titles and abstracts carrying HTML and script, Markdown, SQL, format strings,
control characters, bidirectional overrides and spreadsheet formulas go in
through the real CLI and come back byte for byte on SQLite and PostgreSQL.
The one exception is NUL, which PostgreSQL text cannot hold: ingest drops it
on every database alike. CSV exports prefix formula cells with an apostrophe
(leaderboard.export); JSON exports keep the text as it is. The dashboard's
own escaping tests are in test_dashboard_papers.py.
"""

from __future__ import annotations

import csv
import html
import io
import json

import pytest
from cli_support import said
from sqlalchemy import select

from leaderboard.cli import app
from leaderboard.db import ClaimRow, Paper, make_engine, make_sessionmaker
from leaderboard.export.tables import write_table
from leaderboard.ingest import IngestError
from leaderboard.queries import claims

RESULT = " EvilNet achieves 91.5% accuracy on ImageNet."
# Each is one piece of text with no whitespace runs, so ingest (which collapses runs) keeps it exactly.
HOSTILE = {
    "html": "<script>alert('x')</script><img src=x onerror=alert(1)><b>bold</b>&amp;&lt;",
    "markdown": "**bold** [link](javascript:alert(1)) # heading `code` $x^2$ :red[red] <!-- c -->",
    "sql": "Robert'); DROP TABLE papers;-- \" OR 1=1 -- %' LIKE '_",
    "format": "%s %(x)s {0} {x!r} \\n \\x00 \\u0000 ${HOME} `id`",
    "control": "bell\x07 esc\x1b[31mred\x1b[0m del\x7f csi\x9b2J bs\x08",
    "bidi": "\u200fRLM \u202eesrever\u202c \u2067isolate\u2069 zw\u200dj bom\ufeffin",
    "unicode": "e\u0301 \U0001f44d\U0001f3fd \u4e2d\u6587 \U0001d54f \u0627\u0644\u0639\u0631\u0628\u064a",
    "formula": '=HYPERLINK("http://evil.example","x")',
    "plus": "+1+cmd|' /C calc'!A0",
    "minus": "-2+3+cmd|' /C calc'!A0",
    "at": "@SUM(1+9)*cmd|' /C calc'!A0",
}


def ingest_rows(runner, db_url, tmp_path, rows: list[dict]) -> None:
    path = tmp_path / "hostile.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(path), "--db", db_url])
    assert (result.exit_code, said(result)[1]) == (0, ""), result.output


def hostile_rows() -> list[dict]:
    # The hostile text opens the abstract, so a claim's evidence sentence starts with it.
    return [
        {"id": f"hostile-{name}", "title": text, "abstract": text + RESULT} for name, text in HOSTILE.items()
    ]


@pytest.fixture
def hostile_db(runner, db_url, tmp_path) -> str:
    ingest_rows(runner, db_url, tmp_path, hostile_rows())
    return db_url


def test_titles_abstracts_and_evidence_are_stored_verbatim(hostile_db):
    engine = make_engine(hostile_db)
    with make_sessionmaker(engine)() as session:
        papers = {p.id: (p.title, p.abstract) for p in session.scalars(select(Paper))}
        evidence = {
            c.paper_id: (c.evidence, c.value_text, c.span_start, c.span_end)
            for c in session.scalars(select(ClaimRow))
        }
    engine.dispose()
    assert papers == {f"hostile-{name}": (text, text + RESULT) for name, text in HOSTILE.items()}
    # Every paper yields its claim, and the span still points at the number in the stored text.
    assert set(evidence) == set(papers)
    for paper_id, (sentence, value_text, start, end) in evidence.items():
        assert value_text == "91.5%" and papers[paper_id][1][start:end] == value_text
        assert sentence.endswith("91.5% accuracy on ImageNet.")


def test_csv_export_neutralises_formulas_and_keeps_everything_else(hostile_db):
    engine = make_engine(hostile_db)
    with make_sessionmaker(engine)() as session:
        table = claims(session)
    engine.dispose()
    assert len(table) == len(HOSTILE)
    out = io.StringIO()
    write_table(table, out, "csv")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == len(HOSTILE)  # quotes, commas and newlines did not split or merge rows
    titles = {row["paper_id"]: row["paper_title"] for row in rows}
    for name, text in HOSTILE.items():
        exported = titles[f"hostile-{name}"]
        if text.startswith(("=", "+", "-", "@")):
            assert exported == "'" + text
        else:
            assert exported == text
    for row in rows:
        assert not row["evidence"].startswith(("=", "+", "-", "@"))
    assert all(row["value"] == "91.5" for row in rows)  # numbers are left as numbers


def test_json_export_keeps_text_verbatim(hostile_db):
    engine = make_engine(hostile_db)
    with make_sessionmaker(engine)() as session:
        table = claims(session)
    engine.dispose()
    out = io.StringIO()
    write_table(table, out, "json")
    titles = {row["paper_id"]: row["paper_title"] for row in json.loads(out.getvalue())}
    assert titles == {f"hostile-{name}": text for name, text in HOSTILE.items()}


def test_nul_is_dropped_the_same_on_every_database(runner, db_url, tmp_path):
    """JSON can spell NUL (\\u0000); PostgreSQL cannot store it, so ingest drops it everywhere."""
    ingest_rows(
        runner,
        db_url,
        tmp_path,
        [{"id": "nul-\u0000id", "title": "a\u0000b", "abstract": "We \u0000reach 91.5% on ImageNet."}],
    )
    engine = make_engine(db_url)
    with engine.connect() as conn:
        stored = conn.execute(select(Paper.id, Paper.title, Paper.abstract)).all()
    engine.dispose()
    assert [tuple(row) for row in stored] == [("nul-id", "ab", "We reach 91.5% on ImageNet.")]


def test_lone_surrogate_is_one_error_line_not_a_traceback(runner, db_url, tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_text('{"id": "a", "abstract": "fine"}\n{"id": "b", "abstract": "half \\udc80 a pair"}\n')
    result = runner.invoke(app, ["ingest", str(path), "--db", db_url])
    assert (result.exit_code, said(result)[1]) == (
        1,
        f'error: {path}:2: "abstract" holds a lone surrogate (a broken \\u escape)\n',
    )


def test_error_lines_escape_control_characters_they_quote(runner, db_url, tmp_path):
    """A CSV header or file name with an escape sequence or newline cannot drive the terminal."""
    path = tmp_path / "bad\x1b[2J.csv"
    path.write_bytes("title,\x1b[31mred\u202e\n".encode())
    result = runner.invoke(app, ["ingest", str(path), "--db", db_url])
    assert result.exit_code == 1
    shown = str(path).replace("\x1b", "\\x1b")
    assert said(result)[1] == (
        f"error: {shown}:1: CSV has no 'abstract' column (columns: title, \\x1b[31mred\\u202e)\n"
    )
    assert str(IngestError("a\nb.jsonl", 3, "bad")) == "a\\nb.jsonl:3: bad"


def test_every_dashboard_page_shows_hostile_text_inert(runner, tmp_path, monkeypatch):
    """A cross-check of the dashboard's escaping (its own tests: test_dashboard_papers.py) on every page.

    Text may appear escaped in HTML, or in widgets that draw text as text
    (tables, charts, select boxes); never as live HTML, and never in Markdown,
    which would turn `[link](javascript:...)` into a link.
    """
    from dashboard_support import APP, app_test

    url = f"sqlite:///{tmp_path / 'hostile.db'}"
    ingest_rows(runner, url, tmp_path, hostile_rows())
    at = app_test(monkeypatch, url)
    pages = [None, *(f"views/{view.name}" for view in sorted((APP.parent / "views").glob("*.py")))]
    live_html = ("<script", "<img", "<b>bold", "<!-- c -->")
    shown_escaped = False
    for page in pages:
        if page is not None:
            at.switch_page(page).run()
        assert not at.exception, (page, at.exception)
        for element in elements(at._tree):
            if element.type == "html":
                body = element.proto.body
                assert not any(marker in body for marker in live_html), (page, body[:300])
                shown_escaped |= html.escape(HOSTILE["html"]) in body
            elif element.type == "markdown":
                body = element.proto.body
                assert not any(text in body for text in HOSTILE.values()), (page, body[:300])
                assert "javascript:" not in body, (page, body[:300])
    assert shown_escaped, "no page showed the HTML title at all (escaped), so nothing was checked"


def elements(node):
    if getattr(node, "proto", None) is not None:
        yield node
    for child in getattr(node, "children", {}).values():
        yield from elements(child)


# Rich reads "[...]" in table cells as markup: an unmatched closing tag was a traceback
# (MarkupError) and "[link=...]" a live terminal hyperlink.
MARKUP_PAPER = {
    "id": "markup-1",
    "title": "Closing \x1b[2J\u202e [/bold] tag [link=https://evil.example]click[/link]",
    "abstract": "We test [/i] markup. [/x] EvilNet achieves 91.5% accuracy on ImageNet. \x1b[31m",
}


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        (["review", "queue"], "[/x] EvilNet"),
        (["show", "ImageNet"], "[/bold]"),
        (["compare", "EvilNet", "ImageNet"], "[/bold]"),
    ],
    ids=["review-queue", "show", "compare"],
)
def test_tables_in_the_terminal_print_brackets_literally(runner, tmp_path, command, shown):
    url = f"sqlite:///{tmp_path / 'markup.db'}"
    ingest_rows(runner, url, tmp_path, [MARKUP_PAPER])
    result = runner.invoke(app, [*command, "--db", url])
    # stderr holds at most the queue's count ("1 claim(s)"), never an error.
    told = result.stderr.strip(" 0123456789\n")
    assert (result.exit_code, told) in {(0, ""), (0, "claim(s)")}, result.output
    assert shown in result.stdout
    assert "\x1b]8;" not in result.stdout  # no OSC 8 hyperlink
    # Control characters from the paper print as escapes, never reach the terminal raw.
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    if command[0] != "review":  # the queue shows the sentence, not the title
        assert "\\x1b[2J\\u202e" in result.stdout
