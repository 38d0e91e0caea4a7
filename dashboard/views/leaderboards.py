"""leaderboards (in progress)."""

import streamlit as st

st.title("Leaderboards")
st.info("Coming soon.")
