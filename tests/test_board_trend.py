"""The board's small trend lines say no more than the values: points spaced by time, a scale from zero for values
that cannot be negative (two close values from two sources are a flat line, not a fall), and none for one value."""
from __future__ import annotations

import re
from datetime import date

import pytest

from provdash import answers
from provdash.queries import connect_readonly, run_query


def points(svg: str) -> list[tuple[float, float]]:
    found = re.search(r'points="([^"]+)"', svg).group(1)
    return [tuple(float(v) for v in pair.split(",")) for pair in found.split()]


def row(year: int, month: int, day: int, value: float, source: str = "s") -> dict:
    return dict(jurisdiction="thai_nguyen", scope="province", method="", period_end=date(year, month, day),
                value=value, source_id=source)


def test_one_value_draws_no_line():
    assert answers.trend([row(2023, 4, 3, 1471)], row(2023, 4, 3, 1471), "vi") == ((), "", ())
    assert answers.sparkline_svg((1471.0,)) == ""


def test_two_close_values_draw_a_nearly_flat_line():
    """Thái Nguyên's established zone land: nearly 1.500 ha (2022, one source), about 1.471 ha (2023, another)."""
    svg = answers.sparkline_svg((1500.0, 1471.0), (2022.55, 2023.25), height=18)
    (_, y1), (_, y2) = points(svg)
    assert abs(y2 - y1) < 0.5, (y1, y2)  # 2 % of a 13 px scale, not its full height


def test_a_real_rise_is_drawn_as_one():
    svg = answers.sparkline_svg((2.0, 8.43), (2019.0, 2025.0), height=18)
    (_, y1), (_, y2) = points(svg)
    assert y1 - y2 > 8  # SVG y grows downwards


def test_points_are_spaced_by_time_not_by_count():
    svg = answers.sparkline_svg((1.0, 2.0, 3.0), (2018.0, 2019.0, 2024.0), width=72)
    (x1, _), (x2, _), (x3, _) = points(svg)
    assert x2 - x1 == pytest.approx((x3 - x1) / 6, abs=0.1)


def test_negative_values_keep_zero_inside_the_scale():
    svg = answers.sparkline_svg((-5.0, 10.0), (2020.0, 2021.0), height=18)
    (_, y1), (_, y2) = points(svg)
    assert 2 <= y2 < y1 <= 16


def test_trend_gives_the_times_of_its_values():
    rows = [row(2022, 7, 20, 1500, "a"), row(2023, 4, 3, 1471, "b"), {**row(2024, 1, 1, 9), "scope": "kcn_only"}]
    values, caption, when = answers.trend(rows, rows[1], "vi")
    assert values == (1500.0, 1471.0)
    assert when[0] == pytest.approx(2022 + 200 / 366) and when[1] == pytest.approx(2023 + 92 / 366)
    assert "2022" in caption and "2023" in caption


def test_board_lines_carry_a_time_for_every_trend_value(built_db):
    con = connect_readonly(built_db)
    board = answers.from_store(lambda name, **params: run_query(con, name, **params), "vi")
    lines = [line for answer in board.answers for line in answer.lines if line.trend]
    assert lines, "no line of the board has a trend on the shipped data"
    for line in lines:
        assert len(line.trend_when) == len(line.trend) and list(line.trend_when) == sorted(line.trend_when)


@pytest.mark.parametrize(("lang", "words"), [("vi", "số liệu duy nhất của chuỗi"), ("en", "only value of its series")])
def test_a_headline_without_a_trend_says_it_is_the_only_value(built_db, lang, words):
    """Thin data said plainly: the merged provinces' digital-economy shares are one value each (2025); a line
    with a series draws its trend instead."""
    from provdash import board_view

    con = connect_readonly(built_db)
    board = answers.from_store(lambda name, **params: run_query(con, name, **params), lang)
    lines = [line for answer in board.answers for line in answer.lines if line.headline is not None]
    for line in lines:
        text = board_view.line_markdown(line, "", lang)
        assert (words in text) == (not line.trend), (line.key, text)
    digital = next(answer for answer in board.answers if answer.key == "digital")
    assert all(words in board_view.line_markdown(line, "", lang) for line in digital.lines)
