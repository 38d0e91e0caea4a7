"""Papers: full-text search over titles and abstracts (ranked, a page at a time); the abstract
with every claim marked, and its claims. The words, page and paper live in the URL."""

from __future__ import annotations

import streamlit as st

from dashboard import data, links, ui

PER_PAGE = 20
PAPER_KEY = "paper"


def new_search() -> None:
    """New words start on the first page at the best match, not on the paper read before."""
    for key in (PAPER_KEY, "page"):
        st.session_state.pop(key, None)


st.title("Papers")
query = st.text_input(
    "Search titles and abstracts, or an arXiv id", key="q", bind="query-params", on_change=new_search,
    placeholder="e.g. speech recognition, or 2404.18416",
)  # fmt: skip
first = data.find_papers(query, page=1, per_page=PER_PAGE)
if first.total == 0:
    if query.strip():
        st.info("No paper has every one of those words in its title or abstract.")
    else:
        st.info("No papers in the database yet. Add some with `leaderboard ingest seed`.")
    st.stop()

page = 1
if first.pages > 1:
    page = st.pagination(first.pages, key="page", bind="query-params")
found = first if page == 1 else data.find_papers(query, page=page, per_page=PER_PAGE)
what = "match" if query.strip() else "in the database"
shown_from = (page - 1) * PER_PAGE + 1
st.caption(
    f"{ui.plural(found.total, 'paper')} {what}{', best match first' if query.strip() else ', newest first'}; "
    f"{shown_from}-{shown_from + len(found.papers) - 1} shown"
)

labels = {
    row.paper_id: f"{ui.text_or(row.title) or ui.text_or(row.opening) + '…'} — {row.paper_id} "
    f"({ui.plural(int(row.claims), 'claim')})"
    for row in found.papers.itertuples()
}
# A paper named in the URL opens even when it is not on this page of results.
wanted = st.session_state.get(PAPER_KEY, st.query_params.get(PAPER_KEY))
if wanted and wanted not in labels and (kept := data.paper_record(wanted)) is not None:
    labels = {wanted: f"{ui.text_or(kept['title'], '(untitled)')} — {wanted}", **labels}
links.resolve_param(PAPER_KEY, list(labels))
pick, link = st.columns([6, 1], vertical_alignment="bottom")
paper_id = pick.selectbox(
    "Paper", list(labels), format_func=lambda pid: labels[pid][:160], key=PAPER_KEY, bind="query-params"
)
paper = data.paper_record(paper_id)
if paper is None:  # gone since the list was read
    st.warning("That paper is no longer in the database.")
    st.stop()
with link:
    ui.share_link("papers", {"q": query.strip() or None, PAPER_KEY: paper_id})

claims = data.paper_claims(paper_id)
ui.show_title(paper["title"])
meta = [
    ui.arxiv_link_html(paper["arxiv_id"]),
    ui.text_or(paper["date"], "no date"),
    ui.plural(len(claims), "claim"),
]
st.html(" · ".join(part for part in meta if part))
ui.show_marked(paper["abstract"], zip(claims["span_start"], claims["span_end"], strict=True))

st.subheader("Claims")
if claims.empty:
    st.caption("The extractor found no reported results in this abstract.")
else:
    st.dataframe(
        ui.blank_missing(claims.drop(columns=["span_start", "span_end"])),
        hide_index=True,
        column_config={"confidence": st.column_config.NumberColumn(format="%.2f")},
    )
