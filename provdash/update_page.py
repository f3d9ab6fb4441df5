"""The update page's Streamlit glue: session state kept across pages, the review table, what is stored already,
the preview of what will be written, the "propose a new indicator" form, and the save.

The logic lives in provdash.update (rows, checks, labels), provdash.period_choice (periods) and
provdash.curation (plan and save); this module only draws widgets and passes their values on.
"""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from provdash import curation, ui, update
from provdash.i18n import t
from provdash.validate import Problem
from provdash.views import escape_markdown

# Widgets whose values survive a visit to another page (Streamlit forgets a widget's state once it is not drawn)
KEPT_WIDGETS = ("up_mode", "up_text", "up_source_title", "up_source_outlet", "up_source_url", "up_published")
KEPT_PREFIX = "_kept_"


def restore_kept_state() -> None:
    """Put back what the planner had typed before leaving the page."""
    for key in KEPT_WIDGETS:
        if key not in st.session_state and KEPT_PREFIX + key in st.session_state:
            st.session_state[key] = st.session_state[KEPT_PREFIX + key]


def keep_state() -> None:
    for key in KEPT_WIDGETS:
        if key in st.session_state:
            st.session_state[KEPT_PREFIX + key] = st.session_state[key]


def empty_date_default(key: str) -> dict:
    """`value=None` for a date input that starts empty, unless its value is in the session state already
    (passing both makes Streamlit warn)."""
    return {} if key in st.session_state else {"value": None}


def catalogue() -> update.Catalogue:
    return update.Catalogue.from_frame(ui.query("update_vocabulary"), st.session_state.get("up_proposed", []))


def start_review(text: str, published: date | None, catalogue: update.Catalogue, lang: str) -> None:
    """Extract from the text and start a fresh review table."""
    rows, suggested = update.candidate_rows(text, published, catalogue, lang)
    st.session_state["up_rows"] = rows
    st.session_state["up_spans"] = rows.attrs.get("spans", [])
    st.session_state["up_suggested"] = suggested
    st.session_state["up_text_extracted"] = text
    _new_editor()


def _new_editor(rows: pd.DataFrame | None = None) -> None:
    """A fresh review table (a new widget key), starting from `rows` when given: after the planner left the
    page or proposed an indicator, the table starts again from what was edited, never applying edits twice."""
    if rows is not None:
        st.session_state["up_rows"] = rows
    st.session_state["up_editor_generation"] = st.session_state.get("up_editor_generation", 0) + 1
    st.session_state.pop("up_edited", None)


def _editor_key() -> str:
    return f"up_editor_{st.session_state.get('up_editor_generation', 0)}"


def review_and_save(source: dict, catalogue: update.Catalogue, lang: str) -> None:
    """Candidates → review table → stored already? → preview → save. Returns early (never st.stop, so the app
    frame still draws)."""
    extracted_text = st.session_state.get("up_text_extracted", "")
    rows = st.session_state.get("up_rows")
    if rows is None:
        return
    if not extracted_text.strip():
        st.info(t("up_empty", lang))
        return
    if rows.empty:
        st.warning(t("up_no_numbers", lang))
        return
    if _editor_key() not in st.session_state and st.session_state.get("up_edited") is not None:
        _new_editor(st.session_state["up_edited"])   # back from another page: start from what was edited
        rows = st.session_state["up_rows"]

    ticked = int(rows["keep"].fillna(False).astype(bool).sum())
    st.success(t("up_found", lang, count=len(rows), ticked=ticked))
    with st.expander(t("up_highlighted", lang), expanded=False):
        with st.container(height=320):
            st.markdown(update.highlighted_markdown(extracted_text, st.session_state.get("up_spans", [])))

    st.subheader(t("up_review", lang))
    st.caption(t("up_review_help", lang))
    propose_indicator(catalogue, lang)
    edited = st.data_editor(rows, key=_editor_key(), num_rows="dynamic", hide_index=False, width="stretch",
                            column_config=update.editor_columns(catalogue, lang), placeholder="",
                            column_order=update.EDITOR_COLUMNS)
    st.session_state["up_edited"] = edited

    published = source.get("published")
    reviewed = update.review(edited, catalogue, published, lang, st.session_state.get("up_suggested"))
    if reviewed.problems:
        st.error(t("up_row_problems", lang, count=len(reviewed.problems)) + "\n\n"
                 + "\n".join(f"- {t('up_row', lang, row=n)}: {escape_markdown(m)}" for n, m in reviewed.problems))
    if reviewed.warnings:
        st.warning("\n".join(f"- {t('up_row', lang, row=n)}: {escape_markdown(m)}" for n, m in reviewed.warnings))

    probe = update.source_probe(source)
    decisions = {i: st.session_state.get(update.decision_key(n, row))
                 for i, (n, row) in enumerate(zip(reviewed.numbers, reviewed.rows))}
    plan = curation.plan_save(reviewed.rows, probe, {i: d for i, d in decisions.items() if d})
    show_source(plan, catalogue, lang)
    stored_already(plan, reviewed, catalogue, lang)
    preview(plan, reviewed, catalogue, lang)
    save_form(plan, reviewed, source, catalogue, lang)


def show_source(plan: curation.SavePlan, catalogue: update.Catalogue, lang: str) -> None:
    if not plan.source_is_new:
        known = plan.source
        st.info(t("up_source_known", lang, title=escape_markdown(known.get("title", "")),
                  outlet=escape_markdown(known.get("outlet", "") or "–"), source=known["source_id"],
                  why=t(f"up_source_known_{plan.reused_because}", lang)))


def stored_already(plan: curation.SavePlan, reviewed: update.Reviewed, catalogue: update.Catalogue, lang: str) -> None:
    """Rows that match stored values, beside what is stored; a choice for those a planner may decide."""
    matched = [p for p in plan.rows if p.status != curation.NEW]
    if not matched:
        return
    st.subheader(t("up_stored_heading", lang))
    st.caption(t("up_stored_help", lang))
    number = {i: n for i, n in enumerate(reviewed.numbers)}
    table = pd.DataFrame({
        "#": [number[p.index] for p in matched],
        t("up_col_indicator", lang): [catalogue.label("indicator", p.row["indicator"], lang) for p in matched],
        t("up_col_jurisdiction", lang): [catalogue.label("jurisdiction", p.row["jurisdiction"], lang) for p in matched],
        t("up_col_period_words", lang): [p.row["period_label"] for p in matched],
        t("up_col_kind", lang): [t("kind_" + p.row["kind"], lang) for p in matched],
        t("up_stored_new", lang): [update.stored_text({**p.row, "source_title": t("up_this_article", lang)},
                                                      catalogue, lang) for p in matched],
        t("up_stored_old", lang): ["; ".join(update.stored_text(s, catalogue, lang) for s in p.stored) for p in matched],
        t("up_stored_status", lang): [t(f"up_status_{p.status}", lang) for p in matched],
    })
    st.table(table.set_index("#"))
    for p in matched:
        if p.status not in curation.CHOOSABLE:
            continue
        row_number = number[p.index]
        key = update.decision_key(row_number, p.row)
        options = [curation.SKIP, curation.KEEP]
        st.radio(t(f"up_choice_{p.status}", lang, row=row_number,
                   indicator=escape_markdown(catalogue.label("indicator", p.row["indicator"], lang))),
                 options, key=key, horizontal=True, index=None if p.status == curation.DIFFERENT else 0,
                 format_func=lambda o, s=p.status: t(f"up_choice_{s}_{o}", lang))


def preview(plan: curation.SavePlan, reviewed: update.Reviewed, catalogue: update.Catalogue, lang: str) -> None:
    """Exactly the rows that saving will append, as people read them."""
    st.subheader(t("up_preview_heading", lang))
    written = [p for p in plan.rows if p.decision == curation.KEEP]
    if not written:
        st.info(t("up_preview_nothing", lang))
        return
    numbers = [reviewed.numbers[p.index] for p in written]
    where = t("up_preview_source_new", lang) if plan.source_is_new else t("up_preview_source_known", lang,
                                                                           source=plan.source["source_id"])
    st.caption(t("up_preview_count", lang, count=len(written), where=where))
    # A plain table, not a data grid: every word is on screen (and in the page's text) without scrolling a grid
    st.table(update.row_table([p.row for p in written], numbers, catalogue, lang).set_index("#"))


def propose_indicator(catalogue: update.Catalogue, lang: str) -> None:
    """The form for an indicator the catalogue lacks; it becomes a choice in the table at once and is saved
    (and checked, and logged) with the first row that uses it."""
    with st.expander(t("up_new_heading", lang)):
        st.caption(t("up_new_help", lang))
        with st.form("up_new_form", clear_on_submit=False):
            left, right = st.columns(2)
            fields = {
                "title_vi": left.text_input(t("up_new_title_vi", lang), max_chars=120, key="up_new_title_vi"),
                "title_en": right.text_input(t("up_new_title_en", lang), max_chars=120, key="up_new_title_en"),
                "unit": left.selectbox(t("up_new_unit", lang), catalogue.ids("unit"), index=None, key="up_new_unit",
                                       format_func=lambda u: catalogue.label("unit", u, lang),
                                       placeholder=t("up_choose", lang)),
                "category": right.selectbox(t("up_new_category", lang), catalogue.categories(), index=None,
                                            key="up_new_category", placeholder=t("up_choose", lang),
                                            format_func=update.category_labels(catalogue, lang).get),
                "type": left.selectbox(t("up_new_type", lang), update.INDICATOR_TYPES, index=None, key="up_new_type",
                                       placeholder=t("up_choose", lang),
                                       format_func=update.choice_labels(update.INDICATOR_TYPES, "up_type_", lang).get),
                "measure": right.selectbox(t("up_new_measure", lang), update.MEASURES, index=None,
                                           key="up_new_measure", placeholder=t("up_choose", lang),
                                           format_func=update.choice_labels(update.MEASURES, "up_measure_", lang).get),
                "direction": left.selectbox(t("up_new_direction", lang), update.DIRECTIONS, index=None,
                                            key="up_new_direction", placeholder=t("up_choose", lang),
                                            format_func=update.choice_labels(update.DIRECTIONS, "up_direction_",
                                                                             lang).get),
                "definition": right.text_input(t("up_new_definition", lang), max_chars=300, key="up_new_definition"),
            }
            submitted = st.form_submit_button(t("up_new_add", lang))
        if submitted:
            row, problems = update.proposed_indicator(fields, catalogue, lang)
            if problems:
                st.error("\n".join(f"- {escape_markdown(p)}" for p in problems))
            else:
                st.session_state["up_proposed"] = st.session_state.get("up_proposed", []) + [row]
                _new_editor(st.session_state.get("up_edited"))   # the new choice needs a fresh table
                st.session_state["up_new_added"] = row["title_en" if lang == "en" else "title_vi"]
                st.rerun()
        if st.session_state.get("up_new_added"):
            st.success(t("up_new_added", lang, title=escape_markdown(st.session_state.pop("up_new_added"))))


def save_form(plan: curation.SavePlan, reviewed: update.Reviewed, source: dict, catalogue: update.Catalogue,
              lang: str) -> None:
    st.subheader(t("up_save_heading", lang))
    expected = ui.planner_secret()
    if expected is None:
        st.info(t("up_no_secret_configured", lang))
        return
    with st.form("up_save_form"):
        saved_by = st.text_input(t("up_saved_by", lang), max_chars=80, key="up_saved_by")
        secret = st.text_input(t("up_secret", lang), type="password", key="up_secret")
        submitted = st.form_submit_button(t("up_save", lang), type="primary")
    if not submitted:
        return
    complete = update.source_row(source)
    if plan.source_is_new and complete is None:
        typed = str(source.get("url") or "").strip()
        st.error(t("up_bad_url", lang, url=escape_markdown(typed)) if typed and update.source_url(typed) is None
                 else t("up_need_title", lang))
        return
    if reviewed.problems:
        st.error(t("up_fix_first", lang, count=len(reviewed.problems)))
        return
    if not reviewed.rows:
        st.error(t("up_nothing_ticked", lang))
        return
    if plan.undecided:
        rows = ", ".join(str(reviewed.numbers[p.index]) for p in plan.undecided)
        st.error(t("up_choose_first", lang, rows=rows))
        return
    decisions = {p.index: p.decision for p in plan.rows}
    try:
        result = curation.save(reviewed.rows, complete or update.source_probe(source), saved_by, secret=secret,
                               expected_secret=expected, decisions=decisions,
                               new_indicators=st.session_state.get("up_proposed", []))
    except curation.AccessDenied as err:
        st.error(t(f"up_denied_{err.reason}", lang))
        return
    if result.saved:
        message = t("up_success", lang, count=result.rows_added, source=result.source_id)
        if result.source_reused:
            message += " " + t("up_success_reused", lang)
        if result.skipped:
            message += " " + t("up_success_skipped", lang, count=result.skipped)
        if result.indicators_added:
            message += " " + t("up_success_indicators", lang, count=len(result.indicators_added))
            st.session_state["up_proposed"] = [p for p in st.session_state.get("up_proposed", [])
                                               if p["indicator"] not in result.indicators_added]
        st.success(message)
    elif result.nothing_new:
        st.info(t("up_nothing_new", lang, count=result.skipped))
    else:
        st.error(t("up_problems", lang, count=len(result.problems)))
        st.code("\n".join(_problem_text(p, reviewed, lang) for p in result.problems[:100]), language=None)


def _problem_text(problem: Problem, reviewed: update.Reviewed, lang: str) -> str:
    """A problem the full check found, located in the planner's terms (the table's row number)."""
    if problem.file == "new rows" and problem.line and 0 < problem.line <= len(reviewed.numbers):
        where = t("up_row", lang, row=reviewed.numbers[problem.line - 1])
        return f"{where}{', ' + problem.field if problem.field else ''}: {problem.message}"
    if problem.file == "new indicator":
        return f"{t('up_new_heading', lang)}: {problem.field or ''} {problem.message}"
    return str(problem)


# --- the spreadsheet import ------------------------------------------------------------------------------


def spreadsheet_import(lang: str) -> None:
    """Template to download; a workbook (or CSV of observations) to upload, read and checked at once; the rows to
    be written shown; imported with the planner secret, all or nothing."""
    from provdash import exports, importer, paths

    st.write(t("up_sheet_intro", lang))
    st.download_button(t("up_sheet_template", lang), lambda: importer.template_workbook(importer.vocabulary()),
                       file_name="mau-nhap-so-lieu.xlsx", mime=exports.XLSX_MIME, key="up_sheet_template",
                       on_click="ignore", icon=":material/download:")
    uploaded = st.file_uploader(t("up_sheet_file", lang), type=["xlsx", "csv"], key="up_sheet_file",
                                max_upload_size=25)   # a larger file reaches our own check, said in the page's language
    if uploaded is None:
        return
    data, name = uploaded.getvalue(), uploaded.name
    batch = importer.read_file(data, name, lang)
    if not batch.problems:
        importer.compare_with_store(batch, paths.DATA_DIR, lang)
    if batch.conversions:
        with st.expander(t("up_sheet_conversions", lang, count=len(batch.conversions)), expanded=False):
            st.markdown("\n".join(f"- {escape_markdown(c.text(lang))}" for c in batch.conversions[:200]))
    if batch.problems:
        st.error(t("up_sheet_problems", lang, count=len(batch.problems)) + "\n\n" +
                 "\n".join(f"- {escape_markdown(p.text(lang))}" for p in batch.problems[:200]))
        return
    if not batch.observations and not batch.sources:
        st.info(t("up_sheet_nothing_new", lang, count=batch.skipped))
        return
    st.subheader(t("up_preview_heading", lang))
    st.caption(t("up_sheet_count", lang, rows=len(batch.observations), sources=len(batch.sources),
                 skipped=batch.skipped))
    catalogue_now = catalogue()
    table = update.row_table(batch.observations, batch.observation_rows, catalogue_now, lang)
    st.table(table.head(200).set_index("#"))
    expected = ui.planner_secret()
    if expected is None:
        st.info(t("up_no_secret_configured", lang))
        return
    with st.form("up_sheet_form"):
        saved_by = st.text_input(t("up_saved_by", lang), max_chars=80, key="up_sheet_saved_by")
        secret = st.text_input(t("up_secret", lang), type="password", key="up_sheet_secret")
        submitted = st.form_submit_button(t("up_sheet_import", lang), type="primary")
    if not submitted:
        return
    try:
        curation.check_secret(secret, expected)
    except curation.AccessDenied as err:
        st.error(t(f"up_denied_{err.reason}", lang))
        return
    batch, result = importer.import_file(data, name, saved_by, lang=lang)
    if result is not None and result.saved:
        st.success(t("up_sheet_success", lang, count=result.rows_added, sources=len(result.sources_added),
                     skipped=batch.skipped))
    elif result is not None and result.nothing_new:
        st.info(t("up_sheet_nothing_new", lang, count=batch.skipped))
    else:
        st.error(t("up_sheet_problems", lang, count=len(batch.problems)) + "\n\n" +
                 "\n".join(f"- {escape_markdown(p.text(lang))}" for p in batch.problems[:200]))
