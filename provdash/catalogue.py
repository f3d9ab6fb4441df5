"""The Sources & method page's builders: every value with its source as a table people read, the target
assessments with their inputs and status in words, and the status thresholds.

The first part is pure (DataFrames in, DataFrames or text out; no Streamlit, no SQL). The last section is
the page's Streamlit glue — a text input kept in the URL and the filter row — written here because
provdash/ui.py is shared; it belongs in ui.py once the lead agrees (it follows ui.url_select's pattern).
"""
from __future__ import annotations

import math
import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import streamlit as st

from provdash import exports, paths, periods, progress, statuses, targets, ui, views
from provdash.figures import base, trajectory
from provdash.i18n import t
from provdash.numbers import format_day, format_number
from provdash.queries import connect_readonly, copy_query_csv, run_query

MAX_SEARCH_CHARS = 200
DOWNLOAD_STEM = "chi-tieu-thai-nguyen-vinh-phuc"
VALUES_PAGE_SIZE = 200      # rows of the values table on one page (the rest are paged in SQL)
CSV_ZIP_FROM = 100_000      # values; from here on the whole-dataset CSV (~0.5 kB a value) comes zipped
# Excel itself stops at 1,048,576 rows, but openpyxl needs ~0.7 s and ~15 MB per thousand rows: beyond this
# many values the Excel file is not offered, and the page says why.
EXCEL_MAX_VALUES = 50_000


# --- search text -------------------------------------------------------------------------------------------

def clean_search(text: object, max_chars: int = MAX_SEARCH_CHARS) -> str:
    """A search text fit for the URL and the query: Unicode in one form (NFC), no control characters, spaces
    collapsed, at most `max_chars` characters. Anything else is accepted: it is bound, never run."""
    value = unicodedata.normalize("NFC", str(text or ""))
    value = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in value)
    return re.sub(r"\s+", " ", value).strip()[:max_chars].strip()


# --- every value with its source -------------------------------------------------------------------------

def values_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per value: what, where, when, how much (with the source's hedge), how measured, and from which
    publication (outlet, title and date; a seed article by its title and "bài báo ngày 16/8/2024") with its web
    link, the sentence quoted, and the curator's note in the page's language."""
    rows = list(frame.to_dict("records"))
    columns = {
        t("col_indicator", lang): [base.localised(r, "indicator_name", lang) for r in rows],
        t("src_col_place", lang): [base.localised(r, "jurisdiction_name", lang) for r in rows],
        t("col_period", lang): [periods.label(r, lang) for r in rows],
        t("col_value", lang): [base.qualified_value_text(r["value"], "", base.localised(r, "qualifier_label", lang), lang)
                               for r in rows],
        t("col_unit", lang): [base.localised(r, "unit_label", lang) for r in rows],
        t("col_kind", lang): [t("kind_" + r["kind"], lang) for r in rows],
        t("col_scope", lang): [base.localised(r, "scope_label", lang) for r in rows],
        t("col_method", lang): [base.localised(r, "method_label", lang) for r in rows],
        t("col_source", lang): [views.source_cell(r, lang) for r in rows],
        t("col_link", lang): [views.safe_url(r["source_url"]) for r in rows],
        t("col_quote", lang): [r["quote"] or "" for r in rows],
        t("col_note", lang): [views.note_text(r, lang) for r in rows],
    }
    return pd.DataFrame(columns, columns=list(columns))


# --- narrowing to one indicator, place, year, method and scope (the coverage page's links) -------------------

ANY_METHOD = "all"  # the method filter's "any": '' is a method id itself (the single, unnamed method)


class Narrowing(NamedTuple):
    """The filters under the search (?ind=, ?j=, ?year=, ?method=, ?scope=): a link from the coverage page opens
    exactly one cell's values with them. '' means any; for the year and the method, None does."""
    indicator: str = ""
    jurisdiction: str = ""
    year: int | None = None
    method: str | None = None
    scope: str = ""

    def params(self) -> dict[str, object]:
        """The bound parameters of sources_values_count / sources_values_page."""
        return self._asdict()


def facet_labels(facets: pd.DataFrame, facet: str, lang: str, category: str = "") -> dict[str, str]:
    """id → label of one facet of queries/sources_facets.sql, in its order; indicators of `category` only when
    one is chosen. The single, unnamed method ('') is called so."""
    rows = facets[facets["facet"] == facet]
    if facet == "indicator" and category:
        rows = rows[rows["category"] == category]
    column = "label_en" if lang == "en" else "label_vi"
    labels = {i: (label or "") for i, label in zip(rows["id"], rows[column])}
    if facet == "method" and "" in labels:
        labels[""] = t("src_method_single", lang)
    return labels


def year_from_text(raw: object) -> int | None:
    """A year chosen in the filter ('' = any year)."""
    text = str(raw or "")
    return int(text) if re.fullmatch(r"[0-9]{4}", text) else None


# --- paging the values table ------------------------------------------------------------------------------

def values_page_view(search: str, category: str, kind: str, narrowing: Narrowing, page: int,
                     lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One page of values and the table people read of it (for ui.memo: formatted once per database version)."""
    values = ui.query("sources_values_page", search=search, category=category, kind=kind, **narrowing.params(),
                      limit=VALUES_PAGE_SIZE, offset=page_offset(page))
    return values, values_table(values, lang)


def page_count(matching: int, page_size: int = VALUES_PAGE_SIZE) -> int:
    """Pages needed to show `matching` values (at least one, which may be empty)."""
    return max(1, math.ceil(max(0, int(matching)) / page_size))


def page_from_text(raw: object, pages: int) -> int:
    """A page number from the URL (or the page widget): plain ascii digits, else page 1; beyond the last page
    means the last."""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = str(raw or "").strip() if not isinstance(raw, bool) else ""
    if not re.fullmatch(r"[0-9]{1,9}", text):
        return 1
    return min(max(1, int(text)), max(1, pages))


def page_offset(page: int, page_size: int = VALUES_PAGE_SIZE) -> int:
    """Rows before `page` (the page query's $offset)."""
    return (max(1, int(page)) - 1) * page_size


def values_count_text(page: int, shown: int, matching: int, total: int, lang: str,
                      page_size: int = VALUES_PAGE_SIZE) -> str:
    """"Hiển thị 167 trên 167 giá trị." when everything matching fits on one page; otherwise which rows of how
    many ("Hiển thị 201–400 trên 10.000.000 giá trị."), with the total when a search or filter narrows it."""
    if matching <= page_size:
        return t("src_count", lang, shown=views.count(matching, lang), total=views.count(total, lang))
    first = page_offset(page, page_size) + 1
    numbers = {"first": views.count(first, lang), "last": views.count(first + max(shown, 1) - 1, lang),
               "shown": views.count(matching, lang), "total": views.count(total, lang)}
    return t("src_count_page_all" if matching == total else "src_count_page", lang, **numbers)


# --- how the status is computed ----------------------------------------------------------------------------

def labels(vocabulary: pd.DataFrame, lang: str) -> dict[tuple[str, str], str]:
    """(vocabulary, id) → label in the language, from queries/sources_vocabulary.sql."""
    column = "label_en" if lang == "en" else "label_vi"
    return {(v, i): (label or "") for v, i, label in zip(vocabulary["vocabulary"], vocabulary["id"], vocabulary[column])}


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT


def ratio_text(ratio: object, lang: str) -> str:
    if _missing(ratio):
        return "–"
    return format_number(float(ratio), lang, decimals=2)


def reason_text(status: str, reason: str, lang: str) -> str:
    """Why a target has the status it has, in words, where the status alone does not say it."""
    if reason:
        return t("src_reason_" + reason, lang)
    if status in progress.REACHED:
        return t("src_reason_reached", lang)
    if status in (progress.SUPERSEDED, progress.METHODS_DISAGREE):
        return ""  # the status sentence itself says why
    if status == progress.NOT_ENOUGH_DATA:
        return t("src_reason_none_before_deadline", lang)
    return ""


def status_table(assessments: pd.DataFrame, vocabulary: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per target (provdash.targets.assess_targets): the target, the base and latest values it is
    measured from, the ratio R, the paces, the status in icon and words, and the reason when data is short."""
    names = labels(vocabulary, lang)
    rows = list(assessments.to_dict("records"))

    def value(r: dict, column: str, qualifier: str = "") -> str:
        if _missing(r[column]):
            return "–"
        return base.qualified_value_text(r[column], names.get(("unit", r["unit"]), r["unit"]),
                                         names.get(("qualifier", qualifier), ""), lang)

    def base_value(r: dict) -> str:
        return "–" if _missing(r["base_value"]) else f"{value(r, 'base_value')} ({int(r['base_year'])})"

    def latest_value(r: dict) -> str:
        if _missing(r["latest_value"]):
            return "–"
        day = r["latest_date"]
        when = format_day(day, lang) if isinstance(day, date) else periods.label(r, lang, "latest_label")
        return f"{value(r, 'latest_value')} ({when})"

    def needed(r: dict) -> str:
        if r["status"] in (progress.ACHIEVED, progress.MET):
            return "–"
        return trajectory.pace_text(r["pace_needed"], r["pace_unit"], lang)

    # The status first, so it is on screen without scrolling sideways; then the target and its inputs.
    columns = {
        t("src_col_status", lang): [statuses.sentence(r, lang) for r in rows],
        t("col_indicator", lang): [base.localised(r, "indicator_name", lang) for r in rows],
        t("src_col_place", lang): [base.localised(r, "jurisdiction_name", lang) for r in rows],
        t("src_col_target", lang): [value(r, "target_value", r["qualifier"]) for r in rows],
        t("src_col_target_year", lang): [str(int(r["target_year"])) for r in rows],
        t("col_scope", lang): [names.get(("scope", r["scope"]), r["scope"]) for r in rows],
        t("src_col_base", lang): [base_value(r) for r in rows],
        t("src_col_latest", lang): [latest_value(r) for r in rows],
        t("src_col_ratio", lang): [ratio_text(r["ratio"], lang) for r in rows],
        t("src_col_pace_achieved", lang): [trajectory.pace_text(r["pace_achieved"], r["pace_unit"], lang) for r in rows],
        t("src_col_pace_needed", lang): [needed(r) for r in rows],
        t("src_col_reason", lang): [reason_text(r["status"], r["reason"] or "", lang) for r in rows],
    }
    return pd.DataFrame(columns, columns=list(columns))


TARGETS_SHOWN = 500  # rows of the status table on screen; a national store has tens of thousands of targets


def target_status_view(category: str, lang: str) -> tuple[pd.DataFrame, int]:
    """The status table of the first TARGETS_SHOWN targets of `category` ('' for all), and how many there are."""
    first = ui.query("target_progress_first", category=category, limit=TARGETS_SHOWN)
    in_all = int(first["targets_in_all"].iloc[0]) if not first.empty else 0
    return status_table(targets.from_store(first), ui.query("sources_vocabulary"), lang), in_all


def targets_count_text(shown: int, in_all: int, lang: str) -> str:
    text = t("src_targets_count", lang, count=views.count(in_all, lang))
    if shown < in_all:
        text += " " + t("src_targets_shown", lang, shown=views.count(shown, lang))
    return text


def target_status_csv() -> bytes:
    """Every target's stored status and inputs (table target_progress) as CSV, written by DuckDB on click."""
    def write(target: Path) -> None:
        con = connect_readonly(paths.db_path())
        try:
            copy_query_csv(con, "target_progress_all", target)
        finally:
            con.close()
    return exports.csv_file_bytes(write)


def threshold_table(thresholds: progress.Thresholds, lang: str) -> pd.DataFrame:
    """Each status with the condition that gives it, thresholds in the language's number style."""
    on_track = format_number(thresholds.on_track, lang, decimals=2)
    acceleration = format_number(thresholds.acceleration_needed, lang, decimals=2)
    zero = format_number(0, lang, decimals=0)
    conditions = [
        (progress.ACHIEVED, t("src_rule_achieved", lang)),
        (progress.ON_TRACK, f"R ≥ {on_track}"),
        (progress.ACCELERATION_NEEDED, f"{acceleration} ≤ R < {on_track}"),
        (progress.LIMITED_PROGRESS, f"{zero} ≤ R < {acceleration}"),
        (progress.DETERIORATION, f"R < {zero}"),
        (progress.MET, t("src_rule_met", lang)),
        (progress.NOT_MET, t("src_rule_not_met", lang)),
        (progress.OFF_TRACK, t("src_rule_off_track", lang)),
        (progress.METHODS_DISAGREE, t("src_rule_methods_disagree", lang)),
        (progress.SUPERSEDED, t("src_rule_superseded", lang)),
        (progress.NOT_ENOUGH_DATA, t("src_rule_not_enough_data", lang)),
    ]
    return pd.DataFrame({
        t("src_col_status", lang): [trajectory.status_text(status, lang) for status, _ in conditions],
        t("src_col_condition", lang): [condition for _, condition in conditions],
    })


# --- Streamlit glue (belongs in provdash/ui.py) ------------------------------------------------------------

def value_filters(container, lang: str, categories: list[str]) -> tuple[str, str, str]:
    """The filter row above the values table: search text (?q=), topic (?cat=) and kind (?kind=)."""
    search_box, category_box, kind_box = container.columns([3, 2, 3])
    search = ui.url_text_input(search_box, t("src_search", lang), key="q", max_chars=MAX_SEARCH_CHARS,
                               clean=clean_search, placeholder=t("src_search_hint", lang))
    category = ui.url_select(category_box, "selectbox", t("filter_category", lang), [""] + categories, "",
                             key="cat", format_func=lambda c: views.category_label(c, lang) if c else t("src_all", lang))
    kind = ui.url_select(kind_box, "segmented_control", t("col_kind", lang), ["", "actual", "target"], "",
                         key="kind", format_func=lambda k: t("kind_" + k, lang) if k else t("src_all", lang))
    return search, category, kind


def narrowing_filters(container, lang: str, facets: pd.DataFrame, category: str) -> Narrowing:
    """The second filter row: indicator (?ind=), jurisdiction (?j=), year (?year=), method (?method=, empty for the
    single method) and scope (?scope=). Ids not offered (a hostile or stale URL) are ignored."""
    indicator_box, place_box, year_box, method_box, scope_box = container.columns([3, 2.5, 1.5, 2, 2])
    everything = t("src_all", lang)

    def choose(box, facet: str, label: str, key: str, any_value: str = "", category_: str = "") -> str:
        labels = facet_labels(facets, facet, lang, category_)
        if facet == "jurisdiction":  # the provinces the other pages default to first, as in their filter
            order = ui.DEFAULT_JURISDICTIONS
            labels = {j: labels[j] for j in sorted(labels, key=lambda j: (order.index(j) if j in order else len(order), j))}
        return ui.url_select(box, "selectbox", label, [any_value] + list(labels), any_value, key=key,
                             format_func=lambda i: everything if i == any_value else labels.get(i, i))

    indicator = choose(indicator_box, "indicator", t("col_indicator", lang), "ind", category_=category)
    place = choose(place_box, "jurisdiction", t("src_col_place", lang), "j")
    year = choose(year_box, "year", t("src_col_year", lang), "year")
    method = choose(method_box, "method", t("col_method", lang), "method", any_value=ANY_METHOD)
    scope = choose(scope_box, "scope", t("col_scope", lang), "scope")
    return Narrowing(indicator, place, year_from_text(year), None if method == ANY_METHOD else method, scope)


PAGE_KEY = "page"                 # ?page=3
PAGE_FILTERS_KEY = "page_filters"  # the search and filters the page number was chosen for


def values_page(container, lang: str, pages: int, filters: tuple) -> int:
    """The page of the values table (?page=3), drawn only when there is more than one: seeded from the URL,
    back to page 1 when the search or a filter changes, kept within 1..pages whatever the URL says."""
    previous = st.session_state.get(PAGE_FILTERS_KEY)
    st.session_state[PAGE_FILTERS_KEY] = filters
    if pages <= 1:
        if PAGE_KEY in st.query_params:
            del st.query_params[PAGE_KEY]
        return 1
    if PAGE_KEY not in st.session_state:
        st.session_state[PAGE_KEY] = page_from_text(st.query_params.get(PAGE_KEY), pages)
    elif previous is not None and previous != filters:
        st.session_state[PAGE_KEY] = 1
    else:
        st.session_state[PAGE_KEY] = page_from_text(st.session_state[PAGE_KEY], pages)
    page = page_from_text(container.number_input(t("src_page", lang, pages=views.count(pages, lang)), min_value=1,
                                                 max_value=pages, step=1, key=PAGE_KEY), pages)
    if page == 1:
        if PAGE_KEY in st.query_params:
            del st.query_params[PAGE_KEY]
    elif st.query_params.get_all(PAGE_KEY) != [str(page)]:
        st.query_params[PAGE_KEY] = str(page)
    return page


def _write_dataset_csv(target: Path) -> None:
    """Every value, in the page's order, written by DuckDB. A large sort spills next to the file instead of
    filling memory, on one thread so that other sessions keep the other core (10 M values: ~70 s, ~1,2 GB)."""
    con = connect_readonly(paths.db_path(), config={"memory_limit": "1GB", "threads": "1",
                                                    "temp_directory": str(target.parent)})
    try:
        copy_query_csv(con, "sources_values", target, search="", category="", kind="")
    finally:
        con.close()


def dataset_csv(zipped: bool = False) -> bytes:
    """The whole dataset as CSV (UTF-8 with BOM, every column of the observations view), built on click; zipped
    when large (see CSV_ZIP_FROM)."""
    return exports.csv_file_bytes(_write_dataset_csv, zip_member=f"{DOWNLOAD_STEM}.csv" if zipped else None)


def dataset_excel(lang: str) -> bytes:
    """The whole dataset as an Excel workbook, built on click; only offered up to EXCEL_MAX_VALUES values."""
    con = connect_readonly(paths.db_path())
    try:
        everything = run_query(con, "sources_values", search="", category="", kind="")
    finally:
        con.close()
    return exports.excel_bytes(everything, lang, t("src_download_title", lang))


def dataset_downloads(lang: str, total: int) -> None:
    """The whole dataset to take away, each file built only when its button is clicked: CSV (zipped when
    large) and Excel (up to EXCEL_MAX_VALUES values; beyond that the page says why and offers the CSV)."""
    csv_column, excel_column = st.columns(2)
    zipped = total >= CSV_ZIP_FROM
    if zipped:
        csv_column.download_button(t("src_download_csv_zip", lang), lambda: dataset_csv(zipped=True),
                                   file_name=f"{DOWNLOAD_STEM}.zip", mime=exports.ZIP_MIME, key="src_csv",
                                   help=t("src_download_zip_help", lang, total=views.count(total, lang)),
                                   on_click="ignore")
    else:
        csv_column.download_button(t("src_download_csv", lang), dataset_csv,
                                   file_name=f"{DOWNLOAD_STEM}.csv", mime="text/csv", key="src_csv", on_click="ignore")
    if total <= EXCEL_MAX_VALUES:
        excel_column.download_button(t("download_excel", lang), lambda: dataset_excel(lang),
                                     file_name=f"{DOWNLOAD_STEM}.xlsx", mime=exports.XLSX_MIME, key="src_xlsx",
                                     on_click="ignore")
    else:
        excel_column.info(t("src_excel_too_big", lang, limit=views.count(EXCEL_MAX_VALUES, lang),
                            rows=views.count(exports.EXCEL_MAX_ROWS, lang), total=views.count(total, lang)))


VALUES_TABLE_HEIGHT = 560  # about fifteen rows; the search narrows the rest


def values_table_height(rows: int) -> int | str:
    """A fixed height for a long table, Streamlit's own (up to ten rows, no empty space) for a short one."""
    return "auto" if rows <= 10 else VALUES_TABLE_HEIGHT


def values_column_config(lang: str) -> dict:
    """Web links shown by their site name; room for the source and the quote."""
    return {
        t("col_link", lang): st.column_config.LinkColumn(display_text=r"https?://(?:www\.)?([^/]+)"),
        t("col_quote", lang): st.column_config.TextColumn(width="large"),
        t("col_source", lang): st.column_config.TextColumn(width="large"),
    }


def status_column_config(lang: str) -> dict:
    """Room for the status words and for the reason, the last column."""
    return {t("src_col_status", lang): st.column_config.TextColumn(width="medium"),
            t("src_col_reason", lang): st.column_config.TextColumn(width="large")}


LOCAL_TIME = "Asia/Ho_Chi_Minh"


def local_time(saved_at: str) -> str:
    """A logged moment (ISO, UTC) as people in Việt Nam read it: "06/12/2024 16:02" (Asia/Ho_Chi_Minh)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    try:
        moment = datetime.fromisoformat(str(saved_at))
    except ValueError:
        return str(saved_at)
    if moment.tzinfo is None:
        return moment.strftime("%d/%m/%Y %H:%M")
    return moment.astimezone(ZoneInfo(LOCAL_TIME)).strftime("%d/%m/%Y %H:%M")


def audit_table(audit: list[dict], lang: str) -> pd.DataFrame:
    """The audit log, newest first, in local time (Asia/Ho_Chi_Minh), with translated headers and actions."""
    rows = audit[::-1]
    return pd.DataFrame({
        t("src_audit_when", lang): [local_time(r.get("saved_at", "")) for r in rows],
        t("src_audit_who", lang): [r.get("saved_by", "") for r in rows],
        t("up_audit_action", lang): [t("up_audit_" + (r.get("action") or "article"), lang)
                                     if r.get("action", "article") in ("", "article", "import") else r["action"]
                                     for r in rows],
        t("src_audit_source", lang): [r.get("source_id", "") for r in rows],
        t("src_audit_rows", lang): [r.get("rows_added", "") for r in rows],
    })
