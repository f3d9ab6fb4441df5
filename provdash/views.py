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
    ("app_pages/overview.py", "nav_overview", "home_page_overview"),
    ("app_pages/coverage.py", "nav_coverage", "home_page_coverage"),
    ("app_pages/digital_economy.py", "nav_digital", "home_page_digital"),
    ("app_pages/foreign_investment.py", "nav_fdi", "home_page_fdi"),
    ("app_pages/industrial_zones.py", "nav_zones", "home_page_zones"),
    ("app_pages/compare.py", "nav_compare", "home_page_compare"),
    ("app_pages/timeline.py", "nav_timeline", "home_page_timeline"),
    ("app_pages/sources.py", "nav_sources", "home_page_sources"),
    ("app_pages/update.py", "nav_update", "home_page_update"),
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


SOURCE_COLUMNS = ("source_id", "source_title", "source_outlet", "source_outlet_label", "source_outlet_label_en",
                  "source_published", "source_url", "source_file")


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def outlet_name(row: pd.Series | dict, lang: str) -> str:
    """The outlet as the page's language names it ('' when the source does not name it): the curated label
    (data/outlets.csv, in the view as source_outlet_label / _en), else the outlet as written."""
    column = "source_outlet_label_en" if lang == "en" else "source_outlet_label"
    if column in row:
        return _text(row[column])
    return _text(row.get("source_outlet", ""))


def article_date(value: object, lang: str) -> str:
    """"bài báo ngày 16/8/2024", "article of Nov 2024": how a source without a link is named by its date."""
    text = _text(value)[:10]
    precision = {3: "day", 2: "month", 1: "year"}.get(len(text.split("-")) if text else 0)
    if precision is None:
        return t("article_undated", lang)
    return t(f"article_of_{precision}", lang, date=published(text, lang))


def source_name(row: pd.Series | dict, lang: str) -> str:
    """A short name for a source in a caption or a chart's source line: its outlet, or when the outlet is not
    known, "bài báo ngày 16/8/2024" for an article without a link and its title for a web page."""
    outlet = outlet_name(row, lang)
    if outlet:
        return outlet
    if not _text(row.get("source_url", "")):
        return article_date(row.get("source_published", ""), lang)
    return _text(row.get("source_title", "")) or _text(row.get("source_id", ""))


def page_title(title: str, lang: str) -> str:
    """The browser tab's title: the page, then the dashboard ("Kinh tế số · Mục tiêu và tiến độ: …")."""
    return f"{title} · {t('app_title', lang)}"


def source_list_text(frame: pd.DataFrame, lang: str, listed: set[str] | frozenset[str] = frozenset()) -> str:
    """The caption under a chart: its sources in full, except those in `listed` (shown in full above on the
    page), which are named briefly so a page never repeats the same list."""
    lines, above = [], []
    for source_id, line, name in source_entries(frame, lang):
        (above.append(escape_markdown(name)) if source_id in listed else lines.append(line))
    if not lines and not above:
        return ""
    text = t("sources_heading", lang) + ":  \n" + "  \n".join(lines) if lines else ""
    if above:
        key = "sources_also_above" if lines else "sources_as_above"
        text += ("  \n" if text else "") + t(key, lang, sources="; ".join(dict.fromkeys(above)))
    return text


def source_lines(frame: pd.DataFrame, lang: str) -> list[str]:
    """One Markdown line per distinct source in `frame` (see `source_entries`)."""
    return [line for _, line, _ in source_entries(frame, lang)]


def source_entries(frame: pd.DataFrame, lang: str) -> list[tuple[str, str, str]]:
    """(id, Markdown line, short name) per distinct source in `frame`, in order of appearance. The line: outlet —
    title, linked when on the web, and its date; a source without a link (the seed articles) by its title and
    "bài báo ngày 16/8/2024". Never a file name."""
    entries: list[tuple[str, str, str]] = []
    if frame.empty or "source_id" not in frame:
        return entries
    columns = [c for c in SOURCE_COLUMNS if c in frame]
    # The first row of each source (found by pandas, not a Python loop over every value), each line formatted
    # once: this runs under every chart on every rerun, and a chart at national scale holds thousands of values.
    first_rows = frame.loc[~frame["source_id"].duplicated().to_numpy(), columns]
    for values in zip(*(first_rows[c].tolist() for c in columns)):
        row = dict(zip(columns, values))
        line = _source_line(_text(row.get("source_title", "")), outlet_name(row, lang),
                            _text(row.get("source_published", "")), _text(row.get("source_url", "")), lang)
        entries.append((str(row["source_id"]), line, source_name(row, lang)))
    return entries


@lru_cache(maxsize=4096)
def _source_line(title: str, outlet: str, published_on: str, url: str, lang: str) -> str:
    link = safe_url(url)
    label = f"[{escape_markdown(title)}]({link})" if link else escape_markdown(title)
    if link:
        when = f" ({escape_markdown(published(published_on, lang))})" if published_on else ""
    else:
        when = f" ({escape_markdown(article_date(published_on, lang))})"
    return f"{escape_markdown(outlet)} — {label}{when}" if outlet else f"{label}{when}"


def source_cell(row: pd.Series | dict, lang: str) -> str:
    """A source in a table cell, plain text: "Outlet — Title (5/8/2024)", or "Title (bài báo ngày 16/8/2024)" for
    an article without a link."""
    title, outlet = _text(row.get("source_title", "")), outlet_name(row, lang)
    published_on = _text(row.get("source_published", ""))
    if safe_url(row.get("source_url", "")):
        when = f" ({published(published_on, lang)})" if published_on else ""
    else:
        when = f" ({article_date(published_on, lang)})"
    return f"{outlet} — {title}{when}" if outlet else f"{title}{when}"


def link_cell(row: pd.Series | dict) -> str:
    """A source's web address for a table's link column ('' for a source without one: never a file name)."""
    return safe_url(row.get("source_url", "")) or ""


def note_text(row: pd.Series | dict, lang: str) -> str:
    """A value's (or event's) note in the page's language: the curator's English, or its Vietnamese where one is
    curated ('' otherwise: an English note is never shown on a Vietnamese page)."""
    return _text(row.get("note" if lang == "en" else "note_vi", ""))


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV for Excel users too: UTF-8 with BOM so Vietnamese opens correctly."""
    return frame.to_csv(index=False).encode("utf-8-sig")
