"""Nguồn & phương pháp / Sources & method: every value with its source (searchable, filters in the URL), the
whole dataset to download, and how the progress status is computed with every target's inputs."""
from __future__ import annotations

import streamlit as st

from provdash import catalogue, curation, exports, present, progress, targets, ui, views
from provdash.i18n import t

lang = ui.lang()
st.title(t("src_title", lang))
ui.intro(t("src_intro", lang))

# 1. Every value with its source; the search and filters run in SQL with bound parameters
show_values = present.next_slide()
if show_values:
    st.header(t("src_values_heading", lang))
search, category, kind = catalogue.value_filters(ui.filters_container(), lang,
                                                 ui.query("values_by_category")["category"].tolist())
values = ui.query("sources_values", search=search, category=category, kind=kind)
everything = ui.query("sources_values", search="", category="", kind="")
if show_values:
    st.caption(t("src_count", lang, shown=views.count(len(values), lang), total=views.count(len(everything), lang)))
    if values.empty:
        st.info(t("src_no_match", lang))
    else:
        st.dataframe(catalogue.values_table(values, lang), hide_index=True, width="stretch",
                     height=catalogue.values_table_height(len(values)), column_config=catalogue.values_column_config(lang),
                     placeholder="–")
        with st.expander(t("src_source_list", lang)):
            ui.source_list(values, lang)

# 2. The whole dataset to download
if not present.presenting():
    st.subheader(t("src_download_heading", lang))
    st.caption(t("src_download_help", lang))
    csv_column, excel_column = st.columns(2)
    csv_column.download_button(t("src_download_csv", lang), views.csv_bytes(everything),
                               file_name=f"{catalogue.DOWNLOAD_STEM}.csv", mime="text/csv", key="src_csv")
    excel_column.download_button(t("download_excel", lang), lambda: exports.excel_bytes(everything, t("nav_sources", lang)),
                                 file_name=f"{catalogue.DOWNLOAD_STEM}.xlsx", mime=exports.XLSX_MIME, key="src_xlsx")

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

# 4. Every target's inputs and status
if present.next_slide():
    st.subheader(t("src_targets_heading", lang))
    assessments = targets.assess_targets(ui.query("targets_with_actuals"))
    st.caption(t("src_targets_count", lang, count=views.count(len(assessments), lang)))
    st.dataframe(catalogue.status_table(assessments, ui.query("sources_vocabulary"), lang), hide_index=True,
                 width="stretch", height="content", column_config=catalogue.status_column_config(lang))
