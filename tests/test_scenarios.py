"""What-if pacing (provdash.scenarios): table tests of the projection, the year reached and the implied status."""
from __future__ import annotations

import json
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pytest

from provdash import progress, scenarios
from provdash.figures import base
from provdash.progress import Point, decimal_year


def target_row(latest=20.0, latest_date=date(2024, 12, 31), target=30.0, year=2030, direction="higher",
               qualifier="", share=True, pace_achieved=None, status=None, assessment="level", **extra) -> dict:
    """An assessment row as provdash.targets.assess_targets makes it, with the needed pace from progress.paces."""
    latest_point = Point(decimal_year(latest_date), latest) if latest is not None else None
    needed = None
    if latest_point is not None:
        _, needed = progress.paces(None, latest_point, Point(decimal_year(date(year, 12, 31)), target), share)
    if status is None:
        reached = latest is not None and progress.target_reached(latest, target, direction, qualifier)
        status = progress.ACHIEVED if reached else progress.NOT_ENOUGH_DATA
    row = dict(indicator="digital_economy_share_grdp" if share else "kcn_area", indicator_name="Chỉ tiêu",
               indicator_name_en="Indicator", jurisdiction="thai_nguyen", jurisdiction_name="Thái Nguyên",
               jurisdiction_name_en="Thái Nguyên", indicator_type="share" if share else "level",
               direction=direction, unit="pct" if share else "ha", target_value=target, target_year=year,
               qualifier=qualifier, scope="province", status=status, assessment=assessment, latest_value=latest,
               latest_date=latest_date if latest is not None else None, pace_achieved=pace_achieved,
               pace_needed=needed, pace_unit="pp" if share else "pct")
    row.update(extra)
    return row


# (case, row, assumed pace, projected value in the target year, year reached, reach, status)
CASES = [
    ("share on track", target_row(), 2, 32.0, 2029, scenarios.REACH_YEAR, progress.ON_TRACK),
    ("share too slow", target_row(), 1.5, 29.0, 2031, scenarios.REACH_YEAR, progress.ACCELERATION_NEEDED),
    ("share far too slow", target_row(), 0.5, 23.0, 2044, scenarios.REACH_YEAR, progress.LIMITED_PROGRESS),
    ("pace of zero", target_row(), 0, 20.0, None, scenarios.REACH_NEVER, progress.LIMITED_PROGRESS),
    ("negative pace", target_row(), -1, 14.0, None, scenarios.REACH_NEVER, progress.DETERIORATION),
    ("share capped at 100 %", target_row(latest=95.0, target=100.0), 10, 100.0, 2025, scenarios.REACH_YEAR,
     progress.ON_TRACK),
    ("share floored at 0 %", target_row(latest=3.0, target=10.0), -2, 0.0, None, scenarios.REACH_NEVER,
     progress.DETERIORATION),
    ("over 100 % is never reached", target_row(latest=95.0, target=100.0, qualifier="over"), 10, 100.0, None,
     scenarios.REACH_NEVER, progress.ACCELERATION_NEEDED),
    ("'over' needs strictly more", target_row(qualifier="over"), 2, 32.0, 2030, scenarios.REACH_YEAR,
     progress.ON_TRACK),
    ("too slow for this century", target_row(), 0.1, 20.6, None, scenarios.REACH_AFTER_HORIZON,
     progress.LIMITED_PROGRESS),
    ("already met and kept", target_row(latest=42.92, latest_date=date(2022, 12, 31), target=30.0,
                                        qualifier="over"), 0, 42.92, 2022, scenarios.REACH_ALREADY, progress.ACHIEVED),
    ("already met, then lost", target_row(latest=42.92, latest_date=date(2022, 12, 31), target=30.0,
                                          qualifier="over"), -3, 18.92, 2022, scenarios.REACH_ALREADY,
     progress.DETERIORATION),
    ("lower is better", target_row(latest=30.0, target=20.0, direction="lower"), -2, 18.0, 2029,
     scenarios.REACH_YEAR, progress.ON_TRACK),
    ("lower is better, rising", target_row(latest=30.0, target=20.0, direction="lower"), 1, 36.0, None,
     scenarios.REACH_NEVER, progress.DETERIORATION),
    ("level compounding", target_row(latest=100.0, target=200.0, share=False), 10, 100 * 1.1 ** 6, 2032,
     scenarios.REACH_YEAR, progress.ACCELERATION_NEEDED),
    ("level compounding fast enough", target_row(latest=100.0, target=200.0, share=False), 13, 100 * 1.13 ** 6,
     2030, scenarios.REACH_YEAR, progress.ON_TRACK),
    ("level shrinking", target_row(latest=100.0, target=200.0, share=False), -10, 100 * 0.9 ** 6, None,
     scenarios.REACH_NEVER, progress.DETERIORATION),
    ("level from zero cannot compound", target_row(latest=0.0, target=10.0, share=False), 50, 0.0, None,
     scenarios.REACH_NEVER, progress.LIMITED_PROGRESS),
    ("continue the achieved pace", target_row(pace_achieved=2.0), scenarios.ACHIEVED, 32.0, 2029,
     scenarios.REACH_YEAR, progress.ON_TRACK),
    ("mid-year latest value", target_row(latest=20.0, latest_date=date(2024, 6, 30)), 2, 20 + 2 * (7 - 182 / 366),
     2029, scenarios.REACH_YEAR, progress.ON_TRACK),
]


@pytest.mark.parametrize("case, row, assumed, projected, year, reach, status", CASES, ids=[c[0] for c in CASES])
def test_scenario_table(case, row, assumed, projected, year, reach, status):
    result = scenarios.evaluate(row, assumed)
    assert result.reason == ""
    assert result.projected_value == pytest.approx(projected, abs=0.01)
    assert result.year_reached == year
    assert result.reach == reach
    assert result.status == status
    assert result.target_year == row["target_year"]


@pytest.mark.parametrize("row, assumed, reason", [
    (target_row(pace_achieved=None), scenarios.ACHIEVED, "no_achieved_pace"),
    (target_row(pace_achieved=float("nan")), scenarios.ACHIEVED, "no_achieved_pace"),
    (target_row(latest=None), 2, "no_actual"),
    (target_row(assessment="rank"), 2, "not_level"),
])
def test_no_scenario_without_a_start_or_a_pace(row, assumed, reason):
    result = scenarios.evaluate(row, assumed)
    assert result.reason == reason
    assert result.pace is None and result.projected_value is None and result.year_reached is None
    assert result.status == progress.NOT_ENOUGH_DATA


def test_continuing_the_achieved_pace_equals_assuming_it():
    row = target_row(pace_achieved=1.25)
    assert scenarios.evaluate(row, scenarios.ACHIEVED) == scenarios.evaluate(row, 1.25)


def test_a_level_cannot_shrink_by_100_percent_a_year():
    with pytest.raises(ValueError):
        scenarios.evaluate(target_row(latest=100.0, target=200.0, share=False), -100)


def test_the_needed_pace_lands_on_the_target():
    for row in (target_row(), target_row(latest=100.0, target=200.0, share=False)):
        result = scenarios.evaluate(row, row["pace_needed"])
        assert result.projected_value == pytest.approx(row["target_value"])


@pytest.mark.parametrize("pace", [-5, -0.5, 0, 0.5, 3, 10])
def test_shares_stay_within_0_and_100(pace):
    for latest in (0.0, 50.0, 99.0):
        points = scenarios.path(target_row(latest=latest, target=100.0), pace)
        assert all(0 <= value <= 100 for _, value in points)


def test_path_starts_at_the_latest_actual_and_ends_in_the_target_year():
    points = scenarios.path(target_row(latest=29.53, latest_date=date(2025, 12, 31), target=35.0), 1)
    assert points[0] == (date(2025, 12, 31), 29.53)
    assert [day.year for day, _ in points[1:]] == [2026, 2027, 2028, 2029, 2030]
    assert points[-1][1] == pytest.approx(34.53)


def test_pace_options_round_trip_through_the_url():
    options = scenarios.pace_options("pp")
    assert options[:2] == [scenarios.OFF, scenarios.ACHIEVED]
    assert "2.5" in options and "-5" in options and "10" in options and "2.50" not in options
    assert scenarios.parse_pace_option("2.5") == 2.5
    assert scenarios.parse_pace_option(scenarios.OFF) is None
    assert scenarios.parse_pace_option(scenarios.ACHIEVED) == scenarios.ACHIEVED
    assert all(scenarios.pace_id(scenarios.parse_pace_option(o)) == o for o in options[2:])
    assert "45" in scenarios.pace_options("pct")


def test_target_ids_are_ascii_stable_and_unique():
    rows = pd.DataFrame([target_row(), target_row(scope="excluding_samsung"), target_row(target=31.0),
                         target_row(latest=None), target_row(assessment="rank")])
    found = scenarios.scenario_targets(rows)
    assert list(found) == ["digital_economy_share_grdp-thai_nguyen-2030",
                           "digital_economy_share_grdp-thai_nguyen-2030-excluding_samsung",
                           "digital_economy_share_grdp-thai_nguyen-2030-2"]
    assert all(key.isascii() for key in found)
    assert scenarios.default_target(found) == "digital_economy_share_grdp-thai_nguyen-2030"
    assert scenarios.holds(rows, target_row())


@pytest.mark.parametrize("lang, projected, year, status", [
    ("vi", "34,53 %", "2031", "◆ Cần tăng tốc"),
    ("en", "34.53%", "2031", "◆ Acceleration needed"),
])
def test_results_read_the_vietnamese_way(lang, projected, year, status):
    row = target_row(latest=29.53, latest_date=date(2025, 12, 31), target=35.0, qualifier="about")
    result = scenarios.evaluate(row, 1)
    assert [value for _, value in scenarios.result_metrics(row, result, lang)] == [projected, year, status]
    assert ("+1,00 điểm %/năm" if lang == "vi" else "+1.00 pp/year") in scenarios.explanation(row, result, lang)


def test_scenario_line_is_labelled_and_unlike_the_required_path():
    row = target_row(latest=29.53, latest_date=date(2025, 12, 31), target=35.0)
    figure = base.apply_layout(go.Figure(), "vi", "x")
    base.add_path(figure, [date(2025, 12, 31), date(2030, 12, 31)], [29.53, 35.0], "path", "thai_nguyen", "dash",
                  legend_name="Lộ trình cần thiết (nét đứt)")
    scenarios.add_scenario_line(figure, row, scenarios.evaluate(row, 1), "vi")
    spec = json.loads(figure.to_json())
    line = [trace for trace in spec["data"] if trace["name"].startswith("Kịch bản (giả định)")]
    assert len(line) == 1
    assert line[0]["line"]["dash"] == "longdash" != spec["data"][0]["line"]["dash"]
    assert [text for text in line[0]["text"] if text] == ["Kịch bản (giả định)"], "labelled on the line"
    assert line[0]["hovertext"][-1] == "Kịch bản (giả định) · 2030: 34,53 %"
    assert "+1,00 điểm %/năm" in line[0]["name"]


def test_no_line_without_a_pace():
    row = target_row()
    figure = base.apply_layout(go.Figure(), "vi", "x")
    scenarios.add_scenario_line(figure, row, scenarios.evaluate(row, scenarios.ACHIEVED), "vi")
    assert not figure.data
