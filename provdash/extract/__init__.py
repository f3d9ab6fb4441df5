"""Vietnamese indicator extractor: every quantitative statement in a text, with the exact span that states it.

    from provdash.extract import extract, extract_file
    for c in extract(text, published=date(2024, 8, 16)):
        print(c.value, c.unit, c.unit_id, c.period_label, c.quote, c.start, c.end)

Candidates are suggestions for a person to review before anything reaches data/observations.csv; this package
never writes curated files. Pure functions only: no Streamlit, no database. `python -m provdash.extract IN`
writes the candidates as CSV (see __main__.py).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from provdash.extract.core import Candidate, extract
from provdash.extract.readers import Document, ExtractionInputError, read_document

CSV_COLUMNS = ("value", "unit", "value_base", "unit_base", "qualifier", "kind", "period_label", "period_start",
               "period_end", "jurisdiction", "indicator", "quote", "start", "end", "unit_id", "scope")

__all__ = ["CSV_COLUMNS", "Candidate", "Document", "ExtractionInputError", "candidate_row", "extract",
           "extract_file", "read_document"]


def extract_file(path: str | Path, *, published: date | None = None,
                 jurisdiction: str | None = None) -> tuple[Document, list[Candidate]]:
    """Read a .txt/.html/.docx/.pdf file and extract from it; spans index `Document.text`."""
    document = read_document(path)
    return document, extract(document.text, published=published, jurisdiction=jurisdiction)


def _number_text(value: float | None) -> str:
    if value is None:
        return ""
    if value.is_integer() and abs(value) < 1e17:
        return str(int(value))
    return repr(value)


def candidate_row(candidate: Candidate) -> dict[str, str]:
    """One CSV row (CSV_COLUMNS) for a candidate; a range is written "low-high" in value and value_base."""
    value_base = _number_text(candidate.value_base)
    if candidate.value_base_high is not None:
        value_base = f"{value_base}-{_number_text(candidate.value_base_high)}"
    return {
        "value": candidate.value,
        "unit": candidate.unit,
        "value_base": value_base,
        "unit_base": candidate.unit_base,
        "qualifier": candidate.qualifiers,
        "kind": candidate.kind,
        "period_label": candidate.period_label,
        "period_start": candidate.period_start.isoformat() if candidate.period_start else "",
        "period_end": candidate.period_end.isoformat() if candidate.period_end else "",
        "jurisdiction": candidate.jurisdiction,
        "indicator": candidate.indicator,
        "quote": candidate.quote,
        "start": str(candidate.start),
        "end": str(candidate.end),
        "unit_id": candidate.unit_id,  # beyond the 14 columns: the ids data/ uses, for review
        "scope": candidate.scope,
    }
