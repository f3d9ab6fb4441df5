"""Khu công nghiệp / Industrial zones: planned against established zones, clusters and land, progress towards the
2030 plans, occupancy — Thái Nguyên compared with Vĩnh Phúc."""
from __future__ import annotations


import streamlit as st

from provdash import page_views, present, ui, views
from provdash.i18n import t

lang, style, jurisdictions, period = ui.chart_page_head("iz_title", "iz_intro")


STATUS_SLIDE_PX = 430  # the table of plans' frame on a 1280×720 slide, under the page title and its notes
view = ui.memo(page_views.industrial_zones, tuple(jurisdictions), period["start"], period["end"], lang, style)

# 1. Occupancy, projects inside the zones, clusters with an investor: headline cards per province
groups = view["groups"]
if groups and present.next_slide():
    st.subheader(t("iz_facts_heading", lang))
    for name, cards in groups:
        st.markdown(f"**{views.escape_markdown(name)}**")
        for column, card in zip(st.columns(max(3, len(cards))), cards):
            # The label above the metric (not in it) so a long indicator name wraps instead of being cut off.
            column.markdown(views.escape_markdown(card.label),
                            help=views.escape_markdown(card.note) if card.note else None)
            column.metric(card.label, card.value, label_visibility="collapsed")
            column.caption(views.escape_markdown(card.caption))
    # on a slide the sources fold under the cards ("Nguồn (7)"), which each name theirs
    ui.source_list(view["card_sources"], lang, fold_after=0 if present.presenting() else None)

# 2. Planned against established, per measure and province
if not present.presenting():  # in presenter mode each chart's title says what it shows
    st.subheader(t("iz_bars_heading", lang))
parts = view["bars"]
if parts is None:
    if present.next_slide():
        st.info(t("no_data", lang))
else:
    ui.chart_block(parts.figure, lang=lang, summary=parts.summary, table=parts.table, sources=parts.sources,
                   data=parts.data, key="iz_planned_vs_established", file_stem="kcn-ccn-quy-hoach-va-da-thanh-lap",
                   caveats=parts.caveats, slides=parts.slides)

# 3. Progress towards the dated plans
if not present.presenting():
    st.subheader(t("iz_progress_heading", lang))
parts = view["progress"]
if parts is not None:
    ui.chart_block(parts.figure, lang=lang, summary=parts.summary, table=parts.table, sources=parts.sources,
                   data=parts.data, key="iz_area_progress", file_stem="dien-tich-kcn-so-voi-quy-hoach-2030",
                   caveats=parts.caveats)
status = view["status"]
if not status.empty and present.next_slide():
    st.markdown(f"**{t('iz_progress_table_heading', lang)}**")
    if present.presenting():  # large type (a data grid draws its own small type), scrolling in its frame
        st.table(view["status_cells"], hide_index=True, height=STATUS_SLIDE_PX)
    else:
        st.dataframe(status, hide_index=True, width="stretch")
    for note in view["notes"]:
        st.caption(views.escape_markdown(note))
