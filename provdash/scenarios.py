"""What-if pacing: where a target would land if the value moved at an assumed pace from its latest actual.

A planner picks a target and a pace (percentage points a year for shares, % a year for levels and counts, or
"achieved": continue the pace achieved so far) and sees the value projected for the target year, the year the
target would be reached, and the status that pace implies. The projection is `progress.project` (shares move
linearly and stay within 0–100 %, levels compound) and "reached" is `progress.target_reached`, so a scenario
and the page's own assessment can never disagree about the maths.

Implied status: when the projected value meets the target in its year the pace is "on track"; otherwise the
Open SDG ratio R = d · assumed pace / |pace needed| is classified (`progress.classify`), with "on track" then
read as "acceleration needed": a scenario is exact, so a pace that falls short is never called on track. A
target already achieved stays "achieved" if the pace keeps it met in its year and "deteriorating" if not.

Pure: an assessment row of `provdash.targets.assess_targets` in, plain data or a Plotly trace out. Scenarios live
in the URL only; this module never writes anything and has no Streamlit in it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from provdash import progress
from provdash.figures import base
from provdash.statuses import amount, target_text
from provdash.figures.trajectory import pace_text, status_text
from provdash.i18n import t
from provdash.progress import Point, decimal_year

ACHIEVED = "achieved"  # the assumed pace "continue the pace achieved so far"
OFF = "off"
HORIZON_YEAR = 2100  # "year reached" is searched up to here; later counts as "not before 2100"
# The paces offered, as (lowest, highest, step): points a year for shares, % a year for levels and counts.
PACE_GRID = {"pp": (-5.0, 10.0, 0.5), "pct": (-20.0, 60.0, 1.0)}
SCENARIO_COLOUR = "#1a1a1a"

# How the target is reached at the assumed pace.
REACH_ALREADY = "already"  # the latest actual already meets it
REACH_YEAR = "year"  # in `year_reached`
REACH_NEVER = "never"  # the pace stands still or moves away from the target
REACH_AFTER_HORIZON = "after_horizon"  # moving towards it, but not before HORIZON_YEAR


@dataclass(frozen=True)
class Scenario:
    pace: float | None  # the pace assumed, resolved ("achieved" → the achieved pace); None when there is none
    pace_unit: str  # "pp" or "pct"
    target_year: int
    projected_value: float | None  # at the end of the target year
    year_reached: int | None
    reach: str  # one of the REACH_* values; "" when there is no scenario
    status: str  # a progress status id
    ratio: float | None = None
    reason: str = ""  # why there is no scenario: "not_level", "no_actual", "no_achieved_pace", "deadline_passed"


def _number(value: object) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _get(row: pd.Series | dict, column: str, default: object = None) -> object:
    value = row.get(column, default) if hasattr(row, "get") else default
    return default if value is None or (isinstance(value, float) and math.isnan(value)) else value


def can_run(row: pd.Series | dict) -> bool:
    """Whether a what-if pace applies: a level, count or share target with a latest actual to start from."""
    return (_get(row, "assessment") == "level" and _number(_get(row, "latest_value")) is not None
            and _get(row, "latest_date") is not None)


def resolve_pace(row: pd.Series | dict, assumed: float | str | None) -> float | None:
    """The pace a scenario uses: a number as given, or the achieved pace for "achieved" (None when none)."""
    if assumed is None or assumed == OFF:
        return None
    if assumed == ACHIEVED:
        return _number(_get(row, "pace_achieved"))
    pace = _number(assumed)
    if pace is None:
        raise ValueError(f"not a pace: {assumed!r}")
    return pace


def _latest(row: pd.Series | dict) -> Point:
    return Point(decimal_year(pd.Timestamp(_get(row, "latest_date")).date()), float(_get(row, "latest_value")))


def _year_end(year: int) -> float:
    return decimal_year(date(year, 12, 31))


def project_value(row: pd.Series | dict, pace: float, year: int) -> float:
    """The value at the end of `year` at `pace` from the latest actual (`progress.project`)."""
    share = _get(row, "pace_unit") == "pp"
    if not share and pace <= -100:
        raise ValueError(f"a level cannot shrink by {pace} % a year (100 % or more)")
    latest = _latest(row)
    moment = max(latest.time, _year_end(year))
    return progress.project(latest, [moment], pace, share)[0].value


def evaluate(row: pd.Series | dict, assumed: float | str, horizon: int = HORIZON_YEAR,
             thresholds: progress.Thresholds | None = None) -> Scenario:
    """Projected value in the target year, the year the target is reached, and the status the pace implies."""
    unit = str(_get(row, "pace_unit", "") or "")
    year = int(_get(row, "target_year"))
    if not can_run(row):
        reason = "not_level" if _get(row, "assessment") != "level" else "no_actual"
        return Scenario(None, unit, year, None, None, "", progress.NOT_ENOUGH_DATA, reason=reason)
    pace = resolve_pace(row, assumed)
    if pace is None:
        return Scenario(None, unit, year, None, None, "", progress.NOT_ENOUGH_DATA, reason="no_achieved_pace")
    share = unit == "pp"
    target, direction = float(_get(row, "target_value")), str(_get(row, "direction", "higher"))
    qualifier = str(_get(row, "qualifier", "") or "")
    latest = _latest(row)
    projected = project_value(row, pace, year)

    def met(value: float) -> bool:
        return progress.target_reached(value, target, direction, qualifier)

    sign = 1 if direction == "higher" else -1
    reached_year, reach = None, REACH_AFTER_HORIZON
    if met(latest.value):
        reached_year, reach = int(latest.time - 1e-9), REACH_ALREADY
    else:
        for candidate in range(int(latest.time - 1e-9), horizon + 1):
            if met(project_value(row, pace, candidate)):
                reached_year, reach = candidate, REACH_YEAR
                break
        else:
            # A pace of zero or of the wrong sign never arrives; compounding never leaves or reaches zero; a share
            # held at 0 or 100 % by its bounds moves no further.
            cannot_cross = not share and (latest.value <= 0 or (target <= 0 < latest.value))
            held = share and project_value(row, pace, horizon) in (0.0, 100.0)
            if sign * pace <= 0 or cannot_cross or held:
                reach = REACH_NEVER

    if reach == REACH_ALREADY:
        status = progress.ACHIEVED if met(projected) else progress.DETERIORATION
        return Scenario(pace, unit, year, projected, reached_year, reach, status)
    remaining = _year_end(year) - latest.time
    if remaining <= 1e-9:
        return Scenario(pace, unit, year, projected, reached_year, reach, str(_get(row, "status")),
                        reason="deadline_passed")
    if met(projected):
        return Scenario(pace, unit, year, projected, reached_year, reach, progress.ON_TRACK, ratio=None)
    needed = _number(_get(row, "pace_needed"))
    if needed is not None:
        ratio = progress._ratio(sign * pace, needed)
    else:  # growth rates are undefined from zero: compare absolute yearly changes, as progress.assess_level does
        ratio = progress._ratio(sign * (projected - latest.value) / remaining, (target - latest.value) / remaining)
    status = progress.classify(ratio, thresholds)
    if status == progress.ON_TRACK:
        status = progress.ACCELERATION_NEEDED
    return Scenario(pace, unit, year, projected, reached_year, reach, status, ratio=ratio)


def path(row: pd.Series | dict, pace: float) -> list[tuple[date, float]]:
    """The scenario line: the latest actual, then each year end up to the target year."""
    start = pd.Timestamp(_get(row, "latest_date")).date()
    points = [(start, float(_get(row, "latest_value")))]
    for year in range(start.year, int(_get(row, "target_year")) + 1):
        if date(year, 12, 31) > start:
            points.append((date(year, 12, 31), project_value(row, pace, year)))
    return points


# ------------------------------------------------------------------------------------ choosing a target


def target_id(row: pd.Series | dict) -> str:
    """A stable ascii id for a target in the URL: indicator-jurisdiction-year, plus the scope when not the
    whole province (`digital_economy_share_grdp-thai_nguyen_2025-2030`)."""
    parts = [str(_get(row, "indicator")), str(_get(row, "jurisdiction")), str(int(_get(row, "target_year")))]
    scope = _get(row, "scope", "province")
    if scope and scope != "province":
        parts.append(str(scope))
    return "-".join(parts)


def scenario_targets(*assessments: pd.DataFrame) -> dict[str, dict]:
    """The targets a pace can be assumed for, by id, in the order of the assessment table(s) given."""
    found: dict[str, dict] = {}
    for frame in assessments:
        for row in frame.to_dict("records"):
            if not can_run(row):
                continue
            key, n = target_id(row), 2
            while key in found:  # the same goal with two different values from two sources
                key, n = f"{target_id(row)}-{n}", n + 1
            found[key] = row
    return found


def holds(assessments: pd.DataFrame, row: pd.Series | dict) -> bool:
    """Whether a chart's assessment table holds this target (so its scenario line belongs on that chart)."""
    return any(target_id(other) == target_id(row) for _, other in assessments.iterrows())


def default_target(targets: dict[str, dict]) -> str | None:
    """The first target not yet achieved (else the first): the one a what-if is most useful for."""
    for key, row in targets.items():
        if row["status"] not in (progress.ACHIEVED, progress.MET):
            return key
    return next(iter(targets), None)


def pace_id(value: float) -> str:
    """The URL form of a pace: "2.5", "-3", "10"."""
    return f"{value:g}"


def pace_options(unit: str) -> list[str]:
    """What the pace selector offers: no scenario, the achieved pace, then the grid for the unit."""
    low, high, step = PACE_GRID.get(unit, PACE_GRID["pct"])
    count = int(round((high - low) / step))
    return [OFF, ACHIEVED] + [pace_id(round(low + i * step, 6)) for i in range(count + 1)]


def parse_pace_option(option: str) -> float | str | None:
    """An option of `pace_options` as `evaluate` takes it: None (no scenario), "achieved" or a number."""
    if option == OFF:
        return None
    if option == ACHIEVED:
        return ACHIEVED
    return float(option)


# ---------------------------------------------------------------------------------------- presentation


def target_label(row: pd.Series | dict, lang: str) -> str:
    """"Tỷ trọng kinh tế số trong GRDP — Thái Nguyên (sau sáp nhập): khoảng 35 % (2030)"."""
    return t("sc_target_option", lang, indicator=base.localised(row, "indicator_name", lang),
             jurisdiction=base.localised(row, "jurisdiction_name", lang), target=target_text(row, lang),
             year=int(_get(row, "target_year")))


def pace_option_label(option: str, row: pd.Series | dict, lang: str) -> str:
    unit = str(_get(row, "pace_unit", "pct") or "pct")
    if option == OFF:
        return t("sc_pace_off", lang)
    if option == ACHIEVED:
        achieved = _number(_get(row, "pace_achieved"))
        if achieved is None:
            return t("sc_pace_achieved_none", lang)
        return t("sc_pace_achieved", lang, pace=pace_text(achieved, unit, lang))
    return pace_text(float(option), unit, lang)


def _value(row: pd.Series | dict, value: float | None, lang: str) -> str:
    """A computed value (a projection), so two decimals, unlike values from sources which keep theirs."""
    rounded = None if value is None or pd.isna(value) else round(float(value), 2)
    return amount(rounded, row, lang)


def reached_text(scenario: Scenario, lang: str) -> str:
    if scenario.reach == REACH_ALREADY:
        return t("sc_reached_already", lang, year=scenario.year_reached)
    if scenario.reach == REACH_YEAR:
        return str(scenario.year_reached)
    if scenario.reach == REACH_NEVER:
        return t("sc_reached_never", lang)
    if scenario.reach == REACH_AFTER_HORIZON:
        return t("sc_reached_after", lang, year=HORIZON_YEAR)
    return "–"


def result_metrics(row: pd.Series | dict, scenario: Scenario, lang: str) -> list[tuple[str, str]]:
    """(label, value) for the three figures a planner reads: projected value, year reached, implied status."""
    return [
        (t("sc_projected", lang, year=scenario.target_year), _value(row, scenario.projected_value, lang)),
        (t("sc_year_reached", lang), reached_text(scenario, lang)),
        (t("sc_status", lang), status_text(scenario.status, lang)),
    ]


def explanation(row: pd.Series | dict, scenario: Scenario, lang: str) -> str:
    """One sentence: what was assumed, from where, against which needed pace; or why there is no scenario."""
    if scenario.reason in ("no_achieved_pace", "not_level", "no_actual", "deadline_passed"):
        return t(f"sc_reason_{scenario.reason}", lang)
    latest_year = pd.Timestamp(_get(row, "latest_date")).year
    return t("sc_explanation", lang, pace=pace_text(scenario.pace, scenario.pace_unit, lang),
             latest=_value(row, _number(_get(row, "latest_value")), lang), latest_year=latest_year,
             needed=pace_text(_number(_get(row, "pace_needed")), scenario.pace_unit, lang),
             achieved=pace_text(_number(_get(row, "pace_achieved")), scenario.pace_unit, lang))


def add_scenario_line(figure: go.Figure, row: pd.Series | dict, scenario: Scenario, lang: str,
                      style: base.Style = base.NORMAL) -> go.Figure:
    """The assumed pace as a long-dashed dark line with open markers, labelled "Kịch bản (giả định)" in the
    legend and at its end, so it never reads as data or as the required path (thin dashes, province colour)."""
    if scenario.pace is None or scenario.projected_value is None:
        return figure
    points = path(row, scenario.pace)
    name = t("sc_line", lang, name=base.localised(row, "jurisdiction_name", lang),
             pace=pace_text(scenario.pace, scenario.pace_unit, lang))
    values = [_value(row, value, lang) for _, value in points]
    labelled = max(1, len(points) // 2)
    rows_before = base.figure_legend_rows(figure, style)
    figure.add_trace(go.Scatter(
        x=pd.to_datetime(pd.Series([day for day, _ in points])), y=[value for _, value in points],
        mode="lines+markers+text", name=name, legendgroup="scenario",
        line=dict(color=SCENARIO_COLOUR, width=max(2.0, style.line_width - 0.5), dash="longdash"),
        marker=dict(size=max(6, style.marker_size - 3), symbol="circle-open", color=SCENARIO_COLOUR,
                    line=dict(width=1.5, color=SCENARIO_COLOUR)),
        # Labelled on the line itself, half-way, above it: the end of the line is where the target stars sit.
        text=[t("sc_line_short", lang) if i == labelled else "" for i in range(len(points))],
        textposition="top center", textfont=dict(size=style.font_size, color=SCENARIO_COLOUR),
        hovertext=[base._plain(f"{t('sc_line_short', lang)} · {day.year}: {text}") for (day, _), text in zip(points, values)],
        hovertemplate="%{hovertext}<extra></extra>",
    ))
    extra = (base.figure_legend_rows(figure, style) - rows_before) * (style.font_size + 12)
    if extra:
        figure.update_layout(height=(figure.layout.height or 450) + extra,
                             margin=dict(b=(figure.layout.margin.b or 80) + extra))
    return figure
