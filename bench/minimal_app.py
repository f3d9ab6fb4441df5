"""The baseline of P4: the smallest Streamlit app with one filter and one Plotly chart that follows it.

The browser benchmark changes its filter and waits for the chart to redraw, exactly as it does on the
dashboard, so the ratio of the two is what the dashboard adds to Streamlit's own round trip.
"""
import plotly.graph_objects as go
import streamlit as st

SERIES = {"A": [3, 4, 6, 7, 9, 12], "B": [5, 5, 6, 8, 8, 10], "C": [1, 2, 2, 3, 5, 6]}
YEARS = [2020, 2021, 2022, 2023, 2024, 2025]

chosen = st.pills("Series", list(SERIES), selection_mode="multi", default=list(SERIES), key="series") or []
figure = go.Figure([go.Scatter(x=YEARS, y=SERIES[name], name=name, mode="lines+markers") for name in chosen])
st.plotly_chart(figure, key="chart")
