"""Shared chart vocabulary: one colour per jurisdiction, the layout every chart uses, trajectory charts.

Pure builders: DataFrame in, `plotly.graph_objects.Figure` out. No Streamlit, no SQL. Numbers in hovers and
labels are formatted on the server (Babel) and Plotly's `separators` follow the language, so a chart reads
"42,92 %" in Vietnamese on every laptop. Figures use graph_objects, not plotly.express (cheaper per rerun).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from provdash import periods, views
from provdash.i18n import t
from provdash.numbers import PLOTLY_SEPARATORS, format_number

# Blue for Thái Nguyên, vermillion for Vĩnh Phúc (the pair colour-blind readers tell apart best, from Okabe–Ito),
# each at least 4,5:1 against white so lines, stars and the labels written in them read (WCAG asks 3:1 for
# graphics, 4,5:1 for text). A merged province takes the same hue much darker than the province it continues:
# lineage visible, never one line (and its values carry their own method's marker).
COLOURS = {
    "thai_nguyen": "#0072B2",
    "thai_nguyen_2025": "#003F66",
    "vinh_phuc": "#C05600",
    "phu_tho_2025": "#7A3300",
    "bac_kan": "#007A5A",
    "phu_tho": "#A8558A",
    "hoa_binh": "#6B6B1F",
    "viet_nam": "#444444",
}
FALLBACK_COLOURS = ["#117733", "#882255", "#332288", "#007A5A", "#A8558A", "#6B6B1F"]
# Different methods get different marker shapes; different scopes different line dashes.
METHOD_SYMBOLS = {"": "circle", "annual_report_2022": "circle", "gso_value_added": "diamond", "ict_sector_grdp": "square"}
SCOPE_DASHES = {"province": "solid", "industrial_zones": "dash", "excluding_samsung": "dot", "kcn_incl_it_park": "dashdot",
                "high_tech": "longdash"}
FONT_FAMILY = "Be Vietnam Pro, Liberation Sans, Arial, sans-serif"


def colour(jurisdiction: str) -> str:
    if jurisdiction in COLOURS:
        return COLOURS[jurisdiction]
    return FALLBACK_COLOURS[sum(map(ord, jurisdiction)) % len(FALLBACK_COLOURS)]


def localised(row: pd.Series | dict, column: str, lang: str) -> str:
    """The English variant of a label column (`<column>_en`) when it exists and lang is English."""
    if lang == "en" and f"{column}_en" in row and row[f"{column}_en"]:
        return str(row[f"{column}_en"])
    value = row[column] if column in row else ""
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def value_text(value: float | None, unit_label: str, lang: str) -> str:
    """"42,92 %", "11,2 tỷ USD", "4.245 ha" — the value as the source's unit names it."""
    if value is None or pd.isna(value):
        return "–"
    number = format_number(float(value), lang)
    if unit_label == "%":
        return f"{number} %" if lang == "vi" else f"{number}%"
    return f"{number} {unit_label}".strip()


def qualified_value_text(value: float | None, unit_label: str, qualifier_label: str, lang: str) -> str:
    """The value with its qualifier in front, as the source hedges it: "trên 30 %", "khoảng 7,3 tỷ USD"."""
    text = value_text(value, unit_label, lang)
    return f"{qualifier_label} {text}" if qualifier_label else text


def series_name(row: pd.Series | dict, lang: str, show_scope: bool = True, show_method: bool = True) -> str:
    """The legend name of one series: jurisdiction, plus scope and method when they are not the default."""
    parts = [localised(row, "jurisdiction_name", lang)]
    if show_scope and row.get("scope", "province") != "province":
        parts.append(localised(row, "scope_label", lang))
    if show_method and row.get("method", ""):
        parts.append(localised(row, "method_short", lang) or localised(row, "method_label", lang))
    return " · ".join(p for p in parts if p)


def hover_lines(row: pd.Series | dict, lang: str) -> str:
    """Hover text for one value: value with qualifier, period, scope, method, source. Plain text only."""
    return "<br>".join(hover_line_list(row, lang))


def hover_line_list(row: pd.Series | dict, lang: str) -> list[str]:
    """The lines of `hover_lines`."""
    lines = [
        f"<b>{_plain(series_name(row, lang, show_method=False))}</b>",
        _plain(qualified_value_text(row["value"], localised(row, "unit_label", lang),
                                    localised(row, "qualifier_label", lang), lang)),
        _plain(periods.label(row, lang)),
    ]
    if row.get("scope", "province") != "province":
        lines.append(_plain(localised(row, "scope_label", lang)))
    if row.get("method"):
        lines.append(_plain(localised(row, "method_label", lang)))
    if row.get("source_title"):
        lines.append(t("hover_source", lang, source=_plain(_shorten(str(row["source_title"]), 60))))
    return [line for line in lines if line]


def shared_hover(hovers: list[str]) -> tuple[str, list[str], str] | None:
    """The lines every hover of a trace begins and ends with (its series name, its kind of period), and what is
    left of each: (prefix, bodies, suffix). None when nothing is shared."""
    if len(hovers) < 2:
        return None
    split = [hover.split("<br>") for hover in hovers]
    first, shortest = split[0], min(len(lines) for lines in split)
    head = 0
    while head < shortest - 1 and all(lines[head] == first[head] for lines in split):
        head += 1
    tail = 0
    while head + tail < shortest - 1 and all(lines[-1 - tail] == first[-1 - tail] for lines in split):
        tail += 1
    if not head and not tail:
        return None
    prefix = "".join(line + "<br>" for line in first[:head])
    suffix = "".join("<br>" + line for line in first[len(first) - tail:])
    return prefix, ["<br>".join(lines[head:len(lines) - tail]) for lines in split], suffix


def set_hover(trace: dict, attribute: str, hovers: list[str]) -> None:
    """Hover texts on a trace: what they all share once, in the trace's `meta`, the rest per point."""
    shared = shared_hover(hovers)
    if shared is None:
        trace[attribute] = hovers
        trace["hovertemplate"] = "%{" + attribute + "}<extra></extra>"
    else:
        prefix, bodies, suffix = shared
        trace[attribute] = bodies
        trace["meta"] = [prefix, suffix]
        trace["hovertemplate"] = "%{meta[0]}%{" + attribute + "}%{meta[1]}<extra></extra>"


def hover_properties(hovers: list[str], attribute: str = "text") -> dict:
    """Scatter properties for per-point hover texts, what they all share said once (see set_hover)."""
    trace: dict = {}
    set_hover(trace, attribute, hovers)
    return trace


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plain(text: object) -> str:
    """Text from the data shown inside Plotly's hover markup: escape its few HTML-like characters."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True)
class Style:
    """Sizes for normal use and for presenter mode (projector at the back of a room)."""
    title_size: int = 18
    font_size: int = 13
    marker_size: int = 9
    line_width: float = 2.5
    height: int = 440
    legend_beside: bool = False  # the legend right of the plot (a slide has width to spare, not height)
    slides: bool = False  # charts are slides of a 1280×720 screen: a long bar chart is paged (bars.bar_slides)


NORMAL = Style()
# A slide at 1280×720 holds the controls, the page title and the summary sentence above the chart: what is left
# is about 400 px, so the legend goes beside the plot and the notes under a fold (ui.chart_block).
PRESENTER = Style(title_size=24, font_size=20, marker_size=13, line_width=4, height=355, legend_beside=True,
                  slides=True)

# What a presenter slide draws around its chart (ui.chart_block, present.PRESENTER_CSS): the slide controls, the page
# title, the fold of notes and sources under the chart, spacing; and the summary sentence above it, in bold 22 px
# type, a line per SLIDE_LINE_CHARS characters (fewer than fit, for the words wrapped early). Measured in Chromium.
SCREEN_PX, SLIDE_FRAME_PX, SLIDE_LINE_PX, SLIDE_LINE_CHARS = 720, 185, 31, 112


def slide_room(summary: str) -> int:
    """The height left for the chart on a slide whose summary sentence is `summary`."""
    lines = math.ceil(len(summary) / SLIDE_LINE_CHARS) if summary else 0
    return SCREEN_PX - SLIDE_FRAME_PX - lines * SLIDE_LINE_PX


def legend_rows(names: list[str], style: Style) -> int:
    """Roughly how many rows a horizontal legend of `names` under the plot takes, to reserve room for it."""
    if not names:
        return 0
    per_row_chars = 90 * 13 / style.font_size
    rows, used = 1, 0.0
    for name in names:
        width = len(name) + 6
        if used and used + width > per_row_chars:
            rows, used = rows + 1, 0.0
        used += width
    return rows


# A small template with plotly_white's look for what we draw (lines, markers, bars, shapes, notes): the full
# plotly_white carries defaults for every trace type (7 KB in each figure's JSON, and ~90 ms to apply here).
_GRID = "#EBF0F8"
_AXIS = dict(gridcolor=_GRID, linecolor=_GRID, zerolinecolor=_GRID, zerolinewidth=2, ticks="", automargin=True,
             title=dict(standoff=15))
TEMPLATE = dict(
    layout=dict(
        colorway=["#636efa", "#EF553B", "#00cc96", "#ab63fa", "#FFA15A", "#19d3f3", "#FF6692", "#B6E880"],
        font=dict(color="#2a3f5f"), hoverlabel=dict(align="left"), hovermode="closest", autotypenumbers="strict",
        paper_bgcolor="white", plot_bgcolor="white", xaxis=_AXIS, yaxis=_AXIS, title=dict(x=0.05),
        shapedefaults=dict(line=dict(color="#2a3f5f")),
        annotationdefaults=dict(arrowcolor="#2a3f5f", arrowhead=0, arrowwidth=1),
    ),
    data=dict(bar=[dict(marker=dict(line=dict(color="white", width=0.5)))]),
)


LEAN_TEMPLATE = go.layout.Template(TEMPLATE)


def legend_names(figure: go.Figure) -> list[str]:
    return [tr.name or "" for tr in figure.data if tr.showlegend is not False]


def figure_legend_rows(figure: go.Figure, style: Style) -> int:
    return legend_rows(legend_names(figure), style)


def layout_dict(lang: str, title: str, y_title: str, source_text: str, style: Style, legend_names: list[str]) -> dict:
    """Our layout as a plain dict: title stating the finding with the source line under it, legend under the
    plot (room for `legend_names`), the language's separators. `xaxis` and `yaxis` go to every axis."""
    legend_px = 0 if style.legend_beside else legend_rows(legend_names, style) * (style.font_size + 12)
    legend = {"orientation": "h", "xanchor": "left", "x": 0, "yanchor": "bottom", "y": 0, "yref": "container",
              "font": {"size": style.font_size - 1}, "itemsizing": "constant"}
    if style.legend_beside:
        legend = {"orientation": "v", "xanchor": "left", "x": 1.01, "yanchor": "top", "y": 1, "tracegroupgap": 2,
                  "font": {"size": style.font_size - 4}, "itemsizing": "constant"}
    return {
        "separators": PLOTLY_SEPARATORS.get(lang, ",."),
        "font": {"family": FONT_FAMILY, "size": style.font_size, "color": "#1a1a1a"},
        "title": {"text": _plain(title), "font": {"size": style.title_size}, "x": 0, "xanchor": "left", "xref": "paper",
                  "subtitle": {"text": _plain(_shorten(source_text, 110)),
                               "font": {"size": max(11, style.font_size - 2), "color": "#555555"}}},
        "height": style.height + legend_px,
        "margin": {"l": 10, "r": 30, "t": 50 + style.title_size * 2, "b": 50 + legend_px},
        # The legend in the bottom margin, its last row on the figure's bottom edge: below the axis labels
        # whatever the plot's height (a position relative to the plot would reach into the year labels).
        "legend": legend,
        "hoverlabel": {"font": {"family": FONT_FAMILY, "size": style.font_size}},
        "hovermode": "closest",
        "xaxis": {"gridcolor": "#f0f0f0", "tickfont": {"size": style.font_size}},
        "yaxis": {"title": {"text": _plain(y_title), "font": {"size": style.font_size}}, "rangemode": "tozero",
                  "gridcolor": "#e6e6e6", "tickformat": ",~f", "tickfont": {"size": style.font_size}},
    }


def axis_names(figure: go.Figure) -> list[str]:
    """Every x and y axis of the figure ("xaxis", "yaxis", "xaxis2", …), subplots included."""
    names = {"xaxis", "yaxis"} | {name for name in figure.layout if name.startswith(("xaxis", "yaxis"))}
    return sorted(names)


def apply_layout(figure: go.Figure, lang: str, title: str, y_title: str = "", source_text: str = "",
                 style: Style = NORMAL) -> go.Figure:
    """`layout_dict` on a figure, in one update (each update of a Plotly figure is checked property by property);
    the axis settings go to every x and y axis (subplots too)."""
    layout = layout_dict(lang, title, y_title, source_text, style, legend_names(figure))
    x_axis, y_axis = layout.pop("xaxis"), layout.pop("yaxis")
    for name in axis_names(figure):
        layout[name] = x_axis if name.startswith("x") else y_axis
    figure.layout.template = LEAN_TEMPLATE  # assigned, not merged into Plotly's default template
    figure.update_layout(layout)
    return figure


def year_middle(year: int) -> pd.Timestamp:
    """The middle of a calendar year: where a value for that year is drawn, above the year's label."""
    start = pd.Timestamp(year, 1, 1)
    return start + (pd.Timestamp(year + 1, 1, 1) - start) / 2


def plot_x(row: pd.Series | dict) -> pd.Timestamp:
    """Where a value is drawn on a time axis: a value as of a date at that date; a value over a period (a year,
    the first six months, 2021–2025) in the middle of its period; a target in the middle of its deadline year. So a
    year's value sits above that year's label, never on the next year's tick (its period's last day)."""
    start, end = pd.Timestamp(row["period_start"]), pd.Timestamp(row["period_end"])
    if row.get("kind") == "target" and row.get("period_type") != "point":
        return year_middle(end.year)
    if end <= start:
        return end
    return start + (end + pd.Timedelta(days=1) - start) / 2


def label_step(years: int) -> int:
    """Years between labelled ticks so labels never crowd: every year up to 16 years, then every 2nd or 5th."""
    return 1 if years <= 16 else 2 if years <= 32 else 5


def year_axis(figure: go.Figure, xs) -> None:
    """The x axis as years: whole years shown, a label under the middle of each year (every 2nd or 5th year on a
    long axis) and a tick per year."""
    values = pd.to_datetime(pd.Series(list(xs), dtype=object), errors="coerce").dropna()
    if values.empty:
        return
    first, last = values.min().year, values.max().year
    step = label_step(last - first + 1)
    figure.update_xaxes(
        type="date", range=[pd.Timestamp(first, 1, 1), pd.Timestamp(last + 1, 1, 1)], tickformat="%Y",
        tick0=year_middle(2000 - 2000 % step if step > 1 else 2000), dtick=f"M{12 * step}", ticks="outside",
        ticklen=4, minor=dict(dtick="M12", tick0=year_middle(2000), ticks="outside", ticklen=3, showgrid=False),
        hoverformat="%d/%m/%Y")


def headroom(figure: go.Figure, share: float = 0.15, style: Style = NORMAL) -> None:
    """Room above the highest value for the labels and markers written above it, so none reaches the title and
    its source line: `share` of the highest value, and at least a target's star with its label above it in
    pixels (a short plot, as on a slide, needs a larger share). Only for a value axis from zero (not a reversed
    rank axis)."""
    values = [y for trace in figure.data if trace.y is not None for y in trace.y
              if isinstance(y, (int, float)) and y == y]
    if values and min(values) >= 0 and max(values) > 0:
        layout = figure.layout
        plot_px = (layout.height or style.height) - (layout.margin.t or 0) - (layout.margin.b or 0)
        label_px = (style.marker_size + 12) / 2 + style.font_size * 1.5  # half the largest star, a line of text
        share = max(share, label_px / max(plot_px - label_px, 1.0))
        figure.update_yaxes(range=[0, max(values) * (1 + share)])


def trace_xs(figure: go.Figure) -> list:
    """Every x value drawn by the figure's traces (for `year_axis`)."""
    return [x for trace in figure.data if trace.x is not None for x in trace.x if x is not None]


def series_keys(frame: pd.DataFrame) -> list[str]:
    """What separates one line from another: indicator, jurisdiction, scope, method, and for amounts over a
    period (flows) the kind of period, so a first-half figure never joins a full-year one."""
    keys = ["indicator", "jurisdiction", "scope", "method"]
    if "measure" in frame and (frame["measure"] == "flow").any():
        keys += ["period_type", "period_months"]
    return keys


MAX_POINTS = 36  # per line: three years of months; more is unreadable on a chart and heavy to send and draw


def drawable_positions(rows: list[dict]) -> tuple[list[int], str]:
    """Which values of one series (records) a chart draws, by position, oldest first, and the words to add to its
    name when not all of them.

    Up to MAX_POINTS values: all of them. A longer series is thinned, never averaged or summed (every point
    drawn is a value as its source gave it; the table beside the chart keeps every value): values as of a date
    keep the last one of each year; amounts over parts of a year keep the latest MAX_POINTS periods (one month
    a year would pass for a year's amount)."""
    order = sorted(range(len(rows)), key=lambda i: (rows[i]["period_end"], rows[i]["source_id"]))
    if len(rows) <= MAX_POINTS:
        return order, ""
    first = rows[order[0]]
    if first.get("measure") == "flow" and first.get("period_type") != "year":
        return order[-MAX_POINTS:], "series_latest_periods"
    years = [pd.Timestamp(rows[i]["period_end"]).year for i in order]
    return [i for n, i in enumerate(order) if n + 1 == len(order) or years[n + 1] != years[n]], "series_year_end"


def drawable_points(group: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """`drawable_positions` on a frame: the rows drawn, oldest first."""
    positions, words = drawable_positions(records(group, ["period_end", "source_id", "measure", "period_type"]))
    return group.iloc[positions], words


def records(frame: pd.DataFrame, columns: tuple[str, ...] | list[str] | None = None) -> list[dict]:
    """The rows (of `columns` that exist, else all) as dicts: one conversion per column, not per cell (pandas
    access per row costs tens of microseconds with Arrow-backed strings)."""
    names = [c for c in columns if c in frame] if columns is not None else list(frame.columns)
    return [dict(zip(names, values)) for values in zip(*(frame[c].tolist() for c in names))] if names else \
        [{} for _ in range(len(frame))]


def _missing_key(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def add_value_series(figure: go.Figure, frame: pd.DataFrame, lang: str, style: Style = NORMAL,
                     y_column: str = "value_in_indicator_unit", connect: bool = True) -> None:
    """One trace per series (see `series_keys`): never a line across a method, scope or boundary break."""
    if frame.empty:
        return
    keys = series_keys(frame)
    rows = records(frame)
    if "period_months" in keys:
        for row in rows:
            start, end = pd.Timestamp(row["period_start"]), pd.Timestamp(row["period_end"])
            row["period_months"] = (end.year - start.year) * 12 + end.month - start.month + 1
    several_indicators = len({row["indicator"] for row in rows}) > 1
    groups: dict[tuple, list[dict]] = {}
    for row in rows:
        key = tuple(row[k] for k in keys)
        if not any(_missing_key(k) for k in key):  # as groupby: a row without a complete key is no series
            groups.setdefault(key, []).append(row)
    traces = []
    for values in sorted(groups):
        members = groups[values]
        positions, thinned = drawable_positions(members)
        group = [members[i] for i in positions]
        first = group[0]
        name = series_name(first, lang)
        if several_indicators:
            name = f"{localised(first, 'indicator_name', lang)} – {name}"
        if "period_type" in keys and first["period_type"] != "year":
            name += f" ({t('period_type_' + first['period_type'], lang)})"
        if thinned:
            name += f" ({t(thinned, lang, n=MAX_POINTS)})"
        traces.append(go.Scatter(
            x=[plot_x(row) for row in group], y=[row[y_column] for row in group],
            mode="lines+markers" if connect and len(group) > 1 else "markers",
            name=name, legendgroup="|".join(map(str, values)),
            line=dict(color=colour(first["jurisdiction"]), width=style.line_width,
                      dash=SCOPE_DASHES.get(first["scope"], "solid")),
            marker=dict(size=style.marker_size, symbol=METHOD_SYMBOLS.get(first["method"], "circle"),
                        color=colour(first["jurisdiction"]), line=dict(width=1, color="white")),
            **hover_properties([hover_lines(row, lang) for row in group]),
        ))
    figure.add_traces(traces)


PATH_LEGEND_COLOUR = "#444444"  # a generic legend entry (any province's path) in no province's colour


LOW_LABEL_SHARE = 0.3  # a star lower than this share of the chart's highest value has no room under it for a label


def target_label_positions(points: list[tuple[pd.Timestamp, float]], highest_value: float | None = None,
                           years: tuple[int, int] | None = None) -> list[str]:
    """Where each target's label goes. Of stars in the same year the highest is labelled above, the lowest below
    and any between beside their star, so two labels never meet between their stars; a low star (under
    LOW_LABEL_SHARE of `highest_value`, the chart's highest value, else of the highest star) is labelled beside
    it, as below it the label would fall under the axis. In the chart's last year a label goes to the left of the
    star and in its first to the right (the edge never cuts a label), elsewhere centred. `years`: the chart's first
    and last year (else the stars')."""
    if not points:
        return []
    first, last = years or (None, None)
    years = [pd.Timestamp(x).year for x, _ in points]
    first, last = min(years + [first or 9999]), max(years + [last or 0])
    top = max([highest_value or 0] + [y for _, y in points])
    by_year: dict[int, list[int]] = {}  # year → its points, highest first (the first of equals first)
    for index, year in enumerate(years):
        by_year.setdefault(year, []).append(index)
    positions = [""] * len(points)
    for year, members in by_year.items():
        members.sort(key=lambda i: -points[i][1])
        horizontal = "left" if year == last and last > first else "right" if year == first and last > first \
            else "center"
        beside = "middle left" if horizontal == "left" else "middle right"
        for rank, index in enumerate(members):
            if rank == 0:
                positions[index] = f"top {horizontal}"
            elif rank == len(members) - 1 and points[index][1] >= LOW_LABEL_SHARE * top:
                positions[index] = f"bottom {horizontal}"
            else:
                positions[index] = beside
    return positions


def add_targets(figure: go.Figure, targets: pd.DataFrame, lang: str, style: Style = NORMAL,
                y_column: str = "value_in_indicator_unit") -> None:
    """Targets as labelled stars at their deadline, in the colour of the jurisdiction that set them, one legend
    entry per jurisdiction ("Mục tiêu – Vĩnh Phúc").

    Stars of different jurisdictions at the same point are drawn concentric (later ones smaller), so both
    stay visible; labels are placed so they neither meet nor leave the chart (`target_label_positions`).
    """
    targets = targets.drop_duplicates(["indicator", "jurisdiction", "scope", "period_end", y_column, "qualifier"])
    rows = records(targets)
    everywhere = [(plot_x(r), r[y_column]) for r in rows]
    drawn = [y for trace in figure.data if trace.y is not None for y in trace.y
             if isinstance(y, (int, float)) and y == y]
    xs = pd.to_datetime(pd.Series(trace_xs(figure), dtype=object), errors="coerce").dropna()
    span = (xs.min().year, xs.max().year) if len(xs) else None
    where = dict(zip(map(id, rows), target_label_positions(everywhere, max(drawn, default=None), span)))
    by_jurisdiction: dict[str, list[dict]] = {}
    for row in rows:
        by_jurisdiction.setdefault(row["jurisdiction"], []).append(row)
    for order, jurisdiction in enumerate(sorted(by_jurisdiction)):
        group = by_jurisdiction[jurisdiction]
        labels = [qualified_value_text(r["value"], localised(r, "unit_label", lang), localised(r, "qualifier_label", lang),
                                       lang) for r in group]
        figure.add_trace(go.Scatter(
            x=[plot_x(r) for r in group], y=[r[y_column] for r in group], mode="markers+text",
            name=t("targets_of", lang, name=localised(group[0], "jurisdiction_name", lang)),
            legendgroup=f"targets-{jurisdiction}",
            marker=dict(symbol="star", size=style.marker_size + 12 - 5 * (order % 3), color=colour(jurisdiction),
                        line=dict(width=1.5, color="#1a1a1a")),
            text=labels, textposition=[where[id(r)] for r in group],
            textfont=dict(size=style.font_size, color=colour(jurisdiction)),
            hovertext=[t("target_label", lang, value=label, year=pd.Timestamp(r["period_end"]).year) + "<br>"
                       + hover_lines(r, lang) for label, r in zip(labels, group)],
            hovertemplate="%{hovertext}<extra></extra>",
        ))


def add_path(figure: go.Figure, xs: list, ys: list, name: str, jurisdiction: str, dash: str,
             style: Style = NORMAL, hover: list[str] | None = None, legend_name: str | None = None) -> None:
    """A required path or a projection: a thin non-solid line in its province's colour. Paths of one kind share
    one legend entry, `legend_name`, drawn in a neutral grey (it stands for every province's path)."""
    width = max(1.5, style.line_width - 1)
    if legend_name is not None and not any(getattr(tr, "legendgroup", None) == f"path-{dash}" for tr in figure.data):
        figure.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name=legend_name, legendgroup=f"path-{dash}",
                                    line=dict(color=PATH_LEGEND_COLOUR, width=width, dash=dash), hoverinfo="skip"))
    figure.add_trace(go.Scatter(
        x=pd.to_datetime(pd.Series(xs)), y=ys, mode="lines", name=legend_name or name,
        legendgroup=f"path-{dash}", showlegend=legend_name is None,
        line=dict(color=colour(jurisdiction), width=width, dash=dash),
        opacity=0.85, **(hover_properties(hover) if hover else {}), hoverinfo=None if hover else "skip",
    ))


def sources_text(frame: pd.DataFrame | list[dict], lang: str) -> str:
    """"Nguồn: outlet (date); …" for the source line under a chart, deduplicated, in order of appearance."""
    seen: list[str] = []
    rows = frame.to_dict("records") if isinstance(frame, pd.DataFrame) else frame
    for row in rows:
        name = views.source_name(row, lang)
        if name and name not in seen:
            seen.append(name)
    return t("source_line", lang, sources="; ".join(seen)) if seen else ""
