"""The meeting briefing: one PDF with a title page, the overview status table, and the key charts, each with
its one-sentence summary and sources, in Vietnamese (Be Vietnam Pro) or English.

# Load inputs: the same queries the pages run (passed in as `query`), the same pure chart builders.
# Process data: sections (title, summary, figure, sources); charts rendered once each by Kaleido.
# Save outputs: PDF bytes (fpdf2). No Streamlit here: the page shows progress through `progress`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

import pandas as pd
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from provdash import answers, compare, exports, statuses, targets
from provdash.figures import compare as compare_figures
from provdash.figures import base, overview, trajectory
from provdash.i18n import t
from provdash.numbers import format_day

Query = Callable[..., pd.DataFrame]
Progress = Callable[[float, str], None]
JURISDICTIONS = ["thai_nguyen", "thai_nguyen_2025", "vinh_phuc", "phu_tho_2025"]
PERIOD = dict(start=date(2015, 1, 1), end=date(2030, 12, 31))


@dataclass
class Section:
    title: str
    summary: str
    figure: object | None
    sources: str
    caveats: list[str] = field(default_factory=list)


def font_files() -> tuple[Path, Path]:
    """Be Vietnam Pro (drawn for Vietnamese diacritics), shipped as a Python package."""
    import fontpkg_be_vietnam_pro

    folder = Path(fontpkg_be_vietnam_pro.__file__).parent / "files"
    return folder / "BeVietnamPro-Regular.ttf", folder / "BeVietnamPro-Bold.ttf"


# ----------------------------------------------------------------------------------------------- sections


def digital_economy_section(query: Query, lang: str) -> Section | None:
    frame = query("indicator_observations", indicator="digital_economy_share_grdp", jurisdictions=JURISDICTIONS,
                  **PERIOD)
    if frame.empty:
        return None
    stored = targets.from_store(query("target_progress_of", indicators=["digital_economy_share_grdp"],
                                      jurisdictions=JURISDICTIONS))
    figure, assessments = trajectory.trajectory(frame, lang, title=t("de_share_title", lang),
                                                y_title=t("de_share_y", lang), source_text=base.sources_text(frame, lang),
                                                assessments=stored)
    caveats = [t("de_method_break", lang)] if frame[frame["kind"] == "actual"]["method"].nunique() > 1 else []
    return Section(t("de_share_title", lang), trajectory.summary_sentence(assessments, "%", lang), figure,
                   base.sources_text(frame, lang), caveats)


def indicator_section(query: Query, lang: str, indicator: str, title_key: str, y_title: str) -> Section | None:
    """A trajectory of one indicator for both provinces (used for FDI capital and industrial-zone area)."""
    frame = query("indicator_observations", indicator=indicator, jurisdictions=JURISDICTIONS, **PERIOD)
    if frame.empty:
        return None
    stored = targets.from_store(query("target_progress_of", indicators=[indicator], jurisdictions=JURISDICTIONS))
    figure, assessments = trajectory.trajectory(frame, lang, title=t(title_key, lang), y_title=y_title,
                                                source_text=base.sources_text(frame, lang), show_projection=False,
                                                assessments=stored)
    unit = base.localised(frame.iloc[0], "unit_label", lang)
    summary = trajectory.summary_sentence(assessments, unit, lang) if not assessments.empty else ""
    if not summary:
        latest = frame[frame["kind"] == "actual"].sort_values("period_end").groupby("jurisdiction").tail(1)
        summary = "; ".join(
            f"{base.localised(r, 'jurisdiction_name', lang)}: "
            f"{base.qualified_value_text(r['value'], base.localised(r, 'unit_label', lang), base.localised(r, 'qualifier_label', lang), lang)}"
            f" ({r['period_label']}" + (f", {base.localised(r, 'scope_label', lang)}" if r["scope"] != "province" else "") + ")"
            for _, r in latest.iterrows()) + "."
    caveats = []
    if (frame["scope"] == "industrial_zones").any():
        caveats.append(t("brief_kcn_caveat", lang))
    return Section(t(title_key, lang), summary, figure, base.sources_text(frame, lang), caveats)


def comparison_section(query: Query, lang: str, indicator: str = "dti_rank") -> Section | None:
    """Both provinces on one scale for one indicator, with the compare page's own caveats and summary."""
    values = query("compare_values", indicator=indicator, jurisdictions=compare.COMPARED_JURISDICTIONS)
    if values.empty:
        return None
    title = t("brief_rank_title", lang)
    figure = compare_figures.comparison(values, lang, title=title, source_text=base.sources_text(values, lang))
    return Section(title, compare.summary_sentence(values, lang), figure, base.sources_text(values, lang),
                   compare.caveat_texts(values, lang))


def sections(query: Query, lang: str) -> list[Section]:
    """The key charts, in meeting order: digital economy, FDI, industrial zones, comparison."""
    built = [
        digital_economy_section(query, lang),
        indicator_section(query, lang, "fdi_registered_capital", "brief_fdi_title", t("brief_usd_bn", lang)),
        indicator_section(query, lang, "kcn_area", "brief_zones_title", "ha"),
        comparison_section(query, lang),
    ]
    return [s for s in built if s is not None]


def status_rows(query: Query, lang: str) -> pd.DataFrame:
    """Every target with its status and what it rests on (a superseded one says only since when)."""
    rows = targets.from_store(query("target_progress_all")).to_dict("records")
    return pd.DataFrame({
        t("col_indicator", lang): [f"{overview.target_heading(r, lang)}" for r in rows],
        t("col_jurisdiction", lang): [r["jurisdiction_name_en"] if lang == "en" else r["jurisdiction_name"] for r in rows],
        t("ov_col_target", lang): [statuses.target_text(r, lang) for r in rows],
        t("ov_col_status", lang): [statuses.brief(r, lang) for r in rows],
    })


def board_cells(board: answers.Board, lang: str) -> list[list[str]]:
    """The answer board as table rows for the PDF: a header with the provinces, one row per question."""
    header = [""] + [line.name for line in board.answers[0].lines]
    rows = [header]
    for answer in board.answers:
        cells = [answer.title]
        for line in answer.lines:
            first = answer.empty_text if line.headline is None else (
                f"{line.headline.text()} · {line.headline.source}")
            cells.append("\n".join([first, line.status_text] + line.notes + line.extra))
        rows.append(cells)
    return rows


_ICONS = re.compile("[" + "".join(statuses.ICONS.values()) + r"]\s*")
FALLBACK_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # has the status icons; Debian's fonts-dejavu


class _Briefing(FPDF):
    def __init__(self, lang: str, footer_text: str):
        super().__init__(orientation="L", unit="mm", format="A4")
        regular, bold = font_files()
        self.add_font("BeVietnamPro", "", str(regular))
        self.add_font("BeVietnamPro", "B", str(bold))
        self.has_icons = FALLBACK_FONT.is_file() and FALLBACK_FONT.with_name("DejaVuSans-Bold.ttf").is_file()
        if self.has_icons:  # Be Vietnam Pro has no ✔ ≠ ↪: those glyphs come from DejaVu Sans
            self.add_font("DejaVuSans", "", str(FALLBACK_FONT))
            self.add_font("DejaVuSans", "B", str(FALLBACK_FONT.with_name("DejaVuSans-Bold.ttf")))
            self.set_fallback_fonts(["DejaVuSans"])
        self.set_auto_page_break(auto=True, margin=14)
        self.footer_text = footer_text
        self.lang = lang

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font("BeVietnamPro", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, f"{self.footer_text} · {self.page_no()}", align="R")


def render_pdf(parts: list[Section], status: pd.DataFrame, lang: str, *, meta: dict | None = None,
               progress: Progress | None = None, with_images: bool = True, board: answers.Board | None = None) -> bytes:
    """The briefing as PDF bytes. Without a browser for image export, charts are replaced by a plain note."""
    report = progress or (lambda fraction, text: None)
    today = format_day(date.today(), lang)
    pdf = _Briefing(lang, t("brief_footer", lang, date=today))
    width = pdf.w - pdf.l_margin - pdf.r_margin

    # Title page
    pdf.add_page()
    pdf.set_font("BeVietnamPro", "B", 26)
    pdf.ln(35)
    pdf.multi_cell(width, 13, t("brief_title", lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("BeVietnamPro", "", 14)
    pdf.ln(4)
    pdf.multi_cell(width, 8, t("brief_subtitle", lang, date=today), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if meta:
        pdf.ln(6)
        pdf.set_font("BeVietnamPro", "", 10)
        pdf.set_text_color(80, 80, 80)
        pdf.multi_cell(width, 6, t("brief_meta", lang, **meta), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(0, 0, 0)
    if not with_images:
        pdf.ln(6)
        pdf.set_font("BeVietnamPro", "B", 11)
        pdf.multi_cell(width, 6, t("brief_no_browser", lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    report(0.1, t("brief_step_status", lang))

    # The answer board: where the two provinces stand, first
    if board is not None:
        pdf.add_page()
        pdf.set_font("BeVietnamPro", "B", 16)
        pdf.multi_cell(width, 9, t("ov_title", lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("BeVietnamPro", "", 10)
        cells = board_cells(board, lang)
        with pdf.table(col_widths=(0.18, 0.41, 0.41), text_align="LEFT", line_height=4.8, v_align="TOP",
                       padding=1.2, headings_style=_headings(pdf)) as table:
            for row in cells:
                table.row([_plain(pdf, cell) for cell in row])
        pdf.ln(2)
        pdf.multi_cell(width, 5, _plain(pdf, f"{t('board_compare_title', lang)}: {board.comparison}"),
                       new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    # Every target's status
    pdf.add_page()
    pdf.set_font("BeVietnamPro", "B", 16)
    pdf.cell(width, 10, t("ov_matrix", lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("BeVietnamPro", "", 10)
    widths = [0.3, 0.16, 0.12, 0.42]
    with pdf.table(col_widths=tuple(widths), text_align="LEFT", line_height=4.8, v_align="TOP",
                   headings_style=_headings(pdf)) as table:
        table.row([str(c) for c in status.columns])
        for row in status.itertuples(index=False):
            table.row([_plain(pdf, v) for v in row])

    # One page per key chart
    for index, part in enumerate(parts, start=1):
        report(0.1 + 0.85 * index / max(1, len(parts)), t("brief_step_chart", lang, title=part.title))
        pdf.add_page()
        pdf.set_font("BeVietnamPro", "B", 15)
        pdf.multi_cell(width, 8, part.title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("BeVietnamPro", "", 10.5)
        pdf.multi_cell(width, 5.5, part.summary, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1)
        if with_images and part.figure is not None:
            image = exports.figure_image(part.figure, "png", scale=2, width=1400, height=620)
            pdf.image(image, w=width, h=width * 620 / 1400)
        else:
            pdf.set_font("BeVietnamPro", "", 10)
            pdf.multi_cell(width, 6, t("brief_chart_missing", lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("BeVietnamPro", "", 8.5)
        for caveat in part.caveats:
            pdf.multi_cell(width, 4.5, "⚠ " + caveat if _has_glyph("⚠") else "! " + caveat,
                           new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(80, 80, 80)
        pdf.multi_cell(width, 4.5, part.sources, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(0, 0, 0)
    report(1.0, t("brief_step_done", lang))
    return bytes(pdf.output())


def _headings(pdf: FPDF):
    from fpdf.fonts import FontFace

    return FontFace(family="BeVietnamPro", emphasis="BOLD", fill_color=(230, 236, 242))


def _plain(pdf: _Briefing, text: object) -> str:
    """The text as the PDF can draw it: status icons kept when a font has them, else dropped (the words stay)."""
    return str(text) if pdf.has_icons else _ICONS.sub("", str(text))


def _has_glyph(character: str) -> bool:
    return False  # Be Vietnam Pro has no warning sign; a plain "!" keeps the line readable


def build(query: Query, lang: str, *, meta: dict | None = None, progress: Progress | None = None) -> tuple[bytes, bool]:
    """The briefing PDF and whether its charts could be rendered (False when the server has no browser)."""
    with_images = exports.image_export_available()
    return render_pdf(sections(query, lang), status_rows(query, lang), lang, meta=meta, progress=progress,
                      with_images=with_images, board=answers.from_store(query, lang)), with_images
