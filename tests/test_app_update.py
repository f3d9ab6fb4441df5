"""AppTest of the update page: extraction for everyone, saving only with the planner secret."""
from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from streamlit.testing.v1 import AppTest

from provdash import build, curation, paths

ARTICLE = ("Trong năm 2024, tỉnh Thái Nguyên thu hút vốn FDI cấp mới đạt 518,54 triệu USD "
           "với 22 dự án FDI cấp mới.")
SECRET = "planner-secret-for-tests"


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def store(data_copy, tmp_path, monkeypatch):
    target = tmp_path / "indicators.duckdb"
    build.build(data_copy, target)
    monkeypatch.setattr(paths, "DATA_DIR", data_copy)
    monkeypatch.setenv("DASHBOARD_DB", str(target))
    monkeypatch.setattr(curation.time, "sleep", lambda seconds: None)
    return data_copy, target


def open_update(lang="vi") -> AppTest:
    at = AppTest.from_file(str(paths.ROOT / "dashboard.py"), default_timeout=90)
    at.query_params["lang"] = lang
    at.run()
    return at.switch_page("app_pages/update.py").run()


def extract(at: AppTest, text: str) -> AppTest:
    at.text_area(key="up_text").set_value(text).run()
    return at.button(key="up_extract").click().run()


def fill_source(at: AppTest) -> None:
    at.text_input(key="up_source_title").set_value("FDI năm 2024 của Thái Nguyên")
    at.text_input(key="up_source_outlet").set_value("Báo Thái Nguyên")
    at.text_input(key="up_source_url").set_value("https://baothainguyen.vn/fdi-2024")
    at.date_input(key="up_published").set_value(dt.date(2025, 1, 5))


@pytest.mark.parametrize("lang, found", [("vi", "Tìm thấy 2 con số"), ("en", "Found 2 quantities")])
def test_extraction_works_without_any_secret(store, monkeypatch, lang, found):
    monkeypatch.delenv("PLANNER_SECRET", raising=False)
    at = extract(open_update(lang), ARTICLE)
    assert not at.exception
    assert any(found in s.value for s in at.success)
    assert any("PLANNER_SECRET" in i.value for i in at.info), "without a secret the page says it only extracts"
    assert not at.get("form")


@pytest.mark.parametrize("text, expected", [("", "Chưa có nội dung"), ("Không có con số nào ở đây.", "Không tìm thấy")])
def test_empty_text_and_text_without_numbers_get_a_clear_message(store, text, expected):
    at = extract(open_update(), text)
    assert not at.exception
    assert any(expected in m.value for m in list(at.info) + list(at.warning))


def test_wrong_secret_writes_nothing(store, monkeypatch):
    data_dir, target = store
    monkeypatch.setenv("PLANNER_SECRET", SECRET)
    before = (digest(data_dir / "observations.csv"), digest(target))
    at = extract(open_update(), ARTICLE)
    fill_source(at)
    at.text_input(key="up_text").set_value(ARTICLE) if False else None
    form_inputs = [w for w in at.text_input if w.key is None or not w.key.startswith("up_")]
    form_inputs[0].set_value("Mallory")
    form_inputs[1].set_value("guess")
    at.button[-1].click().run()
    assert not at.exception
    assert any("Nothing saved" in e.value or "Không lưu" in e.value for e in at.error), [e.value for e in at.error]
    assert (digest(data_dir / "observations.csv"), digest(target)) == before


def test_planner_saves_reviewed_rows_and_they_reach_the_database(store, monkeypatch):
    data_dir, target = store
    monkeypatch.setenv("PLANNER_SECRET", SECRET)
    at = extract(open_update(), ARTICLE)
    fill_source(at)
    form_inputs = [w for w in at.text_input if w.key is None or not w.key.startswith("up_")]
    form_inputs[0].set_value("Planner Hà")
    form_inputs[1].set_value(SECRET)
    at.button[-1].click().run()
    assert not at.exception
    assert any("Đã lưu 2 giá trị" in s.value for s in at.success), [e.value for e in at.error] + [c.value for c in at.code]
    import duckdb
    con = duckdb.connect(str(target), read_only=True)
    try:
        saved = con.execute("SELECT indicator, value, unit, period_label FROM observations "
                            "WHERE source_title = 'FDI năm 2024 của Thái Nguyên' ORDER BY indicator").fetchall()
    finally:
        con.close()

    assert saved == [("fdi_new_capital", 518.54, "usd_mn", "năm 2024"), ("fdi_new_projects", 22.0, "projects", "năm 2024")]
    assert curation.read_audit(data_dir)[-1]["saved_by"] == "Planner Hà"
