"""Periods as Vietnamese articles write them, turned into first and last day (pure functions).

"6 tháng đầu năm 2024" → 2024-01-01..2024-06-30, "10 tháng năm 2024" → Jan–Oct, "quý I/2024", "giai đoạn
2021-2030" → 2021-01-01..2030-12-31, "đến năm 2030" → the year 2030 (as data/README.md curates it), "đến nay" →
the publication date. Relative periods ("năm nay", "2 năm qua", "đến nay") need the publication date; without
it their dates stay empty and only the label is kept.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from provdash.extract import patterns

_WORD_NUMBERS = {"ba": 3, "sáu": 6, "chín": 9}
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


@dataclass(frozen=True)
class PeriodMention:
    """A period stated in the text, at [start, end)."""

    start: int
    end: int
    label: str
    kind: str            # which of patterns.PERIOD_KINDS matched; "_end" added for "đến hết quý I/2024"
    strong: bool         # False for "hiện nay"/"hiện có": used only when nothing more precise is near
    comparison: bool     # "so với năm 2023": the base of a comparison, never the value's own period
    groups: tuple[tuple[str, str], ...]

    def dates(self, published: date | None) -> tuple[date | None, date | None]:
        """First and last day covered, or (None, None) when they cannot be told."""
        try:
            if self.kind.endswith("_end"):         # "đến hết quý I/2024": as of the last day
                _, last = _dates(self.kind[:-4], dict(self.groups), published)
                return last, last
            return _dates(self.kind, dict(self.groups), published)
        except (ValueError, OverflowError):
            return None, None


def lowered(text: str) -> str:
    """The text in lower case, position for position (so spans found in it index the original)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)   # "İ" and the like


def find_periods(text: str, start: int = 0, end: int | None = None, lower: str | None = None) -> list[PeriodMention]:
    """Every period mention in text[start:end], in order. `lower` is lowered(text), when the caller has it."""
    lower = lowered(text) if lower is None else lower
    end = len(text) if end is None else end
    found = []
    for order, (kind, pattern) in enumerate(patterns.PERIOD_KINDS):
        for match in pattern.finditer(lower, start, end):
            if match.start() and lower[match.start() - 1].isalnum():
                continue                    # the keyword continues a word
            found.append((match.start(), -match.end(), order, kind, match))
    found.sort(key=lambda item: item[:3])
    mentions: list[PeriodMention] = []
    covered_to = -1
    for first, negative_end, _, kind, match in found:
        last = -negative_end
        if first < covered_to:
            continue                        # inside a longer mention: "năm 2030" in "đến năm 2030"
        if kind == "months_bare" and patterns.DURATION_BEFORE.search(lower, max(start, first - 15), first):
            continue                        # "sau 6 tháng": a duration, not the first months of a year
        covered_to = last
        if kind == "asof":
            lead = patterns.PERIOD_LEAD.search(lower, max(start, first - 20), first)
            first = lead.start() if lead else first
        elif kind in ("quarter", "month", "months", "month_noyear"):
            lead = patterns.UNTIL_END_LEAD.search(lower, max(start, first - 20), first)
            if lead:
                first, kind = lead.start(), f"{kind}_end"
        comparison = patterns.COMPARISON_LEAD.search(lower, max(start, first - 25), first) is not None
        groups = tuple((k, v) for k, v in match.groupdict().items() if v is not None)
        mentions.append(PeriodMention(first, last, text[first:last], kind, kind != "now", comparison, groups))
    return mentions


_KINDS = ("ytd", "asof", "day", "months", "months_bare", "quarter", "month_noyear", "whole_year", "multi", "until", "month", "thisyear", "recent", "vague", "year", "now")


def _year(value: str | None, published: date | None) -> int | None:
    if value:
        return int(value)
    return published.year if published else None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _dates(kind: str, g: dict[str, str], published: date | None) -> tuple[date | None, date | None]:
    if kind in ("asof", "now"):
        return published, published
    if kind == "day":                       # "tính đến 31/3/2025": as of that day
        when = date(int(g["dy"]), int(g["dm"]), int(g["dd"]))
        return when, when
    if kind == "ytd":                       # "từ đầu năm đến nay": 1 January of the article's year to its date
        return (date(published.year, 1, 1), published) if published else (None, None)
    if kind == "month_noyear":              # "tháng 10" in an article of November: October of its year
        if published is None:
            return None, None
        month = int(g["mo2"])
        year = published.year if date(published.year, month, 1) <= published else published.year - 1
        return date(year, month, 1), _month_end(year, month)
    if kind == "months":
        year = _year(g.get("my"), published)
        raw = g["mn"].lower()
        months = _WORD_NUMBERS.get(raw) or int(raw)
        if year is None or not 1 <= months <= 12:
            return None, None
        if (g.get("mpos") or "").strip().lower() == "cuối":
            return date(year, 13 - months, 1), date(year, 12, 31)
        return date(year, 1, 1), _month_end(year, months)
    if kind == "months_bare":               # "9 tháng" in an article of October: January to September of its year
        raw = g["bn"].lower()
        months = _WORD_NUMBERS.get(raw) or int(raw)
        if published is None or not 2 <= months <= 11:
            return None, None
        year = published.year if _month_end(published.year, months) <= published else published.year - 1
        return date(year, 1, 1), _month_end(year, months)
    if kind == "quarter":
        year = _year(g.get("qy"), published)
        q = g["q"].upper()
        quarter = _ROMAN.get(q) or int(q)
        if year is None:
            return None, None
        return date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter)
    if kind == "multi":
        first, last = int(g["y1"]), int(g["y2"])
        if last < first:
            return None, None
        return date(first, 1, 1), date(last, 12, 31)
    if kind == "until":
        year = int(g["uy"])
        if (g.get("upos") or "").strip():          # "đến hết năm 2024": a stock as of the year's end
            return date(year, 12, 31), date(year, 12, 31)
        return date(year, 1, 1), date(year, 12, 31)
    if kind == "month":
        year, month = int(g["moy"]), int(g["mo"])
        return date(year, month, 1), _month_end(year, month)
    if kind == "thisyear":
        return (date(published.year, 1, 1), date(published.year, 12, 31)) if published else (None, None)
    if kind == "recent":
        if published is None:
            return None, None
        count = int(g["rn"])
        if g["runit"].lower() == "năm":
            return date(published.year - count + 1, 1, 1), published
        month_index = published.year * 12 + published.month - 1 - count + 1
        return date(month_index // 12, month_index % 12 + 1, 1), published
    if kind == "year":
        year = int(g["y"])
        return date(year, 1, 1), date(year, 12, 31)
    return None, None                                   # "đầu năm 2024": too vague to date


def find_published(text: str, window: int = 5000) -> date | None:
    """The publication stamp near the top of a page ("16/08/2024 08:06", "2025-04-22 10:07"), if any."""
    match = patterns.DATELINE.search(text, 0, min(len(text), window))
    if not match:
        return None
    for d, m, y in (("d1", "m1", "y1"), ("d2", "m2", "y2"), ("d3", "m3", "y3")):
        if match.group(y):
            try:
                return date(int(match.group(y)), int(match.group(m)), int(match.group(d)))
            except ValueError:
                return None
    return None
