"""The baseline of P1: a Streamlit page that draws nothing. Its rerun is what any page costs at least."""
import streamlit as st

st.empty()
