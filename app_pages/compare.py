"""So sánh / Compare: any indicator held for both Thái Nguyên and Vĩnh Phúc, both provinces on one scale, the
change within each comparable series, and a warning wherever their values are not like for like."""
from __future__ import annotations

import streamlit as st

from provdash import compare, page_views, present, ui, views
from provdash.i18n import t

lang = ui.lang()
st.title(t("cmp_title", lang))
ui.intro(t("cmp_intro", lang))


indicators = ui.query("compare_indicators", jurisdictions=compare.COMPARED_JURISDICTIONS)
titles = compare.indicator_titles(indicators, lang)
if not titles:
    st.info(t("cmp_no_indicators", lang))
else:
    indicator = ui.url_select(ui.filters_container(), "selectbox", t("cmp_pick_indicator", lang), list(titles),
                              compare.DEFAULT_INDICATOR, key="ind", format_func=lambda i: titles.get(i, i))
    view = ui.memo(page_views.comparison, indicator, titles[indicator], lang, ui.chart_style())
    values, caveats = view["values"], view["caveats"]

    # 1. Both provinces on one scale; what is not like for like is said first, in words
    if not present.presenting():  # in presenter mode they go on the chart's own slide
        for caveat in caveats:
            st.warning(views.escape_markdown(caveat), icon="⚠️")
    ui.chart_block(view["figure"], lang=lang, summary=view["summary"], table=view["table"], sources=values, key="cmp_chart",
                   file_stem=f"so-sanh-{indicator}", caveats=caveats if present.presenting() else None)

    # 2. The change within each comparable series
    if present.next_slide():
        st.subheader(t("cmp_changes_heading", lang))
        st.caption(t("cmp_changes_help", lang))
        # A short table, shown whole and wrapped (st.table) so no column hides off screen; cells escaped.
        st.table(view["changes"], hide_index=True)
