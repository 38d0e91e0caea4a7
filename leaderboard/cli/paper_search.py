"""`leaderboard papers search TEXT`: find papers by words of their title or abstract."""

from __future__ import annotations

from typing import Annotated

import typer

from leaderboard.cli.common import PlainTable, app, open_session, table_console
from leaderboard.cli.options import DbOption
from leaderboard.queries import search

papers_app = typer.Typer(help="Find stored papers.", no_args_is_help=True)
app.add_typer(papers_app, name="papers")


@papers_app.command("search")
def papers_search(
    text: Annotated[str, typer.Argument(help="Words of the title or abstract (all must appear), or an id.")],
    page: Annotated[int, typer.Option("--page", min=1, max=1_000_000, help="Which page of results.")] = 1,
    per_page: Annotated[
        int, typer.Option("--per-page", "-n", min=1, max=10_000, help="Results per page.")
    ] = search.PER_PAGE,
    db_url: DbOption = None,
) -> None:
    """Papers whose title or abstract holds every word of TEXT (stemmed, as prefixes), best first."""
    with open_session(db_url) as session:
        found = search.search_papers(session, text, page=page, per_page=per_page)
    if found.total == 0:
        typer.echo("no paper matches", err=True)
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
