"""`leaderboard papers search TEXT`: find papers by words of their title or abstract."""

from __future__ import annotations

import logging
from typing import Annotated

import typer

from leaderboard.cli.common import app, command_group, open_session
from leaderboard.cli.options import DbOption

log = logging.getLogger("leaderboard.cli")

papers_app = command_group("Find stored papers.")
app.add_typer(papers_app, name="papers")
# Keep in sync with leaderboard.queries.search.PER_PAGE (written out so --help needs no SQLAlchemy).
PER_PAGE = 20


@papers_app.command("search")
def papers_search(
    text: Annotated[str, typer.Argument(help="Words of the title or abstract (all must appear), or an id.")],
    page: Annotated[int, typer.Option("--page", min=1, max=1_000_000, help="Which page of results.")] = 1,
    per_page: Annotated[
        int, typer.Option("--per-page", "-n", min=1, max=10_000, help="Results per page.")
    ] = PER_PAGE,
    db_url: DbOption = None,
) -> None:
    """Papers whose title or abstract holds every word of TEXT (stemmed, as prefixes), best first."""
    from leaderboard.cli.tables import PlainTable, table_console
    from leaderboard.queries import search

    with open_session(db_url) as session:
        found = search.search_papers(session, text, page=page, per_page=per_page)
    if found.total == 0:
        log.info("no paper matches")
        return
    first = (found.page - 1) * found.per_page + 1
    table = PlainTable(
        "paper", "date", "claims", "title",
        title=f"{found.total} papers match; {first}-{first + len(found.papers) - 1} shown (page {found.page} "
        f"of {found.pages})",
        title_justify="left",
    )  # fmt: skip
    for row in found.papers.itertuples():
        title = row.title if isinstance(row.title, str) and row.title else f"{row.opening}…"
        table.add_row(row.paper_id, "" if row.date is None else str(row.date), str(row.claims), title)
    table_console().print(table)
