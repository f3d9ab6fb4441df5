"""Home: the answer first (the overview's board: where Thái Nguyên and Vĩnh Phúc stand), then what the store holds,
the 2025 mergers, and where to go next."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from provdash import board_view, present, ui, views
from provdash.i18n import t

lang = ui.lang()

st.container(key="board_title").title(t("app_title", lang), anchor=False)
if present.next_slide():  # whoever opens the dashboard sees the answer first
    board_view.render(ui.memo(board_view.build, lang), lang, presenting=present.presenting())


def home_tables(lang: str) -> tuple[pd.Series, pd.DataFrame, pd.DataFrame]:
    return (ui.query("store_summary").iloc[0], views.category_table(ui.query("values_by_category"), lang),
            views.jurisdiction_table(ui.query("jurisdictions"), lang))


if present.next_slide():  # then what the store holds (a second slide on the projector)
    st.write(t("home_intro", lang))
    summary, by_category, places = ui.memo(home_tables, lang)
    columns = st.columns(5)
    columns[0].metric(t("metric_indicators", lang), views.count(summary["indicators"], lang))
    columns[1].metric(t("metric_values", lang), views.count(summary["observations"], lang))
    columns[2].metric(t("metric_sources", lang), views.count(summary["sources"], lang))
    columns[3].metric(t("metric_targets", lang), views.count(summary["targets"], lang))
    columns[4].metric(t("metric_latest", lang), views.published(summary["latest_source_published"], lang))

    st.subheader(t("home_by_category", lang))
    st.dataframe(by_category, hide_index=True)

    st.subheader(t("home_mergers", lang))
    st.write(t("home_mergers_text", lang))
    st.dataframe(places, hide_index=True)

    st.subheader(t("home_pages", lang))
    for page, title, description in views.HOME_LINKS:
        st.page_link(page, label=f"**{t(title, lang)}** — {t(description, lang)}")
