"""Entities: benchmarks, metrics and models with their aliases; merge suggestions to accept or
dismiss; a metric's direction; aliases and undoing merges; marking a name that is no real
benchmark or model (its claims leave the boards, stay in review); an entity's logged changes,
each revertable. Changes need the review password. Kind, search and entity live in the URL."""

from __future__ import annotations

import functools

import streamlit as st

from dashboard import data, ui
from leaderboard import normalize, review
from leaderboard.db.models import ENTITY_KINDS, METRIC_DIRECTIONS

# Columns that only mean something for another kind of entity.
IRRELEVANT = {
    "benchmark": ["direction", "scale", "unit"],
    "metric": ["task"],
    "model": ["task", "direction", "scale", "unit"],
}

# Entity changes reshape the benchmark list and entity tables, so those caches go too.
entity_write = functools.partial(ui.write_then_rerun, changes_entities=True)

JUNK_KINDS = ("benchmark", "model")


def not_entity_form(entity_id: int, name: str, reason_now: str | None) -> None:
    """Say a name is no real benchmark or model (or is one after all), logged with a reason."""
    with st.form("ent_not_entity_form"):
        if reason_now is None:
            st.markdown(f"**Not a real {kind}?** Its claims leave the boards and stay in review.")
        else:
            st.markdown(f"**Marked as not a real {kind}** ({ui.md_escape(reason_now)}).")
        why = st.text_input("Reason (optional)", key="ent_not_entity_reason")
        label = f"Not a {kind}: take it off the boards" if reason_now is None else f"It is a {kind} after all"
        if st.form_submit_button(label):
            marking = reason_now is None
            done = f"{name} is {'no longer' if marking else 'again'} shown as a {kind}."
            entity_write(normalize.mark_not_entity, entity_id, marking, reviewer, why or None, done=done)


def entity_changes(entity_id: int) -> None:
    """The entity's logged changes; a reviewer reverts one."""
    changes = data.entity_history(entity_id)
    st.markdown("**Logged changes**")
    if changes.empty:
        st.caption("No person has changed this entity.")
        return
    st.dataframe(ui.blank_missing(changes), hide_index=True, key="ent_history")
    labels = {
        int(row.change_id): f"#{row.change_id} {ui.text_or(row.field) or row.action}: "
        f"{ui.text_or(row.old, 'none')} → {ui.text_or(row.new, 'none')} ({row.reviewer})"
        for row in changes.itertuples()
    }
    pick, go = st.columns([3, 1], vertical_alignment="bottom")
    change_id = pick.selectbox(
        "Change to revert", list(labels)[::-1], key="ent_revert_pick", format_func=labels.get
    )
    if go.button("Revert", key="ent_revert"):
        entity_write(review.revert, int(change_id), reviewer, done=f"Change #{change_id} reverted.")


st.title("Entities")
ui.show_flash()
reviewer = ui.current_reviewer()
if reviewer is None:
    ui.read_only_notice()

left, right = st.columns([1, 2])
kind = left.radio("Kind", ENTITY_KINDS, horizontal=True, key="kind", bind="query-params")
search = right.text_input("Name or alias contains", key="name", bind="query-params")
include_merged = st.checkbox("Show merged entities too", key="ent_merged")
entities = data.entity_table(kind, search, include_merged=include_merged)
st.caption(f"{ui.plural(len(entities), kind)} shown, most claims first")
if entities.empty and search.strip():
    st.info(f"No {kind} matches.")
elif entities.empty:
    st.info(f"No {kind}s yet. Add papers with `leaderboard ingest`.")
else:
    st.dataframe(
        ui.blank_missing(entities.drop(columns=IRRELEVANT[kind])),
        hide_index=True,
        key="ent_table",
        column_config={"not_entity": st.column_config.TextColumn("not a real one", help="Why, when so")},
    )

# --- merge suggestions ------------------------------------------------------------------------------
st.subheader("Merge suggestions")
suggestions = data.suggestions_table(kind)
if suggestions.empty:
    st.caption(f"No two {kind} names look like spellings of one another.")
else:
    st.dataframe(suggestions, hide_index=True, key="ent_suggestions")
    if reviewer is not None:
        pairs = {
            index: f"{row.a_name}  ↔  {row.b_name} ({row.score:.0f})" for index, row in suggestions.iterrows()
        }
        picked = st.selectbox("Suggestion", list(pairs), format_func=pairs.get, key="ent_pair")
        pair = suggestions.loc[picked]
        a_id, b_id = int(pair["a_id"]), int(pair["b_id"])
        # Whole names in a radio (they wrap), so a long name is never cut off in a button.
        keep = st.radio(
            "Keep which name", [a_id, b_id], key="ent_keep",
            format_func=lambda e: str(pair["a_name"] if e == a_id else pair["b_name"]),
        )  # fmt: skip
        other = b_id if keep == a_id else a_id
        names_of = {a_id: str(pair["a_name"]), b_id: str(pair["b_name"])}
        merge_col, dismiss_col = st.columns(2)
        if merge_col.button("Merge the other into it", key="ent_merge", type="primary"):
            done = f"{names_of[other]} merged into {names_of[keep]}."
            entity_write(normalize.merge_entities, keep, other, reviewer, done=done)
        if dismiss_col.button("Not the same: dismiss", key="ent_dismiss"):
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
    if kind in JUNK_KINDS:
        not_entity_form(entity_id, names[entity_id], ui.text_or(row["not_entity"]) or None)
    entity_changes(entity_id)
