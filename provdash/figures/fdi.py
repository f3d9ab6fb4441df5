"""Foreign investment (FDI): cumulative stocks, amounts per period, comparable growth and the national rank.

Pure builders: DataFrames of the `observations` view in; Plotly figures, tables, sentences and cards out. No
Streamlit, no SQL. What must never be mixed stays apart: a partial period ("5 tháng đầu năm 2024") is never
in the same series as a full year, a multi-year total never beside a single year, a KCN-only figure never on
the province-wide line; and growth is only computed between two periods of the same length at the same place
in the calendar (`comparable_growth`). A fall in a cumulative figure is shown and explained, never smoothed.

At national scale the queries (queries/fdi_*.sql) already hand over only what the charts show: each source's
year-end value of a stock, every full year of a flow and only the latest part of a year; nothing is added up.
What is still too much to draw is capped, and a caveat always says what is left out and where it is: at most
MAX_DECLINE_MARKERS falls marked (the largest), at most MAX_PANEL_BARS bars a panel (each series' newest full
years; the table keeps every row), at most MAX_GROWTH_ROWS comparable pairs listed (the newest of each series).

Each builder turns its frame into plain records once (`_records`) and works on those: no pandas access per row,
which with Arrow-backed strings costs tens of microseconds a row. A figure is built as one dict of traces and
layout and handed to Plotly unchecked: `_layout` gives what `base.apply_layout` gives and `_line_traces` what
`base.add_value_series` draws (tests keep them the same), and the hover lines all points of a trace share (its
series name, its kind of period) are said once in the trace's `meta` rather than once per point.

`bar_panels` (labelled horizontal bars, one panel per indicator) is also used by the industrial-zone page.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go

from provdash import periods, views
from provdash.figures import base
from provdash.i18n import t
from provdash.numbers import PLOTLY_SEPARATORS, format_day, format_number, format_percent

STOCK_INDICATORS = ("fdi_registered_capital", "fdi_projects_active")
CAPITAL_FLOWS = ("fdi_registered_new_and_added", "fdi_new_capital", "fdi_capital_increase")
PROJECT_FLOWS = ("fdi_new_projects", "fdi_capital_increase_projects")
# The province the dashboard is about first, then its comparator (same order as ui.DEFAULT_JURISDICTIONS,
# which this module cannot import: ui is Streamlit glue).
JURISDICTION_ORDER = ("thai_nguyen", "thai_nguyen_2025", "vinh_phuc", "phu_tho_2025")
PERIOD_TYPE_ORDER = {"point": 0, "year": 1, "part_year": 2, "multi_year": 3}
SERIES_KEYS = ["indicator", "jurisdiction", "scope", "method", "kind", "period_type"]
PLAIN_QUALIFIERS = ("", "plan")  # qualifiers that do not make a value approximate
# Falls in a cumulative figure marked on a chart; beyond this the largest are marked and a note counts the rest.
MAX_DECLINE_MARKERS = 5
# Periods named one by one in a caveat ("Thái Nguyên, năm 2019; …"); beyond this the rest are counted.
MAX_LISTED_PERIODS = 6
# Bars in one panel of the per-period chart: beyond this each series keeps only its newest full years (not in the
# data table, which keeps them all) and a caveat says so (`_cap_years`).
MAX_PANEL_BARS = 30
# Rows of the table of comparable changes: beyond this only the newest pair of each series is listed (`newest_pairs`).
MAX_GROWTH_ROWS = 40
NAME_COLUMNS = ("jurisdiction", "jurisdiction_name", "jurisdiction_name_en")
SOURCE_COLUMNS = views.SOURCE_COLUMNS


@dataclass
class ChartParts:
    """Everything `ui.chart_block` needs for one chart."""
    figure: go.Figure
    summary: str
    table: pd.DataFrame
    sources: pd.DataFrame  # its sources: the source columns, one row per source
    caveats: list[str] = field(default_factory=list)
    data: pd.DataFrame | None = None  # the rows behind the table, for the CSV and Excel files (None: `sources`)


@dataclass(frozen=True)
class Card:
    """A headline number for `st.metric`: label, value as text, and a caption with period and source."""
    label: str
    value: str
    caption: str
    note: str = ""  # the curator's caveat, for a tooltip


# --- records: a frame's rows as plain dicts -----------------------------------------------------------------


def _records(frame: pd.DataFrame, columns: tuple[str, ...] | list[str] | None = None) -> list[dict]:
    """The rows (of `columns` that exist, else all) as dicts: one conversion per column, not per cell."""
    names = [c for c in columns if c in frame] if columns is not None else list(frame.columns)
    return [dict(zip(names, values)) for values in zip(*(frame[c].tolist() for c in names))] if names else \
        [{} for _ in range(len(frame))]


def _sources(frame: pd.DataFrame, positions: list[int]) -> pd.DataFrame:
    """The distinct sources of the rows at `positions`, in order of first appearance: their source columns,
    which is what the sources list under a chart and the Excel download read."""
    ids = frame["source_id"].tolist()
    first: dict[str, int] = {}
    for position in positions:
        first.setdefault(ids[position], position)
    return frame.iloc[list(first.values())][[c for c in SOURCE_COLUMNS if c in frame]]


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _iso(day: object) -> str:
    return pd.Timestamp(day).date().isoformat()


def _ordered_positions(rows: list[dict], keep=lambda row: True) -> list[int]:
    """Positions of the rows kept, focus province first, then by date (stable)."""
    kept = [i for i, row in enumerate(rows) if keep(row)]
    return sorted(kept, key=lambda i: (jurisdiction_rank(rows[i]["jurisdiction"]), rows[i]["period_end"],
                                       rows[i]["period_start"]))


# --- small shared wording ---------------------------------------------------------------------------------


def jurisdiction_rank(jurisdiction: str) -> tuple[int, str]:
    order = JURISDICTION_ORDER.index(jurisdiction) if jurisdiction in JURISDICTION_ORDER else len(JURISDICTION_ORDER)
    return (order, jurisdiction)


def _short_names(rows: list[dict], lang: str) -> dict[str, str]:
    full: dict[str, str] = {}
    for row in rows:
        if row["jurisdiction"] not in full:
            full[row["jurisdiction"]] = base.localised(row, "jurisdiction_name", lang)
    short = {j: re.sub(r"\s*\([^)]*\)\s*$", "", name) or name for j, name in full.items()}
    clashes = {name for name in short.values() if list(short.values()).count(name) > 1}
    return {j: (full[j] if short[j] in clashes else short[j]) for j in full}


def short_names(frame: pd.DataFrame, lang: str) -> dict[str, str]:
    """Names for titles: "Thái Nguyên" rather than "Thái Nguyên (trước sáp nhập)", unless two shown jurisdictions
    would then read the same (the old and the merged province), in which case both keep their full names."""
    return _short_names(_records(frame, NAME_COLUMNS), lang)


def dated_label(row: pd.Series | dict, lang: str) -> str:
    """The period as the source words it (in English, as `periods.label` gives it); with the date added when the
    words carry none ("hiện nay")."""
    label = periods.label(row, lang)
    if re.search(r"\d", label):
        return label
    return f"{label}, {format_day(pd.Timestamp(row['period_end']).date(), lang)}"


def qualified(row: pd.Series | dict, lang: str, drop_plan: bool = False) -> str:
    """The value in the source's own unit, with its qualifier ("trên 253,3 triệu USD")."""
    qualifier = "" if drop_plan and row.get("qualifier") == "plan" else base.localised(row, "qualifier_label", lang)
    return base.qualified_value_text(row["value"], base.localised(row, "unit_label", lang), qualifier, lang)


def _unit_label(rows: list[dict], lang: str) -> str:
    same = next((r for r in rows if r["unit"] == r["indicator_unit"]), None)
    if same is None:
        return str(rows[0]["indicator_unit"]) if rows else ""
    return base.localised(same, "unit_label", lang)


def indicator_unit_label(frame: pd.DataFrame, lang: str) -> str:
    """The label of the indicator's canonical unit (the unit `value_in_indicator_unit` is in)."""
    return _unit_label(_records(frame, ("unit", "indicator_unit", "unit_label", "unit_label_en")), lang)


def period_suffix(period_type: str, lang: str) -> str:
    """" (kỳ chưa trọn năm)" / " (nhiều năm)" after a label; nothing for a full year or a date."""
    return f" ({t('period_type_' + period_type, lang)})" if period_type in ("part_year", "multi_year") else ""


def signed_percent(value: float | None, lang: str) -> str:
    if value is None or pd.isna(value):
        return "–"
    return ("+" if value >= 0 else "−") + format_percent(abs(value), lang, decimals=1)


def plain(text: object) -> str:
    """Data text inside Plotly markup (tick labels, bar texts): escaped like base does for hovers."""
    return base._plain(text)


def _listed(items: list[str], lang: str) -> str:
    """Items joined with "; ", the first MAX_LISTED_PERIODS of them, then how many more there are."""
    if len(items) <= MAX_LISTED_PERIODS:
        return "; ".join(items)
    return "; ".join(items[:MAX_LISTED_PERIODS]) + " " + t("fdi_more_periods", lang,
                                                            count=len(items) - MAX_LISTED_PERIODS)


def _left_out(rows: list[dict]) -> int:
    """How many values of these series the query did not return (its `values_left_out`; 0 without it)."""
    return int(sum(r.get("values_left_out") or 0 for r in rows))


def _sources_text(rows: list[dict], lang: str) -> str:
    """What `base.sources_text` says: "Nguồn: outlet; …", deduplicated, in order of appearance."""
    seen: list[str] = []
    for row in rows:
        name = views.source_name(row, lang)
        if name and name not in seen:
            seen.append(name)
    return t("source_line", lang, sources="; ".join(seen)) if seen else ""


# Axis numbers with the language's thousands mark ("7.000", not "7000" or "7k"): Plotly applies `separators`
# only to a tick format that asks for grouping.
TICK_FORMAT = ",~f"


TITLE_CHARS = 80  # about what fits on one line at the normal title size in the dashboard's chart width


def _broken_title(text: str, style: base.Style) -> str | None:
    """The title on two lines, broken at the clause boundary nearest the end of the first; None when it fits
    (or has nowhere to break)."""
    limit = int(TITLE_CHARS * base.NORMAL.title_size / style.title_size)
    if len(text) <= limit or "<br>" in text:
        return None
    cut = -1
    for mark in (": ", " – ", "; ", ", "):
        position = text.rfind(mark, 0, limit)
        if position > limit // 3:
            cut = max(cut, position + len(mark.rstrip()))
    if cut < 0:
        cut = text.rfind(" ", 0, limit)
    if cut <= 0:
        return None
    return text[:cut].rstrip() + "<br>" + text[cut:].lstrip()


def fit_title(figure: go.Figure, style: base.Style = base.NORMAL) -> None:
    """Break a long finding-title onto two lines (Plotly never wraps titles; a long one is cut off), at the
    clause boundary nearest the end of the first line, and make room for the second line."""
    broken = _broken_title(figure.layout.title.text or "", style)
    if broken is not None:
        figure.update_layout(title_text=broken,
                             margin=dict(t=figure.layout.margin.t + round(style.title_size * 1.3)),
                             height=figure.layout.height + round(style.title_size * 1.3))


def _fit_title_layout(layout: dict, style: base.Style) -> None:
    """`fit_title` on a layout dict."""
    broken = _broken_title(layout["title"].get("text") or "", style)
    if broken is not None:
        layout["title"]["text"] = broken
        layout["margin"]["t"] += round(style.title_size * 1.3)
        layout["height"] += round(style.title_size * 1.3)


# --- figures as dicts: the layout of base.apply_layout, hovers said once per trace ---------------------------

def _figure(traces: list[dict], layout: dict) -> go.Figure:
    """A Figure of the traces and layout built here, taken as they are: Plotly's checks of every property
    (tens of milliseconds a chart) are left out; the tests check what the builders produce."""
    return go.Figure({"data": traces, "layout": layout}, _validate=False)


def _table(rows: list[dict], lang: str) -> pd.DataFrame:
    """`trajectory.values_table` plus the curator's note, built column by column from records."""

    def localised(column: str) -> list[str]:
        return [base.localised(row, column, lang) for row in rows]

    kinds = {k: t("kind_" + k, lang) for k in {row["kind"] for row in rows}}
    return pd.DataFrame({
        t("col_jurisdiction", lang): localised("jurisdiction_name"),
        t("col_indicator", lang): localised("indicator_name"),
        t("col_kind", lang): [kinds[row["kind"]] for row in rows],
        t("col_period", lang): [periods.label(row, lang) for row in rows],
        t("col_value", lang): [format_number(row["value"], lang) for row in rows],
        t("col_unit", lang): localised("unit_label"),
        t("col_qualifier", lang): localised("qualifier_label"),
        t("col_scope", lang): localised("scope_label"),
        t("col_method", lang): localised("method_label"),
        t("col_source", lang): [views.source_cell(row, lang) for row in rows],
        t("col_link", lang): [views.link_cell(row) for row in rows],
        t("col_quote", lang): [row["quote"] for row in rows],
        t("fdi_col_note", lang): [views.note_text(row, lang) for row in rows],
    })


def table_with_notes(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """`trajectory.values_table` plus the curator's note (caveats such as 'USD part attributed by inference')."""
    return _table(_records(frame), lang)


# --- cumulative stocks: registered capital, active projects -------------------------------------------------


def _stock_declines(rows: list[dict]) -> list[tuple[dict, dict]]:
    series: dict[tuple, dict[pd.Timestamp, list[dict]]] = {}
    for row in rows:
        if row["kind"] != "actual" or _missing(row["value_in_indicator_unit"]):
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
    return _stock_declines(_records(frame))


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
    names = _short_names(rows, lang)
    parts = []
    for row in _latest_per_jurisdiction(rows):
        scope = f" ({base.localised(row, 'scope_label', lang)})" if row["scope"] != "province" else ""
        parts.append(f"{names[row['jurisdiction']]} {qualified(row, lang)}{scope}")
    return t("fdi_stock_title", lang, indicator=base.localised(rows[0], "indicator_name", lang),
             values="; ".join(parts))


def stock_title(frame: pd.DataFrame, lang: str) -> str:
    return _stock_title(_records(frame), lang)


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
    return _stock_summary(_records(frame), lang)


def _scope_caveats(rows: list[dict], lang: str) -> list[str]:
    scopes: dict[str, list[dict]] = {}
    for row in rows:
        if row["scope"] != "province":
            scopes.setdefault(row["scope"], []).append(row)
    if not scopes:
        return []
    names = _short_names(rows, lang)
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
    return _scope_caveats(_records(frame), lang)


def decline_caveat(earlier: pd.Series | dict, later: pd.Series | dict, lang: str) -> str:
    return t("fdi_decline_caveat", lang, name=base.series_name(later, lang),
             indicator=base.localised(later, "indicator_name", lang), first=qualified(earlier, lang),
             first_period=dated_label(earlier, lang), first_source=views.source_name(earlier, lang),
             last=qualified(later, lang), last_period=dated_label(later, lang),
             last_source=views.source_name(later, lang))


def _series_keys(rows: list[dict]) -> list[str]:
    """`base.series_keys` on records: flows are also split by kind and length of period."""
    keys = ["indicator", "jurisdiction", "scope", "method"]
    if any(row.get("measure") == "flow" for row in rows):
        keys += ["period_type", "period_months"]
    return keys


def _drawable(group: list[dict]) -> tuple[list[dict], str]:
    """`base.drawable_points` on records: a series longer than base.MAX_POINTS is thinned, never averaged (the
    last value of each year for values as of a date, the latest periods for amounts over parts of a year)."""
    if len(group) <= base.MAX_POINTS:
        return group, ""
    ordered = sorted(group, key=lambda r: (r["period_end"], r["source_id"]))
    first = ordered[0]
    if first.get("measure") == "flow" and first.get("period_type") != "year":
        return ordered[-base.MAX_POINTS:], "series_latest_periods"
    years = [pd.Timestamp(r["period_end"]).year for r in ordered]
    return [r for i, r in enumerate(ordered) if i + 1 == len(ordered) or years[i + 1] != years[i]], "series_year_end"


def _line_traces(rows: list[dict], lang: str, style: base.Style,
                 y_column: str = "value_in_indicator_unit") -> list[dict]:
    """The traces `base.add_value_series` draws (one per series, never a line across a method, scope or
    boundary break), as dicts, with the hover lines a series shares said once."""
    keys = _series_keys(rows)
    if "period_months" in keys:
        rows = [dict(row, period_months=(pd.Timestamp(row["period_end"]).year - pd.Timestamp(row["period_start"]).year)
                     * 12 + pd.Timestamp(row["period_end"]).month - pd.Timestamp(row["period_start"]).month + 1)
                for row in rows]
    several_indicators = len({r["indicator"] for r in rows}) > 1
    groups: dict[tuple, list[dict]] = {}
    for row in rows:
        groups.setdefault(tuple(row[k] for k in keys), []).append(row)
    traces = []
    for values in sorted(groups):
        group, thinned = _drawable(groups[values])
        group = sorted(group, key=lambda r: r["period_end"])
        first = group[0]
        name = base.series_name(first, lang)
        if several_indicators:
            name = f"{base.localised(first, 'indicator_name', lang)} – {name}"
        if "period_type" in keys and first["period_type"] != "year":
            name += f" ({t('period_type_' + first['period_type'], lang)})"
        if thinned:
            name += f" ({t(thinned, lang, n=base.MAX_POINTS)})"
        colour = base.colour(first["jurisdiction"])
        trace = {
            "type": "scatter", "x": [_iso(r["period_end"]) for r in group], "y": [r[y_column] for r in group],
            "mode": "lines+markers" if len(group) > 1 else "markers", "name": name,
            "legendgroup": "|".join(map(str, values)),
            "line": {"color": colour, "width": style.line_width,
                     "dash": base.SCOPE_DASHES.get(first["scope"], "solid")},
            "marker": {"size": style.marker_size, "symbol": base.METHOD_SYMBOLS.get(first["method"], "circle"),
                       "color": colour, "line": {"width": 1, "color": "white"}},
        }
        base.set_hover(trace, "text", ["<br>".join(base.hover_line_list(r, lang)) for r in group])
        traces.append(trace)
    return traces


def stock_chart(frame: pd.DataFrame, indicator: str, lang: str, style: base.Style = base.NORMAL) -> ChartParts | None:
    """Line chart of one cumulative indicator: one series per jurisdiction and scope, falls marked and explained
    (the MAX_DECLINE_MARKERS largest when there are more, with a note saying how many are not marked)."""
    everything = _records(frame)
    positions = _ordered_positions(everything, lambda r: r["indicator"] == indicator and r["kind"] == "actual")
    if not positions:
        return None
    rows = [everything[i] for i in positions]
    traces = _line_traces(rows, lang, style)
    declines = _stock_declines(rows)
    marked = declines_to_mark(declines)
    layout = base.layout_dict(lang, _stock_title(rows, lang), _unit_label(rows, lang), _sources_text(rows, lang), style,
                     [tr["name"] for tr in traces])
    ends = [pd.Timestamp(r["period_end"]) for r in rows if not _missing(r["period_end"])]
    if ends:
        layout["xaxis"]["range"] = [_iso(min(ends) - pd.Timedelta(days=120)), _iso(max(ends) + pd.Timedelta(days=120))]
    layout["yaxis"]["tickformat"] = TICK_FORMAT
    if marked:
        layout["annotations"] = [{
            "x": _iso(later["period_end"]), "y": later["value_in_indicator_unit"],
            "text": t("fdi_decline_marker", lang),
            "showarrow": True, "arrowhead": 2, "arrowwidth": 1.5, "arrowcolor": base.colour(later["jurisdiction"]),
            "ax": 0, "ay": -34, "bgcolor": "rgba(255,255,255,0.85)",
            "font": {"size": max(11, style.font_size - 2), "color": base.colour(later["jurisdiction"])},
        } for _, later in marked]
    _fit_title_layout(layout, style)
    caveats = _scope_caveats(rows, lang) + [decline_caveat(earlier, later, lang) for earlier, later in marked]
    if len(declines) > len(marked):
        caveats.append(t("fdi_decline_more", lang, count=len(declines) - len(marked)))
    if _left_out(rows):
        caveats.append(t("fdi_stock_left_out", lang, count=_left_out(rows)))
    return ChartParts(_figure(traces, layout), _stock_summary(rows, lang), _table(rows, lang),
                      _sources(frame, positions), caveats, frame.iloc[positions])


# --- labelled horizontal bars, one panel per indicator ----------------------------------------------------

BAR_COLUMNS = ["panel", "category", "value", "text", "hover", "colour", "look", "legend", "group"]
# How a bar is drawn, so the kind of figure is visible without colour (colour is the jurisdiction).
LOOKS = {
    "year": dict(fill=1.0, pattern=""),          # a full year, or a figure established as of a date
    "established": dict(fill=1.0, pattern=""),
    "part_year": dict(fill=0.35, pattern="/"),   # first n months: lighter and hatched
    "multi_year": dict(fill=0.35, pattern="x"),  # several years added up: lighter and cross-hatched
    "plan": dict(fill=0.3, pattern="/"),         # a plan, not yet established
    "target": dict(fill=0.0, pattern="."),       # a goal: outline and dots
}
BAR_PX, PANEL_PX, MIN_PANEL_BARS = 44, 70, 2


def tint(colour: str, strength: float) -> str:
    """The jurisdiction's colour mixed with white (`strength` 1 = the colour itself)."""
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(255 - (255 - c) * strength) for c in (red, green, blue)]
    return f"rgb({mix[0]},{mix[1]},{mix[2]})"


def bar_marker(look: str, colour: str) -> dict:
    spec = LOOKS.get(look, LOOKS["year"])
    marker = dict(color=tint(colour, spec["fill"]), line=dict(color=colour, width=1.5))
    if spec["pattern"]:
        marker["pattern"] = dict(shape=spec["pattern"], fgcolor=colour, size=8, solidity=0.35, fillmode="overlay")
    return marker


def _row_domains(row_heights: list[float], spacing: float) -> list[list[float]]:
    """The y domain of each row, top row first, as `plotly.subplots.make_subplots` lays out one column."""
    rows = len(row_heights)
    total = float(sum(row_heights))
    heights = list(reversed([(1.0 - spacing * (rows - 1)) * (h / total) for h in row_heights]))
    starts = [sum(heights[:r]) + r * spacing for r in range(rows)[::-1]]
    domains = []
    for r in range(rows):
        low, high = starts[r] + 0.0, starts[r] + heights[-1 - r] - 0.0
        low, high = (min(1.0, max(0.0, v)) if -0.01 < v < 1.01 else v for v in (low, high))
        domains.append([low, high])
    return domains


@lru_cache(maxsize=4)
def _bar_template(style: base.Style) -> dict:
    """The chart template plus what every labelled bar shares (horizontal, its value written outside it): said
    once in the figure rather than once per trace, of which a chart at national scale has about a hundred."""
    template = base.LEAN_TEMPLATE.to_plotly_json()
    bars = [{**entry, "orientation": "h", "textposition": "outside", "cliponaxis": False,
             "textfont": {"size": style.font_size, "color": "#1a1a1a"}} for entry in template["data"].get("bar", [{}])]
    return {**template, "data": {**template["data"], "bar": bars}}


def _bar_panels(bars: list[dict], lang: str, *, title: str, source_text: str, no_data_text: str,
                style: base.Style) -> go.Figure:
    by_panel: dict[str, list[dict]] = {}
    for bar in bars:
        by_panel.setdefault(bar["panel"], []).append(bar)
    panels = list(by_panel)
    sizes = [max(MIN_PANEL_BARS, len(by_panel[p])) for p in panels]
    scale = style.font_size / base.NORMAL.font_size  # two-line labels need more room in presenter mode
    bar_px, panel_px = BAR_PX * scale, PANEL_PX * scale
    spacing = min(0.12, 90 * scale / (sum(sizes) * bar_px + len(panels) * panel_px))
    domains = _row_domains([s / sum(sizes) for s in sizes], spacing)
    traces: list[dict] = []
    axes: dict[str, dict] = {}
    titles: list[dict] = []
    shown: set[str] = set()
    for number, panel in enumerate(panels, start=1):
        suffix = "" if number == 1 else str(number)
        x_ref, y_ref = "x" + suffix, "y" + suffix
        rows = by_panel[panel]
        groups: dict[str, list[dict]] = {}
        for bar in rows:
            groups.setdefault(bar["group"], []).append(bar)
        for group, members in groups.items():
            first = members[0]
            drawn = [m for m in members if not _missing(m["value"])]
            missing = [m for m in members if _missing(m["value"])]
            if drawn:
                trace = {  # orientation, text position and font: the same for every bar, in the template
                    "type": "bar", "x": [m["value"] for m in drawn], "y": [m["category"] for m in drawn],
                    "name": plain(first["legend"]), "legendgroup": group, "showlegend": group not in shown,
                    "marker": bar_marker(first["look"], first["colour"]), "text": [m["text"] for m in drawn],
                    "xaxis": x_ref, "yaxis": y_ref,
                }
                base.set_hover(trace, "hovertext", [m["hover"] for m in drawn])
                traces.append(trace)
                shown.add(group)
            if missing:
                traces.append({
                    "type": "scatter", "x": [0] * len(missing), "y": [m["category"] for m in missing],
                    "mode": "text", "text": [plain(no_data_text)] * len(missing), "textposition": "middle right",
                    "textfont": {"size": style.font_size, "color": "#555555"}, "showlegend": False,
                    "name": plain(first["legend"]), "legendgroup": group,
                    "hovertext": [m["hover"] for m in missing], "hovertemplate": "%{hovertext}<extra></extra>",
                    "xaxis": x_ref, "yaxis": y_ref,
                })
        values = [bar["value"] for bar in rows if not _missing(bar["value"])]
        largest = max(values) if values else None
        axes["xaxis" + suffix] = {"anchor": y_ref, "domain": [0.0, 1.0],
                                  "range": [0, (largest if largest is not None and largest > 0 else 1) * 1.4],
                                  "tickformat": TICK_FORMAT}
        axes["yaxis" + suffix] = {"anchor": x_ref, "domain": domains[number - 1], "categoryorder": "array",
                                  "categoryarray": [bar["category"] for bar in rows], "autorange": "reversed",
                                  "automargin": True}
        titles.append({"text": plain(panel), "x": 0, "xanchor": "left", "xref": "paper", "y": domains[number - 1][1],
                       "yanchor": "bottom", "yref": "paper", "showarrow": False,
                       "font": {"size": style.font_size + 1, "color": "#1a1a1a"}})
    layout = base.layout_dict(lang, title, "", source_text, style,
                     [tr["name"] for tr in traces if tr.get("showlegend") is not False])
    layout["template"] = _bar_template(style)
    x_style, y_style = layout.pop("xaxis"), layout.pop("yaxis")
    for name, axis in axes.items():
        layout[name] = {**axis, **(x_style if name.startswith("x") else y_style)}
    layout["annotations"] = titles
    # Long category labels push the plot area right: the title is placed against the whole figure (container),
    # not the plot area, so it is not cut off. Every bar already names its jurisdiction, scope and kind of
    # period in words, so no legend: beside long labels it could only be one cramped entry per row.
    plot_px = round(sum(sizes) * bar_px + len(panels) * panel_px)
    top, bottom = layout["margin"]["t"] + round(48 * scale), 50
    layout.update(barmode="overlay", bargap=0.25, height=plot_px + top + bottom, showlegend=False)
    layout["margin"].update(t=top, b=bottom)
    layout["title"].update(xref="container", x=0.01)
    _fit_title_layout(layout, style)
    return _figure(traces, layout)


def bar_panels(bars: pd.DataFrame, lang: str, *, title: str, source_text: str, no_data_text: str,
               style: base.Style = base.NORMAL) -> go.Figure:
    """Horizontal bars with their labels written out, one panel per indicator (rows in the given order).

    One trace per `group` and panel, so bars of different kinds (full year, part of a year, several years,
    plan) are never one series; a bar with no value is drawn as the words `no_data_text`, never as zero. The
    look of a bar (solid, hatched, cross-hatched, dotted outline) repeats in words in its label.
    """
    return _bar_panels(_records(bars, BAR_COLUMNS), lang, title=title, source_text=source_text,
                       no_data_text=no_data_text, style=style)


# --- amounts per period: new and added capital, projects --------------------------------------------------


def _flow_bars(records: list[dict], indicators: tuple[str, ...], lang: str) -> list[dict]:
    bars = []
    for indicator in indicators:
        rows = [r for r in records if r["indicator"] == indicator]
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
    return f"{base.localised(rows[0], 'indicator_name', lang)} ({_unit_label(rows, lang)})"


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
    return pd.DataFrame(_flow_bars(_records(frame), indicators, lang), columns=BAR_COLUMNS)


def _flow_title(rows: list[dict], indicators: tuple[str, ...], lang: str, fallback_key: str) -> str:
    pairs: list[dict] = []
    for jurisdiction in sorted({r["jurisdiction"] for r in rows}, key=jurisdiction_rank):  # the first that has one
        pairs = [p for p in _comparable_pairs([r for r in rows if r["jurisdiction"] == jurisdiction
                                               and r["indicator"] in indicators]) if p["growth_pct"] is not None]
        if pairs:
            break
    if not pairs:
        return t(fallback_key, lang)
    best = min(pairs, key=lambda p: (indicators.index(p["indicator"]), -p["to_end"].value))
    name = _short_names(rows, lang)[best["jurisdiction"]]
    indicator = best["indicator_name_en"] if lang == "en" else best["indicator_name"]
    key = "fdi_flow_title_up" if best["growth_pct"] >= 0 else "fdi_flow_title_down"
    about = t("fdi_about", lang) + " " if best["approximate"] else ""
    return t(key, lang, name=name, indicator=indicator, period=periods.label(best, lang, "to_label"),
             earlier=periods.label(best, lang, "from_label"),
             change=about + format_percent(abs(best["growth_pct"]), lang, decimals=1))


def flow_title(frame: pd.DataFrame, indicators: tuple[str, ...], lang: str, fallback_key: str) -> str:
    """The finding: the newest comparable change of the first indicator that has one, for the focus province."""
    return _flow_title(_records(frame), indicators, lang, fallback_key)


def _flow_summary(rows: list[dict], indicators: tuple[str, ...], lang: str) -> str:
    data = [r for r in rows if r["kind"] == "actual" and r["indicator"] in indicators]
    names = _short_names(data, lang)
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
    return _flow_summary(_records(frame), indicators, lang)


def _flow_caveats(rows: list[dict], lang: str) -> list[str]:
    caveats = []
    if any(r["period_type"] == "part_year" for r in rows):
        caveats.append(t("fdi_partial_caveat", lang))
        if _left_out(rows):
            caveats.append(t("fdi_flow_left_out", lang, count=_left_out(rows)))
    if any(r["period_type"] == "multi_year" for r in rows):
        caveats.append(t("fdi_multi_year_caveat", lang))
    kcn = [r for r in rows if r["scope"] == "industrial_zones"]
    if kcn:
        names = _short_names(rows, lang)
        where = list(dict.fromkeys(f"{names[r['jurisdiction']]}, {periods.label(r, lang)}" for r in kcn))
        caveats.append(t("fdi_flow_kcn_caveat", lang, where=_listed(where, lang),
                         scope=base.localised(kcn[0], "scope_label", lang)))
    if any(r["kind"] == "target" for r in rows):
        caveats.append(t("fdi_flow_target_caveat", lang))
    merged = [r for r in rows if r["jurisdiction"] in ("thai_nguyen_2025", "phu_tho_2025")]
    if merged:
        caveats.append(t("fdi_merged_caveat", lang, names=", ".join(dict.fromkeys(
            base.localised(r, "jurisdiction_name", lang) for r in merged))))
    return caveats


def flow_caveats(frame: pd.DataFrame, lang: str) -> list[str]:
    return _flow_caveats(_records(frame), lang)


def flow_chart(frame: pd.DataFrame, indicators: tuple[str, ...], lang: str, *, fallback_title_key: str,
               style: base.Style = base.NORMAL) -> ChartParts | None:
    """Bars of amounts per period for `indicators` (one panel each); None when none of them has a value."""
    everything = _records(frame)
    positions = _ordered_positions(everything, lambda r: r["indicator"] in indicators)
    if not positions:
        return None
    rows = [everything[i] for i in positions]
    drawn, cut = _cap_years(rows, indicators, lang)
    figure = _bar_panels(_flow_bars(drawn, indicators, lang), lang,
                         title=_flow_title(rows, indicators, lang, fallback_title_key),
                         source_text=_sources_text(rows, lang), no_data_text=t("no_data", lang), style=style)
    return ChartParts(figure, _flow_summary(drawn, indicators, lang), _table(rows, lang), _sources(frame, positions),
                      _flow_caveats(rows, lang) + cut, frame.iloc[positions])


# --- growth between comparable periods ----------------------------------------------------------------------

GROWTH_COLUMNS = [
    "indicator", "indicator_name", "indicator_name_en", "jurisdiction", "jurisdiction_name", "jurisdiction_name_en",
    "scope", "scope_label", "scope_label_en", "method", "period_type", "years_apart",
    "from_obs_id", "from_label", "from_label_en", "from_end", "from_value", "from_text_vi", "from_text_en",
    "to_obs_id", "to_label", "to_label_en", "to_end", "to_value", "to_text_vi", "to_text_en",
    "change", "growth_pct", "growth_pct_per_year", "same_unit", "unit_label", "unit_label_en", "approximate",
]


def _place(day: pd.Timestamp) -> tuple[int, int, int, bool]:
    """Year, month, day and whether it is the last day of its month."""
    return day.year, day.month, day.day, day.is_month_end


def _same_place_in_year(earlier: tuple, later: tuple) -> bool:
    """Same day of the same month, counting month ends as equal (28 Feb 2023 ~ 29 Feb 2024)."""
    return earlier[1] == later[1] and (earlier[2] == later[2] or (earlier[3] and later[3]))


def _period(start, end) -> tuple:
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    return (start, end, _place(start), _place(end))


def _years_apart(earlier: tuple, later: tuple) -> int | None:
    """`whole_years_apart` on `_period` tuples."""
    (_, earlier_end, es, ee), (later_start, _, ls, le) = earlier, later
    shift = ls[0] - es[0]
    if shift < 1 or le[0] - ee[0] != shift or later_start <= earlier_end:
        return None
    if not (_same_place_in_year(es, ls) and _same_place_in_year(ee, le)):
        return None
    return shift


def whole_years_apart(earlier_start, earlier_end, later_start, later_end) -> int | None:
    """N when the later period is the earlier one moved N ≥ 1 whole years on (same length, same months, no
    overlap): full year 2023 → 2024, Jan–May 2023 → Jan–May 2024, 2016–2020 → 2021–2025, 31/12/2023 → 31/12/2024.
    None otherwise: Jan–May against Jan–Oct, Jan–May against the full year, Feb against Aug of a stock."""
    return _years_apart(_period(earlier_start, earlier_end), _period(later_start, later_end))


def _comparable_pairs(rows: list[dict]) -> list[dict]:
    groups: dict[tuple, list[dict]] = {}
    seen: set[tuple] = set()
    for row in rows:
        if row["kind"] != "actual" or _missing(row["value_in_indicator_unit"]):
            continue
        key = tuple(row[k] for k in SERIES_KEYS)
        if any(_missing(k) for k in key):  # as groupby: rows without a complete key form no series
            continue
        identity = key + (row["period_start"], row["period_end"], row["value_in_indicator_unit"])
        if identity in seen:  # the same value for the same period from another source counts once
            continue
        seen.add(identity)
        groups.setdefault(key, []).append(row)
    pairs = []
    for key in sorted(groups):
        items = sorted(groups[key], key=lambda r: (r["period_end"], r["period_start"]))
        periods = [_period(r["period_start"], r["period_end"]) for r in items]
        for position in range(1, len(items)):
            for earlier in range(position - 1, -1, -1):
                years = _years_apart(periods[earlier], periods[position])
                if years is not None:
                    pairs.append(_growth_row(items[earlier], items[position], years))
                    break
    pairs.sort(key=lambda p: (jurisdiction_rank(p["jurisdiction"]), p["indicator"], p["scope"], p["to_end"]))
    return pairs


def comparable_growth(*frames: pd.DataFrame) -> pd.DataFrame:
    """Change between each actual and the latest earlier actual it can be compared with.

    Comparable means: same indicator, jurisdiction, scope, method and period type, and a period of the same
    length at the same place in the calendar, whole years apart (`whole_years_apart`). Targets are ignored.
    A growth rate needs a positive earlier value; `approximate` marks pairs where either value is hedged
    (trên, khoảng, ước, gần). One row per pair, oldest first within each series.
    """
    rows = [row for frame in frames if not frame.empty for row in _records(frame)]
    pairs = _comparable_pairs(rows)
    return pd.DataFrame({c: [p[c] for p in pairs] for c in GROWTH_COLUMNS}) if pairs else \
        pd.DataFrame(columns=GROWTH_COLUMNS)


def _growth_row(earlier: pd.Series | dict, later: pd.Series | dict, years: int) -> dict:
    start, end = float(earlier["value_in_indicator_unit"]), float(later["value_in_indicator_unit"])
    same_unit = earlier["unit"] == later["unit"]
    return {
        **{k: later.get(k, "") for k in ("indicator", "indicator_name", "indicator_name_en", "jurisdiction",
                                          "jurisdiction_name", "jurisdiction_name_en", "scope", "scope_label",
                                          "scope_label_en", "method", "period_type")},
        "years_apart": years,
        "from_obs_id": earlier.get("obs_id", ""), "from_label": earlier["period_label"],
        "from_label_en": periods.label(earlier, "en"),
        "from_end": pd.Timestamp(earlier["period_end"]), "from_value": start,
        "from_text_vi": qualified(earlier, "vi"), "from_text_en": qualified(earlier, "en"),
        "to_obs_id": later.get("obs_id", ""), "to_label": later["period_label"],
        "to_label_en": periods.label(later, "en"),
        "to_end": pd.Timestamp(later["period_end"]), "to_value": end,
        "to_text_vi": qualified(later, "vi"), "to_text_en": qualified(later, "en"),
        "change": float(later["value"]) - float(earlier["value"]) if same_unit else None,
        "growth_pct": (end / start - 1) * 100 if start > 0 else None,
        # the same change as a yearly rate (compound), so a change over two years is not read as one year's
        "growth_pct_per_year": ((end / start) ** (1 / years) - 1) * 100 if start > 0 and end >= 0 else None,
        "same_unit": same_unit, "unit_label": later.get("unit_label", ""), "unit_label_en": later.get("unit_label_en", ""),
        "approximate": earlier.get("qualifier", "") not in PLAIN_QUALIFIERS
        or later.get("qualifier", "") not in PLAIN_QUALIFIERS,
    }


def newest_pairs(pairs: pd.DataFrame, limit: int = MAX_GROWTH_ROWS) -> tuple[pd.DataFrame, int]:
    """The comparable pairs to list, and how many are left out: all of them up to `limit`; beyond that only the
    newest pair of each series (indicator, jurisdiction, scope, method, kind of period; more than one when
    several sources give that newest period)."""
    if len(pairs) <= limit:
        return pairs, 0
    newest = pairs.groupby(["indicator", "jurisdiction", "scope", "method", "period_type"])["to_end"].transform("max")
    shown = pairs[pairs["to_end"] == newest].reset_index(drop=True)
    return shown, len(pairs) - len(shown)


def growth_left_out_notes(left_out: int, lang: str, limit: int = MAX_GROWTH_ROWS) -> list[str]:
    """The sentence saying how many older comparable pairs `newest_pairs` left out (none when it left none)."""
    return [t("fdi_growth_left_out", lang, count=left_out, limit=limit)] if left_out else []


def growth_table(pairs: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The comparable changes for people: which two periods and how far apart, the change over that span and as a
    yearly rate, from and to as the sources word them, the change in the unit."""
    approx = t("fdi_about", lang) + " "
    rows = _records(pairs)

    def change(row: dict) -> str:
        if row["change"] is None or pd.isna(row["change"]):
            return "–"
        sign = "+" if row["change"] >= 0 else "−"
        return sign + base.value_text(abs(row["change"]), base.localised(row, "unit_label", lang), lang)

    def years(row: dict) -> str:
        if row["years_apart"] == 1:
            return t("fdi_one_year", lang)
        return t("fdi_years", lang, count=format_number(row["years_apart"], lang, decimals=0))

    def span(row: dict) -> str:
        return t("fdi_span", lang, earlier=periods.label(row, lang, "from_label"),
                 later=periods.label(row, lang, "to_label"), years=years(row))

    def growth(row: dict, column: str, key: str) -> str:
        value = row[column]
        if value is None or pd.isna(value):
            return "–"
        return (approx if row["approximate"] else "") + t(key, lang, change=signed_percent(value, lang),
                                                          years=years(row))

    return pd.DataFrame({
        t("col_jurisdiction", lang): [base.localised(r, "jurisdiction_name", lang) for r in rows],
        t("col_indicator", lang): [base.localised(r, "indicator_name", lang) for r in rows],
        t("fdi_col_span", lang): [span(r) for r in rows],
        t("fdi_col_growth", lang): [growth(r, "growth_pct", "fdi_growth_over") if r["years_apart"] != 1
                                    else growth(r, "growth_pct", "fdi_growth_plain") for r in rows],
        t("fdi_col_growth_per_year", lang): [growth(r, "growth_pct_per_year", "fdi_growth_per_year") for r in rows],
        t("fdi_col_from", lang): [r["from_text_" + lang] for r in rows],  # their periods: in the span column
        t("fdi_col_to", lang): [r["to_text_" + lang] for r in rows],
        t("fdi_col_change", lang): [change(r) for r in rows],
        t("col_scope", lang): [base.localised(r, "scope_label", lang) for r in rows],
    })


def growth_sources(pairs: pd.DataFrame, *frames: pd.DataFrame) -> pd.DataFrame:
    """The observation rows the comparable pairs were computed from (for the sources list: their source columns)."""
    used = set(pairs["from_obs_id"]) | set(pairs["to_obs_id"])
    rows = [_sources(frame, [i for i, obs in enumerate(frame["obs_id"].tolist()) if obs in used])
            for frame in frames if not frame.empty]
    return pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=["source_id"])


def growth_notes(pairs: pd.DataFrame, lang: str, *frames: pd.DataFrame) -> list[str]:
    """Say what has no comparable pair: the whole selection, or each jurisdiction shown without one."""
    if pairs.empty:
        return [t("fdi_growth_none", lang)]
    present = [r for frame in frames if not frame.empty for r in _records(frame, NAME_COLUMNS + ("kind",))
               if r["kind"] == "actual"]
    names = _short_names(present, lang)
    paired = set(pairs["jurisdiction"])
    missing = [j for j in sorted({r["jurisdiction"] for r in present}, key=jurisdiction_rank) if j not in paired]
    return [t("fdi_growth_none_for", lang, name=names[j]) for j in missing]


# --- national rank -----------------------------------------------------------------------------------------


def rank_cards(frame: pd.DataFrame, lang: str) -> list[Card]:
    """The newest national FDI rank of each jurisdiction: "thứ 10/63", with its period and source."""
    actuals = [row for row in _records(frame) if row["kind"] == "actual"]
    names = _short_names(actuals, lang)
    newest: dict[str, dict] = {}
    for row in actuals:
        if row["jurisdiction"] not in newest or row["period_end"] >= newest[row["jurisdiction"]]["period_end"]:
            newest[row["jurisdiction"]] = row
    cards = []
    for jurisdiction in sorted(newest, key=jurisdiction_rank):
        row = newest[jurisdiction]
        match = re.fullmatch(r"rank_of_(\d+)", str(row["unit"]))
        of = match.group(1) if match else base.localised(row, "unit_label", lang)
        value = t("fdi_rank_value", lang, rank=format_number(row["value"], lang, decimals=0), of=of)
        qualifier = base.localised(row, "qualifier_label", lang)
        cards.append(Card(
            label=t("fdi_rank_label", lang, indicator=base.localised(row, "indicator_name", lang),
                    name=names[jurisdiction]),
            value=f"{qualifier} {value}".strip(),
            caption=t("fdi_rank_caption", lang, period=dated_label(row, lang),
                      source=views.source_name(row, lang),
                      quote=row["quote"] or "–"),
        ))
    return cards
