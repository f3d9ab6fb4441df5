"""AppTest of the planner's tools on the digital-economy and overview pages: policy-event markers (?events=1)
and a what-if scenario kept in the URL (?target=…&pace=…), in both languages, with hostile parameters ignored."""
from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from provdash import paths
from tests.conftest import open_app_page as open_page

MERGED_2030 = "digital_economy_share_grdp-thai_nguyen_2025-2030"
VP_ZONES_2030 = "kcn_count-vinh_phuc-2030"




def share_figure(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def event_shapes(figure: dict) -> list[dict]:
    return [s for s in figure["layout"].get("shapes", []) if str(s.get("name", "")).startswith("event ")]


def event_labels(figure: dict) -> list[str]:
    return [a["text"] for a in figure["layout"].get("annotations", []) if str(a.get("name", "")).startswith("event ")]


def scenario_traces(figure: dict) -> list[dict]:
    return [tr for tr in figure["data"] if str(tr.get("name", "")).startswith(("Kịch bản (giả định)",
                                                                                "Scenario (assumed)"))]


RESULT_LABELS = {"Giá trị dự kiến năm", "Projected value in"}


def results(at: AppTest) -> list[str]:
    """The scenario's three results (projected value, year reached, status), in order; [] when none is shown.
    Each is a label in Markdown followed by its value as a subheader."""
    labels = [m.value.replace("\\", "") for m in at.markdown]
    if not any(label.startswith(tuple(RESULT_LABELS)) for label in labels):
        return []
    return [h.value.replace("\\", "") for h in at.subheader][-3:]


def test_digital_economy_has_no_markers_or_scenario_by_default(built_db):
    at = open_page("pages/digital_economy.py")
    assert not at.exception
    figure = share_figure(at)
    assert not event_shapes(figure) and not event_labels(figure)
    assert not scenario_traces(figure)
    assert not results(at)
    assert at.toggle(key="events").value is False


@pytest.mark.parametrize("lang, labels, legend", [
    ("vi", ["QĐ 1718", "Ghi nhớ Saigontel", "Mạng 5G · IOC Sông Công", "QĐ 2031", "Diễn đàn KCN xanh",
            "NQ 202/2025/QH15"], "Sự kiện chính sách (đường chấm dọc)"),
    ("en", ["Decision 1718", "Saigontel MoU", "5G network · Sông Công IOC", "Decision 2031", "Green-zone forum",
            "Resolution 202/2025/QH15"], "Policy events (dotted vertical lines)"),
])
def test_events_toggle_draws_labelled_dotted_markers(built_db, lang, labels, legend):
    at = open_page("pages/digital_economy.py", events="1", lang=lang)
    assert not at.exception
    assert at.toggle(key="events").value is True
    figure = share_figure(at)
    shapes = event_shapes(figure)
    assert shapes and all(s["line"]["dash"] == "dot" and s["x0"] == s["x1"] for s in shapes)
    assert all(s["yref"] == "paper" and s["y0"] == 0 and s["y1"] > 1 for s in shapes), "lines run above the plot"
    drawn = event_labels(figure)
    for label in labels:
        assert label in drawn, drawn
    assert any(label.startswith(("Phú Thọ mới", "New Phú Thọ")) for label in drawn)
    assert all(a["yref"] == "paper" and a["y"] == 1 and a["yanchor"] == "bottom"
               for a in figure["layout"]["annotations"] if str(a.get("name", "")).startswith("event ")), \
        "labels sit in the band above the plot, never over the data"
    assert any(a.get("hovertext") for a in figure["layout"]["annotations"])
    assert legend in [tr.get("name") for tr in figure["data"]]
    # The 2021 resolution is outside the default x range (the first value is of 2022): no marker for it.
    assert not any("tn_digital_transformation_resolution" in s["name"] for s in shapes)


def test_events_follow_the_province_filter(built_db):
    at = open_page("pages/digital_economy.py", events="1", j="vinh_phuc")
    assert not at.exception
    drawn = event_labels(share_figure(at))
    assert "Diễn đàn KCN xanh" in drawn and "NQ 202/2025/QH15" in drawn
    assert "QĐ 1718" not in drawn and "Mạng 5G · IOC Sông Công" not in drawn


def test_events_in_presenter_mode_use_the_larger_type(built_db):
    at = open_page("pages/digital_economy.py", events="1", present="1")
    assert not at.exception
    sizes = {a["font"]["size"] for a in share_figure(at)["layout"]["annotations"]
             if str(a.get("name", "")).startswith("event ")}
    assert sizes and min(sizes) >= 18


@pytest.mark.parametrize("lang, pace_label, projected, status", [
    ("vi", "+1,00 điểm %/năm", "34,53 %", "◆ Cần tăng tốc"),
    ("en", "+1.00 pp/year", "34.53%", "◆ Acceleration needed"),
])
def test_scenario_in_the_url_draws_a_labelled_line_and_results(built_db, lang, pace_label, projected, status):
    at = open_page("pages/digital_economy.py", target=MERGED_2030, pace="1", lang=lang)
    assert not at.exception
    assert at.selectbox(key="target").value == MERGED_2030
    assert at.selectbox(key="pace").value == "1"
    figure = share_figure(at)
    lines = scenario_traces(figure)
    assert len(lines) == 1
    line = lines[0]
    assert pace_label in line["name"]
    assert line["line"]["dash"] == "longdash"
    required = [tr for tr in figure["data"] if tr.get("legendgroup") == "path-dash"]
    assert required and all(tr["line"]["dash"] == "dash" for tr in required), "the required path stays as it was"
    assert line["hovertext"][-1].endswith(projected)
    assert "Kịch bản (giả định)" in line["text"] or "Scenario (assumed)" in line["text"]
    assert line["y"][0] == pytest.approx(29.53) and line["y"][-1] == pytest.approx(34.53)
    assert results(at) == [projected, "2031", status]


def test_changing_the_pace_updates_the_scenario(built_db):
    at = open_page("pages/digital_economy.py", target=MERGED_2030, pace="1")
    at.selectbox(key="pace").set_value("2").run()
    assert not at.exception
    assert results(at) == ["39,53 %", "2028", "▲ Đúng tiến độ"]
    assert scenario_traces(share_figure(at))[0]["y"][-1] == pytest.approx(39.53)
    at.selectbox(key="pace").set_value("off").run()
    assert not at.exception and not scenario_traces(share_figure(at)) and not results(at)


def test_scenario_and_events_together(built_db):
    at = open_page("pages/digital_economy.py", target=MERGED_2030, pace="1.5", events="1")
    assert not at.exception
    figure = share_figure(at)
    assert scenario_traces(figure) and event_shapes(figure)


def test_continuing_an_unknown_achieved_pace_explains_why_there_is_no_line(built_db):
    at = open_page("pages/digital_economy.py", target=MERGED_2030, pace="achieved")
    assert not at.exception
    assert not scenario_traces(share_figure(at)) and not results(at)
    captions = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "Chưa tính được tốc độ đã đạt" in captions


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_overview_restores_a_scenario_from_the_url(built_db, lang):
    at = open_page("pages/overview.py", target=MERGED_2030, pace="1", lang=lang)
    assert not at.exception
    assert at.selectbox(key="target").value == MERGED_2030
    assert at.selectbox(key="pace").value == "1"
    assert results(at) == (["34,53 %", "2031", "◆ Cần tăng tốc"] if lang == "vi"
                           else ["34.53%", "2031", "◆ Acceleration needed"])


def test_superseded_targets_offer_no_scenario(built_db):
    """A pace cannot be assumed for a target of a province that merged: the zone plan of Vĩnh Phúc (2030)."""
    at = open_page("pages/overview.py", target=VP_ZONES_2030, pace="achieved")
    assert not at.exception
    options = at.selectbox(key="target").options
    assert options and not any("Vĩnh Phúc" in option for option in options), options
    assert at.selectbox(key="target").value == MERGED_2030 and not results(at)


def test_overview_default_has_a_target_chosen_but_no_scenario(built_db):
    at = open_page("pages/overview.py")
    assert not at.exception
    assert at.selectbox(key="target").value == MERGED_2030
    assert at.selectbox(key="pace").value == "off"
    assert not results(at)


@pytest.mark.parametrize("query", [
    {"pace": "abc", "target": MERGED_2030},
    {"pace": "1e9", "target": MERGED_2030},
    {"pace": "-1000", "target": MERGED_2030},
    {"pace": "2.50", "target": MERGED_2030},
    {"pace": "nan", "target": "<script>alert(1)</script>"},
    {"pace": ["abc", "1e9"], "target": ["x", MERGED_2030 + "'; DROP TABLE events; --"]},
    {"events": "<img src=x>", "target": "../../etc/passwd", "pace": "achieved"},
])
def test_hostile_scenario_parameters_are_ignored(built_db, query):
    for page in ("pages/digital_economy.py", "pages/overview.py"):
        at = open_page(page, **query)
        assert not at.exception
        assert not results(at)
        assert at.selectbox(key="target").value == MERGED_2030
        if page.endswith("digital_economy.py"):
            figure = share_figure(at)
            assert not scenario_traces(figure)
            assert not event_shapes(figure)


def test_a_pace_away_from_the_target_says_never(built_db):
    at = open_page("pages/digital_economy.py", target=MERGED_2030, pace="-0.5")
    assert not at.exception
    assert results(at) == ["27,03 %", "Không đạt với tốc độ này", "✖ Đang đi xuống"]
