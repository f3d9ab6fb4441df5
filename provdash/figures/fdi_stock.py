"""FDI stocks: cumulative registered capital and active projects over time, one line per province and scope, falls
marked and explained.

Pure: rows of queries/fdi_cumulative_capital_and_projects.sql in; a figure (drawn by `base.add_value_series`, as
every line chart), its summary, caveats, data table and sources out. No Streamlit, no SQL. A KCN-only figure is
never on the province-wide line; a fall in a cumulative figure is shown and explained, never smoothed: sources
disagree or projects were revoked, and the reader must be told. At national scale at most MAX_DECLINE_MARKERS
falls are marked (the largest) and a caveat counts the rest.
"""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from provdash import periods, views
from provdash.figures import base
from provdash.figures.base import records
from provdash.figures.parts import (TICK_FORMAT, ChartParts, dated_label, fit_title, jurisdiction_rank, left_out,
                                    missing, names_of, ordered_positions, qualified, sources_of, table_of,
                                    unit_label_of)
from provdash.i18n import t

STOCK_INDICATORS = ("fdi_registered_capital", "fdi_projects_active")
# Falls in a cumulative figure marked on a chart; beyond this the largest are marked and a note counts the rest.
MAX_DECLINE_MARKERS = 5


def _stock_declines(rows: list[dict]) -> list[tuple[dict, dict]]:
    series: dict[tuple, dict[pd.Timestamp, list[dict]]] = {}
    for row in rows:
        if row["kind"] != "actual" or missing(row["value_in_indicator_unit"]):
            continue
        key = (row["indicator"], row["jurisdiction"], row["scope"], row["method"])
        series.setdefault(key, {}).setdefault(row["period_end"], []).append(row)
    declines = []
    for key in sorted(series):
        by_date = series[key]
        dates = sorted(by_date)
        for before, after in zip(dates, dates[1:]):
            earlier = max(by_date[before], key=lambda r: r["value_in_indicator_unit"])
            later = min(by_date[after], key=lambda r: r["value_in_indicator_unit"])
            if later["value_in_indicator_unit"] < earlier["value_in_indicator_unit"]:
                declines.append((earlier, later))
    return declines


def stock_declines(frame: pd.DataFrame) -> list[tuple[dict, dict]]:
    """(earlier, later) pairs where a cumulative figure falls from one date to the next in the same series.

    A cumulative total should not fall; when it does, sources disagree or projects were revoked, and the
    reader must be told rather than shown a smoothed line. When several sources give the same date, the fall
    is from the highest value of the earlier date to the lowest of the later one; values of one date are never
    compared with each other (that is sources disagreeing, not a fall over time).
    """
    return _stock_declines(records(frame))


def declines_to_mark(declines: list[tuple[dict, dict]], limit: int = MAX_DECLINE_MARKERS) -> list[tuple[dict, dict]]:
    """The falls drawn and explained on a chart: all of them up to `limit`, else the `limit` largest (relative
    to the earlier value; the newer first among equals), in their original order."""
    if len(declines) <= limit:
        return list(declines)

    def size(index: int) -> tuple[float, pd.Timestamp]:
        earlier, later = declines[index]
        start, end = earlier["value_in_indicator_unit"], later["value_in_indicator_unit"]
        return ((start - end) / start if start > 0 else math.inf, pd.Timestamp(later["period_end"]))

    largest = sorted(range(len(declines)), key=size, reverse=True)[:limit]
    return [declines[i] for i in sorted(largest)]


def _latest_per_jurisdiction(rows: list[dict]) -> list[dict]:
    """The newest value of each jurisdiction, province-wide where there is one (the last of equals)."""
    wide = {r["jurisdiction"] for r in rows if r["scope"] == "province"}
    latest: dict[str, dict] = {}
    for row in rows:
        j = row["jurisdiction"]
        if j in wide and row["scope"] != "province":
            continue
        if j not in latest or row["period_end"] >= latest[j]["period_end"]:
            latest[j] = row
    return [latest[j] for j in sorted(latest, key=jurisdiction_rank)]


def _stock_title(rows: list[dict], lang: str) -> str:
    names = names_of(rows, lang)
    parts = []
    for row in _latest_per_jurisdiction(rows):
        scope = f" ({base.localised(row, 'scope_label', lang)})" if row["scope"] != "province" else ""
        parts.append(f"{names[row['jurisdiction']]} {qualified(row, lang)}{scope}")
    return t("fdi_stock_title", lang, indicator=base.localised(rows[0], "indicator_name", lang),
             values="; ".join(parts))


def stock_title(frame: pd.DataFrame, lang: str) -> str:
    return _stock_title(records(frame), lang)


def _stock_summary(rows: list[dict], lang: str) -> str:
    groups: dict[tuple, list[dict]] = {}
    for row in rows:
        groups.setdefault((row["jurisdiction"], row["scope"], row["method"]), []).append(row)
    parts = []
    for key in sorted(groups, key=lambda k: (jurisdiction_rank(k[0]), k[1] != "province", k[1:])):
        group = sorted(groups[key], key=lambda r: r["period_end"])
        first, last = group[0], group[-1]
        name = base.series_name(first, lang)
        if len(group) == 1:
            parts.append(t("fdi_stock_summary_one", lang, name=name, value=qualified(last, lang),
                           period=dated_label(last, lang)))
        else:
            parts.append(t("fdi_stock_summary_span", lang, name=name, first=qualified(first, lang),
                           first_period=dated_label(first, lang), last=qualified(last, lang),
                           last_period=dated_label(last, lang)))
    return "; ".join(parts) + "."


def stock_summary(frame: pd.DataFrame, lang: str) -> str:
    """One clause per series: first and latest value, each with its period as the source words it."""
    return _stock_summary(records(frame), lang)


def _scope_caveats(rows: list[dict], lang: str) -> list[str]:
    scopes: dict[str, list[dict]] = {}
    for row in rows:
        if row["scope"] != "province":
            scopes.setdefault(row["scope"], []).append(row)
    if not scopes:
        return []
    names = names_of(rows, lang)
    caveats = []
    for scope in sorted(scopes):
        members = scopes[scope]
        whose = ", ".join(dict.fromkeys(names[j] for j in sorted({r["jurisdiction"] for r in members},
                                                                  key=jurisdiction_rank)))
        key = "fdi_scope_kcn_caveat" if scope == "industrial_zones" else "fdi_scope_other_caveat"
        caveats.append(t(key, lang, names=whose, scope=base.localised(members[0], "scope_label", lang)))
    return caveats


def scope_caveats(frame: pd.DataFrame, lang: str) -> list[str]:
    """A plain sentence for every non-province scope on the chart, naming whose figures it is."""
    return _scope_caveats(records(frame), lang)


def decline_caveat(earlier: pd.Series | dict, later: pd.Series | dict, lang: str) -> str:
    return t("fdi_decline_caveat", lang, name=base.series_name(later, lang),
             indicator=base.localised(later, "indicator_name", lang), first=qualified(earlier, lang),
             first_period=dated_label(earlier, lang), first_source=views.source_name(earlier, lang),
             last=qualified(later, lang), last_period=dated_label(later, lang),
             last_source=views.source_name(later, lang))


def stock_chart(frame: pd.DataFrame, indicator: str, lang: str, style: base.Style = base.NORMAL) -> ChartParts | None:
    """Line chart of one cumulative indicator: one series per jurisdiction and scope, falls marked and explained
    (the MAX_DECLINE_MARKERS largest when there are more, with a note saying how many are not marked)."""
    everything = records(frame)
    positions = ordered_positions(everything, lambda r: r["indicator"] == indicator and r["kind"] == "actual")
    if not positions:
        return None
    rows = [everything[i] for i in positions]
    declines = _stock_declines(rows)
    marked = declines_to_mark(declines)
    figure = go.Figure()
    base.add_value_series(figure, frame.iloc[positions], lang, style)
    base.apply_layout(figure, lang, _stock_title(rows, lang), unit_label_of(rows, lang), base.sources_text(rows, lang),
                      style)
    marks = [dict(x=base.plot_x(later), y=later["value_in_indicator_unit"],
                  text=t("fdi_decline_marker", lang), showarrow=True, arrowhead=2, arrowwidth=1.5,
                  arrowcolor=base.colour(later["jurisdiction"]), ax=0, ay=-34, bgcolor="rgba(255,255,255,0.85)",
                  font=dict(size=max(11, style.font_size - 2), color=base.colour(later["jurisdiction"])))
             for _, later in marked]
    figure.update_layout(yaxis_tickformat=TICK_FORMAT, annotations=marks)
    base.year_axis(figure, base.trace_xs(figure))
    base.headroom(figure, 0.2, style)  # the fall markers stand 34 px above their point
    fit_title(figure, style)
    caveats = _scope_caveats(rows, lang) + [decline_caveat(earlier, later, lang) for earlier, later in marked]
    if len(declines) > len(marked):
        caveats.append(t("fdi_decline_more", lang, count=len(declines) - len(marked)))
    if left_out(rows):
        caveats.append(t("fdi_stock_left_out", lang, count=left_out(rows)))
    return ChartParts(figure, _stock_summary(rows, lang), table_of(rows, lang), sources_of(frame, positions), caveats,
                      frame.iloc[positions])
