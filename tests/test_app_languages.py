"""Every page speaks one language: an English page shows no Vietnamese words but names and what it quotes, and a
Vietnamese page shows none of the curators' English notes. AppTest of every page in both languages, normally
and on every presenter slide, over the widest year range, and of every indicator of the compare page."""
from __future__ import annotations

import json
import re

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from provdash import present
from tests.conftest import open_app_page

PAGES = ["app_pages/home.py", "app_pages/overview.py", "app_pages/digital_economy.py", "app_pages/foreign_investment.py",
         "app_pages/industrial_zones.py", "app_pages/compare.py", "app_pages/timeline.py", "app_pages/sources.py", "app_pages/update.py"]
WIDEST = {"from": "2015", "to": "2050"}
VIETNAMESE_LETTER = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
VIETNAMESE_WORD = re.compile(rf"[^\W\d_]*[{VIETNAMESE_LETTER}][^\W\d_]*", re.IGNORECASE)
# Names that keep their Vietnamese spelling in English, besides those the database holds (places, outlets).
NAMES = ["Tiếng Việt", "Ngôn ngữ / Language", "Sông Công", "QĐ-UBND"]
# What a page quotes is in the source's language: a span in quotation marks.
QUOTED = re.compile(r"'[^'\n]{1,200}'|«[^»\n]{0,200}»|“[^”\n]{0,200}”|\"[^\"\n]{1,200}\"")
URL = re.compile(r"https?://\S+")


def _strings(message) -> list[str]:
    """Every string in a protobuf message (a Plotly figure's JSON opened up)."""
    found = []
    for field, value in message.ListFields():
        values = value if field.is_repeated else [value]
        for item in values:
            if isinstance(item, str):
                found += _json_strings(json.loads(item)) if field.name == "spec" else [item]
            elif hasattr(item, "ListFields"):
                found += _strings(item)
    return found


def _json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _json_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _json_strings(v)]
    return []


def page_texts(at: AppTest) -> list[str]:
    """Everything the page puts on screen (and in tooltips and chart hovers), sidebar included."""
    texts: list[str] = []

    def walk(node) -> None:
        for child in getattr(node, "children", {}).values():
            value = getattr(child, "value", None) if child.type in ("arrow_data_frame", "table") else None
            if isinstance(value, pd.DataFrame):
                texts.extend(str(c) for c in value.columns)
                texts.extend(str(v) for v in value.astype(str).to_numpy().ravel())
            elif getattr(child, "proto", None) is not None:
                texts.extend(_strings(child.proto))
            walk(child)

    walk(at.main)
    walk(at.sidebar)
    return texts


@pytest.fixture(scope="module")
def vocabulary(built_db) -> dict[str, list[str]]:
    """From the database: what may stay Vietnamese on an English page, and what is English only."""
    con = duckdb.connect(str(built_db), read_only=True)
    try:
        def column(sql: str) -> list[str]:
            return [r[0] for r in con.execute(sql).fetchall() if r[0]]
        places = column("SELECT name_vi FROM jurisdictions") + column("SELECT name_en FROM jurisdictions")
        names = (column("SELECT title FROM sources") + column("SELECT quote FROM observation_facts")
                 + column("SELECT quote FROM events") + places + [re.sub(r"\s*\(.*\)$", "", p) for p in places]
                 + column("SELECT DISTINCT source_outlet_label_en FROM observations") + NAMES)
        titles = column("SELECT title FROM sources")
        english = (column("SELECT DISTINCT note FROM observation_facts") + column("SELECT note FROM events")
                   + column("SELECT date_label_en FROM events")
                   + [label for label in column("SELECT DISTINCT period_label_en FROM observation_facts")
                      if re.search(r"[A-Za-z]{2}", label)])
    finally:
        con.close()
    return {"names": sorted(set(names), key=len, reverse=True), "english": sorted(set(english)),
            "titles": sorted(titles, key=len, reverse=True)}


# Charts shorten long texts: a hover's title ("Vĩnh Phúc đứng thứ 5 cả nước về tỷ trọng kinh tế số trên GR…"), the
# source line under a title ("Nguồn: …; Thời báo Tài chính (Eng…"). The start of a name before "…" is a name.
def _unshortened(text: str, names: list[str]) -> str:
    pieces = text.split("…")
    for i, piece in enumerate(pieces[:-1]):
        cut = max((k for name in names for k in range(min(len(name), len(piece)), 0, -1)
                   if piece.endswith(name[:k])), default=0)
        pieces[i] = piece[:len(piece) - cut]
    return " ".join(pieces)


def vietnamese_words(texts: list[str], vocabulary: dict) -> list[str]:
    """Words with Vietnamese letters left after taking out names, titles, quotations and web addresses."""
    found = []
    for text in texts:
        plain = re.sub(r"\\(.)", r"\1", text)  # Markdown escapes
        plain = URL.sub(" ", plain)
        plain = _unshortened(plain, vocabulary["names"])
        for name in vocabulary["names"]:
            plain = plain.replace(name, " ")
        plain = QUOTED.sub(" ", plain)
        found += [f"{m.group(0)!r} in …{plain[max(0, m.start() - 50):m.end() + 50]}…"
                  for m in VIETNAMESE_WORD.finditer(plain)]
    return list(dict.fromkeys(found))


def english_notes(texts: list[str], vocabulary: dict) -> list[str]:
    """The curators' English (notes, timing words, English period labels) found outside source titles."""
    joined = URL.sub(" ", "\n".join(re.sub(r"\\(.)", r"\1", text) for text in texts))
    for title in vocabulary["titles"]:
        joined = joined.replace(title, " ")
    return [e for e in vocabulary["english"] if e in joined] + (["(tiếng Anh)"] if "(tiếng Anh)" in joined else [])


def rendered(page: str, **query):
    """The page as shown normally, then each of its presenter slides: (query, AppTest) for every view."""
    at = open_app_page(page, **WIDEST, **query)
    yield dict(query), at
    slide, slides = 1, 1
    while slide <= slides:
        at = open_app_page(page, **WIDEST, **query, present="1", slide=str(slide))
        slides = at.session_state[present.COUNTER_KEY]  # the page counts its slides as it runs
        yield dict(query, present="1", slide=slide), at
        slide += 1


def compare_indicators(built_db) -> list[str]:
    con = duckdb.connect(str(built_db), read_only=True)
    try:
        return [r[0] for r in con.execute(
            "SELECT DISTINCT indicator FROM observations WHERE kind = 'actual' AND jurisdiction IN "
            "('thai_nguyen', 'thai_nguyen_2025') INTERSECT SELECT DISTINCT indicator FROM observations "
            "WHERE kind = 'actual' AND jurisdiction IN ('vinh_phuc', 'phu_tho_2025') ORDER BY 1").fetchall()]
    finally:
        con.close()


@pytest.mark.parametrize("page", PAGES)
def test_english_pages_show_no_vietnamese_words_but_names_and_quotations(built_db, vocabulary, page):
    leaks = []
    for query, at in rendered(page, lang="en"):
        assert not at.exception, (page, query)
        leaks += [f"{query}: {leak}" for leak in vietnamese_words(page_texts(at), vocabulary)]
    assert not leaks, "\n".join(leaks[:30])


@pytest.mark.parametrize("page", PAGES)
def test_vietnamese_pages_show_no_english_notes(built_db, vocabulary, page):
    strays = []
    for query, at in rendered(page):
        assert not at.exception, (page, query)
        strays += [f"{query}: {stray}" for stray in english_notes(page_texts(at), vocabulary)]
    assert not strays, "\n".join(strays[:30])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_compare_indicator_speaks_the_page_language(built_db, vocabulary, lang):
    problems = []
    for indicator in compare_indicators(built_db):
        at = open_app_page("app_pages/compare.py", lang=lang, ind=indicator)
        assert not at.exception, indicator
        texts = page_texts(at)
        found = (vietnamese_words(texts, vocabulary) if lang == "en"
                 else english_notes(texts, vocabulary))
        problems += [f"{indicator}: {p}" for p in found]
    assert not problems, "\n".join(problems[:30])


def test_the_scan_finds_what_it_looks_for(vocabulary):
    """The checks above can fail: a period label, an unknown outlet and an English note are all caught."""
    texts = ["Latest: 42.92% (năm 2022)", "Source: (không rõ) — a title", "Ghi chú: " + vocabulary["english"][0]]
    leaks = vietnamese_words(texts, vocabulary)
    assert any("'năm'" in leak for leak in leaks) and any("'không'" in leak for leak in leaks)
    assert not vietnamese_words(["Thái Nguyên (before merger): 42.92% «năm 2022»"], vocabulary)
    assert english_notes(texts, vocabulary) == [vocabulary["english"][0]]
