"""The chart vocabulary people read: colours that pass WCAG contrast against white (3:1 for graphics, 4,5:1 for the
labels written in them) and keep a merged province visibly related to the one it continues."""
from __future__ import annotations

import colorsys

import pytest

from provdash.figures import base


def luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(colour: str, background: str = "#FFFFFF") -> float:
    lighter, darker = sorted((luminance(colour), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def hue(colour: str) -> float:
    return colorsys.rgb_to_hls(*(int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)))[0] * 360


@pytest.mark.parametrize("colour", sorted(set(base.COLOURS.values()) | set(base.FALLBACK_COLOURS)))
def test_every_series_colour_reads_as_text_on_white(colour):
    assert contrast(colour) >= 4.5, f"{colour} is {contrast(colour):.2f}:1 against white"


@pytest.mark.parametrize(("old", "merged"), [("thai_nguyen", "thai_nguyen_2025"), ("vinh_phuc", "phu_tho_2025")])
def test_a_merged_province_is_its_predecessors_hue_darker(old, merged):
    before, after = base.COLOURS[old], base.COLOURS[merged]
    assert abs(hue(before) - hue(after)) < 12, "same hue: the lineage shows"
    assert contrast(after, before) >= 1.6, "clearly darker: never read as one line"


def test_the_two_provinces_differ_for_colour_blind_readers():
    """Blue against vermillion, and in lightness too, so no common colour-vision deficiency merges them."""
    thai, vinh = base.COLOURS["thai_nguyen"], base.COLOURS["vinh_phuc"]
    assert abs(hue(thai) - hue(vinh)) > 120


# --- legends and labels (issue 14 item 8) -------------------------------------------------------------------

import pandas as pd  # noqa: E402

from provdash.figures import trajectory  # noqa: E402
from tests.test_fdi_figures import frame, obs  # noqa: E402
from tests.test_year_axis import share_rows  # noqa: E402


def both_provinces():
    vinh = share_rows().assign(jurisdiction="vinh_phuc", jurisdiction_name="Vĩnh Phúc (trước sáp nhập)",
                               jurisdiction_name_en="Vĩnh Phúc (before merger)")
    vinh["value"] = vinh["value_in_indicator_unit"] = vinh["value"] + 3
    return pd.concat([share_rows(), vinh], ignore_index=True)


def test_every_provinces_targets_are_in_the_legend():
    figure, _ = trajectory.trajectory(both_provinces(), "vi", title="T", y_title="%")
    shown = [tr.name for tr in figure.data if tr.showlegend is not False]
    assert "Mục tiêu – Thái Nguyên (trước sáp nhập)" in shown and "Mục tiêu – Vĩnh Phúc (trước sáp nhập)" in shown


def test_legend_entries_in_one_colour_belong_to_one_province():
    """A path's legend entry stands for every province's path: grey, never one province's blue."""
    figure, _ = trajectory.trajectory(both_provinces(), "vi", title="T", y_title="%")
    owners: dict[str, set[str]] = {}
    for trace in figure.data:
        if trace.showlegend is False or (trace.legendgroup or "").startswith("path-"):  # grey, told by their dash
            continue
        colour = (trace.marker.color if trace.mode and "markers" in trace.mode else trace.line.color)
        owners.setdefault(str(colour), set()).add(trace.name.replace("Mục tiêu – ", "").split(" · ")[0])
    assert all(len(names) == 1 for names in owners.values()), owners
    paths = [tr for tr in figure.data if (tr.legendgroup or "").startswith("path-") and tr.showlegend is not False]
    assert paths and all(tr.line.color == base.PATH_LEGEND_COLOUR for tr in paths)


@pytest.mark.parametrize(("points", "highest", "expected"), [
    ([("2025-07-02", 300), ("2025-07-02", 700)], None, ["bottom center", "top center"]),  # never towards each other
    ([("2022-07-02", 1), ("2025-07-02", 2), ("2030-07-02", 3)], None, ["top right", "top center", "top left"]),
    ([("2030-07-02", 5)], None, ["top center"]),
    ([("2025-07-02", 35), ("2030-07-02", 35), ("2030-07-02", 35)], None, ["top right", "top left", "bottom left"]),
    # three in a year: the one between beside its star
    ([("2022-07-02", 40), ("2030-07-02", 30), ("2030-07-02", 35), ("2030-07-02", 35)], None,
     ["top right", "bottom left", "top left", "middle left"]),
    # a low star: beside it, not under it (under it is below the axis), the chart's highest value deciding
    ([("2025-07-02", 300), ("2025-07-02", 700), ("2030-07-02", 3000)], None, ["middle right", "top right", "top left"]),
    ([("2025-07-02", 300), ("2025-07-02", 700)], 3000, ["middle right", "top center"]),
])
def test_target_labels_go_apart_and_stay_inside(points, highest, expected):
    assert base.target_label_positions([(pd.Timestamp(x), y) for x, y in points], highest) == expected


def test_target_labels_in_the_charts_last_year_go_left_whatever_the_other_stars():
    """Targets all in 2030 on a chart from 2019: 2030 is the chart's edge, so the labels go left of their stars."""
    points = [(pd.Timestamp("2030-07-02"), 7000), (pd.Timestamp("2030-07-02"), 4245)]
    assert base.target_label_positions(points, 7000) == ["top center", "bottom center"]
    assert base.target_label_positions(points, 7000, (2019, 2030)) == ["top left", "bottom left"]
