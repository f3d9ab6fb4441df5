"""FDI: cumulative registered capital and active projects, capital and projects per period, comparable growth,
and the national FDI rank — Thái Nguyên compared with Vĩnh Phúc."""
from __future__ import annotations

from datetime import date

import streamlit as st

from provdash import page_views, present, ui, views
from provdash.i18n import t

lang = ui.lang()
style = ui.chart_style()
st.title(t("fdi_title", lang))
ui.intro(t("fdi_intro", lang))
jurisdictions, start, end = ui.filter_bar(lang)
period = dict(jurisdictions=jurisdictions, start=date(start, 1, 1), end=date(end, 12, 31))

view = ui.memo(page_views.foreign_investment, tuple(jurisdictions), period["start"], period["end"], lang, style)

# 1. National rank: a headline card with its source
if present.next_slide():
    st.subheader(t("fdi_rank_heading", lang))
    cards = view["cards"]
    if not cards:
        st.caption(t("fdi_rank_none", lang))
    for column, card in zip(st.columns(max(2, len(cards))), cards):
        column.metric(card.label, card.value)
        column.caption(views.escape_markdown(card.caption))
    if cards:
        ui.source_list(view["rank_sources"], lang)

# 2. Cumulative capital and active projects: province-wide and KCN-only are separate series
if not present.presenting():  # in presenter mode each chart's title says what it shows
    st.subheader(t("fdi_stock_heading", lang))
if view["stock_empty"] and present.next_slide():
    st.info(t("no_data", lang))
for (indicator, file_stem), parts in zip(page_views.FDI_STOCK_CHARTS, view["stocks"]):
    if parts is not None:
        ui.chart_block(parts.figure, lang=lang, summary=parts.summary, table=parts.table, sources=parts.sources,
                       key=f"fdi_{indicator}", file_stem=file_stem, caveats=parts.caveats)

# 3. Amounts per period: full years, parts of a year and multi-year totals never in one series
if not present.presenting():
    st.subheader(t("fdi_flow_heading", lang))
if view["flows_empty"] and present.next_slide():
    st.info(t("no_data", lang))
for (_, _, key, file_stem), parts in zip(page_views.FDI_FLOW_CHARTS, view["flows"]):
    if parts is not None:
        ui.chart_block(parts.figure, lang=lang, summary=parts.summary, table=parts.table, sources=parts.sources,
                       key=key, file_stem=file_stem, caveats=parts.caveats)

# 4. Growth, only between comparable periods
if present.next_slide():
    st.subheader(t("fdi_growth_heading", lang))
    st.caption(t("fdi_growth_intro", lang))
    growth = view["growth"]
    if growth is not None:
        st.dataframe(growth, hide_index=True, width="stretch")
    for note in view["growth_notes"]:
        (st.info if growth is None else st.caption)(views.escape_markdown(note))
    if growth is not None:
        ui.source_list(view["growth_sources"], lang)
