"""The overview's answer board: where Thái Nguyên and Vĩnh Phúc stand, on one screen.

Four answers, each built from the store and nothing else: the digital-economy share against each province's own
targets, cumulative FDI capital with its latest comparable growth, established against planned industrial-zone
land, and one sentence comparing the two provinces. A province line follows a province across the 2025 merger
(the old province, then the merged one) without joining their values: every value says its year, method,
scope and place, and every status comes from the stored `target_progress` (provdash.targets) with the
evidence it rests on (provdash.statuses). Where data is thin, the answer says so in words.

Pure: query results in, plain dataclasses out (no Streamlit, no SQL). config/board.yaml says which provinces
and indicators the board reads.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from urllib.parse import urlsplit

import pandas as pd
import yaml

from provdash import paths, progress, statuses, targets, views
from provdash.figures import base
from provdash.i18n import has_text, t
from provdash.numbers import format_day, format_number, format_percent

PLAIN = ("", "plan")  # qualifiers that leave a value exact (a comparison may say "higher")
MORE_GOALS = 1  # targets of a living province shown besides its nearest one; the others are counted


@lru_cache(maxsize=1)
def config() -> dict:
    return yaml.safe_load((paths.ROOT / "config" / "board.yaml").read_text(encoding="utf-8"))


def jurisdictions() -> list[str]:
    """Every province the board reads, old and merged."""
    return [place for line in config()["lines"] for place in line["places"]]


def indicators() -> list[str]:
    questions = config()["questions"]
    return [questions["digital"]["indicator"], questions["fdi"]["indicator"], questions["zones"]["indicator"],
            questions["zones"]["occupancy"]]


@dataclass(frozen=True)
class Fact:
    """One value as the board states it, with what a reader needs to trust it."""
    value: str   # "29,53 %", "trên 8,43 tỷ USD"
    when: str    # "năm 2025", "tháng 1/2025"
    detail: str  # method, scope and place when they are not obvious: "PP Tổng cục Thống kê · tỉnh sau sáp nhập"
    source: str  # "vietnam.vn (English), 2025"
    url: str | None

    def text(self) -> str:
        return " · ".join(part for part in (f"{self.value} {self.when}", self.detail) if part)


@dataclass(frozen=True)
class Line:
    """One province (old and merged) within one answer."""
    key: str
    name: str
    headline: Fact | None
    status: str                  # status id of the line's main target; '' when it has none
    status_text: str             # icon, words and evidence (or plainly: no target)
    notes: list[str] = field(default_factory=list)  # the line's other targets, growth, occupancy
    trend: tuple[float, ...] = ()                    # the headline series' values, oldest first (≥ 2)
    trend_label: str = ""
    extra: list[str] = field(default_factory=list)  # context a slide can leave out: other methods or scopes
    trend_when: tuple[float, ...] = ()               # when each trend value was measured, in (fractional) years


@dataclass(frozen=True)
class Answer:
    key: str          # digital, fdi, zones
    title: str
    lines: list[Line]
    page: str         # the page with the detail
    empty_text: str = ""


@dataclass(frozen=True)
class Board:
    answers: list[Answer]
    comparison: str
    places: list[str]


# --- values -------------------------------------------------------------------------------------------------------


def _records(frame: pd.DataFrame) -> list[dict]:
    rows = frame.to_dict("records")
    for row in rows:
        for column in ("period_start", "period_end"):
            value = row.get(column)
            if isinstance(value, pd.Timestamp):
                row[column] = value.date()
    return rows


def place_names(lang: str) -> dict[str, str]:
    """Short names for the board's provinces ("tỉnh cũ", "Phú Thọ mới"): a line is already named after its
    province, so its values need only say which of the old or merged one they belong to."""
    return {place: t(f"board_place_{place}", lang) for place in jurisdictions() if has_text(f"board_place_{place}")}


def _place(row: dict, lang: str) -> str:
    return place_names(lang).get(row["jurisdiction"]) or base.localised(row, "jurisdiction_name", lang)


def source_ref(row: dict, lang: str) -> tuple[str, str | None]:
    """"vietnam.vn" and its link: the site a reader lands on; an article without a link is named by its date
    ("bài báo 16/8/2024")."""
    url = views.safe_url(row.get("source_url"))
    published = views.published(row.get("source_published"), lang)
    if url:
        site = urlsplit(url).netloc.removeprefix("www.")
        return site, url
    return t("board_article", lang, date=published), None


def _when(row: dict, lang: str) -> str:
    return statuses.when(row["period_start"], row["period_end"], lang)


def fact(row: dict, lang: str, *, place: bool = False) -> Fact:
    """A value row of the `observations` view as a board fact."""
    qualifier = base.localised(row, "qualifier_label", lang)
    value = base.qualified_value_text(row["value"], base.localised(row, "unit_label", lang), qualifier, lang)
    details = []
    if row.get("method"):
        details.append(base.localised(row, "method_short", lang) or base.localised(row, "method_label", lang))
    if row.get("scope", "province") != "province":
        details.append(base.localised(row, "scope_label", lang))
    if place:
        details.append(_place(row, lang))
    source, url = source_ref(row, lang)
    return Fact(value, _when(row, lang), " · ".join(details), source, url)


def _newest(rows: list[dict], places: list[str]) -> dict | None:
    """The newest value; on the same day the later place of the line (the merged province)."""
    if not rows:
        return None
    return max(rows, key=lambda r: (r["period_end"], places.index(r["jurisdiction"]), r["source_id"]))


def _series(rows: list[dict], like: dict) -> list[dict]:
    same = [r for r in rows if (r["jurisdiction"], r["scope"], r["method"]) ==
            (like["jurisdiction"], like["scope"], like["method"])]
    return sorted(same, key=lambda r: (r["period_end"], r["source_id"]))


def trend(rows: list[dict], like: dict | None, lang: str) -> tuple[tuple[float, ...], str, tuple[float, ...]]:
    """The values of `like`'s series (same place, scope and method), oldest first, one per period, when there
    are at least two; a caption ("2019–2024 · 6 giá trị"); and when each was measured (fractional years, so the
    line spaces its points by time, not by count)."""
    if like is None:
        return (), "", ()
    series = _series(rows, like)
    by_period: dict[date, float] = {}
    for row in series:
        by_period[row["period_end"]] = float(row["value"])
    if len(by_period) < 2:
        return (), "", ()
    first, last = min(by_period), max(by_period)
    ends = sorted(by_period)
    return (tuple(by_period[d] for d in ends),
            t("board_trend", lang, first=first.year, last=last.year, count=len(by_period)),
            tuple(d.year + (d.timetuple().tm_yday - 1) / 366 for d in ends))


# --- statuses -------------------------------------------------------------------------------------------------


def _status_lines(goals: list[dict], lang: str) -> tuple[str, str, list[str]]:
    """The line's main status (id and sentence, status first) and short notes on its other targets.

    The main status is the living province's target nearest in time, with its evidence. Targets of a province
    that no longer exists are summed up in one sentence ("↪ Thay thế do sáp nhập từ 1/7/2025 — mục tiêu tỉnh
    cũ 20 % (2025), trên 30 % (2030)"); without any target the line says so plainly."""
    names = place_names(lang)
    living = sorted([g for g in goals if g["status"] != progress.SUPERSEDED], key=lambda g: g["target_year"])
    old = sorted([g for g in goals if g["status"] == progress.SUPERSEDED], key=lambda g: g["target_year"])
    notes = []
    if old:
        listed = ", ".join(f"{statuses.target_text(g, lang)} ({_years_and_scope(g, lang)})" for g in old)
        ended = old[0]["valid_to"]
        text = t("board_old_goals", lang, goals=listed, status=statuses.label(progress.SUPERSEDED, lang),
                 day=format_day(ended + timedelta(days=1), lang) if isinstance(ended, date) else "–")
        successor = old[0].get("successor") or ""
        if not living and successor:
            text += "; " + t("board_successor_no_target", lang, successor=names.get(successor) or successor)
        notes.append(text)
    if living:
        main = living[0]
        text = _goal_sentence(main, lang, names)
        notes += [_goal_sentence(other, lang, names) for other in living[1:1 + MORE_GOALS]]
        if len(living) > 1 + MORE_GOALS:  # the board must stay one screen: the rest are on the page below
            notes.append(t("board_more_goals", lang, count=len(living) - 1 - MORE_GOALS))
        return main["status"], text, notes
    if old:
        return progress.SUPERSEDED, notes.pop(0), notes
    return "", t("board_no_target", lang), notes


def _goal_sentence(goal: dict, lang: str, names: dict[str, str]) -> str:
    """"≠ Các phương pháp cho kết quả khác nhau — mục tiêu khoảng 35 % (2026–2030): 29,53 % năm 2025, …"."""
    return t("board_goal", lang, status=statuses.label(goal["status"], lang), target=statuses.target_text(goal, lang),
             years=_years_and_scope(goal, lang), reasons=statuses.reasons(goal, lang, names))


def _years_and_scope(goal: dict, lang: str) -> str:
    """"2030" or "2030; KCN và khu CNTT tập trung": a target's years, and its scope when not the whole province."""
    scope = statuses.target_scope(goal, lang)
    return f"{statuses.target_years(goal)}; {scope}" if scope else statuses.target_years(goal)


# --- the four answers ------------------------------------------------------------------------------------------


def _line_name(key: str, lang: str) -> str:
    return t(f"board_line_{key}", lang)


def digital_answer(values: list[dict], goals: list[dict], lang: str) -> Answer:
    spec = config()["questions"]["digital"]
    lines = []
    for line in config()["lines"]:
        places = line["places"]
        rows = [r for r in values if r["indicator"] == spec["indicator"] and r["jurisdiction"] in places
                and r["kind"] == "actual" and r["scope"] == "province"]
        newest = _newest(rows, places)
        line_goals = [g for g in goals if g["indicator"] == spec["indicator"] and g["jurisdiction"] in places]
        status, status_text, goal_notes = _status_lines(line_goals, lang)
        against_old = _against_old_levels(newest, line_goals, lang)
        if against_old and any(g["status"] != progress.SUPERSEDED for g in line_goals):
            goal_notes = [note + "; " + against_old if i == 0 else note for i, note in enumerate(goal_notes)]
        elif against_old:
            status_text += "; " + against_old
        extra = []
        if newest is not None:  # the newest value of every other series (another method, the old province)
            shown = {(newest["jurisdiction"], newest["method"])} | {
                (e["jurisdiction"], e["method"]) for g in line_goals if g["status"] != progress.SUPERSEDED
                for e in targets.evidence(g)}  # unless the status already gives it
            for row in sorted(rows, key=lambda r: r["period_end"], reverse=True):
                if (row["jurisdiction"], row["method"]) not in shown:
                    shown.add((row["jurisdiction"], row["method"]))
                    extra.append(t("board_also", lang, fact=fact(row, lang, place=True).text()))
        values_trend, trend_caption, trend_when = trend(rows, newest, lang)
        lines.append(Line(line["key"], _line_name(line["key"], lang),
                          fact(newest, lang, place=True) if newest else None, status, status_text,
                          goal_notes, values_trend, trend_caption, extra, trend_when))
    return Answer("digital", t("board_digital_title", lang), lines, spec["page"], t("board_no_value", lang))


def _against_old_levels(newest: dict | None, goals: list[dict], lang: str) -> str:
    """Where the successor's newest exact value (the line's headline, with its year and method) sits against the
    levels its predecessor had set — "tỉnh mới năm 2025: trên mức 20 %, dưới mức 30 % (để đối chiếu)" — so a
    reader can say where the province stands on the goals it knew, while the goals themselves stay superseded
    (other boundaries, and a goal that names no method). '' when there is nothing exact to set against them."""
    if newest is None or (newest.get("qualifier") or "") not in PLAIN:
        return ""
    old = [g for g in goals if g["status"] == progress.SUPERSEDED and g.get("successor") == newest["jurisdiction"]
           and g.get("unit") == newest["unit"] and g.get("scope", "province") == newest["scope"]]
    above, below = [], []
    for goal in sorted(old, key=lambda g: (float(g["target_value"]), g["target_year"])):
        level, value = float(goal["target_value"]), float(newest["value"])
        if goal.get("qualifier") == "about" and abs(value - level) <= 0.05 * level:
            continue  # "about 35 %" is neither above nor below 34 %
        words = statuses.amount(level, goal, lang)
        bucket = above if value > level else below if value < level else None
        if bucket is not None and words not in bucket:
            bucket.append(words)
    if not above and not below:
        return ""
    parts = ([t("board_old_above", lang, levels=", ".join(above))] if above else []) + \
            ([t("board_old_below", lang, levels=", ".join(below))] if below else [])
    return t("board_against_old", lang, year=newest["period_end"].year, where=", ".join(parts))


def _growth_text(pairs: pd.DataFrame, row: dict, places: list[str], lang: str) -> str:
    """The latest comparable growth of `row`'s series ("+1,9 % (12/2023 → 12/2024)"); when that series has
    none yet (a merged province's first value), the latest of the line's other province on the same scope,
    saying which province it is."""
    if pairs.empty:
        return t("board_no_growth", lang)
    usable = pairs[(pairs["scope"] == row["scope"]) & (pairs["method"] == row["method"]) & pairs["growth_pct"].notna()]
    same = usable[usable["jurisdiction"] == row["jurisdiction"]]
    if same.empty:
        same = usable[usable["jurisdiction"].isin(places)]
    if same.empty:
        return t("board_no_growth", lang)
    newest = same.sort_values(["to_end", "from_end"]).iloc[-1]
    growth = float(newest["growth_pct"])
    sign = "+" if growth >= 0 else "−"
    text = t("board_growth", lang, change=sign + format_percent(abs(growth), lang, decimals=1),
             first=statuses.short_date(newest["from_end"].date(), lang),
             last=statuses.short_date(newest["to_end"].date(), lang),
             years=int(newest["years_apart"]))
    if newest["jurisdiction"] != row["jurisdiction"]:
        text += ", " + (place_names(lang).get(newest["jurisdiction"]) or newest["jurisdiction"])
    return text + (" " + t("board_growth_approx", lang) if newest["approximate"] else "")


def fdi_answer(values: list[dict], goals: list[dict], growth: pd.DataFrame, lang: str) -> Answer:
    spec = config()["questions"]["fdi"]
    lines = []
    for line in config()["lines"]:
        places = line["places"]
        rows = [r for r in values if r["indicator"] == spec["indicator"] and r["jurisdiction"] in places
                and r["kind"] == "actual"]
        province = [r for r in rows if r["scope"] == "province"]
        newest = _newest(province, places) or _newest(rows, places)
        notes, extra = [], []
        if newest is not None:
            notes.append(_growth_text(growth, newest, places, lang))
            others = [r for r in rows if r["scope"] != newest["scope"]]
            other = _newest(others, places)
            if other is not None:
                extra.append(t("board_also", lang, fact=fact(other, lang).text()))
        line_goals = [g for g in goals if g["category"] == spec["target_category"] and g["jurisdiction"] in places]
        status, status_text, goal_notes = _status_lines(line_goals, lang)
        values_trend, trend_caption, trend_when = trend(rows, newest, lang)
        lines.append(Line(line["key"], _line_name(line["key"], lang),
                          fact(newest, lang, place=True) if newest else None,
                          status, status_text, notes + goal_notes, values_trend, trend_caption, extra, trend_when))
    return Answer("fdi", t("board_fdi_title", lang), lines, spec["page"], t("board_no_value", lang))


def zones_answer(values: list[dict], goals: list[dict], lang: str) -> Answer:
    spec = config()["questions"]["zones"]
    lines = []
    for line in config()["lines"]:
        places = line["places"]
        rows = [r for r in values if r["indicator"] == spec["indicator"] and r["jurisdiction"] in places
                and r["kind"] == "actual"]
        newest = _newest(rows, places)
        plans = [g for g in goals if g["indicator"] == spec["indicator"] and g["jurisdiction"] in places]
        notes = []
        headline = fact(newest, lang, place=True) if newest else None
        if newest is not None:
            same_scope = [g for g in plans if g["scope"] == newest["scope"] and g["jurisdiction"] == newest["jurisdiction"]]
            if same_scope:  # established as a share of the plan, said on the value's own line
                plan = min(same_scope, key=lambda g: g["target_year"])
                share = t("board_zone_share", lang, plan=statuses.target_text(plan, lang), year=plan["target_year"],
                          share=format_percent(float(newest["value_in_indicator_unit"]) / plan["target_value"] * 100,
                                               lang, decimals=0))
                headline = Fact(headline.value, f"{headline.when} ({share})", headline.detail, headline.source,
                                headline.url)
        occupancy = _newest([r for r in values if r["indicator"] == spec["occupancy"]
                             and r["jurisdiction"] in places and r["kind"] == "actual"], places)
        if occupancy is not None:
            notes.append(t("board_occupancy", lang, fact=fact(occupancy, lang).text()))
        status, status_text, goal_notes = _status_lines(plans, lang)
        values_trend, trend_caption, trend_when = trend(rows, newest, lang)
        lines.append(Line(line["key"], _line_name(line["key"], lang), headline, status, status_text,
                          notes + goal_notes, values_trend, trend_caption, trend_when=trend_when))
    return Answer("zones", t("board_zones_title", lang), lines, spec["page"], t("board_no_established", lang))


# --- the comparison sentence -------------------------------------------------------------------------------


def _compared(name: str, first: dict, second: dict, lang: str) -> str:
    """" — Thái Nguyên cao hơn" when both values are exact; '' when a hedge ("trên", "khoảng") leaves it open."""
    if first["qualifier"] not in PLAIN or second["qualifier"] not in PLAIN:
        return ""
    a, b = float(first["value_in_indicator_unit"]), float(second["value_in_indicator_unit"])
    word = t("board_higher" if a > b else ("board_lower" if a < b else "board_equal"), lang)
    return " — " + t("board_compared_word", lang, name=name, word=word)


def _short_value(row: dict, lang: str) -> str:
    return base.qualified_value_text(row["value"], base.localised(row, "unit_label", lang),
                                     base.localised(row, "qualifier_label", lang), lang)


def _dated(row: dict, lang: str) -> str:
    return f"{_short_value(row, lang)} ({statuses.period_name(row['period_start'], row['period_end'], lang)})"


def _closest_pair(first: list[dict], second: list[dict], days: int = 183) -> tuple[dict, dict] | None:
    """The newest value of `second` with a value of `first` measured within `days` of it (the nearest one)."""
    for b in sorted(second, key=lambda r: (r["period_end"], r["source_id"]), reverse=True):
        near = [a for a in first if abs((a["period_end"] - b["period_end"]).days) <= days]
        if near:
            a = min(near, key=lambda r: (abs((r["period_end"] - b["period_end"]).days), r["source_id"]))
            return a, b
    return None


def comparison(values: list[dict], lang: str) -> str:
    """One sentence comparing the two province lines on the three questions, only where the values can be
    compared (same method and year for the digital-economy share; both province-wide and within a year of each
    other for FDI; established areas of the same scope for zones); otherwise it says what is missing. "Higher"
    or "lower" only between exact values: "trên 8,43" is not known to be below 11,2 by how much."""
    questions = config()["questions"]
    first, second = config()["lines"][0], config()["lines"][1]
    one, two = _line_name(first["key"], lang), _line_name(second["key"], lang)
    parts = []

    def actuals(indicator: str, line: dict, scope: str | None = "province") -> list[dict]:
        return [r for r in values if r["indicator"] == indicator and r["jurisdiction"] in line["places"]
                and r["kind"] == "actual" and (scope is None or r["scope"] == scope)]

    # Digital economy: the newest (method, period) both lines have.
    indicator = questions["digital"]["indicator"]
    a_rows, b_rows = actuals(indicator, first), actuals(indicator, second)
    keys = lambda r: (r["method"], r["period_start"], r["period_end"])  # noqa: E731
    common = sorted({keys(r) for r in a_rows} & {keys(r) for r in b_rows}, key=lambda k: k[2])
    if common:
        a = next(r for r in a_rows if keys(r) == common[-1])
        b = next(r for r in b_rows if keys(r) == common[-1])
        when = statuses.period_name(a["period_start"], a["period_end"], lang)
        method = base.localised(a, "method_short", lang)
        parts.append(t("board_cmp_digital", lang, first=one, second=two, a=_short_value(a, lang),
                       b=_short_value(b, lang), when=f"{when}, {method}" if method else when)
                     + _compared(one, a, b, lang))
    else:
        parts.append(t("board_cmp_digital_none", lang))

    # FDI: province-wide capital of both lines measured within half a year of each other, the newest such pair.
    pair = _closest_pair(actuals(questions["fdi"]["indicator"], first), actuals(questions["fdi"]["indicator"], second))
    if pair is not None:
        a, b = pair
        parts.append(t("board_cmp_fdi", lang, first=one, second=two, a=_dated(a, lang), b=_dated(b, lang))
                     + _compared(one, a, b, lang))
    else:
        parts.append(t("board_cmp_fdi_none", lang))

    # Zones: established area of both, on the same scope.
    a = _newest(actuals(questions["zones"]["indicator"], first, scope=None), first["places"])
    b = _newest(actuals(questions["zones"]["indicator"], second, scope=None), second["places"])
    if a is not None and b is not None:
        parts.append(t("board_cmp_zones", lang, first=one, second=two, a=_dated(a, lang), b=_dated(b, lang))
                     if a["scope"] == b["scope"] else t("board_cmp_zones_scope", lang))
    else:
        missing = [name for name, row in ((one, a), (two, b)) if row is None]
        parts.append(t("board_cmp_zones_none", lang, names=", ".join(missing)))
    return "; ".join(parts) + "."


ALL_YEARS = dict(start=date(1900, 1, 1), end=date(2100, 12, 31))


def from_store(query, lang: str) -> Board:
    """The board from the store; `query(name, **params)` runs a queries/*.sql file (ui.query on the pages, a
    plain connection in the briefing)."""
    from provdash.figures import fdi_growth  # the FDI page's rule for comparable growth

    places = jurisdictions()
    values = query("indicators_observations", indicators=indicators(), jurisdictions=places, **ALL_YEARS)
    progress_rows = query("target_progress", jurisdictions=places, category="")
    growth = fdi_growth.comparable_growth(values[values["indicator"] == config()["questions"]["fdi"]["indicator"]])
    return board(values, targets.from_store(progress_rows), growth, lang)


def board(values: pd.DataFrame, progress_rows: pd.DataFrame, growth: pd.DataFrame, lang: str) -> Board:
    """The four answers. `values`: `observations` rows of `indicators()` for `jurisdictions()`; `progress_rows`:
    their `target_progress` rows (targets.from_store); `growth`: comparable FDI growth pairs."""
    rows = _records(values) if not values.empty else []
    goals = targets.from_store(progress_rows).to_dict("records") if not progress_rows.empty else []
    answers = [digital_answer(rows, goals, lang), fdi_answer(rows, goals, growth, lang), zones_answer(rows, goals, lang)]
    return Board(answers, comparison(rows, lang), jurisdictions())


# --- the trend line --------------------------------------------------------------------------------------------


def sparkline_svg(points: tuple[float, ...], when: tuple[float, ...] = (), width: int = 72, height: int = 18,
                  colour: str = "#1f3a5f") -> str:
    """A small trend line as SVG markup (numbers only: nothing from the data but values is written into it).

    Points sit at their time (`when`, else evenly); the scale starts at zero when no value is negative, so two
    close values (1.500 and 1.471 ha from two sources) draw a nearly flat line, not a dive."""
    if len(points) < 2:
        return ""
    low, high = min(0.0, *points), max(0.0, *points)
    span = (high - low) or 1.0
    times = when if len(when) == len(points) and when[-1] > when[0] else tuple(range(len(points)))
    start, length = times[0], (times[-1] - times[0])
    coords = [(2 + (w - start) / length * (width - 4), height - 2.5 - (p - low) / span * (height - 5))
              for w, p in zip(times, points)]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    last_x, last_y = coords[-1]
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
            f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2" stroke-linejoin="round"/>'
            f'<circle cx="{last_x:.1f}" cy="{last_y:.1f}" r="2.5" fill="{colour}"/></svg>')


def trend_description(line: Line, lang: str) -> str:
    """Words for the trend line, for readers who cannot see it: first and last value and the period."""
    if not line.trend:
        return ""
    first, last = line.trend[0], line.trend[-1]
    return t("board_trend_alt", lang, first=format_number(first, lang), last=format_number(last, lang),
             period=line.trend_label)
