"""FDI amounts per period: new and added capital, new projects and capital increases, as labelled bars, one panel
per indicator (provdash/figures/bars.py), titled with the newest comparable change.

Pure: rows of queries/fdi_new_and_added_by_period.sql in; a figure, its summary, caveats, data table and sources
out. No Streamlit, no SQL. A partial period ("5 tháng đầu năm 2024") is never in the same series as a full year,
a multi-year total never beside a single year, a KCN-only figure never with the province-wide ones. At national
scale a panel draws at most MAX_PANEL_BARS bars (each series' newest full years; the data table keeps every
row) and a caveat says so.
"""
from __future__ import annotations

import pandas as pd

from provdash import periods, views
from provdash.figures import base
from provdash.figures.base import records
from provdash.figures.bars import BAR_COLUMNS, bar_panels, bar_slides
from provdash.figures.fdi_growth import SERIES_KEYS, comparable_pairs
from provdash.figures.parts import (ChartParts, jurisdiction_rank, left_out, listed, names_of, ordered_positions,
                                    period_suffix, plain, qualified, sources_of, table_of, unit_label_of)
from provdash.i18n import t
from provdash.numbers import format_percent

CAPITAL_FLOWS = ("fdi_registered_new_and_added", "fdi_new_capital", "fdi_capital_increase")
PROJECT_FLOWS = ("fdi_new_projects", "fdi_capital_increase_projects")
# Bars in one panel of the per-period chart: beyond this each series keeps only its newest full years (not in the
# data table, which keeps them all) and a caveat says so (`_cap_years`).
MAX_PANEL_BARS = 30


def _flow_bars(rows_in: list[dict], indicators: tuple[str, ...], lang: str) -> list[dict]:
    bars = []
    for indicator in indicators:
        rows = [r for r in rows_in if r["indicator"] == indicator]
        if not rows:
            continue
        rows.sort(key=lambda r: (jurisdiction_rank(r["jurisdiction"]), r["kind"] != "actual", r["period_end"],
                                 r["period_start"]))
        panel = _panel_label(rows, lang)
        used: set[str] = set()
        for row in rows:
            suffix = period_suffix(row["period_type"], lang)
            period = f"{periods.label(row, lang)}{suffix}"
            if row["kind"] == "target":
                period = t("fdi_target_prefix", lang, period=period)
            category = f"{plain(base.series_name(row, lang))}<br>{plain(period)}"
            if category in used:  # the same period from two sources: keep both bars, name the source
                category += f" · {plain(views.source_name(row, lang))}"
            used.add(category)
            legend = base.series_name(row, lang) + suffix
            if row["kind"] == "target":
                legend = t("fdi_target_legend", lang, name=legend)
            hover = "<br>".join(base.hover_line_list(row, lang))
            if suffix:
                hover += f"<br>{plain(t('period_type_' + row['period_type'], lang))}"
            bars.append(dict(
                panel=panel, category=category, value=row["value_in_indicator_unit"], text=plain(qualified(row, lang)),
                hover=hover, colour=base.colour(row["jurisdiction"]),
                look="target" if row["kind"] == "target" else row["period_type"], legend=legend,
                group="|".join(str(row[k]) for k in SERIES_KEYS[1:]),
            ))
    return bars


def _panel_label(rows: list[dict], lang: str) -> str:
    return f"{base.localised(rows[0], 'indicator_name', lang)} ({unit_label_of(rows, lang)})"


def _cap_years(rows: list[dict], indicators: tuple[str, ...], lang: str,
               limit: int = MAX_PANEL_BARS) -> tuple[list[dict], list[str]]:
    """The rows drawn as bars, at most `limit` a panel (indicator) where that can be. When there are more, each
    series keeps only its newest full years, as many as fit and at least one, and of its parts of a year only
    those after them (the current year so far); several-year totals and targets always stay. A caveat per
    panel says so; the rows left out stay in the chart's data table."""
    kept, caveats = [], []
    for indicator in indicators:
        members = [r for r in rows if r["indicator"] == indicator]
        if len(members) <= limit:
            kept += members
            continue
        years_of = [pd.Timestamp(r["period_end"]).year for r in members]
        full: dict[tuple, set[int]] = {}  # series (place, scope, method, kind, period type) → its full years
        for row, year in zip(members, years_of):
            if row["kind"] == "actual" and row["period_type"] == "year":
                full.setdefault(tuple(row[k] for k in SERIES_KEYS[1:]), set()).add(year)
        longest = max((len(v) for v in full.values()), default=0)

        def selection(newest: int) -> list[dict]:
            shown = {series: set(sorted(years)[-newest:]) for series, years in full.items()}
            latest = {}  # (place, scope, method, kind) → newest full year drawn
            for series, years in shown.items():
                latest[series[:4]] = max(years | {latest.get(series[:4], 0)})
            chosen = []
            for row, year in zip(members, years_of):
                series = tuple(row[k] for k in SERIES_KEYS[1:])
                if series in shown:
                    keep = year in shown[series]
                elif row["kind"] == "actual" and row["period_type"] == "part_year" and series[:4] in latest:
                    keep = year > latest[series[:4]]
                else:
                    keep = True
                if keep:
                    chosen.append(row)
            return chosen

        drawn, newest = members, longest
        for newest in range(longest, 0, -1):
            drawn = selection(newest)
            if len(drawn) <= limit:
                break
        kept += drawn
        if len(drawn) < len(members):
            caveats.append(t("fdi_flow_years_cut", lang, panel=_panel_label(members, lang), years=newest,
                             limit=limit))
    return kept, caveats


def flow_bars(frame: pd.DataFrame, indicators: tuple[str, ...], lang: str) -> pd.DataFrame:
    """One bar per value, labelled "<jurisdiction (scope)> / <period as the source words it> (kỳ chưa trọn năm)"."""
    return pd.DataFrame(_flow_bars(records(frame), indicators, lang), columns=BAR_COLUMNS)


def _flow_title(rows: list[dict], indicators: tuple[str, ...], lang: str, fallback_key: str) -> str:
    pairs: list[dict] = []
    for jurisdiction in sorted({r["jurisdiction"] for r in rows}, key=jurisdiction_rank):  # the first that has one
        pairs = [p for p in comparable_pairs([r for r in rows if r["jurisdiction"] == jurisdiction
                                               and r["indicator"] in indicators]) if p["growth_pct"] is not None]
        if pairs:
            break
    if not pairs:
        shown = [r for r in rows if r["indicator"] in indicators]
        return t(fallback_key, lang, indicator=base.localised(shown[0], "indicator_name", lang) if shown else "")
    best = min(pairs, key=lambda p: (indicators.index(p["indicator"]), -p["to_end"].value))
    name = names_of(rows, lang)[best["jurisdiction"]]
    indicator = best["indicator_name_en"] if lang == "en" else best["indicator_name"]
    key = "fdi_flow_title_up" if best["growth_pct"] >= 0 else "fdi_flow_title_down"
    about = t("fdi_about", lang) + " " if best["approximate"] else ""
    return t(key, lang, name=name, indicator=indicator, period=periods.label(best, lang, "to_label"),
             earlier=periods.label(best, lang, "from_label"),
             change=about + format_percent(abs(best["growth_pct"]), lang, decimals=1))


def flow_title(frame: pd.DataFrame, indicators: tuple[str, ...], lang: str, fallback_key: str) -> str:
    """The finding: the newest comparable change of the first indicator that has one, for the focus province."""
    return _flow_title(records(frame), indicators, lang, fallback_key)


def _flow_summary(rows: list[dict], indicators: tuple[str, ...], lang: str) -> str:
    data = [r for r in rows if r["kind"] == "actual" and r["indicator"] in indicators]
    names = names_of(data, lang)
    latest: dict[tuple[str, str], dict] = {}  # (jurisdiction, indicator) → newest province-wide full year
    for row in data:
        if row["period_type"] == "year" and row["scope"] == "province":
            key = (row["jurisdiction"], row["indicator"])
            if key not in latest or row["period_end"] >= latest[key]["period_end"]:
                latest[key] = row
    parts = []
    for jurisdiction in sorted({r["jurisdiction"] for r in data}, key=jurisdiction_rank):
        values = [t("fdi_flow_value", lang, indicator=base.localised(row, "indicator_name", lang),
                    value=qualified(row, lang), period=periods.label(row, lang))
                  for row in (latest.get((jurisdiction, i)) for i in indicators) if row is not None]
        if values:
            parts.append(f"{names[jurisdiction]}: " + ", ".join(values))
        else:
            parts.append(t("fdi_flow_no_full_year", lang, name=names[jurisdiction]))
    partial = sum(r["period_type"] == "part_year" for r in data)
    text = "; ".join(parts) + "."
    if partial:
        text += " " + t("fdi_flow_partial_count", lang, count=partial)
    return text


def flow_summary(frame: pd.DataFrame, indicators: tuple[str, ...], lang: str) -> str:
    """The latest full-year value of each indicator per jurisdiction, and how many partial periods are shown."""
    return _flow_summary(records(frame), indicators, lang)


def _flow_caveats(rows: list[dict], lang: str) -> list[str]:
    caveats = []
    if any(r["period_type"] == "part_year" for r in rows):
        caveats.append(t("fdi_partial_caveat", lang))
        if left_out(rows):
            caveats.append(t("fdi_flow_left_out", lang, count=left_out(rows)))
    if any(r["period_type"] == "multi_year" for r in rows):
        caveats.append(t("fdi_multi_year_caveat", lang))
    kcn = [r for r in rows if r["scope"] == "industrial_zones"]
    if kcn:
        names = names_of(rows, lang)
        where = list(dict.fromkeys(f"{names[r['jurisdiction']]}, {periods.label(r, lang)}" for r in kcn))
        caveats.append(t("fdi_flow_kcn_caveat", lang, where=listed(where, lang),
                         scope=base.localised(kcn[0], "scope_label", lang)))
    if any(r["kind"] == "target" for r in rows):
        caveats.append(t("fdi_flow_target_caveat", lang))
    merged = [r for r in rows if r["jurisdiction"] in ("thai_nguyen_2025", "phu_tho_2025")]
    if merged:
        caveats.append(t("fdi_merged_caveat", lang, names=", ".join(dict.fromkeys(
            base.localised(r, "jurisdiction_name", lang) for r in merged))))
    return caveats


def flow_caveats(frame: pd.DataFrame, lang: str) -> list[str]:
    return _flow_caveats(records(frame), lang)


def flow_chart(frame: pd.DataFrame, indicators: tuple[str, ...], lang: str, *, fallback_title_key: str,
               style: base.Style = base.NORMAL) -> ChartParts | None:
    """Bars of amounts per period for `indicators` (one panel each); None when none of them has a value."""
    everything = records(frame)
    positions = ordered_positions(everything, lambda r: r["indicator"] in indicators)
    if not positions:
        return None
    rows = [everything[i] for i in positions]
    drawn, cut = _cap_years(rows, indicators, lang)
    bars, summary = _flow_bars(drawn, indicators, lang), _flow_summary(drawn, indicators, lang)
    words = dict(title=_flow_title(rows, indicators, lang, fallback_title_key),
                 source_text=base.sources_text(rows, lang), no_data_text=t("no_data", lang), style=style)
    figure = bar_panels(bars, lang, **words)
    slides = bar_slides(bars, lang, summary=summary, **words) if style.slides else []
    return ChartParts(figure, summary, table_of(rows, lang), sources_of(frame, positions),
                      _flow_caveats(rows, lang) + cut, frame.iloc[positions], slides=slides)


