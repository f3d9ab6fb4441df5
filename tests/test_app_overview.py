"""AppTest of the overview and digital-economy pages against the real database, in both languages."""
from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from provdash import paths
from tests.conftest import open_app_page as open_page




def figures(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def all_text(at: AppTest) -> str:
    text = "\n".join(e.value for e in list(at.markdown) + list(at.caption) + list(at.title) + list(at.subheader))
    return text.replace("\\", "").replace("**", "")  # drop Markdown escapes and bold


BOARD = {
    "vi": ["1. Kinh tế số (% GRDP)", "2. Vốn FDI đăng ký lũy kế", "3. Đất KCN đã thành lập so với quy hoạch",
           "4. So sánh hai tỉnh",
           # the digital-economy answer: value, year, method, place, source, and each province's own targets
           "29,53 % năm 2025 · PP Tổng cục Thống kê · tỉnh mới", "vietnam.vn",
           "≠ Các phương pháp cho kết quả khác nhau — mục tiêu khoảng 35 % (2026–2030)",
           "↪ Thay thế do sáp nhập từ 1/7/2025 — mục tiêu tỉnh cũ 20 % (2025), trên 30 % (2030)",
           "22,71 % năm 2025 · PP Tổng cục Thống kê · Phú Thọ mới",
           # FDI with its scope and comparable growth; zone land with the share of the plan
           "trên 11,9 tỷ USD ngày 11/3/2026 · tỉnh mới",  # the merged province's first value: no growth of its own
           "Tăng trưởng cùng kỳ gần nhất +1,9 % (12/2023 → 12/2024), tỉnh cũ",
           "chỉ trong các KCN", "3.146 ha ngày 6/12/2024 (bằng 45 % quy hoạch 7.000 ha đến 2030)",
           "khoảng 1.471 ha ngày 3/4/2023 · tỉnh cũ",
           "mục tiêu tỉnh cũ quy hoạch 4.245 ha (2030; KCN và khu CNTT tập trung)",  # the plan's scope, in words
           # one comparing sentence, comparing only what is comparable
           "Thái Nguyên 29,53 %, Vĩnh Phúc → Phú Thọ 22,71 % (năm 2025, PP Tổng cục Thống kê) — Thái Nguyên cao hơn",
           # FDI compared at nearly the same date (a hedged value: no "higher")
           "vốn FDI lũy kế toàn tỉnh: Thái Nguyên gần 11 tỷ USD (5/2/2025), Vĩnh Phúc → Phú Thọ trên 8,43 tỷ USD "
           "(tháng 1/2025);"],
    "en": ["1. Digital economy (% of GRDP)", "2. Cumulative registered FDI capital",
           "3. Industrial-zone land, established vs planned", "4. The two provinces compared",
           "29.53% in 2025 · GSO method · merged province", "≠ Methods disagree — target about 35% (2026–2030)",
           "↪ Superseded by the merger on 1 Jul 2025 — old province's targets 20% (2025), over 30% (2030)",
           "over 11.9 billion USD on 11 Mar 2026 · merged province", "about 1,471 ha on 3 Apr 2023 · old province",
           "(2025, GSO method) — Thái Nguyên higher"],
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_overview_board_answers_the_four_questions(built_db, lang):
    at = open_page("pages/overview.py", lang=lang)
    assert not at.exception
    text = all_text(at)
    for expected in BOARD[lang]:
        assert expected in text, expected
    assert "Đã đạt mục tiêu" not in text and "Target achieved" not in text  # nothing on the shipped data is


def test_overview_board_links_each_answer_to_its_page_with_the_provinces(built_db):
    at = open_page("pages/overview.py")
    links = [link for link in at.get("page_link")]
    pages = [link.proto.page for link in links]
    assert [p.rsplit("/", 1)[-1] for p in pages] == ["kinh_te_so", "fdi", "khu_cong_nghiep"], pages
    for link in links:
        params = link.proto.query_string
        for place in ("thai_nguyen", "thai_nguyen_2025", "vinh_phuc", "phu_tho_2025"):
            assert f"j={place}" in params, params


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_overview_tables_carry_the_evidence_of_each_status(built_db, lang):
    at = open_page("pages/overview.py", lang=lang)
    matrix, without, details = (frame.value for frame in at.dataframe)
    status_column = "Trạng thái" if lang == "vi" else "Status"
    assert details[status_column].str.match(r"^[✔▲◆▼✖▽≠↪…] \S.* — ").all(), "icon, words and what it rests on"
    assert len(without) == 1  # the one target without comparable data, in its own collapsed list
    heading = "Mục tiêu" if lang == "vi" else "Target"
    assert not matrix[heading].str.contains("excluding_samsung").any()
    assert matrix[heading].str.contains("không kể Tổ hợp Samsung" if lang == "vi" else "excluding the Samsung").any()
    summary = all_text(at)
    assert ("35 mục tiêu — " if lang == "vi" else "35 targets — ") in summary


def test_overview_filters_by_category_and_province(built_db):
    at = open_page("pages/overview.py", cat="fdi", j=["vinh_phuc"])
    assert not at.exception
    details = at.dataframe[-1].value
    assert len(details) >= 1
    assert set(details["Địa bàn"]) == {"Vĩnh Phúc (trước sáp nhập)"}
    assert "2. Vốn FDI đăng ký lũy kế" in all_text(at), "the board answers whatever the filters below it"


@pytest.mark.parametrize("lang, separators, target_text", [("vi", ",.", "20 %"), ("en", ".,", "20%")])
def test_digital_economy_chart_shows_targets_and_method_break(built_db, lang, separators, target_text):
    at = open_page("pages/digital_economy.py", lang=lang)
    assert not at.exception
    share = figures(at)[0]
    assert share["layout"]["separators"] == separators
    labels = [text for trace in share["data"] for text in (trace.get("text") or []) if isinstance(text, str)]
    assert target_text in labels
    assert any(label.endswith("30 %") or label.endswith("30%") for label in labels)
    names = [trace.get("name", "") for trace in share["data"]]
    tn = [n for n in names if n.startswith("Thái Nguyên") and ("BC kinh tế số 2022" in n or "2022 annual report" in n)]
    merged = [n for n in names if "GSO" in n or "Tổng cục Thống kê" in n]
    assert tn and merged, names
    assert "42,92 %" in all_text(at) if lang == "vi" else "42.92%" in all_text(at)


def test_digital_economy_restores_filters_from_the_url(built_db):
    at = open_page("pages/digital_economy.py", j=["vinh_phuc"], **{"from": "2020", "to": "2045"})
    assert not at.exception
    share = figures(at)[0]
    jurisdictions_drawn = {name.split(" ·")[0] for name in (t.get("name", "") for t in share["data"]) if "Vĩnh Phúc" in name}
    assert jurisdictions_drawn
    assert not any("Thái Nguyên" in (t.get("name") or "") for t in share["data"])
    labels = [text for trace in share["data"] for text in (trace.get("text") or []) if isinstance(text, str)]
    assert any("60 %" in label for label in labels), "the 2045 target shows when the period reaches 2045"


@pytest.mark.parametrize("query", [
    {"j": "<script>alert(1)</script>"},
    {"from": "abc", "to": "99999"},
    {"lang": "fr", "cat": "'; DROP TABLE observations; --"},
    {"j": ["thai_nguyen", "thai_nguyen", "nowhere"], "unknown": "x" * 5000},
])
def test_hostile_url_parameters_are_ignored(built_db, query):
    for page in ("pages/overview.py", "pages/digital_economy.py"):
        at = open_page(page, **query)
        assert not at.exception
