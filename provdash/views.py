"""Shapes query results into the tables and texts people read: translated headers, Vietnamese numbers.

Pure functions (DataFrame in, DataFrame or str out); no Streamlit, no SQL. Pages call these between
`ui.query` and rendering.
"""
from __future__ import annotations

import pandas as pd

from provdash.i18n import has_text, t
from provdash.numbers import format_day, format_number


def count(value: object, lang: str) -> str:
    return format_number(float(value), lang, decimals=0) if pd.notna(value) else "–"


def published(value: object, lang: str) -> str:
    """A source's publication date as precise as it is known (2024, 12/2024, 16/8/2024)."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value == "":
        return "–"
    text = str(value)[:10]
    parts = text.split("-")
    if len(parts) == 3:
        return format_day(pd.Timestamp(text).date(), lang)
    if len(parts) == 2:
        return f"{int(parts[1])}/{parts[0]}" if lang == "vi" else pd.Timestamp(text + "-01").strftime("%b %Y")
    return parts[0]


def category_label(category: str, lang: str) -> str:
    key = f"category_{category}"
    return t(key, lang) if has_text(key) else category


def category_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("col_category", lang): [category_label(c, lang) for c in frame["category"]],
        t("metric_indicators", lang): [count(v, lang) for v in frame["indicators"]],
        t("col_actuals", lang): [count(v, lang) for v in frame["actuals"]],
        t("col_targets", lang): [count(v, lang) for v in frame["targets"]],
    })


def jurisdiction_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    name = "name_en" if lang == "en" else "name_vi"
    successor = "successor_name_en" if lang == "en" else "successor_name_vi"
    return pd.DataFrame({
        t("col_jurisdiction", lang): frame[name],
        t("col_valid_from", lang): [format_day(d, lang) for d in frame["valid_from"]],
        t("col_valid_to", lang): [format_day(d, lang) if pd.notna(d) else "–" for d in frame["valid_to"]],
        t("col_successor", lang): frame[successor].fillna("–"),
        t("metric_values", lang): [count(v, lang) for v in frame["observations"]],
    })
