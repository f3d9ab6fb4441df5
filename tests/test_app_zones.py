"""AppTest of the industrial-zone page (app_pages/industrial_zones.py) against the real database: planned against
established traces, the IT park and the two Vĩnh Phúc plans, progress, both languages, hostile parameters."""
from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from provdash import paths
from provdash.figures import base
from tests.conftest import open_app_page

PAGE = "app_pages/industrial_zones.py"


def open_page(built_db, **query) -> AppTest:
    return open_app_page(PAGE, check_entry=True, **query)


def figures(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


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
    assert at.title[0].value == "Khu công nghiệp và cụm công nghiệp"
    assert [s.value for s in at.subheader] == ["Lấp đầy, dự án và hạ tầng", "Quy hoạch so với đã thành lập",
                                               "Tiến độ so với quy hoạch năm 2030"]
    values = [m.value for m in at.metric]
    assert "gần 70 %" in values and "27 cụm" in values and "–" in values  # Thái Nguyên's occupancy is unknown
    specs = figures(at)
    assert len(specs) == 2 and all(spec["layout"]["separators"] == ",." for spec in specs)


def test_planned_and_established_are_separate_traces(default_vi, default_en):
    for at, planned, established in ((default_vi, "quy hoạch", "đã thành lập"), (default_en, "planned", "established")):
        bars = figures(at)[0]
        plan = [t for t in bars["data"] if t["type"] == "bar" and planned in t["name"]]
        done = [t for t in bars["data"] if t["type"] == "bar" and established in t["name"]]
        assert plan and done
        assert all(t["marker"]["pattern"]["shape"] == "/" for t in plan)
        assert all("pattern" not in t["marker"] for t in done)
        assert not {id(t) for t in plan} & {id(t) for t in done}
        missing = [t for t in bars["data"] if t["type"] == "scatter"]
        assert missing and all(text in ("chưa có số liệu", "no figure") for t in missing for text in t["text"])


def test_both_vinh_phuc_plans_and_the_it_park_are_shown(default_vi):
    bars = figures(default_vi)[0]
    labels = [y for t in bars["data"] for y in t["y"]]
    texts = [x for t in bars["data"] if t["type"] == "bar" for x in t["text"]]
    assert any("Vĩnh Phúc" in y and "đến nay (quy hoạch)" in y for y in labels)
    assert any("Vĩnh Phúc" in y and "Quy hoạch – đến năm 2030" in y for y in labels)
    assert "29 khu" in texts and "24 khu" in texts and "4.245 ha" in texts
    assert any("Thái Nguyên" in y and "KCN và khu CNTT tập trung" in y for y in labels)
    captions = all_captions(default_vi)
    assert "11 KCN và 1 khu công nghệ thông tin tập trung" in captions
    assert "29 khu" in captions and "24 khu" in captions and "không chọn một" in captions
    assert bars["layout"]["title"]["text"].startswith("Vĩnh Phúc đã thành lập 45 % diện tích KCN")


def test_progress_towards_the_2030_plans(default_vi):
    progress = figures(default_vi)[1]
    # Both provinces' 2030 plans were set before the 2025 mergers: superseded, never judged on an old value.
    assert progress["layout"]["title"]["text"] == ("Diện tích KCN so với quy hoạch – Thái Nguyên: ↪ Thay thế do sáp "
                                                   "nhập;<br>Vĩnh Phúc: ↪ Thay thế do sáp nhập")
    assert any(t.get("marker", {}).get("symbol") == "star" for t in progress["data"])
    assert not any(t.get("legendgroup") == "path-dash" for t in progress["data"]), "no path to a superseded plan"
    status = default_vi.dataframe[-1].value
    assert set(status["Tình trạng"]) == {"↪ Thay thế do sáp nhập"}
    assert "không nêu năm đích" in all_captions(default_vi)


def test_english_view(default_en):
    at = default_en
    assert not at.exception
    assert at.title[0].value == "Industrial zones and clusters"
    assert "nearly 70%" in [m.value for m in at.metric]
    assert all(spec["layout"]["separators"] == ".," for spec in figures(at))
    assert "Status" in at.dataframe[-1].value.columns


def test_one_province_from_the_url(built_db):
    at = open_page(built_db, j=["thai_nguyen"], lang="en")
    assert not at.exception
    for spec in figures(at):
        assert "Vĩnh Phúc" not in json.dumps(spec, ensure_ascii=False)
    assert figures(at)[1]["layout"]["title"]["text"].endswith("Thái Nguyên: ↪ Superseded by the merger")


def test_years_filter_keeps_the_plans(built_db):
    at = open_page(built_db, **{"from": "2015", "to": "2016"})
    assert not at.exception
    bars = figures(at)[0]
    assert any("Quy hoạch" in y for t in bars["data"] for y in t["y"])
    assert not any(t["type"] == "bar" and "đã thành lập" in t["name"] for t in bars["data"])


@pytest.mark.parametrize("query", [
    {"j": ["<script>alert(1)</script>"], "from": "abc", "to": "99999"},
    {"j": ["phu_tho_2025"], "from": "2030", "to": "2019", "lang": "xx"},
    {"j": ["nowhere", "vinh_phuc"], "from": "", "to": "2019.5", "lang": "en"},
])
def test_hostile_query_parameters_do_not_break_the_page(built_db, query):
    at = open_page(built_db, **query)
    assert not at.exception
    assert at.title[0].value in ("Khu công nghiệp và cụm công nghiệp", "Industrial zones and clusters")


def test_presenter_mode_shows_one_slide_at_a_time(built_db):
    """The cards, then planned against established a slide per measure (a page of its bars, under that measure's
    own sentence), the progress chart, and the table of plans last."""
    at = open_page(built_db, present="1", lang="en")
    total = int(re.findall(r"\d+", at.markdown[0].value)[-1])
    measures, sentences = [], []
    for slide in range(1, total + 1):
        at.session_state["slide"] = slide  # AppTest starts on the home page, which has one slide: choose it here
        at.run()
        assert not at.exception
        specs = figures(at)
        assert (len(at.metric) > 0) == (slide == 1)
        assert len(at.table) == (slide == total) and not at.dataframe  # on a slide, the table of plans in large type
        assert len(specs) == (0 if slide in (1, total) else 1)
        assert all(spec["layout"]["title"]["font"]["size"] == base.PRESENTER.title_size for spec in specs)
        if specs and specs[0]["layout"]["xaxis"].get("title", {}).get("text"):  # a page of the bars
            measures.append(specs[0]["layout"]["xaxis"]["title"]["text"].split(" · ")[0])
            sentences.append(at.markdown[1].value)
    assert measures == ["Industrial zones (KCN) (zones)", "Industrial zone area (ha)",
                        "Industrial clusters (CCN) (clusters)", "Industrial cluster area (ha)"]
    assert len(set(sentences)) == len(sentences)  # each under its own sentence
