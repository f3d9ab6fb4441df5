"""No page says a target is achieved or met without the year of the value that says so (issue: a bare "Đã đạt"
from one old value of a province that no longer exists was the overview's headline). Every page, both languages,
against the real database: markdown, captions, titles and every table cell."""
from __future__ import annotations

import re

import pytest

from tests.conftest import open_app_page as open_page

PAGES = ["pages/home.py", "pages/overview.py", "pages/digital_economy.py", "pages/foreign_investment.py",
         "pages/industrial_zones.py", "pages/compare.py", "pages/timeline.py", "pages/sources.py"]
CLAIMS = {"vi": re.compile(r"(Đã đạt mục tiêu|✔ Đạt|: đã đạt)"), "en": re.compile(r"(Target achieved|✔ Met|: reached)")}
YEAR = re.compile(r"\b(19|20)\d{2}\b")
DEFINITIONS = {"Điều kiện", "Condition"}  # the sources page's table of what each status means


def texts(at) -> list[str]:
    found = [e.value for e in list(at.markdown) + list(at.caption) + list(at.title) + list(at.subheader)]
    for frame in at.dataframe:
        table = frame.value
        if DEFINITIONS & set(map(str, table.columns)):
            continue
        found += [str(cell) for cell in table.to_numpy().ravel()]
    return [text.replace("\\", "") for text in found]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_no_achieved_or_met_without_a_year(built_db, page, lang):
    at = open_page(page, lang=lang)
    assert not at.exception
    for text in texts(at):
        for claim in CLAIMS[lang].finditer(text):
            after = text[claim.end():claim.end() + 160]
            before = text[max(0, claim.start() - 120):claim.start()]
            assert YEAR.search(after) or YEAR.search(before), f"{page}: {text[:200]!r}"
