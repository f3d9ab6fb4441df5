"""Cập nhật số liệu / Update data: paste or upload an article → candidates → review in the planner's language →
what is stored already → preview → save; or import a filled-in spreadsheet (planners only)."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from provdash import ui, update, update_page
from provdash.extract import ExtractionInputError
from provdash.i18n import t
from provdash.views import escape_markdown

lang = ui.lang()
st.title(t("up_title", lang))
st.write(t("up_intro", lang))
update_page.restore_kept_state()

# 1. The article: pasted (kept when the planner visits another page) or uploaded; or a spreadsheet to import
mode = st.segmented_control(t("up_input_paste", lang), ["paste", "upload", "sheet"], default="paste", key="up_mode",
                            required=True, label_visibility="collapsed",
                            format_func=lambda m: t(f"up_input_{m}", lang))
if mode == "sheet":
    update_page.spreadsheet_import(lang)
    update_page.keep_state()
else:
    text, notes = "", []
    if mode == "upload":
        uploaded = st.file_uploader(t("up_file", lang), type=["txt", "html", "htm", "docx", "pdf"], key="up_file")
        if uploaded is not None:
            try:
                text, notes = update.read_upload(uploaded.name, uploaded.getvalue())
            except ExtractionInputError as err:
                st.error(t("up_read_error", lang, reason=escape_markdown(update.read_error_text(err, lang))))
    else:
        text = st.text_area(t("up_text", lang), height=220, key="up_text", max_chars=update.MAX_TEXT_CHARS)
    if notes:
        st.caption(t("up_notes", lang, notes=escape_markdown("; ".join(update.note_text(n, lang) for n in notes))))

    # 2. Where it was published
    st.subheader(t("up_source", lang))
    left, right = st.columns(2)
    source = {
        "title": left.text_input(t("up_source_title", lang), key="up_source_title"),
        "outlet": right.text_input(t("up_source_outlet", lang), key="up_source_outlet"),
        "url": left.text_input(t("up_source_url", lang), key="up_source_url"),
        "published": right.date_input(t("up_source_published", lang), key="up_published", format="DD/MM/YYYY",
                                      min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1),
                                      help=t("up_help_published", lang),
                                      **update_page.empty_date_default("up_published")),
    }
    update_page.keep_state()

    # 3. Extract, review, save
    catalogue = update_page.catalogue()
    if st.button(t("up_extract", lang), type="primary", key="up_extract"):
        update_page.start_review(text, source["published"], catalogue, lang)
    update_page.review_and_save(source, catalogue, lang)
