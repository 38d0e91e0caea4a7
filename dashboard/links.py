"""What a page's URL holds: widgets bound to query parameters (`bind="query-params"`) keep
the view in the address bar; this module reads the looser forms a person types by hand.

`/?benchmark=librispeech` should open LibriSpeech: a bound widget only takes a value spelled
exactly as one of its options, so the value is first matched after folding (case,
punctuation and spacing ignored) and given to the widget through session state.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from leaderboard.normalize import fold


def resolve_param(key: str, options: Sequence[str]) -> None:
    """Before the widget `key` is drawn: make a URL value that names an option loosely select
    it, and drop a remembered value that is no longer an option (the widget then starts on its
    default)."""
    current = st.session_state.get(key)
    if current is not None and current not in options:
        del st.session_state[key]
    if key in st.session_state:
        return
    wanted = st.query_params.get(key)
    if wanted is None or wanted in options:
        return
    folded = {fold(option): option for option in options}
    match = folded.get(fold(wanted))
    if match is not None:
        st.session_state[key] = match


def wanted_id(key: str) -> int | None:
    """An integer id the URL or the session asks for (`?claim=12`), else None."""
    value = st.session_state.get(key, st.query_params.get(key))
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None
