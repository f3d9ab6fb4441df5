"""Độ phủ số liệu / Data coverage: what the store holds for each indicator, province and year — actuals (by method
and scope), targets, or nothing — and what is known about the gaps, before anyone reads a chart. Filters in the
URL (?cat=, ?j=, ?from=, ?to=, ?kind=); each cell links to its values on the sources page."""
from __future__ import annotations

from datetime import date

import streamlit as st

from provdash import coverage, present, ui, views
from provdash.i18n import t

lang = ui.lang()
st.title(t("cov_title", lang))
ui.intro(t("cov_intro", lang))

filters = ui.filters_container()
jurisdictions = ui.jurisdiction_filter(lang, container=filters.container())
year_box, topic_box, kind_box = filters.columns([2, 2, 2])
start, end = ui.year_filter(lang, container=year_box)
topics = ui.query("coverage_indicators", category="")["category"].drop_duplicates().tolist()
category = ui.url_select(topic_box, "selectbox", t("filter_category", lang), [""] + topics, "", key="cat",
                         format_func=lambda c: views.category_label(c, lang) if c else t("src_all", lang))
kind = ui.url_select(kind_box, "segmented_control", t("cov_filter_kind", lang), ["", "actual", "target"], "",
                     key="kind", format_func=lambda k: t("kind_" + k, lang) if k else t("src_all", lang))


def coverage_views(category: str, jurisdictions: tuple[str, ...], start: int, end: int, kind: str, lang: str,
                   today: date) -> dict | None:
    """The page for one filter, memoised per database version."""
    period = dict(category=category, jurisdictions=list(jurisdictions), start=date(start, 1, 1), end=date(end, 12, 31))
    return coverage.page_view(
        ui.query("coverage_indicators", category=category),
        coverage.chosen_places(ui.query("jurisdictions"), jurisdictions),
        ui.query("coverage_cells", kind=kind, **period), ui.query("coverage_notes", **period),
        ui.query("sources_vocabulary"), list(range(start, end + 1)), kind, today, lang)


view = ui.memo(coverage_views, category, tuple(jurisdictions), start, end, kind, lang, date.today())

if view is None and present.next_slide():  # no province or no indicator chosen
    st.info(t("no_data", lang))

# 1. The answer: how many lines have a trajectory's worth of actuals, which cells hold what, per province
if view is not None and present.next_slide():
    st.subheader(t("cov_answer_heading", lang))
    for column, (label, value, share) in zip(st.columns(len(view["metrics"])), view["metrics"]):
        column.metric(label, value, help=t("cov_metric_help", lang, years=coverage.ENOUGH_YEARS))
        if share:
            column.caption(share)
    st.write(view["sentence"])
    st.markdown(f"**{t('cov_by_province', lang)}**")
    st.table(view["provinces"], hide_index=True)

# 2. The grid: each indicator × province × year, each cell linked to its values on the sources page
if view is not None and present.next_slide():
    st.subheader(t("cov_grid_heading", lang))
    st.markdown(coverage.legend(lang))
    if not present.presenting():  # on a projector the legend is enough; the grid needs the room
        st.caption(t("cov_grid_year_rule", lang))
    grid = view["grid"]
    if view["rows_in_all"] > len(grid):
        st.caption(coverage.rows_shown_text(len(grid), view["rows_in_all"], lang))
    if view["years_hidden"]:
        st.caption(view["years_hidden"])
    st.table(grid, hide_index=True, height="content" if len(grid) <= 12 else 560)

# 3. What is known about the gaps
if view is not None and present.next_slide():
    st.subheader(t("cov_notes_heading", lang))
    if view["notes"].empty:
        st.info(t("cov_notes_none", lang))
    else:
        st.caption(t("cov_notes_intro", lang))
        st.table(view["notes"], hide_index=True, height="content" if len(view["notes"]) <= 8 else 560)
