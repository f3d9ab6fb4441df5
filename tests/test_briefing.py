"""The meeting briefing: a PDF with a title page, the status table and one page per key chart."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from provdash import briefing, exports
from provdash.queries import connect_readonly, run_query


@pytest.fixture(scope="module")
def query(built_db):
    con = connect_readonly(built_db)
    yield lambda name, **params: run_query(con, name, **params)
    con.close()


def test_sections_cover_the_key_charts(query):
    titles = [s.title for s in briefing.sections(query, "vi")]
    assert len(titles) == 4
    assert titles[0].startswith("Tỷ trọng kinh tế số")
    summaries = " ".join(s.summary for s in briefing.sections(query, "vi"))
    assert "42,92 %" in summaries


@pytest.mark.parametrize("lang, words", [("vi", "Báo cáo nhanh"), ("en", "Briefing")])
def test_text_only_briefing_has_every_page_and_reads_in_the_language(query, lang, words):
    steps = []
    pdf = briefing.render_pdf(briefing.sections(query, lang), briefing.status_rows(query, lang), lang,
                              progress=lambda f, s: steps.append(f), with_images=False)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 2 + 4  # title, status table (one page or more), four charts
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert words in text
    assert ("Thái Nguyên" in text) and ("Vĩnh Phúc" in text), "Vietnamese diacritics survive in the PDF"
    assert ("không có hình biểu đồ" in text.lower()) if lang == "vi" else ("no chart picture" in text.lower())
    assert steps[-1] == 1.0 and steps == sorted(steps)


@pytest.mark.skipif(not exports.image_export_available(), reason="no Chromium for Kaleido on this machine")
def test_briefing_with_chart_images(query):
    pdf, with_images = briefing.build(query, "vi")
    assert with_images
    reader = PdfReader(io.BytesIO(pdf))
    chart_pages = reader.pages[-4:]
    assert all(len(page.images) >= 1 for page in chart_pages)
