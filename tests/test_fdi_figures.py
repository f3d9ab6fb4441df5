"""FDI builders: comparable growth (table-tested), falls in cumulative figures, bars that keep periods apart,
series and captions that say "KCN only", the rank card. Synthetic rows, plus a few checks on the real data."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from provdash.figures import bars, base, fdi_flows, fdi_growth, fdi_rank, fdi_stock, parts
from provdash.queries import connect_readonly, run_query

NAMES = {"thai_nguyen": ("Thái Nguyên (trước sáp nhập)", "Thái Nguyên (before merger)"),
         "thai_nguyen_2025": ("Thái Nguyên (sau sáp nhập)", "Thái Nguyên (merged)"),
         "vinh_phuc": ("Vĩnh Phúc (trước sáp nhập)", "Vĩnh Phúc (before merger)")}
SCOPES = {"province": ("toàn tỉnh", "province-wide"), "industrial_zones": ("chỉ trong các KCN", "industrial zones (KCN) only"),
          "kcn_incl_it_park": ("KCN và khu CNTT tập trung", "industrial zones incl. the IT park")}
QUALIFIERS = {"": ("", ""), "over": ("trên", "over"), "about": ("khoảng", "about"), "estimate": ("ước", "estimated"),
              "nearly": ("gần", "nearly"), "plan": ("quy hoạch", "planned")}
UNITS = {"usd_mn": ("triệu USD", "million USD", 1.0), "usd_bn": ("tỷ USD", "billion USD", 1000.0),
         "projects": ("dự án", "projects", 1.0), "ha": ("ha", "ha", 1.0), "zones": ("khu", "zones", 1.0),
         "clusters": ("cụm", "clusters", 1.0), "rank_of_63": ("hạng/63", "rank of 63", 1.0), "pct": ("%", "%", 1.0)}


def obs(indicator="fdi_new_capital", jurisdiction="thai_nguyen", start="2023-01-01", end="2023-12-31",
        label="năm 2023", period_type="year", value=100.0, unit="usd_mn", indicator_unit="usd_mn", kind="actual",
        qualifier="", scope="province", method="", measure="flow", source="src_a", outlet="Outlet A", quote="",
        indicator_type="level", name="Vốn FDI cấp mới", name_en="Newly registered FDI capital", note="", **extra):
    """One row shaped like the `observations` view."""
    unit_vi, unit_en, factor = UNITS[unit]
    converted = value * factor if indicator_unit == "usd_mn" else value
    row = dict(
        obs_id=f"{indicator}|{jurisdiction}|{start}|{end}|{scope}|{method}|{kind}|{source}|{value}",
        indicator=indicator, indicator_name=name, indicator_name_en=name_en, category="fdi", direction="higher",
        indicator_type=indicator_type, measure=measure, jurisdiction=jurisdiction,
        jurisdiction_name=NAMES[jurisdiction][0], jurisdiction_name_en=NAMES[jurisdiction][1],
        value=value, unit=unit, unit_label=unit_vi, unit_label_en=unit_en, indicator_unit=indicator_unit,
        value_in_indicator_unit=converted, period_start=pd.Timestamp(start), period_end=pd.Timestamp(end),
        period_label=label, period_type=period_type, kind=kind, qualifier=qualifier,
        qualifier_label=QUALIFIERS[qualifier][0], qualifier_label_en=QUALIFIERS[qualifier][1], scope=scope,
        scope_label=SCOPES[scope][0], scope_label_en=SCOPES[scope][1], method=method, method_label=method,
        method_label_en=method, method_short=method, method_short_en=method, source_id=source,
        source_title=f"Title {source}", source_outlet=outlet, source_url="", source_file="", source_published="2024",
        quote=quote, note=note)
    row.update(extra)
    return row


def frame(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


# --- whole_years_apart: the calendar rule behind "comparable" ------------------------------------------------

@pytest.mark.parametrize("earlier, later, expected", [
    (("2023-01-01", "2023-12-31"), ("2024-01-01", "2024-12-31"), 1),        # full year → full year
    (("2022-01-01", "2022-12-31"), ("2024-01-01", "2024-12-31"), 2),        # two years apart, still comparable
    (("2023-01-01", "2023-05-31"), ("2024-01-01", "2024-05-31"), 1),        # Jan–May → Jan–May
    (("2024-01-01", "2024-05-31"), ("2024-01-01", "2024-10-31"), None),     # 5 months vs 10 months
    (("2023-01-01", "2023-05-31"), ("2024-01-01", "2024-12-31"), None),     # part of a year vs full year
    (("2023-01-01", "2023-06-30"), ("2024-01-01", "2024-03-31"), None),     # 6 months vs a quarter
    (("2024-01-01", "2024-03-31"), ("2024-04-01", "2024-06-30"), None),     # Q1 vs Q2: same length, other season
    (("2016-01-01", "2020-12-31"), ("2021-01-01", "2025-12-31"), 5),        # term → next term
    (("2021-01-01", "2025-12-31"), ("2022-01-01", "2026-12-31"), None),     # overlapping terms
    (("2021-01-01", "2025-12-31"), ("2024-01-01", "2024-12-31"), None),     # term vs one year
    (("2023-12-31", "2023-12-31"), ("2024-12-31", "2024-12-31"), 1),        # stock: December → December
    (("2024-02-29", "2024-02-29"), ("2024-08-16", "2024-08-16"), None),     # stock: February → August
    (("2023-02-28", "2023-02-28"), ("2024-02-29", "2024-02-29"), 1),        # month ends across a leap year
    (("2024-01-01", "2024-12-31"), ("2023-01-01", "2023-12-31"), None),     # later is earlier: no
    (("2024-01-01", "2024-12-31"), ("2024-01-01", "2024-12-31"), None),     # the same period: no
])
def test_whole_years_apart(earlier, later, expected):
    assert fdi_growth.whole_years_apart(*earlier, *later) == expected


# --- comparable_growth --------------------------------------------------------------------------------------

Y2023 = dict(start="2023-01-01", end="2023-12-31", label="năm 2023", period_type="year")
Y2024 = dict(start="2024-01-01", end="2024-12-31", label="năm 2024", period_type="year")
M5_2023 = dict(start="2023-01-01", end="2023-05-31", label="5 tháng đầu năm 2023", period_type="part_year")
M5_2024 = dict(start="2024-01-01", end="2024-05-31", label="5 tháng đầu năm 2024", period_type="part_year")
M10_2024 = dict(start="2024-01-01", end="2024-10-31", label="10 tháng năm 2024", period_type="part_year")


@pytest.mark.parametrize("rows, expected", [
    # full years of one series: one pair
    ([obs(**Y2023), obs(**Y2024)], [("năm 2023", "năm 2024")]),
    # a part of a year never meets a full year
    ([obs(**M5_2024), obs(**Y2024)], []),
    ([obs(**Y2023), obs(**M5_2024)], []),
    # the same months a year apart do meet
    ([obs(**M5_2023), obs(**M5_2024)], [("5 tháng đầu năm 2023", "5 tháng đầu năm 2024")]),
    # five months against ten months of the same year: no
    ([obs(**M5_2024), obs(**M10_2024)], []),
    # different scope (KCN only against province-wide): no
    ([obs(**Y2023), obs(**Y2024, scope="industrial_zones")], []),
    # different method: no
    ([obs(**Y2023, method="annual_report_2022"), obs(**Y2024, method="gso_value_added")], []),
    # the merged province is not the old one
    ([obs(jurisdiction="thai_nguyen", start="2025-01-01", end="2025-02-28", label="2 tháng đầu năm 2025",
          period_type="part_year"),
      obs(jurisdiction="thai_nguyen_2025", start="2026-01-01", end="2026-02-28", label="2 tháng đầu năm 2026",
          period_type="part_year")], []),
    # different indicators: no
    ([obs(**Y2023), obs(**Y2024, indicator="fdi_capital_increase")], []),
    # targets are not growth
    ([obs(**Y2023), obs(**Y2024, kind="target")], []),
    # three years: each with the one before it
    ([obs(**Y2023), obs(**Y2024), obs(start="2025-01-01", end="2025-12-31", label="năm 2025")],
     [("năm 2023", "năm 2024"), ("năm 2024", "năm 2025")]),
    # a gap year is bridged, and says so in years_apart
    ([obs(start="2022-01-01", end="2022-12-31", label="năm 2022"), obs(**Y2024)], [("năm 2022", "năm 2024")]),
    # a multi-year total against a single year: no
    ([obs(start="2021-01-01", end="2025-12-31", label="giai đoạn 2021-2025", period_type="multi_year"), obs(**Y2024)], []),
])
def test_comparable_growth_pairs_only_comparable_periods(rows, expected):
    pairs = fdi_growth.comparable_growth(frame(*rows))
    assert list(zip(pairs["from_label"], pairs["to_label"])) == expected


def test_growth_values_and_hedges():
    pairs = fdi_growth.comparable_growth(frame(obs(**Y2023, value=253.3, qualifier="over"), obs(**Y2024, value=518.54)))
    row = pairs.iloc[0]
    assert row["growth_pct"] == pytest.approx((518.54 / 253.3 - 1) * 100)
    assert row["change"] == pytest.approx(265.24)
    assert bool(row["approximate"]) and row["years_apart"] == 1
    table = fdi_growth.growth_table(pairs, "vi")
    assert table["Tăng/giảm cả kỳ"].iloc[0] == "khoảng +104,7 %"
    assert table["Số kỳ trước"].iloc[0] == "trên 253,3 triệu USD"
    assert fdi_growth.growth_table(pairs, "en")["Change over the span"].iloc[0] == "about +104.7%"


def test_a_change_over_several_years_names_its_span_and_its_yearly_rate():
    pairs = fdi_growth.comparable_growth(frame(
        obs(start="2022-12-31", end="2022-12-31", label="tháng 12/2022", period_type="point", value=453, measure="stock"),
        obs(start="2024-12-31", end="2024-12-31", label="tháng 12/2024", period_type="point", value=636, measure="stock",
            qualifier="over")))
    row = pairs.iloc[0]
    assert row["years_apart"] == 2
    assert row["growth_pct_per_year"] == pytest.approx(((636 / 453) ** 0.5 - 1) * 100)
    vi, en = fdi_growth.growth_table(pairs, "vi").iloc[0], fdi_growth.growth_table(pairs, "en").iloc[0]
    assert vi["Kỳ so sánh"] == "tháng 12/2022 → tháng 12/2024 (2 năm)"
    assert vi["Tăng/giảm cả kỳ"] == "khoảng +40,4 % sau 2 năm"
    assert vi["Bình quân mỗi năm"] == "khoảng +18,5 %/năm"
    assert en["Periods compared"] == "as of Dec 2022 → as of Dec 2024 (2 years)"
    assert en["Change over the span"] == "about +40.4% over 2 years"
    assert en["Per year"] == "about +18.5% a year"
    one = fdi_growth.growth_table(fdi_growth.comparable_growth(frame(obs(**Y2023, value=100), obs(**Y2024, value=110))), "vi").iloc[0]
    assert (one["Kỳ so sánh"], one["Tăng/giảm cả kỳ"], one["Bình quân mỗi năm"]) == (
        "năm 2023 → năm 2024 (1 năm)", "+10,0 %", "+10,0 %/năm")


def test_growth_from_zero_has_no_rate_and_falls_are_negative():
    zero = fdi_growth.comparable_growth(frame(obs(**Y2023, value=0, unit="projects", indicator_unit="projects"),
                                       obs(**Y2024, value=5, unit="projects", indicator_unit="projects")))
    assert zero["growth_pct"].isna().all() and zero["change"].iloc[0] == 5
    fall = fdi_growth.comparable_growth(frame(obs(**Y2023, value=41), obs(**Y2024, value=22)))
    assert fdi_growth.growth_table(fall, "vi")["Tăng/giảm cả kỳ"].iloc[0] == "−46,3 %"


def test_growth_across_units_gives_a_rate_but_no_absolute_change():
    pairs = fdi_growth.comparable_growth(frame(
        obs(start="2016-01-01", end="2020-12-31", label="2016-2020", period_type="multi_year", value=2000),
        obs(start="2021-01-01", end="2025-12-31", label="2021-2025", period_type="multi_year", value=3.2, unit="usd_bn")))
    assert pairs["growth_pct"].iloc[0] == pytest.approx(60.0)
    assert pairs["change"].iloc[0] is None
    assert fdi_growth.growth_table(pairs, "vi")["Chênh lệch"].iloc[0] == "–"


def test_growth_notes_say_when_nothing_is_comparable():
    lone = frame(obs(**M5_2024), obs(**Y2024))
    pairs = fdi_growth.comparable_growth(lone)
    assert pairs.empty
    assert fdi_growth.growth_notes(pairs, "vi", lone) == [
        "Không có cặp số liệu nào so sánh được cho lựa chọn này, nên không tính tăng trưởng."]
    both = frame(obs(**Y2023), obs(**Y2024), obs(**Y2024, jurisdiction="vinh_phuc"))
    notes = fdi_growth.growth_notes(fdi_growth.comparable_growth(both), "en", both)
    assert len(notes) == 1 and notes[0].startswith("Vĩnh Phúc:")


def test_growth_of_empty_input_is_empty():
    assert fdi_growth.comparable_growth(pd.DataFrame()).empty


# --- cumulative stocks --------------------------------------------------------------------------------------

def stock(value, day, label, scope="province", jurisdiction="thai_nguyen", qualifier="", source="s"):
    return obs(indicator="fdi_registered_capital", jurisdiction=jurisdiction, start=day, end=day, label=label,
               period_type="point", value=value, unit="usd_bn", indicator_unit="usd_bn", measure="stock",
               scope=scope, qualifier=qualifier, source=source, name="Vốn FDI đăng ký lũy kế",
               name_en="Cumulative registered FDI capital")


CAPITAL = frame(
    stock(10.72, "2023-12-31", "tháng 12/2023"), stock(11.18, "2024-02-29", "tháng 2/2024"),
    stock(10.92, "2024-12-31", "tháng 12/2024"), stock(11.2, "2025-04-22", "lũy kế đến nay"),
    stock(7.41, "2022-12-31", "tháng 12/2022", jurisdiction="vinh_phuc"),
    stock(8.43, "2025-01-31", "tháng 1/2025", jurisdiction="vinh_phuc", qualifier="over"),
    stock(5.94788, "2023-02-15", "15/02/2023", jurisdiction="vinh_phuc", scope="industrial_zones"),
    stock(6.74, "2024-12-06", "hiện nay", jurisdiction="vinh_phuc", scope="industrial_zones"),
)


def test_stock_declines_finds_the_fall_and_nothing_else():
    declines = fdi_stock.stock_declines(CAPITAL)
    assert [(e["value"], later["value"]) for e, later in declines] == [(11.18, 10.92)]


@pytest.mark.parametrize("lang, kcn_words, separators", [("vi", "KCN", ",."), ("en", "industrial zones", ".,")])
def test_stock_chart_keeps_kcn_only_apart_and_says_so(lang, kcn_words, separators):
    chart = fdi_stock.stock_chart(CAPITAL, "fdi_registered_capital", lang)
    names = [trace.name for trace in chart.figure.data]
    vinh_phuc = [n for n in names if n.startswith("Vĩnh Phúc")]
    assert len(vinh_phuc) == 2 and sum(kcn_words in n for n in vinh_phuc) == 1
    assert chart.figure.layout.separators == separators
    assert any(kcn_words in c and "Vĩnh Phúc" in c for c in chart.caveats)
    fall = [c for c in chart.caveats if ("11,18" if lang == "vi" else "11.18") in c]
    assert fall and ("10,92" if lang == "vi" else "10.92") in fall[0]
    assert len(chart.figure.layout.annotations) == 1
    assert chart.figure.layout.title.text.startswith("Vốn FDI đăng ký lũy kế" if lang == "vi" else "Cumulative")


def test_stock_summary_and_title_use_vietnamese_numbers_and_qualifiers():
    chart = fdi_stock.stock_chart(CAPITAL, "fdi_registered_capital", "vi")
    assert "Vĩnh Phúc trên 8,43 tỷ USD" in chart.figure.layout.title.text
    assert "lũy kế đến nay, 22/4/2025" in chart.summary
    assert "Qualifier" not in chart.table.columns and "Mức độ chắc chắn" in chart.table.columns
    assert "trên" in set(chart.table["Mức độ chắc chắn"])


def test_stock_chart_of_an_absent_indicator_is_none():
    assert fdi_stock.stock_chart(CAPITAL, "fdi_projects_active", "vi") is None


# --- amounts per period -------------------------------------------------------------------------------------

FLOWS = frame(
    obs(**Y2023, value=253.3, qualifier="over"), obs(**M5_2024, value=478.7),
    obs(**M10_2024, value=556, qualifier="over", scope="industrial_zones"), obs(**Y2024, value=518.54),
    obs(indicator="fdi_registered_new_and_added", jurisdiction="vinh_phuc", start="2021-01-01", end="2025-12-31",
        label="giai đoạn 2021-2025", period_type="multi_year", value=3.2, unit="usd_bn",
        name="Vốn FDI cấp mới và tăng thêm", name_en="New and added FDI capital"),
    obs(indicator="fdi_registered_new_and_added", jurisdiction="vinh_phuc", kind="target", value=400, **Y2023,
        name="Vốn FDI cấp mới và tăng thêm", name_en="New and added FDI capital"),
)


def test_flow_bars_label_every_period_and_never_mix_kinds_of_period():
    drawn = fdi_flows.flow_bars(FLOWS, fdi_flows.CAPITAL_FLOWS, "vi")
    categories = drawn["category"].tolist()
    assert any("5 tháng đầu năm 2024 (kỳ chưa trọn năm)" in c for c in categories)
    assert any("giai đoạn 2021-2025 (nhiều năm)" in c for c in categories)
    assert any("Mục tiêu: năm 2023" in c for c in categories)
    assert any("chỉ trong các KCN" in c and "10 tháng năm 2024" in c for c in categories)
    assert drawn["category"].is_unique
    looks = dict(zip(drawn["category"], drawn["look"]))
    assert looks[next(c for c in categories if "năm 2023" in c and "Thái Nguyên" in c)] == "year"
    assert looks[next(c for c in categories if "5 tháng" in c)] == "part_year"
    # a full year and a part of a year of the same series are in different groups (traces)
    groups = drawn.groupby("group")["look"].nunique()
    assert (groups == 1).all()
    assert drawn[drawn["look"] == "year"]["group"].isin(drawn[drawn["look"] == "part_year"]["group"]).sum() == 0


def test_flow_chart_draws_partial_periods_hatched_and_titles_the_comparable_change():
    chart = fdi_flows.flow_chart(FLOWS, fdi_flows.CAPITAL_FLOWS, "vi", fallback_title_key="fdi_capital_title_fallback")
    drawn = [tr for tr in chart.figure.data if tr.type == "bar"]
    partial = [tr for tr in drawn if any("(kỳ chưa trọn năm)" in y for y in tr.y)]
    full = [tr for tr in drawn if all("(kỳ chưa trọn năm)" not in y and "nhiều năm" not in y
                                     and "Mục tiêu" not in y for y in tr.y)]
    assert partial and all(tr.marker.pattern.shape == "/" for tr in partial)
    assert full and all(not tr.marker.pattern.shape for tr in full)
    assert chart.figure.layout.title.text == "Thái Nguyên – Vốn FDI cấp mới, năm 2024: tăng khoảng 104,7 % so với năm 2023"
    assert chart.figure.layout.separators == ",."
    assert any("kỳ chưa trọn năm" in c for c in chart.caveats)
    assert any("nhiều năm" in c for c in chart.caveats)
    assert any("chỉ trong các KCN" in c for c in chart.caveats)


def test_flow_chart_without_comparable_pairs_falls_back_to_a_plain_title():
    chart = fdi_flows.flow_chart(frame(obs(**M5_2024), obs(**Y2024)), fdi_flows.CAPITAL_FLOWS, "en",
                           fallback_title_key="fdi_capital_title_fallback")
    assert chart.figure.layout.title.text.startswith("New and added FDI capital per period")
    assert fdi_flows.flow_chart(frame(obs(**Y2024)), fdi_flows.PROJECT_FLOWS, "en",
                          fallback_title_key="fdi_projects_title_fallback") is None


def test_bar_panels_write_no_data_instead_of_a_zero_bar():
    drawn = pd.DataFrame([
        dict(panel="P", category="A", value=None, text="", hover="h", colour="#0072B2", look="established",
             legend="A", group="a"),
        dict(panel="P", category="B", value=3.0, text="3", hover="h", colour="#D55E00", look="plan", legend="B",
             group="b")])
    figure = bars.bar_panels(drawn, "vi", title="T", source_text="S", no_data_text="chưa có số liệu")
    kinds = {tr.type: tr for tr in figure.data}
    assert list(kinds["scatter"].text) == ["chưa có số liệu"] and list(kinds["scatter"].x) == [0]
    assert list(kinds["bar"].y) == ["B"] and kinds["bar"].marker.pattern.shape == "/"


# --- small wording helpers and the rank card ---------------------------------------------------------------

def test_short_names_keep_full_names_when_they_would_clash():
    assert parts.short_names(frame(obs(), obs(jurisdiction="vinh_phuc")), "vi") == {
        "thai_nguyen": "Thái Nguyên", "vinh_phuc": "Vĩnh Phúc"}
    assert parts.short_names(frame(obs(), obs(jurisdiction="thai_nguyen_2025")), "en") == {
        "thai_nguyen": "Thái Nguyên (before merger)", "thai_nguyen_2025": "Thái Nguyên (merged)"}


@pytest.mark.parametrize("label, day, lang, expected", [
    ("tháng 12/2024", "2024-12-31", "vi", "tháng 12/2024"),
    ("lũy kế đến nay", "2024-08-16", "vi", "lũy kế đến nay, 16/8/2024"),
    ("hiện nay", "2024-12-06", "en", "hiện nay, 6 Dec 2024"),
])
def test_dated_label_adds_the_date_only_when_the_words_have_none(label, day, lang, expected):
    assert parts.dated_label({"period_label": label, "period_end": pd.Timestamp(day)}, lang) == expected


@pytest.mark.parametrize("lang, expected", [("vi", "thứ 10/63"), ("en", "No. 10 of 63")])
def test_rank_card(lang, expected):
    rank = obs(indicator="fdi_attraction_rank", start="2024-08-16", end="2024-08-16", label="hiện nay",
               period_type="point", value=10, unit="rank_of_63", indicator_unit="rank_of_63", measure="stock",
               indicator_type="rank", quote="vị trí thứ 10/63", name="Xếp hạng thu hút vốn FDI",
               name_en="FDI attraction rank")
    (card,) = fdi_rank.rank_cards(frame(rank), lang)
    assert card.value == expected
    assert "Thái Nguyên" in card.label and "vị trí thứ 10/63" in card.caption and "Outlet A" in card.caption
    assert fdi_rank.rank_cards(frame(rank).iloc[0:0], lang) == []


# --- on the real data ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real(built_db):
    con = connect_readonly(built_db)
    period = dict(jurisdictions=["thai_nguyen", "thai_nguyen_2025", "vinh_phuc"], start=date(2015, 1, 1),
                  end=date(2035, 12, 31))
    try:
        yield (run_query(con, "fdi_cumulative_capital_and_projects", **period),
               run_query(con, "fdi_new_and_added_by_period", **period))
    finally:
        con.close()


def test_real_growth_pairs_are_all_comparable(real):
    stocks, flows = real
    pairs = fdi_growth.comparable_growth(stocks, flows)
    assert not pairs.empty
    everything = pd.concat([stocks, flows], ignore_index=True).set_index("obs_id")
    for _, pair in pairs.iterrows():
        earlier, later = everything.loc[pair["from_obs_id"]], everything.loc[pair["to_obs_id"]]
        for key in ("indicator", "jurisdiction", "scope", "method", "period_type"):
            assert earlier[key] == later[key], key
        assert fdi_growth.whole_years_apart(earlier["period_start"], earlier["period_end"],
                                     later["period_start"], later["period_end"]) is not None
    new_capital = pairs[(pairs["indicator"] == "fdi_new_capital") & (pairs["jurisdiction"] == "thai_nguyen")]
    assert list(zip(new_capital["from_label"], new_capital["to_label"])) == [("năm 2023", "năm 2024")]


def test_real_thai_nguyen_capital_fall_is_shown(real):
    stocks, _ = real
    chart = fdi_stock.stock_chart(stocks, "fdi_registered_capital", "vi")
    assert any("10,92 tỷ USD" in c and "thu hồi" in c for c in chart.caveats)
    vinh_phuc_kcn = [tr.name for tr in chart.figure.data if tr.name.startswith("Vĩnh Phúc") and "KCN" in tr.name]
    assert len(vinh_phuc_kcn) == 1


@pytest.mark.parametrize("title, style, lines", [
    ("Short title", base.NORMAL, 1),
    ("Thái Nguyên (trước sáp nhập) – Vốn FDI cấp mới, năm 2024: tăng khoảng 104,7 % so với năm 2023", base.NORMAL, 2),
    ("Vốn FDI đăng ký lũy kế – số mới nhất: Thái Nguyên 11,2 tỷ USD; Vĩnh Phúc trên 8,43 tỷ USD", base.PRESENTER, 2),
    ("x" * 120, base.NORMAL, 1),  # nowhere to break: left as it is
])
def test_fit_title_breaks_long_titles_at_a_clause(title, style, lines):
    import plotly.graph_objects as go
    figure = base.apply_layout(go.Figure(), "vi", title, style=style)
    height = figure.layout.height
    parts.fit_title(figure, style)
    text = figure.layout.title.text
    assert text.count("<br>") == lines - 1 and text.replace("<br>", " ").replace("  ", " ") == title
    assert (figure.layout.height > height) == (lines == 2)
