"""The update page's helpers: uploaded files → text, candidates → rows a planner reviews in their own language →
curated rows, and what saving them would do.

The review table never shows an internal id: indicators, places, units, qualifiers, scopes, methods and kinds
are chosen by their titles (ids stay the values behind them); periods are chosen the way people say them
(provdash.period_choice); values are typed in the page's number style ("1.030,5" in Vietnamese) and dates as
DD/MM/YYYY, all parsed here on the server. Every problem is said in the page's language.
Only `editor_columns` knows about Streamlit (column configuration); everything else is pure.
"""
from __future__ import annotations

import math
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from provdash import curation, period_choice
from provdash.extract import ExtractionInputError, extract, read_document
from provdash.i18n import has_text, t
from provdash.numbers import format_number
from provdash.validate import MAX_QUOTE_CHARS
from provdash.views import category_label, escape_markdown

MAX_TEXT_CHARS = 500_000
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
EDITOR_COLUMNS = ["keep", "indicator", "jurisdiction", "period", "year", "from_year", "day", "value", "unit",
                  "kind", "qualifier", "scope", "method", "quote", "note"]
CHOICE_FIELDS = ("indicator", "jurisdiction", "unit", "qualifier", "scope", "method")
KINDS = ("actual", "target")
INDICATOR_TYPES = ("level", "share", "rate", "rank", "count")
DIRECTIONS = ("higher", "lower")
MEASURES = ("stock", "flow")
NEW_INDICATOR_PREFIX = "new_"   # ids of indicators proposed on the page are never confused with stored ones


def read_upload(name: str, data: bytes) -> tuple[str, list[str]]:
    """The text of an uploaded file, through the extractor's readers (size, encoding, PDF without text…)."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise ExtractionInputError(f"{name}: the file is over 5 MB", "too_big")
    suffix = Path(name).suffix.lower() if re.fullmatch(r"\.[a-z]{2,5}", Path(name).suffix.lower()) else ".txt"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        document = read_document(path)
    return document.text, list(document.notes)


def read_error_text(error: ExtractionInputError, lang: str) -> str:
    """Why an uploaded file cannot be read, in the page's language."""
    code = getattr(error, "code", "unreadable")
    return t("up_read_" + code, lang) if has_text("up_read_" + code) else t("up_read_unreadable", lang)


def note_text(note: str, lang: str) -> str:
    """How a file was read ("decoded as Windows-1258 …"), in the page's language."""
    if "Windows-1258" in note:
        return t("up_note_cp1258", lang)
    if "UTF-16" in note:
        return t("up_note_utf16", lang)
    match = re.search(r"decoded as ([\w-]+), the charset the page declares", note)
    if match:
        return t("up_note_declared", lang, charset=match.group(1))
    return note


# --- what a planner may choose from --------------------------------------------------------------------


def fold(text: object) -> str:
    """Lower case without Vietnamese diacritics (đ as d): how people type when searching."""
    decomposed = unicodedata.normalize("NFD", str(text or "").replace("Đ", "D").replace("đ", "d"))
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower().split())


def _clean(value: object) -> object:
    """None for every kind of missing cell (None, NaN, pd.NA, NaT); dates as dates."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


@dataclass
class Catalogue:
    """The vocabularies of the curated data (queries/update_vocabulary.sql), with labels in both languages and
    what the checks need, plus the indicators a planner proposed in this session."""
    entries: dict[str, dict[str, dict]]               # field → id → row
    proposed: dict[str, dict] = field(default_factory=dict)   # id → indicators.csv row

    @classmethod
    def from_frame(cls, frame: pd.DataFrame, proposed: list[dict] | None = None) -> Catalogue:
        entries: dict[str, dict[str, dict]] = {}
        for record in frame.to_dict("records"):
            record = {k: _clean(v) for k, v in record.items()}
            entries.setdefault(record["field"], {})[record["id"]] = record
        catalogue = cls(entries)
        for row in proposed or []:
            catalogue.proposed[row["indicator"]] = row
        return catalogue

    def ids(self, field_name: str) -> list[str]:
        """The choosable ids of a field: never the empty id (an empty cell says "none")."""
        ids = [i for i in self.entries.get(field_name, {}) if i]
        if field_name == "indicator":
            ids += [i for i in self.proposed if i not in ids]
        return ids

    def label(self, field_name: str, ident: object, lang: str) -> str:
        if ident is None or ident == "":
            return ""
        if field_name == "indicator" and ident in self.proposed:
            row = self.proposed[ident]
            return t("up_proposed_label", lang, title=row["title_en" if lang == "en" else "title_vi"])
        entry = self.entries.get(field_name, {}).get(ident)
        if entry is None:
            return str(ident)
        return str(entry["label_en" if lang == "en" else "label_vi"] or ident)

    def indicator(self, ident: str) -> dict | None:
        if ident in self.proposed:
            return self.proposed[ident]
        return self.entries.get("indicator", {}).get(ident)

    def unit(self, ident: str) -> dict | None:
        return self.entries.get("unit", {}).get(ident)

    def knows(self, field_name: str, ident: object) -> bool:
        if field_name == "indicator" and ident in self.proposed:
            return True
        return isinstance(ident, str) and ident in self.entries.get(field_name, {})

    def categories(self) -> list[str]:
        return sorted({e["category"] for e in self.entries.get("indicator", {}).values() if e.get("category")})

    def units_fit(self, indicator: str, unit: str) -> bool:
        """Whether a value in `unit` can be compared with the indicator's own unit (same dimension and base)."""
        wanted, given = self.indicator(indicator), self.unit(unit)
        own = self.unit(wanted["unit"]) if wanted else None
        if not own or not given:
            return False
        return (own["dimension"], own["base_unit"]) == (given["dimension"], given["base_unit"])


# --- numbers in the page's style -----------------------------------------------------------------------


def format_value(value: float | None, lang: str) -> str:
    """A value as the review table shows it: "1.030,5" in Vietnamese, "1,030.5" in English."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return format_number(float(value), lang)


def parse_value(text: object, lang: str) -> float:
    """A value typed in the page's style ("1.030,5", "18,2" in Vietnamese; "1,030.5" in English); a plain
    decimal point is accepted in both unless it could be a thousands mark ("1.030" is 1030 in Vietnamese)."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        if math.isfinite(float(text)):
            return float(text)
        raise ValueError(text)
    value = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d)", "", str(text or "").strip()).replace("−", "-")
    sign = -1.0 if value.startswith("-") else 1.0
    digits = value.lstrip("-").lstrip("+")
    if lang == "en":
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", digits):
            return sign * float(digits.replace(",", ""))
        if re.fullmatch(r"\d+,\d{1,2}|\d+,\d{4,}", digits):
            return sign * float(digits.replace(",", "."))
    else:
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?", digits):
            return sign * float(digits.replace(".", "").replace(",", "."))
        if re.fullmatch(r"\d+\.\d{1,2}|\d+\.\d{4,}", digits):
            return sign * float(digits)
    raise ValueError(text)


def value_text(number: float) -> str:
    """A number as the curated files write it: '.' decimal point, no exponent for ordinary numbers."""
    if float(number).is_integer() and abs(number) < 1e15:
        return str(int(number))
    return repr(float(number))


# --- candidates → rows to review -----------------------------------------------------------------------


@dataclass(frozen=True)
class Suggested:
    """What the extractor said about a row's period, to keep the article's own words when it is not changed."""
    choice: period_choice.Choice | None
    label: str


def candidate_rows(text: str, published: date | None, catalogue: Catalogue,
                   lang: str = "vi") -> tuple[pd.DataFrame, dict[int, Suggested]]:
    """One row per extracted candidate in the review table's terms (ids behind titles, a kind of period and a
    year, a value in the page's style), numbered from 1; and the extractor's period words by row number.

    A row is ticked only when its indicator, place, unit and period are all resolved and fit together."""
    if not text or not text.strip():
        return pd.DataFrame(columns=EDITOR_COLUMNS, index=pd.RangeIndex(1, 1)), {}
    rows, suggested, spans = [], {}, []
    for number, c in enumerate(extract(text, published=published), start=1):
        indicator = c.indicator if catalogue.knows("indicator", c.indicator) else None
        unit = c.unit_id if catalogue.knows("unit", c.unit_id) else None
        if indicator and unit and not catalogue.units_fit(indicator, unit):
            indicator = None
        jurisdiction = c.jurisdiction if catalogue.knows("jurisdiction", c.jurisdiction) else None
        choice = period_choice.from_dates(c.period_start, c.period_end, c.period_label, published)
        label = c.period_label
        if choice is None and c.period_start is None and re.search(r"nay|hiện", c.period_label.lower()):
            choice = period_choice.Choice("now")     # "đến nay" before the article's date is entered
        elif (choice is None and not c.period_label and c.kind == "actual" and indicator
              and (catalogue.indicator(indicator) or {}).get("measure") == "stock"):
            # a level stated with no time anywhere near it ("Tỷ lệ … đạt 100%") is the level when it was written
            choice, label = period_choice.Choice("now"), "đến nay"
        scope = c.scope if catalogue.knows("scope", c.scope) else None
        qualifier = c.qualifier if catalogue.knows("qualifier", c.qualifier) else None
        suggested[number] = Suggested(choice, label)
        rows.append({
            "keep": bool(indicator and unit and jurisdiction and choice and scope),
            "indicator": indicator,
            "jurisdiction": jurisdiction,
            "period": choice.choice if choice else None,
            "year": choice.year if choice else None,
            "from_year": choice.from_year if choice else None,
            "day": choice.day if choice and choice.day else None,
            "value": format_value(c.number, lang),
            "unit": unit,
            "kind": c.kind or "actual",
            "qualifier": qualifier or None,
            "scope": scope,
            "method": None,
            "quote": getattr(c, "clause", "") or c.quote,
            "note": ("range up to " + value_text(c.number_high)) if c.number_high is not None else None,
        })
        spans.append((c.start, c.end))
    frame = pd.DataFrame(rows, columns=EDITOR_COLUMNS, index=pd.RangeIndex(1, len(rows) + 1))
    for column in ("year", "from_year"):
        frame[column] = frame[column].astype("Int64")
    frame.attrs["spans"] = spans
    return frame, suggested


def highlighted_markdown(text: str, spans: list[tuple[int, int]]) -> str:
    """The article as inert Markdown with every candidate span on a coloured background."""
    parts, cursor = [], 0
    for start, end in sorted(spans):
        if start is None or end is None or start < cursor:
            continue
        parts.append(escape_markdown(text[cursor:start]))
        parts.append(":orange-background[" + escape_markdown(text[start:end]) + "]")
        cursor = end
    parts.append(escape_markdown(text[cursor:]))
    return "".join(parts).replace("\n", "  \n")


def editor_columns(catalogue: Catalogue, lang: str) -> dict:
    """Column configuration of the review table: headers, help and choices in the page's language; ids stay
    the values behind the titles. No `required`/`validate` (their tooltips are Streamlit's, in English): the
    page checks every row itself and says what is wrong in its own language."""
    def choose(field_name: str, width: str = "medium") -> st.column_config.Column:
        options = sorted(catalogue.ids(field_name), key=lambda i: fold(catalogue.label(field_name, i, lang)))
        return st.column_config.SelectboxColumn(
            t(f"up_col_{field_name}", lang), help=t(f"up_help_{field_name}", lang), width=width,
            options=options, format_func=lambda i, f=field_name: catalogue.label(f, i, lang))

    return {
        "_index": st.column_config.NumberColumn("#", width=40, disabled=True),
        "keep": st.column_config.CheckboxColumn(t("up_col_keep", lang), help=t("up_help_keep", lang), width=64,
                                                default=True),
        "indicator": choose("indicator", "large"),
        "jurisdiction": choose("jurisdiction"),
        "period": st.column_config.SelectboxColumn(
            t("up_col_period", lang), help=t("up_help_period", lang), width="medium",
            options=list(period_choice.CHOICES), format_func=lambda c: period_choice.choice_label(c, lang)),
        "year": st.column_config.NumberColumn(t("up_col_year", lang), help=t("up_help_year", lang), width=70,
                                              min_value=period_choice.YEAR_MIN, max_value=period_choice.YEAR_MAX,
                                              step=1, format="%d"),
        "from_year": st.column_config.NumberColumn(t("up_col_from_year", lang), help=t("up_help_from_year", lang),
                                                   width=70, min_value=period_choice.YEAR_MIN,
                                                   max_value=period_choice.YEAR_MAX, step=1, format="%d"),
        "day": st.column_config.TextColumn(t("up_col_day", lang), help=t("up_help_day", lang), width=110,
                                           max_chars=10),
        "value": st.column_config.TextColumn(t("up_col_value", lang), help=t("up_help_value", lang), width=90),
        "unit": choose("unit", "small"),
        "kind": st.column_config.SelectboxColumn(t("up_col_kind", lang), help=t("up_help_kind", lang), width=90,
                                                 options=list(KINDS), format_func=lambda k: t("kind_" + k, lang)),
        "qualifier": choose("qualifier", "small"),
        "scope": choose("scope"),
        "method": choose("method"),
        "quote": st.column_config.TextColumn(t("up_col_quote", lang), help=t("up_help_quote", lang), width="large",
                                             max_chars=MAX_QUOTE_CHARS),
        "note": st.column_config.TextColumn(t("up_col_note", lang), help=t("up_help_note", lang)),
    }


# --- reviewed rows → curated rows ----------------------------------------------------------------------


def _present(value: object) -> bool:
    value = _clean(value)
    return value is not None and str(value).strip() != ""


def _str(value: object) -> str:
    value = _clean(value)
    return "" if value is None else str(value).strip()


@dataclass
class Reviewed:
    """The ticked rows of the review table in the curated format, and what is wrong with the others."""
    rows: list[dict] = field(default_factory=list)      # curated rows (no source_id yet)
    numbers: list[int] = field(default_factory=list)    # the review table's row number of each
    problems: list[tuple[int, str]] = field(default_factory=list)   # (row number, message in the page's language)
    warnings: list[tuple[int, str]] = field(default_factory=list)


def review(edited: pd.DataFrame, catalogue: Catalogue, published: date | None, lang: str,
           suggested: dict[int, Suggested] | None = None) -> Reviewed:
    """Check every ticked row and turn it into a curated row; say in the page's language what stops a row.

    Row numbers are the table's own (new rows continue the numbering)."""
    result = Reviewed()
    seen: dict[tuple, int] = {}
    for position, (index, row) in enumerate(edited.iterrows(), start=1):
        if not bool(_clean(row.get("keep")) or False):
            continue
        number = int(index) if isinstance(index, (int, float)) and not pd.isna(index) else position
        problems, curated = _review_row(row, catalogue, published, lang, (suggested or {}).get(number))
        if curated is not None:
            key = tuple(curated[c] for c in curation.MATCH_COLUMNS)
            if key in seen:
                problems.append(t("up_err_twice", lang, row=seen[key]))
            else:
                seen[key] = number
            if not catalogue.units_fit(curated["indicator"], curated["unit"]):
                own = catalogue.indicator(curated["indicator"])["unit"]
                result.warnings.append((number, t("up_warn_unit", lang, unit=catalogue.label("unit", curated["unit"], lang),
                                                  own=catalogue.label("unit", own, lang))))
        if problems:
            result.problems += [(number, p) for p in problems]
        else:
            result.rows.append(curated)
            result.numbers.append(number)
    return result


def _review_row(row: pd.Series, catalogue: Catalogue, published: date | None, lang: str,
                suggested: Suggested | None) -> tuple[list[str], dict | None]:
    problems = []
    for field_name in ("indicator", "jurisdiction", "unit", "scope"):
        value = _str(row.get(field_name))
        if not value:
            problems.append(t("up_err_missing", lang, column=t(f"up_col_{field_name}", lang)))
        elif not catalogue.knows(field_name, value):
            problems.append(t("up_err_unknown", lang, column=t(f"up_col_{field_name}", lang), value=value))
    for field_name in ("qualifier", "method"):
        value = _str(row.get(field_name))
        if value and not catalogue.knows(field_name, value):
            problems.append(t("up_err_unknown", lang, column=t(f"up_col_{field_name}", lang), value=value))
    kind = _str(row.get("kind"))
    if kind not in KINDS:
        problems.append(t("up_err_missing", lang, column=t("up_col_kind", lang)))
    period = None
    choice = _str(row.get("period"))
    if not choice:
        problems.append(t("up_err_missing", lang, column=t("up_col_period", lang)))
    else:
        try:
            period = period_choice.resolve(choice, _clean(row.get("year")), _clean(row.get("from_year")),
                                           _clean(row.get("day")), published)
        except period_choice.PeriodError as err:
            problems.append(t(f"up_err_period_{err.code}", lang))
    value = None
    if not _present(row.get("value")):
        problems.append(t("up_err_missing", lang, column=t("up_col_value", lang)))
    else:
        try:
            value = parse_value(_clean(row.get("value")), lang)
        except ValueError:
            problems.append(t("up_err_value", lang, value=_str(row.get("value"))))
    unit = catalogue.unit(_str(row.get("unit")))
    if value is not None and unit:
        low, high = unit.get("min_value"), unit.get("max_value")
        label = catalogue.label("unit", unit["id"], lang)
        if low is not None and value < low:
            problems.append(t("up_err_below", lang, value=format_value(value, lang), low=format_value(low, lang),
                              unit=label))
        if high is not None and value > high:
            problems.append(t("up_err_above", lang, value=format_value(value, lang), high=format_value(high, lang),
                              unit=label))
    place = catalogue.entries.get("jurisdiction", {}).get(_str(row.get("jurisdiction")))
    if place and period and kind == "actual" and place.get("valid_to") and period.start > place["valid_to"]:
        problems.append(t("up_err_ended", lang, place=catalogue.label("jurisdiction", place["id"], lang),
                          day=period_choice.format_day(place["valid_to"]),
                          successor=catalogue.label("jurisdiction", place.get("successor") or "", lang) or "–"))
    if problems:
        return problems, None
    label = period.label
    if suggested is not None and suggested.label and suggested.choice == _row_choice(row):
        label = suggested.label      # unchanged: keep the article's own words for the period
    curated = {
        "indicator": _str(row["indicator"]), "jurisdiction": _str(row["jurisdiction"]),
        "period_start": period.start.isoformat(), "period_end": period.end.isoformat(), "period_label": label,
        "value": value_text(value), "unit": _str(row["unit"]), "kind": kind, "qualifier": _str(row.get("qualifier")),
        "scope": _str(row["scope"]), "method": _str(row.get("method")),
        "quote": " ".join(_str(row.get("quote")).split()), "note": " ".join(_str(row.get("note")).split()),
    }
    return [], curated


def _row_choice(row: pd.Series) -> period_choice.Choice | None:
    choice = _str(row.get("period"))
    if not choice:
        return None

    def year(value: object) -> int | None:
        value = _clean(value)
        return int(value) if value is not None else None

    return period_choice.Choice(choice, year(row.get("year")), year(row.get("from_year")), _str(row.get("day")))


# A web address as people copy it from the address bar, with or without its scheme: "baothainguyen.vn/bai-viet"
_WEB_ADDRESS = re.compile(r"(?:https?://)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?", re.IGNORECASE)


def source_url(text: object) -> str | None:
    """The article's address as stored: "https://" added when only the scheme is missing ("bao.vn/a" →
    "https://bao.vn/a"); None when it is not a web address at all (spaces, no domain, another scheme)."""
    url = str(text or "").strip()
    if not _WEB_ADDRESS.fullmatch(url):
        return None
    if re.match(r"https?://", url, re.IGNORECASE):
        return re.sub(r"^https?://", lambda scheme: scheme.group(0).lower(), url, flags=re.IGNORECASE)
    return "https://" + url


def source_row(source: dict) -> dict | None:
    """The sources.csv row for the article, or None when title, outlet or URL is missing or the URL is not a
    web address."""
    title, outlet, url = (" ".join(str(source.get(k) or "").split()) for k in ("title", "outlet", "url"))
    url = source_url(url) or ""
    if not (title and outlet and url):
        return None
    published = source.get("published")
    return {"source_id": "", "title": title, "outlet": outlet, "url": url, "file": "",
            "published": published.isoformat() if isinstance(published, date) else "", "language": "vi",
            "note": "added on the update page"}


def source_probe(source: dict) -> dict:
    """What is known of the source so far (to look it up before every field is filled in)."""
    published = source.get("published")
    return {"title": str(source.get("title") or "").strip(), "url": str(source.get("url") or "").strip(),
            "outlet": str(source.get("outlet") or "").strip(),
            "published": published.isoformat() if isinstance(published, date) else ""}


# --- what saving would do, in the planner's language ---------------------------------------------------


def row_table(rows: list[dict], numbers: list[int], catalogue: Catalogue, lang: str) -> pd.DataFrame:
    """Curated rows as people read them: titles, names, dates DD/MM/YYYY, values in the page's style."""
    def day(text: str) -> str:
        return period_choice.format_day(date.fromisoformat(text)) if text else ""

    return pd.DataFrame({
        "#": numbers,
        t("up_col_indicator", lang): [catalogue.label("indicator", r["indicator"], lang) for r in rows],
        t("up_col_jurisdiction", lang): [catalogue.label("jurisdiction", r["jurisdiction"], lang) for r in rows],
        t("up_col_period_words", lang): [r["period_label"] for r in rows],
        t("up_col_from", lang): [day(r["period_start"]) for r in rows],
        t("up_col_to", lang): [day(r["period_end"]) for r in rows],
        t("up_col_value", lang): [" ".join(filter(None, [catalogue.label("qualifier", r.get("qualifier", ""), lang),
                                                         format_value(float(r["value"]), lang)])) for r in rows],
        t("up_col_unit", lang): [catalogue.label("unit", r["unit"], lang) for r in rows],
        t("up_col_kind", lang): [t("kind_" + r["kind"], lang) for r in rows],
        t("up_col_scope", lang): [catalogue.label("scope", r["scope"], lang) for r in rows],
        t("up_col_method", lang): [catalogue.label("method", r.get("method", ""), lang) for r in rows],
        t("up_col_quote", lang): [r.get("quote", "") for r in rows],
    })


def stored_text(stored: dict, catalogue: Catalogue, lang: str) -> str:
    """A stored value in words: "trên 25 % — Title (source_id)"."""
    value = " ".join(filter(None, [catalogue.label("qualifier", stored.get("qualifier", ""), lang),
                                   format_value(float(stored["value"]), lang),
                                   catalogue.label("unit", stored["unit"], lang)]))
    return f"{value} — {stored.get('source_title') or stored['source_id']}"


def decision_key(number: int, row: dict) -> str:
    """The widget key of a row's keep/skip choice: changes when the row's value or key changes, so an edited
    row is asked again."""
    import hashlib
    digest = hashlib.sha1("|".join(str(row.get(c, "")) for c in (*curation.MATCH_COLUMNS, "value", "unit",
                                                                     "qualifier")).encode()).hexdigest()[:10]
    return f"up_dup_{number}_{digest}"


def indicator_id(title_en: str, taken: set[str]) -> str:
    """An ascii id for a proposed indicator from its English title: new_cashless_payment_share."""
    slug = re.sub(r"[^a-z0-9]+", "_", fold(title_en)).strip("_")[:40].strip("_") or "indicator"
    stem = NEW_INDICATOR_PREFIX + slug
    candidate, n = stem, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}_{n}"
    return candidate


COMPANY_WORDS = re.compile(r"\b(?:cong ty|tap doan|company|corporation|samsung|nha may|factory)\b")


def proposed_indicator(fields: dict, catalogue: Catalogue, lang: str) -> tuple[dict | None, list[str]]:
    """An indicators.csv row from the "propose a new indicator" form, or the problems in the page's language.
    The save checks it again like every other row (provdash.validate)."""
    title_vi = " ".join(str(fields.get("title_vi") or "").split())
    title_en = " ".join(str(fields.get("title_en") or "").split())
    problems = []
    if not title_vi:
        problems.append(t("up_new_err_title_vi", lang))
    if not title_en:
        problems.append(t("up_new_err_title_en", lang))
    titles = {fold(catalogue.label("indicator", i, language)): i for i in catalogue.ids("indicator")
              for language in ("vi", "en")}
    for title in (title_vi, title_en):
        if title and fold(title) in titles:
            problems.append(t("up_new_err_exists", lang, title=title,
                              existing=catalogue.label("indicator", titles[fold(title)], lang)))
    if COMPANY_WORDS.search(fold(f"{title_vi} {title_en}")):
        problems.append(t("up_new_err_company", lang))
    for name, allowed in (("unit", catalogue.ids("unit")), ("category", catalogue.categories()),
                          ("type", INDICATOR_TYPES), ("direction", DIRECTIONS), ("measure", MEASURES)):
        if fields.get(name) not in allowed:
            problems.append(t("up_new_err_choice", lang, column=t(f"up_new_{name}", lang)))
    if problems:
        return None, problems
    taken = set(catalogue.ids("indicator"))
    definition = " ".join(str(fields.get("definition") or "").split()) or f"{title_en} (proposed on the update page)"
    return {"indicator": indicator_id(title_en, taken), "title_vi": title_vi, "title_en": title_en,
            "unit": fields["unit"], "category": fields["category"], "direction": fields["direction"],
            "type": fields["type"], "measure": fields["measure"], "definition": definition}, []


def choice_labels(options: tuple[str, ...] | list[str], prefix: str, lang: str) -> dict[str, str]:
    return {o: t(f"{prefix}{o}", lang) for o in options}


def category_labels(catalogue: Catalogue, lang: str) -> dict[str, str]:
    return {c: category_label(c, lang) for c in catalogue.categories()}
