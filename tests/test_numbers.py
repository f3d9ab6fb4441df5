"""Vietnamese number parsing and formatting (pure functions, table tests and properties)."""
from datetime import date

import pytest
from hypothesis import given, strategies as st

from provdash.numbers import format_day, format_number, format_percent, format_signed, numbers_in, parse_vn_number


@pytest.mark.parametrize("text, expected", [
    ("1.030", 1030.0),
    ("8,91", 8.91),
    ("11, 2", 11.2),        # a typo in the captures: a space after the decimal comma
    ("3.985,5", 3985.5),
    ("4.245", 4245.0),
    ("2.067", 2067.0),
    ("0", 0.0),
    ("119,2", 119.2),
    ("12,03", 12.03),
])
def test_parse_vn_number(text, expected):
    assert parse_vn_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "1.03", "12.5", "1..0"])
def test_parse_vn_number_rejects(text):
    with pytest.raises(ValueError):
        parse_vn_number(text)


@pytest.mark.parametrize("text, expected", [
    ("trên 556 triệu USD và trên 5.088 tỷ đồng", [556, 5088]),
    ("đứng thứ 10/63, 3.985,5 tỷ", [10, 63, 3985.5]),
    ("vốn đăng ký đạt 11, 2 tỷ USD", [11.2]),
    ("KCN Sông Công II", []),
])
def test_numbers_in(text, expected):
    assert numbers_in(text) == pytest.approx(expected)


@pytest.mark.parametrize("value, lang, expected", [
    (1030.5, "vi", "1.030,5"),
    (518.54, "vi", "518,54"),
    (689.955, "vi", "689,955"),
    (1030.5, "en", "1,030.5"),
    (42.92, "vi", "42,92"),
    (1030.0, "vi", "1.030"),
    (11.2, "vi", "11,2"),
    (None, "vi", "–"),
])
def test_format_number(value, lang, expected):
    assert format_number(value, lang) == expected


def test_format_percent_and_sign():
    assert format_percent(18.2, "vi") == "18,2 %"
    assert format_percent(18.2, "en") == "18.2%"
    assert format_signed(-1.25, "vi") == "−1,25"
    assert format_signed(2.5, "en") == "+2.5"
    assert format_number(3, "vi", decimals=1) == "3,0"


def test_format_day():
    assert format_day(date(2024, 8, 16), "vi") == "16/8/2024"
    assert format_day(date(2024, 8, 16), "en") == "16 Aug 2024"


@given(st.floats(min_value=0, max_value=1e12, allow_nan=False))
def test_format_then_parse_round_trip(value):
    text = format_number(value, "vi", decimals=2)
    assert parse_vn_number(text) == pytest.approx(value, abs=0.0051, rel=1e-12)
