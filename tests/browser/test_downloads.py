"""What people take away from a chart, downloaded the way they would: the PNG from Plotly's camera button, and
from the "Bảng số liệu của biểu đồ" expander the CSV, the Excel workbook and the server-rendered PNG."""
from __future__ import annotations

import io
import struct
from datetime import datetime

import openpyxl
import pandas as pd
import pytest

from provdash.i18n import t
from tests.browser.conftest import open_page, wait_for_charts, wait_until_settled

pytestmark = pytest.mark.browser

PAGE, CHART, FILE_STEM = "kinh_te_so", "de_share", "kinh-te-so-ty-trong-grdp"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# The columns a value needs to be read correctly (the data files' ids: exports.DATA_COLUMNS).
CONTEXT_COLUMNS = ["source_title", "unit", "unit_label", "period_start", "period_end", "period_label", "qualifier"]


@pytest.fixture(scope="module")
def chart_page(shared_context, base_url):
    """/kinh_te_so in Vietnamese, open once for every download test."""
    tab = shared_context.new_page()
    open_page(tab, base_url, PAGE, title=t("de_title", "vi"))
    wait_for_charts(tab)
    yield tab
    tab.close()


def download(page, trigger) -> tuple[str, bytes]:
    with page.expect_download() as pending:
        trigger()
    result = pending.value
    wait_until_settled(page)  # a download button may rerun the app; let that run end before the next click
    return result.suggested_filename, result.path().read_bytes()


def from_table(page, kind: str) -> tuple[str, bytes]:
    """Open the chart's data-table expander (once) and download one of its files (`kind`: csv, xlsx, png)."""
    button = page.locator(f".st-key-{CHART}-{kind} button")
    if not button.is_visible():
        page.locator("[data-testid='stExpander'] summary", has_text=t("table_view", "vi")).first.click()
    button.wait_for(state="visible")
    return download(page, button.click)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE, f"not a PNG: starts with {data[:8]!r}"
    return struct.unpack(">II", data[16:24])  # IHDR: width, height


def test_png_from_the_chart_toolbar(chart_page):
    chart = chart_page.locator(f".st-key-{CHART} [data-testid='stPlotlyChart']")
    chart.scroll_into_view_if_needed()
    chart.hover()
    camera = chart.locator(".modebar-btn[data-title*='png' i]")
    name, data = download(chart_page, camera.click)
    assert name == f"{FILE_STEM}.png"
    width, height = png_size(data)
    assert width > 0 and height > 0


def test_csv_of_the_chart_data(chart_page):
    name, data = from_table(chart_page, "csv")
    assert name == f"{FILE_STEM}.csv"
    table = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert len(table) > 0
    for column in CONTEXT_COLUMNS:
        assert column in table.columns, f"the CSV has no {column!r} column: {list(table.columns)}"
    assert (table["source_title"] != "").all() and (table["unit"] != "").all()
    # For machines: ids, ISO dates, "." as the decimal point
    assert table["indicator"].eq("digital_economy_share_grdp").all()
    assert table["period_end"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert "42.92" in set(table["value"]) and not table["value"].str.contains(",").any()


def test_csv_says_which_province_each_row_is_about(chart_page, province_names):
    # Guards against two column labels colliding in one language (they once did: province and unit were both
    # "Đơn vị", and the province column silently disappeared from the files).
    _, data = from_table(chart_page, "csv")
    table = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    provinces = set(province_names["vi"].values())
    assert table["jurisdiction_name"].isin(provinces).all(), list(table.columns)


def test_excel_of_the_chart_data(chart_page):
    name, data = from_table(chart_page, "xlsx")
    assert name == f"{FILE_STEM}.xlsx"
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    assert {"data", "about"} <= set(workbook.sheetnames)
    rows = list(workbook["data"].iter_rows(values_only=True))
    assert len(rows) > 1
    for column in CONTEXT_COLUMNS:
        assert column in rows[0]
    values = [dict(zip(rows[0], row)) for row in rows[1:]]
    assert all(isinstance(v["value"], (int, float)) for v in values), "numbers are numbers, not text"
    assert all(isinstance(v["period_end"], datetime) for v in values), "dates are dates"
    assert 42.92 in {v["value"] for v in values}
    about = dict(row[:2] for row in workbook["about"].iter_rows(min_row=2, values_only=True))
    assert about.get("title") and "source" in about


def test_png_rendered_by_the_server(chart_page):
    name, data = from_table(chart_page, "png")
    assert name == f"{FILE_STEM}.png"
    width, height = png_size(data)
    assert width >= 1000 and height > 0  # Kaleido at scale 2


def test_the_same_file_downloads_again_and_again(chart_page):
    # Files are made on click. A click once reran the page, and clicking again as a person does (a moment later,
    # not after the rerun had settled) then silently did nothing from the third click on.
    from_table(chart_page, "csv")  # opens the table's expander
    sizes = []
    for kind in ("csv", "csv", "csv", "xlsx", "xlsx", "csv"):
        with chart_page.expect_download(timeout=20_000) as pending:
            chart_page.locator(f".st-key-{CHART}-{kind} button").click()
        sizes.append(len(pending.value.path().read_bytes()))
        chart_page.wait_for_timeout(1500)
    assert all(size > 0 for size in sizes) and len(set(sizes[:3] + sizes[5:])) == 1
