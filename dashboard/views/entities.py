"""Entities: benchmarks, metrics and models with their aliases; merge suggestions to accept or
dismiss; a metric's direction; aliases and undoing merges. Changes need the review password."""

from __future__ import annotations

import functools

import streamlit as st

from dashboard import data, ui
from leaderboard import normalize
from leaderboard.db.models import ENTITY_KINDS, METRIC_DIRECTIONS

# Columns that only mean something for another kind of entity.
IRRELEVANT = {
    "benchmark": ["direction", "scale", "unit"],
    "metric": ["task"],
    "model": ["task", "direction", "scale", "unit"],
}

# Entity changes reshape the benchmark list and entity tables, so those caches go too.
entity_write = functools.partial(ui.write_then_rerun, changes_entities=True)

st.title("Entities")
ui.show_flash()
reviewer = ui.current_reviewer()
if reviewer is None:
    ui.read_only_notice()

left, right = st.columns([1, 2])
kind = left.radio("Kind", ENTITY_KINDS, horizontal=True, key="ent_kind", format_func=lambda k: f"{k}s")
search = right.text_input("Name or alias contains", key="ent_search")
include_merged = st.checkbox("Show merged entities too", key="ent_merged")
entities = data.entity_table(kind, search, include_merged=include_merged)
st.caption(f"{len(entities)} {kind}s shown, most claims first")
if entities.empty and search.strip():
    st.info(f"No {kind} matches.")
elif entities.empty:
    st.info(f"No {kind}s yet. Add papers with `leaderboard ingest`.")
else:
    st.dataframe(entities.drop(columns=IRRELEVANT[kind]), hide_index=True, key="ent_table")

# --- merge suggestions ------------------------------------------------------------------------------
st.subheader("Merge suggestions")
suggestions = data.suggestions_table(kind)
if suggestions.empty:
    st.caption(f"No two {kind} names look like spellings of one another.")
else:
    st.dataframe(suggestions, hide_index=True, key="ent_suggestions")
    if reviewer is not None:
        pairs = {
            index: f"{row.a_name} (#{row.a_id})  ↔  {row.b_name} (#{row.b_id}), {row.score:.0f}"
            for index, row in suggestions.iterrows()
        }
        picked = st.selectbox("Suggestion", list(pairs), format_func=pairs.get, key="ent_pair")
        pair = suggestions.loc[picked]
        a_id, b_id = int(pair["a_id"]), int(pair["b_id"])
        keep_a, keep_b, dismiss = st.columns(3)
        if keep_a.button(f"Keep {ui.md_escape(pair['a_name'])}, merge the other in", key="ent_keep_a"):
            done = f"{pair['b_name']} merged into {pair['a_name']}."
            entity_write(normalize.merge_entities, a_id, b_id, reviewer, done=done)
        if keep_b.button(f"Keep {ui.md_escape(pair['b_name'])}, merge the other in", key="ent_keep_b"):
            done = f"{pair['a_name']} merged into {pair['b_name']}."
            entity_write(normalize.merge_entities, b_id, a_id, reviewer, done=done)
        if dismiss.button("Not the same: dismiss", key="ent_dismiss"):
            done = "Suggestion dismissed; it will not be offered again."
            entity_write(normalize.dismiss_suggestion, a_id, b_id, reviewer, done=done)

# --- edits on one entity --------------------------------------------------------------------------------
if reviewer is not None and not entities.empty:
    st.subheader(f"Change a {kind}")
    names = dict(zip(entities["entity_id"], entities["name"], strict=True))
    picked_id = st.selectbox(
        kind.capitalize(), list(names), format_func=lambda e: f"{names[e]} (#{e})", key="ent_pick"
    )
    entity_id = int(picked_id)
    row = entities.set_index("entity_id").loc[entity_id]
    alias_col, direction_col = st.columns(2)
    with alias_col.form("ent_alias_form"):
        alias = st.text_input("Add an alias (another name for it)", key="ent_alias")
        if st.form_submit_button("Add alias") and alias.strip():
            done = f"{alias.strip()!r} now means {names[entity_id]}."
            entity_write(normalize.add_alias, entity_id, alias, reviewer, done=done)
    if kind == "metric":
        with direction_col.form("ent_direction_form"):
            current = row["direction"] if row["direction"] in METRIC_DIRECTIONS else "higher"
            direction = st.radio(
                "Which is better", METRIC_DIRECTIONS, index=METRIC_DIRECTIONS.index(current),
                horizontal=True, key="ent_direction", format_func=lambda d: f"{d} values",
            )  # fmt: skip
            if st.form_submit_button("Set direction"):
                done = f"{names[entity_id]}: {direction} is better."
                entity_write(normalize.set_metric_direction, entity_id, direction, reviewer, done=done)
    merged_into = row["merged_into"] if isinstance(row["merged_into"], str) else None
    if merged_into and st.button(f"Undo the merge into {ui.md_escape(merged_into)}", key="ent_split"):
        done = f"{names[entity_id]} is its own {kind} again."
        entity_write(normalize.split_entity, entity_id, reviewer, done=done)
