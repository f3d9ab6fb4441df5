"""The comparison chart: both provinces' actual values of one indicator on one y axis (the indicator's unit),
one trace per comparable series (provdash.compare.series_groups), targets as stars. Pure: DataFrame in,
Figure out; no Streamlit, no SQL.
"""
from __future__ import annotations

import plotly.graph_objects as go
import pandas as pd

from provdash import compare
from provdash.figures import base
from provdash.i18n import t


def comparison(frame: pd.DataFrame, lang: str, *, title: str, source_text: str = "",
               style: base.Style = base.NORMAL) -> go.Figure:
    """Actual values of every comparable series and the targets, on the indicator's own scale."""
    figure = go.Figure()
    for group in compare.series_groups(frame):
        # One call per series: base.add_value_series keeps method, scope and period-type breaks apart but not
        # part-years of different length, which compare.series_groups does.
        base.add_value_series(figure, group, lang, style)
        name = compare.series_label(group.iloc[0].to_dict(), lang)
        figure.data[-1].update(name=name, legendgroup=name)
    targets = frame[(frame["kind"] == "target") & frame["value_in_indicator_unit"].notna()]
    if not targets.empty:
        base.add_targets(figure, targets, lang, style)
    base.apply_layout(figure, lang, title, y_title(frame, lang), source_text, style)
    base.year_axis(figure, base.trace_xs(figure))
    if is_rank(frame):
        figure.update_yaxes(autorange="reversed", rangemode="normal")
    else:
        base.headroom(figure, style=style)
    return figure


def is_rank(frame: pd.DataFrame) -> bool:
    return bool(len(frame)) and frame["indicator_type"].iloc[0] == "rank"


def y_title(frame: pd.DataFrame, lang: str) -> str:
    """The indicator's unit; for ranks, a reminder that rank 1 is at the top."""
    if frame.empty:
        return ""
    unit = base.localised(frame.iloc[0], "indicator_unit_label", lang)
    return t("cmp_rank_axis", lang, unit=unit) if is_rank(frame) else unit
