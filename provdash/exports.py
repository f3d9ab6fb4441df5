"""Files people take away: a chart's values as CSV and Excel, the whole dataset as Excel, a chart as a
server-rendered PNG, a large CSV written by the database (plain, or zipped when large).

Data files have one layout: the columns of the `observations` view, ids as headers. A CSV is for machines (`.`
decimals, ISO dates); a workbook is for computing (numbers as numbers, dates as dates, formats in the page's
language). Excel goes through openpyxl (write-only); images through Kaleido 1.x driving the system Chromium,
started once per process and reused (~0.2 s an image instead of seconds). No Streamlit here.
"""
from __future__ import annotations

import io
import math
import os
import shutil
import tempfile
import threading
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

from provdash import periods, views
from provdash.i18n import t

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ZIP_MIME = "application/zip"
CSV_BOM = b"\xef\xbb\xbf"  # UTF-8 with BOM, so Excel opens Vietnamese correctly (as views.csv_bytes)
EXCEL_MAX_ROWS = 1_048_576  # rows in one Excel worksheet, the header row included
_kaleido_lock = threading.Lock()
_kaleido_started = False


class ExportUnavailable(RuntimeError):
    """Image export needs a Chromium browser on the server; the message says so plainly."""


def browser_path() -> str | None:
    """The Chromium Kaleido will use: $BROWSER_PATH, else chromium on the PATH or at /usr/bin/chromium."""
    configured = os.environ.get("BROWSER_PATH")
    if configured and os.path.exists(configured):
        return configured
    return shutil.which("chromium") or shutil.which("chromium-browser") or (
        "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)


def image_export_available() -> bool:
    return browser_path() is not None


def _ensure_kaleido() -> None:
    global _kaleido_started
    if _kaleido_started:
        return
    path = browser_path()
    if path is None:
        raise ExportUnavailable("no Chromium browser is installed on the server, so charts cannot be rendered "
                                "as images here (install Debian's chromium package)")
    os.environ.setdefault("BROWSER_PATH", path)
    import kaleido  # imported late: only exports need it

    kaleido.start_sync_server(silence_warnings=True)
    _kaleido_started = True


def figure_image(figure, fmt: str = "png", scale: float = 2, width: int = 1200, height: int | None = None) -> bytes:
    """The figure rendered by Kaleido as PNG (or SVG/PDF) bytes."""
    with _kaleido_lock:
        _ensure_kaleido()
        return figure.to_image(format=fmt, scale=scale, width=width, height=height or figure.layout.height or 600)


def png_bytes(figure) -> bytes:
    return figure_image(figure, "png", scale=2)


# The columns of every data file (a chart's CSV and Excel, the whole dataset's Excel): the `observations` view's,
# in its order, so every file has one layout a planner or an importer can rely on (a test keeps this list equal
# to the view). Headers are these ids; the workbook's "columns" sheet says what each holds, in the page's language.
DATA_COLUMNS = [
    "obs_id", "jurisdiction", "jurisdiction_name", "jurisdiction_name_en", "jurisdiction_valid_to",
    "jurisdiction_successor", "jurisdiction_successor_name", "jurisdiction_successor_name_en", "indicator",
    "indicator_name", "indicator_name_en", "category", "direction", "indicator_type", "measure", "value", "unit",
    "unit_label", "unit_label_en", "indicator_unit", "indicator_unit_label", "indicator_unit_label_en",
    "value_in_indicator_unit", "period_start", "period_end", "period_label", "period_type", "kind", "qualifier",
    "qualifier_label", "qualifier_label_en", "scope", "scope_label", "scope_label_en", "method", "method_label",
    "method_label_en", "method_short", "method_short_en", "source_id", "source_title", "source_outlet", "source_url",
    "source_file", "source_published", "quote", "note", "period_label_en", "source_outlet_label",
    "source_outlet_label_en", "note_vi",
]
NUMBER_COLUMNS = ("value", "value_in_indicator_unit")
DATE_COLUMNS = ("jurisdiction_valid_to", "period_start", "period_end")
# Excel shows a number's separators in the reader's own locale (1.030,5 on a Vietnamese system); the format keeps
# the decimals the source gave. Dates in the page's language: 16/8/2024, or 16 Aug 2024 (English month names
# whatever the system's language: [$-409]).
DATE_FORMATS = {"vi": "d/m/yyyy", "en": "[$-409]d mmm yyyy"}
MAX_DECIMALS = 6


def data_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows with the data files' columns (DATA_COLUMNS that the rows have), in that order."""
    return rows.loc[:, [c for c in DATA_COLUMNS if c in rows.columns]].reset_index(drop=True)


def data_csv_bytes(rows: pd.DataFrame) -> bytes:
    """A chart's values as CSV for machines and for Excel: the ids and every column of the observations view,
    `.` as the decimal point, ISO dates, UTF-8 with BOM."""
    frame = data_frame(rows)
    for column in DATE_COLUMNS:
        if column in frame:
            frame[column] = [_iso(d) for d in frame[column]]
    return CSV_BOM + frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


def number_format(value: float) -> str:
    """"#,##0.00" for 22.71: thousands grouped, the decimals the value has (at most MAX_DECIMALS)."""
    text = f"{value:.{MAX_DECIMALS}f}".rstrip("0")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _missing(value: object) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def _day(value: object) -> date | None:
    return None if _missing(value) or value == "" else periods.as_date(value)


def _iso(value: object) -> str:
    day = _day(value)
    return day.isoformat() if day else ""


def excel_bytes(rows: pd.DataFrame, lang: str, title: str = "") -> bytes:
    """The rows as an .xlsx workbook a planner can compute with, in three sheets:

    - "data": one row per value; the header row holds the column ids (DATA_COLUMNS); NUMBER_COLUMNS are numbers
      (with the source's decimals as their format), DATE_COLUMNS dates (d/m/yyyy or d mmm yyyy by `lang`),
      everything else text; empty cells for '' and NULL;
    - "columns": each column id with its name and meaning in `lang`;
    - "about": what the file is (title, date exported, language, number of values) and its sources.
    """
    frame = data_frame(rows)
    workbook = Workbook(write_only=True)
    data = workbook.create_sheet("data")
    data.freeze_panes = "A2"
    columns = list(frame.columns)
    for index, column in enumerate(columns, start=1):
        sample = [str(v) for v in frame[column].head(200).tolist() if not _missing(v)]
        width = max([len(column)] + [len(v) for v in sample]) + 2
        data.column_dimensions[get_column_letter(index)].width = min(60, max(10, width))
    data.append(columns)
    date_format = DATE_FORMATS.get(lang, DATE_FORMATS["vi"])
    formats: dict[str, str] = {}
    kinds = ["number" if c in NUMBER_COLUMNS else "date" if c in DATE_COLUMNS else "text" for c in columns]
    for values in zip(*(frame[c].tolist() for c in columns)):
        cells = []
        for kind, value in zip(kinds, values):
            if _missing(value) or value == "":
                cells.append(None)
            elif kind == "number":
                cell = WriteOnlyCell(data, value=float(value))
                key = number_format(float(value))
                cell.number_format = formats.setdefault(key, key)
                cells.append(cell)
            elif kind == "date":
                cell = WriteOnlyCell(data, value=_day(value))
                cell.number_format = date_format
                cells.append(cell)
            else:
                cells.append(str(value))
        data.append(cells)
    if len(frame):
        data.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(frame) + 1}"

    described = workbook.create_sheet("columns")
    described.column_dimensions["A"].width, described.column_dimensions["B"].width = 26, 90
    described.append([t("xl_column", lang), t("xl_meaning", lang)])
    for column in columns:
        described.append([column, t(f"xl_col_{column}", lang)])

    about = workbook.create_sheet("about")
    about.column_dimensions["A"].width, about.column_dimensions["B"].width = 14, 110
    about.append(["field", "value"])
    about.append(["title", title])
    exported = WriteOnlyCell(about, value=date.today())
    exported.number_format = date_format
    about.append(["exported", exported])
    about.append(["language", lang])
    about.append(["values", len(frame)])
    for source in _sources(frame, lang):
        about.append(["source", source])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sources(frame: pd.DataFrame, lang: str) -> list[str]:
    """"Outlet — Title (date) https://…" for each source of the rows, in order of appearance."""
    if "source_id" not in frame:
        return []
    first = frame.drop_duplicates("source_id")
    return [" ".join(part for part in (views.source_cell(row, lang), views.link_cell(row)) if part)
            for row in first.to_dict("records")]


def csv_file_bytes(write_csv: Callable[[Path], None], zip_member: str | None = None) -> bytes:
    """A CSV written to a scratch file by `write_csv(path)` (e.g. queries.copy_query_csv, so no row passes through
    Python), as UTF-8 with BOM; with `zip_member`, zipped as that one file instead (a large CSV is mostly
    repetition: about a seventh of the size). The scratch file is removed whatever happens."""
    with tempfile.TemporaryDirectory(prefix="provdash-csv-") as folder:
        path = Path(folder) / "data.csv"
        write_csv(path)
        if zip_member is None:
            with path.open("rb") as source:
                return CSV_BOM + source.read()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            with archive.open(zip_member, "w", force_zip64=True) as member, path.open("rb") as source:
                member.write(CSV_BOM)
                shutil.copyfileobj(source, member, 1 << 20)
        return buffer.getvalue()
