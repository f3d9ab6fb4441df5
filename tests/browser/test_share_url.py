"""The URL holds the view: filters set by clicking, copied from the "Share this view" box, opened in a brand-new
browser context, give the same view (provinces, period, language)."""
from __future__ import annotations

import pytest

from provdash import ui
from provdash.i18n import t
from tests.browser.conftest import (chart_texts, open_page, open_url, province_pill, query_pairs, rerun,
                                   wait_for_charts)

pytestmark = pytest.mark.browser

PAGE = "kinh_te_so"
DROPPED = "vinh_phuc"  # the province the test deselects


def pill_states(page) -> dict[str, str]:
    return dict(page.locator(".st-key-j [data-testid='stButtonGroup'] button").evaluate_all(
        "els => els.map(e => [e.innerText.trim(), e.getAttribute('aria-pressed')])"))


def period(page) -> list[str]:
    return page.locator(".st-key-years input[type=range]").evaluate_all("els => els.map(e => e.value)")


def legend(page) -> list[str]:
    return chart_texts(page, "de_share", ".legendtext")


def shared_link(page) -> tuple[str, str]:
    """The address in the "Share this view" box, as shown and as its copy button puts it on the clipboard."""
    page.locator("[data-testid='stSidebar'] [data-testid='stPopoverButton']").click()
    code = page.locator("[data-testid='stPopoverBody'] [data-testid='stCode']")
    shown = code.locator("code").inner_text().strip()
    code.hover()
    code.get_by_role("button", name="Copy to clipboard").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    page.keyboard.press("Escape")
    return shown, copied


def test_filters_survive_a_shared_link(page, base_url, fresh_context, province_names):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    open_page(page, base_url, PAGE, title=t("de_title", "vi"))
    dropped_vi, dropped_en = province_names["vi"][DROPPED], province_names["en"][DROPPED]
    assert province_pill(page, dropped_vi).get_attribute("aria-pressed") == "true"

    # Deselect a province, narrow the period, switch to English: each a run of the app.
    with rerun(page):
        province_pill(page, dropped_vi).click()
    start, end = page.locator(".st-key-years input[type=range]").all()
    with rerun(page):
        start.press("ArrowRight")
    for _ in range(2):
        with rerun(page):
            end.press("ArrowLeft")
    with rerun(page):
        page.locator(".st-key-lang button", has_text="English").click()
    page.get_by_role("heading", level=1, name=t("de_title", "en")).wait_for()
    wait_for_charts(page)

    kept = [j for j in ui.DEFAULT_JURISDICTIONS if j != DROPPED]
    first, last = ui.DEFAULT_YEARS[0] + 1, ui.DEFAULT_YEARS[1] - 2
    expected = sorted([("from", str(first)), ("to", str(last)), ("lang", "en")] + [("j", j) for j in kept])
    assert query_pairs(page.url) == expected
    shown, copied = shared_link(page)
    assert copied == shown
    assert shown.split("?")[0] == page.url.split("?")[0]
    assert query_pairs(shown) == query_pairs(page.url)

    view = {"pills": pill_states(page), "period": period(page), "legend": legend(page)}
    assert view["pills"][dropped_en] == "false" and list(view["pills"].values()).count("true") == len(kept)
    assert view["period"] == [str(first), str(last)]
    assert not any(entry.startswith(dropped_en) for entry in view["legend"])

    other = fresh_context.new_page()
    open_url(other, copied, title=t("de_title", "en"))
    wait_for_charts(other)
    assert query_pairs(other.url) == query_pairs(shown)
    assert {"pills": pill_states(other), "period": period(other), "legend": legend(other)} == view


def test_share_box_shows_the_latest_filter_change(page, base_url, province_names):
    open_page(page, base_url, PAGE, title=t("de_title", "vi"))
    with rerun(page):
        province_pill(page, province_names["vi"][DROPPED]).click()
    page.locator("[data-testid='stSidebar'] [data-testid='stPopoverButton']").click()
    shown = page.locator("[data-testid='stPopoverBody'] [data-testid='stCode'] code").inner_text().strip()
    assert query_pairs(shown) == query_pairs(page.url)
