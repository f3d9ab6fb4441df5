"""The overview page's tables: the status matrix, the list of targets without comparable data, and the detailed
target table.

Pure: the assessment table of provdash.targets in, plain data out (no Streamlit). All numbers are formatted
the Vietnamese way; every status is an icon plus words plus what it rests on (provdash.statuses.sentence), so
no cell ever says a bare "Đã đạt". Scope is named in words when it is not the whole province.
"""
from __future__ import annotations

import pandas as pd

from provdash import progress, statuses
from provdash.figures import base
from provdash.figures.trajectory import pace_text
from provdash.i18n import t
from provdash.numbers import format_day

ORDER = ["thai_nguyen", "thai_nguyen_2025", "vinh_phuc", "phu_tho_2025"]


def _name(row, column: str, lang: str) -> str:
    return row[f"{column}_en"] if lang == "en" else row[column]


def target_text(row: pd.Series | dict, lang: str) -> str:
    """"trên 30 %", "nhóm 15 dẫn đầu", "3.000 doanh nghiệp" — the target as the source hedges it."""
    return statuses.target_text(row, lang)


def scope_suffix(row: pd.Series | dict, lang: str) -> str:
    """" · không kể Tổ hợp Samsung" when the target is not for the whole province; '' otherwise."""
    if row.get("scope", "province") == "province":
        return ""
    return " · " + (base.localised(row, "scope_label", lang) or str(row["scope"]))


def target_heading(row: pd.Series | dict, lang: str) -> str:
    """"Tỷ trọng ngành công nghiệp trong GRDP (2030) · không kể Tổ hợp Samsung"."""
    return f"{_name(row, 'indicator_name', lang)} ({statuses.target_years(row)}){scope_suffix(row, lang)}"


def latest_text(row: pd.Series | dict, lang: str) -> str:
    if row["latest_value"] is None or pd.isna(row["latest_value"]):
        return "–"
    return statuses.amount(row["latest_value"], row, lang)


def latest_when(row: pd.Series | dict, lang: str) -> str:
    evidence = statuses.targets.evidence(row)
    if evidence:
        first = evidence[0]
        return statuses.period_name(pd.Timestamp(first["start"]).date(), pd.Timestamp(first["end"]).date(), lang)
    day = row.get("latest_date")
    return format_day(day, lang) if day is not None and not pd.isna(day) else ""


def status_matrix(assessments: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Targets (indicator, years, scope in words) down the side, provinces across; each cell the target and its
    status with evidence."""
    if assessments.empty:
        return pd.DataFrame()
    frame = assessments.copy()
    rows = frame.to_dict("records")  # plain records: a national store has thousands of targets
    frame["target"] = [target_heading(r, lang) for r in rows]
    frame["place"] = [_name(r, "jurisdiction_name", lang) for r in rows]
    frame["cell"] = [f"{target_text(r, lang)}: {statuses.brief(r, lang)}" for r in rows]
    matrix = frame.pivot_table(index="target", columns="place", values="cell", aggfunc=lambda cells: " / ".join(cells))
    matrix = matrix.reindex(list(dict.fromkeys(frame["target"])))
    places = list(dict.fromkeys(frame.sort_values("jurisdiction", key=_jurisdiction_order)["place"]))
    matrix = matrix[[p for p in places if p in matrix.columns]]
    matrix.index.name = t("ov_col_target", lang)
    matrix.columns.name = None
    return matrix.fillna("").reset_index()


def _jurisdiction_order(ids: pd.Series) -> pd.Series:
    return ids.map(lambda j: ORDER.index(j) if j in ORDER else len(ORDER))


def detail_table(assessments: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every target with its status and evidence, latest actual, gap and paces: the overview's full table."""
    rows = assessments.to_dict("records")
    reached = [r["status"] in progress.REACHED or r["status"] == progress.SUPERSEDED for r in rows]
    return pd.DataFrame({
        t("col_indicator", lang): [f"{_name(r, 'indicator_name', lang)}{scope_suffix(r, lang)}" for r in rows],
        t("col_jurisdiction", lang): [_name(r, "jurisdiction_name", lang) for r in rows],
        t("ov_col_target", lang): [target_text(r, lang) for r in rows],
        t("ov_col_year", lang): [statuses.target_years(r) for r in rows],
        t("ov_col_status", lang): [statuses.sentence(r, lang) for r in rows],
        t("ov_col_latest", lang): [latest_text(r, lang) for r in rows],
        t("ov_col_latest_date", lang): [latest_when(r, lang) for r in rows],
        t("ov_col_gap", lang): ["–" if done else gap_text(r, lang) for r, done in zip(rows, reached)],
        t("ov_col_pace_needed", lang): ["–" if done else pace_text(r["pace_needed"], r["pace_unit"], lang)
                                        for r, done in zip(rows, reached)],
        t("ov_col_pace_achieved", lang): [pace_text(r["pace_achieved"], r["pace_unit"], lang) for r in rows],
    })


def gap_text(row: pd.Series | dict, lang: str) -> str:
    if row["gap"] is None or pd.isna(row["gap"]) or row["status"] in progress.REACHED:
        return "–"
    if str(row["unit"]).startswith("rank_of_"):
        return t("rank_gap", lang, places=base.value_text(abs(row["gap"]), "", lang))
    return statuses.amount(row["gap"], row, lang)


def status_counts(assessments: pd.DataFrame) -> dict[str, int]:
    """How many targets have each status, in the vocabulary's order; statuses no target has are left out."""
    counts = assessments["status"].value_counts()
    return {status: int(counts[status]) for status in progress.STATUSES if status in counts}


def count_summary(assessments: pd.DataFrame, lang: str) -> str:
    """"35 mục tiêu: ↪ Thay thế do sáp nhập 33; ≠ Các phương pháp cho kết quả khác nhau 1; … Chưa đủ số liệu 1."""
    parts = [f"{statuses.label(status, lang)}: {count}" for status, count in status_counts(assessments).items()]
    return t("ov_count_summary", lang, total=len(assessments), statuses="; ".join(parts))


def without_data(assessments: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The targets that cannot be judged for lack of comparable actuals, as one short table."""
    rows = assessments[assessments["status"] == progress.NOT_ENOUGH_DATA].to_dict("records")
    return pd.DataFrame({
        t("ov_col_target", lang): [f"{target_heading(r, lang)}: {target_text(r, lang)}" for r in rows],
        t("col_jurisdiction", lang): [_name(r, "jurisdiction_name", lang) for r in rows],
        t("ov_col_status", lang): [statuses.reasons(r, lang) for r in rows],
    })
