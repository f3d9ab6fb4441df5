"""Comparing two provinces (provdash/compare.py, provdash/figures/compare.py): which values form one series,
the change within a series, and the caveats when the provinces' values are not like for like. Table tests on
small hand-made frames shaped like queries/compare_values.sql; one check against the real database."""
from __future__ import annotations


import pandas as pd
import pytest

from provdash import compare
from provdash.figures import compare as compare_figures

NAMES = {"thai_nguyen": "Thái Nguyên (trước sáp nhập)", "thai_nguyen_2025": "Thái Nguyên (sau sáp nhập)",
         "vinh_phuc": "Vĩnh Phúc (trước sáp nhập)", "phu_tho_2025": "Phú Thọ (sau sáp nhập; gồm Vĩnh Phúc)"}
SCOPES = {"province": ("toàn tỉnh", "province-wide"), "industrial_zones": ("chỉ trong các KCN", "industrial zones (KCN) only")}
METHODS = {"": ("", ""), "annual_report_2022": ("Báo cáo kinh tế số năm 2022", "2022 annual report"),
           "gso_value_added": ("Phương pháp giá trị tăng thêm", "GSO value-added method")}
UNITS = {"usd_bn": ("tỷ USD", "billion USD", "usd", None), "usd_mn": ("triệu USD", "million USD", "usd", None),
         "rank_of_63": ("hạng/63", "rank of 63", "rank", 63.0), "rank_of_34": ("hạng/34", "rank of 34", "rank", 34.0),
         "pct": ("%", "%", "pct", 100.0)}


def obs(jurisdiction="thai_nguyen", end="2024-12-31", value=10.0, *, start=None, kind="actual", scope="province",
        method="", unit="usd_bn", indicator_unit="usd_bn", factor=1.0, indicator_type="level", measure="stock",
        direction="higher", qualifier="", source_id="s1") -> dict:
    """One row as queries/compare_values.sql returns it."""
    start = start or end
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    if first == last:
        period_type = "point"
    elif first.year == last.year and (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        period_type = "year"
    elif first.year == last.year:
        period_type = "part_year"
    else:
        period_type = "multi_year"
    label_vi, label_en, unit_base, unit_max = UNITS[unit]
    iu_vi, iu_en, _, iu_max = UNITS[indicator_unit]
    return {
        "indicator": "x", "indicator_name": "Chỉ tiêu X", "indicator_name_en": "Indicator X",
        "jurisdiction": jurisdiction, "jurisdiction_name": NAMES[jurisdiction],
        "jurisdiction_name_en": NAMES[jurisdiction].replace("trước sáp nhập", "before merger"),
        "kind": kind, "value": value, "value_in_indicator_unit": value * factor, "unit": unit,
        "unit_label": label_vi, "unit_label_en": label_en, "unit_base": unit_base, "unit_max": unit_max,
        "indicator_unit": indicator_unit, "indicator_unit_label": iu_vi, "indicator_unit_label_en": iu_en,
        "indicator_unit_max": iu_max, "indicator_type": indicator_type, "measure": measure, "direction": direction,
        "period_start": first.date(), "period_end": last.date(), "period_label": f"kỳ {end}",
        "period_type": period_type, "qualifier": qualifier,
        "qualifier_label": {"": "", "over": "trên", "about": "khoảng"}[qualifier],
        "qualifier_label_en": {"": "", "over": "over", "about": "about"}[qualifier],
        "scope": scope, "scope_label": SCOPES[scope][0], "scope_label_en": SCOPES[scope][1],
        "method": method, "method_label": METHODS[method][0], "method_label_en": METHODS[method][1],
        "method_short": METHODS[method][0], "method_short_en": METHODS[method][1],
        "source_id": source_id, "source_title": "Tiêu đề", "source_outlet": "Báo", "source_url": "",
        "source_file": "", "source_published": "2024", "quote": "", "note": "", "category": "fdi",
    }


def frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


# --- which values belong together -------------------------------------------------------------------------

@pytest.mark.parametrize("period_type, start, end, measure, expected", [
    ("part_year", "2024-01-01", "2024-06-30", "flow", 6),     # "6 tháng đầu năm"
    ("part_year", "2025-01-01", "2025-02-28", "flow", 2),     # "2 tháng đầu năm"
    ("part_year", "2024-01-01", "2024-03-31", "flow", 3),     # "quý I"
    ("multi_year", "2021-01-01", "2025-12-31", "flow", 5),    # "giai đoạn 2021-2025"
    ("year", "2024-01-01", "2024-12-31", "flow", 0),          # a full year needs no length
    ("point", "2024-12-31", "2024-12-31", "stock", 0),        # stocks: the length does not matter
    ("part_year", "2024-01-01", "2024-06-30", "stock", 0),
])
def test_period_span(period_type, start, end, measure, expected):
    assert compare.period_span(period_type, start, end, measure) == expected


@pytest.mark.parametrize("first, second, same", [
    (("usd", None), ("usd", None), True),        # million and billion USD: a change of scale only
    (("usd", float("nan")), ("usd", None), True),
    (("rank", 63.0), ("rank", 34.0), False),     # rank of 63 and rank of 34: a change of meaning
    (("rank", 63.0), ("rank", 63), True),
    (("usd", None), ("vnd", None), False),
])
def test_unit_meaning(first, second, same):
    assert (compare.unit_meaning(*first) == compare.unit_meaning(*second)) is same


def test_series_are_split_at_every_break():
    rows = frame(
        obs("thai_nguyen", "2022-12-31", 10), obs("thai_nguyen", "2023-12-31", 11),           # one series
        obs("thai_nguyen", "2024-12-31", 5, scope="industrial_zones"),                       # scope break
        obs("thai_nguyen", "2024-06-30", 3, method="gso_value_added"),                       # method break
        obs("thai_nguyen_2025", "2025-12-31", 12),                                           # boundary break
        obs("vinh_phuc", "2022-12-31", 4), obs("vinh_phuc", "2024-12-31", 6),                 # other province
        obs("vinh_phuc", "2030-12-31", 9, kind="target"),                                    # targets: no series
    )
    groups = compare.series_groups(rows)
    assert [len(g) for g in groups] == [2, 1, 1, 1, 2]
    # Thái Nguyên before Vĩnh Phúc, each province before its merged successor, province-wide first
    assert [g["jurisdiction"].iloc[0] for g in groups] == ["thai_nguyen"] * 3 + ["thai_nguyen_2025", "vinh_phuc"]
    assert groups[0]["scope"].iloc[0] == "province"


def test_flows_of_different_length_are_different_series():
    rows = frame(
        obs("vinh_phuc", "2022-12-31", 453, start="2022-01-01", measure="flow"),
        obs("vinh_phuc", "2024-12-31", 636, start="2024-01-01", measure="flow"),
        obs("vinh_phuc", "2023-06-30", 340, start="2023-01-01", measure="flow"),
        obs("vinh_phuc", "2024-03-31", 347, start="2024-01-01", measure="flow"),
        obs("vinh_phuc", "2025-12-31", 3200, start="2021-01-01", measure="flow"),
    )
    assert sorted(len(g) for g in compare.series_groups(rows)) == [1, 1, 1, 2]


def test_values_not_on_the_indicators_scale_are_left_out():
    row = obs("thai_nguyen", "2024-12-31", 5)
    row["value_in_indicator_unit"] = None
    (only,) = compare.series_groups(frame(row, obs("vinh_phuc", "2024-12-31", 6)))
    assert only["jurisdiction"].tolist() == ["vinh_phuc"]


# --- change within a series -----------------------------------------------------------------------------

@pytest.mark.parametrize("absolute, direction, expected", [
    (2.0, "higher", compare.BETTER), (-2.0, "higher", compare.WORSE),
    (-4.0, "lower", compare.BETTER),  # a rank going from 12 to 8 is better
    (3.0, "lower", compare.WORSE), (0.0, "higher", compare.UNCHANGED), (None, "higher", ""),
])
def test_trend(absolute, direction, expected):
    assert compare.trend(absolute, direction) == expected


@pytest.mark.parametrize("start, end, indicator_type, absolute, relative", [
    (10.3, 11.2, "level", 0.9, 8.737864),
    (4.15, 8.43, "level", 4.28, 103.13253),
    (1015, 636, "level", -379, -37.339901),
    (22.87, 25.0, "share", 2.13, 9.313511),
    (12, 8, "rank", -4, None),          # no relative change of a rank
    (4.24, 6.5, "rate", 2.26, None),    # nor of a growth rate
    (0, 5, "count", 5, None),           # nor from zero
])
def test_change(start, end, indicator_type, absolute, relative):
    got_absolute, got_relative = compare.change(start, end, indicator_type)
    assert got_absolute == pytest.approx(absolute)
    assert got_relative == (None if relative is None else pytest.approx(relative))


def test_series_changes_first_to_last_of_each_series():
    rows = frame(
        obs("thai_nguyen", "2024-08-16", 11.2, source_id="b"), obs("thai_nguyen", "2022-07-31", 10.3, qualifier="about"),
        obs("thai_nguyen", "2023-12-31", 10.72),
        obs("vinh_phuc", "2024-12-06", 6.74, scope="industrial_zones"),
        obs("vinh_phuc", "2023-02-15", 5.95, scope="industrial_zones"),
        obs("vinh_phuc", "2025-01-31", 8.43, qualifier="over"),
    )
    changes = {(c.jurisdiction, c.first["scope"]): c for c in compare.series_changes(rows)}
    thai = changes[("thai_nguyen", "province")]
    assert (thai.first["value"], thai.last["value"], thai.values, thai.periods) == (10.3, 11.2, 3, 3)
    assert thai.absolute == pytest.approx(0.9) and thai.relative == pytest.approx(8.737864)
    assert thai.trend == compare.BETTER
    zones = changes[("vinh_phuc", "industrial_zones")]
    assert zones.absolute == pytest.approx(0.79)
    single = changes[("vinh_phuc", "province")]
    assert (single.absolute, single.relative, single.trend, single.periods) == (None, None, "", 1)


def test_two_sources_for_one_date_are_not_a_change():
    rows = frame(obs("thai_nguyen", "2024-12-31", 10, source_id="a"), obs("thai_nguyen", "2024-12-31", 11, source_id="b"))
    (only,) = compare.series_changes(rows)
    assert (only.values, only.periods, only.absolute) == (2, 1, None)


@pytest.mark.parametrize("lang, absolute, relative, trend", [
    ("vi", "+0,9 tỷ USD", "+8,7 %", "▲ tốt lên"),
    ("en", "+0.9 billion USD", "+8.7%", "▲ better"),
])
def test_change_table_in_both_languages(lang, absolute, relative, trend):
    rows = frame(obs("thai_nguyen", "2022-07-31", 10.3, qualifier="about"), obs("thai_nguyen", "2024-08-16", 11.2),
                 obs("vinh_phuc", "2025-01-31", 8.43, qualifier="over"))
    table = compare.change_table(compare.series_changes(rows), lang)
    assert len(table) == 2
    first = table.iloc[0].tolist()
    assert first[4:7] == [absolute, relative, trend]
    assert first[2].startswith("khoảng 10,3 tỷ USD" if lang == "vi" else "about 10.3 billion USD")
    assert table.iloc[1].tolist()[4:7] == ["–", "–", "–"]
    assert table.iloc[1].tolist()[7]  # says why there is no change


def test_change_table_counts_ranks_in_places():
    rows = frame(obs("thai_nguyen", "2020-12-31", 12, unit="rank_of_63", indicator_unit="rank_of_63",
                     indicator_type="rank", direction="lower"),
                 obs("thai_nguyen", "2022-12-31", 8, unit="rank_of_63", indicator_unit="rank_of_63",
                     indicator_type="rank", direction="lower"))
    row = compare.change_table(compare.series_changes(rows), "vi").iloc[0].tolist()
    assert row[4:7] == ["−4 bậc", "–", "▲ tốt lên"]


def test_change_table_of_nothing_has_its_columns():
    assert list(compare.change_table([], "en").columns)[:2] == ["Series", "Values"]


# --- caveats ---------------------------------------------------------------------------------------------

RANK = dict(unit="rank_of_63", indicator_unit="rank_of_63", indicator_type="rank", direction="lower")


@pytest.mark.parametrize("rows, expected", [
    # like for like: no caveat
    ([obs("thai_nguyen", "2023-12-31"), obs("vinh_phuc", "2023-12-31")], []),
    # million and billion USD are the same unit on another scale
    ([obs("thai_nguyen", "2023-12-31"), obs("vinh_phuc", "2023-12-31", 800, unit="usd_mn", factor=0.001)], []),
    # Vĩnh Phúc's FDI inside industrial zones only, Thái Nguyên's province-wide
    ([obs("thai_nguyen", "2023-12-31"), obs("vinh_phuc", "2023-12-31", scope="industrial_zones")], ["scope"]),
    # 2022 annual report vs GSO value-added method
    ([obs("thai_nguyen", "2022-12-31", method="annual_report_2022"),
      obs("phu_tho_2025", "2025-12-31", method="gso_value_added")], ["method"]),
    # rank of 63 before the mergers, rank of 34 after
    ([obs("thai_nguyen", "2022-12-31", 8, **RANK), obs("vinh_phuc", "2022-12-31", 18, **RANK),
      obs("thai_nguyen_2025", "2024-12-31", 8, **{**RANK, "unit": "rank_of_34"})], ["unit"]),
    # a half-year against full years
    ([obs("thai_nguyen", "2024-06-30", 300, start="2024-01-01", measure="flow"),
      obs("vinh_phuc", "2024-12-31", 636, start="2024-01-01", measure="flow")], ["period"]),
    # first two months against first seven: both part-years, still not comparable
    ([obs("thai_nguyen", "2022-07-31", 1524, start="2022-01-01", measure="flow"),
      obs("vinh_phuc", "2025-02-28", 113, start="2025-01-01", measure="flow")], ["period"]),
    # stocks as of different dates are fine
    ([obs("thai_nguyen", "2023-08-31"), obs("vinh_phuc", "2024-12-31", start="2024-01-01")], []),
    # several at once, in a fixed order
    ([obs("thai_nguyen", "2024-06-30", start="2024-01-01", measure="flow"),
      obs("vinh_phuc", "2024-12-31", start="2024-01-01", measure="flow", scope="industrial_zones",
          method="gso_value_added")], ["scope", "method", "period"]),
    # targets do not count: they are not what is compared
    ([obs("thai_nguyen", "2023-12-31"), obs("vinh_phuc", "2023-12-31"),
      obs("vinh_phuc", "2030-12-31", scope="industrial_zones", kind="target")], []),
])
def test_detect_caveats(rows, expected):
    assert [c.dimension for c in compare.detect_caveats(frame(*rows))] == expected


def test_caveat_says_what_each_province_has():
    rows = frame(obs("vinh_phuc", "2023-12-31", scope="industrial_zones"), obs("thai_nguyen", "2023-12-31"),
                 obs("vinh_phuc", "2025-01-31"))
    (caveat,) = compare.detect_caveats(rows)
    assert caveat.by_jurisdiction == (("thai_nguyen", ("province",)), ("vinh_phuc", ("industrial_zones", "province")))
    (vi,) = compare.caveat_texts(rows, "vi")
    assert "Thái Nguyên (trước sáp nhập): toàn tỉnh; Vĩnh Phúc (trước sáp nhập): chỉ trong các KCN, toàn tỉnh" in vi
    (en,) = compare.caveat_texts(rows, "en")
    assert "industrial zones (KCN) only" in en and "differ in scope" in en


def test_unit_caveat_names_both_units():
    rows = frame(obs("thai_nguyen", "2022-12-31", 8, **RANK),
                 obs("thai_nguyen_2025", "2024-12-31", 8, **{**RANK, "unit": "rank_of_34"}))
    (text,) = compare.caveat_texts(rows, "vi")
    assert "hạng/63" in text and "hạng/34" in text


@pytest.mark.parametrize("lang, expected", [
    ("vi", "Vĩnh Phúc (trước sáp nhập) · chỉ trong các KCN (6 tháng)"),
    ("en", "Vĩnh Phúc (before merger) · industrial zones (KCN) only (6 months)"),
])
def test_series_label(lang, expected):
    row = compare.with_series_keys(frame(obs("vinh_phuc", "2024-06-30", start="2024-01-01", measure="flow",
                                             scope="industrial_zones"))).iloc[0].to_dict()
    assert compare.series_label(row, lang) == expected


def test_a_value_in_another_unit_keeps_its_unit():
    row = compare.with_series_keys(frame(obs("thai_nguyen_2025", "2024-12-31", 8,
                                             **{**RANK, "unit": "rank_of_34"}))).iloc[0].to_dict()
    assert compare.unit_label(row, "vi") == "hạng/34"
    assert compare.series_label(row, "vi").endswith("· hạng/34")


# --- the figure ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, separators", [("vi", ",."), ("en", ".,")])
def test_figure_has_one_trace_per_series_and_the_targets(lang, separators):
    rows = frame(obs("thai_nguyen", "2022-12-31", 10), obs("thai_nguyen", "2023-12-31", 11),
                 obs("vinh_phuc", "2023-12-31", 6, scope="industrial_zones"), obs("vinh_phuc", "2024-12-31", 8),
                 obs("vinh_phuc", "2030-12-31", 20, kind="target"))
    figure = compare_figures.comparison(rows, lang, title="T")
    assert figure.layout.separators == separators
    names = [trace.name for trace in figure.data]
    assert len(names) == 4 and len(set(names)) == 4
    assert figure.data[0].mode == "lines+markers"


def test_ranks_read_best_at_the_top():
    rows = frame(obs("thai_nguyen", "2022-12-31", 8, **RANK), obs("vinh_phuc", "2022-12-31", 18, **RANK))
    figure = compare_figures.comparison(rows, "vi", title="T")
    assert figure.layout.yaxis.autorange == "reversed"
    assert "hạng 1" in figure.layout.yaxis.title.text


# --- against the real database ---------------------------------------------------------------------------

def test_indicators_held_for_both_provinces(built_db):
    from provdash.queries import connect_readonly, run_query
    con = connect_readonly(built_db)
    try:
        indicators = run_query(con, "compare_indicators", jurisdictions=compare.COMPARED_JURISDICTIONS)
        assert {"fdi_registered_capital", "digital_economy_share_grdp", "dti_rank"} <= set(indicators["indicator"])
        assert compare.DEFAULT_INDICATOR in set(indicators["indicator"])
        for indicator in indicators["indicator"]:
            values = run_query(con, "compare_values", indicator=indicator, jurisdictions=compare.COMPARED_JURISDICTIONS)
            actual = set(values.loc[values["kind"] == "actual", "jurisdiction"])
            assert actual & {"thai_nguyen", "thai_nguyen_2025"} and actual & {"vinh_phuc", "phu_tho_2025"}, indicator
        only_thai = run_query(con, "compare_values", indicator="samsung_fdi_capital",
                              jurisdictions=compare.COMPARED_JURISDICTIONS)
        assert "samsung_fdi_capital" not in set(indicators["indicator"]) and not only_thai.empty
    finally:
        con.close()


@pytest.mark.parametrize("cell, shown_raw", [
    ("[link](javascript:alert(1))", r"\[link\]\(javascript\:alert\(1\)\)"),
    ("<b>x</b>", r"\<b\>x\</b\>"),
    ("**bold** _it_", r"\*\*bold\*\* \_it\_"),
    ("+0,9 tỷ USD", r"\+0,9 tỷ USD"),
])
def test_change_table_cells_are_inert_markdown(cell, shown_raw):
    safe = compare.markdown_safe(pd.DataFrame({"a*b": [cell]}))
    assert safe.iloc[0, 0] == shown_raw and list(safe.columns) == [r"a\*b"]
