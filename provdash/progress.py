"""Progress towards a target: status, required pace and achieved pace (pure functions, table-tested).

Level indicators (levels, counts, shares) use the Open SDG (Statistics Canada) method:
    CAGR_a = (latest / base) ** (1 / (t - t0)) - 1          achieved compound growth
    CAGR_r = (target / base) ** (1 / (T - t0)) - 1          growth required from the base
    R      = d * CAGR_a / |CAGR_r|                          d = +1 when higher is better, -1 when lower
    on track R ≥ 0.95; acceleration needed 0.60 ≤ R < 0.95; limited progress 0 ≤ R < 0.60; deterioration R < 0
(thresholds in config/progress.yaml). With a base of zero the growth rate is undefined, so the same ratio is
taken on the absolute yearly change instead. Rank targets ("in the top 15") are on track or off track from the
latest published rank until the rank for the target year is published, then met or not met; threshold targets
for one period ("growth of 10.5 % in 2025") are met or not met once that period is measured, and not judged
before. The caller passes only comparable actuals (same jurisdiction, scope, method and period type); fewer
than two means "not enough data" unless the target is already achieved.

Two statuses are decided by provdash.targets, not here: `superseded` (the target's province ceased before the
end of the target year: the 2025 mergers) and `methods_disagree` (comparable actuals of different methods give
different verdicts).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import yaml

from provdash import paths

ACHIEVED = "achieved"
ON_TRACK = "on_track"
ACCELERATION_NEEDED = "acceleration_needed"
LIMITED_PROGRESS = "limited_progress"
DETERIORATION = "deterioration"
NOT_ENOUGH_DATA = "not_enough_data"
MET = "met"
NOT_MET = "not_met"
OFF_TRACK = "off_track"
METHODS_DISAGREE = "methods_disagree"
SUPERSEDED = "superseded"
# Every status a target can have, in the order lists and legends show them.
STATUSES = (ACHIEVED, MET, ON_TRACK, ACCELERATION_NEEDED, LIMITED_PROGRESS, DETERIORATION, NOT_MET, OFF_TRACK,
            METHODS_DISAGREE, SUPERSEDED, NOT_ENOUGH_DATA)
REACHED = (ACHIEVED, MET)  # the target is reached: nothing more is needed
PACE_STATUSES = (ON_TRACK, ACCELERATION_NEEDED, LIMITED_PROGRESS, DETERIORATION, OFF_TRACK)


@dataclass(frozen=True)
class Thresholds:
    on_track: float = 0.95
    acceleration_needed: float = 0.60


@lru_cache(maxsize=1)
def configured_thresholds() -> Thresholds:
    config = yaml.safe_load(paths.PROGRESS_CONFIG.read_text(encoding="utf-8"))
    values = config["thresholds"]
    return Thresholds(float(values["on_track"]), float(values["acceleration_needed"]))


@lru_cache(maxsize=1)
def method_names() -> dict[str, str]:
    config = yaml.safe_load(paths.PROGRESS_CONFIG.read_text(encoding="utf-8"))
    return {"vi": config["method"]["name_vi"], "en": config["method"]["name_en"]}


@dataclass(frozen=True)
class Point:
    time: float  # decimal year, e.g. 2022.997 for the end of 2022
    value: float


@dataclass(frozen=True)
class Assessment:
    status: str
    method: str  # "level", "rank" or "threshold"
    ratio: float | None = None
    base: Point | None = None
    latest: Point | None = None
    target: Point | None = None
    cagr_achieved: float | None = None  # fraction per year
    cagr_required: float | None = None  # fraction per year, from the base
    pace_achieved: float | None = None  # display unit per year: percentage points (shares) or % (levels)
    pace_needed: float | None = None  # from the latest value to the target, same unit as pace_achieved
    gap: float | None = None  # target - latest, in the value's unit


def decimal_year(day: date) -> float:
    """2022-12-31 → 2022.997…; the position of a day within its year."""
    start = date(day.year, 1, 1)
    length = (date(day.year + 1, 1, 1) - start).days
    return day.year + ((day - start).days + 1) / length


def calendar_year(time: float) -> int:
    """The calendar year of a decimal year from `decimal_year` (its last day, 2025-12-31, is 2026.0)."""
    return math.ceil(time) - 1


def target_reached(value: float, target: float, direction: str, qualifier: str = "") -> bool:
    """Whether `value` satisfies the target; "over" (trên) needs strictly more, "at least" allows equality."""
    if direction == "lower":
        return value < target if qualifier == "over" else value <= target
    return value > target if qualifier == "over" else value >= target


def classify(ratio: float, thresholds: Thresholds | None = None) -> str:
    limits = thresholds or configured_thresholds()
    if ratio >= limits.on_track:
        return ON_TRACK
    if ratio >= limits.acceleration_needed:
        return ACCELERATION_NEEDED
    if ratio >= 0:
        return LIMITED_PROGRESS
    return DETERIORATION


def _cagr(start: float, end: float, years: float) -> float | None:
    if years <= 0 or start <= 0 or end < 0:
        return None
    return (end / start) ** (1 / years) - 1


def paces(base: Point | None, latest: Point, target: Point, share: bool) -> tuple[float | None, float | None]:
    """(achieved pace, needed pace) in percentage points per year for shares, % per year for levels."""
    achieved = needed = None
    remaining = target.time - latest.time
    if base is not None and latest.time > base.time:
        if share:
            achieved = (latest.value - base.value) / (latest.time - base.time)
        else:
            growth = _cagr(base.value, latest.value, latest.time - base.time)
            achieved = None if growth is None else growth * 100
    if remaining > 0:
        if share:
            needed = (target.value - latest.value) / remaining
        else:
            growth = _cagr(latest.value, target.value, remaining)
            needed = None if growth is None else growth * 100
    return achieved, needed


def assess_level(actuals: list[Point], target: Point, direction: str = "higher", qualifier: str = "",
                 share: bool = False, thresholds: Thresholds | None = None) -> Assessment:
    """Status of a level, count or share target from comparable actuals (any order)."""
    points = sorted((p for p in actuals if math.isfinite(p.value) and p.time <= target.time), key=lambda p: p.time)
    if not points:
        return Assessment(NOT_ENOUGH_DATA, "level", target=target)
    latest = points[-1]
    base = points[0] if len(points) > 1 and points[0].time < latest.time else None
    achieved_pace, needed_pace = paces(base, latest, target, share)
    common = dict(method="level", base=base, latest=latest, target=target, pace_achieved=achieved_pace,
                  pace_needed=needed_pace, gap=target.value - latest.value)
    if target_reached(latest.value, target.value, direction, qualifier):
        return Assessment(ACHIEVED, **common)
    if base is None:
        return Assessment(NOT_ENOUGH_DATA, **common)
    sign = 1 if direction == "higher" else -1
    elapsed, horizon = latest.time - base.time, target.time - base.time
    cagr_a = _cagr(base.value, latest.value, elapsed)
    cagr_r = _cagr(base.value, target.value, horizon)
    if cagr_a is None or cagr_r is None:
        # Growth rates are undefined from a base of zero: compare absolute yearly changes instead.
        achieved_change = (latest.value - base.value) / elapsed
        required_change = (target.value - base.value) / horizon
        ratio = _ratio(sign * achieved_change, required_change)
        return Assessment(classify(ratio, thresholds), ratio=ratio, **common)
    ratio = _ratio(sign * cagr_a, cagr_r)
    return Assessment(classify(ratio, thresholds), ratio=ratio, cagr_achieved=cagr_a, cagr_required=cagr_r, **common)


def _ratio(signed_achieved: float, required: float) -> float:
    if required == 0:
        return math.inf if signed_achieved >= 0 else -math.inf
    return signed_achieved / abs(required)


def assess_rank(actuals: list[Point], target: Point) -> Assessment:
    """A rank target ("in the top N by 2025"). Once the rank for the target year is published (the latest of
    that year; failing that, the first one after it) it is met or not met on that rank; before, on track or off
    track from the latest rank published."""
    points = sorted((p for p in actuals if math.isfinite(p.value)), key=lambda p: p.time)
    year = calendar_year(target.time)
    in_year = [p for p in points if calendar_year(p.time) == year]
    after = [p for p in points if calendar_year(p.time) > year]
    measured = in_year[-1] if in_year else (after[0] if after else None)
    if measured is not None:
        status = MET if measured.value <= target.value else NOT_MET
        return Assessment(status, "rank", latest=measured, target=target, gap=target.value - measured.value)
    if not points:
        return Assessment(NOT_ENOUGH_DATA, "rank", target=target)
    latest = points[-1]
    status = ON_TRACK if latest.value <= target.value else OFF_TRACK
    return Assessment(status, "rank", latest=latest, target=target, gap=target.value - latest.value)


def assess_threshold(actuals: list[Point], target: Point, direction: str = "higher", qualifier: str = "",
                     period_end: float | None = None) -> Assessment:
    """A threshold for one period ("growth of 10.5 % in 2025"): met or not once that period is measured."""
    period = period_end if period_end is not None else target.time
    measured = [p for p in actuals if abs(p.time - period) < 1e-6]
    if not measured:
        return Assessment(NOT_ENOUGH_DATA, "threshold", target=target)
    latest = measured[-1]
    status = MET if target_reached(latest.value, target.value, direction, qualifier) else NOT_MET
    return Assessment(status, "threshold", latest=latest, target=target, gap=target.value - latest.value)


def project(latest: Point, years: list[float], pace: float, share: bool) -> list[Point]:
    """Values after `latest` at a constant pace: + pace points a year (shares, capped 0–100) or × (1 + pace %)."""
    result = []
    for year in years:
        elapsed = year - latest.time
        if share:
            value = min(100.0, max(0.0, latest.value + pace * elapsed))
        else:
            value = latest.value * (1 + pace / 100) ** elapsed if latest.value > 0 else latest.value
        result.append(Point(year, value))
    return result
