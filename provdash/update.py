"""The update page's helpers: uploaded files → text, candidates → editable rows → curated rows.

Turns extractor candidates (provdash.extract) into the rows a planner reviews in `st.data_editor`, and the
reviewed rows back into the curated format (provdash.curation saves them). Only `editor_columns` knows about
Streamlit (column configuration); everything else is pure.
"""
from __future__ import annotations

import math
import re
import tempfile
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from provdash.extract import ExtractionInputError, extract, read_document
from provdash.views import escape_markdown

MAX_TEXT_CHARS = 500_000
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
EDITOR_COLUMNS = ["keep", "indicator", "jurisdiction", "period_start", "period_end", "period_label", "value", "unit",
                  "kind", "qualifier", "scope", "method", "quote", "note"]


def read_upload(name: str, data: bytes) -> tuple[str, list[str]]:
    """The text of an uploaded file, through the extractor's readers (size, encoding, PDF without text…)."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise ExtractionInputError(f"{name}: the file is over 5 MB")
    suffix = Path(name).suffix.lower() if re.fullmatch(r"\.[a-z]{2,5}", Path(name).suffix.lower()) else ".txt"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        document = read_document(path)
    return document.text, list(document.notes)


def candidate_rows(text: str, published: date | None) -> pd.DataFrame:
    """One editable row per extracted candidate, in the curated format; empty frame for empty text."""
    if not text or not text.strip():
        return pd.DataFrame(columns=EDITOR_COLUMNS)
    rows = []
    for c in extract(text, published=published):
        rows.append({
            "keep": bool(c.indicator) and bool(c.unit_id),
            "indicator": c.indicator or None,
            "jurisdiction": c.jurisdiction or None,
            "period_start": c.period_start,
            "period_end": c.period_end,
            "period_label": c.period_label,
            "value": c.number,
            "unit": c.unit_id or None,
            "kind": c.kind or "actual",
            "qualifier": c.qualifier or "",
            "scope": c.scope or "province",
            "method": "",
            "quote": c.quote,
            "note": "range up to " + repr(c.number_high) if c.number_high is not None else "",
            "_start": c.start,
            "_end": c.end,
        })
    frame = pd.DataFrame(rows, columns=EDITOR_COLUMNS + ["_start", "_end"])
    spans = frame[["_start", "_end"]].astype("Int64")
    frame = frame[EDITOR_COLUMNS]
    frame.attrs["spans"] = list(zip(spans["_start"].tolist(), spans["_end"].tolist()))
    return frame


def highlighted_markdown(text: str, rows: pd.DataFrame) -> str:
    """The article as inert Markdown with every candidate span on a coloured background."""
    spans = sorted(rows.attrs.get("spans", []))
    parts, cursor = [], 0
    for start, end in spans:
        if start is None or end is None or start < cursor:
            continue
        parts.append(escape_markdown(text[cursor:start]))
        parts.append(":orange-background[" + escape_markdown(text[start:end]) + "]")
        cursor = end
    parts.append(escape_markdown(text[cursor:]))
    return "".join(parts).replace("\n", "  \n")


def editor_columns(vocabulary: pd.DataFrame, lang: str) -> dict:
    """Column configuration of the review table: choices from the data's own vocabularies."""
    def options(field: str) -> list[str]:
        return vocabulary.loc[vocabulary["field"] == field, "id"].tolist()

    return {
        "keep": st.column_config.CheckboxColumn("✔", default=True),
        "indicator": st.column_config.SelectboxColumn(options=options("indicator"), required=True),
        "jurisdiction": st.column_config.SelectboxColumn(options=options("jurisdiction"), required=True),
        "period_start": st.column_config.DateColumn(format="DD/MM/YYYY", required=True),
        "period_end": st.column_config.DateColumn(format="DD/MM/YYYY", required=True),
        "period_label": st.column_config.TextColumn(required=True),
        "value": st.column_config.NumberColumn(format="%.4g", required=True),
        "unit": st.column_config.SelectboxColumn(options=options("unit"), required=True),
        "kind": st.column_config.SelectboxColumn(options=["actual", "target"], required=True),
        "qualifier": st.column_config.SelectboxColumn(options=options("qualifier")),
        "scope": st.column_config.SelectboxColumn(options=options("scope"), required=True),
        "method": st.column_config.SelectboxColumn(options=options("method")),
        "quote": st.column_config.TextColumn(width="large"),
        "note": st.column_config.TextColumn(),
    }


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()


def rows_to_save(edited: pd.DataFrame) -> list[dict]:
    """The kept rows in the curated format (strings, ISO dates, '.' decimals), ready for curation.save."""
    kept = edited[edited["keep"].fillna(False).astype(bool)] if "keep" in edited else edited
    return [{column: _text(row.get(column)) for column in EDITOR_COLUMNS if column != "keep"}
            for _, row in kept.iterrows()]


def source_row(source: dict, lang: str) -> dict | None:
    """The sources.csv row for the article, or None when title, outlet or URL is missing."""
    title, outlet, url = (str(source.get(k) or "").strip() for k in ("title", "outlet", "url"))
    if not (title and outlet and url):
        return None
    published = source.get("published")
    return {"source_id": "", "title": title, "outlet": outlet, "url": url, "file": "",
            "published": published.isoformat() if isinstance(published, date) else "", "language": "vi",
            "note": "added on the update page"}
