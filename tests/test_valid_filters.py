"""Every page over the whole valid filter space: every "from ≤ to" the period slider allows, every single province
the province filter offers (and the default set, and none), in both languages — no exception anywhere.

Two depths. The page views (provdash/page_views.py: every query, figure, table and sentence a page shows) are
built directly for every combination, which an AppTest per combination could not afford (some 8.000 per page).
Then one AppTest per page and language runs the whole page, widgets and rendering included, for each single
province and for the ranges people reported crashing (issue 14: `/kinh_te_so?to=2023`).

Years: the pages' queries filter by `period_end >= $start AND period_start <= $end` only (checked below), so two
ranges that let the same values through give a page the same input. Views are built once per distinct set of
values a range lets through (every value of the page's indicators for the selected provinces, so the classes are
exact) and language; the last range of each class is built too (in Vietnamese), to check the view depends on
nothing else.
"""
from __future__ import annotations

import json
import re
from datetime import date

import numpy as np
import plotly.graph_objects as go
import pytest

from provdash import page_views, scenarios, ui
from provdash.figures import base, events
from provdash.i18n import LANGUAGES
from provdash.queries import connect_readonly, load_query, run_query
from provdash.validate import EVENT_TYPES
from tests.conftest import open_app_page

YEAR_RANGES = [(low, high) for low in range(ui.YEAR_MIN, ui.YEAR_MAX + 1) for high in range(low, ui.YEAR_MAX + 1)]
YEAR_PAGES = {  # view function → page file
    "digital_economy": "app_pages/digital_economy.py",
    "foreign_investment": "app_pages/foreign_investment.py",
    "industrial_zones": "app_pages/industrial_zones.py",
}
YEAR_FILTER = re.compile(r"period_end\s*>=\s*\$start\s+AND\s+period_start\s*<=\s*\$end")


@pytest.fixture(scope="module")
def offered_provinces(built_db) -> list[str]:
    """The provinces the filter offers as pills (ui.jurisdiction_filter): those with values."""
    with connect_readonly(built_db) as con:
        places = run_query(con, "jurisdictions")
    return places.loc[places["observations"] > 0, "jurisdiction"].tolist()


@pytest.fixture(scope="module")
def selections(offered_provinces) -> list[tuple[str, ...]]:
    """Every single province, the default set, and none at all (every pill switched off)."""
    default = tuple(j for j in ui.DEFAULT_JURISDICTIONS if j in offered_provinces)
    return [(j,) for j in offered_provinces] + [default, ()]


@pytest.fixture(scope="module")
def values_by_year(built_db):
    with connect_readonly(built_db) as con:
        rows = con.execute("SELECT obs_id, indicator, jurisdiction, year(period_start) AS first_year, "
                           "year(period_end) AS last_year FROM observations ORDER BY obs_id").df()
    return rows


def page_indicators(view_name: str, monkeypatch) -> set[str]:
    """The indicators a page's queries return for every province over the widest range: a narrower range or
    fewer provinces return a subset of the values behind them (a series always keeps at least one value)."""
    seen: set[str] = set()
    real = ui.query

    def recording(name: str, **params):
        result = real(name, **params)
        if "indicator" in result:
            seen.update(result["indicator"].tolist())
        return result

    monkeypatch.setattr(ui, "query", recording)
    everywhere = tuple(ui.query("jurisdictions")["jurisdiction"])
    getattr(page_views, view_name)(everywhere, date(ui.YEAR_MIN, 1, 1), date(ui.YEAR_MAX, 12, 31), "vi", base.NORMAL)
    monkeypatch.setattr(ui, "query", real)
    return seen


def year_classes(rows, selection: tuple[str, ...]) -> dict[bytes, list[tuple[int, int]]]:
    """Every valid year range, grouped by the values of the selected provinces it lets through."""
    mine = rows[rows["jurisdiction"].isin(list(selection))]
    first, last = mine["first_year"].to_numpy(), mine["last_year"].to_numpy()
    classes: dict[bytes, list[tuple[int, int]]] = {}
    for low, high in YEAR_RANGES:
        key = np.packbits((last >= low) & (first <= high)).tobytes()
        classes.setdefault(key, []).append((low, high))
    return classes


def digest(view) -> str:
    """Everything a view holds that reaches the screen, as one comparable string."""
    def plain(value):
        if hasattr(value, "to_plotly_json"):
            return json.loads(value.to_json())
        if hasattr(value, "to_dict") and hasattr(value, "columns"):
            return value.astype(str).to_dict("split")
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        if hasattr(value, "__dataclass_fields__"):
            return {k: plain(getattr(value, k)) for k in value.__dataclass_fields__}
        return str(value)
    return json.dumps(plain(view), sort_keys=True, default=str)


def test_the_year_filter_is_a_plain_range_in_every_query_the_pages_run(built_db, monkeypatch):
    """What makes grouping ranges by the values they let through exact."""
    used: set[str] = set()
    real = ui.query
    monkeypatch.setattr(ui, "query", lambda name, **params: used.add(name) or real(name, **params))
    for name in YEAR_PAGES:
        getattr(page_views, name)(("thai_nguyen",), date(2019, 1, 1), date(2030, 12, 31), "vi", base.NORMAL)
    assert used
    for name in sorted(used):
        sql = load_query(name).sql
        body = "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--"))
        if "$start" in body or "$end" in body:
            rest = YEAR_FILTER.sub("", body)
            assert "$start" not in rest and "$end" not in rest, (
                f"queries/{name}.sql uses $start/$end other than as `period_end >= $start AND period_start <= $end`:"
                " tests/test_valid_filters.py groups year ranges on that assumption")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("view_name", list(YEAR_PAGES))
def test_every_year_range_and_province_builds(built_db, values_by_year, selections, view_name, lang, monkeypatch):
    view = getattr(page_views, view_name)
    indicators = page_indicators(view_name, monkeypatch)
    assert indicators
    rows = values_by_year[values_by_year["indicator"].isin(indicators)]
    built = 0
    for selection in selections:
        for ranges in year_classes(rows, selection).values():
            low, high = ranges[0]
            where = f"{view_name}({selection}, {low}–{high}, {lang})"
            try:
                result = view(selection, date(low, 1, 1), date(high, 12, 31), lang, base.NORMAL)
            except Exception as error:  # the message names the filter, not just the traceback
                pytest.fail(f"{where} raised {type(error).__name__}: {error}")
            built += 1
            if view_name == "digital_economy":
                check_planner_tools(result, selection, low, high, lang)
            if len(ranges) > 1 and lang == "vi":  # the same values through another range: the same view
                low2, high2 = ranges[-1]
                again = view(selection, date(low2, 1, 1), date(high2, 12, 31), lang, base.NORMAL)
                assert digest(again) == digest(result), f"{where} differs from {low2}–{high2} with the same values"
    assert built > len(selections)


def check_planner_tools(view: dict, selection: tuple[str, ...], low: int, high: int, lang: str) -> None:
    """The digital-economy page's tools on this view: the events toggle on every chart, and each target's first,
    middle and last pace (the pages offer them all; the arithmetic is the same)."""
    found = ui.query("events", jurisdictions=list(selection), start=date(low, 1, 1), end=date(high, 12, 31))
    for figure, _ in view["charts"].values():
        events.add_event_markers(go.Figure(figure), found, lang)
    for key, target in view["targets"].items():
        options = scenarios.pace_options(target["pace_unit"])
        for option in {options[0], options[len(options) // 2], options[-1], scenarios.ACHIEVED}:
            if option not in options:
                continue
            scenario = scenarios.evaluate(target, scenarios.parse_pace_option(option))
            scenarios.pace_option_label(option, target, lang)
            if scenario.pace is None:
                continue
            scenarios.result_metrics(target, scenario, lang)
            scenarios.explanation(target, scenario, lang)
            for figure, assessments in view["charts"].values():
                if scenarios.holds(assessments, target):
                    scenarios.add_scenario_line(go.Figure(figure), target, scenario, lang, base.NORMAL)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_pace_of_every_target(built_db, lang):
    """Every pace option of every target the digital-economy page offers (default provinces, widest years)."""
    view = page_views.digital_economy(tuple(ui.DEFAULT_JURISDICTIONS), date(ui.YEAR_MIN, 1, 1),
                                      date(ui.YEAR_MAX, 12, 31), lang, base.NORMAL)
    assert view["targets"]
    for target in view["targets"].values():
        for option in scenarios.pace_options(target["pace_unit"]):
            scenarios.pace_option_label(option, target, lang)
            scenario = scenarios.evaluate(target, scenarios.parse_pace_option(option))
            if scenario.pace is not None:
                scenarios.result_metrics(target, scenario, lang)
            scenarios.explanation(target, scenario, lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_province_and_event_type_on_the_timeline(built_db, selections, lang):
    for selection in selections:
        for types in [(kind,) for kind in EVENT_TYPES] + [tuple(EVENT_TYPES), ()]:
            page_views.timeline(selection, types, lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_indicator_on_the_compare_page(built_db, lang):
    from provdash import compare

    titles = compare.indicator_titles(ui.query("compare_indicators", jurisdictions=compare.COMPARED_JURISDICTIONS),
                                      lang)
    assert titles
    for indicator, title in titles.items():
        view = page_views.comparison(indicator, title, lang, base.NORMAL)
        assert view["figure"].data, f"{indicator}: nothing drawn"


# --- the whole page, widgets and rendering included --------------------------------------------------------

REPORTED = [{"to": "2023"}, {"to": "2022"}, {"to": "2024"}, {"from": "2023", "to": "2024"}, {"from": "2050"},
            {"from": "2015", "to": "2015"}]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", list(YEAR_PAGES.values()))
def test_year_pages_run_for_each_province_and_the_reported_ranges(built_db, offered_provinces, page, lang):
    lang_param = {"lang": "en"} if lang == "en" else {}
    for query in REPORTED + [{"j": j} for j in offered_provinces] + [{"j": j, "to": "2023"} for j in offered_provinces]:
        at = open_app_page(page, **query, **lang_param)
        assert not at.exception, f"{page} raised with {query} ({lang}): {at.exception[0].message}"
        assert at.title, f"{page} shows no title with {query}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_overview_runs_for_every_province_and_topic(built_db, offered_provinces, lang):
    page = "app_pages/overview.py"
    lang_param = {"lang": "en"} if lang == "en" else {}
    with connect_readonly(built_db) as con:
        topics = ["all"] + run_query(con, "target_categories")["category"].tolist()
    for topic in topics:
        for query in [{"j": j} for j in offered_provinces] + [{}]:
            at = open_app_page(page, cat=topic, **query, **lang_param)
            assert not at.exception, f"{page} raised with {query}, cat={topic} ({lang}): {at.exception[0].message}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_topic_and_kind_on_the_sources_page(built_db, lang):
    from provdash import catalogue

    topics = [""] + ui.query("values_by_category")["category"].tolist()
    for topic in topics:
        for kind in ("", "actual", "target"):
            catalogue.values_page_view("", topic, kind, catalogue.Narrowing(), 1, lang)
        catalogue.target_status_view(topic, lang)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", ["app_pages/timeline.py", "app_pages/compare.py", "app_pages/home.py", "app_pages/sources.py"])
def test_other_pages_run_for_each_province(built_db, offered_provinces, page, lang):
    lang_param = {"lang": "en"} if lang == "en" else {}
    for query in [{"j": j} for j in offered_provinces] + [{}]:
        at = open_app_page(page, **query, **lang_param)
        assert not at.exception, f"{page} raised with {query} ({lang}): {at.exception[0].message}"
