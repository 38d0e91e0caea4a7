"""entities (in progress)."""

import streamlit as st

st.title("Entities")
st.info("Coming soon.")
