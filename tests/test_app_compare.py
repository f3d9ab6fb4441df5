"""AppTest of the Compare page (pages/compare.py) against the real database: default view, the indicator
kept in the URL, both languages, the caveats, the figure, and hostile URL parameters."""
from __future__ import annotations

import base64
import json

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from provdash import paths
from tests.conftest import open_app_page
from provdash.queries import connect_readonly

PAGE = "pages/compare.py"


def open_page(**query) -> AppTest:
    """The app opened like a browser would (entry point first), then switched to the Compare page."""
    return open_app_page(PAGE, check_entry=True, **query)


def figure(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def numbers(values) -> list[float]:
    """A trace's x or y from the figure JSON: a plain list, or Plotly's typed array {dtype, bdata}."""
    if isinstance(values, dict):
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values)


def change_table(at: AppTest):
    """The change table as shown (st.table reads Markdown, so its cells arrive escaped; unescape to compare)."""
    table = at.table[0].value
    return table.map(lambda cell: str(cell).replace("\\", ""))


def warnings(at: AppTest) -> str:
    return " ".join(w.value for w in at.warning).replace("\\", "")


@pytest.mark.parametrize("lang, title, separators, method_words", [
    ("vi", "So sánh Thái Nguyên và Vĩnh Phúc", ",.", "phương pháp khác nhau"),
    ("en", "Thái Nguyên compared with Vĩnh Phúc", ".,", "different methods"),
])
def test_default_view(built_db, lang, title, separators, method_words):
    at = open_page(lang=lang)
    assert not at.exception
    assert at.title[0].value == title
    assert at.selectbox[0].value == "digital_economy_share_grdp"
    spec = figure(at)
    assert spec["layout"]["separators"] == separators
    names = [trace["name"] for trace in spec["data"]]
    assert any(name.startswith("Thái Nguyên") for name in names) and any(name.startswith("Vĩnh Phúc") for name in names)
    # the 2022 annual-report figures and the 2025 GSO figures are different methods
    assert method_words in warnings(at) and len(at.warning) == 1
    assert "ind" not in at.query_params  # the default is not written to the URL
    assert len(change_table(at)) == 4  # one row per comparable series: 2022 report and GSO method, per province


@pytest.mark.parametrize("lang, words", [("vi", "Phạm vi số liệu"), ("en", "differ in scope")])
def test_fdi_capital_warns_about_scope(built_db, lang, words):
    at = open_page(ind="fdi_registered_capital", lang=lang)
    assert not at.exception
    assert at.selectbox[0].value == "fdi_registered_capital"
    text = warnings(at)
    assert words in text and ("KCN" in text)
    spec = figure(at)
    assert len({trace["name"] for trace in spec["data"]}) >= 3  # Thái Nguyên, Vĩnh Phúc province-wide, KCN only
    ys = [y for trace in spec["data"] for y in numbers(trace["y"])]
    # one scale, billion USD: the newest Thái Nguyên stock is 11,9 (merged, March 2026), the smallest 3,06 (Vĩnh Phúc
    # KCN 2018, stated as 3.060 million USD and drawn converted)
    assert max(ys) == pytest.approx(11.9) and min(ys) > 3
    changes = change_table(at)
    # Thái Nguyên old and merged, its KCN-only value, Vĩnh Phúc province-wide and KCN-only: never joined
    assert len(changes) == 5
    assert any(value.startswith("+3,91 tỷ USD" if lang == "vi" else "+3.91 billion USD")  # 7,29 (2018) to 11,2 (2025)
               for value in changes.iloc[:, 4])


def test_rank_of_63_against_rank_of_34_is_a_unit_caveat(built_db):
    at = open_page(ind="dti_rank")
    assert not at.exception
    assert "hạng/34" in warnings(at) and "Đơn vị" in warnings(at)
    assert figure(at)["layout"]["yaxis"]["autorange"] == "reversed"


def test_part_years_against_full_years_is_a_period_caveat(built_db):
    at = open_page(ind="fdi_registered_new_and_added", lang="en")
    assert not at.exception
    assert "periods differ" in warnings(at)


@pytest.mark.parametrize("indicator", ["grdp_growth", "pci_rank", "fdi_projects_active", "grdp"])
def test_other_indicators_render(built_db, indicator):
    at = open_page(ind=indicator, lang="en")
    assert not at.exception
    assert at.selectbox[0].value == indicator
    assert figure(at)["data"]


def test_picking_an_indicator_writes_it_to_the_url(built_db):
    at = open_page()
    at.selectbox[0].set_value("pci_rank").run()
    assert not at.exception
    assert at.query_params["ind"] == "pci_rank"


@pytest.mark.parametrize("query", [
    {"ind": "'; DROP TABLE x; --"},
    {"ind": "samsung_fdi_capital"},  # held for Thái Nguyên only: not an option
    {"ind": "<script>alert(1)</script>", "lang": "<b>en</b>"},
    {"ind": "x" * 10_000},
    {"unknown": "1", "j": "bac_kan", "from": "1900"},
])
def test_hostile_parameters_fall_back_to_the_default(built_db, query):
    before = store_size(built_db)
    at = open_page(**query)
    assert not at.exception
    assert at.selectbox[0].value == "digital_economy_share_grdp"
    assert figure(at)["data"]
    assert store_size(built_db) == before  # nothing was executed against the store


def store_size(path) -> tuple[int, int]:
    con = connect_readonly(path)
    try:
        return con.execute("SELECT (SELECT count(*) FROM observation_facts), "
                           "(SELECT count(*) FROM information_schema.tables)").fetchone()
    finally:
        con.close()


def test_presenter_mode_keeps_the_caveat_on_the_chart_slide(built_db):
    at = open_page(ind="fdi_registered_capital", present="1")
    assert not at.exception
    assert len(at.get("plotly_chart")) == 1 and not at.table  # slide 1: the chart only
    assert not at.warning and any("KCN" in c.value for c in at.caption)  # the caveat under the chart
    at.button(key="present_next").click().run()  # slide 2: the change table
    assert not at.exception and at.table and not at.get("plotly_chart")
