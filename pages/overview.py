"""Tổng quan / Overview: the answer first — where Thái Nguyên and Vĩnh Phúc stand on the digital economy, FDI and
zone land (provdash.answers), on the first screen and as the first presenter slide — then every target's status
with its evidence, and a what-if pace for one target (?target=…&pace=…, kept in the URL only)."""
from __future__ import annotations

import streamlit as st

from provdash import board_view, present, scenarios, targets, ui, views
from provdash.figures import overview
from provdash.i18n import t
from provdash.views import escape_markdown

lang = ui.lang()
st.container(key="board_title").title(t("ov_title", lang), anchor=False)

if present.next_slide():  # slide 1: the answer board
    board_view.render(ui.memo(board_view.build, lang), lang, presenting=present.presenting())


def overview_views(jurisdictions: tuple[str, ...], category: str, lang: str) -> dict:
    """The page's tables for one filter, memoised per database version (thousands of targets at national scale
    are formatted once, not on every rerun)."""
    shown = targets.from_store(ui.query("target_progress", jurisdictions=list(jurisdictions),
                                        category="" if category == "all" else category))
    return {"count": overview.count_summary(shown, lang), "matrix": overview.status_matrix(shown, lang),
            "details": overview.detail_table(shown, lang), "without": overview.without_data(shown, lang),
            "choices": (choices := scenarios.scenario_targets(shown)),
            "labels": {key: scenarios.target_label(row, lang) for key, row in choices.items()}}


if not present.presenting():
    st.subheader(t("ov_all_targets", lang), anchor=False)
    ui.intro(t("ov_intro", lang))
categories = ["all"] + ui.query("target_categories")["category"].tolist()
filters = ui.filters_container()
category = ui.url_select(filters, "pills", t("filter_category", lang), categories, "all", key="cat",
                         format_func=lambda c: t("ov_category_all", lang) if c == "all" else views.category_label(c, lang))
jurisdictions = ui.jurisdiction_filter(lang, container=filters)
view = ui.memo(overview_views, tuple(jurisdictions), category, lang)

if not present.presenting():
    ui.briefing_button(lang)

if present.next_slide():
    if present.presenting():
        st.subheader(t("ov_matrix", lang), anchor=False)
    st.write(view["count"])
    st.dataframe(view["matrix"], hide_index=True, width="stretch", height="auto",
                 column_config={t("ov_col_target", lang): st.column_config.TextColumn(pinned=True, width="medium")})
    without = view["without"]
    if not without.empty:
        with st.expander(t("ov_without_data", lang, count=len(without))):
            st.dataframe(without, hide_index=True, width="stretch")

if present.next_slide():
    details = view["details"]
    with st.expander(t("ov_details", lang), expanded=present.presenting()):
        st.dataframe(details, hide_index=True, width="stretch",
                     column_config={t("col_indicator", lang): st.column_config.TextColumn(pinned=True)})
        st.download_button(t("download_csv", lang), lambda: views.csv_bytes(details),
                           file_name="tong-quan-muc-tieu.csv", mime="text/csv", on_click="ignore")

if present.next_slide():
    st.subheader(t("sc_heading", lang), help=t("sc_help", lang), anchor=False)
    choices = view["choices"]
    if not choices:
        st.info(t("sc_none", lang))
    else:
        left, right = st.columns([3, 2])
        target_key = ui.url_select(left, "selectbox", t("sc_target", lang), list(choices),
                                   scenarios.default_target(choices), key="target",
                                   format_func=view["labels"].__getitem__,
                                   on_change=lambda: st.session_state.update(pace=scenarios.OFF))
        target = choices[target_key]
        pace = ui.url_select(right, "selectbox", t("sc_pace", lang), scenarios.pace_options(target["pace_unit"]),
                             scenarios.OFF, key="pace",
                             format_func=lambda option: scenarios.pace_option_label(option, target, lang))
        if pace != scenarios.OFF:
            scenario = scenarios.evaluate(target, scenarios.parse_pace_option(pace))
            if scenario.pace is not None:
                # Label and value as text, not st.metric: "Không đạt với tốc độ này" must wrap, never be cut.
                for column, (label, value) in zip(st.columns([1, 1, 1.5]),
                                                  scenarios.result_metrics(target, scenario, lang)):
                    column.markdown(escape_markdown(label))
                    column.subheader(escape_markdown(value), anchor=False)
            st.caption(escape_markdown(scenarios.explanation(target, scenario, lang)))
