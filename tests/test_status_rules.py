"""The status rules that keep a status from overstating (provdash.targets, provdash.statuses), each tested on the
real case that needed it: the curated values themselves, and where the rule needs a province that still exists,
the same values given to one."""
from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from provdash import progress, statuses, targets
from provdash.figures import overview
from provdash.queries import connect_readonly, run_query

DE = "digital_economy_share_grdp"
YEAR = re.compile(r"\b(19|20)\d{2}\b")


@pytest.fixture(scope="module")
def observations(built_db) -> pd.DataFrame:
    """Every value of the indicators that have targets, as the `observations` view gives them."""
    con = connect_readonly(built_db)
    try:
        return con.execute("SELECT * FROM observations WHERE indicator IN "
                           "(SELECT indicator FROM observations WHERE kind = 'target') "
                           "ORDER BY indicator, jurisdiction, period_end, kind, scope, method, source_id").df()
    finally:
        con.close()


@pytest.fixture(scope="module")
def stored(built_db) -> pd.DataFrame:
    con = connect_readonly(built_db)
    try:
        return targets.from_store(run_query(con, "target_progress_all"))
    finally:
        con.close()


def one(table: pd.DataFrame, indicator: str, jurisdiction: str, year: int) -> dict:
    rows = table[(table["indicator"] == indicator) & (table["jurisdiction"] == jurisdiction)
                 & (table["target_year"] == year)]
    assert len(rows) == 1, (indicator, jurisdiction, year)
    return rows.iloc[0].to_dict()


def still_existing(frame: pd.DataFrame, jurisdiction: str) -> pd.DataFrame:
    """The same values, as if `jurisdiction` had not merged."""
    copy = frame.copy()
    mask = copy["jurisdiction"] == jurisdiction
    copy.loc[mask, "jurisdiction_valid_to"] = None
    copy.loc[mask, "jurisdiction_successor"] = None
    return copy


# --- 1. mergers ------------------------------------------------------------------------------------------------


def test_old_province_2030_target_is_superseded(stored):
    """"trên 30 % năm 2030" of Thái Nguyên before the merger: its only value, 42,92 % in 2022 by the 2022 report
    method, once made it "achieved". The province ceased on 30/6/2025: the target is superseded, and the text
    names the merged province's own target (khoảng 35 %, 2026–2030)."""
    row = one(stored, DE, "thai_nguyen", 2030)
    assert row["status"] == progress.SUPERSEDED
    assert row["successor"] == "thai_nguyen_2025"
    text = statuses.sentence(row, "vi")
    assert text.startswith("↪ Thay thế do sáp nhập")
    assert "Thái Nguyên (sau sáp nhập)" in text and "khoảng 35 %" in text and "2026–2030" in text
    assert "Superseded by the merger" in statuses.sentence(row, "en")


def test_old_province_2025_target_is_superseded_though_an_old_value_exceeds_it(stored):
    row = one(stored, DE, "thai_nguyen", 2025)
    assert row["status"] == progress.SUPERSEDED
    assert row["latest_value"] == pytest.approx(42.92)  # kept as context, never judged


def test_superseded_target_says_when_the_successor_has_no_target(stored):
    row = one(stored, DE, "vinh_phuc", 2030)
    assert row["status"] == progress.SUPERSEDED and row["successor"] == "phu_tho_2025"
    assert "chưa có mục tiêu riêng" in statuses.sentence(row, "vi")


def test_every_target_of_a_ceased_province_is_superseded(stored):
    ceased = stored[[isinstance(v, date) and v < date(y, 12, 31) for v, y in zip(stored["valid_to"], stored["target_year"])]]
    assert not ceased.empty and set(ceased["status"]) == {progress.SUPERSEDED}


def test_a_target_whose_year_ends_before_the_merger_is_still_judged(stored):
    """Vĩnh Phúc's 2023 FDI target fell within the province's lifetime: it is assessed, not superseded."""
    row = one(stored, "fdi_registered_new_and_added", "vinh_phuc", 2023)
    assert row["status"] == progress.NOT_ENOUGH_DATA and row["reason"] == "period_not_measured"


# --- 2. ranks and one-period targets ---------------------------------------------------------------------------


def test_dti_rank_2025_not_judged_on_2022_rank(observations):
    """Thái Nguyên's DTI target (top 15 by 2025) against its 2022 rank (8th): on track, not met — the 2025 rank
    is not published. Given to a province that still exists, so that the rank rule itself decides."""
    assessed = targets.assess_targets(still_existing(observations, "thai_nguyen"))
    row = one(assessed, "dti_rank", "thai_nguyen", 2025)
    assert row["status"] == progress.ON_TRACK
    text = statuses.sentence(row, "vi")
    assert "hạng 8/63 năm 2022" in text and "hạng năm 2025 chưa công bố" in text


def test_dti_rank_2025_of_vinh_phuc_is_off_track_not_missed(observations):
    assessed = targets.assess_targets(still_existing(observations, "vinh_phuc"))
    row = one(assessed, "dti_rank", "vinh_phuc", 2025)
    assert row["status"] == progress.OFF_TRACK
    assert "rank 18 of 63 in 2022" in statuses.sentence(row, "en")


def test_dti_rank_is_met_once_the_target_year_is_published(observations):
    frame = still_existing(observations, "thai_nguyen")
    rank_2022 = frame[(frame["indicator"] == "dti_rank") & (frame["jurisdiction"] == "thai_nguyen")
                      & (frame["kind"] == "actual") & (frame["period_end"] == pd.Timestamp("2022-12-31"))]
    published = rank_2022.assign(period_start=pd.Timestamp("2025-01-01"), period_end=pd.Timestamp("2025-12-31"),
                                 value=17.0, value_in_indicator_unit=17.0, period_label="năm 2025")
    row = one(targets.assess_targets(pd.concat([frame, published])), "dti_rank", "thai_nguyen", 2025)
    assert row["status"] == progress.NOT_MET and "năm 2025" in statuses.sentence(row, "vi")


def test_growth_target_is_not_judged_before_its_year_is_measured(observations):
    row = one(targets.assess_targets(still_existing(observations, "thai_nguyen")), "grdp_growth", "thai_nguyen", 2025)
    assert row["status"] == progress.NOT_ENOUGH_DATA and row["reason"] == "period_not_measured"
    assert "kỳ 2025 chưa có số liệu" in statuses.sentence(row, "vi")


# --- 3. methods -----------------------------------------------------------------------------------------------


def test_merged_province_target_shows_each_method_when_they_disagree(stored):
    """Khoảng 35 % (2026–2030) of the merged Thái Nguyên: 29,53 % in 2025 (statistics office) has not reached it,
    42,92 % in 2022 (annual report, the old province) had: two verdicts, each with its value, year and method."""
    row = one(stored, DE, "thai_nguyen_2025", 2030)
    assert row["status"] == progress.METHODS_DISAGREE
    methods = {e["method"] for e in targets.evidence(row)}
    assert methods == {"gso_value_added", "annual_report_2022"}
    text = statuses.sentence(row, "vi")
    assert "29,53 % năm 2025, PP Tổng cục Thống kê: chưa đạt" in text
    assert "42,92 % năm 2022, BC kinh tế số 2022, Thái Nguyên (trước sáp nhập): đã đạt" in text


def test_methods_that_agree_are_said_once(observations):
    """Both methods above 20 %: achieved, and the text says the other method agrees rather than listing twice."""
    frame = observations[(observations["indicator"] == DE)
                         & observations["jurisdiction"].isin(["thai_nguyen", "thai_nguyen_2025"])].copy()
    goal = frame[(frame["kind"] == "target") & (frame["jurisdiction"] == "thai_nguyen_2025")]
    goal = goal.assign(value=20.0, value_in_indicator_unit=20.0, qualifier="")
    row = one(targets.assess_targets(pd.concat([frame[frame["kind"] == "actual"], goal])), DE, "thai_nguyen_2025", 2030)
    assert row["status"] == progress.ACHIEVED
    text = statuses.sentence(row, "vi")
    assert "29,53 % năm 2025" in text and "42,92" not in text and "cho cùng kết quả" in text


def test_a_target_that_names_its_method_uses_only_that_method(observations):
    frame = observations[(observations["indicator"] == DE)
                         & observations["jurisdiction"].isin(["thai_nguyen", "thai_nguyen_2025"])].copy()
    frame.loc[(frame["kind"] == "target") & (frame["jurisdiction"] == "thai_nguyen_2025"), "method"] = "gso_value_added"
    row = one(targets.assess_targets(frame), DE, "thai_nguyen_2025", 2030)
    assert row["status"] == progress.NOT_ENOUGH_DATA and row["reason"] == "one_actual"
    assert [e["method"] for e in targets.evidence(row)] == ["gso_value_added"]


def test_predecessors_count_only_for_lineage_indicators(built_db):
    """A merged province's FDI target is not measured against the old province's capital (a level that the
    merger changes), only the digital-economy share crosses the boundary."""
    con = connect_readonly(built_db)
    try:
        fdi = con.execute("SELECT * FROM observations WHERE indicator = 'fdi_registered_capital' "
                          "AND jurisdiction = 'thai_nguyen' ORDER BY period_end, source_id").df()
    finally:
        con.close()
    goal = fdi.iloc[[0]].assign(jurisdiction="thai_nguyen_2025", jurisdiction_valid_to=None, jurisdiction_successor=None,
                                kind="target", period_start=pd.Timestamp("2030-01-01"),
                                period_end=pd.Timestamp("2030-12-31"), period_type="year", value=5.0,
                                value_in_indicator_unit=5.0)
    row = one(targets.assess_targets(pd.concat([fdi, goal])), "fdi_registered_capital", "thai_nguyen_2025", 2030)
    assert row["status"] == progress.NOT_ENOUGH_DATA and not targets.evidence(row)


# --- 4. one value, one method, one year; scope in words --------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_status_says_achieved_or_met_without_a_year(stored, lang):
    for row in stored.to_dict("records"):
        for text in (statuses.sentence(row, lang), statuses.brief(row, lang)):
            assert YEAR.search(text), text
    words = {"vi": ("Đã đạt", "Đạt"), "en": ("achieved", "Met")}[lang]
    table = overview.detail_table(stored, lang)
    for cell in table.iloc[:, 4]:
        if any(word in cell for word in words):
            assert YEAR.search(cell.split("—", 1)[1]), cell


@pytest.mark.parametrize("status", progress.STATUSES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_status_has_an_icon_and_words(status, lang):
    text = statuses.label(status, lang)
    icon, words = text.split(" ", 1)
    assert icon == statuses.ICONS[status] and len(words) >= 3


def test_scope_is_named_in_words_not_ids(stored):
    samsung = stored[stored["scope"] == "excluding_samsung"]
    assert not samsung.empty
    for lang, words in (("vi", "không kể Tổ hợp Samsung"), ("en", "excluding the Samsung complex")):
        matrix = overview.status_matrix(stored, lang)
        labels = matrix.iloc[:, 0].tolist()
        assert any(words in label for label in labels)
        assert not any("excluding_samsung" in str(cell) for cell in matrix.to_numpy().ravel())
