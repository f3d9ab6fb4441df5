"""The coverage page's builders ("Độ phủ số liệu" / "Data coverage"): what the store holds for every indicator ×
jurisdiction × year — actuals (one row per method and scope), targets, or nothing — as a grid people read, the
counts per category and per province that answer "what do we know, and what is missing?", and the notes on gaps
that were looked into (data/coverage_notes.csv).

Pure functions (DataFrames in, DataFrames or text out): no Streamlit, no SQL. The page runs the queries
(coverage_indicators, coverage_cells, coverage_notes, jurisdictions) and hands their results to these.

Words used here:
- a *line* is one indicator in one jurisdiction (what a chart would draw for a province);
- a *series* is a line's values of one kind, method and scope (what may be joined into one line on a chart);
- a *cell* is one series in one year; a *line-year* is one line in one year, whatever the series.
A value counts for the year its period ends in (queries/coverage_cells.sql), as on the sources page. An actual
speaks for its year when it is a level (stock) at some date in it or an amount (flow) over the whole calendar year;
an amount over part of a year (or several years) is held, and linked, but marked as such and not counted as a
year of actuals: partial periods are never taken for the year.
"""
from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

import pandas as pd

from provdash.i18n import t
from provdash.numbers import format_percent
from provdash.views import count, escape_markdown

ACTUAL, TARGET = "actual", "target"
DEFAULT_SCOPE = "province"  # the whole jurisdiction; other scopes are named in the series label

# What a cell or line-year holds. A line-year takes the first of these that one of its series has (an actual for
# the year outranks one for part of it, which outranks a target, which outranks the notes on a gap);
# NOT_APPLICABLE is a year in which no actual can exist: the jurisdiction did not exist yet or any more, or the
# year has not come.
PARTIAL, NOT_PUBLISHED, NOT_FOUND, MISSING, NOT_APPLICABLE = (
    "partial", "not_published", "not_found", "missing", "not_applicable")
STATES = (ACTUAL, PARTIAL, TARGET, NOT_PUBLISHED, NOT_FOUND, MISSING, NOT_APPLICABLE)
HELD = (ACTUAL, PARTIAL, TARGET)  # a cell in these states holds values and links to them
FINDINGS = (NOT_PUBLISHED, NOT_FOUND)
# Each state has a symbol as well as words (the legend, the counts): never colour alone.
SYMBOLS = {ACTUAL: "●", PARTIAL: "◐", TARGET: "○", NOT_PUBLISHED: "⊘", NOT_FOUND: "?", MISSING: "–",
           NOT_APPLICABLE: "·"}

ENOUGH_YEARS = 5          # a line has a trajectory with this many years of actuals of one method and scope
SOURCES_URL_PATH = "nguon"  # the sources page's url path in dashboard.py's PAGES (a test keeps them equal)
MAX_GRID_ROWS = 300       # series rows drawn (each cell is Markdown the browser renders); the counts cover all

SERIES_KEY = ["indicator", "jurisdiction", "kind", "method", "scope"]
LINE_KEY = ["indicator", "jurisdiction"]


# --- the series of each line ----------------------------------------------------------------------------------

def lines(indicators: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Every indicator in every chosen jurisdiction, in the grid's order (indicators as given, then places as
    given), numbered by `line`."""
    frame = indicators[["indicator", "title_vi", "title_en"]].merge(
        places[["jurisdiction", "name_vi", "name_en", "valid_from", "valid_to"]], how="cross")
    frame.insert(0, "line", range(len(frame)))
    return frame


def series_rows(indicators: pd.DataFrame, places: pd.DataFrame, cells: pd.DataFrame, notes: pd.DataFrame,
                kind: str) -> pd.DataFrame:
    """The grid's rows: each series the store holds for each line; a line without an actual series gets an
    empty one (so "nothing held" is a row that says so), as does a line without targets when only targets are
    asked for (`kind` 'target'); a noted gap of a method no series has gets its own actual row."""
    base = lines(indicators, places)
    held = (cells.drop_duplicates(SERIES_KEY)[SERIES_KEY + ["method_short", "method_short_en"]]
            if not cells.empty else pd.DataFrame(columns=SERIES_KEY + ["method_short", "method_short_en"]))
    extra = []
    if kind in ("", ACTUAL):
        # A note on one method gets that method's row; a note with no method concerns every method, so it marks
        # the rows the line has (or the empty row of a line that has none) and needs no row of its own.
        noted = (notes[notes["method"] != ""][LINE_KEY + ["method", "method_short", "method_short_en"]]
                 .drop_duplicates(LINE_KEY + ["method"]).assign(kind=ACTUAL, scope=DEFAULT_SCOPE))
        has_method = held[held["kind"] == ACTUAL][LINE_KEY + ["method"]].drop_duplicates()
        noted = noted.merge(has_method, on=LINE_KEY + ["method"], how="left", indicator="_seen")
        extra.append(noted[noted["_seen"] == "left_only"].drop(columns="_seen"))
    wanted = [ACTUAL] if kind in ("", ACTUAL) else [TARGET]
    for wanted_kind in wanted:
        present = pd.concat([held, *extra])
        present = present[present["kind"] == wanted_kind][LINE_KEY].drop_duplicates()
        empty = base[LINE_KEY].merge(present, on=LINE_KEY, how="left", indicator="_seen")
        empty = empty[empty["_seen"] == "left_only"].drop(columns="_seen")
        extra.append(empty.assign(kind=wanted_kind, method="", scope=DEFAULT_SCOPE, method_short="",
                                  method_short_en=""))
    rows = pd.concat([held, *extra], ignore_index=True)[SERIES_KEY + ["method_short", "method_short_en"]]
    rows = base.merge(rows, on=LINE_KEY, how="inner")
    rows["kind_order"] = (rows["kind"] != ACTUAL).astype(int)
    rows["method_order"] = (rows["method"] != "").astype(int)
    rows["scope_order"] = (rows["scope"] != DEFAULT_SCOPE).astype(int)
    rows = rows.sort_values(["line", "kind_order", "method_order", "method", "scope_order", "scope"], kind="stable")
    return rows.drop(columns=["kind_order", "method_order", "scope_order"]).reset_index(drop=True)


# --- what each cell holds ------------------------------------------------------------------------------------

def _year_of(day: object) -> int | None:
    if day is None or (isinstance(day, float) and pd.isna(day)) or day is pd.NaT:
        return None
    return pd.Timestamp(day).year


def cell_grid(rows: pd.DataFrame, cells: pd.DataFrame, notes: pd.DataFrame, years: list[int],
              today: date) -> pd.DataFrame:
    """One row per series row and year: how many values it holds (`n`) and its state (see STATES)."""
    grid = rows.reset_index(names="row").merge(pd.DataFrame({"year": years}), how="cross")
    counts = cells[SERIES_KEY + ["year", "n_values", "n_year_values"]] if not cells.empty else pd.DataFrame(
        columns=SERIES_KEY + ["year", "n_values", "n_year_values"])
    grid = grid.merge(counts.astype({"year": "int64"}), on=SERIES_KEY + ["year"], how="left")
    grid["n"] = grid["n_values"].fillna(0).astype(int)
    whole_year = grid["n_year_values"].fillna(0).astype(int) > 0
    began = grid["valid_from"].map(_year_of)
    ended = grid["valid_to"].map(_year_of)
    outside = (grid["year"] < began.fillna(0)) | (grid["year"] > ended.fillna(10_000)) | (grid["year"] > today.year)
    finding = pd.Series([None] * len(grid), index=grid.index, dtype=object)
    if not notes.empty:
        # a note on a method covers that method's rows; a note with no method covers every row of the line
        covered = grid[["row", "year", "indicator", "jurisdiction", "method"]].merge(
            notes[LINE_KEY + ["method", "first_year", "last_year", "finding"]].rename(columns={"method": "noted"}),
            on=LINE_KEY)
        covered = covered[((covered["noted"] == covered["method"]) | (covered["noted"] == ""))
                          & (covered["first_year"] <= covered["year"]) & (covered["year"] <= covered["last_year"])]
        covered = (covered.assign(general=covered["noted"] == "").sort_values("general", kind="stable")
                   .drop_duplicates(["row", "year"]).set_index(["row", "year"])["finding"])
        finding = pd.Series(list(zip(grid["row"], grid["year"])), index=grid.index).map(covered)
    state = pd.Series(MISSING, index=grid.index, dtype=object)
    is_actual = grid["kind"] == ACTUAL
    state[is_actual & finding.notna()] = finding[is_actual & finding.notna()]
    state[is_actual & outside] = NOT_APPLICABLE
    state[grid["n"] > 0] = grid.loc[grid["n"] > 0, "kind"]
    state[is_actual & (grid["n"] > 0) & ~whole_year] = PARTIAL
    grid["state"] = state
    return grid.drop(columns=["n_values", "n_year_values"])


def line_year_states(grid: pd.DataFrame, kind: str) -> pd.DataFrame:
    """One row per line and year with the state that answers "what do we hold here?". A year without a target
    is no gap, so target rows only count when they hold one — unless only targets are asked for."""
    considered = grid if kind == TARGET else grid[(grid["kind"] == ACTUAL) | (grid["n"] > 0)]
    rank = considered["state"].map({state: i for i, state in enumerate(STATES)})
    best = considered.assign(rank=rank).sort_values(["line", "year", "rank"], kind="stable")
    best = best.drop_duplicates(["line", "year"])
    return best[["line", "indicator", "jurisdiction", "year", "state"]].reset_index(drop=True)


def line_years(grid: pd.DataFrame) -> pd.DataFrame:
    """One row per line: the most years any one of its actual series holds a value for (`actual_years`: what a
    trajectory of one method and scope can use; part-year amounts do not count) and the years with a target
    (`target_years`)."""
    actual = grid[grid["state"] == ACTUAL].groupby(["line", "row"]).size().groupby("line").max()
    target = grid[grid["state"] == TARGET].groupby("line")["year"].nunique()
    frame = grid.drop_duplicates("line")[["line", "indicator", "jurisdiction"]].set_index("line")
    frame["actual_years"] = actual.reindex(frame.index).fillna(0).astype(int)
    frame["target_years"] = target.reindex(frame.index).fillna(0).astype(int)
    return frame.reset_index()


def series_years(grid: pd.DataFrame) -> pd.Series:
    """Years an actual series holds a value for (part-year amounts aside), or a target series a target, per row."""
    counted = grid[grid["state"].isin([ACTUAL, TARGET])]
    return counted.groupby("row")["year"].nunique().reindex(grid["row"].unique()).fillna(0).astype(int)


# --- counts ---------------------------------------------------------------------------------------------------

def state_counts(states: pd.DataFrame) -> dict[str, int]:
    """How many line-years are in each state (every state present, zero when none)."""
    found = states["state"].value_counts()
    return {state: int(found.get(state, 0)) for state in STATES}


def line_counts(years: pd.DataFrame, kind: str) -> dict[str, int]:
    """How many lines have enough years of actuals (ENOUGH_YEARS or more of one method and scope), some, or none;
    with `kind` 'target', how many have a target and how many none."""
    if kind == TARGET:
        with_target = int((years["target_years"] > 0).sum())
        return {"lines": len(years), "with_target": with_target, "without_target": len(years) - with_target}
    enough = int((years["actual_years"] >= ENOUGH_YEARS).sum())
    none = int((years["actual_years"] == 0).sum())
    return {"lines": len(years), "enough": enough, "some": len(years) - enough - none, "none": none}


def _share(part: int, whole: int, lang: str) -> str:
    return format_percent(100 * part / whole, lang, decimals=0) if whole else "–"


def headline_metrics(years: pd.DataFrame, kind: str, lang: str) -> list[tuple[str, str, str]]:
    """The answer first: (label, value, share of all lines) for the line counts."""
    numbers = line_counts(years, kind)
    total = numbers["lines"]
    keys = ["with_target", "without_target"] if kind == TARGET else ["enough", "some", "none"]
    metrics = [(t("cov_metric_lines", lang), count(total, lang), "")]
    for key in keys:
        label = t(f"cov_metric_{key}", lang, years=ENOUGH_YEARS, fewer=ENOUGH_YEARS - 1)
        metrics.append((label, count(numbers[key], lang), _share(numbers[key], total, lang)))
    return metrics


def cells_sentence(states: pd.DataFrame, years: list[int], lang: str) -> str:
    """The line-years in words: how many hold an actual, only a target, nothing (and of those, how many were
    looked into), and how many cannot hold an actual."""
    numbers = state_counts(states)
    total = sum(numbers.values())
    values = {state: count(numbers[state], lang) for state in STATES}
    text = t("cov_cells_sentence", lang, total=count(total, lang), first=years[0], last=years[-1],
             lines=count(states["line"].nunique(), lang), **values)
    noted = [t(f"cov_cells_noted_{state}", lang, n=values[state]) for state in FINDINGS if numbers[state]]
    if noted:
        text += " " + t("cov_cells_noted", lang, parts=t("cov_and", lang).join(noted))
    return text


def province_table(states: pd.DataFrame, years: pd.DataFrame, places: pd.DataFrame, kind: str,
                   lang: str) -> pd.DataFrame:
    """Counts per category (rows) and per jurisdiction (columns, then all of them): the lines by years of
    actuals (or by target, for `kind` 'target'), then the cells in each state. As inert Markdown (st.table)."""
    name = "name_en" if lang == "en" else "name_vi"
    keys = ["with_target", "without_target"] if kind == TARGET else ["enough", "some", "none"]
    shown_states = [s for s in STATES if not (kind == TARGET and s in (ACTUAL, PARTIAL, NOT_PUBLISHED, NOT_FOUND))]
    labels = [t(f"cov_row_{key}", lang, years=ENOUGH_YEARS, fewer=ENOUGH_YEARS - 1) for key in keys]
    labels += [f"{SYMBOLS[state]} {t('cov_cells_' + state, lang)}" for state in shown_states]
    columns = {t("cov_col_count", lang): [escape_markdown(label) for label in labels]}
    groups = [(escape_markdown(place_name), years["jurisdiction"] == place, states["jurisdiction"] == place)
              for place, place_name in zip(places["jurisdiction"], places[name])]
    groups.append((t("cov_col_all", lang), years["jurisdiction"].notna(), states["jurisdiction"].notna()))
    for header, in_lines, in_states in groups:
        numbers = line_counts(years[in_lines], kind)
        cells = state_counts(states[in_states])
        columns[header] = [count(numbers[key], lang) for key in keys] + [count(cells[s], lang) for s in shown_states]
    return pd.DataFrame(columns)


# --- the grid people read -------------------------------------------------------------------------------------

def source_link(indicator: str, jurisdiction: str, year: int, kind: str, method: str, scope: str,
                lang: str) -> str:
    """The sources page showing exactly one cell's values, relative to the coverage page (so it works under any
    base path): ascii ids only; `method=` empty is the single (unnamed) method, as in the data."""
    params = [("ind", indicator), ("j", jurisdiction), ("year", str(int(year))), ("kind", kind),
              ("method", method), ("scope", scope)]
    if lang == "en":
        params.append(("lang", "en"))
    return f"{SOURCES_URL_PATH}?{urlencode(params)}"


def series_label(row: dict, lang: str, scope_labels: dict[str, str]) -> str:
    """"Thực hiện · PP Tổng cục Thống kê · chỉ trong các KCN": the kind, then the method and scope when named."""
    parts = [t("cov_series_" + row["kind"], lang)]
    method = row.get("method_short_en") if lang == "en" and row.get("method_short_en") else row.get("method_short")
    if row["method"] and method:
        parts.append(str(method))
    if row["scope"] != DEFAULT_SCOPE:
        parts.append(scope_labels.get(row["scope"], row["scope"]))
    return " · ".join(parts)


def cell_text(state: str, n: int, row: dict, year: int, lang: str) -> str:
    """A cell as Markdown: what it holds in a symbol and a number of values, linked to those values on the
    sources page; a cell without values says why in a symbol (explained by the legend)."""
    if state in HELD:
        link = source_link(row["indicator"], row["jurisdiction"], year, row["kind"], row["method"], row["scope"], lang)
        return f"[{SYMBOLS[state]} {count(n, lang)}]({link})"
    symbol = escape_markdown(SYMBOLS[state])
    # A gap in the actuals stands out; a year without a target, or without any possible actual ("·"), stays quiet.
    return f"**{symbol}**" if state == MISSING and row["kind"] == ACTUAL else symbol


def grid_table(rows: pd.DataFrame, grid: pd.DataFrame, years: list[int], scope_labels: dict[str, str], lang: str,
               limit: int = MAX_GRID_ROWS) -> pd.DataFrame:
    """The grid as a table of Markdown cells (st.table renders it): indicator, jurisdiction, series, years with
    values, then one column per year. The first `limit` series rows."""
    shown = rows.head(limit)
    visible = grid[grid["row"] < len(shown)]
    cells = dict(zip(zip(visible["row"], visible["year"]), zip(visible["state"], visible["n"])))
    held_years = series_years(grid)
    title, place = ("title_en", "name_en") if lang == "en" else ("title_vi", "name_vi")
    records = []
    for position, row in enumerate(shown.to_dict("records")):
        record = {
            t("cov_col_line", lang): (f"**{escape_markdown(row[title])}**  \n{escape_markdown(row[place])} · "
                                      f"{escape_markdown(series_label(row, lang, scope_labels))}"),
            t("cov_col_years", lang): count(held_years.get(position, 0), lang),
        }
        for year in years:
            state, n = cells[(position, year)]
            record[str(year)] = cell_text(state, int(n), row, year, lang)
        records.append(record)
    columns = [t("cov_col_line", lang), t("cov_col_years", lang), *[str(year) for year in years]]
    return pd.DataFrame(records, columns=columns)


def shown_years(grid: pd.DataFrame, years: list[int], today: date) -> list[int]:
    """The grid's year columns: every year up to the current one, and each later year in which some series holds
    a value (a target). A later year holding nothing only says "no actual yet, no target": its column is left
    out, so that a long range stays readable (the counts still cover it)."""
    held = set(grid.loc[grid["n"] > 0, "year"])
    return [year for year in years if year <= today.year or year in held]


def year_ranges_text(years: list[int]) -> str:
    """2031, 2032, 2033, 2035 → "2031–2033, 2035"."""
    ranges: list[list[int]] = []
    for year in sorted(years):
        if ranges and year == ranges[-1][1] + 1:
            ranges[-1][1] = year
        else:
            ranges.append([year, year])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in ranges)


def legend(lang: str) -> str:
    """What each symbol means, in words (Markdown, one line)."""
    return "; ".join(f"**{escape_markdown(SYMBOLS[state])}** {t('cov_legend_' + state, lang)}" for state in STATES)


def rows_shown_text(shown: int, in_all: int, lang: str) -> str:
    return t("cov_rows_shown", lang, shown=count(shown, lang), total=count(in_all, lang))


# --- the notes on gaps -----------------------------------------------------------------------------------------

def notes_table(notes: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The notes on gaps as people read them: what, where, which method, which years, the finding, the note; as
    inert Markdown (st.table renders its cells as Markdown)."""
    english = lang == "en"
    records = []
    for row in notes.to_dict("records"):
        method = (row["method_short_en"] if english else row["method_short"]) if row["method"] else ""
        years = (str(row["first_year"]) if row["first_year"] == row["last_year"]
                 else f"{row['first_year']}–{row['last_year']}")
        records.append({key: escape_markdown(value) for key, value in {
            t("cov_col_finding", lang): f"{SYMBOLS[row['finding']]} {t('cov_state_' + row['finding'], lang)}",
            t("col_indicator", lang): row["indicator_name_en" if english else "indicator_name"],
            t("src_col_place", lang): row["jurisdiction_name_en" if english else "jurisdiction_name"],
            t("col_method", lang): method or t("src_method_single", lang),
            t("cov_col_note_years", lang): years,
            t("cov_col_note", lang): row["note_en" if english else "note_vi"],
        }.items()})
    columns = [t("cov_col_finding", lang), t("col_indicator", lang), t("src_col_place", lang), t("col_method", lang),
               t("cov_col_note_years", lang), t("cov_col_note", lang)]
    return pd.DataFrame(records, columns=columns)


# --- the whole page, for one filter ----------------------------------------------------------------------------

def chosen_places(jurisdictions: pd.DataFrame, chosen: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """The rows of queries/jurisdictions.sql for the chosen jurisdictions, in the order chosen."""
    frame = jurisdictions.set_index("jurisdiction")
    return frame.loc[[j for j in chosen if j in frame.index]].reset_index()


def scope_labels(vocabulary: pd.DataFrame, lang: str) -> dict[str, str]:
    """scope id → its name in the language, from queries/sources_vocabulary.sql."""
    rows = vocabulary[vocabulary["vocabulary"] == "scope"]
    return dict(zip(rows["id"], rows["label_en" if lang == "en" else "label_vi"]))


def page_view(indicators: pd.DataFrame, places: pd.DataFrame, cells: pd.DataFrame, notes: pd.DataFrame,
              vocabulary: pd.DataFrame, years: list[int], kind: str, today: date, lang: str) -> dict | None:
    """Everything the coverage page shows for one filter; None when the filter leaves no line at all."""
    if indicators.empty or places.empty or not years:
        return None
    rows = series_rows(indicators, places, cells, notes, kind)
    grid = cell_grid(rows, cells, notes, years, today)
    states = line_year_states(grid, kind)
    held = line_years(grid)
    columns = shown_years(grid, years, today)
    hidden = [year for year in years if year not in columns]
    return {
        "metrics": headline_metrics(held, kind, lang),
        "sentence": cells_sentence(states, years, lang),
        "provinces": province_table(states, held, places, kind, lang),
        "grid": grid_table(rows, grid, columns, scope_labels(vocabulary, lang), lang),
        "years_hidden": t("cov_years_hidden", lang, years=year_ranges_text(hidden)) if hidden else "",
        "rows_in_all": len(rows),
        "notes": notes_table(notes, lang) if kind != TARGET else notes_table(notes.head(0), lang),
    }
