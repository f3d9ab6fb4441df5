"""Streamlit glue shared by every page: the database connection and query caches, the language switch.

Pages call `query(name, **params)` and never touch DuckDB or SQL themselves. One read-only connection per
database file lives under `st.cache_resource`; each query runs on its own cursor; results are cached by
(database version, query name, parameters). A rebuilt database has a new version, so caches never serve a
mix of old and new data.
"""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from provdash import briefing, build, exports, paths, present, views
from provdash.figures import base
from provdash.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from provdash.queries import connect_readonly, run_query


def database_version(path: Path | None = None) -> tuple[str, int, int]:
    """Identity of the database file now on disk: its path, modification time and size."""
    target = path or paths.db_path()
    stat = target.stat()
    return (str(target), stat.st_mtime_ns, stat.st_size)


@st.cache_resource(show_spinner=False)
def _startup_check(target: str) -> tuple[str, str]:
    """Once per server and database path: rebuild the database when it is missing or unreadable."""
    path = Path(target)
    if build.database_is_usable(path):
        return ("ok", "")
    if build.synthetic_database(path):
        return ("failed", "- " + build.SYNTHETIC_STALE.format(path=path))
    try:
        build.build(target=path)
    except build.BuildError as err:
        return ("failed", "\n".join(f"- {p}" for p in err.problems[:20]))
    except Exception as err:  # reported on screen in plain words
        return ("failed", f"- {type(err).__name__}: {err}")
    return ("rebuilt", "")


@st.cache_resource(show_spinner=False, max_entries=4)
def _usable(version: tuple[str, int, int]) -> bool:
    """Whether this version of the file opens and holds the view: checked once per version, not every rerun."""
    return build.database_is_usable(Path(version[0]))


def _usable_now(target: Path) -> bool:
    try:
        return _usable(database_version(target))
    except OSError:  # the file is gone
        return False


def ensure_database(lang: str) -> bool:
    """Make sure a usable database exists; tell the user when it had to be rebuilt. False when unusable."""
    target = paths.db_path()
    status, detail = _startup_check(str(target))
    if status == "ok" and not _usable_now(target):
        _startup_check.clear()
        status, detail = _startup_check(str(target))
    if status == "rebuilt":
        st.toast(t("db_rebuilt", lang))
        st.info(t("db_rebuilt", lang))
    elif status == "failed":
        st.error(t("db_failed", lang) + "\n\n" + detail)
        return False
    return True


@st.cache_resource(show_spinner=False, max_entries=2)
def _connection(version: tuple[str, int, int]) -> duckdb.DuckDBPyConnection:
    return connect_readonly(Path(version[0]))


# A resource cache, not a data cache: a hit hands back the stored frame without unpickling it (query() copies it).
@st.cache_resource(show_spinner=False, max_entries=512)
def _cached_query(version: tuple[str, int, int], name: str, params: tuple[tuple[str, object], ...]) -> pd.DataFrame:
    values = {k: list(v) if isinstance(v, tuple) else v for k, v in params}
    return run_query(_connection(version), name, **values)


def query(name: str, **params: object) -> pd.DataFrame:
    """Result of queries/<name>.sql with bound parameters. Returns a copy: never mutate cached data."""
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
    result = _cached_query(database_version(), name, frozen)
    return result.copy()


@st.cache_resource(show_spinner=False, max_entries=256)
def _memoised(version: tuple[str, int, int], name: str, args: tuple, kwargs: dict, _func):
    return _func(*args, **kwargs)


def memo(func, *args, **kwargs):
    """`func(*args, **kwargs)`, computed once per database version and arguments and shared by every session.

    For a page's views (queries, then figures and tables built from them): a warm rerun then costs no Plotly
    or pandas work at all. `func` must depend only on its arguments and the database, and callers must treat
    the result as read-only (copy a figure before adding to it)."""
    name = f"{func.__code__.co_filename}:{func.__qualname__}"
    return _memoised(database_version(), name, args, kwargs, func)


# --- widgets whose state lives in the URL -------------------------------------------------------------
# Streamlit's bind="query-params" writes the *formatted* option into the URL, and our labels change with the
# language, so a switch of language would drop every filter. These helpers keep ascii ids in the URL instead
# (?j=thai_nguyen&j=vinh_phuc&lang=en); values that are not valid options are ignored, never an error.

MAX_URL_VALUES = 50
KEPT_KEYS = "_url_widget_keys"  # session state: the keys of every URL-kept widget drawn so far


def _remember(key: str) -> None:
    st.session_state.setdefault(KEPT_KEYS, set()).add(key)


def carry_filters_across_pages() -> None:
    """Keep the filters when the reader moves to another page (entry point, before any widget is drawn).

    Streamlit drops a widget's value when the next run does not draw that very widget, and a widget on another
    page is another widget even with the same key: without this, the provinces chosen on the overview were all
    unselected on the FDI page. Writing each value back to session state detaches it from the old widget, so the
    next page's widget with that key starts from it (and checks it against its own options)."""
    for key in st.session_state.get(KEPT_KEYS, ()):
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def _seed_from_url(key: str, options: list, default, multiple: bool) -> None:
    if key in st.session_state:
        current = st.session_state[key]
        valid = all(v in options for v in current) if multiple else current in options
        if valid:
            return
    if multiple:
        wanted = [v for v in dict.fromkeys(st.query_params.get_all(key)[:MAX_URL_VALUES]) if v in options]
        st.session_state[key] = wanted or list(default)
    else:
        wanted = st.query_params.get(key)
        st.session_state[key] = wanted if wanted in options else default


def _write_to_url(key: str, value, default) -> None:
    if value == default or value is None or value == []:
        if key in st.query_params:
            del st.query_params[key]
    else:
        wanted = [str(v) for v in value] if isinstance(value, list) else [str(value)]
        if st.query_params.get_all(key) != wanted:
            st.query_params[key] = wanted if isinstance(value, list) else wanted[0]


def url_select(container, kind: str, label: str, options: list, default, key: str, **widget_args):
    """A single-choice widget (`kind`: selectbox, radio, segmented_control, pills) kept in the URL as ?key=id."""
    options = list(options)
    default = default if default in options else (options[0] if options else None)
    _remember(key)
    _seed_from_url(key, options, default, multiple=False)
    if kind == "segmented_control":
        widget_args.setdefault("required", True)
    value = getattr(container, kind)(label, options, key=key, **widget_args)
    value = value if value in options else default
    _write_to_url(key, value, default)
    return value


def url_multiselect(container, label: str, options: list, default: list, key: str, widget: str = "multiselect",
                    **widget_args) -> list:
    """A multiselect (or multi-choice pills) kept in the URL as repeated ?key=id parameters."""
    options = list(options)
    default = [d for d in default if d in options]
    _remember(key)
    _seed_from_url(key, options, default, multiple=True)
    if widget == "pills":
        value = container.pills(label, options, key=key, selection_mode="multi", **widget_args) or []
    else:
        value = container.multiselect(label, options, key=key, **widget_args)
    _write_to_url(key, list(value), default)
    return list(value)


def _plain_text(text: object, limit: int) -> str:
    return str(text or "").strip()[:limit]


def url_text_input(container, label: str, key: str, max_chars: int, clean=_plain_text, **widget_args) -> str:
    """A text input kept in the URL as ?key=text: seeded from the URL, written back, removed when empty.
    `clean(text, max_chars)` tidies what arrives from the URL or the box."""
    _remember(key)
    if key not in st.session_state:
        st.session_state[key] = clean(st.query_params.get(key, ""), max_chars)
    value = clean(container.text_input(label, key=key, max_chars=max_chars, **widget_args), max_chars)
    _write_to_url(key, value, "")
    return value


def language_switch() -> str:
    """The language switch (entry point only), kept in the URL as ?lang=en; Vietnamese by default."""
    return url_select(st.sidebar, "segmented_control", "Ngôn ngữ / Language", list(LANGUAGES), DEFAULT_LANGUAGE,
                      key="lang", format_func=lambda code: {"vi": "Tiếng Việt", "en": "English"}[code])


def lang() -> str:
    """The language chosen by the switch (or, before the switch is drawn, asked for in the URL)."""
    value = st.session_state.get("lang")
    if value not in LANGUAGES:
        value = st.query_params.get("lang")
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def planner_secret() -> str | None:
    """The planner secret from the environment or st.secrets; None when writing is not configured."""
    secret = os.environ.get("PLANNER_SECRET", "")
    if not secret:
        try:
            secret = str(st.secrets.get("planner_secret", ""))
        except Exception:  # no secrets file at all
            secret = ""
    return secret or None


# --- shared filters ----------------------------------------------------------------------------------------

DEFAULT_JURISDICTIONS = ["thai_nguyen", "thai_nguyen_2025", "vinh_phuc", "phu_tho_2025"]
YEAR_MIN, YEAR_MAX = 2015, 2050
DEFAULT_YEARS = (2019, 2030)


def filter_bar(lang: str, default_jurisdictions: list[str] | None = None) -> tuple[list[str], int, int]:
    """The filter row at the top of a page: provinces and years, both kept in the URL."""
    box = filters_container()
    jurisdictions = jurisdiction_filter(lang, default_jurisdictions, container=box.container())
    start, end = year_filter(lang, container=box.columns([2, 3])[0])
    return jurisdictions, start, end


def jurisdiction_filter(lang: str, default: list[str] | None = None, container=None) -> list[str]:
    """Provinces to show (?j=thai_nguyen&j=vinh_phuc); names in the current language."""
    places = query("jurisdictions")
    places = places[places["observations"] > 0]
    names = dict(zip(places["jurisdiction"], places["name_en" if lang == "en" else "name_vi"]))
    names = {j: names[j] for j in sorted(names, key=lambda j: (DEFAULT_JURISDICTIONS + [j]).index(j))}
    return url_multiselect(container or st.sidebar, t("filter_jurisdictions", lang), list(names),
                           default or DEFAULT_JURISDICTIONS, key="j", format_func=lambda j: names.get(j, j),
                           widget="pills")


def year_filter(lang: str, container=None) -> tuple[int, int]:
    """The years shown (?from=2019&to=2030); targets are always shown whatever their year."""
    box = container or st.sidebar
    _remember("years")
    if "years" not in st.session_state:
        low, high = _url_int("from", DEFAULT_YEARS[0]), _url_int("to", DEFAULT_YEARS[1])
        st.session_state["years"] = (min(low, high), max(low, high))
    chosen = box.slider(t("filter_period", lang), YEAR_MIN, YEAR_MAX, key="years")
    _write_to_url("from", chosen[0], DEFAULT_YEARS[0])
    _write_to_url("to", chosen[1], DEFAULT_YEARS[1])
    return int(chosen[0]), int(chosen[1])


def _url_int(key: str, default: int) -> int:
    raw = st.query_params.get(key, "")
    if raw.isdigit() and YEAR_MIN <= int(raw) <= YEAR_MAX:
        return int(raw)
    return default


# --- rendering a chart with everything that belongs to it -------------------------------------------------


def chart_style() -> base.Style:
    """Chart sizes: larger in presenter mode."""
    return base.PRESENTER if present.presenting() else base.NORMAL


def intro(text: str) -> None:
    """A page's introductory paragraph; left out in presenter mode to keep one chart per screen."""
    if not present.presenting():
        st.write(text)


def chart_page_head(title_key: str, intro_key: str) -> tuple[str, base.Style, list[str], dict]:
    """The start every chart page shares: its title and intro, then the provinces and years of the filter bar.
    Returns the page's language, its chart style, the chosen provinces, and the period as query parameters
    (jurisdictions, start = 1 January of the first year, end = 31 December of the last)."""
    page_lang, style = lang(), chart_style()
    st.title(t(title_key, page_lang))
    intro(t(intro_key, page_lang))
    jurisdictions, start, end = filter_bar(page_lang)
    return page_lang, style, jurisdictions, dict(jurisdictions=jurisdictions, start=date(start, 1, 1),
                                                 end=date(end, 12, 31))


def filters_container():
    """The container for a page's filter widgets; hidden (not removed) in presenter mode."""
    return st.container(key="filters")


def chart_block(figure, *, lang: str, summary: str, table: pd.DataFrame, sources: pd.DataFrame, key: str,
                file_stem: str, caveats: list[str] | None = None, data: pd.DataFrame | None = None,
                slides: list | None = None) -> None:
    """One slide: summary sentence, the chart (PNG button at 2× with a meaningful name), caveats, the data
    table with CSV / Excel / server-rendered PNG downloads, and the sources.

    `data`: the rows of the `observations` view behind the table, for the CSV and Excel files (numbers as numbers,
    ids, ISO dates); `sources` when those rows are also what the sources list reads. `slides` (parts.Slide): in
    presenter mode, these slides instead of `figure`, for a chart too long for one screen."""
    rows = sources if data is None else data
    if present.presenting():
        pages = [(figure, summary, key)] if not slides else [
            (slide.figure, slide.summary, f"{key}_{number}") for number, slide in enumerate(slides, start=1)]
        for page_figure, page_summary, page_key in pages:
            if present.next_slide():
                _slide(page_figure, page_summary, page_key, file_stem, caveats, sources, lang)
        return
    if not present.next_slide():
        return
    _chart(figure, summary, key, file_stem)
    shown, folded = (caveats or [])[:CAVEATS_SHOWN], (caveats or [])[CAVEATS_SHOWN:]
    if shown:
        st.caption("  \n".join("⚠ " + views.escape_markdown(caveat) for caveat in shown))
    if folded:  # the first caveats stay in sight; the others one click away, to keep a long page short
        with st.expander(t("more_notes", lang, count=len(folded))):
            st.caption("  \n".join("⚠ " + views.escape_markdown(caveat) for caveat in folded))
    with st.expander(t("table_view", lang)):
        st.dataframe(table, hide_index=True, width="stretch")
        columns = st.columns(3)
        # Files are made on click, and a click does not rerun the page (a rerun after a deferred download
        # could leave the button pointing at a file id the rerun had replaced: later clicks then did nothing).
        columns[0].download_button(t("download_csv", lang), lambda: exports.data_csv_bytes(rows),
                                   file_name=f"{file_stem}.csv", mime="text/csv", key=f"{key}-csv",
                                   on_click="ignore")
        columns[1].download_button(t("download_excel", lang), lambda: exports.excel_bytes(rows, lang, summary),
                                   file_name=f"{file_stem}.xlsx", key=f"{key}-xlsx", mime=exports.XLSX_MIME,
                                   on_click="ignore")
        columns[2].download_button(t("download_png", lang), lambda: exports.png_bytes(figure),
                                   file_name=f"{file_stem}.png", mime="image/png", key=f"{key}-png",
                                   on_click="ignore")
    source_list(sources, lang, fold_after=SOURCES_SHOWN)


def _chart(figure, summary: str, key: str, file_stem: str) -> None:
    st.markdown(f"**{views.escape_markdown(summary)}**")
    # theme=None: our own template (Streamlit's theme would draw axis labels in #808495, 3,7:1 against white).
    st.plotly_chart(figure, key=key, width="stretch", theme=None, config={
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": file_stem, "scale": 2},
    })


def _slide(figure, summary: str, key: str, file_stem: str, caveats: list[str] | None, sources: pd.DataFrame,
           lang: str) -> None:
    """A chart as a presenter slide: what is needed to read it closely (notes, sources) one click away."""
    _chart(figure, summary, key, file_stem)
    notes = "  \n".join("⚠ " + views.escape_markdown(caveat) for caveat in caveats or [])
    if notes or len(sources):
        with st.expander(t("present_notes", lang, count=len(caveats or [])), expanded=False):
            if notes:
                st.caption(notes)
            source_list(sources, lang)


CAVEATS_SHOWN = 3  # a chart's caveats in sight under it; more fold into an expander ("3 ghi chú khác")
SOURCES_SHOWN = 3  # a chart's new sources listed under it; more fold into an expander ("Nguồn (12)")
LISTED_SOURCES_KEY = "_sources_listed"  # ids of the sources already listed in full on this run of the page


def source_list(frame: pd.DataFrame, lang: str, fold_after: int | None = None) -> None:
    """The sources of what is on screen: each listed in full (title, outlet, date, link) the first time the page
    shows it; a chart whose sources were listed above names them briefly instead of repeating the list. More than
    `fold_after` new sources fold into an expander, to keep pages short."""
    listed = st.session_state.setdefault(LISTED_SOURCES_KEY, set())
    ids = list(dict.fromkeys(frame["source_id"].tolist())) if "source_id" in frame else []
    new = [i for i in ids if i not in listed]
    text = views.source_list_text(frame, lang, listed)
    listed.update(ids)
    if not text:
        return
    if fold_after is not None and len(new) > fold_after:
        with st.expander(t("sources_folded", lang, count=len(new))):
            st.caption(text)
    else:
        st.caption(text)


def start_page(title: str, lang: str) -> None:
    """Called by the entry point on every run, before the page: the browser tab names the page, and no source
    has been listed yet."""
    st.set_page_config(page_title=views.page_title(title, lang))
    st.session_state[LISTED_SOURCES_KEY] = set()


def declare_language(lang: str) -> None:
    """The page's language on the document (<html lang>), for screen readers, translation and hyphenation.
    Streamlit 1.67 serves <html lang="en"> and has no setting for it, so a static script of ours (the language
    is one of LANGUAGES, never user text) sets it; drawn at the foot of the sidebar, where it takes no room."""
    st.sidebar.html(LANGUAGE_SCRIPT.format(lang=lang if lang in LANGUAGES else DEFAULT_LANGUAGE),
                    unsafe_allow_javascript=True)


LANGUAGE_SCRIPT = '<script>document.documentElement.setAttribute("lang", "{lang}");</script>'


def briefing_button(lang: str) -> None:
    """One click builds the meeting briefing PDF, showing progress; says plainly when charts cannot be drawn."""
    if st.button(t("brief_button", lang), icon=":material/picture_as_pdf:", key="brief_build"):
        summary = query("store_summary").iloc[0]
        meta = {"values": views.count(summary["observations"], lang), "sources": views.count(summary["sources"], lang),
                "latest": views.published(summary["latest_source_published"], lang)}
        with st.status(t("brief_building", lang), expanded=True) as status:
            bar = st.progress(0.0)

            def report(fraction: float, text: str) -> None:
                bar.progress(min(1.0, fraction), text=text)

            pdf, with_images = briefing.build(query, lang, meta=meta, progress=report)
            status.update(label=t("brief_ready", lang), state="complete", expanded=False)
        if not with_images:
            st.warning(t("brief_no_browser", lang))
        st.session_state["brief_pdf"] = pdf
    if st.session_state.get("brief_pdf"):
        st.download_button(t("brief_download", lang), st.session_state["brief_pdf"], mime="application/pdf",
                           file_name=f"bao-cao-nhanh-{date.today().isoformat()}.pdf", key="brief_download",
                           on_click="ignore")
