"""Industrial zones (KCN) and clusters (CCN): planned against established, progress towards the 2030 plans,
occupancy and the other zone facts. Thái Nguyên compared with Vĩnh Phúc.

Pure builders: DataFrames of the `observations` view in; Plotly figures, tables, sentences and cards out. No
Streamlit, no SQL. A plan ("quy hoạch", kind target, qualifier plan) is never drawn as established land: it is
a separate, hatched bar with the word "Quy hoạch" in its label. When sources give different plans for the same
thing (Vĩnh Phúc: 29 KCN "được quy hoạch" in one, 24 KCN by 2030 in another) every one is shown, none picked.
"""
from __future__ import annotations

import pandas as pd

from provdash import periods, views
from provdash.figures import base, trajectory
from provdash.figures.bars import bar_panels, bar_slides
from provdash.figures.parts import (TICK_FORMAT, Card, ChartParts, dated_label, fit_title, indicator_unit_label,
                                    jurisdiction_rank, plain, qualified, short_names, table_with_notes)
from provdash.i18n import t
from provdash.numbers import format_percent
from provdash.targets import assess_targets

ZONE_MEASURES = ("kcn_count", "kcn_area", "ccn_count", "ccn_area")
PLAN_KEYS = ["indicator", "jurisdiction", "scope", "period_start", "period_end", "value_in_indicator_unit", "qualifier"]


def _source_names(frame: pd.DataFrame, source_ids: list[str], lang: str) -> str:
    """"Báo Vĩnh Phúc; VCCI News": the short names of these sources, as rows of `frame` give them."""
    rows = frame.drop_duplicates("source_id").set_index("source_id", drop=False)
    return "; ".join(views.source_name(rows.loc[s], lang) for s in source_ids if s in rows.index)


def _ordered_jurisdictions(frame: pd.DataFrame) -> list[str]:
    return sorted(frame["jurisdiction"].unique(), key=jurisdiction_rank)


def distinct_plans(frame: pd.DataFrame) -> pd.DataFrame:
    """Plans (kind target) with the same plan from several sources kept once, the other sources listed."""
    plans = frame[frame["kind"] == "target"].sort_values(["period_end", "value_in_indicator_unit", "source_id"])
    if plans.empty:
        return plans.assign(also_in=pd.Series(dtype=str), also_in_ids=pd.Series(dtype=object))
    also = plans.groupby(PLAN_KEYS, sort=False, dropna=False)["source_outlet"].agg(lambda s: list(dict.fromkeys(s)))
    also_ids = plans.groupby(PLAN_KEYS, sort=False, dropna=False)["source_id"].agg(lambda s: list(dict.fromkeys(s)))
    first = plans.drop_duplicates(PLAN_KEYS).copy()
    first["also_in"] = ["; ".join(also.loc[tuple(r[k] for k in PLAN_KEYS)][1:]) for _, r in first.iterrows()]
    first["also_in_ids"] = [also_ids.loc[tuple(r[k] for k in PLAN_KEYS)][1:] for _, r in first.iterrows()]
    return first


def latest_established(frame: pd.DataFrame) -> pd.DataFrame:
    """The newest actual of each indicator, jurisdiction and scope."""
    actuals = frame[frame["kind"] == "actual"].sort_values(["period_end", "source_id"])
    return actuals.drop_duplicates(["indicator", "jurisdiction", "scope"], keep="last")


def _scope_suffix(row: pd.Series, lang: str) -> str:
    return f" · {base.localised(row, 'scope_label', lang)}" if row["scope"] != "province" else ""


def planned_vs_established_bars(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One panel per measure; per jurisdiction, the established figure(s) then every distinct plan."""
    bars = []
    for indicator in ZONE_MEASURES:
        data = frame[frame["indicator"] == indicator]
        if data.empty:
            continue
        panel = f"{base.localised(data.iloc[0], 'indicator_name', lang)} ({indicator_unit_label(data, lang)})"
        for jurisdiction in _ordered_jurisdictions(data):
            rows = data[data["jurisdiction"] == jurisdiction]
            name = base.localised(rows.iloc[0], "jurisdiction_name", lang)
            colour = base.colour(jurisdiction)
            established = latest_established(rows)
            if established.empty:
                bars.append(dict(panel=panel, category=f"{plain(name)}<br>{plain(t('iz_established', lang))}",
                                 value=None, text="", hover=plain(t("iz_no_established_hover", lang, name=name)),
                                 colour=colour, look="established",
                                 legend=t("iz_legend_established", lang, name=name),
                                 group=f"{jurisdiction}|province|established"))
            for _, row in established.iterrows():
                period = f"{t('iz_established', lang)} – {dated_label(row, lang)}{_scope_suffix(row, lang)}"
                bars.append(dict(panel=panel, category=f"{plain(name)}<br>{plain(period)}",
                                 value=row["value_in_indicator_unit"], text=plain(qualified(row, lang)),
                                 hover=base.hover_lines(row, lang), colour=colour, look="established",
                                 legend=t("iz_legend_established", lang, name=base.series_name(row, lang)),
                                 group=f"{jurisdiction}|{row['scope']}|established"))
            plans = distinct_plans(rows)
            if plans.empty:
                bars.append(dict(panel=panel, category=f"{plain(name)}<br>{plain(t('iz_planned', lang))}",
                                 value=None, text="", hover=plain(t("iz_no_plan_hover", lang, name=name)),
                                 colour=colour, look="plan", legend=t("iz_legend_planned", lang, name=name),
                                 group=f"{jurisdiction}|province|plan"))
            for _, row in plans.iterrows():
                period = f"{t('iz_planned', lang)} – {periods.label(row, lang)}{_scope_suffix(row, lang)}"
                hover = base.hover_lines(row, lang)
                if row["also_in_ids"]:
                    also = _source_names(rows, row["also_in_ids"], lang)
                    hover += "<br>" + plain(t("iz_also_in", lang, sources=also))
                bars.append(dict(panel=panel, category=f"{plain(name)}<br>{plain(period)}",
                                 value=row["value_in_indicator_unit"], text=plain(qualified(row, lang, drop_plan=True)),
                                 hover=hover, colour=colour, look="plan",
                                 legend=t("iz_legend_planned", lang, name=base.series_name(row, lang)),
                                 group=f"{jurisdiction}|{row['scope']}|plan"))
    return pd.DataFrame(bars, columns=["panel", "category", "value", "text", "hover", "colour", "look", "legend", "group"])


def _share_of_plan(established: pd.Series, plans: pd.DataFrame) -> tuple[float, pd.Series] | None:
    """Established as a % of the plan with a year (the latest such plan of the same scope)."""
    dated = plans[(plans["period_type"] != "point") & (plans["scope"] == established["scope"])]
    if dated.empty:
        return None
    plan = dated.sort_values("period_end").iloc[-1]
    if not plan["value_in_indicator_unit"]:
        return None
    return established["value_in_indicator_unit"] / plan["value_in_indicator_unit"] * 100, plan


def planned_title(frame: pd.DataFrame, lang: str) -> str:
    """The finding on land: what share of its dated KCN-area plan each province has established."""
    area = frame[frame["indicator"] == "kcn_area"]
    if area.empty:
        return t("iz_bars_title_fallback", lang)
    names = short_names(area, lang)
    shares, plans_only = [], []
    for jurisdiction in _ordered_jurisdictions(area):
        rows = area[area["jurisdiction"] == jurisdiction]
        established = latest_established(rows)
        established = established[established["scope"] == "province"]
        share = _share_of_plan(established.iloc[-1], distinct_plans(rows)) if not established.empty else None
        if share is not None:
            shares.append(t("iz_title_share", lang, name=names[jurisdiction],
                            share=format_percent(share[0], lang, decimals=0),
                            year=pd.Timestamp(share[1]["period_end"]).year))
        elif established.empty:
            plans_only.append(names[jurisdiction])
    parts = shares + ([t("iz_title_plan_only", lang, names=", ".join(plans_only))] if plans_only else [])
    return "; ".join(parts) if parts else t("iz_bars_title_fallback", lang)


def planned_summary(frame: pd.DataFrame, lang: str) -> str:
    """Per province: established against every plan, measure by measure (periods are in the chart and table)."""
    data = frame[frame["indicator"].isin(ZONE_MEASURES)]
    if data.empty:
        return ""
    names = short_names(data, lang)
    sentences = []
    for jurisdiction in _ordered_jurisdictions(data):
        own = data[data["jurisdiction"] == jurisdiction]
        has_actuals = (own["kind"] == "actual").any()
        parts = []
        for indicator in ZONE_MEASURES:
            rows = own[own["indicator"] == indicator]
            if rows.empty:
                continue
            scoped = lambda r, drop_plan=False: qualified(r, lang, drop_plan) + (  # noqa: E731
                f" ({base.localised(r, 'scope_label', lang)})" if r["scope"] != "province" else "")
            planned = t("iz_or", lang).join(scoped(r, True) for _, r in distinct_plans(rows).iterrows())
            done = ", ".join(scoped(r) for _, r in latest_established(rows).iterrows()) or t("iz_none", lang)
            parts.append(t("iz_summary_measure" if has_actuals else "iz_summary_measure_plan", lang,
                           indicator=base.localised(rows.iloc[0], "indicator_name", lang),
                           established=done, planned=planned or t("iz_none", lang)))
        key = "iz_summary_province" if has_actuals else "iz_summary_province_plans_only"
        sentences.append(t(key, lang, name=names[jurisdiction], parts="; ".join(parts)))
    return " ".join(sentences)


def it_park_caveats(frame: pd.DataFrame, lang: str) -> list[str]:
    """Figures that include an IT park (scope kcn_incl_it_park) say so, with the zone and park counts they add up."""
    caveats = []
    combined = frame[frame["scope"] == "kcn_incl_it_park"]
    names = short_names(frame, lang) if not frame.empty else {}
    for jurisdiction in _ordered_jurisdictions(combined):
        rows = distinct_plans(combined[combined["jurisdiction"] == jurisdiction])
        rows = rows if not rows.empty else combined[combined["jurisdiction"] == jurisdiction]
        values = ", ".join(dict.fromkeys(qualified(r, lang, drop_plan=True) for _, r in rows.iterrows()))
        own = frame[frame["jurisdiction"] == jurisdiction]
        zones = own[(own["indicator"] == "kcn_count") & (own["scope"] == "province") & (own["kind"] == "target")]
        parks = own[own["indicator"] == "it_park_count"]
        scope = base.localised(rows.iloc[0], "scope_label", lang)
        if not zones.empty and not parks.empty:
            caveats.append(t("iz_it_park_caveat", lang, name=names[jurisdiction], values=values, scope=scope,
                             zones=base.value_text(zones["value"].iloc[0], "", lang),
                             parks=base.value_text(parks["value"].iloc[0], "", lang)))
        else:
            caveats.append(t("iz_it_park_caveat_short", lang, name=names[jurisdiction], values=values, scope=scope))
    return caveats


def disagreeing_plans(frame: pd.DataFrame, lang: str) -> list[str]:
    """One sentence per measure and province for which sources give different plans: all of them, none picked."""
    caveats = []
    plans = distinct_plans(frame[frame["indicator"].isin(ZONE_MEASURES)])
    names = short_names(frame, lang) if not frame.empty else {}
    for (indicator, jurisdiction, _scope), rows in plans.groupby(["indicator", "jurisdiction", "scope"], sort=True):
        if rows["value_in_indicator_unit"].nunique() < 2:
            continue
        versions = [t("iz_plan_version", lang, value=qualified(r, lang, drop_plan=True), period=periods.label(r, lang),
                      source=views.source_name(r, lang), quote=f" «{r['quote']}»" if r["quote"] else "")
                    for _, r in rows.iterrows()]
        caveats.append(t("iz_plans_differ", lang, name=names[jurisdiction],
                         indicator=base.localised(rows.iloc[0], "indicator_name", lang), versions="; ".join(versions)))
    return caveats


def planned_caveats(frame: pd.DataFrame, lang: str) -> list[str]:
    data = frame[frame["indicator"].isin(ZONE_MEASURES)]
    caveats = [t("iz_plan_is_not_land", lang)] if (data["kind"] == "target").any() else []
    caveats += it_park_caveats(frame, lang) + disagreeing_plans(frame, lang)
    names = short_names(data, lang) if not data.empty else {}
    for jurisdiction in _ordered_jurisdictions(data):
        if not (data[data["jurisdiction"] == jurisdiction]["kind"] == "actual").any():
            caveats.append(t("iz_plans_only", lang, name=names[jurisdiction]))
    return caveats


def planned_vs_established_chart(frame: pd.DataFrame, lang: str, style: base.Style = base.NORMAL) -> ChartParts | None:
    data = frame[frame["indicator"].isin(ZONE_MEASURES)]
    if data.empty:
        return None
    words = dict(title=planned_title(data, lang), source_text=base.sources_text(data, lang),
                 no_data_text=t("iz_no_figure", lang), style=style)
    figure = bar_panels(planned_vs_established_bars(data, lang), lang, **words)
    slides = []
    if style.slides:  # a slide per measure, under that measure's own sentence
        for indicator in ZONE_MEASURES:
            own = data[data["indicator"] == indicator]
            if not own.empty:
                slides += bar_slides(planned_vs_established_bars(own, lang), lang, summary=planned_summary(own, lang),
                                     **words)
    return ChartParts(figure, planned_summary(frame, lang), table_with_notes(frame, lang), frame,
                      planned_caveats(frame, lang), slides=slides)


# --- progress towards the dated plans -------------------------------------------------------------------------


def progress_title(assessments: pd.DataFrame, names: dict[str, str], lang: str) -> str:
    """The status of each province that can be assessed ("Vĩnh Phúc: ▼ Tiến triển hạn chế"); the others are
    named in the summary sentence, which keeps the title short enough to read."""
    assessed = assessments[assessments["status"] != "not_enough_data"].drop_duplicates("jurisdiction")
    if assessed.empty:
        return t("iz_progress_title_none", lang)
    parts = [f"{names.get(r['jurisdiction'], r['jurisdiction'])}: {trajectory.status_text(r['status'], lang)}"
             for _, r in assessed.iterrows()]
    return t("iz_progress_title", lang, parts="; ".join(parts))


def area_progress_chart(frame: pd.DataFrame, lang: str, indicator: str = "kcn_area",
                        style: base.Style = base.NORMAL) -> ChartParts | None:
    """Established area over time against the dated plan, with the path required to reach it."""
    data = frame[frame["indicator"] == indicator]
    if data.empty or not (data["kind"] == "target").any():
        return None
    assessments = assess_targets(data)
    assessments = assessments.sort_values("jurisdiction", key=lambda s: s.map(jurisdiction_rank), kind="stable")
    names = short_names(data, lang)
    unit = indicator_unit_label(data, lang)
    figure, assessments = trajectory.trajectory(data, lang, title=progress_title(assessments, names, lang),
                                                y_title=unit, source_text=base.sources_text(data, lang), style=style)
    figure.update_yaxes(tickformat=TICK_FORMAT)
    fit_title(figure, style)
    caveats = [t("iz_progress_plan_note", lang)]
    if (data["scope"] == "kcn_incl_it_park").any():
        caveats += it_park_caveats(frame, lang)
    if not assessments.empty and assessments["pace_achieved"].isna().all():
        caveats.append(t("iz_no_projection", lang))
    return ChartParts(figure, trajectory.summary_sentence(assessments, unit, lang, values=data), table_with_notes(data, lang),
                      data, caveats)


def progress_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every dated plan with the newest established figure, the share reached and the status in words."""
    data = frame[frame["indicator"].isin(ZONE_MEASURES)]
    if data.empty or not (data["kind"] == "target").any():
        return pd.DataFrame()
    assessments = assess_targets(data)
    assessments = assessments.assign(_j=assessments["jurisdiction"].map(jurisdiction_rank),
                                     _i=assessments["indicator"].map(ZONE_MEASURES.index)).sort_values(
        ["_j", "_i", "scope", "target_year"], kind="stable")
    units = {i: indicator_unit_label(data[data["indicator"] == i], lang) for i in data["indicator"].unique()}
    scopes = {r["scope"]: base.localised(r, "scope_label", lang) for _, r in data.iterrows()}
    rows = []
    for _, r in assessments.iterrows():
        unit = units[r["indicator"]]
        has_latest = r["latest_value"] is not None and pd.notna(r["latest_value"])
        reason = r["reason"] if isinstance(r["reason"], str) else ""
        latest = {"period_label": r["latest_label"], "period_label_en": r["latest_label_en"],
                  "period_end": r["latest_date"]}
        rows.append({
            t("col_jurisdiction", lang): r["jurisdiction_name_en"] if lang == "en" else r["jurisdiction_name"],
            t("col_indicator", lang): r["indicator_name_en"] if lang == "en" else r["indicator_name"],
            t("iz_col_status", lang): trajectory.status_text(r["status"], lang),
            t("iz_col_share", lang): (format_percent(r["latest_value"] / r["target_value"] * 100, lang, decimals=0)
                                      if has_latest and r["target_value"] else "–"),
            t("iz_col_established", lang): (
                f"{base.value_text(r['latest_value'], unit, lang)} "
                f"({dated_label(latest, lang)})"
                if has_latest else t("iz_none", lang)),
            t("iz_col_plan", lang): f"{base.value_text(r['target_value'], unit, lang)} "
                                    f"({periods.label(r, lang, 'target_label')})",
            t("iz_col_pace", lang): trajectory.pace_text(r["pace_needed"], r["pace_unit"], lang) if has_latest else "–",
            t("col_scope", lang): scopes.get(r["scope"], r["scope"]),
            t("iz_col_reason", lang): t("iz_reason_" + reason, lang) if reason else "",
        })
    return pd.DataFrame(rows)


def undated_plan_notes(frame: pd.DataFrame, lang: str) -> list[str]:
    """Plans with no year to aim at ("đến nay (quy hoạch)") are shown but cannot be assessed: say which."""
    undated = distinct_plans(frame[frame["indicator"].isin(ZONE_MEASURES) & (frame["period_type"] == "point")])
    names = short_names(frame, lang) if not frame.empty else {}
    return [t("iz_undated_plan", lang, name=names[r["jurisdiction"]], value=qualified(r, lang, drop_plan=True),
              period=periods.label(r, lang), source=views.source_name(r, lang)) for _, r in undated.iterrows()]


# --- occupancy and the other zone facts ----------------------------------------------------------------------


def zone_cards(facts: pd.DataFrame, land: pd.DataFrame, lang: str) -> list[tuple[str, list[Card]]]:
    """Headline cards per province: occupancy (saying so when unknown), clusters with an infrastructure
    investor against the cluster plan, projects inside the zones, planned IT parks."""
    frames = [f for f in (facts, land) if not f.empty]
    if not frames:
        return []
    both = pd.concat(frames, ignore_index=True)
    names = short_names(both, lang)
    groups = []
    for jurisdiction in _ordered_jurisdictions(both):
        cards = []
        own = facts[facts["jurisdiction"] == jurisdiction] if not facts.empty else facts
        occupancy = own[own["indicator"] == "kcn_occupancy_rate"] if not own.empty else own
        if occupancy.empty:
            cards.append(Card(t("iz_card_occupancy", lang), "–", t("iz_occupancy_unknown", lang)))
        else:
            cards.append(_card(t("iz_card_occupancy", lang), occupancy.sort_values("period_end").iloc[-1], lang))
        for indicator in ("ccn_with_infrastructure_investor", "kcn_projects_active"):
            rows = own[own["indicator"] == indicator] if not own.empty else own
            if rows.empty:
                continue
            row = rows.sort_values("period_end").iloc[-1]
            extra = ""
            if indicator == "ccn_with_infrastructure_investor":
                plans = land[(land["jurisdiction"] == jurisdiction) & (land["indicator"] == "ccn_count")
                             & (land["kind"] == "target") & (land["period_type"] != "point")] if not land.empty else land
                if not plans.empty:
                    plan = plans.sort_values("period_end").iloc[-1]
                    extra = t("iz_of_plan", lang, plan=qualified(plan, lang, drop_plan=True),
                              period=periods.label(plan, lang))
            cards.append(_card(base.localised(row, "indicator_name", lang), row, lang, extra))
        parks = land[(land["jurisdiction"] == jurisdiction) & (land["indicator"] == "it_park_count")] \
            if not land.empty else land
        if not parks.empty:
            row = distinct_plans(parks).iloc[-1] if (parks["kind"] == "target").any() else parks.iloc[-1]
            cards.append(_card(base.localised(row, "indicator_name", lang), row, lang))
        groups.append((names[jurisdiction], cards))
    return groups


def _card(label: str, row: pd.Series, lang: str, extra: str = "") -> Card:
    words = [dated_label(row, lang)]
    if row["kind"] == "target":
        words.insert(0, t("iz_planned", lang))
    if row["scope"] != "province":
        words.append(base.localised(row, "scope_label", lang))
    if extra:
        words.append(extra)
    words.append(t("hover_source", lang, source=views.source_name(row, lang)))
    return Card(label, qualified(row, lang, drop_plan=True), " · ".join(words), views.note_text(row, lang))


def card_sources(facts: pd.DataFrame, land: pd.DataFrame) -> pd.DataFrame:
    """The rows the cards were drawn from (for the sources list under them)."""
    parks = land[land["indicator"] == "it_park_count"] if not land.empty else land
    frames = [f for f in (facts, parks) if not f.empty]
    return pd.concat(frames, ignore_index=True) if frames else facts
