"""Foreign investment (FDI): cumulative stocks, amounts per period, comparable growth and the national rank.

Pure builders: DataFrames of the `observations` view in; Plotly figures, tables, sentences and cards out. No
Streamlit, no SQL. What must never be mixed stays apart: a partial period ("5 tháng đầu năm 2024") is never
in the same series as a full year, a multi-year total never beside a single year, a KCN-only figure never on
the province-wide line; and growth is only computed between two periods of the same length at the same place
in the calendar (`comparable_growth`). A fall in a cumulative figure is shown and explained, never smoothed.

`bar_panels` (labelled horizontal bars, one panel per indicator) is also used by the industrial-zone page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from provdash.figures import base, trajectory
from provdash.i18n import t
from provdash.numbers import format_day, format_number, format_percent

STOCK_INDICATORS = ("fdi_registered_capital", "fdi_projects_active")
CAPITAL_FLOWS = ("fdi_registered_new_and_added", "fdi_new_capital", "fdi_capital_increase")
PROJECT_FLOWS = ("fdi_new_projects", "fdi_capital_increase_projects")
# The province the dashboard is about first, then its comparator (same order as ui.DEFAULT_JURISDICTIONS,
# which this module cannot import: ui is Streamlit glue).
JURISDICTION_ORDER = ("thai_nguyen", "thai_nguyen_2025", "vinh_phuc", "phu_tho_2025")
PERIOD_TYPE_ORDER = {"point": 0, "year": 1, "part_year": 2, "multi_year": 3}
SERIES_KEYS = ["indicator", "jurisdiction", "scope", "method", "kind", "period_type"]
PLAIN_QUALIFIERS = ("", "plan")  # qualifiers that do not make a value approximate


@dataclass
class ChartParts:
    """Everything `ui.chart_block` needs for one chart."""
    figure: go.Figure
    summary: str
    table: pd.DataFrame
    sources: pd.DataFrame
    caveats: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Card:
    """A headline number for `st.metric`: label, value as text, and a caption with period and source."""
    label: str
    value: str
    caption: str
    note: str = ""  # the curator's caveat, for a tooltip


# --- small shared wording ---------------------------------------------------------------------------------


def jurisdiction_rank(jurisdiction: str) -> tuple[int, str]:
    order = JURISDICTION_ORDER.index(jurisdiction) if jurisdiction in JURISDICTION_ORDER else len(JURISDICTION_ORDER)
    return (order, jurisdiction)


def short_names(frame: pd.DataFrame, lang: str) -> dict[str, str]:
    """Names for titles: "Thái Nguyên" rather than "Thái Nguyên (trước sáp nhập)", unless two shown jurisdictions
    would then read the same (the old and the merged province), in which case both keep their full names."""
    full = {row["jurisdiction"]: base.localised(row, "jurisdiction_name", lang)
            for _, row in frame.drop_duplicates("jurisdiction").iterrows()}
    short = {j: re.sub(r"\s*\([^)]*\)\s*$", "", name) or name for j, name in full.items()}
    clashes = {name for name in short.values() if list(short.values()).count(name) > 1}
    return {j: (full[j] if short[j] in clashes else short[j]) for j in full}


def dated_label(row: pd.Series | dict, lang: str) -> str:
    """The period as the source words it; with the date added when the words carry none ("hiện nay")."""
    label = str(row["period_label"])
    if re.search(r"\d", label):
        return label
    return f"{label}, {format_day(pd.Timestamp(row['period_end']).date(), lang)}"


def qualified(row: pd.Series | dict, lang: str, drop_plan: bool = False) -> str:
    """The value in the source's own unit, with its qualifier ("trên 253,3 triệu USD")."""
    qualifier = "" if drop_plan and row.get("qualifier") == "plan" else base.localised(row, "qualifier_label", lang)
    return base.qualified_value_text(row["value"], base.localised(row, "unit_label", lang), qualifier, lang)


def indicator_unit_label(frame: pd.DataFrame, lang: str) -> str:
    """The label of the indicator's canonical unit (the unit `value_in_indicator_unit` is in)."""
    same = frame[frame["unit"] == frame["indicator_unit"]]
    if same.empty:
        return str(frame["indicator_unit"].iloc[0]) if not frame.empty else ""
    return base.localised(same.iloc[0], "unit_label", lang)


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


# Axis numbers with the language's thousands mark ("7.000", not "7000" or "7k"): Plotly applies `separators`
# only to a tick format that asks for grouping.
TICK_FORMAT = ",~f"


TITLE_CHARS = 80  # about what fits on one line at the normal title size in the dashboard's chart width


def fit_title(figure: go.Figure, style: base.Style = base.NORMAL) -> None:
    """Break a long finding-title onto two lines (Plotly never wraps titles; a long one is cut off), at the
    clause boundary nearest the end of the first line, and make room for the second line."""
    text = figure.layout.title.text or ""
    limit = int(TITLE_CHARS * base.NORMAL.title_size / style.title_size)
    if len(text) <= limit or "<br>" in text:
        return
    cut = -1
    for mark in (": ", " – ", "; ", ", "):
        position = text.rfind(mark, 0, limit)
        if position > limit // 3:
            cut = max(cut, position + len(mark.rstrip()))
    if cut < 0:
        cut = text.rfind(" ", 0, limit)
    if cut <= 0:
        return
    figure.update_layout(title_text=text[:cut].rstrip() + "<br>" + text[cut:].lstrip(),
                         margin=dict(t=figure.layout.margin.t + round(style.title_size * 1.3)),
                         height=figure.layout.height + round(style.title_size * 1.3))


def table_with_notes(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """`trajectory.values_table` plus the curator's note (caveats such as 'USD part attributed by inference')."""
    table = trajectory.values_table(frame, lang)
    table[t("fdi_col_note", lang)] = frame["note"].fillna("").tolist()
    return table


def _ordered(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(_j=[jurisdiction_rank(j) for j in frame["jurisdiction"]]).sort_values(
        ["_j", "period_end", "period_start"], kind="stable").drop(columns="_j")


# --- cumulative stocks: registered capital, active projects -------------------------------------------------


def stock_declines(frame: pd.DataFrame) -> list[tuple[pd.Series, pd.Series]]:
    """(earlier, later) pairs where a cumulative figure falls from one date to the next in the same series.

    A cumulative total should not fall; when it does, sources disagree or projects were revoked, and the
    reader must be told rather than shown a smoothed line.
    """
    declines = []
    actuals = frame[(frame["kind"] == "actual") & frame["value_in_indicator_unit"].notna()]
    for _, group in actuals.groupby(["indicator", "jurisdiction", "scope", "method"], sort=True):
        group = group.sort_values("period_end").drop_duplicates(["period_end", "value_in_indicator_unit"])
        rows = [row for _, row in group.iterrows()]
        for earlier, later in zip(rows, rows[1:]):
            if later["value_in_indicator_unit"] < earlier["value_in_indicator_unit"]:
                declines.append((earlier, later))
    return declines


def _latest_per_jurisdiction(frame: pd.DataFrame) -> list[pd.Series]:
    """The newest value of each jurisdiction, province-wide where there is one."""
    latest = []
    for jurisdiction in sorted(frame["jurisdiction"].unique(), key=jurisdiction_rank):
        rows = frame[frame["jurisdiction"] == jurisdiction]
        wide = rows[rows["scope"] == "province"]
        latest.append((wide if not wide.empty else rows).sort_values("period_end").iloc[-1])
    return latest


def stock_title(frame: pd.DataFrame, lang: str) -> str:
    names = short_names(frame, lang)
    parts = []
    for row in _latest_per_jurisdiction(frame):
        scope = f" ({base.localised(row, 'scope_label', lang)})" if row["scope"] != "province" else ""
        parts.append(f"{names[row['jurisdiction']]} {qualified(row, lang)}{scope}")
    return t("fdi_stock_title", lang, indicator=base.localised(frame.iloc[0], "indicator_name", lang),
             values="; ".join(parts))


def stock_summary(frame: pd.DataFrame, lang: str) -> str:
    """One clause per series: first and latest value, each with its period as the source words it."""
    parts = []
    groups = sorted(frame.groupby(["jurisdiction", "scope", "method"], sort=False),
                    key=lambda item: (jurisdiction_rank(item[0][0]), item[0][1] != "province", item[0][1:]))
    for _, group in groups:
        group = group.sort_values("period_end")
        first, last = group.iloc[0], group.iloc[-1]
        name = base.series_name(first, lang)
        if len(group) == 1:
            parts.append(t("fdi_stock_summary_one", lang, name=name, value=qualified(last, lang),
                           period=dated_label(last, lang)))
        else:
            parts.append(t("fdi_stock_summary_span", lang, name=name, first=qualified(first, lang),
                           first_period=dated_label(first, lang), last=qualified(last, lang),
                           last_period=dated_label(last, lang)))
    return "; ".join(parts) + "."


def scope_caveats(frame: pd.DataFrame, lang: str) -> list[str]:
    """A plain sentence for every non-province scope on the chart, naming whose figures it is."""
    caveats = []
    for scope, rows in frame[frame["scope"] != "province"].groupby("scope", sort=True):
        names = ", ".join(dict.fromkeys(short_names(frame, lang)[j]
                                        for j in sorted(rows["jurisdiction"].unique(), key=jurisdiction_rank)))
        label = base.localised(rows.iloc[0], "scope_label", lang)
        key = "fdi_scope_kcn_caveat" if scope == "industrial_zones" else "fdi_scope_other_caveat"
        caveats.append(t(key, lang, names=names, scope=label))
    return caveats


def decline_caveat(earlier: pd.Series, later: pd.Series, lang: str) -> str:
    return t("fdi_decline_caveat", lang, name=base.series_name(later, lang),
             indicator=base.localised(later, "indicator_name", lang), first=qualified(earlier, lang), first_period=dated_label(earlier, lang),
             first_source=earlier["source_outlet"], last=qualified(later, lang),
             last_period=dated_label(later, lang), last_source=later["source_outlet"])


def stock_chart(frame: pd.DataFrame, indicator: str, lang: str, style: base.Style = base.NORMAL) -> ChartParts | None:
    """Line chart of one cumulative indicator: one series per jurisdiction and scope, falls marked and explained."""
    data = frame[(frame["indicator"] == indicator) & (frame["kind"] == "actual")]
    if data.empty:
        return None
    data = _ordered(data)
    figure = go.Figure()
    base.add_value_series(figure, data, lang, style)
    declines = stock_declines(data)
    for _, later in declines:
        figure.add_annotation(
            x=pd.Timestamp(later["period_end"]), y=later["value_in_indicator_unit"], text=t("fdi_decline_marker", lang),
            showarrow=True, arrowhead=2, arrowwidth=1.5, arrowcolor=base.colour(later["jurisdiction"]), ax=0, ay=-34,
            font=dict(size=max(11, style.font_size - 2), color=base.colour(later["jurisdiction"])),
            bgcolor="rgba(255,255,255,0.85)")
    base.apply_layout(figure, lang, stock_title(data, lang), indicator_unit_label(data, lang),
                      base.sources_text(data, lang), style)
    base.pad_date_range(figure, data["period_end"], before_days=120, after_days=120)
    figure.update_yaxes(tickformat=TICK_FORMAT)
    fit_title(figure, style)
    caveats = scope_caveats(data, lang) + [decline_caveat(earlier, later, lang) for earlier, later in declines]
    return ChartParts(figure, stock_summary(data, lang), table_with_notes(data, lang), data, caveats)


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


def bar_panels(bars: pd.DataFrame, lang: str, *, title: str, source_text: str, no_data_text: str,
               style: base.Style = base.NORMAL) -> go.Figure:
    """Horizontal bars with their labels written out, one panel per indicator (rows in the given order).

    One trace per `group` and panel, so bars of different kinds (full year, part of a year, several years,
    plan) are never one series; a bar with no value is drawn as the words `no_data_text`, never as zero. The
    look of a bar (solid, hatched, cross-hatched, dotted outline) repeats in words in its label.
    """
    panels = list(dict.fromkeys(bars["panel"]))
    sizes = [max(MIN_PANEL_BARS, int((bars["panel"] == p).sum())) for p in panels]
    scale = style.font_size / base.NORMAL.font_size  # two-line labels need more room in presenter mode
    bar_px, panel_px = BAR_PX * scale, PANEL_PX * scale
    spacing = min(0.12, 90 * scale / (sum(sizes) * bar_px + len(panels) * panel_px))
    figure = make_subplots(rows=len(panels), cols=1, subplot_titles=[plain(p) for p in panels],
                           row_heights=[s / sum(sizes) for s in sizes], vertical_spacing=spacing)
    shown: set[str] = set()
    for number, panel in enumerate(panels, start=1):
        rows = bars[bars["panel"] == panel]
        for group, members in rows.groupby("group", sort=False):
            first = members.iloc[0]
            drawn = members[members["value"].notna()]
            missing = members[members["value"].isna()]
            if not drawn.empty:
                figure.add_trace(go.Bar(
                    x=drawn["value"].tolist(), y=drawn["category"].tolist(), orientation="h",
                    name=plain(first["legend"]), legendgroup=group, showlegend=group not in shown,
                    marker=bar_marker(first["look"], first["colour"]),
                    text=drawn["text"].tolist(), textposition="outside", cliponaxis=False,
                    textfont=dict(size=style.font_size, color="#1a1a1a"),
                    hovertext=drawn["hover"].tolist(), hovertemplate="%{hovertext}<extra></extra>",
                ), row=number, col=1)
                shown.add(group)
            if not missing.empty:
                figure.add_trace(go.Scatter(
                    x=[0] * len(missing), y=missing["category"].tolist(), mode="text",
                    text=[plain(no_data_text)] * len(missing), textposition="middle right",
                    textfont=dict(size=style.font_size, color="#555555"), showlegend=False,
                    name=plain(first["legend"]), legendgroup=group,
                    hovertext=missing["hover"].tolist(), hovertemplate="%{hovertext}<extra></extra>",
                ), row=number, col=1)
        largest = rows["value"].max()
        figure.update_xaxes(range=[0, (largest if pd.notna(largest) and largest > 0 else 1) * 1.4],
                            tickformat=TICK_FORMAT, row=number, col=1)
        figure.update_yaxes(categoryorder="array", categoryarray=rows["category"].tolist(), autorange="reversed",
                            automargin=True, row=number, col=1)
    base.apply_layout(figure, lang, title, "", source_text, style)
    # Long category labels push the plot area right: the title is placed against the whole figure (container),
    # not the plot area, so it is not cut off. Every bar already names its jurisdiction, scope and kind of
    # period in words, so no legend: beside long labels it could only be one cramped entry per row.
    plot_px = round(sum(sizes) * bar_px + len(panels) * panel_px)
    top, bottom = figure.layout.margin.t + round(48 * scale), 50
    figure.update_layout(barmode="overlay", bargap=0.25, height=plot_px + top + bottom, showlegend=False,
                         margin=dict(t=top, b=bottom), title=dict(xref="container", x=0.01))
    fit_title(figure, style)
    figure.update_annotations(font=dict(size=style.font_size + 1, color="#1a1a1a"), x=0, xanchor="left")
    return figure


# --- amounts per period: new and added capital, projects --------------------------------------------------


def flow_bars(frame: pd.DataFrame, indicators: tuple[str, ...], lang: str) -> pd.DataFrame:
    """One bar per value, labelled "<jurisdiction (scope)> / <period as the source words it> (kỳ chưa trọn năm)"."""
    rows = []
    for indicator in indicators:
        data = frame[frame["indicator"] == indicator]
        if data.empty:
            continue
        data = data.assign(_j=[jurisdiction_rank(j) for j in data["jurisdiction"]],
                           _k=(data["kind"] != "actual").astype(int)).sort_values(
            ["_j", "_k", "period_end", "period_start"], kind="stable")
        panel = f"{base.localised(data.iloc[0], 'indicator_name', lang)} ({indicator_unit_label(data, lang)})"
        used: set[str] = set()
        for _, row in data.iterrows():
            suffix = period_suffix(row["period_type"], lang)
            period = f"{row['period_label']}{suffix}"
            if row["kind"] == "target":
                period = t("fdi_target_prefix", lang, period=period)
            category = f"{plain(base.series_name(row, lang))}<br>{plain(period)}"
            if category in used:  # the same period from two sources: keep both bars, name the source
                category += f" · {plain(row['source_outlet'])}"
            used.add(category)
            legend = base.series_name(row, lang) + suffix
            if row["kind"] == "target":
                legend = t("fdi_target_legend", lang, name=legend)
            rows.append(dict(
                panel=panel, category=category, value=row["value_in_indicator_unit"], text=plain(qualified(row, lang)),
                hover=base.hover_lines(row, lang) + (f"<br>{plain(t('period_type_' + row['period_type'], lang))}"
                                                     if suffix else ""),
                colour=base.colour(row["jurisdiction"]),
                look="target" if row["kind"] == "target" else row["period_type"], legend=legend,
                group="|".join(str(row[k]) for k in SERIES_KEYS[1:]),
            ))
    return pd.DataFrame(rows, columns=BAR_COLUMNS)


def flow_title(frame: pd.DataFrame, indicators: tuple[str, ...], lang: str, fallback_key: str) -> str:
    """The finding: the newest comparable change of the first indicator that has one, for the focus province."""
    pairs = comparable_growth(frame[frame["indicator"].isin(indicators)])
    pairs = pairs[pairs["growth_pct"].notna()]
    if pairs.empty:
        return t(fallback_key, lang)
    pairs = pairs.assign(_i=[indicators.index(i) for i in pairs["indicator"]],
                         _j=[jurisdiction_rank(j) for j in pairs["jurisdiction"]])
    best = pairs.sort_values(["_j", "_i", "to_end"], ascending=[True, True, False], kind="stable").iloc[0]
    name = short_names(frame, lang)[best["jurisdiction"]]
    indicator = best["indicator_name_en"] if lang == "en" else best["indicator_name"]
    key = "fdi_flow_title_up" if best["growth_pct"] >= 0 else "fdi_flow_title_down"
    about = t("fdi_about", lang) + " " if best["approximate"] else ""
    return t(key, lang, name=name, indicator=indicator, period=best["to_label"], earlier=best["from_label"],
             change=about + format_percent(abs(best["growth_pct"]), lang, decimals=1))


def flow_summary(frame: pd.DataFrame, indicators: tuple[str, ...], lang: str) -> str:
    """The latest full-year value of each indicator per jurisdiction, and how many partial periods are shown."""
    parts = []
    data = frame[(frame["kind"] == "actual") & frame["indicator"].isin(indicators)]
    names = short_names(data, lang) if not data.empty else {}
    for jurisdiction in sorted(data["jurisdiction"].unique(), key=jurisdiction_rank):
        rows = data[data["jurisdiction"] == jurisdiction]
        values = []
        for indicator in indicators:
            years = rows[(rows["indicator"] == indicator) & (rows["period_type"] == "year")
                         & (rows["scope"] == "province")].sort_values("period_end")
            if not years.empty:
                row = years.iloc[-1]
                values.append(t("fdi_flow_value", lang, indicator=base.localised(row, "indicator_name", lang),
                                value=qualified(row, lang), period=row["period_label"]))
        if values:
            parts.append(f"{names[jurisdiction]}: " + ", ".join(values))
        else:
            parts.append(t("fdi_flow_no_full_year", lang, name=names[jurisdiction]))
    partial = int((data["period_type"] == "part_year").sum())
    text = "; ".join(parts) + "."
    if partial:
        text += " " + t("fdi_flow_partial_count", lang, count=partial)
    return text


def flow_caveats(frame: pd.DataFrame, lang: str) -> list[str]:
    caveats = []
    if (frame["period_type"] == "part_year").any():
        caveats.append(t("fdi_partial_caveat", lang))
    if (frame["period_type"] == "multi_year").any():
        caveats.append(t("fdi_multi_year_caveat", lang))
    kcn = frame[frame["scope"] == "industrial_zones"]
    if not kcn.empty:
        names = short_names(frame, lang)
        where = "; ".join(dict.fromkeys(f"{names[r['jurisdiction']]}, {r['period_label']}" for _, r in kcn.iterrows()))
        caveats.append(t("fdi_flow_kcn_caveat", lang, where=where, scope=base.localised(kcn.iloc[0], "scope_label", lang)))
    if (frame["kind"] == "target").any():
        caveats.append(t("fdi_flow_target_caveat", lang))
    merged = frame[frame["jurisdiction"].isin(["thai_nguyen_2025", "phu_tho_2025"])]
    if not merged.empty:
        caveats.append(t("fdi_merged_caveat", lang, names=", ".join(dict.fromkeys(
            base.localised(r, "jurisdiction_name", lang) for _, r in merged.iterrows()))))
    return caveats


def flow_chart(frame: pd.DataFrame, indicators: tuple[str, ...], lang: str, *, fallback_title_key: str,
               style: base.Style = base.NORMAL) -> ChartParts | None:
    """Bars of amounts per period for `indicators` (one panel each); None when none of them has a value."""
    data = frame[frame["indicator"].isin(indicators)]
    if data.empty:
        return None
    data = _ordered(data)
    figure = bar_panels(flow_bars(data, indicators, lang), lang,
                        title=flow_title(data, indicators, lang, fallback_title_key),
                        source_text=base.sources_text(data, lang), no_data_text=t("no_data", lang), style=style)
    return ChartParts(figure, flow_summary(data, indicators, lang), table_with_notes(data, lang), data,
                      flow_caveats(data, lang))


# --- growth between comparable periods ----------------------------------------------------------------------

GROWTH_COLUMNS = [
    "indicator", "indicator_name", "indicator_name_en", "jurisdiction", "jurisdiction_name", "jurisdiction_name_en",
    "scope", "scope_label", "scope_label_en", "method", "period_type", "years_apart",
    "from_obs_id", "from_label", "from_end", "from_value", "from_text_vi", "from_text_en",
    "to_obs_id", "to_label", "to_end", "to_value", "to_text_vi", "to_text_en",
    "change", "growth_pct", "same_unit", "unit_label", "unit_label_en", "approximate",
]


def _is_month_end(day: pd.Timestamp) -> bool:
    return (day + pd.Timedelta(days=1)).day == 1


def _same_place_in_year(earlier: pd.Timestamp, later: pd.Timestamp) -> bool:
    """Same day of the same month, counting month ends as equal (28 Feb 2023 ~ 29 Feb 2024)."""
    if earlier.month != later.month:
        return False
    return earlier.day == later.day or (_is_month_end(earlier) and _is_month_end(later))


def whole_years_apart(earlier_start, earlier_end, later_start, later_end) -> int | None:
    """N when the later period is the earlier one moved N ≥ 1 whole years on (same length, same months, no
    overlap): full year 2023 → 2024, Jan–May 2023 → Jan–May 2024, 2016–2020 → 2021–2025, 31/12/2023 → 31/12/2024.
    None otherwise: Jan–May against Jan–Oct, Jan–May against the full year, Feb against Aug of a stock."""
    es, ee, ls, le = (pd.Timestamp(d) for d in (earlier_start, earlier_end, later_start, later_end))
    shift = ls.year - es.year
    if shift < 1 or le.year - ee.year != shift or ls <= ee:
        return None
    if not (_same_place_in_year(es, ls) and _same_place_in_year(ee, le)):
        return None
    return shift


def comparable_growth(*frames: pd.DataFrame) -> pd.DataFrame:
    """Change between each actual and the latest earlier actual it can be compared with.

    Comparable means: same indicator, jurisdiction, scope, method and period type, and a period of the same
    length at the same place in the calendar, whole years apart (`whole_years_apart`). Targets are ignored.
    A growth rate needs a positive earlier value; `approximate` marks pairs where either value is hedged
    (trên, khoảng, ước, gần). One row per pair, oldest first within each series.
    """
    frame = pd.concat([f for f in frames if not f.empty], ignore_index=True) if any(not f.empty for f in frames) \
        else pd.DataFrame(columns=SERIES_KEYS + ["value_in_indicator_unit"])
    rows = []
    actuals = frame[(frame["kind"] == "actual") & frame["value_in_indicator_unit"].notna()]
    actuals = actuals.drop_duplicates(SERIES_KEYS + ["period_start", "period_end", "value_in_indicator_unit"])
    for _, group in actuals.groupby(SERIES_KEYS, sort=True):
        group = group.sort_values(["period_end", "period_start"])
        items = [row for _, row in group.iterrows()]
        for position, later in enumerate(items):
            for earlier in reversed(items[:position]):
                years = whole_years_apart(earlier["period_start"], earlier["period_end"],
                                          later["period_start"], later["period_end"])
                if years is not None:
                    rows.append(_growth_row(earlier, later, years))
                    break
    result = pd.DataFrame(rows, columns=GROWTH_COLUMNS)
    order = [(jurisdiction_rank(r["jurisdiction"]), r["indicator"], r["scope"], r["to_end"]) for _, r in result.iterrows()]
    return result.iloc[sorted(range(len(result)), key=order.__getitem__)].reset_index(drop=True)


def _growth_row(earlier: pd.Series, later: pd.Series, years: int) -> dict:
    start, end = float(earlier["value_in_indicator_unit"]), float(later["value_in_indicator_unit"])
    same_unit = earlier["unit"] == later["unit"]
    return {
        **{k: later.get(k, "") for k in ("indicator", "indicator_name", "indicator_name_en", "jurisdiction",
                                          "jurisdiction_name", "jurisdiction_name_en", "scope", "scope_label",
                                          "scope_label_en", "method", "period_type")},
        "years_apart": years,
        "from_obs_id": earlier.get("obs_id", ""), "from_label": earlier["period_label"],
        "from_end": pd.Timestamp(earlier["period_end"]), "from_value": start,
        "from_text_vi": qualified(earlier, "vi"), "from_text_en": qualified(earlier, "en"),
        "to_obs_id": later.get("obs_id", ""), "to_label": later["period_label"],
        "to_end": pd.Timestamp(later["period_end"]), "to_value": end,
        "to_text_vi": qualified(later, "vi"), "to_text_en": qualified(later, "en"),
        "change": float(later["value"]) - float(earlier["value"]) if same_unit else None,
        "growth_pct": (end / start - 1) * 100 if start > 0 else None,
        "same_unit": same_unit, "unit_label": later.get("unit_label", ""), "unit_label_en": later.get("unit_label_en", ""),
        "approximate": earlier.get("qualifier", "") not in PLAIN_QUALIFIERS
        or later.get("qualifier", "") not in PLAIN_QUALIFIERS,
    }


def growth_table(pairs: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The comparable changes for people: from and to as the sources word them, change and growth in %."""
    approx = t("fdi_about", lang) + " "
    return pd.DataFrame({
        t("col_jurisdiction", lang): [base.localised(r, "jurisdiction_name", lang) for _, r in pairs.iterrows()],
        t("col_indicator", lang): [base.localised(r, "indicator_name", lang) for _, r in pairs.iterrows()],
        t("fdi_col_growth", lang): [(approx if r["approximate"] else "") + signed_percent(r["growth_pct"], lang)
                                    for _, r in pairs.iterrows()],
        t("fdi_col_from", lang): [f"{r['from_label']}: {r['from_text_' + lang]}" for _, r in pairs.iterrows()],
        t("fdi_col_to", lang): [f"{r['to_label']}: {r['to_text_' + lang]}" for _, r in pairs.iterrows()],
        t("fdi_col_change", lang): [
            "–" if r["change"] is None or pd.isna(r["change"]) else
            ("+" if r["change"] >= 0 else "−") + base.value_text(abs(r["change"]), base.localised(r, "unit_label", lang), lang)
            for _, r in pairs.iterrows()],
        t("fdi_col_years", lang): [format_number(r["years_apart"], lang, decimals=0) for _, r in pairs.iterrows()],
        t("col_scope", lang): [base.localised(r, "scope_label", lang) for _, r in pairs.iterrows()],
    })


def growth_sources(pairs: pd.DataFrame, *frames: pd.DataFrame) -> pd.DataFrame:
    """The observation rows the comparable pairs were computed from (for the sources list)."""
    used = set(pairs["from_obs_id"]) | set(pairs["to_obs_id"])
    rows = [f[f["obs_id"].isin(used)] for f in frames if not f.empty]
    return pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=["source_id"])


def growth_notes(pairs: pd.DataFrame, lang: str, *frames: pd.DataFrame) -> list[str]:
    """Say what has no comparable pair: the whole selection, or each jurisdiction shown without one."""
    present = pd.concat([f[f["kind"] == "actual"] for f in frames if not f.empty], ignore_index=True) \
        if any(not f.empty for f in frames) else pd.DataFrame(columns=["jurisdiction"])
    if pairs.empty:
        return [t("fdi_growth_none", lang)]
    names = short_names(present, lang)
    missing = [j for j in sorted(present["jurisdiction"].unique(), key=jurisdiction_rank)
               if j not in set(pairs["jurisdiction"])]
    return [t("fdi_growth_none_for", lang, name=names[j]) for j in missing]


# --- national rank -----------------------------------------------------------------------------------------


def rank_cards(frame: pd.DataFrame, lang: str) -> list[Card]:
    """The newest national FDI rank of each jurisdiction: "thứ 10/63", with its period and source."""
    cards = []
    actuals = frame[frame["kind"] == "actual"]
    names = short_names(actuals, lang) if not actuals.empty else {}
    for jurisdiction in sorted(actuals["jurisdiction"].unique(), key=jurisdiction_rank):
        row = actuals[actuals["jurisdiction"] == jurisdiction].sort_values("period_end").iloc[-1]
        match = re.fullmatch(r"rank_of_(\d+)", str(row["unit"]))
        of = match.group(1) if match else base.localised(row, "unit_label", lang)
        value = t("fdi_rank_value", lang, rank=format_number(row["value"], lang, decimals=0), of=of)
        qualifier = base.localised(row, "qualifier_label", lang)
        cards.append(Card(
            label=t("fdi_rank_label", lang, indicator=base.localised(row, "indicator_name", lang),
                    name=names[jurisdiction]),
            value=f"{qualifier} {value}".strip(),
            caption=t("fdi_rank_caption", lang, period=dated_label(row, lang),
                      source=f"{row['source_outlet']} – {row['source_title']}",
                      quote=row["quote"] or "–"),
        ))
    return cards
