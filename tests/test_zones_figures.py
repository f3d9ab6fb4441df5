"""Industrial-zone builders: plans never drawn as established land, every differing plan shown, the IT park
named, progress only against dated plans, occupancy said to be unknown when it is."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from provdash.figures import zones
from provdash.queries import connect_readonly, run_query
from tests.test_fdi_figures import frame, obs

ZONE_NAMES = {"kcn_count": ("Số khu công nghiệp (KCN)", "Industrial zones (KCN)", "zones"),
              "kcn_area": ("Diện tích khu công nghiệp", "Industrial zone area", "ha"),
              "ccn_count": ("Số cụm công nghiệp (CCN)", "Industrial clusters (CCN)", "clusters"),
              "ccn_area": ("Diện tích cụm công nghiệp", "Industrial cluster area", "ha"),
              "it_park_count": ("Khu công nghệ thông tin tập trung", "Concentrated IT parks", "zones"),
              "kcn_occupancy_rate": ("Tỷ lệ lấp đầy KCN", "Industrial zone occupancy rate", "pct"),
              "ccn_with_infrastructure_investor": ("Cụm công nghiệp đã có chủ đầu tư hạ tầng",
                                                   "Clusters with an infrastructure investor", "clusters")}
PLAN_2030 = dict(start="2030-01-01", end="2030-12-31", label="đến năm 2030", period_type="year", kind="target",
                 qualifier="plan")


def zone(indicator, value, jurisdiction="vinh_phuc", **kw):
    name, name_en, unit = ZONE_NAMES[indicator]
    kw.setdefault("measure", "stock")
    kw.setdefault("indicator_type", "share" if unit == "pct" else "count" if unit != "ha" else "level")
    return obs(indicator=indicator, jurisdiction=jurisdiction, value=value, unit=unit, indicator_unit=unit, name=name,
               name_en=name_en, category="industrial_zones", **kw)


def established(indicator, value, day, label, jurisdiction="vinh_phuc", **kw):
    return zone(indicator, value, jurisdiction, start=day, end=day, label=label, period_type="point", **kw)


LAND = frame(
    zone("kcn_count", 11, "thai_nguyen", **PLAN_2030, source="seed_000", outlet="Cổng TN"),
    zone("kcn_count", 12, "thai_nguyen", **PLAN_2030, scope="kcn_incl_it_park", source="ref_bt", outlet="Báo TN"),
    zone("kcn_area", 4245, "thai_nguyen", **PLAN_2030, scope="kcn_incl_it_park", source="seed_000", outlet="Cổng TN"),
    zone("kcn_area", 4245, "thai_nguyen", **PLAN_2030, scope="kcn_incl_it_park", source="ref_bt", outlet="Báo TN"),
    zone("it_park_count", 1, "thai_nguyen", **PLAN_2030, source="seed_000", outlet="Cổng TN"),
    established("kcn_count", 16, "2022-12-31", "tháng 12/2022", source="ref_tbtc", outlet="TBTC"),
    established("kcn_count", 17, "2024-12-06", "đến nay", source="seed_004", outlet="Báo Vĩnh Phúc"),
    zone("kcn_count", 29, start="2024-12-06", end="2024-12-06", label="đến nay (quy hoạch)", period_type="point",
         kind="target", qualifier="plan", source="seed_004", outlet="Báo Vĩnh Phúc", quote="có 29 KCN được quy hoạch"),
    zone("kcn_count", 24, **PLAN_2030, source="ref_vcci", outlet="VCCI News"),
    established("kcn_area", 3100, "2022-12-31", "tháng 12/2022", source="ref_tbtc", outlet="TBTC"),
    established("kcn_area", 3146, "2024-12-06", "đến nay", source="seed_004", outlet="Báo Vĩnh Phúc"),
    zone("kcn_area", 7000, **PLAN_2030, source="ref_vcci", outlet="VCCI News"),
)


def test_distinct_plans_keeps_one_plan_per_value_and_names_the_other_sources():
    plans = zones.distinct_plans(LAND[LAND["indicator"] == "kcn_area"])
    thai_nguyen = plans[plans["jurisdiction"] == "thai_nguyen"]
    assert len(thai_nguyen) == 1 and thai_nguyen["also_in"].iloc[0] == "Cổng TN"
    assert len(zones.distinct_plans(LAND[LAND["indicator"] == "kcn_count"])) == 4  # 11, 12, 29, 24: all different


def test_bars_separate_plans_from_established_and_never_draw_a_missing_figure_as_zero():
    bars = zones.planned_vs_established_bars(LAND, "vi")
    counts = bars[bars["panel"].str.startswith("Số khu công nghiệp")]
    assert counts["category"].is_unique
    missing = counts[counts["value"].isna()]
    assert len(missing) == 1 and "Thái Nguyên" in missing["category"].iloc[0] and "Đã thành lập" in missing["category"].iloc[0]
    vinh_phuc = counts[counts["category"].str.startswith("Vĩnh Phúc")]
    assert vinh_phuc[vinh_phuc["look"] == "established"]["value"].tolist() == [17]  # the latest only
    assert sorted(vinh_phuc[vinh_phuc["look"] == "plan"]["value"]) == [24, 29]     # both plans, none picked
    assert all("Quy hoạch" in c for c in vinh_phuc[vinh_phuc["look"] == "plan"]["category"])
    assert "quy hoạch" not in " ".join(vinh_phuc["text"])  # the label says "Quy hoạch"; the number is plain
    assert not bars["panel"].str.contains("công nghệ thông tin").any()  # the IT park is named, not charted


def test_planned_chart_title_caveats_and_look():
    parts = zones.planned_vs_established_chart(LAND, "vi")
    assert parts.figure.layout.title.text == (  # broken after the first clause: one line would be cut off
        "Vĩnh Phúc đã thành lập 45 % diện tích KCN quy hoạch 2030;<br>Thái Nguyên chỉ có số quy hoạch")
    plan_traces = [tr for tr in parts.figure.data if tr.type == "bar" and "quy hoạch" in tr.name]
    done_traces = [tr for tr in parts.figure.data if tr.type == "bar" and "đã thành lập" in tr.name]
    assert plan_traces and done_traces
    assert all(tr.marker.pattern.shape == "/" for tr in plan_traces)
    assert all(not tr.marker.pattern.shape for tr in done_traces)
    text = " ".join(parts.caveats)
    assert "4.245 ha" in text and "11 KCN" in text and "1 khu công nghệ thông tin" in text
    assert "29 khu" in text and "24 khu" in text and "có 29 KCN được quy hoạch" in text
    assert "chỉ nêu số quy hoạch" in text
    assert "chưa có số đã thành lập" in parts.summary and "quy hoạch 29 khu hoặc 24 khu" in parts.summary


@pytest.mark.parametrize("rows, expected", [
    # the same plan from two sources is not a disagreement
    ([zone("kcn_area", 4245, "thai_nguyen", **PLAN_2030, source="a"),
      zone("kcn_area", 4245, "thai_nguyen", **PLAN_2030, source="b")], 0),
    # different scopes (zones only vs zones plus the IT park) are not a disagreement either
    ([zone("kcn_count", 11, "thai_nguyen", **PLAN_2030),
      zone("kcn_count", 12, "thai_nguyen", **PLAN_2030, scope="kcn_incl_it_park")], 0),
    # two sources, two numbers, one scope: say so
    ([zone("kcn_count", 24, **PLAN_2030, source="a"),
      zone("kcn_count", 29, start="2024-12-06", end="2024-12-06", label="đến nay (quy hoạch)", period_type="point",
           kind="target", qualifier="plan", source="b")], 1),
])
def test_disagreeing_plans(rows, expected):
    assert len(zones.disagreeing_plans(frame(*rows), "en")) == expected


def test_progress_is_assessed_only_against_dated_plans():
    table = zones.progress_table(LAND, "en")
    vinh_phuc = table[table["Jurisdiction"].str.startswith("Vĩnh Phúc")]
    assert set(vinh_phuc["Plan"]) == {"24 zones (đến năm 2030)", "7,000 ha (đến năm 2030)"}  # not the undated 29
    area = vinh_phuc[vinh_phuc["Indicator"] == "Industrial zone area"].iloc[0]
    assert area["Reached (% of plan)"] == "45%" and area["Status"] == "▼ Limited progress"
    assert area["Established (latest)"] == "3,146 ha (đến nay, 6 Dec 2024)"
    thai_nguyen = table[table["Jurisdiction"].str.startswith("Thái Nguyên")]
    assert (thai_nguyen["Status"] == "… Not enough data").all()
    assert (thai_nguyen["Why"] == "no established figure").all()
    (note,) = zones.undated_plan_notes(LAND, "vi")
    assert "29 khu" in note and "không nêu năm đích" in note


def test_area_progress_chart_titles_the_assessable_status():
    parts = zones.area_progress_chart(LAND, "vi")
    assert parts.figure.layout.title.text == "Diện tích KCN so với quy hoạch – Vĩnh Phúc: ▼ Tiến triển hạn chế"
    assert ("Thái Nguyên (trước sáp nhập), mục tiêu quy hoạch 4.245 ha (2030): … Chưa đủ số liệu — chưa có số liệu "
            "thực hiện cùng phạm vi") in parts.summary
    assert "▼ Tiến triển hạn chế — 3.146 ha ngày 6/12/2024" in parts.summary
    assert any("4.245 ha" in c and "khu công nghệ thông tin" in c for c in parts.caveats)
    only_plans = LAND[LAND["jurisdiction"] == "thai_nguyen"]
    assert zones.area_progress_chart(only_plans, "en").figure.layout.title.text.endswith("not enough data to assess progress")
    assert zones.area_progress_chart(LAND[LAND["kind"] == "actual"], "en") is None


def test_zone_cards_say_when_occupancy_is_unknown():
    facts = frame(established("kcn_occupancy_rate", 70, "2024-08-05", "tháng 8/2024", qualifier="nearly"),
                  established("ccn_with_infrastructure_investor", 27, "2024-03-31", "tháng 3/2024",
                              jurisdiction="thai_nguyen"))
    land = frame(*LAND.to_dict("records"), zone("ccn_count", 41, "thai_nguyen", **PLAN_2030))
    groups = dict(zones.zone_cards(facts, land, "vi"))
    assert list(groups) == ["Thái Nguyên", "Vĩnh Phúc"]
    thai_nguyen = {c.label: c for c in groups["Thái Nguyên"]}
    assert thai_nguyen["Tỷ lệ lấp đầy KCN"].value == "–"
    assert thai_nguyen["Cụm công nghiệp đã có chủ đầu tư hạ tầng"].value == "27 cụm"
    assert "trên 41 cụm quy hoạch" in thai_nguyen["Cụm công nghiệp đã có chủ đầu tư hạ tầng"].caption
    assert thai_nguyen["Khu công nghệ thông tin tập trung"].value == "1 khu"
    assert {c.label: c.value for c in groups["Vĩnh Phúc"]}["Tỷ lệ lấp đầy KCN"] == "gần 70 %"
    assert zones.zone_cards(facts.iloc[0:0], land.iloc[0:0], "vi") == []


# --- on the real data ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_land(built_db):
    con = connect_readonly(built_db)
    try:
        yield run_query(con, "zones_planned_vs_established", jurisdictions=["thai_nguyen", "vinh_phuc"],
                        start=date(2019, 1, 1), end=date(2030, 12, 31))
    finally:
        con.close()


def test_real_plans_both_vinh_phuc_plans_and_the_it_park(real_land):
    parts = zones.planned_vs_established_chart(real_land, "vi")
    categories = [y for tr in parts.figure.data for y in tr.y]
    assert any("Vĩnh Phúc" in c and "đến nay (quy hoạch)" in c for c in categories)
    assert any("Vĩnh Phúc" in c and "Quy hoạch – đến năm 2030" in c for c in categories)
    assert any("Thái Nguyên" in c and "KCN và khu CNTT tập trung" in c for c in categories)
    assert any("11 KCN và 1 khu công nghệ thông tin tập trung" in c for c in parts.caveats)


def test_real_plans_are_kept_whatever_the_years(built_db):
    con = connect_readonly(built_db)
    try:
        early = run_query(con, "zones_planned_vs_established", jurisdictions=["thai_nguyen", "vinh_phuc"],
                          start=date(2015, 1, 1), end=date(2016, 12, 31))
    finally:
        con.close()
    assert set(early["kind"]) == {"target"}
    assert zones.planned_vs_established_chart(early, "en") is not None


def test_axes_group_thousands_in_the_language_of_the_page():
    bars = zones.planned_vs_established_chart(LAND, "vi").figure
    progress = zones.area_progress_chart(LAND, "vi").figure
    assert {axis.tickformat for axis in bars.select_xaxes()} == {",~f"}
    assert {axis.tickformat for axis in progress.select_yaxes()} == {",~f"}
    assert bars.layout.separators == ",."  # so 7000 reads "7.000"
