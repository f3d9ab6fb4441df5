"""Hostile text in the curated data (titles, quotes, notes with <script>, HTML and Markdown) renders as plain text."""
from __future__ import annotations

import csv
import io

import pytest

from provdash import build
from tests.browser.conftest import (new_context, open_page, problems_on_screen, run_server, wait_for_charts,
                                   wait_for_tables)

pytestmark = pytest.mark.browser

SCRIPT = "<script>window.__pwned=1</script>"
IMAGE = '<img src=x onerror="window.__pwned=2">'
MARKDOWN = "**đậm** [bấm](javascript:window.__pwned=3) $x^2$ # tiêu đề"


@pytest.fixture(scope="module")
def hostile_server(chromium, data_copy_module, tmp_path_factory):
    """A database whose digital-economy source title, quote and note carry script, HTML and Markdown."""
    data = data_copy_module
    sources = list(csv.DictReader((data / "sources.csv").open(encoding="utf-8")))
    for row in sources:
        if row["source_id"] == "seed_003":
            row["title"] = f"Tin {SCRIPT} {IMAGE} {MARKDOWN}"
            row["outlet"] = f"<b>Báo</b> {SCRIPT}"
    _write(data / "sources.csv", sources)
    observations = list(csv.DictReader((data / "observations.csv").open(encoding="utf-8")))
    for row in observations:
        if row["source_id"] == "seed_003":
            row["note"] = f"{IMAGE} {MARKDOWN}"
    _write(data / "observations.csv", observations)
    # the coverage page shows indicator titles and the notes on gaps in Markdown tables
    indicators = list(csv.DictReader((data / "indicators.csv").open(encoding="utf-8")))
    for row in indicators:
        if row["indicator"] == "kcn_area":
            row["title_vi"] = f"Diện tích {SCRIPT} {MARKDOWN}"
    _write(data / "indicators.csv", indicators)
    notes = list(csv.DictReader((data / "coverage_notes.csv").open(encoding="utf-8")))
    next(row for row in notes if row["indicator"] == "kcn_area")["note_vi"] = f"{IMAGE} {MARKDOWN}"
    _write(data / "coverage_notes.csv", notes)
    database = tmp_path_factory.mktemp("hostile") / "indicators.duckdb"
    build.build(data, database)
    with run_server(database, tmp_path_factory.mktemp("hostile-log")) as url:
        # One visit of "/" first, so the tests' own visits do not wait for Streamlit's bundles.
        context = new_context(chromium)
        open_page(context.new_page(), url, "")
        context.close()
        yield url


@pytest.fixture(scope="module")
def data_copy_module(tmp_path_factory):
    import shutil

    from provdash import paths

    target = tmp_path_factory.mktemp("hostile-data") / "data"
    shutil.copytree(paths.DATA_DIR, target, ignore=shutil.ignore_patterns("*.duckdb*", "audit*"))
    return target


def _write(path, rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


@pytest.mark.parametrize("path, params", [("kinh_te_so", None), ("nguon", {"q": "Tin"}), ("dong_thoi_gian", None),
                                          ("do_phu_so_lieu", {"cat": "industrial_zones"})])
def test_hostile_source_text_is_shown_as_text(chromium, hostile_server, path, params):
    context = new_context(chromium)
    page = context.new_page()
    try:
        open_page(page, hostile_server, path, params)
        if path == "kinh_te_so":
            wait_for_charts(page)
            page.get_by_text("Nguồn:", exact=False).first.wait_for()
        if path == "do_phu_so_lieu":
            wait_for_tables(page, 3)  # counts, grid, notes
        assert page.evaluate("() => window.__pwned") is None, "script from the data ran"
        assert not problems_on_screen(page)
        injected = page.evaluate("""() => [...document.querySelectorAll('[data-testid="stMain"] script, '
                                  + '[data-testid="stMain"] img[src="x"], [data-testid="stMain"] a[href^="javascript"]')]
                                  .length""")
        assert injected == 0, "markup from the data became live elements"
        if path in ("kinh_te_so", "do_phu_so_lieu"):
            body = page.locator("[data-testid='stMain']").inner_text()
            assert "<script>" in body or "Tin <script>" in body, "the hostile title is shown literally"
        if path == "do_phu_so_lieu":
            body = page.locator("[data-testid='stMain']").inner_text()
            assert "[bấm](javascript:window.__pwned=3)" in body and "onerror=" in body, "the note is shown as text"
    finally:
        context.close()
