"""Numbers as the browser draws them: Vietnamese separators in Vietnamese ("42,92 %", "3.000"), English ones in
English ("3,000"), whatever the browser's own locale (the test browser's is en-US)."""
from __future__ import annotations

import re

import pytest

from provdash.i18n import t
from tests.browser.conftest import chart_texts, open_page, wait_for_charts

pytestmark = pytest.mark.browser

PAGE = "kinh_te_so"
THOUSANDS = {"vi": "3.000", "en": "3,000"}  # the 2030 target for digital-technology enterprises


@pytest.fixture(scope="module")
def drawn(shared_context, base_url) -> dict[str, dict[str, list[str]]]:
    """What /kinh_te_so shows in each language: the summaries above the charts and the SVG texts of two charts."""
    tab = shared_context.new_page()
    seen = {}
    for lang in ("vi", "en"):
        open_page(tab, base_url, PAGE, {"lang": lang} if lang == "en" else {}, title=t("de_title", lang))
        wait_for_charts(tab)
        summaries = tab.locator("[data-testid='stMain'] [data-testid='stMarkdownContainer'] strong")
        seen[lang] = {
            "summaries": summaries.all_inner_texts(),
            "share": chart_texts(tab, "de_share"),
            "enterprises": chart_texts(tab, "de_enterprises"),
            "enterprise_ticks": chart_texts(tab, "de_enterprises", "g.ytick text"),
        }
    tab.close()
    return seen


def test_vietnamese_decimals_and_percent_signs(drawn):
    vi = drawn["vi"]
    assert any("42,92 %" in text for text in vi["summaries"]), vi["summaries"]
    assert "20 %" in vi["share"], vi["share"]  # a target label
    assert not any(re.search(r"\d\.\d\d %", text) for text in vi["share"] + vi["summaries"])
    en = drawn["en"]
    assert any("42.92%" in text for text in en["summaries"]), en["summaries"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_thousands_in_chart_labels(drawn, lang):
    other = THOUSANDS["en" if lang == "vi" else "vi"]
    labels = drawn[lang]["enterprises"]
    assert any(THOUSANDS[lang] in text for text in labels), labels
    assert not any(other in text for text in labels), labels


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_thousands_in_axis_ticks(drawn, lang):
    ticks = drawn[lang]["enterprise_ticks"]
    assert THOUSANDS[lang] in ticks, ticks
    assert not [tick for tick in ticks if re.fullmatch(r"[−-]?\d{4,}", tick)], ticks
