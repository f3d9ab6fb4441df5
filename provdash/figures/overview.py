"""The overview page's pieces: headline cards, the status matrix and the detailed target table.

Pure: the assessment table of provdash.targets in, plain data out (no Streamlit). All numbers are formatted
the Vietnamese way and every status is an icon plus words.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import yaml

from provdash import paths, periods, progress
from provdash.figures import base
from provdash.figures.trajectory import pace_text, status_text
from provdash.i18n import t
from provdash.numbers import format_day

UNIT_LABELS = {  # display units of the indicators' canonical units, for targets and latest values
    "vi": {"pct": "%", "pct_change": "%", "pct_per_year": "%/năm", "usd_bn": "tỷ USD", "usd_mn": "triệu USD",
           "vnd_tn": "nghìn tỷ đồng", "vnd_bn": "tỷ đồng", "vnd_mn": "triệu đồng", "ha": "ha"},
    "en": {"pct": "%", "pct_change": "%", "pct_per_year": "%/year", "usd_bn": "billion USD", "usd_mn": "million USD",
           "vnd_tn": "trillion VND", "vnd_bn": "billion VND", "vnd_mn": "million VND", "ha": "ha"},
}
QUALIFIER_WORDS = {
    "vi": {"over": "trên", "about": "khoảng", "at_least": "tối thiểu", "nearly": "gần", "estimate": "ước",
           "top": "nhóm", "plan": "quy hoạch"},
    "en": {"over": "over", "about": "about", "at_least": "at least", "nearly": "nearly", "estimate": "est.",
           "top": "top", "plan": "planned"},
}


@dataclass(frozen=True)
class Card:
    heading: str
    status: str  # status id, for tests
    status_label: str  # icon and words
    latest: str
    pace: str
    note: str


@lru_cache(maxsize=1)
def headline_spec() -> list[dict]:
    config = yaml.safe_load((paths.ROOT / "config" / "headlines.yaml").read_text(encoding="utf-8"))
    return list(config["cards"])


def unit_label(unit: str, lang: str) -> str:
    if unit.startswith("rank_of_"):
        return ""
    return UNIT_LABELS["en" if lang == "en" else "vi"].get(unit, "")


def target_text(row: pd.Series | dict, lang: str) -> str:
    """"trên 30 %", "nhóm 15", "3.000" — the target as the source hedges it, in the indicator's unit."""
    words = QUALIFIER_WORDS["en" if lang == "en" else "vi"]
    text = base.value_text(row["target_value"], unit_label(row["unit"], lang), lang)
    qualifier = words.get(row["qualifier"], "")
    return f"{qualifier} {text}".strip()


def latest_text(row: pd.Series | dict, lang: str) -> str:
    if row["latest_value"] is None or pd.isna(row["latest_value"]):
        return "–"
    text = base.value_text(row["latest_value"], unit_label(row["unit"], lang), lang)
    if row["unit"].startswith("rank_of_"):
        text = t("rank_text", lang, rank=text, of=row["unit"].removeprefix("rank_of_"))
    return text


def _name(row, column: str, lang: str) -> str:
    return row[f"{column}_en"] if lang == "en" else row[column]


def reason_text(reason: str, lang: str) -> str:
    return t(f"ov_reason_{reason}", lang) if reason else ""


def headline_cards(assessments: pd.DataFrame, lang: str, spec: list[dict] | None = None) -> list[Card]:
    """One card per configured headline target that exists in the data, in the configured order."""
    cards = []
    for item in spec or headline_spec():
        match = assessments[(assessments["indicator"] == item["indicator"])
                            & (assessments["jurisdiction"] == item["jurisdiction"])
                            & (assessments["target_year"] == item["year"])]
        if match.empty:
            continue
        row = match.iloc[0]
        heading = t("ov_card_target", lang, indicator=_name(row, "indicator_name", lang),
                    jurisdiction=_name(row, "jurisdiction_name", lang), target=target_text(row, lang),
                    year=row["target_year"])
        if row["latest_value"] is None or pd.isna(row["latest_value"]):
            latest = t("ov_card_no_actual", lang)
        else:
            latest = t("ov_card_latest", lang, value=latest_text(row, lang),
                       period=periods.label(row, lang, "latest_label") or format_day(row["latest_date"], lang))
        pace = ""
        has_pace = pd.notna(row["pace_needed"]) or pd.notna(row["pace_achieved"])
        if row["pace_unit"] and has_pace and row["status"] not in (progress.ACHIEVED, progress.MET):
            pace = t("ov_card_pace", lang, needed=pace_text(row["pace_needed"], row["pace_unit"], lang),
                     achieved=pace_text(row["pace_achieved"], row["pace_unit"], lang))
        note = reason_text(row["reason"], lang)
        method = _name(row, "latest_method_label", lang)
        if isinstance(method, str) and method:
            note = "; ".join(part for part in (t("ov_card_method", lang, method=method), note) if part)
        cards.append(Card(heading, row["status"], status_text(row["status"], lang), latest, pace, note))
    return cards


def status_matrix(assessments: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Targets (indicator, year, scope) down the side, jurisdictions across, status with icon and words in cells."""
    if assessments.empty:
        return pd.DataFrame()
    frame = assessments.copy()
    rows = frame.to_dict("records")  # plain records: a national store has thousands of targets
    frame["target"] = [
        f"{_name(r, 'indicator_name', lang)} ({r['target_year']})"
        + (f" · {r['scope']}" if r["scope"] != "province" else "") for r in rows]
    frame["place"] = [_name(r, "jurisdiction_name", lang) for r in rows]
    frame["cell"] = [f"{status_text(r['status'], lang)} — {target_text(r, lang)}" for r in rows]
    matrix = frame.pivot_table(index="target", columns="place", values="cell", aggfunc=lambda cells: " / ".join(cells))
    matrix = matrix.reindex(list(dict.fromkeys(frame["target"])))
    places = list(dict.fromkeys(frame.sort_values("jurisdiction", key=_jurisdiction_order)["place"]))
    matrix = matrix[[p for p in places if p in matrix.columns]]
    matrix.index.name = t("ov_col_target", lang)
    matrix.columns.name = None
    return matrix.fillna("").reset_index()


def _jurisdiction_order(ids: pd.Series) -> pd.Series:
    order = ["thai_nguyen", "thai_nguyen_2025", "vinh_phuc", "phu_tho_2025"]
    return ids.map(lambda j: order.index(j) if j in order else len(order))


def detail_table(assessments: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every target with latest actual, gap, status and paces: the overview's full table."""
    rows = assessments.to_dict("records")
    return pd.DataFrame({
        t("col_indicator", lang): [_name(r, "indicator_name", lang) for r in rows],
        t("col_jurisdiction", lang): [_name(r, "jurisdiction_name", lang) for r in rows],
        t("ov_col_target", lang): [target_text(r, lang) for r in rows],
        t("ov_col_year", lang): [str(y) for y in assessments["target_year"]],
        t("ov_col_latest", lang): [latest_text(r, lang) for r in rows],
        t("ov_col_latest_date", lang): [periods.label(r, lang, "latest_label") for r in rows],
        t("ov_col_gap", lang): [gap_text(r, lang) for r in rows],
        t("ov_col_status", lang): [status_text(s, lang) for s in assessments["status"]],
        t("ov_col_pace_needed", lang): [pace_text(r["pace_needed"], r["pace_unit"], lang)
                                        if r["status"] not in (progress.ACHIEVED, progress.MET) else "–"
                                        for r in rows],
        t("ov_col_pace_achieved", lang): [pace_text(r["pace_achieved"], r["pace_unit"], lang)
                                          for r in rows],
        t("ov_col_reason", lang): [reason_text(r, lang) for r in assessments["reason"]],
    })


def gap_text(row: pd.Series | dict, lang: str) -> str:
    if row["gap"] is None or pd.isna(row["gap"]) or row["status"] in (progress.ACHIEVED, progress.MET):
        return "–"
    if row["unit"].startswith("rank_of_"):
        return t("rank_gap", lang, places=base.value_text(abs(row["gap"]), "", lang))
    return base.value_text(row["gap"], unit_label(row["unit"], lang), lang)


def count_summary(assessments: pd.DataFrame, lang: str) -> str:
    statuses = assessments["status"]
    achieved = int(statuses.isin([progress.ACHIEVED, progress.MET]).sum())
    on_track = int((statuses == progress.ON_TRACK).sum())
    unknown = int((statuses == progress.NOT_ENOUGH_DATA).sum())
    behind = len(statuses) - achieved - on_track - unknown
    return t("ov_count_summary", lang, total=len(statuses), achieved=achieved, on_track=on_track, behind=behind,
             unknown=unknown)
