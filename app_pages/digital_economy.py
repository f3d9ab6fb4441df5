"""Kinh tế số / Digital economy: share of GRDP against the 20 % and 30 % targets, revenue, enterprises.

Planner's tools above the charts, kept in the URL: policy events as markers on the charts (?events=1) and a
what-if pace for one target (?target=…&pace=…) drawn as a scenario line on the chart that holds the target.
"""
from __future__ import annotations

from datetime import date

import plotly.graph_objects as go
import streamlit as st

from provdash import page_views, present, scenarios, ui, views
from provdash.figures import events
from provdash.i18n import t

lang, style, jurisdictions, period = ui.chart_page_head("de_title", "de_intro")


view = ui.memo(page_views.digital_economy, tuple(jurisdictions), period["start"], period["end"], lang, style)
share, enterprises, revenue = (view["data"][k] for k in ("de_share", "de_enterprises", "de_revenue"))
charts = dict(view["charts"])  # key → (figure, assessments); the figures are shared: copy before adding to one

# Planner's tools: the events toggle (?events=1) and one what-if scenario (?target=…&pace=…). In presenter mode
# they fold into one line so the chart keeps the screen; what they set stays on the chart.
if present.presenting():
    tools = st.expander(t("sc_tools", lang), expanded=False)
else:
    tools = st.container(border=True, key="planner_tools")
if "events" not in st.session_state:
    st.session_state["events"] = st.query_params.get("events") in ("1", "true")
show_events = tools.toggle(t("ev_toggle", lang), key="events", help=t("ev_toggle_help", lang))
if show_events and st.query_params.get("events") != "1":
    st.query_params["events"] = "1"
elif not show_events and "events" in st.query_params:
    del st.query_params["events"]

targets = view["targets"]
if targets:
    tools.markdown(f"**{views.escape_markdown(t('sc_heading', lang))}**", help=t("sc_help", lang))
    left, right = tools.columns([3, 2])
    target_key = ui.url_select(left, "selectbox", t("sc_target", lang), list(targets), scenarios.default_target(targets),
                               key="target", format_func=view["labels"].__getitem__,
                               on_change=lambda: st.session_state.update(pace=scenarios.OFF))
    target = targets[target_key]
    pace = ui.url_select(right, "selectbox", t("sc_pace", lang), scenarios.pace_options(target["pace_unit"]),
                         scenarios.OFF, key="pace", format_func=lambda o: scenarios.pace_option_label(o, target, lang))
    if pace != scenarios.OFF:
        scenario = scenarios.evaluate(target, scenarios.parse_pace_option(pace))
        if scenario.pace is not None:
            # Label and value as text, not st.metric: "Không đạt với tốc độ này" must wrap, never be cut.
            for column, (label, value) in zip(tools.columns([1, 1, 1.5]),
                                              scenarios.result_metrics(target, scenario, lang)):
                column.markdown(views.escape_markdown(label))
                column.subheader(views.escape_markdown(value), anchor=False)
            for key, (figure, assessments) in charts.items():
                if scenarios.holds(assessments, target):
                    charts[key] = (figure := go.Figure(figure)), assessments
                    scenarios.add_scenario_line(figure, target, scenario, lang, style)
        tools.caption(views.escape_markdown(scenarios.explanation(target, scenario, lang)))

if show_events:
    event_rows = ui.query("events", **period)
    for key, (figure, assessments) in charts.items():
        charts[key] = (figure := go.Figure(figure)), assessments
        events.add_event_markers(figure, event_rows, lang, style)

# 1. Share of GRDP against targets
if "de_share" not in charts:
    st.info(t("no_data", lang))
else:
    figure, _ = charts["de_share"]
    ui.chart_block(figure, lang=lang, summary=view["summaries"]["de_share"],
                   table=view["tables"]["de_share"], sources=share, key="de_share",
                   file_stem="kinh-te-so-ty-trong-grdp", caveats=view["share_caveats"])

# 2. Enterprises against targets
if "de_enterprises" in charts:
    figure, assessments = charts["de_enterprises"]
    ui.chart_block(figure, lang=lang,
                   summary=view["summaries"]["de_enterprises"],
                   table=view["tables"]["de_enterprises"], sources=enterprises, key="de_enterprises",
                   file_stem="doanh-nghiep-cong-nghe-so")

# 3. Revenue: half-year and full-year kept apart
if "de_revenue" in charts:
    figure, _ = charts["de_revenue"]
    ui.chart_block(figure, lang=lang, summary=view["summaries"]["de_revenue"],
                   table=view["tables"]["de_revenue"], sources=revenue, key="de_revenue",
                   file_stem="doanh-thu-kinh-te-so")
