"""Presenter mode as a projector shows it: no sidebar or filters, large type at 1280×720, one slide per
screen with ▶ moving on (and the URL following), and the presenter's filters still set after leaving."""
from __future__ import annotations

import pytest

from provdash.i18n import t
from tests.browser.conftest import open_page, province_pill, query_pairs, rerun, wait_for_charts

pytestmark = pytest.mark.browser

PAGE = "kinh_te_so"
FONT_SIZES = """() => {
  const visible = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  const size = e => parseFloat(getComputedStyle(e).fontSize);
  const body = [...document.querySelectorAll("[data-testid='stMain'] [data-testid='stMarkdownContainer'] :is(p, li)")]
    .filter(e => visible(e) && e.innerText.trim()).map(e => [e.innerText.trim().slice(0, 60), size(e)]);
  const h1 = document.querySelector("[data-testid='stMain'] h1");
  return {body, h1: h1 ? size(h1) : 0};
}"""


def test_presenter_mode_is_readable_from_the_back_of_the_room(page, base_url):
    open_page(page, base_url, PAGE, {"present": "1"}, title=t("de_title", "vi"))
    wait_for_charts(page)

    assert page.viewport_size == {"width": 1280, "height": 720}
    for hidden in ("[data-testid='stSidebar']", "header[data-testid='stHeader']", ".st-key-filters",
                   "[data-testid='stExpandSidebarButton']"):
        assert not page.locator(hidden).first.is_visible(), f"{hidden} is visible in presenter mode"
    sizes = page.evaluate(FONT_SIZES)
    assert sizes["body"], "no body text found in presenter mode"
    small = [(text, size) for text, size in sizes["body"] if size < 20]
    assert not small, f"text under 20 px in presenter mode: {small}"
    assert sizes["h1"] > max(size for _, size in sizes["body"])

    # One slide per screen: the share chart first, ▶ moves to the next one and the URL says so.
    assert page.locator(".st-key-de_share [data-testid='stPlotlyChart']").count() == 1
    assert page.locator("[data-testid='stPlotlyChart']").count() == 1
    with rerun(page):
        page.locator(".st-key-present_next button").click()
    assert ("slide", "2") in query_pairs(page.url) and ("present", "1") in query_pairs(page.url)
    wait_for_charts(page)
    assert page.locator(".st-key-de_share").count() == 0
    assert page.locator(".st-key-de_enterprises [data-testid='stPlotlyChart']").count() == 1
    position = page.locator(".st-key-presenter_controls [data-testid='stMarkdown']").inner_text()
    assert position.startswith(t("present_position", "vi", slide=2, total=99).rsplit("99", 1)[0])


def test_leaving_presenter_mode_keeps_the_filters(page, base_url, province_names):
    open_page(page, base_url, PAGE, title=t("de_title", "vi"))
    dropped = province_names["vi"]["thai_nguyen"]
    with rerun(page):
        province_pill(page, dropped).click()
    with rerun(page):
        page.locator(".st-key-years input[type=range]").nth(1).press("ArrowLeft")
    before = page.url
    filters = query_pairs(before)
    assert ("to", "2029") in filters and ("j", "thai_nguyen") not in filters and ("j", "vinh_phuc") in filters

    with rerun(page):
        page.locator("[data-testid='stSidebar'] .st-key-present label").click()
    assert query_pairs(page.url) == sorted(filters + [("present", "1")])
    assert not page.locator(".st-key-filters").is_visible()
    assert not page.locator("[data-testid='stSidebar']").is_visible()

    with rerun(page):
        page.locator(".st-key-present_leave button").click()
    assert query_pairs(page.url) == query_pairs(before)
    assert page.locator(".st-key-filters").is_visible()
    assert province_pill(page, dropped).get_attribute("aria-pressed") == "false"
    assert province_pill(page, province_names["vi"]["vinh_phuc"]).get_attribute("aria-pressed") == "true"
    assert page.locator(".st-key-years input[type=range]").nth(1).input_value() == "2029"
