"""Charts as a reader sees them in the browser: a year's value above its year's label (issue 14 item 2), the legend
naming what is drawn, labels inside the chart and not on each other, Vietnamese on Vietnamese pages (item 8)."""
from __future__ import annotations

import re

import pytest

from provdash.i18n import t
from tests.browser.conftest import open_page, wait_for_charts

pytestmark = pytest.mark.browser

# For every chart: each marker's centre on screen and the year it is drawn for, and each year label's box.
MARKERS_AND_LABELS = """(key) => {
  const plot = document.querySelector(`.st-key-${key} .js-plotly-plot`);
  const layout = plot._fullLayout, axis = layout.xaxis, box = plot.getBoundingClientRect();
  const points = [];
  for (const trace of plot._fullData) {
    if (!trace.x || !(trace.mode || '').includes('markers')) continue;
    trace.x.forEach((x, i) => {
      if (x === null || trace.y[i] === null) return;
      const ms = axis.d2l(x);
      points.push({name: trace.name, symbol: trace.marker.symbol, year: new Date(ms).getUTCFullYear(),
                   px: box.left + layout._size.l + axis.l2p(ms)});
    });
  }
  const labels = [...plot.querySelectorAll('.xtick text')].map(e => {
    const r = e.getBoundingClientRect(); return {text: e.textContent.trim(), left: r.left, right: r.right}; });
  return {points, labels};
}"""


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_years_value_and_target_sits_above_its_years_label(page, base_url, lang):
    open_page(page, base_url, "kinh_te_so", {"lang": lang} if lang == "en" else {}, title=t("de_title", lang))
    wait_for_charts(page)
    found = page.evaluate(MARKERS_AND_LABELS, "de_share")
    labels = {label["text"]: label for label in found["labels"]}
    assert {"2022", "2025", "2030"} <= set(labels), labels.keys()
    stars = [p for p in found["points"] if p["symbol"] == "star"]
    assert {p["year"] for p in stars} >= {2025, 2030}
    for point in found["points"]:
        label = labels.get(str(point["year"]))
        assert label is not None, f"no label for {point['year']}"
        assert label["left"] - 2 <= point["px"] <= label["right"] + 2, (
            f"{point['name']} ({point['year']}) is drawn at x={point['px']:.0f}, not above the label "
            f"{label['text']} ({label['left']:.0f}–{label['right']:.0f})")


# Every text written on a chart (target labels, bar values, annotations) as boxes, the chart's box, the plot area's
# box (labels of points are clipped there: one reaching past it is cut), and the x labels.
CHART_TEXTS = """(key) => {
  const plot = document.querySelector(`.st-key-${key} .js-plotly-plot`);
  const box = plot.getBoundingClientRect(), size = plot._fullLayout._size;
  const texts = [...plot.querySelectorAll('.textpoint text, .annotation-text')]
    .filter(e => e.textContent.trim() && e.getBoundingClientRect().width > 0)
    .map(e => { const r = e.getBoundingClientRect();
                return {text: e.textContent.trim(), left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                        point: !!e.closest('.textpoint')}; });
  const ticks = [...plot.querySelectorAll('.xtick text')].map(e => e.textContent.trim());
  return {texts, ticks, box: {left: box.left, right: box.right, top: box.top, bottom: box.bottom},
          area: {top: box.top + size.t, bottom: box.top + size.t + size.h, left: box.left + size.l,
                 right: box.left + size.l + size.w}};
}"""
CHART_PAGES = [("kinh_te_so", "de_title", ["de_share", "de_enterprises", "de_revenue"]),
               ("khu_cong_nghiep", "iz_title", ["iz_area_progress"]),
               ("so_sanh", "cmp_title", ["cmp_chart"])]


def overlapping(a: dict, b: dict, slack: float = 1.0) -> bool:
    return (a["left"] < b["right"] - slack and b["left"] < a["right"] - slack
            and a["top"] < b["bottom"] - slack and b["top"] < a["bottom"] - slack)


def slide_count(page) -> int:
    position = page.locator(".st-key-presenter_controls [data-testid='stMarkdown']").inner_text()
    return int(re.findall(r"\d+", position)[-1])


@pytest.mark.parametrize("present", [False, True], ids=["page", "presenter"])
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("path", "title_key", "keys"), CHART_PAGES, ids=[p[0] for p in CHART_PAGES])
def test_chart_labels_neither_meet_nor_leave_the_chart_and_ticks_are_years(page, base_url, path, title_key, keys,
                                                                          lang, present):
    params = ({"lang": lang} if lang == "en" else {}) | ({"present": "1"} if present else {})
    open_page(page, base_url, path, params, title=t(title_key, lang))
    checked = set()
    for slide in range(1, (slide_count(page) if present else 1) + 1):
        if slide > 1:  # a slide is a chart of its own, sized for the screen: its labels are checked there
            open_page(page, base_url, path, params | {"slide": str(slide)}, title=t(title_key, lang))
        wait_for_charts(page)
        checked |= labels_inside_and_apart(page, keys)
    assert checked, f"/{path}: none of the charts {keys} was found"


def labels_inside_and_apart(page, keys: list[str]) -> set[str]:
    """Checks the labels of those of `keys` that are on screen; returns which were."""
    found_keys = set()
    for key in keys:
        if not page.locator(f".st-key-{key} .js-plotly-plot").count():
            continue
        found_keys.add(key)
        found = page.evaluate(CHART_TEXTS, key)
        edge, area = found["box"], found["area"]
        for text in found["texts"]:
            assert edge["left"] <= text["left"] and text["right"] <= edge["right"], (
                f"{key}: '{text['text']}' is cut at the chart's edge")
            if text["point"]:  # a point's label is clipped at the plot area (and beyond it lies the legend)
                assert area["top"] - 1 <= text["top"] and text["bottom"] <= area["bottom"] + 1, (
                    f"{key}: '{text['text']}' ({text['top']:.0f}–{text['bottom']:.0f}) is cut at the top or bottom of"
                    f" the plot ({area['top']:.0f}–{area['bottom']:.0f})")
                assert area["left"] - 1 <= text["left"] and text["right"] <= area["right"] + 1, (
                    f"{key}: '{text['text']}' ({text['left']:.0f}–{text['right']:.0f}) is cut at the side of the plot"
                    f" ({area['left']:.0f}–{area['right']:.0f})")
        pairs = [(a["text"], b["text"]) for i, a in enumerate(found["texts"]) for b in found["texts"][i + 1:]
                 if overlapping(a, b)]
        assert not pairs, f"{key}: labels written over each other: {pairs}"
        assert found["ticks"] and all(tick.isdigit() and len(tick) == 4 for tick in found["ticks"]), (
            f"{key}: x labels are not years: {found['ticks']}")
    return found_keys
