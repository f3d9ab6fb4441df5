"""Where a merged province stands against the levels its predecessor had set: said for reference beside the
superseded goals, never as their status, and only from an exact value of the successor itself."""
from __future__ import annotations

from datetime import date

import pytest

from provdash import answers, progress
from provdash.queries import connect_readonly, run_query

MERGED = dict(jurisdiction="thai_nguyen_2025", unit="pct", scope="province", qualifier="",
              value=29.53, period_end=date(2025, 12, 31))


def old_goal(level: float, year: int, qualifier: str = "") -> dict:
    return dict(status=progress.SUPERSEDED, successor="thai_nguyen_2025", jurisdiction="thai_nguyen", unit="pct",
                scope="province", target_value=level, target_year=year, qualifier=qualifier)


GOALS = [old_goal(20, 2025), old_goal(30, 2030, "over")]


@pytest.mark.parametrize(("lang", "expected"), [
    ("vi", "tỉnh mới năm 2025: trên mức 20 %, dưới mức 30 % (để đối chiếu)"),
    ("en", "merged province in 2025: above 20%, below 30% (for reference)"),
])
def test_merged_thai_nguyen_2025_against_the_old_20_and_30_percent(lang, expected):
    assert answers._against_old_levels(MERGED, GOALS, lang) == expected


def test_a_hedged_value_is_not_set_against_levels():
    assert answers._against_old_levels({**MERGED, "qualifier": "about"}, GOALS, "vi") == ""


def test_the_old_provinces_own_value_is_not_set_against_them():
    """42,92 % of the old province (2022) is its own series: the goals' status (superseded) says what there is."""
    own = {**MERGED, "jurisdiction": "thai_nguyen", "value": 42.92, "period_end": date(2022, 12, 31)}
    assert answers._against_old_levels(own, GOALS, "vi") == ""


def test_an_about_level_close_to_the_value_is_neither_above_nor_below():
    goals = [old_goal(30, 2030, "about"), old_goal(20, 2025)]
    assert answers._against_old_levels(MERGED, goals, "vi") == "tỉnh mới năm 2025: trên mức 20 % (để đối chiếu)"


def test_other_units_or_scopes_are_left_out():
    goals = [{**old_goal(20, 2025), "scope": "kcn_only"}, {**old_goal(5, 2025), "unit": "vnd_tn"}]
    assert answers._against_old_levels(MERGED, goals, "vi") == ""


@pytest.mark.parametrize(("lang", "thai", "vinh"), [
    ("vi", "tỉnh mới năm 2025: trên mức 20 %, dưới mức 30 %", "tỉnh mới năm 2025: dưới mức 25 %, 35 %, 60 %"),
    ("en", "merged province in 2025: above 20%, below 30%", "merged province in 2025: below 25%, 35%, 60%"),
])
def test_the_board_says_it_for_both_provinces(built_db, lang, thai, vinh):
    con = connect_readonly(built_db)
    board = answers.from_store(lambda name, **params: run_query(con, name, **params), lang)
    digital = next(answer for answer in board.answers if answer.key == "digital")
    texts = [" ".join([line.status_text, *line.notes]) for line in digital.lines]
    assert thai in texts[0] and vinh in texts[1], texts
    # the old goals stay superseded: the main status of Vĩnh Phúc → Phú Thọ is still the merger
    assert digital.lines[1].status == progress.SUPERSEDED
