"""Papers: find a paper by title or arXiv id; its abstract with every claim marked, and its claims."""

from __future__ import annotations

import streamlit as st

from dashboard import data, ui

st.title("Papers")
search = st.text_input("Search by title or arXiv id", key="papers_search", placeholder="e.g. 2404.18416")
found = data.search_papers(search)

if found.empty:
    if search.strip():
        st.info("No paper matches that title or id.")
    else:
        st.info("No papers in the database yet. Add some with `leaderboard ingest seed`.")
    st.stop()

titles = dict(zip(found["paper_id"], found["title"].fillna(found["opening"] + "…"), strict=True))
counts = dict(zip(found["paper_id"], found["claims"], strict=True))
paper_id = st.selectbox(
    f"Paper ({len(found)} shown)",
    list(found["paper_id"]),
    format_func=lambda pid: f"{titles[pid][:100]} — {pid} ({counts[pid]} claims)",
    key="papers_selected",
)
paper = data.paper_record(paper_id)
if paper is None:  # gone since the list was read
    st.warning("That paper is no longer in the database.")
    st.stop()

claims = data.paper_claims(paper_id)
ui.show_title(paper["title"])
meta = [ui.arxiv_link_html(paper["arxiv_id"]), str(paper["date"] or "no date"), f"{len(claims)} claims"]
st.html(" · ".join(part for part in meta if part))
ui.show_marked(paper["abstract"], zip(claims["span_start"], claims["span_end"], strict=True))

st.subheader("Claims")
if claims.empty:
    st.caption("The extractor found no reported results in this abstract.")
else:
    st.dataframe(
        claims.drop(columns=["span_start", "span_end"]),
        hide_index=True,
        column_config={"confidence": st.column_config.NumberColumn(format="%.2f")},
    )
