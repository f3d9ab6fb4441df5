"""Dated decisions and events: the timeline's items and the labelled markers they leave on trajectory charts.

Pure: a DataFrame of `queries/events.sql` in, plain data or a Plotly figure out. No Streamlit, no SQL. An event's
date is read with its precision (a month, a year, "on or before"), so a chart or a list never claims a day
the source did not give. Markers are thin dotted vertical lines with short labels stacked in a band above the
plot, so they never cover a data point; the full title, date and source are in the hover and on the timeline.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from provdash import views
from provdash.figures import base
from provdash.i18n import t
from provdash.numbers import format_day
from provdash.validate import EVENT_TYPES

EVENT_COLOUR = "#5f5f5f"
SHORT_LABEL_CHARS = 26
# The plot width labels are laid out for (a wider screen only adds room): the page's wide layout, and a
# projector's full width in presenter mode.
NOMINAL_PLOT_WIDTH_PX = 1000
PRESENTER_PLOT_WIDTH_PX = 1500
MAX_LABEL_ROWS = 6
LABEL_GAP_PX = 4


def type_label(event_type: str, lang: str) -> str:
    return t(f"ev_type_{event_type}", lang) if event_type in EVENT_TYPES else event_type


def date_text(row: pd.Series | dict, lang: str) -> str:
    """The date as precisely as the source gives it: 21/7/2023, 12/2024, 2021, "trước hoặc vào 16/8/2024"."""
    day = pd.Timestamp(row["date"]).date()
    precision = row["date_precision"]
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return views.published(f"{day.year:04d}-{day.month:02d}", lang)
    if precision == "by":
        return t("ev_by", lang, day=format_day(day, lang))
    return format_day(day, lang)


def title(row: pd.Series | dict, lang: str) -> str:
    return str(row["title_en"] if lang == "en" and row.get("title_en") else row["title_vi"])


def short_label(text: str) -> str:
    """The chart label of an event: its title up to the first colon (data/README.md), else its first words."""
    head, colon, _ = text.partition(": ")
    if colon and len(head) <= SHORT_LABEL_CHARS + 10:
        return head
    if len(text) <= SHORT_LABEL_CHARS:
        return text
    return text[:SHORT_LABEL_CHARS].rsplit(" ", 1)[0] + "…"


# --------------------------------------------------------------------------------------------- the list


@dataclass(frozen=True)
class TimelineItem:
    """One event as the timeline shows it. Every field is plain text except `source_markdown`."""
    event_id: str
    year: int
    date: str  # as precisely as the source gives it
    date_label: str  # the source's own words for the timing (in English on English pages)
    title: str
    headline: str  # the title's short name before its colon ("QĐ 1718"), "" when it has none
    detail: str  # the rest of the title (the whole title when it has no short name)
    event_type: str
    type_label: str
    jurisdiction: str
    source_markdown: str  # outlet — title (linked when on the web) · seed file; already escaped
    quote: str
    note: str


def timeline_items(events: pd.DataFrame, types: list[str], lang: str, newest_first: bool = False
                   ) -> list[TimelineItem]:
    """The events of the chosen types in date order (oldest first unless `newest_first`)."""
    if events.empty:
        return []
    chosen = events[events["type"].isin(types)]
    chosen = chosen.sort_values(["date", "event_id"], ascending=not newest_first, kind="stable")
    items = []
    for _, row in chosen.iterrows():
        sources = views.source_lines(pd.DataFrame([row]), lang)
        full = title(row, lang)
        head, colon, rest = full.partition(": ")
        items.append(TimelineItem(
            event_id=row["event_id"], year=pd.Timestamp(row["date"]).year, date=date_text(row, lang),
            date_label=base.localised(row, "date_label", lang), title=full, headline=head if colon else "",
            detail=rest if colon else full, event_type=row["type"],
            type_label=type_label(row["type"], lang), jurisdiction=base.localised(row, "jurisdiction_name", lang),
            source_markdown=sources[0] if sources else "", quote=str(row["quote"] or ""),
            note=views.note_text(row, lang),
        ))
    return items


def timeline_table(items: list[TimelineItem], lang: str) -> pd.DataFrame:
    """The listed events as a table for download, with the source's wording of the date and its quote."""
    return pd.DataFrame({
        t("tl_col_date", lang): [i.date for i in items],
        t("tl_col_date_label", lang): [i.date_label for i in items],
        t("col_jurisdiction", lang): [i.jurisdiction for i in items],
        t("tl_col_type", lang): [i.type_label for i in items],
        t("tl_col_title", lang): [i.title for i in items],
        t("col_source", lang): [i.source_markdown.replace("\\", "") for i in items],
        t("col_quote", lang): [i.quote for i in items],
        t("tl_col_note", lang): [i.note for i in items],
    })


# ------------------------------------------------------------------------------------------ the markers


@dataclass(frozen=True)
class Marker:
    when: pd.Timestamp
    label: str
    hover: str
    names: tuple[str, ...]  # event ids


def markers(events: pd.DataFrame, lang: str, low: pd.Timestamp, high: pd.Timestamp) -> list[Marker]:
    """One marker per date within [low, high]; events of the same day share it (labels joined by " · ")."""
    if events.empty:
        return []
    frame = events.assign(_when=pd.to_datetime(events["date"]))
    frame = frame[(frame["_when"] >= low) & (frame["_when"] <= high)]
    result = []
    for when, group in frame.sort_values(["_when", "event_id"]).groupby("_when", sort=True):
        labels = list(dict.fromkeys(short_label(title(r, lang)) for _, r in group.iterrows()))
        hover = "<br>".join(
            f"<b>{base._plain(date_text(r, lang))}</b> · {base._plain(type_label(r['type'], lang))} · "
            f"{base._plain(base.localised(r, 'jurisdiction_name', lang))}<br>{base._plain(title(r, lang))}<br>"
            + t("hover_source", lang, source=base._plain(views.source_name(r, lang)))
            for _, r in group.iterrows())
        result.append(Marker(pd.Timestamp(when), " · ".join(labels), hover, tuple(group["event_id"])))
    return result


def stack_rows(spans: list[tuple[float, float, float]], max_rows: int = MAX_LABEL_ROWS) -> list[int]:
    """A row for each label so that no two labels in a row overlap and no marker line, which runs from the
    plot up to its own label, crosses a label in a lower row. `spans` are (line x, label start, label end)
    in any one unit. Labels are placed from the right, each in the lowest row that works (the top row when
    none does, the lowest row where it overlaps no label: a line may then pass behind a label, never two
    labels over each other), so a cluster of events reads as a staircase rising to the left."""
    rows: dict[int, int] = {}
    for j in sorted(range(len(spans)), key=lambda i: -spans[i][0]):
        x, start, end = spans[j]
        placed = [(spans[i], r) for i, r in rows.items()]
        free = [row for row in range(max_rows)
                if not any(r == row and s < end and start < e for (_, s, e), r in placed)]
        clear = [row for row in free
                 if not any(r < row and s < x < e for (_, s, e), r in placed)
                 and not any(r > row and start < px < end for (px, _, _), r in placed)]
        rows[j] = clear[0] if clear else (free[0] if free else max_rows - 1)
    return [rows[i] for i in range(len(spans))]


def _x_range(figure: go.Figure) -> tuple[pd.Timestamp, pd.Timestamp] | tuple[None, None]:
    """The chart's x range: the one set on the axis, else the extent of its data."""
    axis_range = figure.layout.xaxis.range
    if axis_range:
        return pd.Timestamp(axis_range[0]), pd.Timestamp(axis_range[1])
    xs = [x for trace in figure.data if trace.x is not None for x in trace.x if x is not None]
    values = pd.to_datetime(pd.Series(xs, dtype=object), errors="coerce").dropna()
    if values.empty:
        return None, None
    return values.min(), values.max()


def add_event_markers(figure: go.Figure, events: pd.DataFrame, lang: str, style: base.Style = base.NORMAL
                      ) -> go.Figure:
    """Thin dotted vertical lines at the events within the chart's x range, each with a short label in a band
    above the plot (stacked in rows where they would collide); full title, date and source on hover.

    Call it on a finished figure (after `base.apply_layout`): it makes the top margin and the figure taller by
    the band it needs, so the plot keeps its size and no label covers data.
    """
    low, high = _x_range(figure)
    if low is None or events is None or events.empty or high <= low:
        return figure
    found = markers(events, lang, low, high)
    if not found:
        return figure
    label_size = max(10, style.font_size - 2)
    row_px = label_size + 8
    plot_width = PRESENTER_PLOT_WIDTH_PX if style == base.PRESENTER else NOMINAL_PLOT_WIDTH_PX
    px_per_day = plot_width / max(1.0, (high - low).days)
    spans = []
    for marker in found:
        x = (marker.when - low).days * px_per_day
        width = len(marker.label) * label_size * 0.58 + 8
        start, end = (x, x + width) if x + width <= plot_width else (x - width, x)
        spans.append((x, start, end))
    rows = stack_rows(spans)

    layout = figure.layout
    height = layout.height or 450
    top = layout.margin.t if layout.margin.t is not None else 80
    bottom = layout.margin.b if layout.margin.b is not None else 80
    plot_px = max(100, height - top - bottom)
    band = LABEL_GAP_PX + (max(rows) + 1) * row_px + 2
    line_width = max(1.0, style.line_width / 3)
    for marker, row, (x, start, _) in zip(found, rows, spans):
        label_bottom = LABEL_GAP_PX + row * row_px
        figure.add_shape(type="line", x0=marker.when, x1=marker.when, xref="x", yref="paper", y0=0,
                         y1=1 + (label_bottom + row_px - 4) / plot_px, name="event " + " ".join(marker.names),
                         line=dict(color=EVENT_COLOUR, width=line_width, dash="dot"), layer="below")
        figure.add_annotation(x=marker.when, xref="x", y=1, yref="paper", yanchor="bottom",
                              xanchor="left" if start >= x else "right", xshift=3 if start >= x else -3,
                              yshift=label_bottom, showarrow=False, text=base._plain(marker.label),
                              font=dict(size=label_size, color="#333333"), bgcolor="rgba(255,255,255,0.9)",
                              hovertext=marker.hover, name="event " + " ".join(marker.names))

    # The legend explains the dotted lines; make room if that entry needs another legend row.
    rows_before = base.figure_legend_rows(figure, style)
    figure.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name=t("ev_legend", lang), hoverinfo="skip",
                                line=dict(color=EVENT_COLOUR, width=max(1.5, line_width), dash="dot")))
    extra_legend = (base.figure_legend_rows(figure, style) - rows_before) * (style.font_size + 12)
    # The title would sit in the middle of the taller top margin; pin it to the top so the band stays free.
    figure.update_layout(
        height=height + band + extra_legend,
        margin=dict(t=top + band, b=bottom + extra_legend),
        title=dict(yref="container", y=1, yanchor="top", pad=dict(t=14)),
    )
    return figure
