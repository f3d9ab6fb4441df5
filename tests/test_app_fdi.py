"""AppTest of the FDI page (app_pages/foreign_investment.py) against the real database: default view and URL
parameters, both languages, the KCN-only wording, partial periods on the bars, hostile parameters."""
from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from provdash import paths
from provdash.figures import base
from tests.conftest import open_app_page

PAGE = "app_pages/foreign_investment.py"


def open_page(built_db, **query) -> AppTest:
    """The entry point with `query` in the URL, then a switch to the FDI page (as a click in the sidebar would)."""
    return open_app_page(PAGE, check_entry=True, **query)


def figures(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def by_title(specs: list[dict], start: str) -> dict:
    return next(spec for spec in specs if spec["layout"]["title"]["text"].startswith(start))


def bar_labels(spec: dict) -> list[str]:
    return [y for trace in spec["data"] if trace["type"] == "bar" for y in trace["y"]]


def all_captions(at: AppTest) -> str:
    return "\n".join(c.value for c in at.caption)


@pytest.fixture(scope="module")
def default_vi(built_db):
    return open_page(built_db)


@pytest.fixture(scope="module")
def default_en(built_db):
    return open_page(built_db, lang="en")


def test_default_view_in_vietnamese(default_vi):
    at = default_vi
    assert not at.exception
    assert at.title[0].value == "Thu hút đầu tư nước ngoài (FDI)"
    assert [s.value for s in at.subheader] == ["Xếp hạng thu hút FDI cả nước", "Tăng trưởng giữa các kỳ so sánh được"]
    # the amounts per period: a chart per indicator, in tabs within their tab (so an open tab stays short)
    assert [tab.label for tab in at.tabs] == [
        "Vốn đăng ký lũy kế", "Dự án còn hiệu lực",
        "Vốn cấp mới, tăng thêm theo kỳ", "Vốn FDI cấp mới và tăng thêm", "Vốn FDI cấp mới", "Vốn FDI tăng thêm",
        "Dự án mới, tăng vốn theo kỳ", "Dự án FDI cấp mới", "Lượt dự án FDI tăng vốn",
        "Tăng trưởng giữa các kỳ so sánh được"]
    # the old province's newest rank (2024) and the merged province's rank for January-February 2026, each with
    # its period under the card so a two-month rank is not read as a yearly one
    assert {m.label: m.value for m in at.metric} == {"Xếp hạng thu hút vốn FDI – Thái Nguyên (trước sáp nhập)": "thứ 10/63",
                                                     "Xếp hạng thu hút vốn FDI – Thái Nguyên (sau sáp nhập)": "thứ 1/34"}
    assert "2 tháng đầu năm 2026" in all_captions(at)
    specs = figures(at)
    assert len(specs) == 7
    assert all(spec["layout"]["separators"] == ",." for spec in specs)
    # each chart per period is one indicator: one panel, the indicator's name in its title
    for spec, name in zip(specs[2:], ("Vốn FDI cấp mới và tăng thêm", "Vốn FDI cấp mới", "Vốn FDI tăng thêm",
                                      "Dự án FDI cấp mới", "Lượt dự án FDI tăng vốn")):
        assert f"– {name}," in spec["layout"]["title"]["text"]
        assert [a["text"] for a in spec["layout"]["annotations"]] == [f"{name} ({'dự án' if 'án' in name else 'triệu USD'})"]


def test_vinh_phuc_kcn_only_series_say_so(default_vi, default_en):
    for at, words in ((default_vi, "KCN"), (default_en, "industrial zones")):
        for title in (("Vốn FDI đăng ký lũy kế", "Cumulative registered FDI capital"),
                      ("Dự án FDI còn hiệu lực", "Active FDI projects")):
            spec = by_title(figures(at), title[0] if at is default_vi else title[1])
            vinh_phuc = [t["name"] for t in spec["data"] if t.get("name", "").startswith("Vĩnh Phúc")]
            assert len(vinh_phuc) == 2, vinh_phuc
            kcn = [n for n in vinh_phuc if words in n]
            assert len(kcn) == 1, vinh_phuc
            trace = next(t for t in spec["data"] if t.get("name") == kcn[0])
            assert trace["line"]["dash"] == "dash"
            assert all(words in hover for hover in trace["text"])  # the hover says it too
        assert words in all_captions(at)  # and the visible caveat line


def test_thai_nguyen_fall_in_cumulative_capital_is_explained(default_vi):
    text = all_captions(default_vi)
    assert "10,92 tỷ USD" in text and "thu hồi" in text
    spec = by_title(figures(default_vi), "Vốn FDI đăng ký lũy kế")
    assert any("giảm" in a["text"] for a in spec["layout"]["annotations"])


def test_bars_carry_the_period_words_and_mark_partial_periods(default_vi, default_en):
    capital = by_title(figures(default_vi), "Thái Nguyên (trước sáp nhập) – Vốn FDI cấp mới,")
    labels = bar_labels(capital)
    assert any("5 tháng đầu năm 2024 (kỳ chưa trọn năm)" in y for y in labels)
    assert any("10 tháng năm 2024 (kỳ chưa trọn năm)" in y and "KCN" in y for y in labels)
    assert any("năm 2023" in y and "kỳ chưa trọn năm" not in y for y in labels)
    combined = by_title(figures(default_vi), "Vĩnh Phúc – Vốn FDI cấp mới và tăng thêm")
    assert any("giai đoạn 2021-2025 (nhiều năm)" in y for y in bar_labels(combined))
    for trace in capital["data"]:
        if trace["type"] != "bar":
            continue
        partial = ["(kỳ chưa trọn năm)" in y for y in trace["y"]]
        assert all(partial) or not any(partial), trace["y"]  # never a full year in a partial-period series
        if all(partial):
            assert trace["marker"]["pattern"]["shape"] == "/"
    assert any("(part of a year)" in y for spec in figures(default_en)[2:] for y in bar_labels(spec))
    assert all(spec["layout"]["separators"] == ".," for spec in figures(default_en))


def test_growth_table_lists_only_comparable_pairs(default_vi):
    growth = default_vi.dataframe[-1].value
    assert {"Kỳ so sánh", "Số kỳ trước", "Số kỳ sau", "Tăng/giảm cả kỳ", "Bình quân mỗi năm"} <= set(growth.columns)
    row = growth[growth["Chỉ tiêu"] == "Vốn FDI cấp mới"].iloc[0]
    assert (row["Số kỳ trước"], row["Số kỳ sau"]) == ("trên 253,3 triệu USD", "518,54 triệu USD")
    assert row["Kỳ so sánh"] == "năm 2023 → năm 2024 (1 năm)"
    assert row["Tăng/giảm cả kỳ"] == "khoảng +104,7 %"
    assert not growth["Kỳ so sánh"].str.contains("tháng đầu năm").any()
    # a comparison two years apart says so, and gives the yearly rate
    two = growth[growth["Kỳ so sánh"].str.endswith("(2 năm)")]
    assert len(two) and two["Tăng/giảm cả kỳ"].str.contains(" sau 2 năm").all()
    assert two["Bình quân mỗi năm"].str.endswith("/năm").all()


def test_english_view(default_en):
    at = default_en
    assert not at.exception
    assert at.title[0].value == "Foreign direct investment (FDI)"
    assert {m.value for m in at.metric} == {"No. 10 of 63", "No. 1 of 34"}
    assert "Change over the span" in at.dataframe[-1].value.columns


def test_one_province_and_years_from_the_url(built_db):
    at = open_page(built_db, j=["vinh_phuc"], **{"from": "2020", "to": "2024"})
    assert not at.exception
    assert not at.metric  # the rank is Thái Nguyên's
    assert "Chưa có số liệu xếp hạng" in all_captions(at)
    for spec in figures(at):
        names = " ".join(t.get("name", "") for t in spec["data"]) + " ".join(bar_labels(spec))
        assert "Thái Nguyên" not in names
    capital = by_title(figures(at), "Vốn FDI đăng ký lũy kế")
    assert capital["layout"]["title"]["text"].endswith("Vĩnh Phúc 7,41 tỷ USD")  # January 2025 is outside the years


def test_no_comparable_pair_is_said(built_db):
    at = open_page(built_db, j=["thai_nguyen"], lang="en", **{"from": "2025", "to": "2030"})
    assert not at.exception
    assert any("No pair of comparable figures" in info.value for info in at.info)


@pytest.mark.parametrize("query", [
    {"j": ["<script>alert(1)</script>"], "from": "abc", "to": "99999"},
    {"j": ["thai_nguyen", "thai_nguyen", "nowhere"], "from": "2030", "to": "2019", "lang": "xx"},
    {"j": ["vinh_phuc"], "from": "-5", "to": "2019.5", "lang": "en"},
])
def test_hostile_query_parameters_do_not_break_the_page(built_db, query):
    at = open_page(built_db, **query)
    assert not at.exception
    assert at.title[0].value in ("Thu hút đầu tư nước ngoài (FDI)", "Foreign direct investment (FDI)")
    assert all("<script>" not in json.dumps(spec) for spec in figures(at))


def slide(built_db, number: int | None = None) -> AppTest:
    at = open_page(built_db, present="1")
    if number is not None:
        at.session_state["slide"] = number  # AppTest starts on the home page, which has one slide: choose it here
        at.run()
    assert not at.exception
    return at


def slide_total(at: AppTest) -> int:
    return int(re.findall(r"\d+", at.markdown[0].value)[-1])


def test_presenter_mode_shows_one_slide_at_a_time(built_db):
    """The main chart first, then the other charts (a long bar chart over several slides, each a page of its bars
    on one scale), the growth table, and the rank card last."""
    total = slide_total(slide(built_db))
    bars = {}
    for number in range(1, total + 1):
        at = slide(built_db, number)
        specs = figures(at)
        headings = [s.value for s in at.subheader]
        if number == total:
            assert (specs, headings) == ([], ["Xếp hạng thu hút FDI cả nước"])
        elif number == total - 1:
            assert (specs, headings) == ([], ["Tăng trưởng giữa các kỳ so sánh được"])
            assert len(at.table) == 1 and len(at.table[0].value) > 5  # all of it, scrolling in its frame
        else:
            assert len(specs) == 1 and headings == []
            assert specs[0]["layout"]["title"]["font"]["size"] == base.PRESENTER.title_size  # presenter sizes
            if number > 2:
                axis = specs[0]["layout"]["xaxis"]
                pages = bars.setdefault(axis["title"]["text"].split(" · ")[0], [])
                pages.append((len(bar_labels(specs[0])), axis["range"]))
    # every bar once, each indicator's bars on one scale over its slides
    assert {name: sum(n for n, _ in pages) for name, pages in bars.items()} == {
        name: len(bar_labels(spec)) for name, spec in
        ((spec["layout"]["annotations"][0]["text"], spec) for spec in figures(open_page(built_db))[2:])}
    assert all(len({str(r) for _, r in pages}) == 1 for pages in bars.values())
    assert any(len(pages) > 1 for pages in bars.values())


