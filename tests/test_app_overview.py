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
    return text.replace("\\", "")  # drop Markdown escapes


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_overview_has_cards_matrix_and_table(built_db, lang):
    at = open_page("app_pages/overview.py", lang=lang)
    assert not at.exception
    text = all_text(at)
    assert ("Đã đạt mục tiêu" if lang == "vi" else "Target achieved") in text
    assert len(at.dataframe) == 2
    details = at.dataframe[1].value
    status_column = "Trạng thái" if lang == "vi" else "Status"
    assert details[status_column].str.contains("✔|✖|…|▲|▼|◆").all(), "status needs an icon as well as words"
    digital = details[details.iloc[:, 0].str.contains("kinh tế số trong GRDP|Digital economy share of GRDP")]
    assert (digital.iloc[:, 2] == ("20 %" if lang == "vi" else "20%")).any()


def test_overview_filters_by_category_and_province(built_db):
    at = open_page("app_pages/overview.py", cat="fdi", j=["vinh_phuc"])
    assert not at.exception
    details = at.dataframe[1].value
    assert len(details) >= 1
    assert set(details["Địa bàn"]) == {"Vĩnh Phúc (trước sáp nhập)"}


@pytest.mark.parametrize("lang, separators, target_text", [("vi", ",.", "20 %"), ("en", ".,", "20%")])
def test_digital_economy_chart_shows_targets_and_method_break(built_db, lang, separators, target_text):
    at = open_page("app_pages/digital_economy.py", lang=lang)
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
    at = open_page("app_pages/digital_economy.py", j=["vinh_phuc"], **{"from": "2020", "to": "2045"})
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
    for page in ("app_pages/overview.py", "app_pages/digital_economy.py"):
        at = open_page(page, **query)
        assert not at.exception
