"""Two provinces on one indicator: which values form one comparable series, how each series changed from its
first to its last value, and where the provinces' values are not like for like (scope, method, unit, period).

Pure pandas on rows of queries/compare_values.sql (the `observations` view plus the units' bounds): no
Streamlit, no SQL. A change is only ever computed inside one series — same jurisdiction, scope, method,
period type (and, for amounts over part of a year, the same length of period) and unit meaning — so a
Vĩnh Phúc figure for industrial zones only is never set against a province-wide one, and a rank of 34 never
against a rank of 63.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from provdash import views
from provdash.figures import base
from provdash.i18n import t
from provdash.numbers import format_number, format_signed
from provdash.periods import label as period_label

# Thái Nguyên and Vĩnh Phúc before the 2025 mergers, and the merged provinces that continue them.
COMPARED_JURISDICTIONS = ["thai_nguyen", "thai_nguyen_2025", "vinh_phuc", "phu_tho_2025"]
DEFAULT_INDICATOR = "digital_economy_share_grdp"

SERIES_KEYS = ["jurisdiction", "scope", "method", "period_type", "period_span", "unit_meaning"]
# A relative change of a rank ("8th is 33 % better than 12th") or of a growth rate says nothing.
NO_RELATIVE_CHANGE = {"rank", "rate"}
# What a change is counted in, when it is not the indicator's unit.
CHANGE_UNIT_KEYS = {"share": "cmp_unit_points", "rate": "cmp_unit_points", "rank": "cmp_unit_places"}
CAVEAT_DIMENSIONS = ("scope", "method", "unit", "period")

BETTER, WORSE, UNCHANGED = "better", "worse", "unchanged"
TREND_ICONS = {BETTER: "▲", WORSE: "▼", UNCHANGED: "="}


# --- which values belong together -------------------------------------------------------------------------

def period_span(period_type: str, start, end, measure: str) -> int:
    """Length of the period of an amount over time (flows): months of a part-year, years of a multi-year
    span; 0 for stocks and full years. Two first halves compare; a first half and the first two months not."""
    if measure != "flow" or period_type not in ("part_year", "multi_year"):
        return 0
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    if period_type == "part_year":
        return (end.year - start.year) * 12 + end.month - start.month + 1
    return end.year - start.year + 1


def unit_meaning(unit_base: object, unit_max: object) -> str:
    """What a stated unit means beyond its scale: million and billion USD mean the same (both 'usd', no
    upper bound), a rank of 63 and a rank of 34 do not."""
    bound = "" if unit_max is None or pd.isna(unit_max) else format(float(unit_max), "g")
    return f"{unit_base}/{bound}"


def with_series_keys(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` with the two derived series keys: period_span and unit_meaning."""
    result = frame.copy()
    result["period_span"] = [period_span(r["period_type"], r["period_start"], r["period_end"], r.get("measure", ""))
                             for _, r in result.iterrows()]
    if "unit_base" in result:
        result["unit_meaning"] = [unit_meaning(b, m) for b, m in zip(result["unit_base"], result["unit_max"])]
    else:
        result["unit_meaning"] = result["unit"]
    return result


def shown_actuals(frame: pd.DataFrame) -> pd.DataFrame:
    """The actual values that can be drawn on the indicator's scale, with their series keys."""
    actuals = frame[(frame["kind"] == "actual") & frame["value_in_indicator_unit"].notna()]
    return with_series_keys(actuals)


def series_groups(frame: pd.DataFrame) -> list[pd.DataFrame]:
    """The comparable series among the actual values, each sorted by date, in a stable order."""
    actuals = shown_actuals(frame)
    if actuals.empty:
        return []
    groups = [group.sort_values(["period_end", "source_id"], kind="stable")
              for _, group in actuals.groupby(SERIES_KEYS, sort=True)]
    return sorted(groups, key=lambda g: (jurisdiction_order(g["jurisdiction"].iloc[0]),
                                         g["scope"].iloc[0] != "province", g["period_end"].iloc[0]))


def jurisdiction_order(jurisdiction: str) -> int:
    """Thái Nguyên before Vĩnh Phúc, each province before the merged one that continues it."""
    order = COMPARED_JURISDICTIONS
    return order.index(jurisdiction) if jurisdiction in order else len(order)


def stated_unit_differs(row: pd.Series | dict) -> bool:
    """Whether this value's unit means something else than the indicator's unit (rank of 34 vs of 63)."""
    if "indicator_unit_max" not in row or "unit_max" not in row:
        return False
    mine, theirs = row["unit_max"], row["indicator_unit_max"]
    if pd.isna(mine) and pd.isna(theirs):
        return False
    return pd.isna(mine) or pd.isna(theirs) or float(mine) != float(theirs)


def unit_label(row: pd.Series | dict, lang: str) -> str:
    """The label of the scale a value is drawn on: the indicator's unit, unless the stated unit means
    something else (then the value keeps its own unit)."""
    if stated_unit_differs(row) or "indicator_unit_label" not in row:
        return base.localised(row, "unit_label", lang)
    return base.localised(row, "indicator_unit_label", lang)


def period_text(period_type: str, span: int, lang: str) -> str:
    """"cả năm", "7 tháng", "5 năm", "thời điểm": the kind of period in words."""
    if period_type == "part_year" and span:
        return t("cmp_period_months", lang, n=span)
    if period_type == "multi_year" and span:
        return t("cmp_period_years", lang, n=span)
    return t("period_type_" + period_type, lang)


def series_label(row: pd.Series | dict, lang: str) -> str:
    """Legend and table name of one series: jurisdiction · scope · method, the unit when it differs from the
    indicator's, and for amounts over a period the kind of period ("Vĩnh Phúc (trước sáp nhập) (6 tháng)")."""
    name = base.series_name(row, lang)
    if stated_unit_differs(row):
        name += " · " + base.localised(row, "unit_label", lang)
    if row.get("measure") == "flow" and row["period_type"] != "year":
        name += f" ({period_text(row['period_type'], int(row.get('period_span', 0) or 0), lang)})"
    return name


# --- how each series changed -----------------------------------------------------------------------------

def trend(absolute: float | None, direction: str) -> str:
    """better / worse / unchanged given whether higher or lower is better; '' when there is no change."""
    if absolute is None or pd.isna(absolute):
        return ""
    if absolute == 0:
        return UNCHANGED
    return BETTER if (absolute > 0) == (direction != "lower") else WORSE


def change(start: float, end: float, indicator_type: str) -> tuple[float, float | None]:
    """(absolute change, relative change in %). Relative is None for ranks and growth rates, and from a
    start of zero or below."""
    absolute = end - start
    if indicator_type in NO_RELATIVE_CHANGE or start <= 0:
        return absolute, None
    return absolute, (end / start - 1) * 100


@dataclass(frozen=True)
class SeriesChange:
    """One comparable series: its first and last value (rows of the frame, as dicts), how many values and
    distinct dates it has, and the change between its first and last date (None with a single date)."""
    first: dict
    last: dict
    values: int
    periods: int
    absolute: float | None
    relative: float | None
    trend: str

    @property
    def jurisdiction(self) -> str:
        return self.first["jurisdiction"]


def series_changes(frame: pd.DataFrame) -> list[SeriesChange]:
    """The change of every comparable series among the actual values of `frame`."""
    changes = []
    for group in series_groups(frame):
        first, last = group.iloc[0].to_dict(), group.iloc[-1].to_dict()
        periods = group["period_end"].nunique()
        absolute = relative = None
        if periods > 1:
            absolute, relative = change(float(first["value_in_indicator_unit"]),
                                        float(last["value_in_indicator_unit"]), first["indicator_type"])
        changes.append(SeriesChange(first, last, len(group), periods, absolute, relative,
                                    trend(absolute, first["direction"])))
    return changes


def _value_at(row: dict, lang: str) -> str:
    value = base.qualified_value_text(row["value_in_indicator_unit"], unit_label(row, lang),
                                      base.localised(row, "qualifier_label", lang), lang)
    return f"{value} ({period_label(row, lang)})"


def change_unit(row: dict, lang: str) -> str:
    key = CHANGE_UNIT_KEYS.get(row["indicator_type"])
    return t(key, lang) if key else unit_label(row, lang)


def signed_percent(value: float | None, lang: str) -> str:
    if value is None or pd.isna(value):
        return "–"
    number = format_signed(value, lang, decimals=1)
    return f"{number} %" if lang == "vi" else f"{number}%"


def change_note(item: SeriesChange, lang: str) -> str:
    """Why a change is missing, in words ('' when both are there)."""
    if item.periods < 2:
        return t("cmp_note_one_period", lang)
    if item.relative is None:
        kind = item.first["indicator_type"]
        return t("cmp_note_no_relative_" + kind, lang) if kind in NO_RELATIVE_CHANGE else t("cmp_note_no_relative_zero", lang)
    return ""


def change_table(changes: list[SeriesChange], lang: str) -> pd.DataFrame:
    """The changes as people read them: Vietnamese numbers, units, the trend in icon and words, and why a
    change is missing."""
    def absolute(item: SeriesChange) -> str:
        if item.absolute is None:
            return "–"
        return f"{format_signed(item.absolute, lang)} {change_unit(item.first, lang)}".strip()

    return pd.DataFrame({
        t("cmp_col_series", lang): [series_label(c.first, lang) for c in changes],
        t("cmp_col_values", lang): [format_number(c.values, lang, decimals=0) for c in changes],
        t("cmp_col_start", lang): [_value_at(c.first, lang) for c in changes],
        t("cmp_col_end", lang): [_value_at(c.last, lang) for c in changes],
        t("cmp_col_absolute", lang): [absolute(c) for c in changes],
        t("cmp_col_relative", lang): [signed_percent(c.relative, lang) for c in changes],
        t("cmp_col_trend", lang): [f"{TREND_ICONS[c.trend]} {t('cmp_trend_' + c.trend, lang)}" if c.trend else "–"
                                   for c in changes],
        t("cmp_col_note", lang): [change_note(c, lang) for c in changes],
    }, columns=[t(k, lang) for k in ("cmp_col_series", "cmp_col_values", "cmp_col_start", "cmp_col_end",
                                      "cmp_col_absolute", "cmp_col_relative", "cmp_col_trend", "cmp_col_note")])


def markdown_safe(table: pd.DataFrame) -> pd.DataFrame:
    """The table with every header and cell made inert for st.table, which reads Markdown: labels and period
    words from the data show as typed, never as links, emphasis or HTML."""
    safe = table.map(views.escape_markdown)
    safe.columns = [views.escape_markdown(c) for c in table.columns]
    return safe


# --- where the provinces' values are not like for like -----------------------------------------------------

@dataclass(frozen=True)
class Caveat:
    """One way the values on screen differ: the dimension, and what each jurisdiction's values are in it."""
    dimension: str  # scope, method, unit or period
    by_jurisdiction: tuple[tuple[str, tuple[str, ...]], ...]  # ((jurisdiction, (value key, …)), …)


def _dimension_key(row: pd.Series, dimension: str) -> str:
    if dimension == "scope":
        return row["scope"]
    if dimension == "method":
        return row["method"]
    if dimension == "unit":
        return row["unit_meaning"]
    return f"{row['period_type']}/{row['period_span']}"


def detect_caveats(frame: pd.DataFrame) -> list[Caveat]:
    """The dimensions in which the actual values shown are not all alike. Periods matter only for amounts
    over a period (flows): a stock as of a date is a stock whatever the date."""
    actuals = shown_actuals(frame)
    caveats = []
    for dimension in CAVEAT_DIMENSIONS:
        values = actuals
        if dimension == "period":
            values = actuals[actuals["measure"] == "flow"]
        if values.empty:
            continue
        keys = [_dimension_key(r, dimension) for _, r in values.iterrows()]
        if len(set(keys)) < 2:
            continue
        ordered = values.assign(_key=keys, _order=[jurisdiction_order(j) for j in values["jurisdiction"]])
        ordered = ordered.sort_values(["_order", "jurisdiction", "period_end"], kind="stable")
        by_jurisdiction = tuple(
            (jurisdiction, tuple(dict.fromkeys(group["_key"])))
            for jurisdiction, group in ordered.groupby("jurisdiction", sort=False))
        caveats.append(Caveat(dimension, by_jurisdiction))
    return caveats


def _key_label(frame: pd.DataFrame, dimension: str, key: str, lang: str) -> str:
    if dimension == "period":
        period_type, span = key.split("/")
        return period_text(period_type, int(span), lang)
    column = {"scope": "scope", "method": "method", "unit": "unit_meaning"}[dimension]
    row = frame[frame[column] == key].iloc[0]
    if dimension == "scope":
        return base.localised(row, "scope_label", lang)
    if dimension == "method":
        return base.localised(row, "method_label", lang) or t("cmp_method_unnamed", lang)
    return base.localised(row, "unit_label", lang)


def caveat_texts(frame: pd.DataFrame, lang: str) -> list[str]:
    """Each caveat in words: what differs, what each jurisdiction has, and what that means for reading."""
    actuals = shown_actuals(frame)
    texts = []
    for caveat in detect_caveats(frame):
        names = dict(zip(actuals["jurisdiction"], [base.localised(r, "jurisdiction_name", lang)
                                                   for _, r in actuals.iterrows()]))
        details = "; ".join(
            f"{names.get(j, j)}: {', '.join(_key_label(actuals, caveat.dimension, k, lang) for k in keys)}"
            for j, keys in caveat.by_jurisdiction)
        texts.append(t("cmp_caveat_" + caveat.dimension, lang, details=details))
    return texts


# --- the indicator picker --------------------------------------------------------------------------------

def indicator_titles(indicators: pd.DataFrame, lang: str) -> dict[str, str]:
    """Indicator id → title in the language, in the order given."""
    column = "indicator_name_en" if lang == "en" else "indicator_name"
    return dict(zip(indicators["indicator"], indicators[column]))


def summary_sentence(frame: pd.DataFrame, lang: str) -> str:
    """The latest actual value of each jurisdiction (from its province-wide series where it has one), then how
    many values and comparable series are shown: "Mới nhất — Thái Nguyên (trước sáp nhập): 11,2 tỷ USD (…); …"."""
    groups = series_groups(frame)
    if not groups:
        return ""
    latest: dict[str, dict] = {}
    for jurisdiction in dict.fromkeys(g["jurisdiction"].iloc[0] for g in groups):
        own = [g for g in groups if g["jurisdiction"].iloc[0] == jurisdiction]
        preferred = [g for g in own if g["scope"].iloc[0] == "province"] or own
        newest = max(preferred, key=lambda g: g["period_end"].iloc[-1])  # the first of equals
        latest[jurisdiction] = newest.iloc[-1].to_dict()
    parts = [f"{series_label(row, lang)}: {_value_at(row, lang)}" for row in latest.values()]
    return t("cmp_summary", lang, latest="; ".join(parts),
             count=format_number(sum(len(g) for g in groups), lang, decimals=0),
             series=format_number(len(groups), lang, decimals=0))
