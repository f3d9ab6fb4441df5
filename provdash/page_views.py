"""The views of the chart pages: for one filter, every query a page runs and the figures, tables, sentences and
cards it shows, as plain data (no `st.*` drawing here).

Pages call these through `ui.memo` (built once per database version and filter, shared by every session); tests
call them directly over the whole valid filter space (tests/test_valid_filters.py), which a page-by-page AppTest
could not afford. Each function depends only on its arguments and the database (queries through `ui.query`).
"""
from __future__ import annotations

from datetime import date

from provdash import scenarios, targets, ui
from provdash.figures import base, events, fdi_flows, fdi_growth, fdi_rank, fdi_stock, trajectory, zones
from provdash.figures import compare as compare_figures
from provdash import compare
from provdash.i18n import t

# --- digital economy ---------------------------------------------------------------------------------------

DE_INDICATORS = {"de_share": ["digital_economy_share_grdp"],
                 "de_enterprises": ["digital_tech_enterprises", "digitally_transformed_enterprises"],
                 "de_revenue": ["digital_economy_revenue"]}
DE_CHARTS = {  # chart key → (title text key, y-axis text key)
    "de_share": ("de_share_title", "de_share_y"),
    "de_enterprises": ("de_enterprises_title", "de_enterprises_y"),
    "de_revenue": ("de_revenue_title", "de_revenue_y"),
}


def digital_economy(jurisdictions: tuple[str, ...], start: date, end: date, lang: str, style: base.Style) -> dict:
    """Data and base charts of the digital-economy page (key → (figure, assessments)), their tables and
    summary sentences, and the targets a what-if pace can be assumed for."""
    period = dict(jurisdictions=list(jurisdictions), start=start, end=end)
    data = {
        "de_share": ui.query("indicator_observations", indicator="digital_economy_share_grdp", **period),
        "de_enterprises": ui.query("indicators_observations", indicators=DE_INDICATORS["de_enterprises"], **period),
        "de_revenue": ui.query("indicator_observations", indicator="digital_economy_revenue", **period),
    }
    # The statuses the build stored (the same as on the overview, whatever years the filter shows).
    stored = {key: targets.from_store(ui.query("target_progress_of", indicators=DE_INDICATORS[key],
                                               jurisdictions=list(jurisdictions))) for key in data}
    charts = {key: trajectory.trajectory(frame, lang, title=t(DE_CHARTS[key][0], lang),
                                         y_title=t(DE_CHARTS[key][1], lang),
                                         source_text=base.sources_text(frame, lang), style=style,
                                         assessments=stored[key])
              for key, frame in data.items() if not frame.empty}
    tables = {key: trajectory.values_table(frame, lang) for key, frame in data.items() if not frame.empty}
    summaries = {key: trajectory.summary_sentence(charts[key][1], unit, lang, values=data[key])
                 for key, unit in (("de_share", "%"), ("de_enterprises", t("de_enterprises_y", lang))) if key in charts}
    if "de_revenue" in charts:
        summaries["de_revenue"] = trajectory.revenue_summary(data["de_revenue"], lang)
    scenario_choices = scenarios.scenario_targets(*(assessments for _, assessments in charts.values()))
    labels = {key: scenarios.target_label(row, lang) for key, row in scenario_choices.items()}
    return {"data": data, "charts": charts, "tables": tables, "summaries": summaries, "targets": scenario_choices,
            "labels": labels, "share_caveats": share_caveats(data["de_share"], charts.get("de_share"), lang)}


def share_caveats(share, chart, lang: str) -> list[str]:
    """What the share chart cannot say by itself: a method break, the merged province's different basis, and
    why no pace is drawn."""
    if chart is None:
        return []
    caveats = []
    if share[share["kind"] == "actual"]["method"].nunique() > 1:
        caveats.append(t("de_method_break", lang))
    if (share["jurisdiction"] == "thai_nguyen_2025").any():
        caveats.append(t("de_merged_note", lang))
    assessments = chart[1]
    if not assessments.empty and assessments["pace_achieved"].isna().all():
        caveats.append(t("de_no_projection", lang))
    return caveats


# --- FDI -------------------------------------------------------------------------------------------------------

# Amounts per period: a tab each for capital and projects, and in it a chart per indicator (its own panel, title,
# table and downloads), so the open tab stays about three screens long whatever the number of periods.
FDI_FLOW_TABS = (("fdi_tab_capital_flows", fdi_flows.CAPITAL_FLOWS), ("fdi_tab_project_flows", fdi_flows.PROJECT_FLOWS))
FDI_FLOW_FILES = {  # indicator → file name of its chart's downloads
    "fdi_registered_new_and_added": "fdi-von-cap-moi-va-tang-them-theo-ky",
    "fdi_new_capital": "fdi-von-cap-moi-theo-ky",
    "fdi_capital_increase": "fdi-von-tang-them-theo-ky",
    "fdi_new_projects": "fdi-du-an-cap-moi-theo-ky",
    "fdi_capital_increase_projects": "fdi-luot-du-an-tang-von-theo-ky",
}
FDI_STOCK_CHARTS = (("fdi_registered_capital", "fdi-von-dang-ky-luy-ke"),
                    ("fdi_projects_active", "fdi-du-an-con-hieu-luc"))


def foreign_investment(jurisdictions: tuple[str, ...], start: date, end: date, lang: str, style: base.Style) -> dict:
    """Every card, chart and table of the FDI page for one filter."""
    period = dict(jurisdictions=list(jurisdictions), start=start, end=end)
    ranks = ui.query("fdi_attraction_rank", jurisdictions=list(jurisdictions))
    stock = ui.query("fdi_cumulative_capital_and_projects", **period)
    flows = ui.query("fdi_new_and_added_by_period", **period)
    pairs = fdi_growth.comparable_growth(stock, flows)
    shown, left_out = fdi_growth.newest_pairs(pairs)
    names = {row["indicator"]: base.localised(row, "indicator_name", lang)
             for row in base.records(flows, ["indicator", "indicator_name", "indicator_name_en"])}
    return {
        "cards": fdi_rank.rank_cards(ranks, lang), "rank_sources": ranks,
        "stock_empty": stock.empty, "flows_empty": flows.empty,
        "stocks": [fdi_stock.stock_chart(stock, indicator, lang, style) for indicator, _ in FDI_STOCK_CHARTS],
        "flows": [[(indicator, names.get(indicator, indicator),
                    fdi_flows.flow_chart(flows, (indicator,), lang, fallback_title_key="fdi_flow_title_fallback",
                                         style=style)) for indicator in indicators]
                  for _, indicators in FDI_FLOW_TABS],
        "growth": None if shown.empty else fdi_growth.growth_table(shown, lang),
        # the same table as inert Markdown, for st.table (on a slide: large type, scrolling in its frame)
        "growth_cells": None if shown.empty else compare.markdown_safe(fdi_growth.growth_table(shown, lang)),
        "growth_notes": fdi_growth.growth_notes(pairs, lang, stock, flows) + fdi_growth.growth_left_out_notes(left_out, lang),
        "growth_sources": None if shown.empty else fdi_growth.growth_sources(shown, stock, flows),
    }


# --- industrial zones ---------------------------------------------------------------------------------------


def industrial_zones(jurisdictions: tuple[str, ...], start: date, end: date, lang: str, style: base.Style) -> dict:
    """Every card, chart and table of the industrial-zone page for one filter."""
    period = dict(jurisdictions=list(jurisdictions), start=start, end=end)
    land = ui.query("zones_planned_vs_established", **period)
    facts = ui.query("zones_occupancy_and_progress", **period)
    return {
        "groups": zones.zone_cards(facts, land, lang), "card_sources": zones.card_sources(facts, land),
        "bars": zones.planned_vs_established_chart(land, lang, style),
        "progress": zones.area_progress_chart(land, lang, style=style),
        "status": zones.progress_table(land, lang), "notes": zones.undated_plan_notes(land, lang),
        # the same table as inert Markdown, for st.table (on a slide: large type, scrolling in its frame)
        "status_cells": compare.markdown_safe(zones.progress_table(land, lang)),
    }


# --- compare and timeline -----------------------------------------------------------------------------------


def comparison(indicator: str, title: str, lang: str, style: base.Style) -> dict:
    """The comparison chart, its texts and tables for one indicator."""
    values = ui.query("compare_values", indicator=indicator, jurisdictions=compare.COMPARED_JURISDICTIONS)
    return {
        "values": values, "caveats": compare.caveat_texts(values, lang),
        "figure": compare_figures.comparison(values, lang, title=t("cmp_chart_title", lang, indicator=title),
                                             source_text=base.sources_text(values, lang), style=style),
        "summary": compare.summary_sentence(values, lang), "table": trajectory.values_table(values, lang),
        "changes": compare.markdown_safe(compare.change_table(compare.series_changes(values), lang)),
    }


def timeline(jurisdictions: tuple[str, ...], types: tuple[str, ...], lang: str) -> list[events.TimelineItem]:
    """The events of the chosen provinces and types, oldest first."""
    found = ui.query("events", jurisdictions=list(jurisdictions), start=date(ui.YEAR_MIN, 1, 1),
                     end=date(ui.YEAR_MAX, 12, 31))
    return events.timeline_items(found, list(types), lang)
