"""Text from outside (here: the URL anyone can craft and share) never runs as code in a reader's browser."""
from __future__ import annotations

import pytest

from provdash.i18n import t
from tests.browser.conftest import open_page, problems_on_screen, province_pill, wait_for_charts

pytestmark = pytest.mark.browser

HOSTILE = [
    ("j", "<script>window.__x=1</script>"),
    ("j", "thai_nguyen\"><img src=x onerror=\"window.__x=2\">"),
    ("from", "<svg onload=window.__x=3>"),
    ("lang", "<img src=x onerror=alert(4)>"),
    ("slide", "javascript:window.__x=5"),
]


def test_script_in_the_url_is_not_run(page, base_url, province_names):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_page(page, base_url, "kinh_te_so", HOSTILE, title=t("de_title", "vi"))  # unknown language → Vietnamese
    wait_for_charts(page)

    assert page.evaluate("typeof window.__x") == "undefined"
    assert dialogs == []
    assert problems_on_screen(page) == []
    # Values that are not valid ids are ignored: the default provinces are shown.
    assert province_pill(page, province_names["vi"]["thai_nguyen"]).get_attribute("aria-pressed") == "true"
    assert page.locator("[data-testid='stMain'] img[src='x'], [data-testid='stMain'] script").count() == 0
