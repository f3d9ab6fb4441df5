"""Shapes query results into the tables and texts people read: translated headers, Vietnamese numbers.

Pure functions (DataFrame in, DataFrame or str out); no Streamlit, no SQL. Pages call these between
`ui.query` and rendering.
"""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote as url_quote

import pandas as pd

from provdash.i18n import has_text, t
from provdash.numbers import format_day, format_number


# The home page's list of pages: file and the text key that says what it answers.
HOME_LINKS = [
    ("pages/overview.py", "nav_overview", "home_page_overview"),
    ("pages/coverage.py", "nav_coverage", "home_page_coverage"),
    ("pages/digital_economy.py", "nav_digital", "home_page_digital"),
    ("pages/foreign_investment.py", "nav_fdi", "home_page_fdi"),
    ("pages/industrial_zones.py", "nav_zones", "home_page_zones"),
    ("pages/compare.py", "nav_compare", "home_page_compare"),
    ("pages/timeline.py", "nav_timeline", "home_page_timeline"),
    ("pages/sources.py", "nav_sources", "home_page_sources"),
    ("pages/update.py", "nav_update", "home_page_update"),
]


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


MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def escape_markdown(text: object) -> str:
    """Text from data or articles, made inert for st.markdown: no links, emphasis, HTML or LaTeX."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", str(text))


def safe_url(url: object) -> str | None:
    """An http(s) URL fit for a Markdown link, or None (anything else is not linked)."""
    text = str(url or "")
    if not re.match(r"https?://[^\s]+$", text):
        return None
    return url_quote(text, safe=":/?&=%#~+,;@!$'*-._")


def source_lines(frame: pd.DataFrame, lang: str) -> list[str]:
    """One Markdown line per distinct source in `frame`: outlet — title (date), linked when on the web."""
    lines: list[str] = []
    if frame.empty or "source_id" not in frame:
        return lines
    columns = [c for c in ("source_id", "source_title", "source_outlet", "source_published", "source_url",
                           "source_file") if c in frame]
    # The first row of each source (found by pandas, not a Python loop over every value), each line formatted
    # once: this runs under every chart on every rerun, and a chart at national scale holds thousands of values.
    first_rows = frame.loc[~frame["source_id"].duplicated().to_numpy(), columns]
    for values in zip(*(first_rows[c].tolist() for c in columns)):
        row = dict(zip(columns, values))
        lines.append(_source_line(row.get("source_title", ""), row.get("source_outlet", ""),
                                  row.get("source_published", ""), row.get("source_url"), row.get("source_file"),
                                  lang))
    return lines


@lru_cache(maxsize=4096)
def _source_line(title: object, outlet: object, published_on: object, url: object, source_file: object,
                 lang: str) -> str:
    title = escape_markdown(title)
    outlet = escape_markdown(outlet or "")
    date_text = escape_markdown(published(published_on, lang))
    link = safe_url(url)
    label = f"[{title}]({link})" if link else title
    if not link and source_file:
        label += " · " + escape_markdown(t("seed_article", lang, file=source_file))
    return f"{outlet} — {label} ({date_text})" if outlet else f"{label} ({date_text})"


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV for Excel users too: UTF-8 with BOM so Vietnamese opens correctly."""
    return frame.to_csv(index=False).encode("utf-8-sig")
