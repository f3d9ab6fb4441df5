"""The coverage page's pure builders (provdash/coverage.py): table tests on small hand-made inputs — which rows the
grid has, what each cell holds, the counts per category and per province, the links to the sources page — and
a check of the counts against the real database, computed there a second way in SQL."""
from __future__ import annotations

import ast
import re
from datetime import date
from urllib.parse import parse_qsl, urlsplit

import pandas as pd
import pytest

from provdash import coverage, paths
from provdash.coverage import ACTUAL, MISSING, NOT_APPLICABLE, NOT_FOUND, NOT_PUBLISHED, PARTIAL, TARGET
from provdash.queries import connect_readonly, run_query
from provdash.views import escape_markdown

TODAY = date(2026, 12, 6)
YEARS = list(range(2021, 2029))

INDICATORS = pd.DataFrame({
    "indicator": ["share", "area"], "title_vi": ["Tỷ trọng", "Diện tích"], "title_en": ["Share", "Area"],
    "category": ["digital_economy", "industrial_zones"],
})
PLACES = pd.DataFrame({
    "jurisdiction": ["old", "merged"], "name_vi": ["Tỉnh cũ", "Tỉnh mới"], "name_en": ["Old province", "New province"],
    "valid_from": [date(1997, 1, 1), date(2025, 7, 1)], "valid_to": [date(2025, 6, 30), None],
})


def cells(*rows) -> pd.DataFrame:
    """(indicator, jurisdiction, year, kind, method, scope, n[, n for the whole year]) → the shape of
    queries/coverage_cells.sql; by default every value speaks for its year."""
    rows = [row if len(row) == 8 else (*row, row[6]) for row in rows]
    frame = pd.DataFrame(rows, columns=["indicator", "jurisdiction", "year", "kind", "method", "scope", "n_values",
                                        "n_year_values"])
    frame["method_short"] = frame["method"].map({"": "", "a": "PP A", "b": "PP B"})
    frame["method_short_en"] = frame["method"].map({"": "", "a": "Method A", "b": "Method B"})
    frame["scope_label"] = frame["scope"]
    frame["scope_label_en"] = frame["scope"]
    return frame


def notes(*rows) -> pd.DataFrame:
    """(indicator, jurisdiction, method, first, last, finding) → the shape of queries/coverage_notes.sql."""
    frame = pd.DataFrame(rows, columns=["indicator", "jurisdiction", "method", "first_year", "last_year", "finding"])
    frame["indicator_name"] = frame["indicator_name_en"] = frame["indicator"]
    frame["jurisdiction_name"] = frame["jurisdiction_name_en"] = frame["jurisdiction"]
    frame["method_short"] = frame["method_short_en"] = frame["method"]
    frame["note_vi"] = frame["note_en"] = "note"
    return frame


NO_CELLS, NO_NOTES = cells(), notes()
HELD = cells(
    ("share", "old", 2022, ACTUAL, "a", "province", 1),
    ("share", "old", 2023, ACTUAL, "a", "province", 2),
    ("share", "old", 2024, ACTUAL, "b", "province", 1),
    ("share", "old", 2025, TARGET, "", "province", 1),
    ("share", "merged", 2025, ACTUAL, "b", "province", 1),
    ("area", "old", 2023, ACTUAL, "", "industrial_zones", 1),
    ("area", "old", 2024, ACTUAL, "", "industrial_zones", 2, 0),  # two amounts for parts of 2024
    ("area", "old", 2028, TARGET, "", "kcn", 1),
)
GAPS = notes(("area", "old", "", 2021, 2022, NOT_FOUND), ("share", "merged", "c", 2026, 2026, NOT_PUBLISHED),
             ("share", "old", "", 2021, 2021, NOT_PUBLISHED),   # no method: every method's row of the line
             ("share", "old", "b", 2021, 2023, NOT_FOUND))      # a method's own note outranks it on its row


def build(held=HELD, gaps=GAPS, kind=""):
    rows = coverage.series_rows(INDICATORS, PLACES, held, gaps, kind)
    grid = coverage.cell_grid(rows, held, gaps, YEARS, TODAY)
    return rows, grid


def row_states(grid, rows, indicator, jurisdiction, kind, method="", scope="province") -> list[str]:
    match = rows[(rows["indicator"] == indicator) & (rows["jurisdiction"] == jurisdiction) & (rows["kind"] == kind)
                 & (rows["method"] == method) & (rows["scope"] == scope)]
    assert len(match) == 1, f"no single row for {indicator} {jurisdiction} {kind} {method} {scope}"
    return grid[grid["row"] == match.index[0]].sort_values("year")["state"].tolist()


# --- rows --------------------------------------------------------------------------------------------------------

def test_series_rows_split_by_kind_method_and_scope_in_order():
    rows, _ = build()
    keys = [tuple(r) for r in rows[["indicator", "jurisdiction", "kind", "method", "scope"]].itertuples(index=False)]
    assert keys == [
        ("share", "old", ACTUAL, "a", "province"), ("share", "old", ACTUAL, "b", "province"),
        ("share", "old", TARGET, "", "province"),
        ("share", "merged", ACTUAL, "b", "province"),
        ("share", "merged", ACTUAL, "c", "province"),        # a noted gap of a method no series has: its own row
        ("area", "old", ACTUAL, "", "industrial_zones"),     # the notes without a method need no row of their own
        ("area", "old", TARGET, "", "kcn"),
        ("area", "merged", ACTUAL, "", "province"),          # nothing held at all: an empty actual row says so
    ]
    assert rows["line"].tolist() == [0, 0, 0, 1, 1, 2, 2, 3]


@pytest.mark.parametrize("kind, expected_kinds", [
    ("", {ACTUAL, TARGET}), (ACTUAL, {ACTUAL}), (TARGET, {TARGET}),
])
def test_every_line_has_a_row_of_the_kind_asked_for(kind, expected_kinds):
    held = HELD if kind == "" else HELD[HELD["kind"] == kind]
    rows = coverage.series_rows(INDICATORS, PLACES, held, GAPS, kind)
    assert set(rows["kind"]) == expected_kinds
    wanted = TARGET if kind == TARGET else ACTUAL
    assert rows[rows["kind"] == wanted]["line"].nunique() == 4  # all four lines, held or not


def test_an_empty_store_still_lists_every_line():
    rows, grid = build(NO_CELLS, NO_NOTES)
    assert len(rows) == 4 and set(rows["kind"]) == {ACTUAL}
    assert set(grid["state"]) == {MISSING, NOT_APPLICABLE}


# --- cells -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("indicator, jurisdiction, kind, method, scope, expected", [
    # 2021–2025 within the old province's life, then merged away ("·")
    ("share", "old", ACTUAL, "a", "province", [NOT_PUBLISHED, ACTUAL, ACTUAL, MISSING, MISSING, NOT_APPLICABLE,
                                               NOT_APPLICABLE, NOT_APPLICABLE]),
    ("share", "old", ACTUAL, "b", "province", [NOT_FOUND, NOT_FOUND, NOT_FOUND, ACTUAL, MISSING, NOT_APPLICABLE,
                                               NOT_APPLICABLE, NOT_APPLICABLE]),
    # the merged province exists from mid-2025; 2027 and 2028 have not come (today is 2026)
    ("share", "merged", ACTUAL, "b", "province", [NOT_APPLICABLE] * 4 + [ACTUAL, MISSING, NOT_APPLICABLE,
                                                                         NOT_APPLICABLE]),
    ("share", "merged", ACTUAL, "c", "province", [NOT_APPLICABLE] * 4 + [MISSING, NOT_PUBLISHED, NOT_APPLICABLE,
                                                                         NOT_APPLICABLE]),
    ("area", "old", ACTUAL, "", "industrial_zones", [NOT_FOUND, NOT_FOUND, ACTUAL, PARTIAL, MISSING] +
     [NOT_APPLICABLE] * 3),
    # a year without a target is nothing held, never "not applicable": old provinces keep their goals
    ("area", "old", TARGET, "", "kcn", [MISSING] * 7 + [TARGET]),
])
def test_cell_states(indicator, jurisdiction, kind, method, scope, expected):
    rows, grid = build()
    assert row_states(grid, rows, indicator, jurisdiction, kind, method, scope) == expected


def test_cells_count_their_values():
    rows, grid = build()
    index = rows[(rows["indicator"] == "share") & (rows["jurisdiction"] == "old") & (rows["method"] == "a")].index[0]
    assert grid[grid["row"] == index].set_index("year")["n"].to_dict() == {
        2021: 0, 2022: 1, 2023: 2, 2024: 0, 2025: 0, 2026: 0, 2027: 0, 2028: 0}


@pytest.mark.parametrize("kind, line, expected", [
    # an actual outranks a target; a year without a target does not hide the actual row's "not applicable"
    ("", 0, [NOT_PUBLISHED, ACTUAL, ACTUAL, ACTUAL, TARGET, NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE]),
    ("", 1, [NOT_APPLICABLE] * 4 + [ACTUAL, NOT_PUBLISHED, NOT_APPLICABLE, NOT_APPLICABLE]),
    ("", 2, [NOT_FOUND, NOT_FOUND, ACTUAL, PARTIAL, MISSING, NOT_APPLICABLE, NOT_APPLICABLE, TARGET]),
    ("", 3, [NOT_APPLICABLE] * 4 + [MISSING, MISSING, NOT_APPLICABLE, NOT_APPLICABLE]),
    # only targets asked for: a year without one is "nothing held", whatever the actuals
    (TARGET, 0, [MISSING] * 4 + [TARGET] + [MISSING] * 3),
    (TARGET, 3, [MISSING] * 8),
])
def test_line_year_states(kind, line, expected):
    held = HELD if kind == "" else HELD[HELD["kind"] == kind]
    rows = coverage.series_rows(INDICATORS, PLACES, held, GAPS, kind)
    grid = coverage.cell_grid(rows, held, GAPS, YEARS, TODAY)
    states = coverage.line_year_states(grid, kind)
    assert states[states["line"] == line].sort_values("year")["state"].tolist() == expected
    assert len(states) == 4 * len(YEARS)  # one state per line and year, none twice


def test_years_of_actuals_never_add_methods_or_scopes_up():
    """Two years of method a and one of method b make a line of 2 years, not 3 (as a trajectory would see it);
    a year held only for part of it is no year of actuals."""
    _, grid = build()
    years = coverage.line_years(grid).set_index("line")
    assert years.loc[0, "actual_years"] == 2 and years.loc[0, "target_years"] == 1
    assert years.loc[2, "actual_years"] == 1 and years.loc[3, "actual_years"] == 0


# --- counts ------------------------------------------------------------------------------------------------------

def years_frame(values: list[int], targets: list[int] | None = None) -> pd.DataFrame:
    return pd.DataFrame({"line": range(len(values)), "indicator": "x", "jurisdiction": "old",
                         "actual_years": values, "target_years": targets or [0] * len(values)})


@pytest.mark.parametrize("values, kind, expected", [
    ([5, 7, 4, 1, 0, 0], "", {"lines": 6, "enough": 2, "some": 2, "none": 2}),
    ([4], "", {"lines": 1, "enough": 0, "some": 1, "none": 0}),
    ([], "", {"lines": 0, "enough": 0, "some": 0, "none": 0}),
    ([5, 0], TARGET, {"lines": 2, "with_target": 1, "without_target": 1}),
])
def test_line_counts(values, kind, expected):
    frame = years_frame(values, [1 if v else 0 for v in values])
    assert coverage.line_counts(frame, kind) == expected


@pytest.mark.parametrize("lang, expected", [
    ("vi", [("Dòng chỉ tiêu × địa bàn", "1.200", ""), ("Có từ 5 năm số thực hiện", "300", "25 %"),
            ("Có 1–4 năm số thực hiện", "100", "8 %"), ("Chưa có năm nào", "800", "67 %")]),
    ("en", [("Indicator × jurisdiction lines", "1,200", ""), ("5 or more years of actuals", "300", "25%"),
            ("1–4 years of actuals", "100", "8%"), ("No year of actuals", "800", "67%")]),
])
def test_headline_metrics_in_each_language(lang, expected):
    assert coverage.headline_metrics(years_frame([6] * 300 + [2] * 100 + [0] * 800), "", lang) == expected


def test_cells_sentence_says_every_category():
    _, grid = build()
    states = coverage.line_year_states(grid, "")
    assert coverage.state_counts(states) == {ACTUAL: 5, PARTIAL: 1, TARGET: 2, NOT_PUBLISHED: 2, NOT_FOUND: 2,
                                             MISSING: 3, NOT_APPLICABLE: 17}
    text = coverage.cells_sentence(states, YEARS, "vi")
    assert text.startswith("Trong 4 dòng × các năm 2021–2028 (32 ô): 5 ô có số thực hiện của năm, 1 ô chỉ có số của "
                           "một phần năm, 2 ô chỉ có mục tiêu, 3 ô chưa có số liệu nào, 17 ô không áp dụng")
    assert text.endswith(" Ngoài ra 2 ô đã xác định là chưa được công bố và 2 ô đã tìm nhưng chưa thấy (xem ghi chú "
                         "cuối trang).")
    quiet = coverage.cells_sentence(states[~states["state"].isin([NOT_PUBLISHED, NOT_FOUND])], YEARS, "en")
    assert "not published" not in quiet and "looked for" not in quiet  # no notes, no sentence about them
    one = coverage.cells_sentence(states[states["state"] != NOT_PUBLISHED], YEARS, "en")
    assert one.endswith(" Besides, 2 cells were looked for and not found (see the notes at the end of the page).")


def test_province_table_counts_per_category_and_jurisdiction():
    _, grid = build()
    states, years = coverage.line_year_states(grid, ""), coverage.line_years(grid)
    table = coverage.province_table(states, years, PLACES, "", "en")
    assert list(table.columns) == ["Category", "Old province", "New province", "All"]
    rows = table.set_index("Category")
    assert rows.loc["Lines with 1–4 years of actuals"].tolist() == ["2", "1", "3"]
    assert rows.loc["● Cells with actuals for the year"].tolist() == ["4", "1", "5"]
    assert rows.loc["◐ Cells with part of the year only"].tolist() == ["1", "0", "1"]
    assert rows.loc["? Cells looked for, not found"].tolist() == ["2", "0", "2"]
    assert rows.loc["· Cells not applicable"].tolist() == ["5", "12", "17"]
    # every line-year is in exactly one category, per jurisdiction and in all
    cell_rows = [label for label in rows.index if label.split(" ")[0] in coverage.SYMBOLS.values()]
    assert [sum(int(v) for v in rows.loc[cell_rows, c]) for c in rows.columns] == [16, 16, 32]


def test_province_table_for_targets_only_leaves_out_what_only_actuals_have():
    rows = coverage.series_rows(INDICATORS, PLACES, HELD[HELD["kind"] == TARGET], GAPS, TARGET)
    grid = coverage.cell_grid(rows, HELD[HELD["kind"] == TARGET], GAPS, YEARS, TODAY)
    table = coverage.province_table(coverage.line_year_states(grid, TARGET), coverage.line_years(grid), PLACES,
                                    TARGET, "vi")
    assert table["Nhóm"].tolist() == ["Dòng có mục tiêu", "Dòng chưa có mục tiêu", "○ Ô chỉ có mục tiêu",
                                     "– Ô chưa có số liệu", "· Ô không áp dụng"]
    assert table["Tất cả"].tolist() == ["2", "2", "2", "30", "0"]


# --- the grid people read -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("args, lang, expected", [
    (("kcn_area", "vinh_phuc", 2022, ACTUAL, "", "province"), "vi",
     "nguon?ind=kcn_area&j=vinh_phuc&year=2022&kind=actual&method=&scope=province"),
    (("digital_economy_share_grdp", "thai_nguyen", 2022, ACTUAL, "annual_report_2022", "province"), "en",
     "nguon?ind=digital_economy_share_grdp&j=thai_nguyen&year=2022&kind=actual&method=annual_report_2022"
     "&scope=province&lang=en"),
    (("x y", "a&b", 2030, TARGET, "m=1", "s#"), "vi",  # never ids like these, but they stay inside their values
     "nguon?ind=x+y&j=a%26b&year=2030&kind=target&method=m%3D1&scope=s%23"),
])
def test_source_link(args, lang, expected):
    link = coverage.source_link(*args, lang)
    assert link == expected
    assert link.isascii()
    params = dict(parse_qsl(urlsplit(link).query, keep_blank_values=True))
    assert (params["ind"], params["j"], params["year"], params["kind"], params["method"], params["scope"]) == (
        args[0], args[1], str(args[2]), args[3], args[4], args[5])


def test_the_link_goes_to_the_sources_page_of_the_app():
    tree = ast.parse((paths.ROOT / "dashboard.py").read_text(encoding="utf-8"))
    pages = next(ast.literal_eval(n.value) for n in tree.body if isinstance(n, ast.Assign)
                 and any(getattr(t, "id", "") == "PAGES" for t in n.targets))
    url_paths = {path: url_path for path, _, url_path, _ in pages}
    assert url_paths["app_pages/sources.py"] == coverage.SOURCES_URL_PATH
    assert url_paths["app_pages/coverage.py"] == "do_phu_so_lieu"


ROW = {"indicator": "kcn_area", "jurisdiction": "vinh_phuc", "kind": ACTUAL, "method": "", "scope": "province"}


@pytest.mark.parametrize("state, n, row, lang, expected", [
    (ACTUAL, 1, ROW, "vi", "[● 1](nguon?ind=kcn_area&j=vinh_phuc&year=2022&kind=actual&method=&scope=province)"),
    (ACTUAL, 1200, ROW, "vi", "[● 1.200](nguon?ind=kcn_area&j=vinh_phuc&year=2022&kind=actual&method=&scope=province)"),
    (PARTIAL, 2, ROW, "vi", "[◐ 2](nguon?ind=kcn_area&j=vinh_phuc&year=2022&kind=actual&method=&scope=province)"),
    (TARGET, 2, {**ROW, "kind": TARGET}, "en",
     "[○ 2](nguon?ind=kcn_area&j=vinh_phuc&year=2022&kind=target&method=&scope=province&lang=en)"),
    (MISSING, 0, ROW, "vi", "**–**"),                          # a gap in the actuals stands out
    (MISSING, 0, {**ROW, "kind": TARGET}, "vi", "–"),           # a year without a target does not
    (NOT_APPLICABLE, 0, ROW, "vi", r"·"),
    (NOT_FOUND, 0, ROW, "en", "?"),
    (NOT_PUBLISHED, 0, ROW, "en", "⊘"),
])
def test_cell_text(state, n, row, lang, expected):
    assert coverage.cell_text(state, n, row, 2022, lang) == expected


def test_every_state_has_a_symbol_and_words():
    assert set(coverage.SYMBOLS) == set(coverage.STATES)
    assert len(set(coverage.SYMBOLS.values())) == len(coverage.STATES)  # never the same mark for two things
    for lang in ("vi", "en"):
        parts = coverage.legend(lang).split("; ")
        assert [part.split("** ")[0] for part in parts] == [f"**{coverage.SYMBOLS[s]}" for s in coverage.STATES]
        assert all(len(part.split("** ")[1]) > 3 for part in parts)  # each symbol explained in words


@pytest.mark.parametrize("lang, label", [
    ("vi", "**Tỷ trọng**  \nTỉnh cũ · Thực hiện · PP A"),
    ("en", "**Share**  \nOld province · Actual · Method A"),
])
def test_grid_table(lang, label):
    rows, grid = build()
    table = coverage.grid_table(rows, grid, YEARS, {"kcn": "KCN"}, lang)
    assert list(table.columns)[2:] == [str(y) for y in YEARS] and len(table) == len(rows)
    first = table.iloc[0]
    assert first.iloc[0] == label and first.iloc[1] == "2"
    assert first["2023"].startswith("[● 2](nguon?ind=share&j=old&year=2023&kind=actual&method=a&scope=province")
    target_row = table.iloc[6]
    assert target_row.iloc[0].endswith("KCN") and target_row["2028"].startswith("[○ 1](")
    assert coverage.grid_table(rows, grid, YEARS, {}, lang, limit=3).shape[0] == 3


def test_grid_labels_from_the_data_are_inert_markdown():
    hostile = INDICATORS.assign(title_vi=["**đậm** [bấm](javascript:alert(1)) <script>x</script>", "$x^2$"])
    rows = coverage.series_rows(hostile, PLACES, HELD, GAPS, "")
    grid = coverage.cell_grid(rows, HELD, GAPS, YEARS, TODAY)
    labels = coverage.grid_table(rows, grid, YEARS, {}, "vi")["Chỉ tiêu, địa bàn · dãy số"]
    assert labels.iloc[0].startswith("**" + escape_markdown(hostile["title_vi"][0]) + "**")
    assert labels.iloc[-1].startswith("**" + escape_markdown("$x^2$") + "**")
    assert not re.search(r"(?<!\\)[\[\]()<>$]", labels.iloc[0] + labels.iloc[-1])  # no unescaped link, tag or maths


def test_notes_table_is_inert_markdown():
    table = coverage.notes_table(notes(("area", "old", "", 2021, 2021, NOT_FOUND)).assign(
        note_vi="[bấm](javascript:x) *", indicator_name="A_B"), "vi")
    assert table.iloc[0].tolist() == ["? Chưa tìm thấy", r"A\_B", "old", r"\(một phương pháp\)", "2021",
                                      escape_markdown("[bấm](javascript:x) *")]
    assert not re.search(r"(?<!\\)[\[\]()*]", table.iloc[0, -1])


@pytest.mark.parametrize("indicators, places, years", [
    (INDICATORS.head(0), PLACES, YEARS), (INDICATORS, PLACES.head(0), YEARS), (INDICATORS, PLACES, []),
])
def test_nothing_to_show_is_none(indicators, places, years):
    assert coverage.page_view(indicators, places, HELD, GAPS, pd.DataFrame(columns=["vocabulary", "id", "label_vi",
                                                                                    "label_en"]),
                              years, "", TODAY, "vi") is None


# --- against the real database --------------------------------------------------------------------------------------

def test_counts_agree_with_the_store_counted_another_way(built_db):
    """Line-years with an actual, and lines by years of actuals, as plain SQL over the observations view."""
    chosen = ["thai_nguyen", "thai_nguyen_2025", "vinh_phuc", "phu_tho_2025"]
    years = list(range(2015, 2031))
    period = dict(category="", jurisdictions=chosen, start=date(2015, 1, 1), end=date(2030, 12, 31))
    con = connect_readonly(built_db)
    try:
        rows = coverage.series_rows(run_query(con, "coverage_indicators", category=""),
                                    coverage.chosen_places(run_query(con, "jurisdictions"), chosen),
                                    held := run_query(con, "coverage_cells", kind="", **period),
                                    gaps := run_query(con, "coverage_notes", **period), "")
        grid = coverage.cell_grid(rows, held, gaps, years, TODAY)
        # a level at any date, or an amount over the whole calendar year, speaks for its year; the rest is partial
        with_actual, only_partial = con.execute("""
            WITH held AS (
                SELECT indicator, jurisdiction, year(period_end) AS year,
                       bool_or(measure = 'stock' OR period_type = 'year') AS for_the_year
                FROM observations
                WHERE kind = 'actual' AND list_contains($j, jurisdiction) AND year(period_end) BETWEEN 2015 AND 2030
                GROUP BY ALL)
            SELECT count(*) FILTER (WHERE for_the_year), count(*) FILTER (WHERE NOT for_the_year) FROM held""",
                                                {"j": chosen}).fetchone()
        longest = dict(((i, j), n) for i, j, n in con.execute("""
            SELECT indicator, jurisdiction, max(n) FROM (
                SELECT indicator, jurisdiction, method, scope, count(DISTINCT year(period_end)) AS n FROM observations
                WHERE kind = 'actual' AND list_contains($j, jurisdiction) AND year(period_end) BETWEEN 2015 AND 2030
                  AND (measure = 'stock' OR period_type = 'year')
                GROUP BY ALL) GROUP BY ALL""", {"j": chosen}).fetchall())
        lines = con.execute("SELECT count(*) FROM indicators").fetchone()[0] * len(chosen)
    finally:
        con.close()
    states = coverage.line_year_states(grid, "")
    assert coverage.state_counts(states)[ACTUAL] == with_actual
    assert coverage.state_counts(states)[coverage.PARTIAL] == only_partial > 0
    assert len(states) == lines * len(years)
    computed = coverage.line_years(grid)
    assert {(r.indicator, r.jurisdiction): r.actual_years for r in computed.itertuples() if r.actual_years} == longest
    # the curated notes on Thái Nguyên's established zone area show in the grid as "looked for, not found" in the
    # years nothing is held, beside the years something is
    noted = states[(states["jurisdiction"] == "thai_nguyen") & (states["indicator"] == "kcn_area")].set_index("year")
    notes_rows = gaps[(gaps["indicator"] == "kcn_area") & (gaps["jurisdiction"] == "thai_nguyen")]
    assert len(notes_rows) >= 1
    for note in notes_rows.itertuples():
        for year in range(note.first_year, note.last_year + 1):
            assert noted.loc[year, "state"] in (NOT_FOUND, ACTUAL, coverage.PARTIAL), year
    assert (noted["state"] == NOT_FOUND).sum() >= 5


def test_later_years_without_a_target_get_no_column():
    _, grid = build()
    # 2027 holds nothing (later than today's 2026): no column; 2028 holds a target; past years always stay
    assert coverage.shown_years(grid, YEARS, TODAY) == [2021, 2022, 2023, 2024, 2025, 2026, 2028]
    assert coverage.shown_years(grid, YEARS, date(2030, 1, 1)) == YEARS


@pytest.mark.parametrize("years, text", [
    ([2031, 2032, 2033, 2035], "2031–2033, 2035"), ([2040], "2040"), ([2049, 2041, 2042], "2041–2042, 2049"), ([], ""),
])
def test_year_ranges_text(years, text):
    assert coverage.year_ranges_text(years) == text
