"""A shared link is how leaders arrive: the very first request a freshly started server gets is a deep link
(`/kinh_te_so?…`), and it must show that page and nothing else — no "Page not found" dialog over it.

Streamlit treats a folder named `pages/` beside the entry point as an old-style page list and runs the first
session after a start through it, where `kinh_te_so` is no page (provdash/paths.py); the page files therefore
live in app_pages/. Each test starts a server of its own, because only the first session after a start shows it.
"""
from __future__ import annotations

import pytest

from provdash import paths
from provdash.i18n import t
from tests.browser.conftest import new_context, open_page, problems_on_screen, run_server, wait_for_charts

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("path", "params", "title_key"), [
    ("kinh_te_so", {"j": ["thai_nguyen", "vinh_phuc"], "from": "2019", "to": "2030"}, "de_title"),
    ("fdi", {"lang": "en", "present": "1"}, "fdi_title"),
], ids=["kinh_te_so", "fdi-en-present"])
def test_first_request_after_a_start_is_a_deep_link(chromium, built_db, tmp_path, path, params, title_key):
    with run_server(built_db, tmp_path) as url:
        context = new_context(chromium)
        try:
            page = context.new_page()
            open_page(page, url, path, params, title=t(title_key, params.get("lang", "vi")))
            wait_for_charts(page)
            page.wait_for_timeout(500)  # a dialog sent with the first run is drawn by then
            assert problems_on_screen(page) == [], f"first visit of /{path} after a server start"
            assert page.url.split("?")[0].endswith("/" + path)
        finally:
            context.close()


def test_no_folder_named_pages_beside_the_entry_point():
    """The cause, checked without a browser: a pages/ folder (even one added by a merge) brings the dialog back."""
    assert not (paths.ROOT / "pages").exists(), (
        "move the page files from pages/ to app_pages/ (provdash/paths.py PAGES_DIR says why)")
    assert paths.PAGES_DIR.is_dir() and any(paths.PAGES_DIR.glob("*.py"))
