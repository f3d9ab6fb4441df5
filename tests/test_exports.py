"""Files a planner computes with (provdash.exports): every workbook opened with openpyxl — numbers are numbers,
dates are dates, formats in the page's language, ids as headers — and every CSV read back as a machine would."""
from __future__ import annotations

import io
from datetime import date, datetime

import duckdb
import openpyxl
import pandas as pd
import pytest

from provdash import catalogue, exports
from provdash.i18n import has_text, t
from provdash.queries import connect_readonly, run_query


@pytest.fixture(scope="module")
def rows(built_db) -> pd.DataFrame:
    con = connect_readonly(built_db)
    try:
        return run_query(con, "sources_values", search="", category="", kind="")
    finally:
        con.close()


@pytest.fixture(scope="module")
def share(rows) -> pd.DataFrame:
    return rows[rows["indicator"] == "digital_economy_share_grdp"]


def workbook(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_the_data_columns_are_the_observations_view(built_db):
    con = duckdb.connect(str(built_db), read_only=True)
    try:
        view = [r[0] for r in con.execute("DESCRIBE observations").fetchall()]
    finally:
        con.close()
    assert exports.DATA_COLUMNS == view, ("exports.DATA_COLUMNS must list the observations view's columns in order "
                                          "(a new column also needs its xl_col_<id> text in provdash/texts/exports.yaml)")
    assert all(has_text(f"xl_col_{column}") for column in view)


@pytest.mark.parametrize("value, expected", [
    (22.71, "#,##0.00"), (42.92, "#,##0.00"), (1030.0, "#,##0"), (5.94788, "#,##0.00000"), (0.5, "#,##0.0"),
    (11.2, "#,##0.0"), (7, "#,##0"), (1234567.891234567, "#,##0.000000"),
])
def test_a_number_keeps_the_decimals_its_source_gave(value, expected):
    assert exports.number_format(value) == expected


@pytest.mark.parametrize("lang, date_format", [("vi", "d/m/yyyy"), ("en", "[$-409]d mmm yyyy")])
def test_a_chart_workbook_stores_numbers_as_numbers_and_dates_as_dates(share, lang, date_format):
    book = workbook(exports.excel_bytes(share, lang, "Tỷ trọng kinh tế số"))
    assert book.sheetnames == ["data", "columns", "about"]
    sheet = book["data"]
    header = [c.value for c in sheet[1]]
    assert header == exports.DATA_COLUMNS
    column = {name: i for i, name in enumerate(header)}
    body = list(sheet.iter_rows(min_row=2))
    assert len(body) == len(share)
    for cells, (_, row) in zip(body, share.iterrows()):
        value = cells[column["value"]]
        assert value.data_type == "n" and isinstance(value.value, (int, float)) and value.value == pytest.approx(row["value"])
        assert value.number_format == exports.number_format(row["value"])
        for name in ("period_start", "period_end"):
            cell = cells[column[name]]
            assert cell.is_date and cell.number_format == date_format
            assert cell.value.date() == pd.Timestamp(row[name]).date()
        assert cells[column["indicator"]].data_type == "s" and cells[column["indicator"]].value == row["indicator"]
    as_text = [c.value for cells in body for c in cells if isinstance(c.value, str)]
    assert "22,71" not in as_text and "42,92" not in as_text, "no number stored as text"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref


def test_the_columns_sheet_explains_every_column_in_the_page_language(share):
    for lang in ("vi", "en"):
        described = list(workbook(exports.excel_bytes(share, lang))["columns"].iter_rows(values_only=True))
        assert described[0] == (t("xl_column", lang), t("xl_meaning", lang))
        assert [r[0] for r in described[1:]] == exports.DATA_COLUMNS
        assert all(meaning for _, meaning in described[1:])
    assert dict(list(workbook(exports.excel_bytes(share, "vi"))["columns"].iter_rows(values_only=True))[1:])[
        "value"].startswith("Giá trị")


def test_the_about_sheet_says_what_and_where_from_without_file_names(share):
    about = list(workbook(exports.excel_bytes(share, "vi", "Tỷ trọng"))["about"].iter_rows(values_only=True))
    fields = dict(about[1:5])
    assert fields["title"] == "Tỷ trọng" and fields["language"] == "vi" and fields["values"] == len(share)
    assert isinstance(fields["exported"], datetime) and fields["exported"].date() == date.today()
    sources = [value for field, value in about if field == "source"]
    assert len(sources) == share["source_id"].nunique()
    assert not any(".txt" in s or "không rõ" in s for s in sources)
    assert any(s.startswith("Thái Nguyên tạo bứt phá kinh tế số") and "bài báo ngày 16/8/2024" in s for s in sources)


def _blank(value: object) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value))


def read_back(data: bytes) -> pd.DataFrame:
    """The data sheet as an importer reads it: ids from the header; an empty cell is '' (text) or None (a date)."""
    sheet = workbook(data)["data"]
    values = list(sheet.iter_rows(values_only=True))
    frame = pd.DataFrame(values[1:], columns=values[0], dtype=object)
    for column in frame.columns:
        if column in exports.DATE_COLUMNS:
            frame[column] = [None if _blank(v) else v.date() for v in frame[column]]
        elif column not in exports.NUMBER_COLUMNS:
            frame[column] = ["" if _blank(v) else v for v in frame[column]]
    return frame


def expected(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows as the workbook means them: NULL and '' text alike as ''."""
    frame = exports.data_frame(rows).astype(object)
    for column in frame.columns:
        if column in exports.DATE_COLUMNS:
            frame[column] = [None if _blank(v) else pd.Timestamp(v).date() for v in frame[column]]
        elif column not in exports.NUMBER_COLUMNS:
            frame[column] = ["" if _blank(v) else v for v in frame[column]]
    return frame


def test_the_whole_dataset_workbook_reads_back_unchanged(rows, built_db, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(built_db))
    data = catalogue.dataset_excel("vi")
    again = read_back(data)
    want = expected(rows)
    assert list(again.columns) == exports.DATA_COLUMNS and len(again) == len(want) >= 160
    for column in exports.DATA_COLUMNS:
        if column in exports.NUMBER_COLUMNS:
            pd.testing.assert_series_equal(again[column].astype(float), want[column].astype(float),
                                           check_names=False)
        else:
            assert again[column].tolist() == want[column].tolist(), column


def test_a_chart_csv_is_for_machines(share):
    data = exports.data_csv_bytes(share)
    assert data.startswith(exports.CSV_BOM)
    text = data.decode("utf-8-sig")
    header = text.splitlines()[0].split(",")
    assert header == exports.DATA_COLUMNS
    again = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert again["period_start"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert again["indicator"].eq("digital_economy_share_grdp").all()
    assert "22.71" in set(again["value"]) and not again["value"].str.contains(",").any()
    assert [float(v) for v in again["value"]] == pytest.approx(share["value"].tolist())


def test_a_frame_with_extra_columns_exports_only_the_view_columns(share):
    extra = share.assign(values_left_out=0)
    assert "values_left_out" not in [c.value for c in workbook(exports.excel_bytes(extra, "vi"))["data"][1]]
    assert "values_left_out" not in exports.data_csv_bytes(extra).decode("utf-8-sig").splitlines()[0]
