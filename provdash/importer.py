"""The spreadsheet import for planners: a template workbook to fill in, and a filled workbook (or a CSV of
observations that cite stored sources) → checked rows → the curated files, like a save from the update page.

Real workbooks are messy, so reading is forgiving where the meaning is certain and strict where it is not:

- converted, and said so: dates typed as Excel dates or Excel serial numbers or DD/MM/YYYY text; numbers typed
  as text in Vietnamese style ("1.030,5", "12,5"); percent-formatted cells of a percent unit (0,2 shown as
  20 % is 20); spaces around values; blank rows between rows; column names in another case; sheets named with
  another case or spaces around; extra columns (ignored);
- refused, with "sheet, row, column: why": no `observations` sheet; a missing column; merged cells;
  formulas (their value may be stale or absent: paste values); error cells; an ambiguous number ("1.030" could be
  1030 or 1,03); a percent-formatted cell of another unit; anything `make db` refuses (unknown unit or
  indicator, a duplicate key, a value out of range …); a value stored already with another value; a source
  whose URL is stored under another id; a file over MAX_BYTES, or not a workbook at all.

Nothing is written unless every row passes: the rows go through provdash.curation.commit (the checks of
`make db` on a scratch copy, atomic rebuild, audit log). Rows stored already (the observation key decides) are
skipped, so importing the same workbook again adds nothing. The whole-dataset Excel download of the sources page
(one sheet `data` with the columns of the observations view) is read too: imported unchanged, it adds nothing.

Command line: `make import IN=file.xlsx [BY=name]` (python -m provdash.importer). No Streamlit here.
"""
from __future__ import annotations

import argparse
import csv
import io
import math
import os
import re
import sys
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from provdash import curation, paths
from provdash.i18n import t
from provdash.validate import TABLE_BY_NAME, Problem, parse_date, parse_number

MAX_BYTES = 10 * 1024 * 1024            # a workbook of a few thousand rows is well under 1 MB
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # an .xlsx is a zip: refuse one that unpacks to more (a zip bomb)
MAX_ROWS = 100_000
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SOURCES, OBSERVATIONS, INSTRUCTIONS, LISTS, EXPORT = "sources", "observations", "huong_dan", "danh_muc", "data"
SOURCE_COLUMNS = TABLE_BY_NAME["sources"].header
OBSERVATION_COLUMNS = TABLE_BY_NAME["observations"].header
COLUMN_KINDS = {c.name: c.kind for table in ("sources", "observations") for c in TABLE_BY_NAME[table].columns}
COLUMN_KINDS["published"] = "published"
OPTIONAL_COLUMNS = {c.name for table in ("sources", "observations") for c in TABLE_BY_NAME[table].columns
                    if not c.required}
PERCENT_UNITS = {"pct", "pct_change", "pct_per_year"}
# Drop-down lists of the template: column → vocabulary (file of data/ and its key column)
VOCABULARIES = {"indicator": ("indicators", "indicator", "title_vi", "title_en"),
                "jurisdiction": ("jurisdictions", "jurisdiction", "name_vi", "name_en"),
                "unit": ("units", "unit", "label_vi", "label_en"),
                "qualifier": ("qualifiers", "qualifier", "label_vi", "label_en"),
                "scope": ("scopes", "scope", "label_vi", "label_en"),
                "method": ("methods", "method", "label_vi", "label_en")}
FIXED_CHOICES = {"kind": [("actual", "thực hiện", "actual"), ("target", "mục tiêu", "target")],
                 "language": [("vi", "tiếng Việt", "Vietnamese"), ("en", "tiếng Anh", "English")]}
EXCEL_EPOCH = datetime(1899, 12, 30)


@dataclass(frozen=True)
class Issue:
    """A problem, or a conversion made, located where a person finds it: sheet, row, column."""
    sheet: str
    row: int | None
    column: str | None
    message: str

    def text(self, lang: str = "en") -> str:
        where = self.sheet
        if self.row is not None:
            where += ", " + t("im_row", lang, row=self.row)
        if self.column:
            where += ", " + t("im_column", lang, column=self.column)
        return f"{where}: {self.message}"

    def __str__(self) -> str:
        return self.text("en")


@dataclass
class Batch:
    """What a file holds, read: rows in the curated format with where each came from, what was converted on
    the way, and what is wrong."""
    name: str
    sources: list[dict] = field(default_factory=list)
    source_rows: list[int] = field(default_factory=list)
    observations: list[dict] = field(default_factory=list)
    observation_rows: list[int] = field(default_factory=list)
    observation_sheet: str = OBSERVATIONS
    conversions: list[Issue] = field(default_factory=list)
    problems: list[Issue] = field(default_factory=list)
    skipped: int = 0                     # rows stored already (the key decides)
    kind: str = "template"               # template | export | csv


# --- the template ----------------------------------------------------------------------------------------


def vocabulary(data_dir: Path | None = None) -> dict[str, list[tuple[str, str, str]]]:
    """Each controlled vocabulary as (id, Vietnamese label, English label), from the curated files."""
    data_dir = data_dir or paths.DATA_DIR
    lists = {}
    for column, (table, key, vi, en) in VOCABULARIES.items():
        rows = _read_csv(data_dir / f"{table}.csv")
        lists[column] = [(r[key], r[vi], r[en]) for r in rows if r[key]]
    lists.update(FIXED_CHOICES)
    lists["source_id"] = [(r["source_id"], r["title"], r["title"]) for r in _read_csv(data_dir / "sources.csv")]
    return lists


def template_workbook(lists: dict[str, list[tuple[str, str, str]]]) -> bytes:
    """The .xlsx a planner fills in: instructions (Vietnamese and English), `sources` and `observations` with the
    columns of data/sources.csv and data/observations.csv and drop-down lists for the controlled vocabularies,
    and `danh_muc` listing every id with its labels."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    guide = workbook.active
    guide.title = INSTRUCTIONS
    for line in _instructions():
        guide.append(line)
    guide.column_dimensions["A"].width = 26
    guide.column_dimensions["B"].width = 90
    guide.column_dimensions["C"].width = 90
    for row in guide.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    guide["A1"].font = Font(bold=True, size=14)

    lists_sheet = workbook.create_sheet(LISTS)
    ranges = {}
    column_index = 1
    for name, entries in lists.items():
        letter = get_column_letter(column_index)
        lists_sheet.cell(1, column_index, name).font = Font(bold=True)
        lists_sheet.cell(1, column_index + 1, f"{name}: tiếng Việt").font = Font(bold=True)
        lists_sheet.cell(1, column_index + 2, f"{name}: English").font = Font(bold=True)
        for offset, (ident, vi, en) in enumerate(entries, start=2):
            lists_sheet.cell(offset, column_index, ident)
            lists_sheet.cell(offset, column_index + 1, vi)
            lists_sheet.cell(offset, column_index + 2, en)
        ranges[name] = f"{LISTS}!${letter}$2:${letter}${max(2, len(entries) + 1)}"
        for width_column in range(column_index, column_index + 3):
            lists_sheet.column_dimensions[get_column_letter(width_column)].width = 24
        column_index += 4

    for title, header in ((SOURCES, SOURCE_COLUMNS), (OBSERVATIONS, OBSERVATION_COLUMNS)):
        sheet = workbook.create_sheet(title, index=1 if title == SOURCES else 2)
        sheet.append(header)
        for index, name in enumerate(header, start=1):
            sheet.cell(1, index).font = Font(bold=True)
            sheet.column_dimensions[get_column_letter(index)].width = 40 if name in ("title", "quote", "note") else 18
            if name in ranges and name != "source_id":
                check = DataValidation(type="list", formula1=f"={ranges[name]}", allow_blank=True,
                                       showErrorMessage=True, errorTitle="Không có trong danh mục / Not in the list",
                                       error="Chọn trong danh sách (xem trang tính danh_muc). "
                                             "Choose from the list (see the danh_muc sheet).")
                check.add(f"{get_column_letter(index)}2:{get_column_letter(index)}{MAX_TEMPLATE_ROWS}")
                sheet.add_data_validation(check)
            if COLUMN_KINDS.get(name) in ("date", "published", "text", "id"):
                # typed text stays text (Excel would turn "2024-12" into a date); set on the column, so that no
                # empty row is written into the sheet
                sheet.column_dimensions[get_column_letter(index)].number_format = "@"
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


MAX_TEMPLATE_ROWS = 500


def _instructions() -> list[list[str]]:
    lines = [["Nhập số liệu từ bảng tính / Importing figures from a spreadsheet", "", ""],
             ["", "Tiếng Việt", "English"]]
    for key in ("steps", "sources", "observations", "numbers", "dates", "ids", "checks", "again"):
        lines.append([t(f"im_help_{key}_title", "vi") + " / " + t(f"im_help_{key}_title", "en"),
                      t(f"im_help_{key}", "vi"), t(f"im_help_{key}", "en")])
    lines.append(["", "", ""])
    lines.append(["Cột / Column", "Ý nghĩa", "Meaning"])
    for name in SOURCE_COLUMNS + [c for c in OBSERVATION_COLUMNS if c not in SOURCE_COLUMNS]:
        lines.append([name, t(f"im_col_{name}", "vi"), t(f"im_col_{name}", "en")])
    return lines


# --- reading a file --------------------------------------------------------------------------------------


def read_file(data: bytes, name: str, lang: str = "en") -> Batch:
    """The rows of an uploaded workbook (.xlsx) or CSV of observations, converted where the meaning is certain;
    the problems otherwise. Writes nothing."""
    batch = Batch(name)
    if len(data) > MAX_BYTES:
        batch.problems.append(Issue(name, None, None, t("im_too_big", lang, size=_megabytes(len(data), lang),
                                                        limit=_megabytes(MAX_BYTES, lang))))
        return batch
    if not data.strip():
        batch.problems.append(Issue(name, None, None, t("im_empty_file", lang)))
        return batch
    if name.lower().endswith(".csv") and not data.startswith(b"PK"):
        batch.kind = "csv"
        _read_csv_file(batch, data, lang)
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        batch.problems.append(Issue(name, None, None, t("im_old_excel", lang)))
    elif not data.startswith(b"PK\x03\x04"):
        batch.problems.append(Issue(name, None, None, t("im_not_workbook", lang)))
    else:
        _read_workbook(batch, data, lang)
    return batch


def _megabytes(size: int, lang: str) -> str:
    text = f"{size / 1024 / 1024:.1f}"
    return text if lang == "en" else text.replace(".", ",")


def _read_workbook(batch: Batch, data: bytes, lang: str) -> None:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        batch.problems.append(Issue(batch.name, None, None, t("im_not_workbook", lang)))
        return
    if "xl/workbook.xml" not in names:
        batch.problems.append(Issue(batch.name, None, None, t("im_not_workbook", lang)))
        return
    if unpacked > MAX_UNPACKED_BYTES:
        batch.problems.append(Issue(batch.name, None, None, t("im_too_big_unpacked", lang)))
        return
    try:
        workbook = load_workbook(io.BytesIO(data), data_only=False)
    except Exception:  # openpyxl raises many kinds on a damaged file: all mean the same to a planner
        batch.problems.append(Issue(batch.name, None, None, t("im_not_workbook", lang)))
        return
    sheets = {_clean_name(s): s for s in workbook.sheetnames}
    for wanted in (OBSERVATIONS, SOURCES, EXPORT):
        actual = sheets.get(wanted)
        if actual is not None and actual != wanted:
            batch.conversions.append(Issue(actual, None, None, t("im_sheet_renamed", lang, found=actual,
                                                                 wanted=wanted)))
    if OBSERVATIONS in sheets:
        observations = workbook[sheets[OBSERVATIONS]]
    elif EXPORT in sheets and _looks_like_export(workbook[sheets[EXPORT]]):
        batch.kind = "export"
        batch.observation_sheet = sheets[EXPORT]
        observations = workbook[sheets[EXPORT]]
    else:
        batch.problems.append(Issue(batch.name, None, None, t("im_no_sheet", lang, wanted=OBSERVATIONS,
                                                              found=", ".join(workbook.sheetnames))))
        return
    if batch.kind == "template" and SOURCES in sheets:
        records = _sheet_records(batch, workbook[sheets[SOURCES]], SOURCE_COLUMNS, lang)
        for row, record in records:
            batch.sources.append(record)
            batch.source_rows.append(row)
    batch.observation_sheet = observations.title
    for row, record in _sheet_records(batch, observations, OBSERVATION_COLUMNS, lang):
        batch.observations.append(record)
        batch.observation_rows.append(row)
    if batch.kind == "export":
        _sources_from_export(batch, observations)
    if not batch.observations and not batch.sources and not batch.problems:
        batch.problems.append(Issue(observations.title, None, None, t("im_no_rows", lang)))


def _clean_name(text: object) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text or "")).split()).lower()


def _looks_like_export(sheet) -> bool:
    header = {_clean_name(c.value) for c in next(sheet.iter_rows(min_row=1, max_row=1), [])}
    return {"obs_id", "source_id", "indicator", "value"} <= header


def _sheet_records(batch: Batch, sheet, columns: list[str], lang: str) -> list[tuple[int, dict]]:
    """The rows of a sheet in the curated format (strings), with their row numbers; problems and conversions
    are added to `batch`."""
    title = sheet.title
    merged = [str(r) for r in sheet.merged_cells.ranges]
    if merged:
        batch.problems += [Issue(title, None, None, t("im_merged", lang, cells=cells)) for cells in merged[:10]]
        return []
    rows = sheet.iter_rows()
    header_cells = next(rows, None)
    if header_cells is None:
        batch.problems.append(Issue(title, None, None, t("im_no_rows", lang)))
        return []
    positions: dict[str, int] = {}
    for index, cell in enumerate(header_cells):
        raw = "" if cell.value is None else str(cell.value)
        name = _clean_name(raw)
        if not name:
            continue
        if name in positions:
            batch.problems.append(Issue(title, 1, raw, t("im_column_twice", lang)))
            continue
        positions[name] = index
        if name in columns and raw != name:
            batch.conversions.append(Issue(title, 1, raw, t("im_column_renamed", lang, wanted=name)))
        elif name not in columns and batch.kind != "export":
            batch.conversions.append(Issue(title, 1, raw, t("im_column_ignored", lang)))
    missing = [c for c in columns if c not in positions and c not in OPTIONAL_COLUMNS]
    if missing:
        found = ", ".join(str(c.value) for c in header_cells if c.value is not None) or "–"
        batch.problems += [Issue(title, 1, c, t("im_column_missing", lang, found=found)) for c in missing]
        return []
    for column in columns:
        if column not in positions:
            batch.conversions.append(Issue(title, 1, column, t("im_column_added", lang)))
    records, blank_run, spaces = [], [], {}
    for cells in rows:
        row_number = cells[0].row
        if row_number - 1 > MAX_ROWS:
            batch.problems.append(Issue(title, row_number, None, t("im_too_many_rows", lang, limit=MAX_ROWS)))
            break
        if all(c.value is None or (isinstance(c.value, str) and not c.value.strip()) for c in cells):
            blank_run.append(row_number)
            continue
        if blank_run and records:
            batch.conversions.append(Issue(title, blank_run[0], None, t(
                "im_blank_rows", lang, rows=_row_range(blank_run))))
        blank_run = []
        record, percent = {}, None
        for column in columns:
            cell = cells[positions[column]] if column in positions and positions[column] < len(cells) else None
            if column == "value" and cell is not None and _percent_cell(cell):
                percent = cell
                continue
            record[column] = _cell_text(batch, title, row_number, column, cell, spaces, lang)
        if percent is not None:
            record["value"] = _percent_value(batch, title, row_number, percent, record.get("unit", ""), lang)
        records.append((row_number, record))
    for column, rows_with_spaces in spaces.items():
        batch.conversions.append(Issue(title, rows_with_spaces[0], column, t(
            "im_spaces", lang, rows=_row_range(rows_with_spaces))))
    return records


def _percent_cell(cell) -> bool:
    """A number shown as a percentage (Excel keeps 0,2 and shows 20 %), or text such as "20%"."""
    if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
        return "%" in (cell.number_format or "")
    return isinstance(cell.value, str) and re.fullmatch(r"\s*-?[\d.,]+\s*%\s*", cell.value) is not None


def _percent_value(batch: Batch, sheet: str, row: int, cell, unit: str, lang: str) -> str:
    """The value of a percent-looking cell, in percent, when the row's unit is a percentage; refused otherwise."""
    if unit not in PERCENT_UNITS:
        batch.problems.append(Issue(sheet, row, "value", t("im_percent_other_unit", lang, unit=unit or "–")))
        return ""
    if isinstance(cell.value, str):
        text = cell.value.strip().rstrip("%").strip()
        number = _number_from_text(text, lambda key, **v: None, lambda key, result, **v: result)
        if not number:
            batch.problems.append(Issue(sheet, row, "value", t("im_not_a_number", lang, value=cell.value.strip())))
            return ""
        batch.conversions.append(Issue(sheet, row, "value", t("im_percent_text", lang, value=cell.value.strip(),
                                                              result=number)))
        return number
    from decimal import Decimal
    number = _number_text(float(Decimal(repr(float(cell.value))) * 100))
    batch.conversions.append(Issue(sheet, row, "value", t("im_percent_cell", lang, value=_number_text(
        float(cell.value)).replace(".", ","), result=number)))
    return number


def _row_range(rows: list[int]) -> str:
    return str(rows[0]) if len(rows) == 1 else f"{rows[0]}–{rows[-1]}" if rows[-1] - rows[0] == len(rows) - 1 \
        else ", ".join(str(r) for r in rows[:10])


def _cell_text(batch: Batch, sheet: str, row: int, column: str, cell, spaces: dict, lang: str) -> str:
    """One cell as the curated files write it; conversions and problems recorded on the batch."""
    if cell is None or cell.value is None:
        return ""
    value, kind = cell.value, COLUMN_KINDS.get(column, "text")

    def problem(key: str, **values) -> str:
        batch.problems.append(Issue(sheet, row, column, t(key, lang, **values)))
        return ""

    def converted(key: str, result: str, **values) -> str:
        batch.conversions.append(Issue(sheet, row, column, t(key, lang, result=result, **values)))
        return result

    if cell.data_type == "f":
        return problem("im_formula", formula=str(value)[:60])
    if cell.data_type == "e" or (isinstance(value, str) and re.fullmatch(r"#(?:REF!|VALUE!|DIV/0!|N/A|NAME\?|NUM!|"
                                                                          r"NULL!)", value.strip())):
        return problem("im_error_cell", error=str(value))
    if isinstance(value, bool):
        return problem("im_bool")
    if isinstance(value, (datetime, date)):
        day = value.date() if isinstance(value, datetime) else value
        if kind in ("date", "published"):
            if isinstance(value, datetime) and value.time() != datetime.min.time():
                return converted("im_time_dropped", day.isoformat())
            return day.isoformat()
        return problem("im_date_in_text_column")
    if isinstance(value, timedelta):
        return problem("im_bad_value", value=str(value))
    if isinstance(value, (int, float)):
        number = float(value)
        if not math.isfinite(number):
            return problem("im_bad_value", value=str(value))
        if kind == "date":
            if number.is_integer() and 1 <= number <= 80000 and "%" not in (cell.number_format or ""):
                day = (EXCEL_EPOCH + timedelta(days=int(number))).date().isoformat()
                return converted("im_serial_date", day, serial=int(number))
            return problem("im_bad_date", value=_number_text(number))
        if kind == "published" and number.is_integer() and 1900 <= number <= 2100:
            return str(int(number))
        return _number_text(number)
    text = unicodedata.normalize("NFC", str(value))
    stripped = text.strip()
    if stripped != text:
        spaces.setdefault(column, []).append(row)
    text = " ".join(stripped.split()) if kind != "text" or column not in ("quote", "note", "title") else stripped
    if not text:
        return ""
    if kind == "number":
        return _number_from_text(text, problem, converted, typed_by_hand=batch.kind == "template")
    if kind == "date":
        return _date_from_text(text, problem, converted)
    return text


def _number_text(number: float) -> str:
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return repr(number)


def _number_from_text(text: str, problem, converted, typed_by_hand: bool = True) -> str:
    """A number written as text. The curated format ("." decimal point) is read as it is, except that in a
    workbook people type, "1.030" is refused: a Vietnamese reader means 1030, the curated format 1,03."""
    plain = text.replace("\u00a0", "").replace(" ", "").replace("−", "-")
    sign = "-" if plain.startswith("-") else ""
    digits = plain.lstrip("-+")
    if typed_by_hand and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits):
        return problem("im_ambiguous_number", value=text)
    try:
        parse_number(plain)
        return plain
    except ValueError:
        pass
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits):
        return problem("im_ambiguous_number", value=text)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})*,\d+|\d+,\d+", digits):
        number = sign + digits.replace(".", "").replace(",", ".")
        return converted("im_vietnamese_number", _number_text(float(number)), value=text)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", digits):
        return problem("im_ambiguous_number", value=text)
    return problem("im_not_a_number", value=text)


def _date_from_text(text: str, problem, converted) -> str:
    try:
        return parse_date(text).isoformat()
    except ValueError:
        pass
    match = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text)
    if match:
        try:
            day = date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            return problem("im_bad_date", value=text)
        return converted("im_day_first_date", day.isoformat(), value=text)
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})[ T]00:00(?::00)?", text)
    if match:
        return converted("im_time_dropped", f"{match.group(1)}-{match.group(2)}-{match.group(3)}")
    return problem("im_bad_date", value=text)


def _read_csv_file(batch: Batch, data: bytes, lang: str) -> None:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        batch.problems.append(Issue(batch.name, None, None, t("im_csv_encoding", lang)))
        return
    if "\x00" in text:
        batch.problems.append(Issue(batch.name, None, None, t("im_not_workbook", lang)))
        return
    try:
        rows = list(csv.reader(io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n"), newline="")))
    except csv.Error as err:
        batch.problems.append(Issue(batch.name, None, None, t("im_csv_broken", lang, reason=str(err))))
        return
    sheet = _CsvSheet(Path(batch.name).name, rows)
    batch.observation_sheet = sheet.title
    for row, record in _sheet_records(batch, sheet, OBSERVATION_COLUMNS, lang):
        batch.observations.append(record)
        batch.observation_rows.append(row)
    if not batch.observations and not batch.problems:
        batch.problems.append(Issue(sheet.title, None, None, t("im_no_rows", lang)))


class _CsvCell:
    data_type = "s"
    number_format = "General"

    def __init__(self, value: str, row: int):
        self.value, self.row = value, row


class _CsvSheet:
    """A CSV read as a sheet of text cells, so it goes through the same cell rules as a workbook."""

    class _Merged:
        ranges: tuple = ()

    def __init__(self, title: str, rows: list[list[str]]):
        self.title, self._rows, self.merged_cells = title, rows, self._Merged()

    def iter_rows(self):
        for number, row in enumerate(self._rows, start=1):
            yield [_CsvCell(value, number) for value in row] or [_CsvCell("", number)]


def _sources_from_export(batch: Batch, sheet) -> None:
    """The export names each value's source by id and title: a source not stored yet is created from those."""
    header = [_clean_name(c.value) for c in next(sheet.iter_rows(min_row=1, max_row=1))]
    wanted = {"source_id", "source_title", "source_outlet", "source_url", "source_file", "source_published"}
    if not wanted <= set(header):
        return
    index = {name: header.index(name) for name in wanted}
    seen = set()
    for cells in sheet.iter_rows(min_row=2):
        def cell(name: str) -> str:
            value = cells[index[name]].value if index[name] < len(cells) else None
            return "" if value is None else str(value).strip()
        source_id = cell("source_id")
        if not source_id or source_id in seen:
            continue
        seen.add(source_id)
        batch.sources.append({"source_id": source_id, "title": cell("source_title"), "outlet": cell("source_outlet"),
                              "url": cell("source_url"), "file": cell("source_file"),
                              "published": cell("source_published"), "language": "vi", "note": ""})
        batch.source_rows.append(cells[0].row)


# --- checking against what is stored, and saving ---------------------------------------------------------


def compare_with_store(batch: Batch, data_dir: Path | None = None, lang: str = "en") -> None:
    """Drop rows stored already (identical: the key decides); refuse a key stored with another value, a source
    id stored with other details, a new source whose URL is stored under another id."""
    data_dir = data_dir or paths.DATA_DIR
    stored_sources = {r["source_id"]: r for r in _read_csv(data_dir / "sources.csv")}
    new_sources, new_rows = [], []
    for record, row in zip(batch.sources, batch.source_rows):
        stored = stored_sources.get(record["source_id"])
        if stored is not None:
            if batch.kind != "export" and any((record.get(c) or "") != (stored.get(c) or "") for c in SOURCE_COLUMNS):
                different = [c for c in SOURCE_COLUMNS if (record.get(c) or "") != (stored.get(c) or "")]
                batch.problems.append(Issue(SOURCES, row, different[0], t("im_source_differs", lang,
                                                                          source=record["source_id"])))
            continue
        known, why = curation.find_source(list(stored_sources.values()), {**record, "source_id": ""})
        if known is not None and why == "url":
            batch.problems.append(Issue(SOURCES if batch.kind == "template" else batch.observation_sheet, row, "url",
                                        t("im_source_url_known", lang, source=known["source_id"])))
            continue
        new_sources.append((record, row))
    stored_rows: dict[tuple, tuple[int, dict]] = {}
    for line, stored in enumerate(_read_csv(data_dir / "observations.csv"), start=2):
        stored_rows[tuple(stored[c] for c in curation.OBSERVATION_KEY)] = (line, stored)
    units = {r["unit"]: r for r in _read_csv(data_dir / "units.csv")}
    for record, row in zip(batch.observations, batch.observation_rows):
        key = tuple(record.get(c, "") for c in curation.OBSERVATION_KEY)
        found = stored_rows.get(key)
        if found is None:
            new_rows.append((record, row))
            continue
        line, stored = found
        if _same_row(record, stored, units):
            batch.skipped += 1
        else:
            column = next(c for c in OBSERVATION_COLUMNS if not _same_field(c, record, stored, units))
            batch.problems.append(Issue(batch.observation_sheet, row, column, t(
                "im_stored_differs", lang, line=line, stored=stored.get(column, ""))))
    batch.sources = [r for r, _ in new_sources]
    batch.source_rows = [n for _, n in new_sources]
    batch.observations = [r for r, _ in new_rows]
    batch.observation_rows = [n for _, n in new_rows]


def _same_field(column: str, a: dict, b: dict, units: dict) -> bool:
    if column == "value":
        return curation.same_value({**a, "qualifier": ""}, {**b, "qualifier": ""}, units) and a.get("unit") == b.get("unit")
    return (a.get(column) or "") == (b.get(column) or "")


def _same_row(a: dict, b: dict, units: dict) -> bool:
    return all(_same_field(c, a, b, units) for c in OBSERVATION_COLUMNS)


def import_file(data: bytes, name: str, saved_by: str, *, lang: str = "en", data_dir: Path | None = None,
                target: Path | None = None, seeds: Path | None = None) -> tuple[Batch, curation.SaveResult | None]:
    """Read, compare with what is stored, check and save a file. Returns the batch (conversions, problems,
    rows skipped) and the save's result (None when the file was refused before the save)."""
    data_dir = data_dir or paths.DATA_DIR
    batch = read_file(data, name, lang)
    if batch.problems:
        return batch, None
    compare_with_store(batch, data_dir, lang)
    if batch.problems:
        return batch, None
    if not batch.observations and not batch.sources:
        return batch, curation.SaveResult(False, nothing_new=True, skipped=batch.skipped)
    sheet_of_sources = SOURCES if batch.kind == "template" else batch.observation_sheet
    additions = curation.Additions(
        sources=batch.sources, observations=batch.observations,
        source_origins=[(sheet_of_sources, r) for r in batch.source_rows],
        observation_origins=[(batch.observation_sheet, r) for r in batch.observation_rows])
    details = [f"file {Path(name).name}"]
    if batch.skipped:
        details.append(f"skipped {batch.skipped} stored already")
    if batch.conversions:
        details.append(f"{len(batch.conversions)} conversions")
    result = curation.commit(additions, saved_by, "import", details, data_dir=data_dir, target=target, seeds=seeds)
    if not result.saved:
        batch.problems += [_issue(p) for p in result.problems]
    result.skipped = batch.skipped
    return batch, result


def _issue(problem: Problem) -> Issue:
    return Issue(problem.file, problem.line, problem.field, problem.message)


def _read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- command line ----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Import a filled-in template workbook (.xlsx) or a CSV of "
                                     "observations into the curated files, with the checks of `make db`.")
    parser.add_argument("file", type=Path, nargs="?", help="the .xlsx workbook or .csv file to import")
    parser.add_argument("--by", default=os.environ.get("USER", ""), help="who imports (for the audit log)")
    parser.add_argument("--template", type=Path, help="write an empty template workbook here instead")
    parser.add_argument("--data", type=Path, default=None, help="folder of curated CSV files (default: data/)")
    parser.add_argument("--out", type=Path, default=None, help="database to rebuild (default: $DASHBOARD_DB or "
                        "data/indicators.duckdb)")
    args = parser.parse_args(argv)
    data_dir = args.data or paths.DATA_DIR
    if args.template:
        args.template.write_bytes(template_workbook(vocabulary(data_dir)))
        print(f"Wrote the template to {args.template}")
        return 0
    if args.file is None:
        parser.print_usage(sys.stderr)
        return 2
    try:
        data = args.file.read_bytes()
    except OSError as err:
        print(f"Cannot read {args.file}: {err.strerror or err}. Nothing was imported.", file=sys.stderr)
        return 1
    batch, result = import_file(data, args.file.name, args.by or "(command line)", data_dir=data_dir,
                                target=args.out)
    for issue in batch.conversions[:50]:
        print(f"  converted: {issue}")
    if batch.problems:
        print(f"Import refused: {len(batch.problems)} problem(s) in {args.file.name}. Nothing was written.",
              file=sys.stderr)
        for issue in batch.problems[:100]:
            print(f"  - {issue}", file=sys.stderr)
        if len(batch.problems) > 100:
            print(f"  … and {len(batch.problems) - 100} more", file=sys.stderr)
        return 1
    if result is not None and result.saved:
        print(f"Imported {result.rows_added} value(s) and {len(result.sources_added)} new source(s) from "
              f"{args.file.name}; {batch.skipped} row(s) stored already were skipped. The database was rebuilt.")
        return 0
    print(f"Nothing new in {args.file.name}: all {batch.skipped} row(s) are stored already. Nothing was written.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
