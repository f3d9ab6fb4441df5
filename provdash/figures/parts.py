"""What the topic chart modules (fdi_*, bars, zones) share besides `base`: the parts of a chart block and of a
headline card, rows as plain records, and the small wording every caption and title uses — names, periods and
values as the sources word them, the data table under a chart.

Pure: DataFrames or records in, text and tables out. No Streamlit, no SQL. Builders that walk many rows work on
plain records (`records`): pandas access per row costs tens of microseconds with Arrow-backed strings.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from provdash import periods, views
from provdash.figures import base
from provdash.figures.base import records
from provdash.i18n import t
from provdash.numbers import format_day, format_number, format_percent

# The province the dashboard is about first, then its comparator (same order as ui.DEFAULT_JURISDICTIONS,
# which this module cannot import: ui is Streamlit glue).
JURISDICTION_ORDER = ("thai_nguyen", "thai_nguyen_2025", "vinh_phuc", "phu_tho_2025")
# Periods named one by one in a caveat ("Thái Nguyên, năm 2019; …"); beyond this the rest are counted.
MAX_LISTED_PERIODS = 6
NAME_COLUMNS = ("jurisdiction", "jurisdiction_name", "jurisdiction_name_en")
SOURCE_COLUMNS = views.SOURCE_COLUMNS
# Axis numbers with the language's thousands mark ("7.000", not "7000" or "7k"): Plotly applies `separators`
# only to a tick format that asks for grouping.
TICK_FORMAT = ",~f"
TITLE_CHARS = 80  # about what fits on one line at the normal title size in the dashboard's chart width


@dataclass(frozen=True)
class Slide:
    """One presenter slide of a chart too long for one screen: a page of its bars and the sentence above it."""
    figure: go.Figure
    summary: str


@dataclass
class ChartParts:
    """Everything `ui.chart_block` needs for one chart."""
    figure: go.Figure
    summary: str
    table: pd.DataFrame
    sources: pd.DataFrame  # its sources: the source columns, one row per source
    caveats: list[str] = field(default_factory=list)
    data: pd.DataFrame | None = None  # the rows behind the table, for the CSV and Excel files (None: `sources`)
    slides: list[Slide] = field(default_factory=list)  # presenter mode: these slides instead of `figure` (bars)


@dataclass(frozen=True)
class Card:
    """A headline number for `st.metric`: label, value as text, and a caption with period and source."""
    label: str
    value: str
    caption: str
    note: str = ""  # the curator's caveat, for a tooltip


# --- records: a frame's rows as plain dicts -----------------------------------------------------------------


def sources_of(frame: pd.DataFrame, positions: list[int]) -> pd.DataFrame:
    """The distinct sources of the rows at `positions`, in order of first appearance: their source columns,
    which is what the sources list under a chart and the Excel download read."""
    ids = frame["source_id"].tolist()
    first: dict[str, int] = {}
    for position in positions:
        first.setdefault(ids[position], position)
    return frame.iloc[list(first.values())][[c for c in SOURCE_COLUMNS if c in frame]]


def missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def ordered_positions(rows: list[dict], keep=lambda row: True) -> list[int]:
    """Positions of the rows kept, focus province first, then by date (stable)."""
    kept = [i for i, row in enumerate(rows) if keep(row)]
    return sorted(kept, key=lambda i: (jurisdiction_rank(rows[i]["jurisdiction"]), rows[i]["period_end"],
                                       rows[i]["period_start"]))


# --- wording ------------------------------------------------------------------------------------------------


def jurisdiction_rank(jurisdiction: str) -> tuple[int, str]:
    order = JURISDICTION_ORDER.index(jurisdiction) if jurisdiction in JURISDICTION_ORDER else len(JURISDICTION_ORDER)
    return (order, jurisdiction)


def names_of(rows: list[dict], lang: str) -> dict[str, str]:
    """`short_names` on records."""
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
    return names_of(records(frame, NAME_COLUMNS), lang)


def dated_label(row: pd.Series | dict, lang: str) -> str:
    """The period as the source words it; with the date added when the words carry none ("hiện nay")."""
    label = periods.label(row, lang)
    if re.search(r"\d", label):
        return label
    return f"{label}, {format_day(pd.Timestamp(row['period_end']).date(), lang)}"


def qualified(row: pd.Series | dict, lang: str, drop_plan: bool = False) -> str:
    """The value in the source's own unit, with its qualifier ("trên 253,3 triệu USD")."""
    qualifier = "" if drop_plan and row.get("qualifier") == "plan" else base.localised(row, "qualifier_label", lang)
    return base.qualified_value_text(row["value"], base.localised(row, "unit_label", lang), qualifier, lang)


def unit_label_of(rows: list[dict], lang: str) -> str:
    """`indicator_unit_label` on records."""
    same = next((r for r in rows if r["unit"] == r["indicator_unit"]), None)
    if same is None:
        return str(rows[0]["indicator_unit"]) if rows else ""
    return base.localised(same, "unit_label", lang)


def indicator_unit_label(frame: pd.DataFrame, lang: str) -> str:
    """The label of the indicator's canonical unit (the unit `value_in_indicator_unit` is in)."""
    return unit_label_of(records(frame, ("unit", "indicator_unit", "unit_label", "unit_label_en")), lang)


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


def listed(items: list[str], lang: str) -> str:
    """Items joined with "; ", the first MAX_LISTED_PERIODS of them, then how many more there are."""
    if len(items) <= MAX_LISTED_PERIODS:
        return "; ".join(items)
    return "; ".join(items[:MAX_LISTED_PERIODS]) + " " + t("fdi_more_periods", lang,
                                                            count=len(items) - MAX_LISTED_PERIODS)


def left_out(rows: list[dict]) -> int:
    """How many values of these series the query did not return (its `values_left_out`; 0 without it)."""
    return int(sum(r.get("values_left_out") or 0 for r in rows))


# --- titles and tables --------------------------------------------------------------------------------------


def broken_title(text: str, style: base.Style, limit: int | None = None) -> str | None:
    """The title on two lines, broken at the clause boundary nearest the end of the first; None when it fits
    (or has nowhere to break). `limit`: the characters a line holds, when not the chart's usual width."""
    # A slide's chart is the width of the screen (1200 px), about 1,45 times a chart on the page.
    limit = limit or int(TITLE_CHARS * base.NORMAL.title_size / style.title_size * (1.45 if style.slides else 1))
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
    broken = broken_title(figure.layout.title.text or "", style)
    if broken is not None:
        figure.update_layout(title_text=broken,
                             margin=dict(t=figure.layout.margin.t + round(style.title_size * 1.3)),
                             height=figure.layout.height + round(style.title_size * 1.3))


def table_of(rows: list[dict], lang: str) -> pd.DataFrame:
    """`table_with_notes` on records, built column by column."""

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
    return table_of(records(frame), lang)
