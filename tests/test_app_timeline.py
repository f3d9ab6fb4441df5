"""The policy timeline: its pure pieces (dates at their precision, chart labels, marker layout) and AppTest runs
of app_pages/timeline.py in both languages, filtered, in presenter mode and with hostile parameters."""
from __future__ import annotations

import re
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from provdash import paths
from provdash.figures import base, events

DASHBOARD = (paths.ROOT / "dashboard.py").read_text(encoding="utf-8")
REGISTERED = bool(re.search(r'\(\s*"app_pages/timeline\.py"\s*,\s*"nav_timeline"\s*,\s*"dong_thoi_gian"', DASHBOARD))
needs_registration = pytest.mark.skipif(not REGISTERED, reason="app_pages/timeline.py is not in dashboard.py's PAGES yet")


def event(**values) -> dict:
    row = dict(event_id="e", date=date(2024, 8, 16), date_precision="day", date_label="ngày 16/8/2024",
               jurisdiction="thai_nguyen", jurisdiction_name="Thái Nguyên (trước sáp nhập)",
               jurisdiction_name_en="Thái Nguyên (before merger)", type="launch", title_vi="Mạng 5G: có mặt",
               title_en="5G network: available", source_id="seed_003", source_title="Bài", source_outlet="Báo",
               source_url="", source_file="003_e6c1780fa81d8148.txt", source_published="2024-08-16",
               quote="Mạng 5G", note="")
    row.update(values)
    return row


# ------------------------------------------------------------------------------------------ pure pieces


@pytest.mark.parametrize("when, precision, lang, expected", [
    (date(2023, 7, 21), "day", "vi", "21/7/2023"),
    (date(2023, 7, 21), "day", "en", "21 Jul 2023"),
    (date(2024, 12, 1), "month", "vi", "12/2024"),
    (date(2024, 12, 1), "month", "en", "Dec 2024"),
    (date(2021, 1, 1), "year", "vi", "2021"),
    (date(2024, 8, 16), "by", "vi", "trước hoặc vào 16/8/2024"),
    (date(2024, 8, 16), "by", "en", "on or before 16 Aug 2024"),
])
def test_dates_are_as_precise_as_the_source(when, precision, lang, expected):
    assert events.date_text(event(date=when, date_precision=precision), lang) == expected


@pytest.mark.parametrize("title, label", [
    ("QĐ 1718: Kế hoạch hành động tăng trưởng xanh", "QĐ 1718"),
    ("Mạng 5G", "Mạng 5G"),
    ("Một tiêu đề rất dài không có dấu hai chấm nào cả", "Một tiêu đề rất dài không…"),
    ("Chuỗi dài thật dài thật dài thật dài thật dài trước dấu hai chấm: phần sau", "Chuỗi dài thật dài thật…"),
])
def test_chart_labels_are_the_title_up_to_its_colon(title, label):
    assert events.short_label(title) == label


def test_stacked_labels_never_overlap_and_lines_never_cross_a_label():
    spans = [(x, x, x + 120) for x in (0, 40, 80, 80, 200, 205, 500, 980)]
    spans[-1] = (980, 860, 980)  # at the right edge the label is drawn to the left of its line
    rows = events.stack_rows(spans)
    for i, ((xi, si, ei), ri) in enumerate(zip(spans, rows)):
        for j, ((xj, sj, ej), rj) in enumerate(zip(spans, rows)):
            if i == j:
                continue
            assert not (ri == rj and si < ej and sj < ei), f"labels {i} and {j} overlap in row {ri}"
            assert not (rj < ri and sj < xi < ej), f"the line of {i} crosses label {j}"


def test_timeline_items_filter_by_type_and_sort_by_date():
    frame = pd.DataFrame([event(event_id="b", date=date(2025, 7, 1), type="merger", title_vi="Sau"),
                          event(event_id="a", date=date(2021, 1, 1), date_precision="year", title_vi="Trước")])
    items = events.timeline_items(frame, ["merger", "launch"], "vi")
    assert [i.title for i in items] == ["Trước", "Sau"]
    assert [i.date for i in events.timeline_items(frame, ["merger"], "vi")] == ["1/7/2025"]
    assert [i.event_id for i in events.timeline_items(frame, ["merger", "launch"], "vi", newest_first=True)] == ["b", "a"]
    assert items[0].source_markdown == "Báo — Bài \\(bài báo ngày 16/8/2024\\)" or \
        items[0].source_markdown == "Báo — Bài (bài báo ngày 16/8/2024)"  # never the article's file name


def test_markers_only_within_the_chart_range_and_above_the_plot():
    figure = base.apply_layout(go.Figure(go.Scatter(x=pd.to_datetime(["2022-12-31", "2025-12-31"]), y=[1, 2])),
                               "vi", "Tiêu đề", source_text="Nguồn")
    base.year_axis(figure, [date(2022, 12, 31), date(2025, 12, 31)])
    height, top, bottom = figure.layout.height, figure.layout.margin.t, figure.layout.margin.b
    frame = pd.DataFrame([event(event_id="old", date=date(2019, 1, 1), title_vi="Cũ: trước phạm vi"),
                          event(event_id="in", title_vi="Mạng 5G: có mặt"),
                          event(event_id="same_day", title_vi="IOC Sông Công: khai trương")])
    events.add_event_markers(figure, frame, "vi")
    shapes = [s for s in figure.layout.shapes if s.name.startswith("event ")]
    assert [s.name for s in shapes] == ["event in same_day"], "one line per day; events outside the range dropped"
    assert [a.text for a in figure.layout.annotations] == ["Mạng 5G · IOC Sông Công"]
    assert figure.layout.height > height and figure.layout.margin.t > top, "the band is added, the plot keeps its size"
    grown = (figure.layout.margin.t - top) + (figure.layout.margin.b - bottom)
    assert figure.layout.height - height == grown, "the plot keeps its height"


def test_no_events_leaves_the_figure_alone():
    figure = base.apply_layout(go.Figure(go.Scatter(x=pd.to_datetime(["2022-12-31"]), y=[1])), "vi", "x")
    before = figure.to_json()
    events.add_event_markers(figure, pd.DataFrame(columns=list(event())), "vi")
    assert figure.to_json() == before


def test_label_text_from_data_cannot_inject_markup():
    figure = base.apply_layout(go.Figure(go.Scatter(x=pd.to_datetime(["2022-12-31", "2025-12-31"]), y=[1, 2])), "vi", "x")
    events.add_event_markers(figure, pd.DataFrame([event(title_vi="<a href='x'>Bấm</a>: đây")]), "vi")
    assert "<a" not in figure.layout.annotations[0].text and "<a" not in figure.layout.annotations[0].hovertext


# ------------------------------------------------------------------------------------------- the page


def test_timeline_is_registered_in_the_navigation():
    assert REGISTERED, ('add ("app_pages/timeline.py", "nav_timeline", "dong_thoi_gian", False) to PAGES in dashboard.py '
                        "(the url path must not equal a file name in app_pages/)")
    assert not (paths.PAGES_DIR / "dong_thoi_gian.py").exists()


def open_timeline(**query) -> AppTest:
    at = AppTest.from_file(str(paths.ROOT / "dashboard.py"), default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    return at.switch_page("app_pages/timeline.py").run()


def page_text(at: AppTest) -> str:
    parts = list(at.markdown) + list(at.caption) + list(at.title) + list(at.subheader)
    return "\n".join(e.value for e in parts).replace("\\", "")


@needs_registration
@pytest.mark.parametrize("lang, title, first, last, dates", [
    ("vi", "Dòng thời gian chính sách", "Nghị quyết chuyển đổi số", "Thái Nguyên mới",
     ["2021", "21/7/2023", "trước hoặc vào 16/8/2024", "12/2024", "12/6/2025"]),
    ("en", "Policy timeline", "Digital resolution", "New Thái Nguyên",
     ["2021", "21 Jul 2023", "on or before 16 Aug 2024", "Dec 2024", "12 Jun 2025"]),
])
def test_timeline_lists_every_event_oldest_first_with_its_source(built_db, lang, title, first, last, dates):
    at = open_timeline(lang=lang)
    assert not at.exception
    text = page_text(at)
    assert title in text
    for wording in dates:
        assert wording in text, wording
    assert text.index(first) < text.index("QĐ 1718" if lang == "vi" else "Decision 1718") < text.index(last)
    assert [s.value for s in at.subheader] == ["2021", "2023", "2024", "2025"]
    assert "Mạng 5G đã chính thức có mặt tại Thái Nguyên" in text
    seed = "Thái Nguyên tạo bứt phá kinh tế số theo hướng bền vững ({})".format(
        "bài báo ngày 16/8/2024" if lang == "vi" else "article of 16 Aug 2024")
    assert seed in text and ".txt" not in text, "a seed article by its title and date, not its file name"
    assert ("đầu năm 2024" if lang == "vi" else "early 2024") in text, "the source's timing, in the page's language"
    note = ("Bài không nêu ngày ban hành" if lang == "vi" else "The article gives no adoption date")
    assert note in text and ("The article gives" not in text if lang == "vi" else True)
    links = " ".join(c.value for c in at.caption)
    assert "(https://baophutho.vn/" in links, "web sources are linked"
    assert "10" in text  # the count of events shown


@needs_registration
def test_timeline_filters_by_type_and_province(built_db):
    at = open_timeline(type="merger")
    assert not at.exception
    text = page_text(at)
    assert "Thái Nguyên mới" in text and "Phú Thọ mới" in text
    assert "QĐ 1718" not in text and "Diễn đàn KCN xanh" not in text
    assert at.pills(key="type").value == ["merger"]

    at = open_timeline(j="vinh_phuc", lang="en")
    assert not at.exception
    text = page_text(at)
    assert "Green-zone forum" in text and "Resolution 202/2025/QH15" in text, "national events always show"
    assert "Decision 1718" not in text and "New Thái Nguyên" not in text


@needs_registration
def test_timeline_with_nothing_to_show_says_so(built_db):
    at = open_timeline(j="vinh_phuc", type="plan")
    assert not at.exception
    assert "Không có sự kiện nào" in " ".join(e.value for e in at.info)
    assert not at.subheader


@needs_registration
def test_timeline_in_presenter_mode_shows_one_year_per_slide(built_db):
    at = open_timeline(present="1")
    assert not at.exception
    assert [s.value for s in at.subheader] == ["2021"]
    at.button(key="present_next").click().run()
    at.button(key="present_next").click().run()
    assert not at.exception
    assert [s.value for s in at.subheader] == ["2024"]
    assert "Mạng 5G" in page_text(at) and "QĐ 1718" not in page_text(at)


@needs_registration
@pytest.mark.parametrize("query", [
    {"type": "<script>alert(1)</script>"},
    {"type": ["merger", "merger", "nothing"], "j": "nowhere"},
    {"j": "'; DROP TABLE events; --", "lang": "xx", "slide": "-1"},
])
def test_timeline_ignores_hostile_parameters(built_db, query):
    at = open_timeline(**query)
    assert not at.exception
