"""AppTest of the entry point and home page against the real database."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest

from provdash import paths


def run_app(built_db, **query):
    at = AppTest.from_file(str(paths.ROOT / "dashboard.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def test_home_shows_what_the_store_holds(built_db):
    at = run_app(built_db)
    assert not at.exception
    labels = {m.label: m.value for m in at.metric}
    assert labels["Chỉ tiêu"] != "0" and int(labels["Giá trị"].replace(".", "")) >= 160
    assert at.title[0].value.startswith("Mục tiêu và tiến độ")


def test_home_in_english(built_db):
    at = run_app(built_db, lang="en")
    assert not at.exception
    assert "Indicators" in {m.label for m in at.metric}
    assert at.title[0].value.startswith("Targets and progress")


def test_unknown_language_falls_back_to_vietnamese(built_db):
    at = run_app(built_db, lang="<script>alert(1)</script>")
    assert not at.exception
    assert at.title[0].value.startswith("Mục tiêu")
