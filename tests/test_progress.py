"""Status maths (Open SDG method), table-tested including the edge cases named in the issue."""
from __future__ import annotations

import math
from datetime import date

import pytest

from provdash import progress as p
from provdash.progress import Point

T = p.Thresholds(0.95, 0.60)


@pytest.mark.parametrize("actuals, target, direction, qualifier, share, expected", [
    # already met: 42.92 % in 2022 against 20 % for 2025
    ([Point(2022, 42.92)], Point(2025, 20), "higher", "", True, p.ACHIEVED),
    # "over 30 %": exactly 30 is not yet over
    ([Point(2020, 20), Point(2022, 30)], Point(2030, 30), "higher", "over", True, p.ON_TRACK),
    # one data point, not met → not enough data
    ([Point(2022, 10)], Point(2025, 20), "higher", "", True, p.NOT_ENOUGH_DATA),
    # no data at all
    ([], Point(2025, 20), "higher", "", True, p.NOT_ENOUGH_DATA),
    # on track: achieved growth equals required growth
    ([Point(2020, 100), Point(2022, 121)], Point(2024, 146.41), "higher", "", False, p.ON_TRACK),
    # acceleration needed: R about 0.75
    ([Point(2020, 100), Point(2022, 107.5)], Point(2030, 170), "higher", "", False, p.ACCELERATION_NEEDED),
    # limited progress: barely moving
    ([Point(2020, 100), Point(2022, 101)], Point(2030, 200), "higher", "", False, p.LIMITED_PROGRESS),
    # deterioration: going the wrong way
    ([Point(2020, 100), Point(2022, 90)], Point(2030, 200), "higher", "", False, p.DETERIORATION),
    # lower is better: falling fast enough
    ([Point(2020, 100), Point(2022, 81)], Point(2024, 65.61), "lower", "", False, p.ON_TRACK),
    # lower is better: rising is deterioration
    ([Point(2020, 100), Point(2022, 110)], Point(2030, 50), "lower", "", False, p.DETERIORATION),
    # base of zero: compared on absolute yearly change (5 a year needed, 5 a year achieved)
    ([Point(2020, 0), Point(2022, 10)], Point(2030, 50), "higher", "", False, p.ON_TRACK),
    # values after the target year do not count
    ([Point(2020, 10), Point(2031, 90)], Point(2030, 50), "higher", "", False, p.NOT_ENOUGH_DATA),
])
def test_assess_level(actuals, target, direction, qualifier, share, expected):
    assert p.assess_level(actuals, target, direction, qualifier, share, T).status == expected


def test_ratio_and_paces_follow_the_formulas():
    result = p.assess_level([Point(2020, 100), Point(2022, 107.5)], Point(2030, 170), thresholds=T)
    cagr_a = 1.075 ** 0.5 - 1
    cagr_r = 1.7 ** 0.1 - 1
    assert result.ratio == pytest.approx(cagr_a / cagr_r)
    assert result.pace_achieved == pytest.approx(cagr_a * 100)
    assert result.pace_needed == pytest.approx(((170 / 107.5) ** (1 / 8) - 1) * 100)
    assert result.gap == pytest.approx(62.5)


def test_share_paces_are_percentage_points_per_year():
    result = p.assess_level([Point(2020, 10), Point(2022, 14)], Point(2030, 30), share=True, thresholds=T)
    assert result.pace_achieved == pytest.approx(2.0)
    assert result.pace_needed == pytest.approx(2.0)


@pytest.mark.parametrize("ratio, expected", [
    (1.2, p.ON_TRACK), (0.95, p.ON_TRACK), (0.9499, p.ACCELERATION_NEEDED), (0.60, p.ACCELERATION_NEEDED),
    (0.5999, p.LIMITED_PROGRESS), (0.0, p.LIMITED_PROGRESS), (-0.01, p.DETERIORATION), (math.inf, p.ON_TRACK),
])
def test_classify_thresholds(ratio, expected):
    assert p.classify(ratio, T) == expected


def test_thresholds_come_from_configuration():
    assert p.configured_thresholds() == p.Thresholds(0.95, 0.60)
    assert "Open SDG" in p.method_names()["en"]


def _year(year: int) -> float:
    """A value for a calendar year sits at its last day (2022-12-31 → 2023.0)."""
    return p.decimal_year(date(year, 12, 31))


@pytest.mark.parametrize("actuals, target, expected", [
    # before the target year's rank is published: on or off track from the latest rank
    ([Point(_year(2022), 8)], Point(_year(2025), 15), p.ON_TRACK),
    ([Point(_year(2021), 8), Point(_year(2022), 18)], Point(_year(2025), 15), p.OFF_TRACK),
    ([Point(_year(2022), 15)], Point(_year(2025), 15), p.ON_TRACK),  # "in the top 15" includes 15th
    ([], Point(_year(2025), 15), p.NOT_ENOUGH_DATA),
    # the target year's rank decides, whatever came before
    ([Point(_year(2022), 30), Point(_year(2025), 12)], Point(_year(2025), 15), p.MET),
    ([Point(_year(2022), 8), Point(_year(2025), 18)], Point(_year(2025), 15), p.NOT_MET),
    # no rank for 2025 but one for 2026: judged on the first published after the target year
    ([Point(_year(2024), 30), Point(_year(2026), 9)], Point(_year(2025), 10), p.MET),
    ([Point(_year(2025), 9), Point(_year(2026), 20)], Point(_year(2025), 10), p.MET),
])
def test_assess_rank(actuals, target, expected):
    assert p.assess_rank(actuals, target).status == expected


def test_a_rank_judged_early_carries_the_year_of_its_rank():
    result = p.assess_rank([Point(_year(2020), 12), Point(_year(2022), 8)], Point(_year(2025), 15))
    assert result.status == p.ON_TRACK and p.calendar_year(result.latest.time) == 2022


@pytest.mark.parametrize("actuals, target, expected", [
    ([Point(2025, 11.0)], Point(2025, 10.5), p.MET),
    ([Point(2025, 9.0)], Point(2025, 10.5), p.NOT_MET),
    ([Point(2024, 12.0)], Point(2025, 10.5), p.NOT_ENOUGH_DATA),  # the target year is not measured yet
])
def test_assess_threshold(actuals, target, expected):
    assert p.assess_threshold(actuals, target).status == expected


@pytest.mark.parametrize("latest, pace, share, year, expected", [
    (Point(2025, 29.53), 2.0, True, 2030, 39.53),
    (Point(2025, 95.0), 5.0, True, 2030, 100.0),     # shares capped at 100 %
    (Point(2025, 10.0), -5.0, True, 2030, 0.0),      # and at 0 %
    (Point(2025, 100.0), 10.0, False, 2027, 121.0),  # levels grow by a percentage a year
    (Point(2025, 100.0), 0.0, False, 2030, 100.0),   # a pace of zero stays flat
])
def test_project(latest, pace, share, year, expected):
    assert p.project(latest, [year], pace, share)[0].value == pytest.approx(expected)


def test_decimal_year():
    assert p.decimal_year(date(2022, 12, 31)) == pytest.approx(2023.0)
    assert p.decimal_year(date(2024, 1, 1)) == pytest.approx(2024 + 1 / 366)
