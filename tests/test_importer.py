"""The spreadsheet import: the template, good and messy workbooks, the CSV form, the round trip of the sources
page's Excel download, and `make import` (python -m provdash.importer).

Every bad workbook is built here by code and named for what is wrong with it; each is either converted (and the
conversion said) or refused (with "sheet, row, column: why" and no file changed).
"""
from __future__ import annotations

import csv
import io
from datetime import date, datetime

import duckdb
import pytest
from openpyxl import Workbook, load_workbook

from provdash import catalogue, curation, importer
from tests.conftest import digest

NEW_SOURCE = {"source_id": "imp_vinh_phuc_q1_2025", "title": "Vĩnh Phúc thu hút FDI quý I/2025",
              "outlet": "Sở Kế hoạch và Đầu tư Vĩnh Phúc", "url": "https://example.test/vinh-phuc-fdi-q1-2025",
              "file": "", "published": "2025-04-10", "language": "vi", "note": "imported in a test"}
ROWS = [
    {"indicator": "fdi_new_projects", "jurisdiction": "vinh_phuc", "period_start": "2025-01-01",
     "period_end": "2025-03-31", "period_label": "quý I/2025", "value": "15", "unit": "projects", "kind": "actual",
     "qualifier": "", "scope": "province", "method": "", "source_id": NEW_SOURCE["source_id"], "quote": "",
     "note": ""},
    {"indicator": "fdi_new_capital", "jurisdiction": "vinh_phuc", "period_start": "2025-01-01",
     "period_end": "2025-03-31", "period_label": "quý I/2025", "value": "120.5", "unit": "usd_mn", "kind": "actual",
     "qualifier": "", "scope": "province", "method": "", "source_id": NEW_SOURCE["source_id"], "quote": "",
     "note": ""},
]


def state(data_dir, target):
    audit = data_dir / curation.AUDIT_FILE
    return ({p.name: digest(p) for p in sorted(data_dir.glob("*.csv")) if p.name != curation.AUDIT_FILE},
            digest(target), audit.read_text(encoding="utf-8") if audit.exists() else "")


def workbook(data_dir, observations=ROWS, sources=(NEW_SOURCE,), change=None) -> bytes:
    """The template filled with `sources` and `observations` (dicts of strings); `change(workbook)` then spoils
    it the way a real one gets spoiled."""
    book = load_workbook(io.BytesIO(importer.template_workbook(importer.vocabulary(data_dir))))
    for title, rows, header in (("sources", sources, importer.SOURCE_COLUMNS),
                                ("observations", observations, importer.OBSERVATION_COLUMNS)):
        for row in rows:
            book[title].append([row.get(c, "") or None for c in header])
    if change:
        change(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def run_import(data, data_dir, target, name="so-lieu.xlsx", lang="en"):
    return importer.import_file(data, name, "Planner Hà", lang=lang, data_dir=data_dir, target=target, seeds=None)


def cell(book, sheet, row, column):
    return book[sheet].cell(row, importer.OBSERVATION_COLUMNS.index(column) + 1 if sheet == "observations"
                            else importer.SOURCE_COLUMNS.index(column) + 1)


# --- the template ----------------------------------------------------------------------------------------


def test_the_template_has_the_curated_columns_drop_downs_and_instructions_in_both_languages(store):
    data_dir, _ = store
    book = load_workbook(io.BytesIO(importer.template_workbook(importer.vocabulary(data_dir))))
    assert book.sheetnames == ["huong_dan", "sources", "observations", "danh_muc"]
    assert [c.value for c in book["sources"][1]] == importer.SOURCE_COLUMNS
    assert [c.value for c in book["observations"][1]] == importer.OBSERVATION_COLUMNS
    lists = {}
    for check in book["observations"].data_validations.dataValidation:
        column = importer.OBSERVATION_COLUMNS[next(iter(check.sqref.ranges)).min_col - 1]
        lists[column] = check.formula1
    assert set(lists) == {"indicator", "jurisdiction", "unit", "kind", "qualifier", "scope", "method"}
    assert all(formula.startswith("=danh_muc!$") for formula in lists.values())
    listed = [c.value for c in book["danh_muc"]["A"] if c.value]
    assert listed[0] == "indicator" and "digital_economy_share_grdp" in listed and "cashless_payment_share" in listed
    guide = " ".join(str(c.value) for row in book["huong_dan"].iter_rows() for c in row if c.value)
    assert "Các bước" in guide and "Steps" in guide and "trang tính" in guide and "sheet" in guide


def test_the_empty_template_is_refused_for_having_no_rows(store):
    data_dir, target = store
    batch, result = run_import(importer.template_workbook(importer.vocabulary(data_dir)), data_dir, target)
    assert result is None and [str(p) for p in batch.problems] == ["observations: there are no rows of figures"]


# --- a good workbook, twice ------------------------------------------------------------------------------


def test_a_good_workbook_is_appended_rebuilt_and_logged_and_a_second_import_adds_nothing(store):
    data_dir, target = store
    data = workbook(data_dir)
    batch, result = run_import(data, data_dir, target)
    assert batch.problems == [] and result.saved, [str(p) for p in batch.problems]
    assert result.rows_added == 2 and result.sources_added == [NEW_SOURCE["source_id"]]
    con = duckdb.connect(str(target), read_only=True)
    try:
        rows = con.execute("SELECT indicator, value, unit, period_end, source_title FROM observations "
                           "WHERE source_id = ? ORDER BY indicator", [NEW_SOURCE["source_id"]]).fetchall()
    finally:
        con.close()
    assert rows == [("fdi_new_capital", 120.5, "usd_mn", date(2025, 3, 31), NEW_SOURCE["title"]),
                    ("fdi_new_projects", 15.0, "projects", date(2025, 3, 31), NEW_SOURCE["title"])]
    audit = curation.read_audit(data_dir)[-1]
    assert (audit["action"], audit["rows_added"], audit["source_id"]) == ("import", "2", NEW_SOURCE["source_id"])
    assert "so-lieu.xlsx" in audit["details"]
    before = state(data_dir, target)

    again_batch, again = run_import(data, data_dir, target)
    assert again_batch.problems == [] and again.nothing_new and again_batch.skipped == 2
    assert state(data_dir, target) == before, "importing the same workbook again changed something"


def test_a_csv_of_observations_citing_stored_sources_is_imported(store):
    data_dir, target = store
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=importer.OBSERVATION_COLUMNS)
    writer.writeheader()
    writer.writerow(dict(ROWS[0], source_id="ref_vietnamnet_2024", value="1.030,5", unit="usd_mn",
                         indicator="fdi_new_capital"))
    batch, result = run_import(("\ufeff" + buffer.getvalue()).encode("utf-8"), data_dir, target, name="fdi.csv")
    assert result.saved and result.rows_added == 1, [str(p) for p in batch.problems]
    assert any("'1.030,5' (text, Vietnamese style) was read as the number 1030.5" in str(c).replace('"', "'")
               for c in batch.conversions)


# --- messy workbooks: converted, and said so --------------------------------------------------------------


def _set(sheet, column, value, row=2, number_format=None):
    def change(book):
        target = cell(book, sheet, row, column)
        target.value = value
        if number_format:
            target.number_format = number_format
    return change


def _blank_rows_in_the_middle(book):
    book["observations"].insert_rows(3, amount=2)


def _column_names_in_capitals(book):
    for c in book["observations"][1]:
        c.value = " " + c.value.upper() + " "


def _extra_column(book):
    book["observations"].cell(1, len(importer.OBSERVATION_COLUMNS) + 1, "ghi chú riêng")
    book["observations"].cell(2, len(importer.OBSERVATION_COLUMNS) + 1, "của phòng")


def _sheet_names_with_spaces(book):
    book["observations"].title = " Observations "


CONVERTED = {
    "dates-as-excel-serial-numbers": (_set("observations", "period_start", 45658), "45658 was read as the day 2025-01-01"),
    "dates-as-excel-date-cells": (_set("observations", "period_end", datetime(2025, 3, 31)), None),
    "dates-typed-day-first": (_set("observations", "period_end", "31/03/2025"), "was read as the day 2025-03-31"),
    "numbers-typed-as-vietnamese-text": (_set("observations", "value", "15,0"), "was read as the number 15"),
    "percent-formatted-cell": (None, "percent-formatted cell: 0,2 was read as 20 (%)"),
    "percent-typed-as-text": (None, "'20%' was read as 20 (%)"),
    "blank-rows-in-the-middle": (_blank_rows_in_the_middle, "empty rows 3–4 were skipped"),
    "trailing-spaces": (_set("observations", "indicator", "fdi_new_projects   "), "spaces around the value were removed"),
    "column-names-in-capitals": (_column_names_in_capitals, "read as column 'indicator'"),
    "extra-column": (_extra_column, "not part of the template, so it was ignored"),
    "sheet-names-with-spaces": (_sheet_names_with_spaces, "sheet ' Observations ' was read as 'observations'"),
}


@pytest.mark.parametrize("name", CONVERTED)
def test_a_messy_workbook_whose_meaning_is_certain_is_converted_and_says_so(store, name):
    data_dir, target = store
    change, said = CONVERTED[name]
    rows = ROWS
    if name.startswith("percent"):
        share = {"indicator": "cashless_payment_share", "unit": "pct", "value": "20"}
        rows = [dict(ROWS[0], **share), ROWS[1]]
        change = _set("observations", "value", 0.2, number_format="0%") if name == "percent-formatted-cell" \
            else _set("observations", "value", "20%")
    batch, result = run_import(workbook(data_dir, rows, change=change), data_dir, target)
    assert batch.problems == [] and result.saved and result.rows_added == 2, [str(p) for p in batch.problems]
    notes = [str(c).replace('"', "'") for c in batch.conversions]
    if said:
        assert any(said in n for n in notes), notes
    con = duckdb.connect(str(target), read_only=True)
    try:
        stored = con.execute("SELECT indicator, value, period_start, period_end FROM observation_facts "
                             "WHERE source_id = ? ORDER BY indicator", [NEW_SOURCE["source_id"]]).fetchall()
    finally:
        con.close()
    first = next(r for r in stored if r[0] != "fdi_new_capital")
    assert first[1] in (15.0, 20.0) and first[2:] == (date(2025, 1, 1), date(2025, 3, 31))


# --- bad workbooks: refused, nothing written ----------------------------------------------------------------


def _merged_cells(book):
    book["observations"].merge_cells("A2:A3")


def _formula(book):
    cell(book, "observations", 2, "value").value = "=10+5"


def _error_cell(book):
    cell(book, "observations", 2, "value").value = "#REF!"


def _wrong_sheet(book):
    book["observations"].title = "Sheet1"


def _missing_sheet(book):
    del book["observations"]


def _renamed_columns(book):
    cell(book, "observations", 1, "value").value = "giá trị"


def _duplicate_key(book):
    book["observations"].append([ROWS[0].get(c) or None for c in importer.OBSERVATION_COLUMNS])


def _bytes(data):
    return lambda data_dir: data


REFUSED = {
    "wrong-sheet-name": (_wrong_sheet, None, "there is no sheet named 'observations' (the file has: huong_dan, "
                                             "sources, Sheet1, danh_muc)"),
    "missing-observations-sheet": (_missing_sheet, None, "there is no sheet named 'observations'"),
    "renamed-columns": (_renamed_columns, None, "observations, row 1, column 'value': this column is missing"),
    "merged-cells": (_merged_cells, None, "cells A2:A3 are merged"),
    "formula-instead-of-a-value": (_formula, None, "observations, row 2, column 'value': the cell holds a formula"),
    "error-cell": (_error_cell, None, "column 'value': the cell shows the error #REF!"),
    "ambiguous-thousands-in-text": (_set("observations", "value", "1.030"), None, "'1.030' could be read two ways"),
    "percent-formatted-count": (_set("observations", "value", 0.2, number_format="0%"), None,
                                "formatted as a percentage but the row's unit is projects"),
    "impossible-date": (_set("observations", "period_end", "31/02/2025"), None, "'31/02/2025' is not a date"),
    "unknown-unit": (_set("observations", "unit", "percent"), None,
                     "observations, row 2, column 'unit': 'percent' is not a known unit"),
    "unknown-indicator": (_set("observations", "indicator", "fdi_capital_new"), None,
                          "observations, row 2, column 'indicator': 'fdi_capital_new' is not a known indicator"),
    "duplicate-key": (_duplicate_key, None, "observations, row 4, column 'key': duplicates observations row 2"),
    "value-out-of-range": (None, [dict(ROWS[0], indicator="cashless_payment_share", unit="pct", value="130")],
                           "observations, row 2, column 'value': 130 is above the largest allowed %"),
    "old-province-after-the-merger": (None, [dict(ROWS[0], period_start="2025-07-01", period_end="2025-09-30")],
                                      "column 'jurisdiction': vinh_phuc ceased to exist on 2025-06-30"),
    "source-cited-but-not-stored": (None, [dict(ROWS[0], source_id="no_such_source")],
                                    "column 'source_id': 'no_such_source' is not a known source"),
    "twenty-megabyte-file": (_bytes(b"PK\x03\x04" + b"\0" * (20 * 1024 * 1024)), None, "the file is 20.0 MB"),
    "not-a-workbook": (_bytes(b"%PDF-1.4\n% a PDF renamed to .xlsx\n"), None, "not an Excel workbook (.xlsx)"),
    "old-xls-or-password-protected": (_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512), None,
                                      "an old Excel file (.xls) or a password-protected workbook"),
    "word-document-renamed": (None, None, "not an Excel workbook (.xlsx)"),
}


def _word_document() -> bytes:
    import docx
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("name", REFUSED)
def test_a_bad_workbook_is_refused_with_sheet_row_column_and_nothing_changes(store, name):
    data_dir, target = store
    change, rows, expected = REFUSED[name]
    before = state(data_dir, target)
    if name == "word-document-renamed":
        data = _word_document()
    elif change is not None and change.__name__ == "<lambda>" and change.__code__.co_varnames[:1] == ("data_dir",):
        data = change(data_dir)
    else:
        data = workbook(data_dir, rows or ROWS, change=change)
    batch, result = run_import(data, data_dir, target)
    problems = [str(p).replace('"', "'") for p in batch.problems]
    assert problems and (result is None or not result.saved), f"{name} was not refused"
    assert any(expected in p for p in problems), problems
    assert state(data_dir, target) == before, f"{name}: a file changed although the import was refused"


def test_a_key_stored_with_another_value_is_refused(store):
    data_dir, target = store
    with (data_dir / "observations.csv").open(encoding="utf-8", newline="") as handle:
        stored = next(csv.DictReader(handle))
    changed = dict(stored, value=str(float(stored["value"]) + 1))
    batch, result = run_import(workbook(data_dir, [changed], sources=()), data_dir, target)
    assert result is None
    assert any("row 2, column 'value': this source already states another value" in str(p) for p in batch.problems)


def test_a_new_source_with_a_stored_url_is_refused(store):
    data_dir, target = store
    with (data_dir / "sources.csv").open(encoding="utf-8", newline="") as handle:
        stored = next(r for r in csv.DictReader(handle) if r["url"])
    source = dict(NEW_SOURCE, url=stored["url"] + "/")
    batch, _ = run_import(workbook(data_dir, sources=(source,)), data_dir, target)
    assert any(f"sources, row 2, column 'url': this URL is the stored source {stored['source_id']}" in str(p)
               for p in batch.problems), [str(p) for p in batch.problems]


def test_problems_can_be_said_in_vietnamese(store):
    data_dir, target = store
    batch, _ = run_import(workbook(data_dir, change=_formula), data_dir, target, lang="vi")
    assert batch.problems[0].text("vi").startswith("observations, dòng 2, cột 'value': ô chứa công thức")


# --- the sources page's Excel download, imported unchanged --------------------------------------------------


def _as_text(data: bytes) -> bytes:
    """The same workbook with every cell written as text, as an export that stores text would give."""
    book = load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for c in row:
                if isinstance(c.value, datetime):
                    c.value = c.value.date().isoformat()
                elif isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                    c.value = repr(c.value) if isinstance(c.value, float) else str(c.value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("cells", ["as exported", "as text"])
def test_the_whole_dataset_download_imported_unchanged_adds_nothing(store, cells):
    data_dir, target = store
    exported = catalogue.dataset_excel("vi")
    data = exported if cells == "as exported" else _as_text(exported)
    before = state(data_dir, target)
    batch, result = run_import(data, data_dir, target, name="chi-tieu-thai-nguyen-vinh-phuc.xlsx")
    assert batch.problems == [], [str(p) for p in batch.problems[:5]]
    assert result.nothing_new and batch.skipped == sum(1 for _ in open(data_dir / "observations.csv",
                                                                       encoding="utf-8")) - 1
    assert state(data_dir, target) == before


# --- make import ---------------------------------------------------------------------------------------------


def test_make_import_exits_non_zero_on_a_bad_workbook_and_changes_nothing(store, tmp_path, capsys):
    data_dir, target = store
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(workbook(data_dir, change=_formula))
    before = state(data_dir, target)
    code = importer.main([str(bad), "--data", str(data_dir), "--out", str(target), "--by", "Hà"])
    err = capsys.readouterr().err
    assert code == 1 and "Import refused: 1 problem(s) in bad.xlsx. Nothing was written." in err
    assert "observations, row 2, column 'value': the cell holds a formula" in err
    assert state(data_dir, target) == before


def test_make_import_adds_a_good_workbook_and_then_nothing(store, tmp_path, capsys):
    data_dir, target = store
    good = tmp_path / "good.xlsx"
    good.write_bytes(workbook(data_dir))
    assert importer.main([str(good), "--data", str(data_dir), "--out", str(target), "--by", "Hà"]) == 0
    assert "Imported 2 value(s) and 1 new source(s) from good.xlsx" in capsys.readouterr().out
    assert importer.main([str(good), "--data", str(data_dir), "--out", str(target)]) == 0
    assert "Nothing new in good.xlsx: all 2 row(s) are stored already" in capsys.readouterr().out


def test_make_import_writes_the_template(tmp_path, capsys):
    out = tmp_path / "mau.xlsx"
    assert importer.main(["--template", str(out)]) == 0
    assert load_workbook(out).sheetnames == ["huong_dan", "sources", "observations", "danh_muc"]
