"""Dòng thời gian / Timeline: the dated decisions and events the sources report, oldest first, each with its
source (link, or seed article and quote)."""
from __future__ import annotations

from itertools import groupby

import streamlit as st

from provdash import page_views, present, ui, views
from provdash.figures import events
from provdash.i18n import t
from provdash.validate import EVENT_TYPES

lang = ui.lang()
st.title(t("tl_title", lang))
ui.intro(t("tl_intro", lang))

filters = ui.filters_container()
jurisdictions = ui.jurisdiction_filter(lang, container=filters)
types = ui.url_multiselect(filters, t("tl_filter_type", lang), list(EVENT_TYPES), list(EVENT_TYPES), key="type",
                           widget="pills", format_func=lambda kind: events.type_label(kind, lang))


items = ui.memo(page_views.timeline, tuple(jurisdictions), tuple(types), lang)
if not items:
    st.info(t("tl_none", lang))
elif not present.presenting():
    st.caption(t("tl_count", lang, count=len(items)))

for year, in_year in groupby(items, key=lambda item: item.year):
    if not present.next_slide():  # presenter mode: one year per slide
        continue
    st.subheader(str(year))
    for item in in_year:
        with st.container(border=True, key=f"event-{item.event_id}"):
            st.markdown(f"**{views.escape_markdown(item.date)}** · {views.escape_markdown(item.type_label)} · "
                        f"{views.escape_markdown(item.jurisdiction)}")
            headline = f"**{views.escape_markdown(item.headline)}**: " if item.headline else ""
            st.markdown(headline + views.escape_markdown(item.detail))
            lines = [item.source_markdown]  # already escaped, links only to http(s) addresses
            if item.quote:
                lines.append(views.escape_markdown(t("tl_quote", lang, quote=item.quote)))
            lines.append(views.escape_markdown(t("tl_source_said", lang, label=item.date_label)))
            if item.note:
                lines.append(views.escape_markdown(t("tl_note", lang, note=item.note)))
            st.caption("  \n".join(lines))

if items and not present.presenting():
    st.download_button(t("download_csv", lang), lambda: views.csv_bytes(events.timeline_table(items, lang)),
                       file_name="dong-thoi-gian.csv", mime="text/csv", on_click="ignore")
