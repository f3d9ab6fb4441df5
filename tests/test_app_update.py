"""AppTest of the update page: extraction for everyone, a review in the planner's language, saving only with the
planner secret, and never the same value twice."""
from __future__ import annotations

import datetime as dt
import json
import re

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from provdash import curation, paths
from tests.conftest import digest

# Facts that are not in the shipped data (so a save adds them); a source URL that is not stored either
ARTICLE = ("Quý I/2025, tỉnh Vĩnh Phúc thu hút 15 dự án FDI cấp mới với tổng vốn đăng ký cấp mới đạt 120,5 "
           "triệu USD.")
SOURCE = {"up_source_title": "Vĩnh Phúc thu hút FDI quý I/2025", "up_source_outlet": "Báo Vĩnh Phúc",
          "up_source_url": "https://baovinhphuc.com.vn/fdi-quy-i-2025"}
PUBLISHED = dt.date(2025, 4, 5)
# Values the shipped data holds already (from another source), and one it holds with another value
STORED_ARTICLE = ("Trong năm 2024, tỉnh Thái Nguyên thu hút vốn FDI cấp mới đạt 518,54 triệu USD "
                  "với 22 dự án FDI cấp mới.")
DIFFERENT_ARTICLE = "Phấn đấu đến năm 2025, tỷ trọng kinh tế số trong GRDP của tỉnh Thái Nguyên đạt 25%."
SECRET = "planner-secret-for-tests"
# Internal ids, and what an empty cell must not show; in English, words such as "projects" are real words
IDS = {"vi": re.compile(r"\b(?:[a-z]+_[a-z_]+|projects|province|actual|target|pct|None|nan|NaN)\b"),
       "en": re.compile(r"\b(?:[a-z]+_[a-z_]+|pct|None|nan|NaN)\b")}


def state(data_dir, target):
    audit = data_dir / curation.AUDIT_FILE
    return (digest(data_dir / "observations.csv"), digest(data_dir / "sources.csv"), digest(target),
            audit.read_text(encoding="utf-8") if audit.exists() else "")


def open_update(lang="vi") -> AppTest:
    at = AppTest.from_file(str(paths.ROOT / "dashboard.py"), default_timeout=90)
    at.query_params["lang"] = lang
    at.run()
    return at.switch_page("app_pages/update.py").run()


def extract(at: AppTest, text: str, source: dict | None = SOURCE, published=PUBLISHED) -> AppTest:
    at.text_area(key="up_text").set_value(text)
    for key, value in (source or {}).items():
        at.text_input(key=key).set_value(value)
    if published:
        at.date_input(key="up_published").set_value(published)
    return at.button(key="up_extract").click().run()


def submit(at: AppTest, secret: str | None, saved_by: str = "Planner Hà") -> AppTest:
    at.text_input(key="up_saved_by").set_value(saved_by)
    at.text_input(key="up_secret").set_value(secret or "")
    return at.button(key="FormSubmitter:up_save_form-" + ("Kiểm tra và lưu" if _lang(at) == "vi" else
                                                            "Check and save")).click().run()


def _lang(at: AppTest) -> str:
    return "en" if at.query_params.get("lang") in ("en", ["en"]) else "vi"


def texts_of(at: AppTest, *kinds: str) -> list[str]:
    return [e.value for kind in kinds for e in getattr(at, kind)]


def review_columns(at: AppTest) -> dict:
    """The review table's column configuration as the browser receives it."""
    return json.loads(at.dataframe[0].proto.columns)


def saved_rows(target, url):
    con = duckdb.connect(str(target), read_only=True)
    try:
        return con.execute("SELECT indicator, jurisdiction, value, unit, period_start, period_end, period_label, kind, "
                           "quote FROM observations WHERE source_url = ? ORDER BY indicator", [url]).fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("lang, found", [("vi", "Tìm thấy 2 con số"), ("en", "Found 2 quantities")])
def test_extraction_works_without_any_secret(store, monkeypatch, lang, found):
    monkeypatch.delenv("PLANNER_SECRET", raising=False)
    at = extract(open_update(lang), ARTICLE)
    assert not at.exception
    assert any(found in s for s in texts_of(at, "success"))
    assert any("PLANNER_SECRET" in i for i in texts_of(at, "info")), "without a secret the page says it only extracts"
    assert not [f for f in at.get("form") if "up_save_form" in str(f.proto)]


@pytest.mark.parametrize("text, expected", [("", "Chưa có nội dung"), ("Không có con số nào ở đây.", "Không tìm thấy")])
def test_empty_text_and_text_without_numbers_get_a_clear_message(store, text, expected):
    at = extract(open_update(), text)
    assert not at.exception
    assert any(expected in m for m in texts_of(at, "info", "warning"))


@pytest.mark.parametrize("lang, headers, indicator, place, kind, period", [
    ("vi", ["Chỉ tiêu", "Địa phương", "Kỳ", "Năm", "Giá trị", "Đơn vị", "Loại", "Từ kèm theo", "Phạm vi"],
     "Vốn FDI cấp mới", "Vĩnh Phúc (trước sáp nhập)", "Thực hiện", "quý I"),
    ("en", ["Indicator", "Place", "Period", "Year", "Value", "Unit", "Kind", "Qualifier", "Scope"],
     "Newly registered FDI capital", "Vĩnh Phúc (before merger)", "Actual", "quarter I"),
])
def test_the_review_speaks_the_planners_language(store, lang, headers, indicator, place, kind, period):
    at = extract(open_update(lang), ARTICLE)
    assert not at.exception
    columns = review_columns(at)
    labels = [c.get("label") for name, c in columns.items() if name != "_index"]
    assert all(h in labels for h in headers), labels
    options = {name: {o["value"]: o["label"] for o in c["type_config"].get("options", [])}
               for name, c in columns.items() if c.get("type_config", {}).get("type") == "selectbox"}
    assert options["indicator"]["fdi_new_capital"] == indicator
    assert options["jurisdiction"]["vinh_phuc"] == place
    assert options["kind"]["actual"] == kind
    assert options["period"]["quarter_1"] == period
    for name, choices in options.items():   # every choice is shown by its title, never by its id
        # (English words such as "projects" or "over" are spelled like their ids; "ha" is "ha" in both)
        assert not [v for v, label in choices.items() if label == v and ("_" in v or lang == "vi" and v != "ha")], name
    # The preview of what will be written reads as people read it: titles, names, DD/MM/YYYY, no id, no "None"
    preview = at.table[-1].value.reset_index()
    assert list(preview.iloc[:, 1]) == ["New FDI projects licensed" if lang == "en" else "Dự án FDI cấp mới", indicator]
    assert set(preview.iloc[:, 4]) == {"01/01/2025"} and set(preview.iloc[:, 5]) == {"31/03/2025"}
    cells = " ".join(str(v) for v in preview.to_numpy().ravel())
    assert not IDS[lang].findall(cells), IDS[lang].findall(cells)
    assert ("120,5" if lang == "vi" else "120.5") in cells


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_planner_saves_and_a_resave_adds_nothing(store, monkeypatch, lang):
    data_dir, target = store
    monkeypatch.setenv("PLANNER_SECRET", SECRET)
    at = submit(extract(open_update(lang), ARTICLE), SECRET)
    assert not at.exception
    success = {"vi": "Đã lưu 2 giá trị", "en": "Saved 2 values"}[lang]
    assert any(success in s for s in texts_of(at, "success")), texts_of(at, "error") + [c.value for c in at.code]
    rows = saved_rows(target, SOURCE["up_source_url"])
    assert [r[:8] for r in rows] == [
        ("fdi_new_capital", "vinh_phuc", 120.5, "usd_mn", dt.date(2025, 1, 1), dt.date(2025, 3, 31), "Quý I/2025", "actual"),
        ("fdi_new_projects", "vinh_phuc", 15.0, "projects", dt.date(2025, 1, 1), dt.date(2025, 3, 31), "Quý I/2025",
         "actual")]
    assert all(len(r[8]) > len("120,5 triệu USD") and r[8] in ARTICLE for r in rows), "the quote is the clause"
    assert curation.read_audit(data_dir)[-1]["saved_by"] == "Planner Hà"
    before = state(data_dir, target)

    # The same article again, in a new session: every row is shown as saved already, and saving adds nothing.
    again = extract(open_update(lang), ARTICLE)
    assert any({"vi": "đã lưu từ chính nguồn này", "en": "saved from this very source"}[lang] in str(v)
               for v in again.table[0].value.to_numpy().ravel())
    again = submit(again, SECRET)
    assert not again.exception
    assert any({"vi": "Không có gì mới", "en": "Nothing new"}[lang] in i for i in texts_of(again, "info"))
    assert state(data_dir, target) == before
    assert len(saved_rows(target, SOURCE["up_source_url"])) == 2


def test_the_source_is_recognised_by_its_url(store, monkeypatch):
    monkeypatch.setenv("PLANNER_SECRET", SECRET)
    submit(extract(open_update(), ARTICLE), SECRET)
    at = extract(open_update(), ARTICLE, source={"up_source_url": SOURCE["up_source_url"] + "/?utm_source=zalo"})
    assert any("Nguồn này đã có trong dữ liệu" in i and "cùng địa chỉ" in i for i in texts_of(at, "info"))


def test_values_stored_from_another_source_are_shown_beside_and_skipped(store, monkeypatch):
    data_dir, target = store
    monkeypatch.setenv("PLANNER_SECRET", SECRET)
    at = extract(open_update(), STORED_ARTICLE)
    stored = at.table[0].value
    assert list(stored["Đã lưu"].str.split(" — ").str[0]) == ["518,54 triệu USD", "22 dự án"]
    assert [r.value for r in at.radio] == [curation.SKIP, curation.SKIP]
    before = state(data_dir, target)
    at = submit(at, SECRET)
    assert any("Không có gì mới" in i for i in texts_of(at, "info"))
    assert state(data_dir, target) == before


def test_a_different_value_needs_an_explicit_choice(store, monkeypatch):
    data_dir, target = store
    monkeypatch.setenv("PLANNER_SECRET", SECRET)
    at = extract(open_update(), DIFFERENT_ARTICLE)
    assert [r.value for r in at.radio] == [None], "no choice is made for the planner"
    before = state(data_dir, target)
    at = submit(at, SECRET)
    assert any("hãy chọn giữ hay bỏ qua cho dòng 1" in e for e in texts_of(at, "error"))
    assert state(data_dir, target) == before

    at.radio[0].set_value(curation.KEEP).run()
    at = submit(at, SECRET)
    assert any("Đã lưu 1 giá trị" in s for s in texts_of(at, "success")), texts_of(at, "error")
    assert saved_rows(target, SOURCE["up_source_url"])[0][:3] == ("digital_economy_share_grdp", "thai_nguyen", 25.0)


@pytest.mark.parametrize("lang, secret, expected", [
    ("vi", "", "hãy nhập mã bí mật"), ("en", "", "enter the planner secret"),
    ("vi", "guess", "mã bí mật không đúng"), ("en", "guess", "the planner secret is wrong"),
])
def test_a_missing_or_wrong_secret_writes_nothing_and_says_which(store, monkeypatch, lang, secret, expected):
    data_dir, target = store
    monkeypatch.setenv("PLANNER_SECRET", SECRET)
    before = state(data_dir, target)
    at = submit(extract(open_update(lang), ARTICLE), secret)
    assert not at.exception
    assert any(expected in e for e in texts_of(at, "error")), texts_of(at, "error")
    assert state(data_dir, target) == before


def test_an_address_without_its_scheme_is_completed_and_a_non_address_refused(store, monkeypatch):
    """Copied from an address bar without "https://", the article's address is stored with it (the full check of
    `make db` once refused it in English, naming data/sources.csv); words that are no address get a message in
    the page's language and nothing is written."""
    data_dir, target = store
    monkeypatch.setenv("PLANNER_SECRET", SECRET)
    before = state(data_dir, target)
    for lang, expected in (("vi", "không phải địa chỉ trang web"), ("en", "is not a web address")):
        at = submit(extract(open_update(lang), ARTICLE, source={**SOURCE, "up_source_url": "bài báo in ngày 5/4"}),
                    SECRET)
        assert not at.exception
        assert any(expected in e for e in texts_of(at, "error")), texts_of(at, "error")
        assert state(data_dir, target) == before
    at = submit(extract(open_update(), ARTICLE, source={**SOURCE, "up_source_url": "baovinhphuc.com.vn/fdi-quy-i-2025"}),
                SECRET)
    assert any("Đã lưu 2 giá trị" in s for s in texts_of(at, "success")), texts_of(at, "error") + [c.value for c in at.code]
    assert len(saved_rows(target, SOURCE["up_source_url"])) == 2


def test_the_pasted_text_and_the_review_survive_a_visit_to_another_page(store):
    at = extract(open_update(), ARTICLE)
    at = at.switch_page("app_pages/sources.py").run()
    assert not at.exception
    at = at.switch_page("app_pages/update.py").run()
    assert not at.exception
    assert at.text_area(key="up_text").value == ARTICLE
    assert at.text_input(key="up_source_url").value == SOURCE["up_source_url"]
    assert at.date_input(key="up_published").value == PUBLISHED
    assert any("Tìm thấy 2 con số" in s for s in texts_of(at, "success")), "the review table is still there"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_planner_proposes_an_indicator_and_it_becomes_a_choice(store, lang):
    at = extract(open_update(lang), ARTICLE)
    at.text_input(key="up_new_title_vi").set_value("Tỷ lệ giao dịch thanh toán qua điện thoại di động")
    at.text_input(key="up_new_title_en").set_value("Share of payments made by mobile phone")
    at.selectbox(key="up_new_unit").set_value("pct")
    at.selectbox(key="up_new_category").set_value("digital_economy")
    at.selectbox(key="up_new_type").set_value("share")
    at.selectbox(key="up_new_measure").set_value("flow")
    at.selectbox(key="up_new_direction").set_value("higher")
    at = at.button(key="FormSubmitter:up_new_form-" + ("Thêm vào danh sách chỉ tiêu" if lang == "vi" else
                                                       "Add to the indicator list")).click().run()
    assert not at.exception
    options = {o["value"]: o["label"] for o in review_columns(at)["indicator"]["type_config"]["options"]}
    assert options["new_share_of_payments_made_by_mobile_phone"].startswith("＋ ")
    assert any("mobile" in s or "điện thoại" in s for s in texts_of(at, "success"))


def test_a_proposed_indicator_that_exists_or_counts_one_company_is_refused(store):
    at = extract(open_update(), ARTICLE)
    at.text_input(key="up_new_title_vi").set_value("Vốn FDI cấp mới")
    at.text_input(key="up_new_title_en").set_value("Samsung Electro-Mechanics workers")
    at = at.button(key="FormSubmitter:up_new_form-Thêm vào danh sách chỉ tiêu").click().run()
    errors = " ".join(texts_of(at, "error"))
    assert "đã có trong danh mục" in errors and "không đo một công ty" in errors and "Hãy chọn Đơn vị" in errors


@pytest.mark.parametrize("lang, expected", [("vi", "tệp có vẻ là tệp nhị phân"), ("en", "looks like a binary file")])
def test_an_unreadable_upload_is_explained_in_the_pages_language(store, lang, expected):
    at = open_update(lang)
    at.session_state["up_mode"] = "upload"
    at.run()
    at.file_uploader(key="up_file").set_value(("bai-bao.txt", b"\x00\x01\x02binary", "text/plain")).run()
    assert not at.exception
    errors = texts_of(at, "error")
    assert any(expected in e for e in errors), errors
    assert not any("binary file, not text" in e for e in errors) or lang == "en", "no English on the Vietnamese page"


# --- the spreadsheet import on the page ---------------------------------------------------------------------


def open_import(lang="vi") -> AppTest:
    at = open_update(lang)
    at.session_state["up_mode"] = "sheet"
    return at.run()


def upload(at: AppTest, data: bytes, name: str = "so-lieu.xlsx") -> AppTest:
    return at.file_uploader(key="up_sheet_file").set_value((name, data, "application/octet-stream")).run()


def import_submit(at: AppTest, secret: str) -> AppTest:
    at.text_input(key="up_sheet_saved_by").set_value("Planner Hà")
    at.text_input(key="up_sheet_secret").set_value(secret)
    label = "Kiểm tra và nhập" if _lang(at) == "vi" else "Check and import"
    return at.button(key=f"FormSubmitter:up_sheet_form-{label}").click().run()


@pytest.mark.parametrize("lang, success, nothing_new", [
    ("vi", "Đã nhập 2 giá trị và 1 nguồn mới", "Không có gì mới"),
    ("en", "Imported 2 values and 1 new sources", "Nothing new"),
])
def test_a_planner_imports_a_workbook_and_importing_it_again_adds_nothing(store, monkeypatch, lang, success,
                                                                          nothing_new):
    from tests.test_importer import workbook
    data_dir, target = store
    monkeypatch.setenv("PLANNER_SECRET", SECRET)
    data = workbook(data_dir)
    at = upload(open_import(lang), data)
    assert not at.exception and not texts_of(at, "error"), texts_of(at, "error")
    preview = at.table[-1].value
    assert len(preview) == 2 and not IDS[lang].findall(" ".join(map(str, preview.to_numpy().ravel())))
    at = import_submit(at, SECRET)
    assert any(success in s for s in texts_of(at, "success")), texts_of(at, "error")
    assert curation.read_audit(data_dir)[-1]["action"] == "import"
    before = state(data_dir, target)

    again = upload(open_import(lang), data)
    assert any(nothing_new in i for i in texts_of(again, "info"))
    assert state(data_dir, target) == before


@pytest.mark.parametrize("lang, expected", [
    ("vi", "observations, dòng 2, cột 'value': ô chứa công thức"),
    ("en", "observations, row 2, column 'value': the cell holds a formula"),
])
def test_a_bad_workbook_is_listed_sheet_row_column_in_the_pages_language(store, monkeypatch, lang, expected):
    from tests.test_importer import _formula, workbook
    data_dir, target = store
    monkeypatch.setenv("PLANNER_SECRET", SECRET)
    before = state(data_dir, target)
    at = upload(open_import(lang), workbook(data_dir, change=_formula))
    assert not at.exception
    assert any(expected in e.replace("\\", "") for e in texts_of(at, "error")), texts_of(at, "error")
    assert not at.get("form") or not [f for f in at.get("form") if "up_sheet_form" in str(f.proto)]
    assert state(data_dir, target) == before


def test_importing_needs_the_secret(store, monkeypatch):
    from tests.test_importer import workbook
    data_dir, target = store
    monkeypatch.setenv("PLANNER_SECRET", SECRET)
    before = state(data_dir, target)
    at = import_submit(upload(open_import(), workbook(data_dir)), "")
    assert any("hãy nhập mã bí mật" in e for e in texts_of(at, "error"))
    at = import_submit(at, "guess")
    assert any("mã bí mật không đúng" in e for e in texts_of(at, "error"))
    assert state(data_dir, target) == before
