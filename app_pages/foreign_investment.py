"""FDI: cumulative registered capital and active projects, capital and projects per period, comparable growth,
and the national FDI rank — Thái Nguyên compared with Vĩnh Phúc.

The rank card answers first; each chart and the growth table then get a tab of their own (the amounts per period
a chart per indicator, in tabs within their tab), so the page stays about three screens long. In presenter mode
every chart is a slide (the main chart first; a long bar chart over several), the growth table is paged over
slides, and the rank comes after them.
"""
from __future__ import annotations


import streamlit as st

from provdash import page_views, present, ui, views
from provdash.i18n import t

lang, style, jurisdictions, period = ui.chart_page_head("fdi_title", "fdi_intro")

view = ui.memo(page_views.foreign_investment, tuple(jurisdictions), period["start"], period["end"], lang, style)
# A tab of the page: its label and its charts, each (name within the tab, key, file name, parts).
tabs = [(tab, [(t(tab, lang), f"fdi_{indicator}", file_stem, parts)])
        for (indicator, file_stem), tab, parts in zip(page_views.FDI_STOCK_CHARTS, ("fdi_tab_capital", "fdi_tab_projects"),
                                                      view["stocks"])]
tabs += [(tab, [(name, f"fdi_{indicator}", page_views.FDI_FLOW_FILES[indicator], parts)
                for indicator, name, parts in charts])
         for (tab, _), charts in zip(page_views.FDI_FLOW_TABS, view["flows"])]
tabs = [(tab, [chart for chart in charts if chart[3] is not None]) for tab, charts in tabs]
tabs = [(tab, charts) for tab, charts in tabs if charts]


def rank() -> None:
    """The national rank: a headline card with its source."""
    st.subheader(t("fdi_rank_heading", lang))
    cards = view["cards"]
    if not cards:
        st.caption(t("fdi_rank_none", lang))
    for column, card in zip(st.columns(max(2, len(cards))), cards):
        column.metric(card.label, card.value)
        column.caption(views.escape_markdown(card.caption))
    if cards:
        ui.source_list(view["rank_sources"], lang, fold_after=ui.SOURCES_SHOWN)


def chart(key: str, file_stem: str, parts) -> None:
    ui.chart_block(parts.figure, lang=lang, summary=parts.summary, table=parts.table, sources=parts.sources, key=key,
                   file_stem=file_stem, caveats=parts.caveats, data=parts.data, slides=parts.slides)


GROWTH_SLIDE_PX = 480  # the growth table's frame on a 1280×720 slide, under the page title and the heading


def growth() -> None:
    """Growth, only between comparable periods."""
    st.subheader(t("fdi_growth_heading", lang))
    if present.presenting():  # one slide: the table in large type scrolls in its frame; what explains it folded
        if view["growth_cells"] is None:
            for note in view["growth_notes"]:
                st.info(views.escape_markdown(note))
            return
        st.table(view["growth_cells"], hide_index=True, height=GROWTH_SLIDE_PX)
        with st.expander(t("present_notes", lang, count=1 + len(view["growth_notes"]))):
            st.caption(t("fdi_growth_intro", lang))
            for note in view["growth_notes"]:
                st.caption(views.escape_markdown(note))
            ui.source_list(view["growth_sources"], lang)
        return
    st.caption(t("fdi_growth_intro", lang))
    table = view["growth"]
    if table is not None:
        # Wider than the page: it scrolls inside its frame, the province column pinned on the left.
        st.dataframe(table, hide_index=True, width="stretch",
                     column_config={table.columns[0]: st.column_config.TextColumn(pinned=True)})
    for note in view["growth_notes"]:
        (st.info if table is None else st.caption)(views.escape_markdown(note))
    if table is not None:
        ui.source_list(view["growth_sources"], lang)


if present.presenting():
    if not tabs and present.next_slide():
        st.info(t("no_data", lang))
    for _, charts in tabs:
        for _, key, file_stem, parts in charts:
            chart(key, file_stem, parts)
    if present.next_slide():
        growth()
    if present.next_slide():
        rank()
else:
    rank()
    if not tabs:
        st.info(t("no_data", lang))
    shown = st.tabs([t(tab, lang) for tab, _ in tabs] + [t("fdi_growth_heading", lang)])
    for box, (_, charts) in zip(shown, tabs):
        with box:
            inner = st.tabs([name for name, _, _, _ in charts]) if len(charts) > 1 else [st.container()]
            for place, (_, key, file_stem, parts) in zip(inner, charts):
                with place:
                    chart(key, file_stem, parts)
    with shown[-1]:
        growth()
