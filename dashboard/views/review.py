"""review (in progress)."""

import streamlit as st

st.title("Review")
st.info("Coming soon.")
