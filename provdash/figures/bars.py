"""Labelled horizontal bars, one panel per indicator: the FDI amounts per period and the industrial-zone plans
against what is established.

Pure: bar records (or a DataFrame of BAR_COLUMNS) in, a Plotly figure out. Every bar names its jurisdiction,
scope and kind of period in its label and repeats its kind in its look (solid, hatched, cross-hatched, dotted
outline), so the chart needs no legend and never depends on colour alone. A bar without a value is drawn as
words, never as zero.
"""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from provdash.figures import base
from provdash.figures.base import records
from provdash.figures.parts import TICK_FORMAT, Slide, broken_title, fit_title, missing, plain

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
BAR_PX, PANEL_PX, MIN_PANEL_BARS = 36, 70, 2  # a bar with its two-line label, at the normal type size
# On a presenter slide (20 px type): a bar with its two-line label; above the plot the chart's title with the source
# line under it (Plotly centres the title in the top margin: a second title line needs two lines more room); below it the
# axis with the panel's name as its title. Measured in Chromium.
SLIDE_BAR_PX, SLIDE_HEAD_PX, SLIDE_SECOND_LINE_PX, SLIDE_AXIS_PX = 50, 86, 64, 64
SLIDE_TITLE_CHARS = 96  # a bar slide's title runs the width of the screen from its left edge (24 px: 12 px a character)


def slide_title(title: str, style: base.Style) -> str | None:
    """A bar slide's title on two lines; None when it fits on one."""
    return broken_title(title, style, SLIDE_TITLE_CHARS)


def slide_head_px(title: str, style: base.Style) -> int:
    """The top margin of a bar slide: its title (on two lines when long) and the source line."""
    return SLIDE_HEAD_PX + (SLIDE_SECOND_LINE_PX if slide_title(title, style) is not None else 0)


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


def bar_panels(bars: pd.DataFrame | list[dict], lang: str, *, title: str, source_text: str, no_data_text: str,
               style: base.Style = base.NORMAL, largest: dict[str, float] | None = None,
               slide: bool = False) -> go.Figure:
    """Horizontal bars with their labels written out, one panel per indicator (rows in the given order).

    One trace per `group` and panel, so bars of different kinds (full year, part of a year, several years,
    plan) are never one series; a bar with no value is drawn as the words `no_data_text`, never as zero.
    `largest`: the value a panel's scale is made for (panel → value), when the panel's other bars are on other
    slides; `slide`: sized as a presenter slide (bars.bar_slides), not as part of a page.
    """
    rows = records(bars, BAR_COLUMNS) if isinstance(bars, pd.DataFrame) else list(bars)
    by_panel: dict[str, list[dict]] = {}
    for bar in rows:
        by_panel.setdefault(bar["panel"], []).append(bar)
    panels = list(by_panel) or [""]
    sizes = [max(MIN_PANEL_BARS, len(by_panel.get(p, []))) for p in panels]
    scale = style.font_size / base.NORMAL.font_size  # two-line labels need more room in presenter mode
    bar_px, panel_px = (SLIDE_BAR_PX, 0) if slide else (BAR_PX * scale, PANEL_PX * scale)
    spacing = min(0.12, 90 * scale / (sum(sizes) * bar_px + len(panels) * panel_px))
    # The panels' places as make_subplots lays out one column; the figure itself is built in one piece (each
    # update of a Plotly figure is checked again, property by property).
    grid = make_subplots(rows=len(panels), cols=1, row_heights=[s / sum(sizes) for s in sizes],
                         vertical_spacing=spacing).layout
    layout = base.layout_dict(lang, title, "", source_text, style, [])
    x_style, y_style = layout.pop("xaxis"), layout.pop("yaxis")
    traces: list[dict] = []
    titles: list[dict] = []
    shown: set[str] = set()
    for number, panel in enumerate(panels, start=1):
        suffix = "" if number == 1 else str(number)
        members = by_panel.get(panel, [])
        domain = list(grid["yaxis" + suffix].domain)
        values = [bar["value"] for bar in members if not missing(bar["value"])]
        top_value = (largest or {}).get(panel, max(values) if values else None)
        layout["xaxis" + suffix] = {**x_style, "anchor": "y" + suffix, "domain": [0.0, 1.0], "tickformat": TICK_FORMAT,
                                    "range": [0, (top_value if top_value is not None and top_value > 0 else 1) * 1.4]}
        layout["yaxis" + suffix] = {**y_style, "anchor": "x" + suffix, "domain": domain, "categoryorder": "array",
                                    "categoryarray": [bar["category"] for bar in members], "autorange": "reversed",
                                    "automargin": True}
        if panel:
            titles.append(dict(text=plain(panel), x=0, xanchor="left", xref="paper", y=domain[1], yanchor="bottom",
                               yref="paper", showarrow=False, font=dict(size=style.font_size + 1, color="#1a1a1a")))
        members_of: dict[str, list[dict]] = {}
        for bar in members:
            members_of.setdefault(bar["group"], []).append(bar)
        for group, group_bars in members_of.items():
            first = group_bars[0]
            drawn = [m for m in group_bars if not missing(m["value"])]
            absent = [m for m in group_bars if missing(m["value"])]
            if drawn:
                traces.append(dict(
                    type="bar", x=[m["value"] for m in drawn], y=[m["category"] for m in drawn], orientation="h",
                    name=plain(first["legend"]), legendgroup=group, showlegend=group not in shown,
                    marker=bar_marker(first["look"], first["colour"]), text=[m["text"] for m in drawn],
                    textposition="outside", cliponaxis=False, textfont=dict(size=style.font_size, color="#1a1a1a"),
                    xaxis="x" + suffix, yaxis="y" + suffix,
                    **base.hover_properties([m["hover"] for m in drawn], "hovertext")))
                shown.add(group)
            if absent:
                traces.append(dict(
                    type="scatter", x=[0] * len(absent), y=[m["category"] for m in absent], mode="text",
                    text=[plain(no_data_text)] * len(absent), textposition="middle right",
                    textfont=dict(size=style.font_size, color="#555555"), showlegend=False,
                    name=plain(first["legend"]), legendgroup=group, hovertext=[m["hover"] for m in absent],
                    hovertemplate="%{hovertext}<extra></extra>", xaxis="x" + suffix, yaxis="y" + suffix))
    # Long category labels push the plot area right: the title is placed against the whole figure (container),
    # not the plot area, so it is not cut off. Every bar already names its jurisdiction, scope and kind of
    # period in words, so no legend: beside long labels it could only be one cramped entry per row.
    plot_px = round(sum(sizes) * bar_px + len(panels) * panel_px)
    top, bottom = layout["margin"]["t"] + round(48 * scale), 50
    layout["title"].update(xref="container", x=0.01)
    if slide:  # one panel, named under its axis: the height goes to the bars
        plot_px = round(sum(len(by_panel.get(p, [])) or 1 for p in panels) * bar_px)
        top, bottom = slide_head_px(layout["title"]["text"], style), SLIDE_AXIS_PX
        layout["title"]["text"] = slide_title(layout["title"]["text"], style) or layout["title"]["text"]
        titles = []
        layout["xaxis"]["title"] = dict(text=plain(panels[0]), font=dict(size=style.font_size + 1, color="#1a1a1a"),
                                        standoff=8)
    layout["margin"].update(t=top, b=bottom)
    layout.update(barmode="overlay", bargap=0.25, height=plot_px + top + bottom, showlegend=False,
                  annotations=titles, template=base.LEAN_TEMPLATE)
    figure = go.Figure(data=traces, layout=layout)
    if not slide:
        fit_title(figure, style)
    return figure


def bar_slides(bars: pd.DataFrame | list[dict], lang: str, *, title: str, source_text: str, no_data_text: str,
               summary: str, style: base.Style) -> list[Slide]:
    """`bar_panels` as presenter slides that each fit the screen under `summary`: one panel a slide, as many bars as
    the slide holds; a longer panel goes on over the next slides (its bars shared out evenly, its title numbered
    "1/3"), on one scale, so a bar on one slide can be compared with a bar on the next."""
    rows = records(bars, BAR_COLUMNS) if isinstance(bars, pd.DataFrame) else list(bars)
    by_panel: dict[str, list[dict]] = {}
    for bar in rows:
        by_panel.setdefault(bar["panel"], []).append(bar)
    chrome = slide_head_px(plain(title), style) + SLIDE_AXIS_PX
    per_slide = max(1, (base.slide_room(summary) - chrome) // SLIDE_BAR_PX)
    slides = []
    for panel, members in by_panel.items():
        values = [bar["value"] for bar in members if not missing(bar["value"])]
        pages = math.ceil(len(members) / per_slide)
        sizes = [len(members) // pages + (page < len(members) % pages) for page in range(pages)]
        for page, size in enumerate(sizes):
            name = panel if pages == 1 else f"{panel} · {page + 1}/{pages}"
            first = sum(sizes[:page])
            chunk = [{**bar, "panel": name} for bar in members[first:first + size]]
            figure = bar_panels(chunk, lang, title=title, source_text=source_text, no_data_text=no_data_text,
                                style=style, largest={name: max(values) if values else None}, slide=True)
            slides.append(Slide(figure, summary))
    return slides
