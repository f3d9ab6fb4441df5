"""Files people take away: a chart's data as Excel, a chart as a server-rendered PNG, a large CSV written by the
database (plain, or zipped when large).

Excel goes through openpyxl (via pandas); images through Kaleido 1.x driving the system Chromium, started once
per process and reused (~0.2 s an image instead of seconds). No Streamlit here.
"""
from __future__ import annotations

import io
import os
import shutil
import tempfile
import threading
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd

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


def excel_bytes(table: pd.DataFrame, title: str = "", sources: pd.DataFrame | None = None) -> bytes:
    """The table as an .xlsx workbook: the data sheet plus a sheet saying what it is and where it came from."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        table.to_excel(writer, sheet_name="data", index=False)
        about = [("title", title), ("exported", date.today().isoformat())]
        if sources is not None and not sources.empty:
            for _, row in sources.drop_duplicates("source_id").iterrows():
                about.append(("source", " | ".join(str(row.get(c, "") or "") for c in
                                                   ("source_outlet", "source_title", "source_url", "source_file",
                                                    "source_published"))))
        pd.DataFrame(about, columns=["field", "value"]).to_excel(writer, sheet_name="about", index=False)
        for sheet in writer.sheets.values():
            for column in sheet.columns:
                width = max(len(str(cell.value or "")) for cell in column[:200])
                sheet.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))
    return buffer.getvalue()


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
