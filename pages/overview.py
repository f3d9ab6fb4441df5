"""Tổng quan / Overview: every target against its latest comparable actual, as cards, matrix and table."""
from __future__ import annotations

import streamlit as st

from provdash import present, targets, ui, views
from provdash.figures import overview
from provdash.i18n import t
from provdash.views import category_label, escape_markdown

lang = ui.lang()
st.title(t("ov_title", lang))
ui.intro(t("ov_intro", lang))

assessments = targets.assess_targets(ui.query("targets_with_actuals"))
categories = ["all"] + sorted(assessments["category"].unique())
filters = ui.filters_container()
category = ui.url_select(filters, "pills", t("filter_category", lang), categories, "all", key="cat",
                         format_func=lambda c: t("ov_category_all", lang) if c == "all" else category_label(c, lang))
jurisdictions = ui.jurisdiction_filter(lang, container=filters)
shown = assessments[assessments["jurisdiction"].isin(jurisdictions)
                    & ((category == "all") | (assessments["category"] == category))]

cards = overview.headline_cards(shown, lang)
for start in range(0, len(cards), 3):
    if not present.next_slide():  # presenter mode: three cards per slide
        continue
    st.subheader(t("ov_headlines", lang))
    for column, card in zip(st.columns(3), cards[start:start + 3]):
        with column.container(border=True):
            st.markdown(f"**{escape_markdown(card.heading)}**")
            st.markdown(f"### {escape_markdown(card.status_label)}")
            st.write(card.latest)
            if card.pace:
                st.caption(card.pace)
            if card.note:
                st.caption(card.note)

if present.next_slide():
    st.subheader(t("ov_matrix", lang))
    st.write(overview.count_summary(shown, lang))
    st.dataframe(overview.status_matrix(shown, lang), hide_index=True, width="stretch")

if present.next_slide():
    st.subheader(t("ov_details", lang))
    details = overview.detail_table(shown, lang)
    st.dataframe(details, hide_index=True, width="stretch")
    st.download_button(t("download_csv", lang), views.csv_bytes(details), file_name="tong-quan-muc-tieu.csv",
                       mime="text/csv")
