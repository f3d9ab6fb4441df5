"""Long series are thinned for drawing, never averaged: every point drawn is a value as its source gave it."""
from __future__ import annotations

from datetime import date

import pandas as pd

from provdash.figures import base


def monthly(months: int, measure: str, period_type: str) -> pd.DataFrame:
    ends = pd.date_range("2010-01-31", periods=months, freq="ME").date
    starts = [date(d.year, d.month, 1) if period_type == "part_year" else d for d in ends]
    return pd.DataFrame({"period_start": starts, "period_end": ends, "value": range(months),
                         "measure": measure, "period_type": period_type, "source_id": "s"})


def test_short_series_are_drawn_whole():
    frame = monthly(base.MAX_POINTS, "stock", "point")
    drawn, words = base.drawable_points(frame)
    assert len(drawn) == base.MAX_POINTS and words == ""


def test_long_as_of_series_keep_the_last_value_of_each_year():
    frame = monthly(15 * 12 + 6, "stock", "point")  # 2010-01 … 2025-06
    drawn, words = base.drawable_points(frame)
    assert words == "series_year_end"
    assert [d.year for d in drawn["period_end"]] == list(range(2010, 2026))
    assert all(d.month == 12 for d in drawn["period_end"][:-1]) and drawn["period_end"].iloc[-1].month == 6
    merged = drawn.merge(frame, on=["period_end", "value"])  # the very values of the source, not averages
    assert len(merged) == len(drawn)


def test_long_part_year_amounts_keep_the_latest_periods_not_one_month_a_year():
    frame = monthly(200, "flow", "part_year")
    drawn, words = base.drawable_points(frame)
    assert words == "series_latest_periods"
    assert len(drawn) == base.MAX_POINTS
    assert list(drawn["value"]) == list(range(200 - base.MAX_POINTS, 200))


def test_thinned_series_say_so_in_their_legend_name():
    frame = monthly(120, "stock", "point").assign(
        indicator="digital_tech_enterprises", jurisdiction="thai_nguyen", scope="province", method="",
        value_in_indicator_unit=lambda f: f["value"], unit="enterprises", unit_label="doanh nghiệp",
        unit_label_en="enterprises", qualifier="", qualifier_label="", qualifier_label_en="", period_label="x",
        scope_label="", scope_label_en="", method_label="", method_label_en="", source_title="t",
        jurisdiction_name="Thái Nguyên", jurisdiction_name_en="Thai Nguyen", indicator_name="DN",
        indicator_name_en="Firms", kind="actual")
    figure = base.go.Figure()
    base.add_value_series(figure, frame, "vi")
    assert len(figure.data) == 1 and len(figure.data[0].x) == 10
    assert "giá trị cuối mỗi năm" in figure.data[0].name


def test_hover_lines_shared_by_a_line_are_sent_once_and_read_the_same():
    hovers = [f"<b>Thái Nguyên</b><br>{v} tỷ USD<br>năm {2010 + v}<br>Nguồn: Báo X" for v in range(5)]
    trace = base.hover_properties(hovers)
    assert trace["meta"] == ["<b>Thái Nguyên</b><br>", "<br>Nguồn: Báo X"]
    assert trace["text"] == [f"{v} tỷ USD<br>năm {2010 + v}" for v in range(5)]
    read = [trace["hovertemplate"].replace("%{meta[0]}", trace["meta"][0]).replace("%{meta[1]}", trace["meta"][1])
            .replace("%{text}", text).replace("<extra></extra>", "") for text in trace["text"]]
    assert read == hovers
    assert base.hover_properties(hovers[:1]) == {"text": hovers[:1], "hovertemplate": "%{text}<extra></extra>"}
