"""FDI growth, only between comparable periods: the change between each actual and the latest earlier actual of the
same series whose period is the same length at the same place in the calendar, whole years apart.

Pure: rows of the FDI queries in; pairs, a table people read, notes and sources out. No Streamlit, no SQL. At
national scale at most MAX_GROWTH_ROWS pairs are listed (the newest of each series) and a note counts the rest.
"""
from __future__ import annotations

import pandas as pd

from provdash import periods, views
from provdash.figures import base
from provdash.figures.base import records
from provdash.figures.parts import (NAME_COLUMNS, jurisdiction_rank, missing, names_of, qualified, signed_percent,
                                    sources_of)
from provdash.i18n import t
from provdash.numbers import format_number

# What makes a series: a partial period or a multi-year total is never compared with a full year.
SERIES_KEYS = ["indicator", "jurisdiction", "scope", "method", "kind", "period_type"]
PLAIN_QUALIFIERS = ("", "plan")  # qualifiers that do not make a value approximate
# Rows of the table of comparable changes: beyond this only the newest pair of each series is listed (`newest_pairs`).
MAX_GROWTH_ROWS = 40


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


def comparable_pairs(rows: list[dict]) -> list[dict]:
    groups: dict[tuple, list[dict]] = {}
    seen: set[tuple] = set()
    for row in rows:
        if row["kind"] != "actual" or missing(row["value_in_indicator_unit"]):
            continue
        key = tuple(row[k] for k in SERIES_KEYS)
        if any(missing(k) for k in key):  # as groupby: rows without a complete key form no series
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
    rows = [row for frame in frames if not frame.empty for row in records(frame)]
    pairs = comparable_pairs(rows)
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
    rows = records(pairs)

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
    rows = [sources_of(frame, [i for i, obs in enumerate(frame["obs_id"].tolist()) if obs in used])
            for frame in frames if not frame.empty]
    return pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=["source_id"])


def growth_notes(pairs: pd.DataFrame, lang: str, *frames: pd.DataFrame) -> list[str]:
    """Say what has no comparable pair: the whole selection, or each jurisdiction shown without one."""
    if pairs.empty:
        return [t("fdi_growth_none", lang)]
    present = [r for frame in frames if not frame.empty for r in records(frame, NAME_COLUMNS + ("kind",))
               if r["kind"] == "actual"]
    names = names_of(present, lang)
    paired = set(pairs["jurisdiction"])
    missing = [j for j in sorted({r["jurisdiction"] for r in present}, key=jurisdiction_rank) if j not in paired]
    return [t("fdi_growth_none_for", lang, name=names[j]) for j in missing]


