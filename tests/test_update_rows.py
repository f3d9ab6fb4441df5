"""The update page's rows (pure): candidates → rows in the planner's terms → curated rows, with every problem in
the page's language; numbers typed in the page's style; indicators found without accents."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from provdash import update
from provdash.queries import connect_readonly, run_query

PUBLISHED = date(2024, 8, 16)


@pytest.fixture(scope="module")
def catalogue(built_db) -> update.Catalogue:
    with connect_readonly(built_db) as con:
        return update.Catalogue.from_frame(run_query(con, "update_vocabulary"))


@pytest.mark.parametrize("typed, lang, value", [
    ("1.030,5", "vi", 1030.5), ("1030,5", "vi", 1030.5), ("18,2", "vi", 18.2), ("1.030", "vi", 1030.0),
    ("18.25", "vi", 18.25), ("-2,5", "vi", -2.5), ("−2,5", "vi", -2.5), ("1 030,5", "vi", 1030.5),
    ("1,030.5", "en", 1030.5), ("1030.5", "en", 1030.5), ("1,030", "en", 1030.0), ("18,2", "en", 18.2),
    (518.54, "vi", 518.54),
])
def test_values_are_read_in_the_pages_number_style(typed, lang, value):
    assert update.parse_value(typed, lang) == pytest.approx(value)


@pytest.mark.parametrize("typed", ["", "abc", "1,2,3", "1.2.3,4,5", "12%", "nan", float("inf")])
def test_what_is_not_a_number_is_refused(typed):
    with pytest.raises(ValueError):
        update.parse_value(typed, "vi")


@pytest.mark.parametrize("value, lang", [(1030.5, "vi"), (518.54, "vi"), (0.25, "en"), (12000, "en"), (7, "vi")])
def test_a_shown_value_is_read_back_unchanged(value, lang):
    assert update.parse_value(update.format_value(value, lang), lang) == pytest.approx(value)


def test_accent_folding_treats_d_with_stroke_as_d():
    assert update.fold("Đầu tư ĐỔI MỚI") == "dau tu doi moi"


def test_rows_with_anything_unresolved_are_never_ticked(catalogue):
    text = ("Năm 2023, tỉnh Thái Nguyên thu hút 41 dự án FDI cấp mới. Công ty TNHH Samsung Electronics Việt Nam "
            "Thái Nguyên hiện có khoảng 60.000 người lao động. Đầu năm 2024 có thêm 5 dự án.")
    rows, _ = update.candidate_rows(text, PUBLISHED, catalogue)
    by_value = dict(zip(rows["value"], rows["keep"]))
    assert by_value["41"] is True or by_value["41"] == True  # noqa: E712  (numpy bool)
    assert not by_value["60.000"], "one company's headcount is not an indicator"
    assert not by_value["5"], "“đầu năm 2024” is not a period the table can state"
    assert rows.index.tolist() == [1, 2, 3], "rows are numbered from 1, as the planner sees them"


def frame(**columns) -> pd.DataFrame:
    row = {"keep": True, "indicator": "fdi_new_projects", "jurisdiction": "thai_nguyen", "period": "year",
           "year": 2024, "from_year": None, "day": None, "value": "22", "unit": "projects", "kind": "actual",
           "qualifier": None, "scope": "province", "method": None, "quote": "22 dự án", "note": None}
    row.update(columns)
    return pd.DataFrame([row], index=[1])


def test_a_good_row_becomes_a_curated_row(catalogue):
    reviewed = update.review(frame(), catalogue, PUBLISHED, "vi")
    assert reviewed.problems == [] and reviewed.numbers == [1]
    assert reviewed.rows == [{"indicator": "fdi_new_projects", "jurisdiction": "thai_nguyen",
                              "period_start": "2024-01-01", "period_end": "2024-12-31", "period_label": "năm 2024",
                              "value": "22", "unit": "projects", "kind": "actual", "qualifier": "",
                              "scope": "province", "method": "", "quote": "22 dự án", "note": ""}]


def test_the_articles_words_for_an_unchanged_period_are_kept(catalogue):
    from provdash import period_choice
    suggested = {1: update.Suggested(period_choice.Choice("year", 2024), "Trong năm 2024")}
    assert update.review(frame(), catalogue, PUBLISHED, "vi", suggested).rows[0]["period_label"] == "Trong năm 2024"
    assert update.review(frame(year=2023), catalogue, PUBLISHED, "vi", suggested).rows[0]["period_label"] == "năm 2023"


@pytest.mark.parametrize("change, vi, en", [
    ({"indicator": None}, "chưa có Chỉ tiêu", "Indicator is missing"),
    ({"period": None}, "chưa có Kỳ", "Period is missing"),
    ({"year": None}, "chưa có năm", "the year is missing"),
    ({"value": "hai mươi"}, "không phải là số", "is not a number"),
    ({"unit": "pct", "indicator": "fdi_attraction_rank", "value": "130"}, "lớn hơn mức cao nhất", "above the largest"),
    ({"period": "as_of", "day": "2024-06-12"}, "DD/MM/YYYY", "DD/MM/YYYY"),
    ({"period": "now"}, "cần ngày đăng bài", "needs the article's date"),
    ({"period": "year", "year": 2026}, "chỉ tồn tại đến 30/06/2025", "existed until 30/06/2025"),
    ({"jurisdiction": "ha_noi"}, "không có trong danh mục", "is not in the catalogue"),
])
def test_every_problem_is_said_in_the_pages_language(catalogue, change, vi, en):
    published = None if change.get("period") == "now" else PUBLISHED
    for lang, expected in (("vi", vi), ("en", en)):
        reviewed = update.review(frame(**change), catalogue, published, lang)
        assert reviewed.rows == []
        assert any(expected in message for _, message in reviewed.problems), (lang, reviewed.problems)


def test_two_rows_saying_the_same_thing_are_caught(catalogue):
    rows = pd.concat([frame(), frame(value="23")]).set_axis([1, 2])
    reviewed = update.review(rows, catalogue, PUBLISHED, "en")
    assert reviewed.problems == [(2, "the same as row 1 (same indicator, place, period, kind, scope, method)")]


def test_unticked_rows_are_not_checked(catalogue):
    assert update.review(frame(keep=False, indicator=None), catalogue, PUBLISHED, "vi").problems == []


def test_a_unit_of_another_kind_is_warned_about(catalogue):
    reviewed = update.review(frame(unit="ha"), catalogue, PUBLISHED, "vi")
    assert reviewed.rows and "khác loại" in reviewed.warnings[0][1]


@pytest.mark.parametrize(("typed", "stored"), [
    ("https://baothainguyen.vn/bai-viet", "https://baothainguyen.vn/bai-viet"),
    ("baothainguyen.vn/bai-viet?id=3", "https://baothainguyen.vn/bai-viet?id=3"),
    ("www.vinhphuc.gov.vn", "https://www.vinhphuc.gov.vn"),
    ("HTTP://Bao.vn/a", "http://Bao.vn/a"),
    ("  https://bao.vn/a  ", "https://bao.vn/a"),
    ("bài báo ngày 5/4", None), ("localhost", None), ("ftp://bao.vn/a", None), ("javascript:alert(1)", None),
    ("", None),
])
def test_the_articles_address_is_completed_or_refused(typed, stored):
    assert update.source_url(typed) == stored
