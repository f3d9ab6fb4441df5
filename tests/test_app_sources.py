"""The Sources & method page (pages/sources.py): table tests for its pure builders (provdash/catalogue.py),
the search query, and AppTest runs against the real database — default view, search and filters kept in the
URL, both languages, one status row per target, the download, and hostile URL parameters."""
from __future__ import annotations

import io

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import open_app_page
from provdash import catalogue, paths, progress, views
from provdash.queries import connect_readonly, run_query
from provdash.targets import assess_targets

PAGE = "pages/sources.py"


# --- pure builders ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("Samsung", "Samsung"),
    ("  Thái   Nguyên\t", "Thái Nguyên"),
    ("Tha\u0301i", "Thái"),                      # decomposed diacritics are composed (NFC)
    ("a\x00b\nc", "a b c"),                      # control characters become spaces
    ("<script>alert(1)</script>", "<script>alert(1)</script>"),  # kept as text: it is bound, never run
    ("x" * 10_000, "x" * catalogue.MAX_SEARCH_CHARS),
    (None, ""),
    ("", ""),
])
def test_clean_search(raw, expected):
    assert catalogue.clean_search(raw) == expected


@pytest.mark.parametrize("status, reason, lang, expected", [
    (progress.NOT_ENOUGH_DATA, "method_break", "vi", "đổi phương pháp"),
    (progress.ACHIEVED, "method_break", "en", "changes method"),
    (progress.NOT_ENOUGH_DATA, "one_actual", "en", "Only one comparable actual"),
    (progress.NOT_ENOUGH_DATA, "period_not_measured", "vi", "chưa có số liệu thực hiện"),
    (progress.NOT_ENOUGH_DATA, "no_actuals", "en", "No actual value"),
    (progress.NOT_ENOUGH_DATA, "", "en", "before the target's deadline"),
    (progress.ACHIEVED, "", "vi", "đã đạt"),
    (progress.MET, "", "en", "already reaches"),
    (progress.ON_TRACK, "", "en", ""),
])
def test_reason_text(status, reason, lang, expected):
    text = catalogue.reason_text(status, reason, lang)
    assert expected in text if expected else text == ""


@pytest.mark.parametrize("lang, rows", [
    ("vi", ["R ≥ 0,95", "0,60 ≤ R < 0,95", "0 ≤ R < 0,60", "R < 0"]),
    ("en", ["R ≥ 0.95", "0.60 ≤ R < 0.95", "0 ≤ R < 0.60", "R < 0"]),
])
def test_threshold_table_uses_the_configured_thresholds(lang, rows):
    table = catalogue.threshold_table(progress.Thresholds(0.95, 0.60), lang)
    assert table.iloc[1:5, 1].tolist() == rows
    assert table.iloc[1, 0].startswith("▲")  # icon and words, never colour alone
    assert len(table) == len(progress.STATUSES)


VOCABULARY = pd.DataFrame({
    "vocabulary": ["unit", "unit", "qualifier", "qualifier", "scope"],
    "id": ["pct", "ha", "", "over", "province"],
    "label_vi": ["%", "ha", "", "trên", "toàn tỉnh"],
    "label_en": ["%", "ha", "", "over", "province-wide"],
})


def assessment(**overrides) -> dict:
    row = {
        "indicator": "x", "indicator_name": "Tỷ trọng", "indicator_name_en": "Share", "jurisdiction": "thai_nguyen",
        "jurisdiction_name": "Thái Nguyên", "jurisdiction_name_en": "Thái Nguyên", "unit": "pct",
        "target_value": 30.0, "target_year": 2030, "qualifier": "over", "scope": "province",
        "status": progress.ACCELERATION_NEEDED, "ratio": 0.7123, "base_value": 10.0, "base_year": 2020,
        "latest_value": 14.0, "latest_date": pd.Timestamp("2022-12-31").date(), "latest_label": "năm 2022",
        "pace_achieved": 2.0, "pace_needed": 2.0, "pace_unit": "pp", "reason": "",
    }
    row.update(overrides)
    return row


@pytest.mark.parametrize("lang, expected", [
    ("vi", ["◆ Cần tăng tốc", "Tỷ trọng", "Thái Nguyên", "trên 30 %", "2030", "toàn tỉnh", "10 % (2020)",
            "14 % (31/12/2022)", "0,71", "+2,00 điểm %/năm", "+2,00 điểm %/năm", ""]),
    ("en", ["◆ Acceleration needed", "Share", "Thái Nguyên", "over 30%", "2030", "province-wide", "10% (2020)",
            "14% (31 Dec 2022)", "0.71", "+2.00 pp/year", "+2.00 pp/year", ""]),
])
def test_status_table_row(lang, expected):
    table = catalogue.status_table(pd.DataFrame([assessment()]), VOCABULARY, lang)
    assert table.iloc[0].tolist() == expected


def test_status_table_without_data():
    row = assessment(status=progress.NOT_ENOUGH_DATA, ratio=float("nan"), base_value=float("nan"),
                     base_year=float("nan"), latest_value=float("nan"), latest_date=None, latest_label=None,
                     pace_achieved=float("nan"), pace_needed=float("nan"), reason="no_actuals", qualifier="")
    table = catalogue.status_table(pd.DataFrame([row]), VOCABULARY, "en")
    assert table.iloc[0].tolist()[3:] == ["30%", "2030", "province-wide", "–", "–", "–", "–", "–",
                                          "No actual value for the same jurisdiction and scope."]
    assert table.iloc[0, 0] == "… Not enough data"


def test_status_table_shows_no_needed_pace_once_achieved():
    row = assessment(status=progress.ACHIEVED, pace_needed=-7.64, ratio=None)
    table = catalogue.status_table(pd.DataFrame([row]), VOCABULARY, "vi")
    assert table.iloc[0].tolist()[8:11] == ["–", "+2,00 điểm %/năm", "–"]


# --- the search query ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def search(built_db):
    con = connect_readonly(built_db)
    yield lambda text="", category="", kind="": run_query(con, "sources_values", search=text, category=category,
                                                          kind=kind)
    con.close()


def test_search_narrows_and_filters(search):
    everything = search()
    assert len(everything) >= 160
    samsung = search("Samsung")
    assert 0 < len(samsung) < len(everything)
    assert search("samsung").equals(samsung)  # case does not matter
    assert len(search("Thai Nguyen")) == len(search("Thái Nguyên"))  # nor do diacritics
    assert len(search("thai nguyen dti")) <= len(search("thai nguyen"))  # every word must match
    targets = search(kind="target")
    assert set(targets["kind"]) == {"target"}
    assert set(search(category="fdi")["category"]) == {"fdi"}
    assert len(search("FDI", "fdi", "actual")) <= len(search(category="fdi", kind="actual"))


@pytest.mark.parametrize("text", ["'; DROP TABLE observation_facts; --", "<script>alert(1)</script>", "%", "x" * 10_000,
                                  "\\", "$search", "' OR 1=1 --"])
def test_hostile_search_is_only_text(search, text):
    assert search(text).empty or text == "%"  # '%' appears literally in some values
    assert len(search()) >= 160


# --- the page --------------------------------------------------------------------------------------------

def open_page(**query) -> AppTest:
    return open_app_page(PAGE, check_entry=True, **query)


def targets_count(built_db) -> int:
    con = connect_readonly(built_db)
    try:
        return len(assess_targets(run_query(con, "targets_with_actuals")))
    finally:
        con.close()


def values_frame(at: AppTest) -> pd.DataFrame:
    return at.dataframe[0].value


def status_frame(at: AppTest) -> pd.DataFrame:
    return at.dataframe[-1].value


@pytest.mark.parametrize("lang, title, indicator_column, status_column", [
    ("vi", "Nguồn số liệu và phương pháp", "Chỉ tiêu", "Trạng thái"),
    ("en", "Sources and method", "Indicator", "Status"),
])
def test_default_view(built_db, lang, title, indicator_column, status_column):
    at = open_page(lang=lang)
    assert not at.exception
    assert at.title[0].value == title
    values = values_frame(at)
    assert len(values) >= 160 and indicator_column in values.columns
    assert len(set(values.columns)) == len(values.columns) == 12
    assert status_frame(at)[status_column].str.match(r"^[✔▲◆▼✖…] ").all()
    assert len(status_frame(at)) == targets_count(built_db)  # one row per target
    assert len(at.get("latex")) == 3  # the formulas
    assert any(progress.method_names()[lang] in m.value for m in at.markdown)
    assert at.text_input[0].value == ""
    assert not {"q", "cat", "kind"} & set(at.query_params.keys())


def test_values_are_vietnamese_numbers_with_their_hedge(built_db):
    values = values_frame(open_page())
    assert "ước 711,6" in set(values["Giá trị"])
    assert "khoảng 10,3" in set(values["Giá trị"])
    seeds = values[values["Bài báo mẫu (tệp)"] != ""]
    assert seeds["Bài báo mẫu (tệp)"].str.fullmatch(r"00[0-4]_[0-9a-f]{16}\.txt").all()
    assert seeds["Liên kết"].isna().all() and (seeds["Trích dẫn"] != "").all()
    web = values[values["Bài báo mẫu (tệp)"] == ""]
    assert web["Liên kết"].str.match(r"^https?://").all()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_search_from_the_url_narrows_the_table(built_db, lang):
    at = open_page(q="Samsung", lang=lang)
    assert not at.exception
    assert at.text_input[0].value == "Samsung"
    values = values_frame(at)
    assert 0 < len(values) < 20
    assert at.query_params["q"] == "Samsung"
    assert len(status_frame(at)) == targets_count(built_db)  # the status table is never filtered


def test_typing_a_search_writes_it_to_the_url(built_db):
    at = open_page()
    at.text_input[0].input("Vĩnh Phúc").run()
    assert not at.exception
    assert at.query_params["q"] == "Vĩnh Phúc"
    assert 0 < len(values_frame(at)) < 160
    at.text_input[0].input("").run()
    assert "q" not in at.query_params


def test_topic_and_kind_filters_from_the_url(built_db):
    at = open_page(cat="fdi", kind="target", lang="en")
    assert not at.exception
    values = values_frame(at)
    assert len(values) >= 1 and set(values["Kind"]) == {"Target"}
    assert at.selectbox[0].value == "fdi"


def test_nothing_found_says_so(built_db):
    at = open_page(q="zzzzzz-khong-co")
    assert not at.exception
    assert at.info and "Không có giá trị" in at.info[0].value
    assert len(status_frame(at)) == targets_count(built_db)


def test_the_whole_dataset_downloads_as_csv_and_excel(built_db, search):
    at = open_page(q="Samsung")
    csv_button, excel_button = at.get("download_button")
    assert "CSV" in csv_button.proto.label and csv_button.proto.url.endswith(".csv")
    assert "Excel" in excel_button.proto.label
    # what the button serves, even when the table is narrowed: every value, every column, UTF-8 with BOM
    everything = search()
    data = views.csv_bytes(everything)
    assert data.startswith(b"\xef\xbb\xbf")
    again = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False)
    assert len(again) == len(everything) and list(again.columns) == list(everything.columns)
    assert {"quote", "source_url", "source_file", "value", "qualifier"} <= set(again.columns)


@pytest.mark.parametrize("query", [
    {"q": "<script>alert(1)</script>"},
    {"q": "'; DROP TABLE observation_facts; --"},
    {"q": "x" * 10_000},
    {"cat": "'; DROP TABLE x; --", "kind": "<b>", "lang": "zz"},
    {"unknown": "1", "ind": "dti_rank", "from": "-5"},
])
def test_hostile_parameters(built_db, query):
    at = open_page(**query)
    assert not at.exception
    assert len(status_frame(at)) == targets_count(built_db)
    assert len(at.text_input[0].value) <= catalogue.MAX_SEARCH_CHARS
    assert at.selectbox[0].value == "" and at.get("button_group") is not None
    assert not at.get("html")  # nothing from the data or the URL is rendered as HTML
    con = connect_readonly(built_db)
    try:
        assert con.execute("SELECT count(*) FROM observation_facts").fetchone()[0] >= 160
    finally:
        con.close()


def test_presenter_mode_shows_one_panel_per_slide(built_db):
    at = open_page(present="1", q="Samsung")
    assert not at.exception
    assert len(at.dataframe) == 1 and len(at.dataframe[0].value) < 20  # slide 1: the values, still searched
    assert not at.get("download_button") and not at.get("latex")
    at.button(key="present_next").click().run()  # slide 2: the method and thresholds
    assert not at.exception and len(at.get("latex")) == 3
    at.button(key="present_next").click().run()  # slide 3: every target
    assert not at.exception and len(at.dataframe[0].value) == targets_count(built_db)
