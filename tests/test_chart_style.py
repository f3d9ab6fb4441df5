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

