"""The Sources & method page (app_pages/sources.py): table tests for its pure builders (provdash/catalogue.py),
the search, count and page queries, and AppTest runs against the real database — default view, search and
filters kept in the URL, both languages, one status row per target, the downloads (built on click), and hostile
URL parameters — and against a small synthetic database of several pages (the page number in the URL)."""
from __future__ import annotations

import re

import io
import zipfile

import openpyxl
import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from tests.conftest import only_our_html, open_app_page
from provdash import catalogue, exports, paths, progress, scale_db, ui, views
from provdash.i18n import t
from provdash.queries import connect_readonly, copy_query_csv, run_query

PAGE = "app_pages/sources.py"


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
    ("vi", ["◆ Cần tăng tốc — 14 % năm 2022", "Tỷ trọng", "Thái Nguyên", "trên 30 %", "2030", "toàn tỉnh", "10 % (2020)",
            "14 % (31/12/2022)", "0,71", "+2,00 điểm %/năm", "+2,00 điểm %/năm", ""]),
    ("en", ["◆ Acceleration needed — 14% in 2022", "Share", "Thái Nguyên", "over 30%", "2030", "province-wide", "10% (2020)",
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
    assert table.iloc[0, 0] == "… Not enough data — no actual value of the same scope"


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


# --- the count and page queries (the page never reads every value) ----------------------------------------

@pytest.fixture(scope="module")
def store(built_db):
    con = connect_readonly(built_db)
    yield con
    con.close()


def counted(con, text="", category="", kind="", narrowing=catalogue.Narrowing()) -> tuple[int, int]:
    row = run_query(con, "sources_values_count", search=text, category=category, kind=kind,
                    **narrowing.params()).iloc[0]
    return int(row["matching"]), int(row["total"])


def paged(con, text="", category="", kind="", limit=catalogue.VALUES_PAGE_SIZE, offset=0,
          narrowing=catalogue.Narrowing()) -> pd.DataFrame:
    return run_query(con, "sources_values_page", search=text, category=category, kind=kind, **narrowing.params(),
                     limit=limit, offset=offset)


@pytest.mark.parametrize("text, category, kind", [
    ("", "", ""), ("Samsung", "", ""), ("thai nguyen", "", "target"), ("Vĩnh Phúc 2030", "", ""),
    ("", "fdi", ""), ("FDI", "fdi", "actual"), ("ĐỒNG", "", ""), ("https", "", ""), ("zzzz-khong-co", "", ""),
])
def test_count_and_pages_agree_with_the_search(store, search, text, category, kind):
    everything = search(text, category, kind)
    assert counted(store, text, category, kind) == (len(everything), len(search()))
    # pages of 50, one after another, are the whole result in the same order: no row twice, none left out
    pages = [paged(store, text, category, kind, limit=50, offset=offset)
             for offset in range(0, len(everything) + 50, 50)]
    joined = pd.concat(pages, ignore_index=True)
    assert list(joined["obs_id"]) == list(everything["obs_id"])
    assert list(joined.columns) == list(everything.columns)


def narrowed(frame: pd.DataFrame, narrowing: catalogue.Narrowing) -> pd.DataFrame:
    """What the indicator … scope filters must keep of a search's result, computed here with pandas."""
    keep = pd.Series(True, index=frame.index)
    for column, wanted in (("indicator", narrowing.indicator), ("jurisdiction", narrowing.jurisdiction),
                           ("scope", narrowing.scope)):
        if wanted:
            keep &= frame[column] == wanted
    if narrowing.year is not None:
        keep &= pd.to_datetime(frame["period_end"]).dt.year == narrowing.year
    if narrowing.method is not None:
        keep &= frame["method"] == narrowing.method
    return frame[keep].reset_index(drop=True)


NARROWINGS = [
    catalogue.Narrowing(indicator="kcn_area"),
    catalogue.Narrowing(jurisdiction="vinh_phuc"),
    catalogue.Narrowing(year=2024),
    catalogue.Narrowing(method=""),                    # the single, unnamed method
    catalogue.Narrowing(method="gso_value_added"),
    catalogue.Narrowing(scope="industrial_zones"),
    catalogue.Narrowing("kcn_area", "vinh_phuc", 2022, "", "province"),  # one cell of the coverage page
    catalogue.Narrowing("fdi_registered_capital", "vinh_phuc", 2024, "", "industrial_zones"),
    catalogue.Narrowing("digital_economy_share_grdp", "thai_nguyen", None, "annual_report_2022", ""),
    catalogue.Narrowing(year=1999),                    # no value that year
]


@pytest.mark.parametrize("narrowing", NARROWINGS, ids=lambda n: "-".join(str(v) for v in n))
@pytest.mark.parametrize("text, kind", [("", ""), ("", "actual"), ("", "target"), ("Vĩnh Phúc", ""), ("ha", "actual")])
def test_narrowing_agrees_with_the_search(store, search, narrowing, text, kind):
    expected = narrowed(search(text, "", kind), narrowing)
    assert counted(store, text, "", kind, narrowing) == (len(expected), len(search()))
    joined = pd.concat([paged(store, text, "", kind, limit=3, offset=offset, narrowing=narrowing)
                        for offset in range(0, len(expected) + 3, 3)], ignore_index=True)
    assert list(joined["obs_id"]) == list(expected["obs_id"])


def test_one_cell_is_exactly_its_values(store):
    cell = paged(store, narrowing=catalogue.Narrowing("kcn_area", "vinh_phuc", 2022, "", "province"), kind="actual")
    assert 3100 in set(cell["value"])  # the established area in December 2022 (reference list)
    assert {str(day)[:4] for day in cell["period_end"]} == {"2022"}
    assert set(zip(cell["indicator"], cell["jurisdiction"], cell["kind"], cell["method"], cell["scope"])) == {
        ("kcn_area", "vinh_phuc", "actual", "", "province")}
    kcn_only = paged(store, narrowing=catalogue.Narrowing("fdi_registered_capital", "vinh_phuc", 2024, "",
                                                         "industrial_zones"), kind="actual")
    assert len(kcn_only) >= 1 and set(kcn_only["scope"]) == {"industrial_zones"}


@pytest.mark.parametrize("narrowing", [
    catalogue.Narrowing(indicator="'; DROP TABLE observation_facts; --"), catalogue.Narrowing(jurisdiction="%"),
    catalogue.Narrowing(method="' OR 1=1 --"), catalogue.Narrowing(scope="province' OR '1'='1"),
    catalogue.Narrowing(year=-1),
])
def test_hostile_narrowing_finds_nothing(store, narrowing):
    assert counted(store, narrowing=narrowing)[0] == 0 and paged(store, narrowing=narrowing).empty
    assert counted(store)[1] >= 160


@pytest.mark.parametrize("raw, expected", [("2024", 2024), ("", None), (None, None), ("24", None), ("２０２４", None),
                                           ("2024 ", None), ("<script>", None)])
def test_year_from_text(raw, expected):
    assert catalogue.year_from_text(raw) == expected


def test_the_order_is_total_so_pages_are_stable(store, search):
    everything = search()
    assert everything["obs_id"].is_unique  # the last sort key is the key
    assert paged(store, limit=7, offset=30).equals(paged(store, limit=7, offset=30))
    assert list(paged(store, limit=7, offset=30)["obs_id"]) == list(everything["obs_id"][30:37])


@pytest.mark.parametrize("offset", [167, 10_000, 2**62])
def test_a_page_beyond_the_end_is_empty(store, search, offset):
    page = paged(store, offset=max(offset, len(search())))
    assert page.empty and list(page.columns) == list(search().columns)


@pytest.mark.parametrize("text", ["'; DROP TABLE observation_facts; --", "<script>alert(1)</script>", "$search",
                                  "x" * 10_000, "' OR 1=1 --"])
def test_hostile_search_counts_nothing(store, text):
    assert counted(store, text)[0] == 0 and paged(store, text).empty
    assert counted(store)[1] >= 160


def test_the_csv_export_is_every_value_written_by_duckdb(built_db, store, search, tmp_path):
    copy_query_csv(store, "sources_values", tmp_path / "all.csv", search="", category="", kind="")
    written = pd.read_csv(tmp_path / "all.csv", dtype=str, keep_default_na=False)
    # the same table, cell for cell, as the pandas CSV the page used to build from a frame of every value
    before = pd.read_csv(io.BytesIO(views.csv_bytes(search())), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert written.equals(before)
    with pytest.raises(TypeError):
        copy_query_csv(store, "sources_values", tmp_path / "x.csv", search="")  # parameters as run_query


def test_the_whole_dataset_files(built_db, search):
    everything = search()
    data = catalogue.dataset_csv()
    assert data.startswith(exports.CSV_BOM) and not data.startswith(exports.CSV_BOM * 2)
    again = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False)
    assert len(again) == len(everything) and list(again.columns) == list(everything.columns)
    assert {"quote", "source_url", "source_file", "value", "qualifier"} <= set(again.columns)
    assert (again["obs_id"] == everything["obs_id"]).all()  # the page's order
    with zipfile.ZipFile(io.BytesIO(catalogue.dataset_csv(zipped=True))) as archive:
        assert archive.namelist() == [f"{catalogue.DOWNLOAD_STEM}.csv"]
        assert archive.read(archive.namelist()[0]) == data
    sheet = openpyxl.load_workbook(io.BytesIO(catalogue.dataset_excel("vi")), read_only=True)["data"]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == len(everything) + 1 and list(rows[0]) == list(everything.columns)


# --- paging, pure -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("matching, pages", [(0, 1), (1, 1), (200, 1), (201, 2), (167, 1), (10_000_000, 50_000)])
def test_page_count(matching, pages):
    assert catalogue.page_count(matching) == pages


@pytest.mark.parametrize("raw, expected", [
    ("3", 3), ("1", 1), (" 2 ", 2), ("5", 5), ("6", 5), ("999999999", 5), ("0", 1), ("-1", 1), ("abc", 1), ("", 1),
    (None, 1), ("2.5", 1), ("1e3", 1), ("99999999999999999999", 1), ("\u0663", 1), ("３", 1), ("0x10", 1),
    ("<script>", 1), ("NaN", 1), (4, 4), (7, 5),
])
def test_page_from_text_never_fails(raw, expected):
    assert catalogue.page_from_text(raw, 5) == expected


@pytest.mark.parametrize("page, shown, matching, total, lang, expected", [
    (1, 167, 167, 167, "vi", "Hiển thị 167 trên 167 giá trị."),
    (1, 5, 5, 167, "en", "Showing 5 of 167 values."),
    (1, 200, 10_000_000, 10_000_000, "vi", "Hiển thị 1–200 trên 10.000.000 giá trị."),
    (3, 200, 10_000_000, 10_000_000, "en", "Showing 401–600 of 10,000,000 values."),
    (117, 49, 23_249, 10_000_000, "vi",
     "Hiển thị 23.201–23.249 trên 23.249 giá trị khớp (tổng số 10.000.000 giá trị)."),
])
def test_values_count_text(page, shown, matching, total, lang, expected):
    assert catalogue.values_count_text(page, shown, matching, total, lang) == expected


# --- the page --------------------------------------------------------------------------------------------

def open_page(**query) -> AppTest:
    return open_app_page(PAGE, check_entry=True, **query)


def targets_count(built_db) -> int:
    con = connect_readonly(built_db)
    try:
        return len(run_query(con, "target_progress_all"))
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
    assert status_frame(at)[status_column].str.match(r"^[✔▲◆▼✖▽≠↪…] \S+.* — ").all(), "icon, words, evidence"
    assert len(status_frame(at)) == targets_count(built_db)  # one row per target
    assert len(at.get("latex")) == 3  # the formulas
    assert any(progress.method_names()[lang] in m.value for m in at.markdown)
    assert at.text_input[0].value == ""
    assert not {"q", "cat", "kind"} & set(at.query_params.keys())


def test_values_are_vietnamese_numbers_with_their_hedge(built_db):
    values = values_frame(open_page())
    assert "ước 711,6" in set(values["Giá trị"])
    assert "khoảng 10,3" in set(values["Giá trị"])
    seeds = values[values["Liên kết"].isna()]
    # A seed article by its title and date, never by its file name; its quote beside it.
    assert len(seeds) and (seeds["Trích dẫn"] != "").all()  # (the first page of values: some of the 66)
    assert seeds["Nguồn"].str.contains(r"\(bài báo (ngày \d{1,2}/\d{1,2}/\d{4}|tháng \d{1,2}/\d{4})\)$").all()
    web = values[values["Liên kết"].notna()]
    assert web["Liên kết"].str.match(r"^https?://").all()
    assert not values.map(lambda cell: bool(re.search(r"\.txt|\(không rõ\)", str(cell)))).any().any()
    # The curators' notes in Vietnamese
    assert "theo giá hiện hành" in set(values["Ghi chú"])


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


def selectbox(at: AppTest, key: str):
    return next(box for box in at.selectbox if box.key == key)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_coverage_cell_link_shows_exactly_its_values(built_db, store, lang):
    """?ind=&j=&year=&kind=&method=&scope= (a cell of the coverage page): its one value, the filters shown set."""
    at = open_page(ind="kcn_area", j="vinh_phuc", year="2022", kind="actual", method="", scope="province", lang=lang)
    assert not at.exception
    values = values_frame(at)
    expected = paged(store, kind="actual", narrowing=catalogue.Narrowing("kcn_area", "vinh_phuc", 2022, "", "province"))
    assert len(values) == len(expected) >= 1
    assert ("3.100" if lang == "vi" else "3,100") in set(values[t("col_value", lang)])
    assert (selectbox(at, "ind").value, selectbox(at, "j").value, selectbox(at, "year").value,
            selectbox(at, "method").value, selectbox(at, "scope").value) == ("kcn_area", "vinh_phuc", "2022", "",
                                                                             "province")
    assert at.query_params["method"] == "" and at.query_params["year"] == "2022"
    assert len(status_frame(at)) == targets_count(built_db)  # the status table is never narrowed


FACETS = {"ind": ["kcn_area", "digital_economy_share_grdp", "fdi_registered_capital"],
          "j": ["thai_nguyen", "thai_nguyen_2025", "vinh_phuc", "phu_tho_2025"],
          "method": ["", "annual_report_2022", "gso_value_added", "ict_sector_grdp"],
          "scope": ["province", "industrial_zones", "excluding_samsung", "kcn_incl_it_park", "high_tech"]}


@pytest.mark.parametrize("key, value", [(k, v) for k, values in FACETS.items() for v in values])
def test_each_narrowing_filter_value_from_the_url(built_db, store, search, key, value):
    at = open_page(**{key: value})
    assert not at.exception
    assert selectbox(at, key).value == value
    field = {"ind": "indicator", "j": "jurisdiction"}.get(key, key)
    expected = narrowed(search(), catalogue.Narrowing(**{field: value}))
    if expected.empty:  # a method no value uses yet: said so, no values table
        assert at.info and "Không có giá trị" in at.info[0].value
        assert t("col_indicator", "vi") not in values_frame(at).columns
    else:  # the first page of them
        assert len(values_frame(at)) == min(len(expected), catalogue.VALUES_PAGE_SIZE)


def test_every_year_from_the_url(built_db, store, search):
    years = sorted({str(day)[:4] for day in search()["period_end"]})
    assert len(years) >= 5
    for year in years:
        at = open_page(year=year)
        assert not at.exception and selectbox(at, "year").value == year
        assert len(values_frame(at)) == len(narrowed(search(), catalogue.Narrowing(year=int(year))))


def test_a_topic_offers_only_its_indicators(built_db):
    at = open_page(cat="fdi", ind="kcn_area")  # kcn_area is not an FDI indicator: ignored
    assert not at.exception
    assert selectbox(at, "ind").value == "" and "kcn_area" not in selectbox(at, "ind").options
    assert "ind" not in at.query_params


def test_nothing_found_says_so(built_db):
    at = open_page(q="zzzzzz-khong-co")
    assert not at.exception
    assert at.info and "Không có giá trị" in at.info[0].value
    assert len(status_frame(at)) == targets_count(built_db)


@pytest.fixture
def deferred_files(monkeypatch) -> dict:
    """What each download button built on click would serve: Streamlit's registrations of deferred files, kept
    (AppTest's runtime, which holds them, lasts only for one run)."""
    registered: dict = {}
    original = MediaFileManager.add_deferred

    def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        file_id = original(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)
        registered[file_id] = (data_callable, mimetype, file_name)
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return registered


def downloaded(files: dict, button) -> tuple[str, str, bytes]:
    """Click a download button whose file is built on click: (file name, MIME type, contents)."""
    assert button.proto.deferred_file_id and not button.proto.url  # nothing built until clicked
    build, mime, name = files[button.proto.deferred_file_id]
    return name, mime, build()


def test_the_whole_dataset_downloads_as_csv_and_excel(built_db, search, deferred_files):
    at = open_page(q="Samsung")
    csv_button, excel_button = at.get("download_button")
    assert "CSV" in csv_button.proto.label and "ZIP" not in csv_button.proto.label
    assert "Excel" in excel_button.proto.label
    # what the button serves, even when the table is narrowed: every value, every column, UTF-8 with BOM
    name, mime, data = downloaded(deferred_files, csv_button)
    assert name == f"{catalogue.DOWNLOAD_STEM}.csv" and mime == "text/csv"
    assert data.startswith(b"\xef\xbb\xbf")
    everything = search()
    again = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False)
    assert len(again) == len(everything) and list(again.columns) == list(everything.columns)
    name, mime, data = downloaded(deferred_files, excel_button)
    assert name == f"{catalogue.DOWNLOAD_STEM}.xlsx" and mime == exports.XLSX_MIME
    sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True)["data"]
    assert len(list(sheet.iter_rows())) == len(everything) + 1


@pytest.mark.parametrize("query", [
    {"q": "<script>alert(1)</script>"},
    {"q": "'; DROP TABLE observation_facts; --"},
    {"q": "x" * 10_000},
    {"cat": "'; DROP TABLE x; --", "kind": "<b>", "lang": "zz"},
    {"unknown": "1", "ind": "no_such_indicator", "from": "-5"},
    {"ind": "<script>", "j": "thai_nguyen' OR '1'='1", "year": "20222", "method": "../x", "scope": "%"},
])
def test_hostile_parameters(built_db, query):
    at = open_page(**query)
    assert not at.exception
    assert len(status_frame(at)) == targets_count(built_db)
    assert len(at.text_input[0].value) <= catalogue.MAX_SEARCH_CHARS
    assert at.selectbox[0].value == "" and at.get("button_group") is not None
    assert all(box.value in ("", catalogue.ANY_METHOD) for box in at.selectbox)  # every filter left at "any"
    assert only_our_html(at)  # nothing from the data or the URL is rendered as HTML
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


@pytest.mark.parametrize("page", ["7", "-1", "abc", "99999999999999999999"])
def test_one_page_needs_no_page_number(built_db, page):
    # The shipped store holds more values than one page; its targets fit on one.
    at = open_page(page=page, kind="target")
    assert not at.exception
    assert 0 < len(values_frame(at)) <= catalogue.VALUES_PAGE_SIZE and not at.number_input
    assert "page" not in at.query_params
    assert at.caption[0].value.startswith("Hiển thị ") and "–" not in at.caption[0].value  # no "1–200" range


def test_the_shipped_store_needs_a_second_page(built_db):
    at = open_page()
    assert not at.exception
    assert len(values_frame(at)) == catalogue.VALUES_PAGE_SIZE and at.number_input
    assert at.caption[0].value.startswith("Hiển thị 1–200 trên ")


# --- several pages: a small synthetic store of 1 000 values (provdash.scale_db) ---------------------------

SMALL_ROWS = 1000


@pytest.fixture(scope="module")
def small_db(tmp_path_factory):
    target = tmp_path_factory.mktemp("paged") / "small.duckdb"
    scale_db.generate(SMALL_ROWS, target, seed=0, quiet=True)
    return target


@pytest.fixture
def paged_store(built_db, small_db, monkeypatch):
    """The app reads the small store for one test (built_db first, so its setting is what comes back)."""
    monkeypatch.setenv("DASHBOARD_DB", str(small_db))
    con = connect_readonly(small_db)
    yield con
    con.close()


def test_the_first_of_several_pages(paged_store):
    at = open_page()
    assert not at.exception
    assert len(values_frame(at)) == catalogue.VALUES_PAGE_SIZE
    assert at.caption[0].value == "Hiển thị 1–200 trên 1.000 giá trị."
    assert at.number_input(key="page").value == 1 and at.number_input(key="page").max == 5
    assert "page" not in at.query_params
    first = paged(paged_store)
    assert list(values_frame(at)[t("col_period", "vi")]) == list(first["period_label"])
    # the source list under the table names the sources of the rows shown, not of every value
    listed = at.expander[0].caption[0].value.split("  \n")[1:]
    assert listed == views.source_lines(first, "vi")
    assert first["source_id"].nunique() < paged_store.execute("SELECT count(*) FROM sources").fetchone()[0]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_page_from_the_url(paged_store, lang):
    at = open_page(page="3", lang=lang)
    assert not at.exception
    assert at.number_input(key="page").value == 3 and at.query_params["page"] == "3"
    expected = paged(paged_store, offset=400)
    assert len(values_frame(at)) == len(expected) == 200
    place = "Địa bàn" if lang == "vi" else "Jurisdiction"
    names = expected["jurisdiction_name" if lang == "vi" else "jurisdiction_name_en"]
    assert list(values_frame(at)[place]) == list(names)
    assert at.caption[0].value == {"vi": "Hiển thị 401–600 trên 1.000 giá trị.",
                                   "en": "Showing 401–600 of 1,000 values."}[lang]


@pytest.mark.parametrize("page, expected", [
    ("9", 5), ("99999999999999999999", 1), ("0", 1), ("-2", 1), ("abc", 1), ("2.0", 1), ("1e3", 1), ("\u0663", 1),
    ("<script>alert(1)</script>", 1), ("", 1), (["2", "4"], 4),
])
def test_hostile_page_numbers(paged_store, page, expected):
    at = open_page(page=page)
    assert not at.exception
    assert at.number_input(key="page").value == expected
    assert at.query_params.get("page") == (None if expected == 1 else str(expected))
    assert len(values_frame(at)) == 200 and only_our_html(at)


def test_paging_writes_the_url_and_a_new_search_starts_again(paged_store):
    at = open_page()
    at.number_input(key="page").set_value(5).run()
    assert not at.exception
    assert at.query_params["page"] == "5" and at.caption[0].value == "Hiển thị 801–1.000 trên 1.000 giá trị."
    at.text_input[0].input("Thái Nguyên").run()  # fewer matches: back to the first page
    assert not at.exception
    assert "page" not in at.query_params
    matching, total = counted(paged_store, "Thái Nguyên")
    assert 0 < matching < total
    assert len(values_frame(at)) == min(matching, 200)


def test_large_stores_get_a_zipped_csv_and_no_excel(paged_store, monkeypatch, deferred_files):
    monkeypatch.setattr(catalogue, "CSV_ZIP_FROM", 500)
    monkeypatch.setattr(catalogue, "EXCEL_MAX_VALUES", 500)
    at = open_page()
    assert not at.exception
    (csv_button,) = at.get("download_button")
    assert "ZIP" in csv_button.proto.label
    name, mime, data = downloaded(deferred_files, csv_button)
    assert name == f"{catalogue.DOWNLOAD_STEM}.zip" and mime == exports.ZIP_MIME
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        table = archive.read(f"{catalogue.DOWNLOAD_STEM}.csv")
    assert table.startswith(exports.CSV_BOM)
    assert len(pd.read_csv(io.BytesIO(table), encoding="utf-8-sig", keep_default_na=False)) == SMALL_ROWS
    assert any("1.048.576" in box.value and "1.000" in box.value for box in at.info)  # why there is no Excel file


def test_many_targets_show_the_first_and_offer_all_as_a_file(paged_store, monkeypatch):
    """A national store holds tens of thousands of targets: the page formats only the first TARGETS_SHOWN."""
    in_all = paged_store.execute("SELECT count(*) FROM target_progress").fetchone()[0]
    assert in_all > 5
    monkeypatch.setattr(catalogue, "TARGETS_SHOWN", 5)
    ui._memoised.clear()  # the page's views are memoised per database version: earlier tests filled them
    at = open_page()
    assert not at.exception
    table = at.dataframe[-1].value
    assert len(table) == 5
    caption = next(c.value for c in at.caption if "mục tiêu có năm cần đạt" in c.value)
    assert caption.startswith(f"{views.count(in_all, 'vi')} mục tiêu") and "5 mục tiêu đầu tiên" in caption
    assert any(b.proto.label == t("src_targets_download", "vi") for b in at.get("download_button"))
    data = catalogue.target_status_csv().decode("utf-8-sig")
    rows = pd.read_csv(io.StringIO(data))
    assert len(rows) == in_all and {"indicator", "jurisdiction", "status", "target_value"} <= set(rows.columns)
    ui._memoised.clear()  # nor may this test's five rows outlive it
