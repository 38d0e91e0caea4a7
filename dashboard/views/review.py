"""Review: a queue sorted by doubt; accept, reject or correct a claim, in place or in bulk;
add a claim the extractor missed; see a claim's history and revert a change.

Edit controls appear only for a reviewer who entered the review password (sidebar). The
filters and the claim in view live in the URL (`?claim=12`); after a save the claim stays in
view with its new status and history, and "Next" moves on. Keys: A accept, X reject, N next.
"""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from dashboard import data, links, ui
from leaderboard import review
from leaderboard.db.models import CLAIM_KINDS, CLAIM_STATUSES, ClaimStatus
from leaderboard.queries import review_table
from leaderboard.review.field_values import UNITS

ANY = "any"
EDITOR_GENERATION = "rv_editor_generation"
CLAIM_KEY = "claim"
# The claim a reviewer just changed, kept in view after the save.
KEPT_KEY = "rv_kept"
# Fields picked from the entities of a kind (a new name may still be typed).
ENTITY_FIELDS = {"model": "model", "benchmark": "benchmark", "metric": "metric", "baseline_model": "model"}
CHOICES = {"kind": list(CLAIM_KINDS), "unit": ["", *UNITS]}

st.title("Review")
ui.show_flash()
reviewer = ui.current_reviewer()
if reviewer is None:
    ui.read_only_notice()

# --- the queue -------------------------------------------------------------------------------
with st.expander("Filters", expanded=True):
    first, second, third = st.columns(3)
    status = first.selectbox("Status", [*CLAIM_STATUSES, ANY], key="status_filter", bind="query-params")
    low, high = second.slider("Confidence", 0.0, 1.0, (0.0, 1.0), step=0.05, key="rv_confidence")
    limit = third.number_input("Show at most", min_value=1, max_value=5000, value=50, step=50, key="rv_limit")
    rule = first.text_input("Rule (exact name)", key="rule_filter", bind="query-params").strip()
    benchmark = second.text_input(
        "Benchmark (name or alias)", key="benchmark_filter", bind="query-params"
    ).strip()
    paper = third.text_input("Paper id", key="paper_filter", bind="query-params").strip()

queue = data.review_queue(
    status=None if status == ANY else status,
    min_confidence=low if low > 0 else None,
    max_confidence=high if high < 1 else None,
    rule=rule or None,
    benchmark=benchmark or None,
    paper=paper or None,
    limit=int(limit),
).reset_index(drop=True)
st.caption(f"{ui.plural(len(queue), 'claim')}, most doubtful first")


def show_claim(claim_id: int) -> None:
    """One claim: its sentence with the value marked, its fields, actions, and history."""
    record = data.claim_record(claim_id)
    if record is None:
        st.warning(f"Claim {claim_id} is no longer in the database.")
        return
    where = ui.arxiv_link_html(record["arxiv_id"]) or html.escape(record["paper_id"])
    st.html(f"<b>{html.escape(ui.text_or(record['paper_title'], '(untitled)'))}</b> · {where}")
    spans = [record["value_in_evidence"]] if record["value_in_evidence"] else []
    ui.show_marked(record["evidence"], spans)
    fields = {name: ui.text_or(record[name]) for name in review.EDITABLE_FIELDS}
    st.dataframe(pd.DataFrame([fields]), hide_index=True, key=f"rv_fields_{claim_id}")
    rule = ui.md_escape(ui.text_or(record["rule"], "-"))
    confidence = ui.text_or(record["confidence"], "-")
    st.markdown(
        f"**Status: {ui.md_escape(record['status'])}** · confidence {ui.md_escape(confidence[:4])} · "
        f"rule {rule} · origin {ui.md_escape(record['origin'])} · version {record['version']}"
    )
    if reviewer is not None:
        claim_actions(record)
    claim_history(claim_id)


def claim_actions(record: dict) -> None:
    claim_id, version = record["id"], record["version"]
    versions = {claim_id: version}
    accept_col, reject_col, _ = st.columns([1, 1, 4])
    if accept_col.button("Accept", key="rv_accept", type="primary", shortcut="A"):
        done = f"Claim {claim_id} accepted."
        st.session_state[KEPT_KEY] = claim_id
        ui.write_then_rerun(review.accept, [claim_id], reviewer, versions=versions, done=done)
    if reject_col.button("Reject", key="rv_reject", shortcut="X"):
        done = f"Claim {claim_id} rejected."
        st.session_state[KEPT_KEY] = claim_id
        ui.write_then_rerun(review.reject, [claim_id], reviewer, versions=versions, done=done)
    with st.form(f"rv_edit_{claim_id}"):
        st.markdown("**Correct the claim** (blank means none)")
        columns = st.columns(3)
        typed = {
            name: _field_input(columns[i % 3], name, _as_text(record[name]), f"rv_edit_{claim_id}_{name}")
            for i, name in enumerate(review.EDITABLE_FIELDS)
        }
        reason = st.text_input("Reason (optional)", key=f"rv_edit_{claim_id}_reason")
        if st.form_submit_button("Save correction"):
            changes = {
                name: text for name, text in typed.items() if (text or "").strip() != _as_text(record[name])
            }
            if not changes:
                st.warning("Nothing changed.")
            else:
                st.session_state[KEPT_KEY] = claim_id
                ui.write_then_rerun(
                    review.edit, claim_id, changes, reviewer, expected_version=version,
                    reason=reason or None, done=f"Claim {claim_id} corrected.",
                )  # fmt: skip


def _field_input(column, name: str, current: str, key: str) -> str | None:
    """A picker with type-ahead for fields with known values (entities of a kind, kinds, units),
    a new name still allowed for entities; a text box for the rest."""
    if name in ENTITY_FIELDS or name in CHOICES:
        # '' (shown "(none)") clears a name or unit; a kind is always one of the kinds.
        options = CHOICES.get(name) or ["", *data.entity_names(ENTITY_FIELDS[name])]
        if current and current not in options:
            options = [current, *options]
        return column.selectbox(
            name, options, index=options.index(current) if current in options else None, key=key,
            accept_new_options=name in ENTITY_FIELDS, placeholder="none",
            format_func=lambda value: value or "(none)",
        )  # fmt: skip
    return column.text_input(name, value=current, key=key)


def claim_history(claim_id: int) -> None:
    changes = data.history_table(claim_id)
    st.markdown("**History**")
    if changes.empty:
        st.caption("No person has changed this claim.")
        return
    st.dataframe(ui.blank_missing(changes), hide_index=True, key=f"rv_history_{claim_id}")
    if reviewer is None:
        return
    pick, go = st.columns([3, 1])
    labels = {
        int(row.change_id): f"#{row.change_id} {ui.text_or(row.field) or row.action}: "
        f"{ui.text_or(row.old, 'none')} → {ui.text_or(row.new, 'none')} ({row.reviewer})"
        for row in changes.itertuples()
    }
    change_id = pick.selectbox(
        "Change to revert", list(labels)[::-1], key=f"rv_revert_pick_{claim_id}", format_func=labels.get
    )
    if go.button("Revert", key=f"rv_revert_{claim_id}"):
        st.session_state[KEPT_KEY] = claim_id
        ui.write_then_rerun(review.revert, int(change_id), reviewer, done=f"Change #{change_id} reverted.")


def _as_text(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def bulk_table() -> None:
    """The queue as a table; a reviewer edits cells and statuses and saves them all at once."""
    if reviewer is None:
        st.dataframe(ui.blank_missing(queue), hide_index=True, key="rv_queue_table")
        return
    generation = st.session_state.setdefault(EDITOR_GENERATION, 0)
    edited = st.data_editor(
        queue,
        hide_index=True,
        key=f"rv_editor_{generation}",
        disabled=["id", "version", "paper_id", "evidence", "rule", "confidence"],
        column_config={
            "status": st.column_config.SelectboxColumn(
                options=[*review.PERSON_STATUSES, ClaimStatus.EXTRACTED]
            ),
            "kind": st.column_config.SelectboxColumn(options=list(CLAIM_KINDS)),
            "unit": st.column_config.SelectboxColumn(options=list(UNITS)),
            "confidence": st.column_config.NumberColumn(format="%.2f"),
        },
    )
    changed = review_table.changed_rows(queue, edited)
    st.caption(f"{len(changed)} edited rows")
    if st.button("Save table edits", key="rv_save_table", disabled=changed.empty):
        st.session_state[EDITOR_GENERATION] = generation + 1
        ui.write_then_rerun(
            review_table.apply_table_edits, changed, reviewer, done=f"{len(changed)} claims saved."
        )


def claim_label(claim_id: int, model: object, value: object, benchmark: object, confidence: object) -> str:
    return (
        f"#{claim_id} · {ui.text_or(model, '?')} · {ui.text_or(value, '?')} · {ui.text_or(benchmark, '?')} "
        f"({ui.text_or(confidence, '?')[:4]})"
    )


def go_next(order: list[int]) -> None:
    """The claim after the one in view in the queue (the first when it has left the queue)."""
    current = st.session_state.get(CLAIM_KEY)
    later = order[order.index(current) + 1 :] if current in order else order
    following = [claim for claim in later if claim != current]
    st.session_state.pop(KEPT_KEY, None)
    if following:
        st.session_state[CLAIM_KEY] = following[0]


labels = {
    int(row.id): claim_label(int(row.id), row.model, row.value, row.benchmark, row.confidence)
    for row in queue.itertuples()
}
order = list(labels)
# A link to a claim opens it whatever the filters (first run of the session), and a claim
# just changed here stays in view after a save moves it out of the queue's filter.
if CLAIM_KEY not in st.session_state:
    wanted = links.wanted_id(CLAIM_KEY)
elif st.session_state.get(KEPT_KEY) == st.session_state[CLAIM_KEY]:
    wanted = st.session_state[CLAIM_KEY]
else:
    wanted = None
if wanted is not None and wanted not in labels and (kept := data.claim_record(wanted)) is not None:
    labels[wanted] = claim_label(wanted, kept["model"], kept["value"], kept["benchmark"], kept["confidence"])
    labels[wanted] += f" · {kept['status']}, not in this queue"
if wanted in labels:
    st.session_state[CLAIM_KEY] = wanted
elif st.session_state.get(CLAIM_KEY) not in labels:
    # Other filters: start on the most doubtful claim they give.
    st.session_state.pop(CLAIM_KEY, None)

if not labels:
    st.info("No claim matches these filters.")
else:
    one, bulk = st.tabs(["One claim at a time", "Table (bulk)"])
    with one:
        pick, step, link = st.columns([6, 1, 1], vertical_alignment="bottom")
        claim_id = pick.selectbox(
            "Claim", list(labels), format_func=labels.get, key=CLAIM_KEY, bind="query-params"
        )
        step.button("Next", key="rv_next", on_click=go_next, args=(order,), shortcut="N",
                    disabled=not [c for c in order if c != claim_id])  # fmt: skip
        with link:
            ui.share_link("review", {CLAIM_KEY: claim_id})
        show_claim(int(claim_id))
    with bulk:
        if queue.empty:
            st.info("No claim matches these filters.")
        else:
            bulk_table()

# --- a claim the extractor missed ----------------------------------------------------------------
if reviewer is not None:
    with st.expander("Add a missed claim"), st.form("rv_add", clear_on_submit=False):
        paper_id = st.text_input("Paper id of the missed claim", value=paper, key="rv_add_paper")
        evidence = st.text_area("Sentence (exactly as in the abstract)", key="rv_add_evidence")
        columns = st.columns(3)
        value = columns[0].text_input("value", key="rv_add_value")
        value_text = columns[1].text_input("value as written (if it appears twice)", key="rv_add_value_text")
        kind = columns[2].selectbox("kind", list(CLAIM_KINDS), key="rv_add_kind")
        names = {
            name: columns[i % 3].text_input(name, key=f"rv_add_{name}")
            for i, name in enumerate(("model", "benchmark", "metric", "condition", "baseline_model"))
        }
        unit = columns[2].selectbox("unit", ["", *UNITS], key="rv_add_unit")
        if st.form_submit_button("Add claim"):
            fields = {"evidence": evidence, "value": value, "value_text": value_text, "kind": kind}
            fields |= names | {"unit": unit}
            fields = {name: text for name, text in fields.items() if str(text).strip()}
            ui.write_then_rerun(
                review.add_claim, paper_id.strip(), fields, reviewer, done="Claim added (accepted)."
            )
