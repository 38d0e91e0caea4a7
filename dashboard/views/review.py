"""Review: a queue sorted by doubt; accept, reject or correct a claim, in place or in bulk;
add a claim the extractor missed; see a claim's history and revert a change.

Edit controls appear only for a reviewer who entered the review password (sidebar).
"""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from dashboard import data, ui
from leaderboard import review
from leaderboard.db.models import CLAIM_KINDS, CLAIM_STATUSES, ClaimStatus
from leaderboard.queries import review_table
from leaderboard.review.field_values import UNITS

ANY = "any"
EDITOR_GENERATION = "rv_editor_generation"

st.title("Review")
ui.show_flash()
reviewer = ui.current_reviewer()
if reviewer is None:
    ui.read_only_notice()

# --- the queue -------------------------------------------------------------------------------
with st.expander("Filters", expanded=True):
    first, second, third = st.columns(3)
    status = first.selectbox("Status", [*CLAIM_STATUSES, ANY], key="rv_status")
    low, high = second.slider("Confidence", 0.0, 1.0, (0.0, 1.0), step=0.05, key="rv_confidence")
    limit = third.number_input("Show at most", min_value=1, max_value=5000, value=50, step=50, key="rv_limit")
    rule = first.text_input("Rule (exact name)", key="rv_rule").strip()
    benchmark = second.text_input("Benchmark (name or alias)", key="rv_benchmark").strip()
    paper = third.text_input("Paper id", key="rv_paper").strip()

queue = data.review_queue(
    status=None if status == ANY else status,
    min_confidence=low if low > 0 else None,
    max_confidence=high if high < 1 else None,
    rule=rule or None,
    benchmark=benchmark or None,
    paper=paper or None,
    limit=int(limit),
).reset_index(drop=True)
st.caption(f"{len(queue)} claims, most doubtful first")


def show_claim(claim_id: int) -> None:
    """One claim: its sentence with the value marked, its fields, actions, and history."""
    record = data.claim_record(claim_id)
    if record is None:
        st.warning(f"Claim {claim_id} is no longer in the database.")
        return
    where = ui.arxiv_link_html(record["arxiv_id"]) or html.escape(record["paper_id"])
    st.html(f"<b>{html.escape(record['paper_title'] or '(untitled)')}</b> · {where}")
    spans = [record["value_in_evidence"]] if record["value_in_evidence"] else []
    ui.show_marked(record["evidence"], spans)
    fields = {name: record[name] for name in review.EDITABLE_FIELDS}
    st.dataframe(pd.DataFrame([fields]), hide_index=True, key=f"rv_fields_{claim_id}")
    rule = ui.md_escape(record["rule"] or "-")
    st.caption(
        f"status {record['status']} · confidence {record['confidence']:.2f} · rule {rule} · "
        f"origin {record['origin']} · version {record['version']}"
    )
    if reviewer is not None:
        claim_actions(record)
    claim_history(claim_id)


def claim_actions(record: dict) -> None:
    claim_id, version = record["id"], record["version"]
    versions = {claim_id: version}
    accept_col, reject_col, _ = st.columns([1, 1, 4])
    if accept_col.button("Accept", key="rv_accept", type="primary"):
        done = f"Claim {claim_id} accepted."
        ui.write_then_rerun(review.accept, [claim_id], reviewer, versions=versions, done=done)
    if reject_col.button("Reject", key="rv_reject"):
        done = f"Claim {claim_id} rejected."
        ui.write_then_rerun(review.reject, [claim_id], reviewer, versions=versions, done=done)
    with st.form(f"rv_edit_{claim_id}"):
        st.markdown("**Correct the claim** (blank means none)")
        columns = st.columns(3)
        typed = {
            name: columns[i % 3].text_input(
                name, value=_as_text(record[name]), key=f"rv_edit_{claim_id}_{name}"
            )
            for i, name in enumerate(review.EDITABLE_FIELDS)
        }
        reason = st.text_input("Reason (optional)", key=f"rv_edit_{claim_id}_reason")
        if st.form_submit_button("Save correction"):
            changes = {name: text for name, text in typed.items() if text.strip() != _as_text(record[name])}
            if not changes:
                st.warning("Nothing changed.")
            else:
                ui.write_then_rerun(
                    review.edit, claim_id, changes, reviewer, expected_version=version,
                    reason=reason or None, done=f"Claim {claim_id} corrected.",
                )  # fmt: skip


def claim_history(claim_id: int) -> None:
    changes = data.history_table(claim_id)
    st.markdown("**History**")
    if changes.empty:
        st.caption("No person has changed this claim.")
        return
    st.dataframe(changes, hide_index=True, key=f"rv_history_{claim_id}")
    if reviewer is None:
        return
    pick, go = st.columns([3, 1])
    labels = {
        int(row.change_id): f"#{row.change_id} {row.field or row.action}: {row.old} → {row.new} "
        f"({row.reviewer})"
        for row in changes.itertuples()
    }
    change_id = pick.selectbox(
        "Change to revert", list(labels)[::-1], key=f"rv_revert_pick_{claim_id}", format_func=labels.get
    )
    if go.button("Revert", key=f"rv_revert_{claim_id}"):
        ui.write_then_rerun(review.revert, int(change_id), reviewer, done=f"Change #{change_id} reverted.")


def _as_text(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def bulk_table() -> None:
    """The queue as a table; a reviewer edits cells and statuses and saves them all at once."""
    if reviewer is None:
        st.dataframe(queue, hide_index=True, key="rv_queue_table")
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


if queue.empty:
    st.info("No claim matches these filters.")
else:
    one, bulk = st.tabs(["One claim at a time", "Table (bulk)"])
    with one:
        labels = {
            int(row.id): f"#{row.id} · {row.model or '?'} · {row.value:g} · {row.benchmark or '?'} "
            f"({row.confidence:.2f})"
            for row in queue.itertuples()
        }
        claim_id = st.selectbox("Claim", list(labels), format_func=labels.get, key="rv_claim")
        show_claim(int(claim_id))
    with bulk:
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
