"""FDI: cumulative registered capital and active projects, capital and projects per period, comparable growth,
and the national FDI rank — Thái Nguyên compared with Vĩnh Phúc."""
from __future__ import annotations

from datetime import date

import streamlit as st

from provdash import present, ui, views
from provdash.figures import fdi
from provdash.i18n import t

lang = ui.lang()
style = ui.chart_style()
st.title(t("fdi_title", lang))
ui.intro(t("fdi_intro", lang))
jurisdictions, start, end = ui.filter_bar(lang)
period = dict(jurisdictions=jurisdictions, start=date(start, 1, 1), end=date(end, 12, 31))

ranks = ui.query("fdi_attraction_rank", jurisdictions=jurisdictions)
stock = ui.query("fdi_cumulative_capital_and_projects", **period)
flows = ui.query("fdi_new_and_added_by_period", **period)

# 1. National rank: a headline card with its source
if present.next_slide():
    st.subheader(t("fdi_rank_heading", lang))
    cards = fdi.rank_cards(ranks, lang)
    if not cards:
        st.caption(t("fdi_rank_none", lang))
    for column, card in zip(st.columns(max(2, len(cards))), cards):
        column.metric(card.label, card.value)
        column.caption(views.escape_markdown(card.caption))
    if cards:
        ui.source_list(ranks, lang)

# 2. Cumulative capital and active projects: province-wide and KCN-only are separate series
if not present.presenting():  # in presenter mode each chart's title says what it shows
    st.subheader(t("fdi_stock_heading", lang))
if stock.empty and present.next_slide():
    st.info(t("no_data", lang))
for indicator, file_stem in (("fdi_registered_capital", "fdi-von-dang-ky-luy-ke"),
                             ("fdi_projects_active", "fdi-du-an-con-hieu-luc")):
    parts = fdi.stock_chart(stock, indicator, lang, style)
    if parts is not None:
        ui.chart_block(parts.figure, lang=lang, summary=parts.summary, table=parts.table, sources=parts.sources,
                       key=f"fdi_{indicator}", file_stem=file_stem, caveats=parts.caveats)

# 3. Amounts per period: full years, parts of a year and multi-year totals never in one series
if not present.presenting():
    st.subheader(t("fdi_flow_heading", lang))
if flows.empty and present.next_slide():
    st.info(t("no_data", lang))
for indicators, fallback, key, file_stem in (
        (fdi.CAPITAL_FLOWS, "fdi_capital_title_fallback", "fdi_capital_flows", "fdi-von-cap-moi-tang-them-theo-ky"),
        (fdi.PROJECT_FLOWS, "fdi_projects_title_fallback", "fdi_project_flows", "fdi-du-an-cap-moi-tang-von-theo-ky")):
    parts = fdi.flow_chart(flows, indicators, lang, fallback_title_key=fallback, style=style)
    if parts is not None:
        ui.chart_block(parts.figure, lang=lang, summary=parts.summary, table=parts.table, sources=parts.sources,
                       key=key, file_stem=file_stem, caveats=parts.caveats)

# 4. Growth, only between comparable periods
if present.next_slide():
    st.subheader(t("fdi_growth_heading", lang))
    st.caption(t("fdi_growth_intro", lang))
    pairs = fdi.comparable_growth(stock, flows)
    if not pairs.empty:
        st.dataframe(fdi.growth_table(pairs, lang), hide_index=True, width="stretch")
    for note in fdi.growth_notes(pairs, lang, stock, flows):
        (st.info if pairs.empty else st.caption)(views.escape_markdown(note))
    if not pairs.empty:
        ui.source_list(fdi.growth_sources(pairs, stock, flows), lang)
