"""Periods the way planners say them: a kind of period and a year (năm 2024, 6 tháng đầu năm 2024, quý I/2024,
đến nay, đến năm 2030, giai đoạn 2021-2025, đến ngày 12/06/2024) ↔ the first and last day, and the label
the curated files keep (data/README.md: a year is 1/1..31/12; "đến nay" is the publication day; "tháng 12/2024"
of a stock is its last day; "đến năm 2030" is the year 2030).

Dates typed by people are DD/MM/YYYY, parsed here on the server, never by the browser's locale.
Pure functions; no Streamlit. Problems are raised as PeriodError with a code the page translates.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

YEAR_MIN, YEAR_MAX = 1990, 2100
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}

# Every choice, in the order the review table offers them
CHOICES: tuple[str, ...] = (
    ("year",)
    + tuple(f"months_{n}" for n in range(2, 12))
    + tuple(f"quarter_{q}" for q in range(1, 5))
    + ("now", "year_to_date", "as_of", "year_end")
    + tuple(f"month_{m}" for m in range(1, 13))
    + ("until_year", "multi_year")
)
NEEDS_YEAR = frozenset(c for c in CHOICES if c not in ("now", "year_to_date", "as_of"))

_LABELS = {
    "vi": {"year": "năm", "now": "đến nay (ngày đăng bài)", "year_to_date": "từ đầu năm đến nay (ngày đăng bài)", "as_of": "đến ngày… (nhập ngày)",
           "year_end": "đến hết năm", "until_year": "đến năm… (mục tiêu, kế hoạch)",
           "multi_year": "giai đoạn (từ năm… đến năm…)"},
    "en": {"year": "calendar year", "now": "to date (the article's date)",
           "year_to_date": "from 1 January to date (the article's date)", "as_of": "as of a day (type the day)",
           "year_end": "to the end of the year", "until_year": "by the year (target, plan)",
           "multi_year": "a span of years (from… to…)"},
}


class PeriodError(ValueError):
    """A period that cannot be resolved; `code` names why (the page says it in its language)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str


def choice_label(choice: str, lang: str = "vi") -> str:
    """How the review table names a kind of period ("6 tháng đầu năm", "quý II", "tháng 12")."""
    if choice in _LABELS["vi"]:
        return _LABELS["en" if lang == "en" else "vi"][choice]
    kind, _, n = choice.partition("_")
    number = int(n)
    if kind == "months":
        if lang == "en":
            return f"first {number} months"
        return f"{number} tháng đầu năm" if number <= 6 else f"{number} tháng năm"
    if kind == "quarter":
        return f"quý {ROMAN[number]}" if lang != "en" else f"quarter {ROMAN[number]}"
    if kind == "month":
        if lang == "en":
            return f"month {number} (as of its end)"
        return f"tháng {number} (tính đến cuối tháng)"
    raise KeyError(choice)


def parse_day(text: object) -> date:
    """A day typed as DD/MM/YYYY (also D/M/YYYY, with - or . instead of /); PeriodError("day") otherwise."""
    value = str(text or "").strip()
    match = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", value)
    if not match:
        raise PeriodError("day_format")
    day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise PeriodError("day_impossible") from None


def format_day(day: date | None) -> str:
    """DD/MM/YYYY, whatever the language or the browser."""
    return day.strftime("%d/%m/%Y") if day else ""


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(value: object, code: str = "year") -> int:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise PeriodError(code) from None
    if number != number or not number.is_integer() or not YEAR_MIN <= number <= YEAR_MAX:
        raise PeriodError(code)
    return int(number)


def resolve(choice: object, year: object = None, from_year: object = None, day: object = None,
            published: date | None = None) -> Period:
    """First day, last day and curated label of a period chosen in the review table."""
    if choice not in CHOICES:
        raise PeriodError("choice")
    if choice in ("now", "year_to_date"):
        if published is None:
            raise PeriodError("now_needs_published")
        if choice == "year_to_date":
            return Period(date(published.year, 1, 1), published, "từ đầu năm đến nay")
        return Period(published, published, "đến nay")
    if choice == "as_of":
        when = parse_day(day)
        return Period(when, when, f"đến ngày {when.day}/{when.month}/{when.year}")
    y = _year(year)
    if choice == "year":
        return Period(date(y, 1, 1), date(y, 12, 31), f"năm {y}")
    if choice == "until_year":
        return Period(date(y, 1, 1), date(y, 12, 31), f"đến năm {y}")
    if choice == "year_end":
        return Period(date(y, 12, 31), date(y, 12, 31), f"đến hết năm {y}")
    if choice == "multi_year":
        first = _year(from_year, "from_year")
        if first >= y:
            raise PeriodError("from_year_order")
        return Period(date(first, 1, 1), date(y, 12, 31), f"giai đoạn {first}-{y}")
    kind, _, n = choice.partition("_")
    number = int(n)
    if kind == "months":
        return Period(date(y, 1, 1), _month_end(y, number), f"{choice_label(choice)} {y}")
    if kind == "quarter":
        return Period(date(y, 3 * number - 2, 1), _month_end(y, 3 * number), f"quý {ROMAN[number]}/{y}")
    # month: a stock as of the month's last day ("tháng 12/2024" → 31/12/2024), as the curated files keep it
    end = _month_end(y, number)
    return Period(end, end, f"tháng {number}/{y}")


@dataclass(frozen=True)
class Choice:
    """A period as the review table holds it."""
    choice: str
    year: int | None = None
    from_year: int | None = None
    day: str = ""           # DD/MM/YYYY, only for "as_of"


def from_dates(start: date | None, end: date | None, label: str = "", published: date | None = None) -> Choice | None:
    """The review table's choice for a period the extractor found (first and last day, and its words);
    None when no choice says it."""
    if start is None or end is None or start > end:
        return None
    words = " ".join((label or "").lower().split())
    if start == end:
        if published is not None and start == published and re.search(r"nay|hiện", words):
            return Choice("now")
        if (start.month, start.day) == (12, 31) and "tháng" not in words:
            return Choice("year_end", start.year)
        if start == _month_end(start.year, start.month) and "tháng" in words:
            return Choice(f"month_{start.month}", start.year)
        return Choice("as_of", day=format_day(start))
    if (published is not None and end == published and start == date(end.year, 1, 1)
            and re.search(r"nay|hiện", words)):
        return Choice("year_to_date")
    if start.day != 1:
        return None
    if start.year == end.year and (start.month, end.month) == (1, 12) and end.day == 31:
        return Choice("until_year" if re.search(r"(?:đến|tới)\s+năm", words) else "year", end.year)
    if start.year != end.year:
        if (start.month, end.month, end.day) == (1, 12, 31):
            return Choice("multi_year", end.year, start.year)
        return None
    if end != _month_end(end.year, end.month):
        return None
    if start.month == end.month:
        return Choice(f"month_{end.month}", end.year)
    if (start.month - 1) % 3 == 0 and end.month == start.month + 2 and (start.month > 1 or "quý" in words):
        return Choice(f"quarter_{(start.month + 2) // 3}", end.year)
    if start.month == 1 and 2 <= end.month <= 11:
        return Choice(f"months_{end.month}", end.year)
    return None
