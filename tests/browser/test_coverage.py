"""The coverage page in a real browser: its grid's cells are links, and following one lands on the sources page
showing exactly the values the cell counts (the same rows as the sources page's own query for those filters),
in the language the reader was using."""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

import pytest

from provdash import catalogue, views
from provdash.i18n import t
from provdash.queries import connect_readonly, run_query
from tests.browser.conftest import open_page, problems_on_screen, query_pairs, wait_for_tables, wait_until_settled

pytestmark = pytest.mark.browser

PAGE = "do_phu_so_lieu"
DEFAULT_PLACES = ["thai_nguyen", "thai_nguyen_2025", "vinh_phuc", "phu_tho_2025"]
APP = "[data-testid='stApp']"

# (language, topic, indicator, jurisdiction, year): a cell of one value and a cell of two (a half year and a year)
CELLS = [
    ("vi", "industrial_zones", "kcn_area", "vinh_phuc", 2022),
    ("en", "digital_economy", "digital_economy_revenue", "thai_nguyen", 2024),
]


def cell_values(built_db, params: dict[str, str]):
    """The values the sources page must show for a cell link's parameters, found by its own page query."""
    narrowing = catalogue.Narrowing(params["ind"], params["j"], int(params["year"]), params["method"], params["scope"])
    con = connect_readonly(built_db)
    try:
        return run_query(con, "sources_values_page", search="", category="", kind=params["kind"],
                         **narrowing.params(), limit=catalogue.VALUES_PAGE_SIZE, offset=0)
    finally:
        con.close()


@pytest.mark.parametrize(("lang", "topic", "indicator", "jurisdiction", "year"), CELLS,
                         ids=[f"{c[0]}-{c[2]}-{c[4]}" for c in CELLS])
def test_following_a_cell_shows_exactly_its_values(shared_context, base_url, built_db, lang, topic, indicator,
                                                  jurisdiction, year):
    page = shared_context.new_page()
    sources = None
    try:
        params = {"cat": topic, **({"lang": "en"} if lang == "en" else {})}
        open_page(page, base_url, PAGE, params, title=t("cov_title", lang))
        wait_for_tables(page, 3 if has_notes(built_db, topic) else 2)  # counts, grid (and the notes on gaps)
        assert problems_on_screen(page) == []
        link = page.locator(f"[data-testid='stTable'] a[href*='ind={indicator}&j={jurisdiction}&year={year}"
                            "&kind=actual']").first
        link.scroll_into_view_if_needed()
        shown = re.fullmatch(r"● ([0-9.,]+)", link.inner_text().strip())
        assert shown, f"the cell says {link.inner_text()!r}, not '● <number of values>'"
        count = int(shown.group(1).replace(".", "").replace(",", ""))

        with shared_context.expect_page() as opened:  # the grid's links open the values beside the grid
            link.click()
        sources = opened.value
        sources.wait_for_load_state()
        wait_until_settled(sources)
        sources.locator(f"{APP} h1").first.wait_for(state="visible")

        assert urlsplit(sources.url).path == "/nguon"
        pairs = dict(query_pairs(sources.url))
        assert (pairs["ind"], pairs["j"], pairs["year"], pairs["kind"]) == (indicator, jurisdiction, str(year), "actual")
        assert pairs.get("lang", "vi") == lang
        assert sources.locator("[data-testid='stMain'] h1").first.inner_text().strip() == t("src_title", lang)
        assert problems_on_screen(sources) == []

        expected = cell_values(built_db, pairs)
        assert len(expected) == count > 0
        table = sources.locator("[data-testid='stDataFrame'] table[role='grid']").first
        table.wait_for(state="attached")
        assert table.get_attribute("aria-rowcount") == str(count + 1)  # the header and exactly the cell's values
        periods = table.locator("tbody td[aria-colindex='3']").all_inner_texts()
        assert sorted(p.strip() for p in periods) == sorted(expected["period_label_en" if lang == "en" else "period_label"])
        places = set(table.locator("tbody td[aria-colindex='2']").all_inner_texts())
        assert places == set(expected["jurisdiction_name_en" if lang == "en" else "jurisdiction_name"])
        total = int(run_query_total(built_db))
        caption = t("src_count", lang, shown=views.count(count, lang), total=views.count(total, lang))
        assert sources.get_by_text(caption, exact=True).count() == 1
    finally:
        page.close()
        if sources is not None:
            sources.close()


def has_notes(built_db, topic: str) -> bool:
    """Whether the coverage page lists notes on gaps for this topic in its default view (2019–2030)."""
    con = connect_readonly(built_db)
    try:
        notes = run_query(con, "coverage_notes", category=topic, jurisdictions=DEFAULT_PLACES,
                          start=date(2019, 1, 1), end=date(2030, 12, 31))
    finally:
        con.close()
    return not notes.empty


def run_query_total(built_db) -> int:
    con = connect_readonly(built_db)
    try:
        return con.execute("SELECT count(*) FROM observation_facts").fetchone()[0]
    finally:
        con.close()


def test_gaps_are_said_in_symbols_and_words(page, base_url):
    """The legend names every mark of the grid; Thái Nguyên's zone occupancy, looked for and not found for
    2015–2025 (data/coverage_notes.csv), shows "?" in each of those years and links nowhere."""
    open_page(page, base_url, PAGE, {"cat": "industrial_zones"}, title=t("cov_title", "vi"))
    wait_for_tables(page, 3)  # counts, grid, notes
    legend = page.get_by_text(t("cov_legend_not_found", "vi"), exact=False).first
    assert legend.is_visible() or legend.count() == 1
    row = page.locator("[data-testid='stTable'] tbody tr").filter(
        has_text="Tỷ lệ lấp đầy KCN").filter(has_text="Thái Nguyên (trước sáp nhập) · Thực hiện").first
    row.wait_for()
    cells = [c.strip() for c in row.locator("td").all_inner_texts()]
    assert cells[2:9] == ["?"] * 7  # 2019–2025: looked for, not found (data/coverage_notes.csv)
    assert row.locator("a").count() == 0  # nothing held: no link to an empty list
