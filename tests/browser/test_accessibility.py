"""axe-core (WCAG 2.1 A and AA rules) on every page, in both languages, and on every presenter slide: no serious or
critical violation. Colour contrast of captions, links and chart colours is what this mostly guards (issue 14).

axe-core comes from npm into the git-ignored .cache/node (`make test` installs it). Without it the test is skipped
with a note, except when CI=true, where it fails, as the Chromium tests do.
"""
from __future__ import annotations

import os
import re

import pytest

from provdash import paths
from tests.browser.conftest import dashboard_pages, open_page, wait_for_charts

pytestmark = pytest.mark.browser

AXE = paths.ROOT / ".cache" / "node" / "node_modules" / "axe-core" / "axe.min.js"
PAGES = dashboard_pages()
RUN_AXE = """async () => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
  return result.violations.filter(v => ['serious', 'critical'].includes(v.impact)).map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => `${n.target.join(' ')}: ${(n.failureSummary || '').split('\\n').slice(1, 2).join(' ')}`),
    count: v.nodes.length}));
}"""


@pytest.fixture(scope="module")
def axe_script() -> str:
    if not AXE.is_file():
        message = f"{AXE.relative_to(paths.ROOT)} is missing: `make test` installs axe-core with npm"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true, so the accessibility test must run, but {message}", pytrace=False)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


def violations(page, script: str) -> list[dict]:
    """axe's serious and critical violations, with the whole page in the viewport (axe checks what is laid out)."""
    height = page.evaluate("() => document.querySelector(\"[data-testid='stMain']\").scrollHeight")
    page.set_viewport_size({"width": 1280, "height": min(max(720, height + 40), 12000)})
    page.wait_for_timeout(300)
    try:
        page.add_script_tag(content=script)
        return page.evaluate(RUN_AXE)
    finally:
        page.set_viewport_size({"width": 1280, "height": 720})


def described(found: list[dict]) -> str:
    return "\n".join(f"{v['impact']} {v['id']} ({v['count']}×): {v['help']}\n    " + "\n    ".join(v["nodes"])
                     for v in found)


def slide_count(page) -> int:
    position = page.locator(".st-key-presenter_controls [data-testid='stMarkdown']")
    numbers = re.findall(r"\d+", position.inner_text()) if position.count() else []
    return int(numbers[-1]) if numbers else 1


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("path", "title_key", "url_path", "default"), PAGES, ids=[p[2] for p in PAGES])
def test_no_serious_accessibility_violation(page, base_url, axe_script, path, title_key, url_path, default, lang):
    params = {"lang": "en"} if lang == "en" else {}
    open_page(page, base_url, "" if default else url_path, params)
    wait_for_charts(page)
    found = violations(page, axe_script)
    assert not found, f"/{url_path} ({lang}):\n{described(found)}"


@pytest.mark.parametrize(("path", "title_key", "url_path", "default"), PAGES, ids=[p[2] for p in PAGES])
def test_no_serious_accessibility_violation_on_any_slide(page, base_url, axe_script, path, title_key, url_path,
                                                         default):
    open_page(page, base_url, "" if default else url_path, {"present": "1"})
    wait_for_charts(page)
    problems = []
    for slide in range(1, slide_count(page) + 1):
        if slide > 1:
            open_page(page, base_url, "" if default else url_path, {"present": "1", "slide": str(slide)})
            wait_for_charts(page)
        found = violations(page, axe_script)
        if found:
            problems.append(f"slide {slide}:\n{described(found)}")
    assert not problems, f"/{url_path} in presenter mode:\n" + "\n".join(problems)
