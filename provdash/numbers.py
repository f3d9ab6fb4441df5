"""Numbers in Vietnamese style: parsing what articles write, and formatting what the dashboard shows.

Formatting goes through Babel on the server so a value looks the same on every laptop whatever the
browser's locale ("1.030,5", "18,2 %"). Pure functions only: no Streamlit, no database.
"""
from __future__ import annotations

import math
import re
from datetime import date
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALES = {"vi": "vi", "en": "en"}

# Plotly's `separators` string: decimal mark first, then the thousands mark.
PLOTLY_SEPARATORS = {"vi": ",.", "en": ".,"}

# A number as Vietnamese articles write it: "1.030", "11,2", "3.985,5", and the capture typo "11, 2".
_END = r"(?!\w|[.,]\d)"
VN_NUMBER = re.compile(
    rf"(?<![\w.,])\d{{1,3}}(?:\.\d{{3}})+(?:,\s?\d+)?{_END}|(?<![\w.,])\d+(?:,\s?\d+)?{_END}"
)


def parse_vn_number(text: str) -> float:
    """Parse one number written the Vietnamese way ("1.030" → 1030, "8,91" → 8.91, "11, 2" → 11.2).

    Raises ValueError when the text is not a single such number.
    """
    cleaned = text.strip()
    if not re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\s?\d+)?|\d+(?:,\s?\d+)?", cleaned):
        raise ValueError(f"not a Vietnamese-style number: {text!r}")
    integer, _, fraction = cleaned.partition(",")
    digits = integer.replace(".", "")
    fraction = fraction.replace(" ", "")
    return float(f"{digits}.{fraction}" if fraction else digits)


def numbers_in(text: str) -> list[float]:
    """Every Vietnamese-style number in a piece of text, in order."""
    return [parse_vn_number(m.group(0)) for m in VN_NUMBER.finditer(text)]


def format_number(value: float | None, lang: str = "vi", decimals: int | None = None) -> str:
    """A number for people: "1.030,5" in Vietnamese, "1,030.5" in English; "–" for a missing value.

    Without `decimals`, the value is shown with the decimals it has (trailing zeros dropped, at most six), so
    a source's "42,92" stays "42,92", "518,54" stays "518,54" and "1.030" stays "1.030".
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if decimals is None:
        # Keep every decimal the value has (a source's 518,54 stays 518,54), up to six.
        pattern = "#,##0.######"
    else:
        pattern = "#,##0." + "0" * decimals if decimals > 0 else "#,##0"
    return _formatted(value, pattern, LOCALES.get(lang, "vi"))


@lru_cache(maxsize=65536)
def _formatted(value: float, pattern: str, locale: str) -> str:
    """Babel's formatting, remembered: pages format the same values again for every table and language."""
    return format_decimal(value, format=pattern, locale=locale)


def format_percent(value: float | None, lang: str = "vi", decimals: int | None = None) -> str:
    """A percentage given in percent units (18.2 → "18,2 %"); Vietnamese style keeps the space."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    number = format_number(value, lang, decimals)
    return f"{number} %" if lang == "vi" else f"{number}%"


def format_signed(value: float | None, lang: str = "vi", decimals: int | None = None) -> str:
    """A change with its sign: "+2,5", "−1,3"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = format_number(abs(value), lang, decimals)
    return ("+" if value >= 0 else "−") + text


def format_day(day: date | None, lang: str = "vi") -> str:
    """A date: 16/8/2024 in Vietnamese, 16 Aug 2024 in English."""
    if day is None:
        return "–"
    pattern = "d/M/yyyy" if lang == "vi" else "d MMM yyyy"
    return format_date(day, pattern, locale=LOCALES.get(lang, "vi"))
