"""Read a document into plain NFC text: .txt, .html, .docx, .pdf.

A file that cannot be read as text raises ExtractionInputError with a message a person can act on (too big,
binary, empty, scanned PDF, unknown encoding). Text that is not UTF-8 is tried as Windows-1258 (the legacy
Vietnamese code page) and, when it reads as Vietnamese, kept with a note saying so. Nothing here looks for
numbers; `core.py` does.
"""
from __future__ import annotations

import io
import logging
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

MAX_BYTES = 5 * 1024 * 1024


class ExtractionInputError(Exception):
    """The input cannot be read as a document; the message says why in plain words, and `code` names the reason
    (for pages that say it in their own language): not_found, not_a_file, too_big, old_office, no_text, binary,
    encoding, docx, pdf_password, pdf, pdf_no_text."""

    def __init__(self, message: str, code: str = "unreadable"):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Document:
    text: str                   # NFC-normalised; candidate spans index this
    notes: tuple[str, ...]      # how it was read, when that is worth knowing ("decoded as Windows-1258")


def read_document(path: str | Path) -> Document:
    """The text of a .txt, .html/.htm, .docx or .pdf file (others are read as text if they are text)."""
    # Load inputs.
    path = Path(path)
    name = path.name
    if not path.exists():
        raise ExtractionInputError(f"{name}: file not found", "not_found")
    if not path.is_file():
        raise ExtractionInputError(f"{name}: not a file", "not_a_file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ExtractionInputError(
            f"{name}: the file is {size / 1024 / 1024:.1f} MB; files over {MAX_BYTES // 1024 // 1024} MB are not read",
            "too_big")
    data = path.read_bytes()

    # Process data.
    suffix = path.suffix.lower()
    if suffix in (".doc", ".xls", ".ppt") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ExtractionInputError(f"{name}: old Microsoft Office files are not read; save it as .docx or .pdf",
                                   "old_office")
    if suffix == ".pdf" or data.startswith(b"%PDF-"):
        text, notes = _pdf_text(data, name), []
    elif suffix == ".docx" or (suffix not in (".txt", ".html", ".htm") and data.startswith(b"PK\x03\x04")):
        text, notes = _docx_text(data, name), []
    elif suffix in (".html", ".htm", ".xhtml"):
        decoded, notes = decode_text(data, name, declared=_declared_charset(data))
        text = html_to_text(decoded)
    else:
        text, notes = decode_text(data, name)

    # Save outputs.
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise ExtractionInputError(f"{name}: the file has no text", "no_text")
    return Document(text, tuple(notes))


# --- plain text and encodings -------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_VIETNAMESE_LETTERS = frozenset(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
)
_TYPOGRAPHY = frozenset("\u00a0“”‘’–—…•·«»°±×÷€£¥§©®™")


def decode_text(data: bytes, name: str, declared: str | None = None) -> tuple[str, list[str]]:
    """UTF-8 (with or without BOM), else the declared charset, else Windows-1258 when it reads as Vietnamese."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), [f"{name}: decoded as UTF-16"]
    if b"\x00" in data[:65536]:
        raise ExtractionInputError(f"{name}: this looks like a binary file, not text", "binary")
    try:
        text = data.decode("utf-8-sig")
        notes: list[str] = []
    except UnicodeDecodeError:
        text, notes = _decode_legacy(data, name, declared)
    if len(_CONTROL.findall(text[:65536])) > max(8, len(text[:65536]) // 100):
        raise ExtractionInputError(f"{name}: this looks like a binary file, not text", "binary")
    return text, notes


def _decode_legacy(data: bytes, name: str, declared: str | None) -> tuple[str, list[str]]:
    if declared and declared.replace("_", "-").lower() not in ("utf-8", "utf8"):
        try:
            text = data.decode(declared)
            return text, [f"{name}: not UTF-8; decoded as {declared}, the charset the page declares"]
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        text = ""
    if text and _reads_as_vietnamese(text):
        return text, [f"{name}: not UTF-8; decoded as Windows-1258 (legacy Vietnamese). "
                      "Check the quotes, and save the file as UTF-8 if you can"]
    raise ExtractionInputError(
        f"{name}: the text is not UTF-8 and does not read as Windows-1258 Vietnamese either; "
        "save it as UTF-8 and try again", "encoding")


def _reads_as_vietnamese(text: str) -> bool:
    """Legacy bytes decoded as Windows-1258 give Vietnamese letters; other code pages give symbols."""
    non_ascii = [ch for ch in text if ord(ch) > 127 and ch not in _TYPOGRAPHY]
    if not non_ascii:
        return True
    suspicious = sum(1 for ch in non_ascii if ch not in _VIETNAMESE_LETTERS)
    return suspicious <= len(non_ascii) * 0.1


# --- HTML ---------------------------------------------------------------------------------------------------

_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


class _HTMLText(HTMLParser):
    """Visible text of a page: scripts, styles, menus, forms and footers dropped; blocks on their own lines."""

    SKIP = frozenset({"script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "head",
                      "nav", "footer", "aside", "form", "button", "select", "textarea", "address"})
    BLOCK = frozenset({"p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
                       "li", "ul", "ol", "table", "tr", "td", "th", "thead", "tbody", "blockquote", "figure",
                       "figcaption", "caption", "dl", "dt", "dd", "pre", "br", "hr", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        elif tag in self.SKIP:
            self.skipping.append(tag)
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif self.skipping and tag == self.skipping[-1]:
            self.skipping.pop()
        elif tag in self.skipping:             # unbalanced markup: close up to the matching tag
            while self.skipping and self.skipping.pop() != tag:
                pass
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """The readable text of an HTML page, one block per line (title first)."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    body = "".join(parser.parts)
    title = " ".join("".join(parser.title).split())
    lines = [" ".join(line.split()) for line in body.split("\n")]
    lines = [line for line in lines if line]
    if title and (not lines or lines[0] != title):
        lines.insert(0, title)
    return "\n".join(lines)


# --- .docx and .pdf -----------------------------------------------------------------------------------------

def _docx_text(data: bytes, name: str) -> str:
    import docx                                   # python-docx; imported here so .txt needs no extra package
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ExtractionInputError(f"{name}: not a readable .docx file ({error})", "docx") from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _pdf_text(data: bytes, name: str) -> str:
    import pypdf
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)   # pypdf warns about harmless quirks on stderr
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionInputError(f"{name}: the PDF is password-protected", "pdf_password")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ExtractionInputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as error:
        raise ExtractionInputError(f"{name}: not a readable PDF ({error})", "pdf") from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise ExtractionInputError(
            f"{name}: the PDF has no text layer (a scanned image?); run OCR on it first", "pdf_no_text")
    return text
