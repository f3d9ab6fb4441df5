"""Reading .txt, .html, .docx and .pdf into text for the extractor, and the command line around it.

Bad inputs are named for what is wrong with them; each must give one plain ExtractionInputError message (and,
on the command line, exit code 2 with no traceback).
"""
from __future__ import annotations

import csv
import io
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from provdash import paths
from provdash.extract import CSV_COLUMNS, ExtractionInputError, extract, extract_file, read_document
from provdash.extract.__main__ import main

FIXTURES = Path(__file__).parent / "fixtures" / "extract"


def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with `lines` of ASCII text in Helvetica (no lines: a page with no text layer)."""
    content = ("BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) '" for line in lines) + " ET") if lines else ""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> "
        "/Contents 4 0 R >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def pairs(candidates) -> list[tuple[str, str]]:
    return [(c.value, c.unit_id) for c in candidates]


# --- readers -----------------------------------------------------------------------------------------------

def test_html_drops_scripts_styles_menus_and_footers():
    document, candidates = extract_file(FIXTURES / "page-with-script-and-menu.html")
    for hidden in ("999", "123456", "777", "888", "200 dự án", "0209", "document.write", "width"):
        assert hidden not in document.text
    assert document.text.splitlines()[0] == "Bắc Kạn thu hút đầu tư 9 tháng năm 2024"
    assert "12 dự án" in document.text                     # &nbsp; became a space
    assert pairs(candidates) == [("12", "projects"), ("1250", "vnd_bn"), ("15.5", "pct_change"), ("65", "pct"),
                                 ("1500", "enterprises")]
    assert {c.jurisdiction for c in candidates} == {"bac_kan"}
    assert all(document.text[c.start:c.end] == c.quote for c in candidates)


def test_windows_1258_text_is_decoded_with_a_note():
    document, candidates = extract_file(FIXTURES / "windows-1258-encoding.txt")
    assert "Windows-1258" in document.notes[0]
    assert "tỉnh Vĩnh Phúc thu hút được 1,2 tỷ USD" in document.text
    assert pairs(candidates) == [("1.2", "usd_bn"), ("17", "zones")]


def test_docx_paragraphs_and_tables(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Năm 2024, tỉnh Thái Nguyên thu hút 12 dự án FDI.")
    document.add_paragraph("Tổng vốn đăng ký đạt 1,5 tỷ USD.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Diện tích KCN"
    table.rows[0].cells[1].text = "3.146 ha"
    path = tmp_path / "bao-cao.docx"
    document.save(path)
    read, candidates = extract_file(path)
    assert pairs(candidates) == [("12", "projects"), ("1.5", "usd_bn"), ("3146", "ha")]
    assert all(read.text[c.start:c.end] == c.quote for c in candidates)


def test_pdf_text_layer(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(["Tang truong dat 8,91% nam 2024", "Dien tich 2.067 ha"]))
    document, candidates = extract_file(path)
    assert pairs(candidates) == [("8.91", "pct"), ("2067", "ha")]


def test_text_is_nfc_and_line_ends_are_unix(tmp_path):
    path = tmp_path / "decomposed.txt"
    text = unicodedata.normalize("NFD", "Tỉnh có 218 dự án.\r\nĐạt 11,2 tỷ USD.\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))          # with a byte order mark, too
    document, candidates = extract_file(path)
    assert document.text == "Tỉnh có 218 dự án.\nĐạt 11,2 tỷ USD.\n"
    assert [c.quote for c in candidates] == ["218 dự án", "11,2 tỷ USD"]


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name, data, message", [
    ("empty-file.txt", None, "has no text"),
    ("only-whitespace.txt", b" \n\t\n", "has no text"),
    ("binary-garbage.txt", bytes(range(256)) * 20, "binary"),
    ("shift-jis-encoding.txt", "日本語のテキストです。".encode("shift_jis") * 5, "not UTF-8"),
    ("pdf-without-text-layer.pdf", make_pdf([]), "no text layer"),
    ("broken.pdf", b"%PDF-1.4\nthis is not really a pdf", "not a readable PDF"),
    ("text-named.docx", "Chỉ là văn bản".encode(), "not a readable .docx"),
    ("old-word-format.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "old Microsoft Office files"),
    ("html-with-no-text.html", b"<html><head><script>var a = 1;</script></head><body></body></html>", "has no text"),
])
def test_bad_inputs_have_plain_messages(tmp_path, name, data, message):
    path = FIXTURES / name if data is None else _write(tmp_path, name, data)
    with pytest.raises(ExtractionInputError, match=message) as raised:
        read_document(path)
    assert name in str(raised.value)


def test_file_over_5_mb_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(5 * 1024 * 1024 + 1)
    with pytest.raises(ExtractionInputError, match=r"5\.0 MB; files over 5 MB"):
        read_document(path)


def test_missing_file():
    with pytest.raises(ExtractionInputError, match="file not found"):
        read_document(FIXTURES / "no-such-file.txt")


# --- command line ------------------------------------------------------------------------------------------

def test_cli_writes_csv_with_exact_columns(tmp_path, capsys):
    out = tmp_path / "candidates.csv"
    assert main([str(FIXTURES / "page-with-script-and-menu.html"), "--out", str(out),
                 "--published", "2024-10-05"]) == 0
    with out.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert tuple(reader.fieldnames) == CSV_COLUMNS
    assert [r["value"] for r in rows] == ["12", "1250", "15.5", "65", "1500"]
    assert rows[1]["value_base"] == "1250000000000" and rows[1]["unit_base"] == "VND"
    assert "5 candidates written" in capsys.readouterr().err


def test_cli_prints_to_stdout_and_notes_to_stderr(capsys):
    assert main([str(FIXTURES / "windows-1258-encoding.txt")]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0] == ",".join(CSV_COLUMNS)
    assert len(captured.out.splitlines()) == 3
    assert captured.err.startswith("note: windows-1258-encoding.txt: not UTF-8")


@pytest.mark.parametrize("args, message", [
    ([str(FIXTURES / "empty-file.txt")], "error: empty-file.txt: the file has no text"),
    ([str(FIXTURES / "no-such-file.txt")], "error: no-such-file.txt: file not found"),
    ([str(FIXTURES / "windows-1258-encoding.txt"), "--out", "/no/such/folder/out.csv"], "error: cannot write"),
])
def test_cli_bad_input_exits_2_without_traceback(capsys, args, message):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_cli_bad_publication_date_exits_2(capsys):
    with pytest.raises(SystemExit) as exited:
        main([str(FIXTURES / "empty-file.txt"), "--published", "16/08/2024"])
    assert exited.value.code == 2
    assert "is not a date in the form YYYY-MM-DD" in capsys.readouterr().err


def test_cli_as_a_real_process(tmp_path):
    bad = _write(tmp_path, "garbage.txt", bytes(range(256)) * 20)
    result = subprocess.run([sys.executable, "-m", "provdash.extract", str(bad)], cwd=paths.ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip() == "error: garbage.txt: this looks like a binary file, not text"
    good = subprocess.run([sys.executable, "-m", "provdash.extract", str(FIXTURES / "windows-1258-encoding.txt"),
                           "--published", "2024-12-06"], cwd=paths.ROOT, capture_output=True, text=True,
                          timeout=120)
    assert good.returncode == 0
    rows = list(csv.DictReader(io.StringIO(good.stdout)))
    assert [(r["value"], r["unit"], r["jurisdiction"]) for r in rows] == [("1.2", "tỷ USD", "vinh_phuc"),
                                                                          ("17", "KCN", "vinh_phuc")]


def test_extract_agrees_with_extract_file(tmp_path):
    text = "Năm 2024, tỉnh Bắc Kạn có 12 dự án với tổng vốn 1.250 tỷ đồng."
    path = _write(tmp_path, "a.txt", text.encode())
    _, from_file = extract_file(path)
    assert from_file == extract(text)
