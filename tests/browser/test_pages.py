"""Every page of dashboard.py's PAGES list, loaded by its own URL in a real browser, in Vietnamese and English,
normally and in presenter mode: no exception, no error box or dialog, its h1 shown, its charts drawn, and a
1280×720 screenshot saved as screenshots/<url_path>[-present][-en].png for people to look at."""
from __future__ import annotations

import pytest

from provdash import views
from provdash.i18n import t
from tests.browser.conftest import SCREENSHOTS, dashboard_pages, open_page, problems_on_screen, wait_for_charts

pytestmark = pytest.mark.browser

PAGES = dashboard_pages()
VARIANTS = [(lang, presenting) for presenting in (False, True) for lang in ("vi", "en")]


@pytest.fixture(scope="module", autouse=True)
def screenshot_dir():
    SCREENSHOTS.mkdir(exist_ok=True)


@pytest.mark.parametrize(("lang", "presenting"), VARIANTS,
                         ids=[f"{lang}{'-present' if presenting else ''}" for lang, presenting in VARIANTS])
@pytest.mark.parametrize(("path", "title_key", "url_path", "default"), PAGES, ids=[p[2] for p in PAGES])
def test_page_loads_cleanly(page, base_url, path, title_key, url_path, default, lang, presenting):
    params = {"lang": "en"} if lang == "en" else {}
    if presenting:
        params["present"] = "1"
    open_page(page, base_url, "" if default else url_path, params)  # the default page lives at "/"

    wait_for_charts(page)
    name = url_path + ("-present" if presenting else "") + ("-en" if lang == "en" else "")
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))

    assert problems_on_screen(page) == [], f"/{url_path} ({lang}, present={presenting})"
    # Its own browser title in the page's language, and the language declared on the document.
    title = views.page_title(t(title_key, lang), lang)
    page.wait_for_function("(t) => document.title === t", arg=title)
    assert page.evaluate("document.documentElement.lang") == lang
    heading = page.locator("[data-testid='stMain'] h1").first.inner_text().strip()
    assert heading, f"/{url_path} shows an empty h1"
    if presenting:
        # The sidebar is hidden, so the ✕ button is the only way out of presenter mode.
        assert not page.locator("[data-testid='stSidebar']").is_visible()
        assert page.locator(".st-key-present_leave button").is_visible(), (
            f"/{url_path} in presenter mode has no '✕ {t('present_leave', lang)}' button")
    else:
        # The sidebar names this page in the chosen language and marks it as the current one.
        current = page.locator("[data-testid='stSidebarNavLink'][aria-current='page']")
        assert current.inner_text().strip() == t(title_key, lang)
