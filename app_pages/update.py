"""Cập nhật số liệu / Update data: paste or upload an article → candidates → review → save (planners only)."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from provdash import curation, ui, update
from provdash.extract import ExtractionInputError
from provdash.i18n import t
from provdash.views import escape_markdown

lang = ui.lang()
st.title(t("up_title", lang))
st.write(t("up_intro", lang))

mode = st.segmented_control(t("up_input_paste", lang), ["paste", "upload"], default="paste", key="up_mode",
                            required=True, label_visibility="collapsed",
                            format_func=lambda m: t("up_input_paste" if m == "paste" else "up_input_upload", lang))
text, notes = "", []
if mode == "paste":
    text = st.text_area(t("up_text", lang), height=220, key="up_text", max_chars=update.MAX_TEXT_CHARS)
else:
    uploaded = st.file_uploader(t("up_file", lang), type=["txt", "html", "htm", "docx", "pdf"], key="up_file")
    if uploaded is not None:
        try:
            text, notes = update.read_upload(uploaded.name, uploaded.getvalue())
        except ExtractionInputError as err:
            st.error(t("up_read_error", lang, reason=escape_markdown(err)))
if notes:
    st.caption(t("up_notes", lang, notes=escape_markdown("; ".join(notes))))

st.subheader(t("up_source", lang))
left, right = st.columns(2)
source = {
    "title": left.text_input(t("up_source_title", lang), key="up_source_title"),
    "outlet": right.text_input(t("up_source_outlet", lang), key="up_source_outlet"),
    "url": left.text_input(t("up_source_url", lang), key="up_source_url"),
    "published": right.date_input(t("up_source_published", lang), value=None, key="up_published",
                                  min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1), format="DD/MM/YYYY"),
}

if st.button(t("up_extract", lang), type="primary", key="up_extract"):
    st.session_state["up_candidates"] = update.candidate_rows(text, source["published"])
    st.session_state["up_text_extracted"] = text


def review_and_save() -> None:
    """Candidates → review table → save. Returns early (never st.stop, so the app frame still draws)."""
    extracted_text = st.session_state.get("up_text_extracted", "")
    rows = st.session_state.get("up_candidates")
    if rows is None:
        return
    if not extracted_text.strip():
        st.info(t("up_empty", lang))
        return
    if rows.empty:
        st.warning(t("up_no_numbers", lang))
        return

    st.success(t("up_found", lang, count=len(rows)))
    with st.expander(t("up_highlighted", lang), expanded=False):
        with st.container(height=320):
            st.markdown(update.highlighted_markdown(extracted_text, rows))

    st.subheader(t("up_review", lang))
    edited = st.data_editor(rows, key="up_editor", num_rows="dynamic", hide_index=True, width="stretch",
                            column_config=update.editor_columns(ui.query("update_vocabulary"), lang))

    st.subheader(t("up_save_heading", lang))
    expected = ui.planner_secret()
    if expected is None:
        st.info(t("up_no_secret_configured", lang))
        return
    with st.form("up_save_form"):
        saved_by = st.text_input(t("up_saved_by", lang), max_chars=80)
        secret = st.text_input(t("up_secret", lang), type="password")
        submitted = st.form_submit_button(t("up_save", lang), type="primary")
    if submitted:
        complete = update.source_row(source, lang)
        if complete is None:
            st.error(t("up_need_title", lang))
            return
        try:
            result = curation.save(update.rows_to_save(edited), complete, saved_by, secret=secret, expected_secret=expected)
        except curation.AccessDenied as err:
            st.error(t("up_denied", lang, reason=escape_markdown(err)))
            return
        if result.saved:
            st.success(t("up_success", lang, count=result.rows_added, source=result.source_id))
            st.session_state.pop("up_candidates", None)
        else:
            st.error(t("up_problems", lang, count=len(result.problems)))
            st.code("\n".join(str(p) for p in result.problems[:100]), language=None)


review_and_save()
