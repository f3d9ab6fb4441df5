"""How sources are cited (provdash.views): outlet, title, date and link a reader can use — never a file name or
"(không rõ)" — and one list per page, not one copy per chart. Pure functions, then the FDI page in AppTest."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from provdash import views
from tests.conftest import open_app_page

SEED = dict(source_id="seed_003", source_title="Thái Nguyên tạo bứt phá kinh tế số theo hướng bền vững",
            source_outlet="(không rõ)", source_outlet_label="", source_outlet_label_en="",
            source_published="2024-08-16", source_url="", source_file="003_e6c1780fa81d8148.txt")
SEED_MONTH = dict(SEED, source_id="seed_001", source_title="Thái Nguyên đẩy mạnh chuyển đổi số",
                  source_published="2024-11", source_file="001_2ff3e1955506a6b0.txt")
NAMED_SEED = dict(SEED, source_id="seed_004", source_title="Phát triển bền vững khu công nghiệp",
                  source_outlet="Báo Vĩnh Phúc", source_outlet_label="Báo Vĩnh Phúc",
                  source_outlet_label_en="Báo Vĩnh Phúc", source_published="2024-12-06")
WEB = dict(source_id="ref_vietnamplus_en_2020", source_title="Vinh Phuc province lures nine new projects",
           source_outlet="VietnamPlus (English)", source_outlet_label="VietnamPlus (bản tiếng Anh)",
           source_outlet_label_en="VietnamPlus (English edition)", source_published="2020-06-04",
           source_url="https://en.vietnamplus.vn/x/174364.vnp", source_file="")
UNDATED_WEB = dict(WEB, source_id="ref_undated", source_title="Một trang", source_published="", source_outlet="Báo Mới",
                   source_outlet_label="Báo Mới", source_outlet_label_en="Báo Mới", source_url="https://baomoi.com/x")


@pytest.mark.parametrize("row, lang, line", [
    (SEED, "vi", "Thái Nguyên tạo bứt phá kinh tế số theo hướng bền vững (bài báo ngày 16/8/2024)"),
    (SEED, "en", "Thái Nguyên tạo bứt phá kinh tế số theo hướng bền vững (article of 16 Aug 2024)"),
    (SEED_MONTH, "vi", "Thái Nguyên đẩy mạnh chuyển đổi số (bài báo tháng 11/2024)"),
    (SEED_MONTH, "en", "Thái Nguyên đẩy mạnh chuyển đổi số (article of Nov 2024)"),
    (NAMED_SEED, "vi", "Báo Vĩnh Phúc — Phát triển bền vững khu công nghiệp (bài báo ngày 6/12/2024)"),
    (WEB, "vi", "VietnamPlus \\(bản tiếng Anh\\) — [Vinh Phuc province lures nine new projects]"
                "(https://en.vietnamplus.vn/x/174364.vnp) (4/6/2020)"),
    (WEB, "en", "VietnamPlus \\(English edition\\) — [Vinh Phuc province lures nine new projects]"
                "(https://en.vietnamplus.vn/x/174364.vnp) (4 Jun 2020)"),
    (UNDATED_WEB, "vi", "Báo Mới — [Một trang](https://baomoi.com/x)"),
])
def test_a_source_line_is_outlet_title_date_and_link(row, lang, line):
    assert views.source_lines(pd.DataFrame([row]), lang) == [line]


@pytest.mark.parametrize("row, lang, name, cell", [
    (SEED, "vi", "bài báo ngày 16/8/2024", "Thái Nguyên tạo bứt phá kinh tế số theo hướng bền vững (bài báo ngày 16/8/2024)"),
    (SEED, "en", "article of 16 Aug 2024", "Thái Nguyên tạo bứt phá kinh tế số theo hướng bền vững (article of 16 Aug 2024)"),
    (NAMED_SEED, "en", "Báo Vĩnh Phúc", "Báo Vĩnh Phúc — Phát triển bền vững khu công nghiệp (article of 6 Dec 2024)"),
    (WEB, "vi", "VietnamPlus (bản tiếng Anh)", "VietnamPlus (bản tiếng Anh) — Vinh Phuc province lures nine new projects (4/6/2020)"),
    (dict(WEB, source_outlet_label="", source_outlet_label_en=""), "en", "Vinh Phuc province lures nine new projects",
     "Vinh Phuc province lures nine new projects (4 Jun 2020)"),
])
def test_short_names_and_table_cells(row, lang, name, cell):
    assert views.source_name(row, lang) == name
    assert views.source_cell(row, lang) == cell
    assert views.link_cell(row) == (row["source_url"] or "")


def test_no_line_ever_shows_a_file_name_or_an_unknown_outlet():
    frame = pd.DataFrame([SEED, SEED_MONTH, NAMED_SEED, WEB, UNDATED_WEB])
    for lang in ("vi", "en"):
        text = "\n".join(views.source_lines(frame, lang) + [views.source_cell(r, lang) for r in frame.to_dict("records")])
        assert ".txt" not in text and "không rõ" not in text and "seed" not in text


def test_a_source_listed_above_is_named_not_repeated():
    first, second = pd.DataFrame([SEED, WEB]), pd.DataFrame([WEB, NAMED_SEED, SEED])
    full = views.source_list_text(first, "vi")
    assert full.startswith("Nguồn:") and full.count("\n") == 2
    listed = {"seed_003", "ref_vietnamplus_en_2020"}
    again = views.source_list_text(second, "vi", listed)
    assert again.count("Phát triển bền vững khu công nghiệp") == 1  # the new source in full
    assert "Vinh Phuc province" not in again and "bản tiếng Anh" in again  # the listed ones by name
    assert "bài báo ngày 16/8/2024" in again
    only_listed = views.source_list_text(first, "en", listed)
    assert only_listed == "Sources: as listed above (article of 16 Aug 2024; VietnamPlus \\(English edition\\))"


def source_captions(at) -> list[str]:
    return [c.value for c in at.caption if re.match(r"(Nguồn|Sources)[:\s]", c.value)]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_fdi_page_lists_each_source_in_full_once(built_db, lang):
    at = open_app_page("app_pages/foreign_investment.py", lang=lang)
    assert not at.exception
    captions = source_captions(at)
    lines = [line for caption in captions for line in caption.split("  \n")[1:]]  # after the heading line
    full = [line for line in lines if not re.match(r"(Cùng|With the sources)", line)]
    assert full and len(full) == len(set(full)), "each source is listed in full once on the page"
    assert len(captions) >= 4
    later = "\n".join(captions[1:])
    assert ("như đã liệt kê ở trên" if lang == "vi" else "as listed above") in later or \
           ("Cùng các nguồn" if lang == "vi" else "With the sources") in later
    everything = "\n".join(c.value for c in at.caption)
    assert ".txt" not in everything and "(không rõ)" not in everything
