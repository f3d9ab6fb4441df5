"""Kinh tế số / Digital economy: share of GRDP against the 20 % and 30 % targets, revenue, enterprises."""
from __future__ import annotations

from datetime import date

import streamlit as st

from provdash import ui
from provdash.figures import base, trajectory
from provdash.i18n import t

lang = ui.lang()
st.title(t("de_title", lang))
ui.intro(t("de_intro", lang))
jurisdictions, start, end = ui.filter_bar(lang)
period = dict(jurisdictions=jurisdictions, start=date(start, 1, 1), end=date(end, 12, 31))

# 1. Share of GRDP against targets
share = ui.query("indicator_observations", indicator="digital_economy_share_grdp", **period)
if share.empty:
    st.info(t("no_data", lang))
else:
    figure, assessments = trajectory.trajectory(
        share, lang, title=t("de_share_title", lang), y_title=t("de_share_y", lang),
        source_text=base.sources_text(share, lang), style=ui.chart_style())
    caveats = []
    if share[share["kind"] == "actual"]["method"].nunique() > 1:
        caveats.append(t("de_method_break", lang))
    if "thai_nguyen_2025" in jurisdictions and (share["jurisdiction"] == "thai_nguyen_2025").any():
        caveats.append(t("de_merged_note", lang))
    if assessments["pace_achieved"].isna().all():
        caveats.append(t("de_no_projection", lang))
    ui.chart_block(figure, lang=lang, summary=trajectory.summary_sentence(assessments, "%", lang),
                   table=trajectory.values_table(share, lang), sources=share, key="de_share",
                   file_stem="kinh-te-so-ty-trong-grdp", caveats=caveats)

# 2. Enterprises against targets
enterprises = ui.query("indicators_observations",
                       indicators=["digital_tech_enterprises", "digitally_transformed_enterprises"], **period)
if not enterprises.empty:
    figure, assessments = trajectory.trajectory(
        enterprises, lang, title=t("de_enterprises_title", lang), y_title=t("de_enterprises_y", lang),
        source_text=base.sources_text(enterprises, lang), style=ui.chart_style())
    ui.chart_block(figure, lang=lang,
                   summary=trajectory.summary_sentence(assessments, t("de_enterprises_y", lang), lang),
                   table=trajectory.values_table(enterprises, lang), sources=enterprises, key="de_enterprises",
                   file_stem="doanh-nghiep-cong-nghe-so")

# 3. Revenue: half-year and full-year kept apart
revenue = ui.query("indicator_observations", indicator="digital_economy_revenue", **period)
if not revenue.empty:
    figure, _ = trajectory.trajectory(revenue, lang, title=t("de_revenue_title", lang),
                                      y_title=t("de_revenue_y", lang), source_text=base.sources_text(revenue, lang),
                                      style=ui.chart_style())
    ui.chart_block(figure, lang=lang, summary=trajectory.revenue_summary(revenue, lang),
                   table=trajectory.values_table(revenue, lang), sources=revenue, key="de_revenue",
                   file_stem="doanh-thu-kinh-te-so")
