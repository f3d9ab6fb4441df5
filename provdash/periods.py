"""A value's period in both languages: the English label made from the period's dates, and the one formatter
every page uses to show a period.

Curated rows keep the source's own Vietnamese words (`period_label`: "6 tháng đầu năm 2024", "đến năm 2030",
"lũy kế đến nay"). The English label is not curated: `english_label` makes it from the first and last day, and
takes from the Vietnamese words only what the dates cannot say — whether the period is a deadline ("đến năm" →
"by 2030"), a point in a year ("vào năm" → "in 2050"), the publication day ("đến nay", "hiện nay" → "as of
publication (16 Aug 2024)"), a stated day or only a month ("15/02/2023" → "as of 15 Feb 2023", "tháng 12/2023"
→ "as of Dec 2023"), and whether the source left the period unstated. The build stores it with every value
(`period_label_en` of the `observations` view); `label` picks the label for the page's language.

Pure functions: no Streamlit, no database.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime

import pandas as pd

from provdash.numbers import format_day

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_AS_OF_PUBLICATION = re.compile(r"đến nay|hiện nay|hiện tại|hiện có|tới nay|vừa qua")
_STATED_DAY = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|\bngày\b")
_NAMED_MONTH = re.compile(r"tháng\s*\d{1,2}\s*/\s*\d{4}")
_YEAR_END = re.compile(r"cuối năm")
_BY = re.compile(r"(đến|tới|trước)\s+(hết\s+)?năm")
_BEFORE = re.compile(r"trước\s+năm")
_IN = re.compile(r"vào\s+năm")
_NOT_STATED = re.compile(r"không nêu|không rõ")


def as_date(value: object) -> date:
    """A date from a date, a datetime or Timestamp, or ISO text."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return pd.Timestamp(value).date()


def _month_end(day: date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def _month(day: date) -> str:
    return f"{_MONTHS[day.month - 1]} {day.year}"


def english_label(start: object, end: object, label_vi: str = "") -> str:
    """The period from `start` to `end` (both included) in English, worded as the Vietnamese label qualifies it.

    >>> english_label(date(2024, 1, 1), date(2024, 6, 30), "6 tháng đầu năm 2024")
    'Jan–Jun 2024'
    """
    first, last = as_date(start), as_date(end)
    words = str(label_vi or "").lower()
    text = _dated_text(first, last, words)
    if _NOT_STATED.search(words):
        text += " (period not stated; inferred)"
    return text


def _dated_text(first: date, last: date, words: str) -> str:
    if first == last:
        return _point_text(last, words)
    whole_years = (first.month, first.day) == (1, 1) and (last.month, last.day) == (12, 31)
    if whole_years:
        years = str(last.year) if first.year == last.year else f"{first.year}–{last.year}"
        if _BEFORE.search(words):
            return f"before {last.year}"
        if _BY.search(words):
            return f"by {last.year}"
        if _IN.search(words) and first.year == last.year:
            return f"in {years}"
        return years
    if first.day == 1 and _month_end(last):
        if first.year == last.year:
            if first.month == last.month:
                return _month(last)
            return f"{_MONTHS[first.month - 1]}–{_MONTHS[last.month - 1]} {last.year}"
        return f"{_month(first)} – {_month(last)}"
    if first.year == last.year:
        span = f"{first.day} {_MONTHS[first.month - 1]} – {format_day(last, 'en')}"
    else:
        span = f"{format_day(first, 'en')} – {format_day(last, 'en')}"
    return f"{span} (to publication)" if _AS_OF_PUBLICATION.search(words) else span


def _point_text(day: date, words: str) -> str:
    if _AS_OF_PUBLICATION.search(words):
        return f"as of publication ({format_day(day, 'en')})"
    if _STATED_DAY.search(words):
        return f"as of {format_day(day, 'en')}"
    if _YEAR_END.search(words) and (day.month, day.day) == (12, 31):
        return f"end of {day.year}"
    if _NAMED_MONTH.search(words) or (_month_end(day) and not words):
        return f"as of {_month(day)}"
    return f"as of {format_day(day, 'en')}"


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT


def label(row: pd.Series | dict, lang: str, column: str = "period_label") -> str:
    """The period of a row as the page's language shows it: the source's Vietnamese words, or the English label
    (`<column>_en`, which the build stores; made from the row's dates when a frame lacks it)."""
    vietnamese = "" if _missing(row.get(column)) else str(row.get(column))
    if lang != "en":
        return vietnamese
    english = row.get(f"{column}_en")
    if not _missing(english) and english:
        return str(english)
    if column == "period_label" and not _missing(row.get("period_start")) and not _missing(row.get("period_end")):
        return english_label(row["period_start"], row["period_end"], vietnamese)
    return vietnamese
