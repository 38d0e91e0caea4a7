"""compare (in progress)."""

import streamlit as st

st.title("Compare")
st.info("Coming soon.")
