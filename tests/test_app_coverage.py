"""AppTest runs of the coverage page (app_pages/coverage.py) against the real database: both languages, every valid
value of each filter, hostile parameters, presenter mode; and every link of its grid opening exactly the values
its cell counts (checked with the sources page's own count query)."""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import parse_qsl, urlsplit

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from provdash import catalogue, coverage, views
from provdash.i18n import t
from provdash.queries import connect_readonly, run_query
from tests.conftest import only_our_html, open_app_page

PAGE = "app_pages/coverage.py"
DEFAULT_PLACES = ["thai_nguyen", "thai_nguyen_2025", "vinh_phuc", "phu_tho_2025"]
LINK = re.compile(r"^\[([●◐○]) ([0-9.,]+)\]\((nguon\?[^)]*)\)$")


def open_page(**query) -> AppTest:
    return open_app_page(PAGE, check_entry=True, **query)


def table_with(at: AppTest, column: str) -> pd.DataFrame:
    """The st.table whose first column is `column` (the province counts, the grid, the notes)."""
    found = [table.value for table in at.table if list(table.value.columns)[:1] == [column]]
    assert len(found) == 1, f"expected one table starting with {column!r}, found {len(found)}"
    return found[0]


def grid(at: AppTest, lang: str = "vi") -> pd.DataFrame:
    return table_with(at, t("cov_col_line", lang))


def links(frame: pd.DataFrame) -> list[tuple[str, int, dict[str, str]]]:
    """(symbol, number shown, parameters) of every linked cell of the grid."""
    found = []
    for value in frame.iloc[:, 2:].to_numpy().ravel():
        match = LINK.match(value)
        if match:
            found.append((match.group(1), int(match.group(2).replace(".", "").replace(",", "")),
                          dict(parse_qsl(urlsplit(match.group(3)).query, keep_blank_values=True))))
    return found


@pytest.fixture(scope="module")
def store(built_db):
    con = connect_readonly(built_db)
    yield con
    con.close()


def category_of(store) -> dict[str, str]:
    return dict(store.execute("SELECT indicator, category FROM indicators").fetchall())


def names(store, column: str) -> dict[str, str]:
    return dict(store.execute(f"SELECT indicator, {column} FROM indicators").fetchall())  # names from our own spec


# --- the default view ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["vi", "en"])
def test_default_view_answers_first(built_db, store, lang):
    at = open_page(lang=lang)
    assert not at.exception
    assert at.title[0].value == t("cov_title", lang)
    indicators = store.execute("SELECT count(*) FROM indicators").fetchone()[0]
    metrics = {m.label: m.value for m in at.metric}
    lines = indicators * len(DEFAULT_PLACES)
    assert metrics[t("cov_metric_lines", lang)] == views.count(lines, lang)
    parts = [metrics[t(f"cov_metric_{k}", lang, years=5, fewer=4)] for k in ("enough", "some", "none")]
    assert sum(int(p.replace(".", "").replace(",", "")) for p in parts) == lines
    sentence = next(m.value for m in at.markdown if m.value.startswith(t("cov_cells_sentence", lang).split("{")[0]))
    assert "2019–2030" in sentence
    provinces = table_with(at, t("cov_col_count", lang))
    assert list(provinces.columns)[-1] == t("cov_col_all", lang) and len(provinces.columns) == 2 + len(DEFAULT_PLACES)
    table = grid(at, lang)
    years = list(table.columns)[2:]
    assert years[:5] == ["2019", "2020", "2021", "2022", "2023"] and years[-1] == "2030"  # 2030: the targets
    # at least one row per line (more where methods, scopes or targets split it), up to the rows the grid draws;
    # beyond them a caption says how many are shown (the counts above still cover every line)
    assert len(table) >= min(lines, coverage.MAX_GRID_ROWS)
    if lines >= coverage.MAX_GRID_ROWS:
        shown = t("cov_rows_shown", lang, shown=views.count(coverage.MAX_GRID_ROWS, lang), total="X").split("X")[0]
        assert any(c.value.replace("\\", "").startswith(shown[:20]) for c in at.caption), shown
    assert links(table), "no cell links to its values"
    notes = table_with(at, t("cov_col_finding", lang))
    assert len(notes) >= 2 and notes.iloc[:, 0].str.match(r"^[?⊘] ").all()
    assert only_our_html(at)  # nothing from the data or the URL rendered as raw HTML


def test_thai_nguyen_established_zone_area_is_a_noted_gap(built_db, store):
    """The issue's example, established KCN area of Thái Nguyên: the years held link to their values, the years
    looked for in vain (data/coverage_notes.csv) say "?", other empty years "–", and the 2030 plan is a target."""
    at = open_page(cat="industrial_zones", **{"from": "2015", "to": "2030"})
    table = grid(at)
    label = table.iloc[:, 0]
    tn_area = label.str.startswith("**Diện tích khu công nghiệp**") & label.str.contains("Thái Nguyên \\(trước",
                                                                                         regex=False)
    row = table[tn_area & label.str.endswith("Thực hiện")]
    assert len(row) == 1
    noted = store.execute("SELECT first_year, last_year FROM coverage_notes WHERE indicator = 'kcn_area' "
                          "AND jurisdiction = 'thai_nguyen' AND method = ''").fetchall()
    noted_years = {y for first, last in noted for y in range(first, last + 1)}
    assert noted_years
    cells = row.iloc[0]
    held = [y for y in range(2015, 2026) if cells[str(y)].startswith("[")]
    for year in set(range(2015, 2026)) - set(held):
        assert cells[str(year)] == ("?" if year in noted_years else "**–**"), year
    assert cells.iloc[1] == str(sum(cells[str(y)].startswith("[●") for y in held))  # years with a value for the year
    later = [c for c in table.columns[2:] if int(c) >= 2026]
    assert "2030" in later and cells[later].eq("·").all()  # merged away on 2025-07-01
    plan = table[tn_area & label.str.contains("Mục tiêu")]
    assert len(plan) >= 1 and plan["2030"].str.startswith("[○ ").all()


def test_every_link_opens_exactly_the_values_its_cell_counts(built_db, store):
    """Each linked cell, every topic and every year the store holds: the sources page's count query, given the
    link's parameters, matches the number in the cell; the link's ids are ascii and known."""
    found = []
    for topic in topics(store):  # one topic at a time: each fits in the grid's rows
        at = open_page(cat=topic, **{"from": "2015", "to": "2050"})
        assert not at.exception and len(grid(at)) < coverage.MAX_GRID_ROWS
        found += links(grid(at))
    assert len(found) >= 60
    known = {"ind": set(category_of(store)), "j": set(DEFAULT_PLACES), "kind": {"actual", "target"}}
    for symbol, shown, params in found:
        assert all(v.isascii() for v in params.values())
        assert params["ind"] in known["ind"] and params["j"] in known["j"] and params["kind"] in known["kind"]
        assert symbol in {"actual": "●◐", "target": "○"}[params["kind"]]
        narrowing = catalogue.Narrowing(params["ind"], params["j"], int(params["year"]), params["method"],
                                        params["scope"])
        matching = run_query(store, "sources_values_count", search="", category="", kind=params["kind"],
                             **narrowing.params()).iloc[0]["matching"]
        assert matching == shown, params
    total = sum(shown for _, shown, _ in found)
    in_store = store.execute("SELECT count(*) FROM observations WHERE list_contains($j, jurisdiction) "
                             "AND year(period_end) BETWEEN 2015 AND 2050", {"j": DEFAULT_PLACES}).fetchone()[0]
    assert total == in_store  # every value of these provinces is behind exactly one cell


# --- every valid filter value ------------------------------------------------------------------------------------

def topics(store) -> list[str]:
    return [r[0] for r in store.execute("SELECT DISTINCT category FROM indicators ORDER BY 1").fetchall()]


def test_every_topic(built_db, store):
    titles = names(store, "title_vi")
    categories = category_of(store)
    for topic in topics(store):
        at = open_page(cat=topic)
        assert not at.exception, topic
        assert at.selectbox(key="cat").value == topic and at.query_params["cat"] == topic
        wanted = {titles[i] for i, c in categories.items() if c == topic}
        shown = {label.split("**")[1].replace("\\", "") for label in grid(at).iloc[:, 0]}
        assert shown == wanted, topic
        lines = len(wanted) * len(DEFAULT_PLACES)
        assert {m.label: m.value for m in at.metric}[t("cov_metric_lines", "vi")] == views.count(lines, "vi")


@pytest.mark.parametrize("kind, lang", [("", "vi"), ("actual", "vi"), ("target", "vi"), ("target", "en"),
                                        ("actual", "en")])
def test_every_kind(built_db, kind, lang):
    at = open_page(kind=kind, lang=lang) if kind else open_page(lang=lang)
    assert not at.exception
    series = grid(at, lang).iloc[:, 0].str.split("  \n").str[1]
    kinds = {t("cov_series_actual", lang): "actual", t("cov_series_target", lang): "target"}
    found = {kinds[next(k for k in kinds if f"· {k}" in s)] for s in series}
    assert found == ({"actual", "target"} if kind == "" else {kind})
    labels = {m.label for m in at.metric}
    if kind == "target":
        assert t("cov_metric_with_target", lang) in labels and t("cov_metric_enough", lang, years=5) not in labels
        assert not any(table.value.columns[0] == t("cov_col_finding", lang) for table in at.table)  # notes: actuals
        assert any(t("cov_notes_none", lang) in box.value for box in at.info)
    else:
        assert t("cov_metric_enough", lang, years=5) in labels
    for _, _, params in links(grid(at, lang)):
        assert params["kind"] == (kind or params["kind"])


@pytest.mark.parametrize("place", DEFAULT_PLACES)
def test_every_province_alone(built_db, store, place):
    at = open_page(j=place)
    assert not at.exception
    name = store.execute("SELECT name_vi FROM jurisdictions WHERE jurisdiction = $j", {"j": place}).fetchone()[0]
    provinces = table_with(at, t("cov_col_count", "vi"))
    assert list(provinces.columns) == [t("cov_col_count", "vi"), views.escape_markdown(name), t("cov_col_all", "vi")]
    assert grid(at).iloc[:, 0].str.contains(views.escape_markdown(name), regex=False).all()
    assert {params["j"] for _, _, params in links(grid(at))} <= {place}


@pytest.mark.parametrize("start, end", [("2015", "2025"), ("2024", "2024"), ("2015", "2050"), ("2030", "2019")])
def test_year_ranges(built_db, start, end):
    at = open_page(**{"from": start, "to": end})
    assert not at.exception
    low, high = sorted((int(start), int(end)))
    table = grid(at)
    columns = [int(c) for c in list(table.columns)[2:]]
    assert columns == sorted(columns) and set(columns) <= set(range(low, high + 1))
    assert all(year in columns for year in range(low, min(high, date.today().year) + 1))  # the past: every year
    for year in columns:  # a later year has a column only when something is held in it
        assert year <= date.today().year or table[str(year)].str.startswith("[").any()
    hidden = [y for y in range(low, high + 1) if y not in columns]
    captions = [c.value for c in at.caption]
    assert any(coverage.year_ranges_text(hidden) in c for c in captions) if hidden else True
    assert all(low <= int(params["year"]) <= high for _, _, params in links(table))


def test_choosing_filters_writes_the_url(built_db):
    at = open_page()
    at.selectbox(key="cat").set_value("fdi").run()
    assert not at.exception and at.query_params["cat"] == "fdi"
    kind = next(w for w in at.get("button_group") if getattr(w, "key", None) == "kind")
    kind.set_value("target").run()
    assert not at.exception and at.query_params["kind"] == "target" and at.query_params["cat"] == "fdi"
    at.selectbox(key="cat").set_value("").run()
    assert "cat" not in at.query_params


# --- hostile input and presenter mode -------------------------------------------------------------------------------

@pytest.mark.parametrize("query", [
    {"cat": "'; DROP TABLE indicators; --", "kind": "<script>alert(1)</script>"},
    {"j": ["<img src=x onerror=alert(1)>", "thai_nguyen' OR '1'='1"], "from": "-5", "to": "99999999999999999999"},
    {"cat": "fdi", "j": "x" * 5000, "kind": "TARGET", "lang": "zz"},
    {"present": "1", "slide": "9999"},
    {"cat": ["fdi", "growth"], "kind": ["actual", "target"]},
])
def test_hostile_parameters_fall_back_to_defaults(built_db, query):
    at = open_page(**query)
    assert not at.exception
    if "present" not in query:
        assert at.selectbox(key="cat").value in ("", "fdi", "growth")
        assert grid(at) is not None
    visible = "\n".join(str(m.value) for m in list(at.markdown) + list(at.caption))
    assert "<script" not in visible and "onerror=" not in visible


def test_no_province_chosen_says_so(built_db):
    at = open_page()
    pills = next(w for w in at.get("button_group") if getattr(w, "key", None) == "j")
    pills.set_value([]).run()
    assert not at.exception
    assert any(t("no_data", "vi") in box.value for box in at.info)
    assert not at.table and not at.metric


@pytest.mark.parametrize("slide, has_metrics, has_grid, has_notes", [
    ("1", True, False, False), ("2", False, True, False), ("3", False, False, True),
])
def test_presenter_mode_one_part_per_slide(built_db, slide, has_metrics, has_grid, has_notes):
    at = open_page(present="1", lang="en")
    at.session_state["slide"] = int(slide)  # AppTest starts on the home page, which has one slide: choose it here
    at.run()
    assert not at.exception
    assert bool(at.metric) == has_metrics
    first_columns = [list(table.value.columns)[0] for table in at.table]
    assert (t("cov_col_line", "en") in first_columns) == has_grid
    assert (t("cov_col_finding", "en") in first_columns) == has_notes
    assert t("present_position", "en", slide=slide, total=3) in [m.value for m in at.markdown]


def test_the_home_page_links_to_the_coverage_page(built_db):
    from tests.test_app_home import run_app

    at = run_app(built_db)
    labels = [link.proto.label for link in at.get("page_link")]
    assert any(label.startswith(f"**{t('nav_coverage', 'vi')}**") for label in labels)


def test_today_decides_which_years_have_not_come(built_db, store):
    """Years after the current one cannot hold an actual: "·", never a gap."""
    at = open_page(**{"from": "2015", "to": "2050"})
    table = grid(at)
    actual_rows = table[table.iloc[:, 0].str.contains(f"· {t('cov_series_actual', 'vi')}", regex=False)]
    later = [c for c in table.columns[2:] if int(c) > date.today().year]
    assert later, "no later year with a target in the grid"
    assert actual_rows[later].isin(["·"]).all().all()


def test_moving_between_the_coverage_and_sources_pages(built_db):
    """Both pages keep a province under ?j= (a list of pills here, one choice there) and a topic under ?cat=: going
    from one to the other in a session never breaks either."""
    at = open_page(j="vinh_phuc", cat="industrial_zones", kind="actual")
    assert not at.exception
    at.switch_page("app_pages/sources.py").run()
    assert not at.exception and at.title[0].value == t("src_title", "vi")
    at.switch_page(PAGE).run()
    assert not at.exception and at.title[0].value == t("cov_title", "vi")
    at = open_app_page("app_pages/sources.py", check_entry=True, j="vinh_phuc", ind="kcn_area")
    assert not at.exception
    at.switch_page(PAGE).run()
    assert not at.exception and grid(at) is not None
