"""A year's value is drawn at that year: in the middle of the year, above the year's label, never on the next
year's tick (issue 14: the 2025 targets sat on "2026"). Part-years sit in the middle of their period, values as of
a date at the date; the axis has a tick per year and labels in the middle of their year. The same figures go to
the page, the server-rendered PNG and the meeting PDF."""
from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pytest

from provdash.figures import base, trajectory
from provdash.figures import compare as compare_figures
from tests.test_fdi_figures import frame, obs


@pytest.mark.parametrize(("start", "end", "kind", "period_type", "expected"), [
    ("2022-01-01", "2022-12-31", "actual", "year", "2022-07-02 12:00"),
    ("2024-01-01", "2024-12-31", "actual", "year", "2024-07-02"),          # a leap year: its own middle
    ("2025-01-01", "2025-12-31", "target", "year", "2025-07-02 12:00"),
    ("2026-01-01", "2030-12-31", "target", "multi_year", "2030-07-02 12:00"),  # a goal for 2026–2030: by 2030
    ("2024-01-01", "2024-06-30", "actual", "part_year", "2024-04-01"),      # the first half: its middle
    ("2024-08-16", "2024-08-16", "actual", "point", "2024-08-16"),          # as of a date: that date
    ("2024-12-06", "2024-12-06", "target", "point", "2024-12-06"),
])
def test_where_a_value_is_drawn(start, end, kind, period_type, expected):
    row = {"period_start": date.fromisoformat(start), "period_end": date.fromisoformat(end), "kind": kind,
           "period_type": period_type}
    assert base.plot_x(row) == pd.Timestamp(expected)


def share_rows():
    common = dict(indicator="digital_economy_share_grdp", unit="pct", indicator_unit="pct", measure="stock",
                  indicator_type="share", name="Tỷ trọng KTS", name_en="Digital economy share")
    return frame(obs(start="2022-01-01", end="2022-12-31", label="năm 2022", value=22.0, **common),
                 obs(start="2023-01-01", end="2023-12-31", label="năm 2023", value=24.0, **common),
                 obs(start="2025-01-01", end="2025-12-31", label="đến năm 2025", value=30.0, kind="target", **common),
                 obs(start="2030-01-01", end="2030-12-31", label="đến năm 2030", value=40.0, kind="target", **common))


def year_of(x) -> int:
    """The year whose label a point sits above: labels are under the middle of each year."""
    moment = pd.Timestamp(x)
    return moment.year


def test_values_targets_and_paths_sit_in_their_years():
    figure, _ = trajectory.trajectory(share_rows(), "vi", title="T", y_title="%")
    actual = next(tr for tr in figure.data if tr.mode and "lines" in tr.mode and tr.name and "Thái Nguyên" in tr.name)
    assert [pd.Timestamp(x) for x in actual.x] == [base.year_middle(2022), base.year_middle(2023)]
    stars = next(tr for tr in figure.data if tr.marker and tr.marker.symbol == "star")
    assert [pd.Timestamp(x) for x in stars.x] == [base.year_middle(2025), base.year_middle(2030)]
    paths = [tr for tr in figure.data if tr.line and tr.line.dash in ("dash", "dot") and tr.x is not None
             and len(tr.x) > 1]
    assert paths
    for path in paths:  # from the latest value's marker to a star or a year's middle, never a year end
        assert pd.Timestamp(path.x[0]) == base.year_middle(2023)
        assert all(pd.Timestamp(x) == base.year_middle(pd.Timestamp(x).year) for x in path.x)


def test_the_axis_has_a_tick_per_year_and_labels_under_the_years():
    figure, _ = trajectory.trajectory(share_rows(), "vi", title="T", y_title="%")
    axis = figure.layout.xaxis
    assert [pd.Timestamp(x) for x in axis.range] == [pd.Timestamp(2022, 1, 1), pd.Timestamp(2031, 1, 1)]
    assert axis.tickformat == "%Y" and axis.dtick == "M12" and axis.minor.dtick == "M12"
    assert pd.Timestamp(axis.tick0) == base.year_middle(2000)  # labels under the middle of each year


@pytest.mark.parametrize(("years", "step"), [(9, 1), (16, 1), (17, 2), (32, 2), (36, 5)])
def test_long_axes_label_every_few_years_but_tick_every_year(years, step):
    figure = go.Figure(go.Scatter(x=[base.year_middle(2015), base.year_middle(2015 + years - 1)], y=[1, 2]))
    base.year_axis(figure, base.trace_xs(figure))
    assert figure.layout.xaxis.dtick == f"M{12 * step}" and figure.layout.xaxis.minor.dtick == "M12"
    assert pd.Timestamp(figure.layout.xaxis.tick0).year % step == 0


def test_the_compare_chart_draws_years_at_their_years_too():
    figure = compare_figures.comparison(share_rows().assign(jurisdiction_name_en="Thai Nguyen",
                                                            indicator_unit_label="%", indicator_unit_label_en="%"),
                                        "vi", title="T")
    xs = {pd.Timestamp(x) for tr in figure.data for x in tr.x}
    assert xs == {base.year_middle(y) for y in (2022, 2023, 2025, 2030)}
    assert figure.layout.xaxis.tickformat == "%Y"
