"""The answer board on screen (Streamlit glue for provdash.answers): a grid with the two provinces across and
one row per question; each cell gives the latest value with year, method, place and linked source, the trend
line when there are two or more values, then the status in icon and words with its evidence, and short notes.

Kept in `st.container(key="answer_board")` so tests and the presenter can find it. Text from the data is
escaped (views.escape_markdown); the trend line is SVG made of numbers only, shown as an inline image with its
description as alternative text.
"""
from __future__ import annotations

import base64

import streamlit as st

from provdash import answers, ui
from provdash.i18n import t
from provdash.views import escape_markdown, safe_url

BOARD_KEY = "answer_board"


def build(lang: str) -> answers.Board:
    """The board from the store (for ui.memo: once per database version and language)."""
    return answers.from_store(ui.query, lang)


def _trend_image(line: answers.Line, lang: str) -> str:
    svg = answers.sparkline_svg(line.trend, line.trend_when)
    if not svg:
        return ""
    alt = escape_markdown(answers.trend_description(line, lang))
    return f" ![{alt}](data:image/svg+xml;base64,{base64.b64encode(svg.encode()).decode()})"


def line_markdown(line: answers.Line, empty_text: str, lang: str) -> str:
    """The cell's first paragraph — value, year, method, place, source (linked) and trend — then its status."""
    if line.headline is None:
        first = escape_markdown(empty_text)
    else:
        fact = line.headline
        link = safe_url(fact.url)
        source = f"[{escape_markdown(fact.source)}]({link})" if link else escape_markdown(fact.source)
        detail = f" · {escape_markdown(fact.detail)}" if fact.detail else ""
        # a trend line where the series has two values or more; said in words where it has only this one
        trend = _trend_image(line, lang) or f" · {escape_markdown(t('board_one_value', lang))}"
        first = f"**{escape_markdown(fact.value)}** {escape_markdown(fact.when)}{detail}{trend} · {source}"
    return f"{first}  \n{escape_markdown(line.status_text)}"


def _cell(container, line: answers.Line, empty_text: str, lang: str, presenting: bool) -> None:
    text = line_markdown(line, empty_text, lang)
    notes = [escape_markdown(note) for note in line.notes]
    if presenting:  # one paragraph (on the projector notes are read at the same size anyway), no side context
        container.markdown("  \n".join([text] + notes))
        return
    notes += [escape_markdown(note) for note in line.extra]
    container.markdown(text)
    if notes:
        container.caption("  \n".join(notes))


# Static CSS of ours (no data in it): the answer must fit the first screen at 1280×720 with the sidebar open, so the
# page starts higher, uses the width, and the board's paragraphs sit close together.
BOARD_CSS = """
<style>
[data-testid="stMainBlockContainer"] { padding: 2.6rem 1.75rem 4rem 1.75rem; }
[data-testid="stMain"] h1 { font-size: 1.75rem; padding: 0 0 0.2rem 0; }
.st-key-answer_board [data-testid="stMarkdownContainer"] p { margin-bottom: 0.05rem; font-size: 0.95rem; line-height: 1.45; }
.st-key-answer_board [data-testid="stCaptionContainer"] { opacity: 1; }
.st-key-answer_board [data-testid="stCaptionContainer"] p { margin-bottom: 0; font-size: 0.85rem; line-height: 1.4; color: #4a4a4a; }
.st-key-answer_board [class*="st-key-board_row_"] {
  border-top: 1px solid #d5d8de; padding-top: 0.35rem; }
</style>
"""
# In presenter mode (no sidebar, a room reading a projector) type is 20 px: the board drops its links and keeps
# its lines tight so that it still fits one 1280×720 slide.
PRESENTER_BOARD_CSS = """
<style>
.st-key-answer_board [data-testid="stMarkdownContainer"] p, .st-key-answer_board [data-testid="stCaptionContainer"] p {
  font-size: 20px !important; line-height: 1.18 !important; }
.st-key-answer_board [data-testid="stCaptionContainer"] p { color: #333333 !important; }
.st-key-answer_board [class*="st-key-board_row_"] { border-top: 1px solid #767676; padding-top: 0.15rem; }
.st-key-answer_board { padding: 0.45rem 1rem 0.5rem 1rem !important; gap: 0.3rem !important; }
[data-testid="stMain"] .st-key-board_title h1 { font-size: 32px !important; padding: 0 !important; line-height: 1.2 !important; }
</style>
"""
COLUMNS = [1.05, 2, 2]
PRESENTER_COLUMNS = [0.62, 2, 2]


def render(board: answers.Board, lang: str, presenting: bool = False) -> None:
    """The board as a grid: the provinces across, one row per question (title and a link to its page), then the
    sentence comparing the two."""
    st.html(PRESENTER_BOARD_CSS if presenting else BOARD_CSS)
    widths = PRESENTER_COLUMNS if presenting else COLUMNS
    with st.container(key=BOARD_KEY, border=True, gap="small"):
        head = st.columns(widths, gap="small", vertical_alignment="bottom")
        for column, line in zip(head[1:], board.answers[0].lines):
            column.markdown(f"**{escape_markdown(line.name)}**")
        for answer in board.answers:
            row = st.container(key=f"board_row_{answer.key}").columns(widths, gap="small")
            with row[0]:
                st.markdown(f"**{escape_markdown(answer.title)}**")
                if not presenting:
                    st.page_link(answer.page, label=t("board_more", lang), icon=":material/arrow_forward:",
                                 query_params={"j": board.places, "lang": lang})
            for column, line in zip(row[1:], answer.lines):
                _cell(column, line, answer.empty_text, lang, presenting)
        st.container(key="board_row_compare").markdown(f"**{escape_markdown(t('board_compare_title', lang))}:** {escape_markdown(board.comparison)}")
