"""How a target's status is said: icon and words, and the sentence that carries its evidence.

Every place that shows a status (overview board and tables, presenter slides, the meeting PDF, the sources page,
the chart pages) goes through here, so a status is never a bare "Đã đạt": `sentence` always says the value it
rests on with its year and method ("✔ Đã đạt mục tiêu — 42,92 % năm 2022, BC kinh tế số 2022"), a superseded
target names its successor, and where methods disagree each value is given. Pure: rows of `target_progress`
(provdash.targets) in, text out; no Streamlit, no SQL.
"""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from provdash import progress, targets
from provdash.figures import base
from provdash.i18n import t
from provdash.numbers import format_day, format_number

# Status never by colour alone: an icon and words, in both languages (words in texts/status.yaml).
ICONS = {
    progress.ACHIEVED: "✔", progress.MET: "✔", progress.ON_TRACK: "▲", progress.ACCELERATION_NEEDED: "◆",
    progress.LIMITED_PROGRESS: "▼", progress.DETERIORATION: "✖", progress.NOT_MET: "✖", progress.OFF_TRACK: "▽",
    progress.METHODS_DISAGREE: "≠", progress.SUPERSEDED: "↪", progress.NOT_ENOUGH_DATA: "…",
}
QUALIFIER_WORDS = {
    "vi": {"over": "trên", "about": "khoảng", "at_least": "tối thiểu", "nearly": "gần", "estimate": "ước",
           "top": "nhóm", "plan": "quy hoạch"},
    "en": {"over": "over", "about": "about", "at_least": "at least", "nearly": "nearly", "estimate": "est.",
           "top": "top", "plan": "planned"},
}


def label(status: str, lang: str) -> str:
    """"✔ Đã đạt mục tiêu": the status's icon and words."""
    return f"{ICONS[status]} {t('status_' + status, lang)}"


def _missing(value: object) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value))


# Labels of the common units, for rows that do not carry their own (computed rows, hand-made test rows).
UNIT_LABELS = {
    "vi": {"pct": "%", "pct_change": "%", "pct_per_year": "%/năm", "usd_bn": "tỷ USD", "usd_mn": "triệu USD",
           "vnd_tn": "nghìn tỷ đồng", "vnd_bn": "tỷ đồng", "vnd_mn": "triệu đồng", "ha": "ha"},
    "en": {"pct": "%", "pct_change": "%", "pct_per_year": "%/year", "usd_bn": "billion USD", "usd_mn": "million USD",
           "vnd_tn": "trillion VND", "vnd_bn": "billion VND", "vnd_mn": "million VND", "ha": "ha"},
}


def _unit(row: pd.Series | dict, lang: str) -> str:
    unit = str(row.get("unit", ""))
    if unit.startswith("rank_of_"):
        return ""
    text = row.get("unit_label_en" if lang == "en" else "unit_label", "")
    if isinstance(text, str) and text:
        return text
    return UNIT_LABELS["en" if lang == "en" else "vi"].get(unit, "")


def amount(value: float | None, row: pd.Series | dict, lang: str) -> str:
    """A value in the target's unit: "42,92 %", "3.146 ha", "hạng 8/63"."""
    if _missing(value):
        return "–"
    unit = str(row.get("unit", ""))
    if unit.startswith("rank_of_"):
        return t("rank_text", lang, rank=format_number(float(value), lang), of=unit.removeprefix("rank_of_"))
    return base.value_text(float(value), _unit(row, lang), lang)


def target_text(row: pd.Series | dict, lang: str) -> str:
    """The target as the source hedges it: "trên 30 %", "nhóm 15", "khoảng 35 %"."""
    qualifier = QUALIFIER_WORDS["en" if lang == "en" else "vi"].get(row.get("qualifier") or "", "")
    if str(row.get("unit", "")).startswith("rank_of_"):
        number = format_number(float(row["target_value"]), lang)
        return t("rank_top", lang, rank=number) if row.get("qualifier") == "top" else amount(row["target_value"], row, lang)
    return f"{qualifier} {amount(row['target_value'], row, lang)}".strip()


def target_scope(row: pd.Series | dict, lang: str) -> str:
    """"KCN và khu CNTT tập trung" when the target is not for the whole province; '' otherwise."""
    if row.get("scope", "province") in ("province", "", None):
        return ""
    label_text = row.get("scope_label_en" if lang == "en" else "scope_label")
    return label_text if isinstance(label_text, str) and label_text else str(row["scope"])


def target_years(row: pd.Series | dict) -> str:
    """"2030", or "2026–2030" for a target over several years."""
    start, end = row.get("target_start_year"), int(row["target_year"])
    if not _missing(start) and int(start) < end:
        return f"{int(start)}–{end}"
    return str(end)


def period_name(start: date, end: date, lang: str) -> str:
    """A period named from its dates: "năm 2022" / "2022", "tháng 12/2024" / "Dec 2024", "16/8/2024" /
    "16 Aug 2024", "6 tháng đầu năm 2024" / "Jan–Jun 2024", "giai đoạn 2021–2025" / "2021–2025"."""
    month_end = (end + timedelta(days=1)).day == 1
    if start == end:  # a stock as of a date
        if month_end:
            return t("period_month", lang, month=_month(end, lang), year=end.year)
        return format_day(end, lang)
    if start.year == end.year and start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31:
        return t("period_year", lang, year=end.year)
    if start.year == end.year:
        key = "period_part_year" if start.month == 1 and start.day == 1 else "period_months"
        return t(key, lang, first=_month(start, lang), last=_month(end, lang), year=end.year,
                 months=end.month - start.month + 1)
    return t("period_years", lang, first=start.year, last=end.year)


def short_date(day: date, lang: str) -> str:
    """A day as briefly as it reads: "12/2024" / "Dec 2024" for a month's end, else "16/8/2024" / "16 Aug 2024"."""
    if (day + timedelta(days=1)).day == 1:
        return f"{day.month}/{day.year}" if lang != "en" else day.strftime("%b %Y")
    return format_day(day, lang)


def when(start: date, end: date, lang: str) -> str:
    """`period_name` as it follows a value: "29,53 % năm 2025", "29.53% in 2025", "11,2 tỷ USD ngày 22/4/2025"."""
    name = period_name(start, end, lang)
    if start == end and (end + timedelta(days=1)).day != 1:
        return t("when_day", lang, day=name)
    return t("when", lang, period=name)


def _month(day: date, lang: str) -> str:
    return str(day.month) if lang != "en" else day.strftime("%b")


def evidence_text(item: dict, row: pd.Series | dict, lang: str, names: dict[str, str] | None = None) -> str:
    """"42,92 % năm 2022, BC kinh tế số 2022" — one series' value, when, method, and the place when it is
    another province's (a predecessor's; `names` may give it a shorter name)."""
    parts = [f"{amount(item['value'], row, lang)} {when(date.fromisoformat(item['start']), date.fromisoformat(item['end']), lang)}"]
    method = item.get("method_short_en" if lang == "en" else "method_short") or ""
    if method:
        parts.append(method)
    if item.get("jurisdiction") and item["jurisdiction"] != row.get("jurisdiction"):
        parts.append((names or {}).get(item["jurisdiction"])
                     or item.get("jurisdiction_name_en" if lang == "en" else "jurisdiction_name") or item["jurisdiction"])
    return ", ".join(parts)


def _verdict(item: dict, lang: str) -> str:
    status = item.get("status") or ""
    if status in progress.REACHED:
        return t("st_verdict_reached", lang)
    if status in progress.PACE_STATUSES:
        return label(status, lang)
    return t("st_verdict_not_reached", lang)


def _latest_as_evidence(row: pd.Series | dict) -> list[dict]:
    """For a row without stored evidence (made by hand or by older code): its latest value as the one item."""
    day = row.get("latest_date")
    if _missing(row.get("latest_value")) or _missing(day) or not isinstance(day, date):
        return []
    start = day
    label_text = row.get("latest_label") or ""
    return [{"jurisdiction": row.get("jurisdiction"), "method": row.get("latest_method") or "",
             "method_short": row.get("latest_method_label") or "", "method_short_en": row.get("latest_method_label_en") or "",
             "value": float(row["latest_value"]), "start": (date(day.year, 1, 1) if "năm" in str(label_text) and
                                                            day.month == 12 and day.day == 31 else start).isoformat(),
             "end": day.isoformat(), "label": label_text, "status": row.get("status")}]


def reasons(row: pd.Series | dict, lang: str, names: dict[str, str] | None = None) -> str:
    """What the status rests on, after the dash of `sentence`."""
    status = row["status"]
    items = targets.evidence(row) or _latest_as_evidence(row)
    if status == progress.SUPERSEDED:
        return superseded_text(row, lang)
    if status == progress.METHODS_DISAGREE:
        return "; ".join(f"{evidence_text(i, row, lang, names)}: {_verdict(i, lang)}" for i in items)
    if not items:
        reason = row.get("reason") if row.get("reason") == "period_not_measured" else "no_actuals"
        return t("st_none_" + reason, lang, year=int(row["target_year"]))
    text = evidence_text(items[0], row, lang, names)
    if len(items) > 1:
        text += " " + t("st_methods_agree", lang, count=len(items))
    if row.get("assessment") == "rank" and status in (progress.ON_TRACK, progress.OFF_TRACK):
        text += "; " + t("st_rank_not_published", lang, year=int(row["target_year"]))
    elif status == progress.NOT_ENOUGH_DATA:
        reason = row.get("reason") or ""
        key = "st_reason_period_not_measured" if reason == "period_not_measured" else "st_only"
        text = t(key, lang, year=int(row["target_year"]), value=text)
    return text


def superseded_text(row: pd.Series | dict, lang: str) -> str:
    """"Thái Nguyên (trước sáp nhập) không còn từ 1/7/2025; Thái Nguyên (sau sáp nhập): mục tiêu khoảng 35 %
    (2026–2030)"."""
    name = row["jurisdiction_name_en"] if lang == "en" else row["jurisdiction_name"]
    valid_to = row.get("valid_to")
    ended = format_day(valid_to + timedelta(days=1), lang) if isinstance(valid_to, date) else "–"
    successor = row.get("successor_name_en" if lang == "en" else "successor_name") or row.get("successor") or ""
    text = t("st_superseded", lang, name=name, day=ended)
    if not successor:
        return text
    own = targets.successor_target(row)
    if own is None:
        return text + "; " + t("st_successor_no_target", lang, successor=successor)
    words = QUALIFIER_WORDS["en" if lang == "en" else "vi"].get(own.get("qualifier") or "", "")
    value = f"{words} {amount(own['value'], row, lang)}".strip()
    years = f"{own['start_year']}–{own['year']}" if own["start_year"] < own["year"] else str(own["year"])
    return text + "; " + t("st_successor_target", lang, successor=successor, target=value, years=years)


def sentence(row: pd.Series | dict, lang: str, names: dict[str, str] | None = None) -> str:
    """The status with what it rests on: "✔ Đã đạt mục tiêu — 42,92 % năm 2022, BC kinh tế số 2022"."""
    return f"{label(row['status'], lang)} — {reasons(row, lang, names)}"


def brief(row: pd.Series | dict, lang: str) -> str:
    """`sentence`, except that a superseded target says only since when ("↪ Thay thế do sáp nhập từ 1/7/2025"):
    for a matrix cell, where the successor is in the next column."""
    if row["status"] != progress.SUPERSEDED:
        return sentence(row, lang)
    valid_to = row.get("valid_to")
    if not isinstance(valid_to, date):
        return label(row["status"], lang)
    return t("st_superseded_since", lang, status=label(row["status"], lang),
             day=format_day(valid_to + timedelta(days=1), lang))
