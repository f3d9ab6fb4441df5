"""Nguồn & phương pháp / Sources & method: every value with its source (searchable, filters and page in the URL;
?ind=, ?j=, ?year=, ?method=, ?scope= narrow it to one cell of the coverage page),
the whole dataset to download, and how the progress status is computed with every target's inputs."""
from __future__ import annotations

import streamlit as st

from provdash import catalogue, curation, present, progress, ui, views
from provdash.i18n import t

lang = ui.lang()
st.title(t("src_title", lang))
ui.intro(t("src_intro", lang))

# 1. Every value with its source; the search, filters and paging run in SQL with bound parameters, so only the
# rows on screen ever reach Python, however many values the store holds
show_values = present.next_slide()
if show_values:
    st.header(t("src_values_heading", lang))
filters = ui.filters_container()
search, category, kind = catalogue.value_filters(filters, lang, ui.query("values_by_category")["category"].tolist())
# indicator, place, year, method, scope: the coverage page links to one cell's values with these
narrowing = catalogue.narrowing_filters(filters, lang, ui.query("sources_facets"), category)
counts = ui.query("sources_values_count", search=search, category=category, kind=kind, **narrowing.params()).iloc[0]
matching, total = int(counts["matching"]), int(counts["total"])
if show_values:
    pages = catalogue.page_count(matching)  # one page (no page widget) unless more than VALUES_PAGE_SIZE match
    caption_box, page_box = st.columns([3, 1], vertical_alignment="bottom") if pages > 1 else (st, st)
    page = catalogue.values_page(page_box, lang, pages, (search, category, kind, narrowing))
    values, table = ui.memo(catalogue.values_page_view, search, category, kind, narrowing, page, lang)
    caption_box.caption(catalogue.values_count_text(page, len(values), matching, total, lang))
    if values.empty:
        st.info(t("src_no_match", lang))
    else:
        st.dataframe(table, hide_index=True, width="stretch",
                     height=catalogue.values_table_height(len(values)), column_config=catalogue.values_column_config(lang),
                     placeholder="–")
        with st.expander(t("src_source_list", lang)):
            ui.source_list(values, lang)

# 2. The whole dataset to download, built only when a button is clicked (by DuckDB, not from a table in memory)
if not present.presenting():
    st.subheader(t("src_download_heading", lang))
    st.caption(t("src_download_help", lang))
    catalogue.dataset_downloads(lang, total)

# The record of every save made on the update page (append-only).
audit = curation.read_audit()
if audit and not present.presenting():
    st.subheader(t("src_audit_heading", lang))
    st.dataframe(catalogue.audit_table(audit, lang), hide_index=True, width="stretch")

# 3. How the status is computed
if present.next_slide():
    st.header(t("src_method_heading", lang))
    st.write(t("src_method_name", lang, name=progress.method_names()[lang]))
    st.write(t("src_method_inputs", lang))
    st.write(t("src_formula_achieved", lang))
    st.latex(r"\mathrm{CAGR}_a = \left(\frac{x_t}{x_{t_0}}\right)^{1/(t - t_0)} - 1")
    st.write(t("src_formula_required", lang))
    st.latex(r"\mathrm{CAGR}_r = \left(\frac{x_T}{x_{t_0}}\right)^{1/(T - t_0)} - 1")
    st.write(t("src_formula_ratio", lang))
    st.latex(r"R = d \cdot \frac{\mathrm{CAGR}_a}{\left|\mathrm{CAGR}_r\right|}")
    st.write(t("src_formula_notes", lang))
    st.subheader(t("src_thresholds_heading", lang))
    st.dataframe(catalogue.threshold_table(progress.configured_thresholds(), lang), hide_index=True)

# 4. Every target's inputs and status (of the chosen topic): the first TARGETS_SHOWN on screen, all as a file
if present.next_slide():
    st.subheader(t("src_targets_heading", lang))
    status, in_all = ui.memo(catalogue.target_status_view, category, lang)
    st.caption(catalogue.targets_count_text(len(status), in_all, lang))
    st.dataframe(status, hide_index=True, width="stretch", height="content" if len(status) <= 50 else 560,
                 column_config=catalogue.status_column_config(lang))
    if in_all > len(status) and not present.presenting():
        st.download_button(t("src_targets_download", lang), catalogue.target_status_csv,
                           file_name="trang-thai-muc-tieu.csv", mime="text/csv", key="src_targets_csv",
                           on_click="ignore")
