"""Periods the way planners say them ↔ first and last day and label; days typed DD/MM/YYYY (pure)."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provdash import period_choice as pc

PUBLISHED = date(2024, 8, 16)


@pytest.mark.parametrize("choice, year, from_year, day, start, end, label", [
    ("year", 2024, None, None, date(2024, 1, 1), date(2024, 12, 31), "năm 2024"),
    ("months_6", 2024, None, None, date(2024, 1, 1), date(2024, 6, 30), "6 tháng đầu năm 2024"),
    ("months_10", 2024, None, None, date(2024, 1, 1), date(2024, 10, 31), "10 tháng năm 2024"),
    ("months_2", 2024, None, None, date(2024, 1, 1), date(2024, 2, 29), "2 tháng đầu năm 2024"),
    ("quarter_1", 2025, None, None, date(2025, 1, 1), date(2025, 3, 31), "quý I/2025"),
    ("quarter_4", 2024, None, None, date(2024, 10, 1), date(2024, 12, 31), "quý IV/2024"),
    ("now", None, None, None, PUBLISHED, PUBLISHED, "đến nay"),
    ("year_to_date", None, None, None, date(2024, 1, 1), PUBLISHED, "từ đầu năm đến nay"),
    ("as_of", None, None, "12/06/2024", date(2024, 6, 12), date(2024, 6, 12), "đến ngày 12/6/2024"),
    ("year_end", 2024, None, None, date(2024, 12, 31), date(2024, 12, 31), "đến hết năm 2024"),
    ("month_12", 2022, None, None, date(2022, 12, 31), date(2022, 12, 31), "tháng 12/2022"),
    ("until_year", 2030, None, None, date(2030, 1, 1), date(2030, 12, 31), "đến năm 2030"),
    ("multi_year", 2025, 2021, None, date(2021, 1, 1), date(2025, 12, 31), "giai đoạn 2021-2025"),
    ("year", 2024.0, None, None, date(2024, 1, 1), date(2024, 12, 31), "năm 2024"),   # a number cell gives floats
])
def test_a_chosen_period_resolves_to_days_and_words(choice, year, from_year, day, start, end, label):
    assert pc.resolve(choice, year, from_year, day, PUBLISHED) == pc.Period(start, end, label)


@pytest.mark.parametrize("choice, year, from_year, day, published, code", [
    ("bogus", 2024, None, None, PUBLISHED, "choice"),
    (None, 2024, None, None, PUBLISHED, "choice"),
    ("year", None, None, None, PUBLISHED, "year"),
    ("year", 24, None, None, PUBLISHED, "year"),
    ("year", 2024.5, None, None, PUBLISHED, "year"),
    ("multi_year", 2025, None, None, PUBLISHED, "from_year"),
    ("multi_year", 2025, 2025, None, PUBLISHED, "from_year_order"),
    ("now", None, None, None, None, "now_needs_published"),
    ("as_of", None, None, "2024-06-12", PUBLISHED, "day_format"),
    ("as_of", None, None, "31/02/2024", PUBLISHED, "day_impossible"),
    ("as_of", None, None, "", PUBLISHED, "day_format"),
])
def test_an_incomplete_period_says_why(choice, year, from_year, day, published, code):
    with pytest.raises(pc.PeriodError) as caught:
        pc.resolve(choice, year, from_year, day, published)
    assert caught.value.code == code


@pytest.mark.parametrize("typed, day", [
    ("12/06/2024", date(2024, 6, 12)),      # never 6 December, whatever the browser's locale
    ("1/2/2025", date(2025, 2, 1)),
    (" 05-01-2025 ", date(2025, 1, 5)),
    ("31.12.2024", date(2024, 12, 31)),
])
def test_days_are_read_day_first(typed, day):
    assert pc.parse_day(typed) == day


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_a_day_shown_is_read_back_as_the_same_day(day):
    assert pc.parse_day(pc.format_day(day)) == day


@pytest.mark.parametrize("start, end, label, choice", [
    (date(2024, 1, 1), date(2024, 12, 31), "năm 2024", pc.Choice("year", 2024)),
    (date(2030, 1, 1), date(2030, 12, 31), "đến năm 2030", pc.Choice("until_year", 2030)),
    (date(2024, 1, 1), date(2024, 6, 30), "6 tháng đầu năm 2024", pc.Choice("months_6", 2024)),
    (date(2024, 1, 1), date(2024, 3, 31), "quý I/2024", pc.Choice("quarter_1", 2024)),
    (date(2024, 1, 1), date(2024, 3, 31), "3 tháng đầu năm 2024", pc.Choice("months_3", 2024)),
    (date(2024, 4, 1), date(2024, 6, 30), "quý II/2024", pc.Choice("quarter_2", 2024)),
    (PUBLISHED, PUBLISHED, "hiện nay", pc.Choice("now")),
    (date(2024, 1, 1), PUBLISHED, "Từ đầu năm đến nay", pc.Choice("year_to_date")),
    (PUBLISHED, PUBLISHED, "lũy kế đến nay", pc.Choice("now")),
    (date(2024, 12, 31), date(2024, 12, 31), "đến hết năm 2024", pc.Choice("year_end", 2024)),
    (date(2024, 12, 31), date(2024, 12, 31), "tháng 12/2024", pc.Choice("month_12", 2024)),
    (date(2024, 6, 1), date(2024, 6, 30), "tháng 6/2024", pc.Choice("month_6", 2024)),
    (date(2024, 7, 15), date(2024, 7, 15), "15/07/2024", pc.Choice("as_of", day="15/07/2024")),
    (date(2021, 1, 1), date(2030, 12, 31), "thời kỳ 2021-2030", pc.Choice("multi_year", 2030, 2021)),
    (date(2023, 1, 1), date(2024, 10, 31), "2 năm qua", None),
    (None, None, "đầu năm 2024", None),
])
def test_the_extractors_period_becomes_a_choice(start, end, label, choice):
    assert pc.from_dates(start, end, label, PUBLISHED) == choice


@pytest.mark.parametrize("choice", pc.CHOICES)
def test_every_choice_has_words_in_both_languages_and_resolves(choice):
    assert pc.choice_label(choice, "vi") and pc.choice_label(choice, "en")
    assert pc.choice_label(choice, "vi") != pc.choice_label(choice, "en") or choice.startswith("quarter")
    period = pc.resolve(choice, 2024, 2021, "12/06/2024", PUBLISHED)
    assert period.start <= period.end and period.label
    found = pc.from_dates(period.start, period.end, period.label, PUBLISHED)
    assert found is not None and pc.resolve(found.choice, found.year, found.from_year, found.day, PUBLISHED) == period
