"""A projector at 1280×720: every slide of the chart pages fits the screen (no scrolling in a meeting; a long bar
chart goes on over several slides, a long table scrolls in its frame), type is at least 20 px on every page in
presenter mode (tables too), and the FDI page in normal mode stays about three screens long whichever tab, and tab
within it, is open (issue 14 items 3 and 9)."""
from __future__ import annotations

import re

import pytest

from tests.browser.conftest import FIRST_LOAD_MS, dashboard_pages, open_page, wait_for_charts

pytestmark = pytest.mark.browser

SCREEN = 720
CHART_PAGES = ["kinh_te_so", "fdi", "khu_cong_nghiep", "so_sanh"]
HEIGHT = "() => document.querySelector(\"[data-testid='stMain']\").scrollHeight"
SMALL_TEXT = """() => {
  const visible = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  return [...document.querySelectorAll("[data-testid='stMain'] :is(p, li, label, button, input, textarea, th, td)")]
    .filter(e => visible(e) && (e.innerText || e.value || '').trim() && parseFloat(getComputedStyle(e).fontSize) < 20)
    .map(e => [(e.innerText || e.value).trim().slice(0, 50), getComputedStyle(e).fontSize]);
}"""


def slides(page) -> int:
    position = page.locator(".st-key-presenter_controls [data-testid='stMarkdown']")
    numbers = re.findall(r"\d+", position.inner_text()) if position.count() else []
    return int(numbers[-1]) if numbers else 1


def test_every_chart_slide_fits_the_screen(page, base_url):
    heights = {}
    for path in CHART_PAGES:
        open_page(page, base_url, path, {"present": "1"})
        for slide in range(1, slides(page) + 1):
            if slide > 1:
                open_page(page, base_url, path, {"present": "1", "slide": str(slide)})
            wait_for_charts(page)
            heights[(path, slide)] = page.evaluate(HEIGHT)
    too_tall = {key: h for key, h in heights.items() if h > SCREEN + 2}
    assert not too_tall, f"slides taller than {SCREEN} px: {too_tall}"


@pytest.mark.parametrize(("path", "title_key", "url_path", "default"), dashboard_pages(),
                         ids=[p[2] for p in dashboard_pages()])
def test_presenter_type_is_at_least_20_px(page, base_url, path, title_key, url_path, default):
    open_page(page, base_url, "" if default else url_path, {"present": "1"})
    wait_for_charts(page)
    assert page.evaluate(SMALL_TEXT) == [], f"/{url_path}: text under 20 px in presenter mode"


# The page's tabs, and the tabs within the open one (the amounts per period: a chart per indicator).
OUTER_TABS = ("[data-testid='stMain'] [data-testid='stTabs'] >> nth=0 >> [role='tablist'] >> nth=0"
              " >> [data-testid='stTab']")
INNER_TABS = "[data-testid='stTabs'] [data-testid='stTabs'] [data-testid='stTab'] >> visible=true"
SCREENS = 3.3


def open_tab(tab) -> None:
    """Click a tab and wait until the browser shows it as the selected one (tabs switch without a run)."""
    tab.click()
    tab.page.wait_for_function("(t) => t.getAttribute('aria-selected') === 'true'", arg=tab.element_handle())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_fdi_page_is_about_three_screens_whichever_tab_is_open(page, base_url, lang):
    open_page(page, base_url, "fdi", {"lang": lang} if lang == "en" else {})
    tabs = page.locator(OUTER_TABS)
    assert tabs.count() >= 4
    heights = {}
    for index in range(tabs.count()):
        open_tab(tabs.nth(index))
        inner = page.locator(INNER_TABS)
        for inner_index in range(max(1, inner.count())):
            if inner.count():
                open_tab(inner.nth(inner_index))
            wait_for_charts(page, FIRST_LOAD_MS)
            name = tabs.nth(index).inner_text() + (f" › {inner.nth(inner_index).inner_text()}" if inner.count() else "")
            heights[name] = page.evaluate(HEIGHT)
    assert len(heights) > tabs.count(), f"no tabs within a tab: {list(heights)}"
    too_long = {name: height for name, height in heights.items() if height > SCREENS * SCREEN}
    assert not too_long, f"/fdi is longer than {SCREENS} screens ({SCREENS * SCREEN:.0f} px) with these tabs open: " \
                         f"{too_long}"
