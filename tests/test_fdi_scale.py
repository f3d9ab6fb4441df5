"""The FDI page at national scale: the queries hand over year-end stocks, full years and only the latest part of
a year (never a sum); charts mark at most a few falls, draw at most a few dozen drawn a panel and list the newest
comparable pairs, each time saying what is left out; the bar panels lay out one panel per indicator. Plus the
page itself on a small synthetic national database."""
from __future__ import annotations

import json
import re
from datetime import date

import duckdb
import pandas as pd
import plotly.graph_objects as go
import pytest

from provdash import scale_db
from provdash.figures import bars, base, fdi_flows, fdi_growth, fdi_stock, parts, trajectory
from provdash.i18n import t
from provdash.queries import connect_readonly, run_query
from tests.conftest import open_app_page
from tests.test_fdi_figures import obs

# --- the queries: what reaches Python at scale ---------------------------------------------------------------

COLUMNS = ["obs_id", "indicator", "jurisdiction", "scope", "method", "kind", "source_id", "period_start",
           "period_end", "period_type", "value"]


def month_end(year: int, month: int) -> date:
    return (pd.Timestamp(year, month, 1) + pd.offsets.MonthEnd(0)).date()


def store_rows() -> list[tuple]:
    rows = []

    def add(indicator, start, end, period_type, value, source="a", scope="province", kind="actual"):
        rows.append((f"{indicator}-{len(rows)}", indicator, "thai_nguyen", scope, "", kind, source, start, end,
                     period_type, float(value)))

    for i, (year, month) in enumerate((y, m) for y in (2023, 2024) for m in range(1, 13) if (y, m) <= (2024, 6)):
        day = month_end(year, month)
        add("fdi_registered_capital", day, day, "point", 10 + i / 10)                     # source a, monthly
        add("fdi_new_capital", date(year, month, 1), day, "part_year", 40 + i)             # single months
    for day in (date(2023, 12, 31), date(2024, 3, 31)):
        add("fdi_registered_capital", day, day, "point", 9.5, source="b")                 # source b, now and then
    for month in range(1, 13):
        day = month_end(2023, month)
        add("fdi_registered_capital", day, day, "point", 5 + month / 10, scope="industrial_zones", source="c")
    add("fdi_new_capital", date(2023, 1, 1), date(2023, 12, 31), "year", 600)
    add("fdi_new_capital", date(2023, 1, 1), date(2023, 12, 31), "year", 610, source="b")
    add("fdi_new_capital", date(2023, 1, 1), date(2023, 6, 30), "part_year", 300, source="d")   # 6 months 2023
    add("fdi_new_capital", date(2024, 1, 1), date(2024, 5, 31), "part_year", 250, source="d")   # 5 months 2024
    add("fdi_new_capital", date(2021, 1, 1), date(2025, 12, 31), "multi_year", 3000, source="e")
    add("fdi_new_capital", date(2025, 1, 1), date(2025, 12, 31), "year", 700, kind="target", source="f")
    return rows


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A database holding only an `observations` table with the columns the FDI queries read."""
    path = tmp_path_factory.mktemp("fdi_store") / "store.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE observations (obs_id VARCHAR, indicator VARCHAR, jurisdiction VARCHAR, scope VARCHAR, "
                "method VARCHAR, kind VARCHAR, source_id VARCHAR, period_start DATE, period_end DATE, "
                "period_type VARCHAR, value DOUBLE)")
    con.executemany("INSERT INTO observations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", store_rows())
    con.close()
    reader = connect_readonly(path)
    yield reader
    reader.close()


PERIOD = dict(jurisdictions=["thai_nguyen"], start=date(2015, 1, 1), end=date(2035, 12, 31))
RAW = pd.DataFrame(store_rows(), columns=COLUMNS)


def test_stocks_arrive_as_each_sources_value_at_the_end_of_each_year(store):
    stock = run_query(store, "fdi_cumulative_capital_and_projects", **PERIOD)
    kept = sorted(zip(stock["source_id"], stock["scope"], stock["period_end"].dt.date.astype(str)))
    assert kept == [("a", "province", "2023-12-31"), ("a", "province", "2024-06-30"),   # year end, then the latest
                    ("b", "province", "2023-12-31"), ("b", "province", "2024-03-31"),
                    ("c", "industrial_zones", "2023-12-31")]
    assert stock["values_left_out"].sum() == 11 + 5 + 11  # a: Jan–Nov 2023 and Jan–May 2024; c: Jan–Nov 2023
    # never a sum or an average: every value returned is one of the source's own, with its own id
    assert set(stock["obs_id"]) <= set(RAW["obs_id"])
    assert (stock.set_index("obs_id")["value"] == RAW.set_index("obs_id").loc[stock["obs_id"], "value"]).all()


def test_flows_arrive_as_full_years_and_the_latest_part_of_a_year_of_each_series(store):
    flows = run_query(store, "fdi_new_and_added_by_period", **PERIOD)
    kept = sorted(zip(flows["period_type"], flows["kind"], flows["period_start"].dt.date.astype(str),
                      flows["period_end"].dt.date.astype(str), flows["value"]))
    assert kept == [
        ("multi_year", "actual", "2021-01-01", "2025-12-31", 3000.0),
        ("part_year", "actual", "2023-01-01", "2023-06-30", 300.0),   # the only six-month period: its own series
        ("part_year", "actual", "2024-01-01", "2024-05-31", 250.0),   # the only five-month period
        ("part_year", "actual", "2024-06-01", "2024-06-30", 57.0),    # the newest of the 18 single months
        ("year", "actual", "2023-01-01", "2023-12-31", 600.0),        # every full year, from every source
        ("year", "actual", "2023-01-01", "2023-12-31", 610.0),
        ("year", "target", "2025-01-01", "2025-12-31", 700.0),
    ]
    assert flows["values_left_out"].sum() == 17
    assert set(flows["obs_id"]) <= set(RAW["obs_id"])


def test_curated_data_arrives_whole(built_db):
    con = connect_readonly(built_db)
    try:
        for name, indicators in (("fdi_cumulative_capital_and_projects", fdi_stock.STOCK_INDICATORS),
                                 ("fdi_new_and_added_by_period", fdi_flows.CAPITAL_FLOWS + fdi_flows.PROJECT_FLOWS)):
            frame = run_query(con, name, **PERIOD | {"jurisdictions": ["thai_nguyen", "vinh_phuc"]})
            raw = con.execute("SELECT count(*) FROM observations WHERE list_contains(?, indicator) "
                              "AND jurisdiction IN ('thai_nguyen', 'vinh_phuc')", [list(indicators)]).fetchone()[0]
            # every curated value is returned, or (an earlier part of a year in a series of such parts) counted
            assert len(frame) + frame["values_left_out"].sum() == raw
            assert frame["values_left_out"].sum() <= 2  # Vĩnh Phúc H1 2016 and Thái Nguyên Jan-Feb 2022 today
    finally:
        con.close()


# --- falls, drawn and pairs: a cap, and words for what it leaves out ------------------------------------------

def stock(value, day, source="s", scope="province"):
    return obs(indicator="fdi_registered_capital", start=day, end=day, label=f"tháng {day[5:7]}/{day[:4]}",
               period_type="point", value=value, unit="usd_bn", indicator_unit="usd_bn", measure="stock",
               scope=scope, source=source, name="Vốn FDI đăng ký lũy kế", name_en="Cumulative registered FDI capital")


def zigzag(falls: int) -> pd.DataFrame:
    """A cumulative series that falls `falls` times, the k-th fall k hundredths of a billion deep."""
    rows, value = [], 10.0
    for k in range(1, falls + 1):
        rows.append(stock(value, f"{2000 + k}-06-30"))
        value -= k / 100
        rows.append(stock(value, f"{2000 + k}-12-31"))
        value += 1
    return pd.DataFrame(rows)


def test_at_most_a_few_falls_are_marked_the_largest_and_the_rest_are_counted():
    chart = fdi_stock.stock_chart(zigzag(8), "fdi_registered_capital", "vi")
    marks = chart.figure.layout.annotations
    assert len(marks) == fdi_stock.MAX_DECLINE_MARKERS
    assert sorted(pd.Timestamp(a.x).year for a in marks) == [2004, 2005, 2006, 2007, 2008]  # the deepest falls
    falls = [c for c in chart.caveats if "giảm từ" in c]
    assert len(falls) == fdi_stock.MAX_DECLINE_MARKERS
    assert any(c.startswith("Còn 3 lần giảm khác") for c in chart.caveats)
    few = fdi_stock.stock_chart(zigzag(2), "fdi_registered_capital", "en")
    assert len(few.figure.layout.annotations) == 2 and not any("further" in c for c in few.caveats)


def test_two_sources_disagreeing_on_one_date_is_not_a_fall():
    frame = pd.DataFrame([stock(10.5, "2023-12-31", "a"), stock(10.4, "2023-12-31", "b"),
                          stock(10.6, "2024-12-31", "a")])
    assert fdi_stock.stock_declines(frame) == []
    frame = pd.DataFrame([stock(10.5, "2023-12-31", "a"), stock(10.4, "2023-12-31", "b"),
                          stock(10.45, "2024-12-31", "b")])
    ((earlier, later),) = fdi_stock.stock_declines(frame)
    assert (earlier["value"], later["value"]) == (10.5, 10.45)  # from the highest of one date to the next date


def years_of_flows(first: int, last: int, sources: int = 1) -> pd.DataFrame:
    rows = [obs(start=f"{y}-01-01", end=f"{y}-12-31", label=f"năm {y}", value=100 + y - 2000 + s, source=f"s{s}",
                outlet=f"Outlet {s}", jurisdiction=j, scope=scope)
            for y in range(first, last + 1) for s in range(sources)
            for j in ("thai_nguyen", "vinh_phuc") for scope in ("province", "industrial_zones")]
    rows.append(obs(start="2025-01-01", end="2025-05-31", label="5 tháng đầu năm 2025", period_type="part_year"))
    rows.append(obs(start="2030-01-01", end="2030-12-31", label="năm 2030", kind="target", value=900))
    return pd.DataFrame(rows)


def test_a_panel_draws_the_newest_full_years_that_fit_and_says_so():
    inside = obs(start="2024-01-01", end="2024-06-30", label="6 tháng đầu năm 2024", period_type="part_year")
    frame = pd.concat([years_of_flows(2015, 2024, sources=2), pd.DataFrame([inside])], ignore_index=True)
    chart = fdi_flows.flow_chart(frame, fdi_flows.CAPITAL_FLOWS, "vi", fallback_title_key="fdi_capital_title_fallback")
    labels = [y for tr in chart.figure.data if tr.type == "bar" for y in tr.y]
    assert not any("6 tháng đầu năm 2024" in label for label in labels)  # inside a full year that is drawn
    assert len(labels) <= fdi_flows.MAX_PANEL_BARS
    # 8 drawn a year (2 places × 2 scopes × 2 sources) + the part of a year + the target: 3 years fit in 30
    assert {y for y in range(2015, 2025) if any(f"năm {y}" in label for label in labels)} == {2022, 2023, 2024}
    assert any("Mục tiêu: năm 2030" in label for label in labels)          # targets always stay
    assert any("5 tháng đầu năm 2025" in label for label in labels)        # so does the latest part of a year
    assert any("mỗi chuỗi chỉ vẽ 3 năm trọn gần nhất" in c for c in chart.caveats)
    assert len(chart.table) == 8 * 10 + 3                                    # the table keeps every period
    few = fdi_flows.flow_chart(pd.concat([years_of_flows(2023, 2024), pd.DataFrame([inside])], ignore_index=True),
                         fdi_flows.CAPITAL_FLOWS, "vi", fallback_title_key="fdi_capital_title_fallback")
    assert not any("năm trọn gần nhất" in c for c in few.caveats)
    assert any("6 tháng đầu năm 2024" in y for tr in few.figure.data if tr.type == "bar" for y in tr.y)


def test_each_series_keeps_its_own_newest_full_year_when_places_end_in_different_years():
    old = years_of_flows(2015, 2024, sources=2)
    merged = old[old["jurisdiction"] == "thai_nguyen"].assign(
        jurisdiction="thai_nguyen_2025", jurisdiction_name="Thái Nguyên (sau sáp nhập)",
        jurisdiction_name_en="Thái Nguyên (merged)")
    merged = merged.assign(period_start=merged["period_start"] + pd.DateOffset(years=1),
                           period_end=merged["period_end"] + pd.DateOffset(years=1),
                           period_label=[f"năm {d.year}" for d in merged["period_end"] + pd.DateOffset(years=1)])
    chart = fdi_flows.flow_chart(pd.concat([old, merged], ignore_index=True), fdi_flows.CAPITAL_FLOWS, "en",
                           fallback_title_key="fdi_capital_title_fallback")
    labels = [y for tr in chart.figure.data if tr.type == "bar" for y in tr.y]
    for name, year in (("Thái Nguyên (before merger)", 2024), ("Vĩnh Phúc (before merger)", 2024),
                       ("Thái Nguyên (merged)", 2025)):
        assert any(label.startswith(name) and f"<br>{year}" in label for label in labels), (name, year)


def test_kcn_periods_are_listed_up_to_a_few_then_counted():
    caveat = next(c for c in fdi_flows.flow_caveats(years_of_flows(2015, 2024), "vi") if "(KCN)" in c)
    assert caveat.count("năm 20") == parts.MAX_LISTED_PERIODS and "(và 14 kỳ khác)" in caveat


def test_many_comparable_pairs_list_only_the_newest_of_each_series():
    pairs = fdi_growth.comparable_growth(years_of_flows(2010, 2024))
    assert len(pairs) == 4 * 14 > fdi_growth.MAX_GROWTH_ROWS  # 2 places × 2 scopes, each year with the one before
    shown, left_out = fdi_growth.newest_pairs(pairs)
    assert len(shown) == 4 and left_out == 52 and set(shown["to_label"]) == {"năm 2024"}
    assert fdi_growth.growth_left_out_notes(left_out, "en")[0].startswith("52 older comparable pairs are not listed")
    few = fdi_growth.comparable_growth(years_of_flows(2015, 2024))
    shown, left_out = fdi_growth.newest_pairs(few)
    assert len(shown) == len(few) == 36 and left_out == 0
    assert fdi_growth.growth_left_out_notes(0, "vi") == []


# --- the shared builders: tables and drawn -------------------------------------------------------------------

def rendered(trace) -> list[str]:
    """The hover texts a reader sees: the trace's shared lines (meta) around each point's own."""
    attribute = "text" if "%{text}" in trace.hovertemplate else "hovertext"
    meta = list(trace.meta) if trace.meta else ["", ""]
    return [trace.hovertemplate.replace("%{meta[0]}", meta[0]).replace("%{meta[1]}", meta[1])
            .replace("%{" + attribute + "}", text).replace("<extra></extra>", "")
            for text in getattr(trace, attribute)]


def test_table_with_notes_is_values_table_plus_the_note():
    frame = years_of_flows(2023, 2024).assign(note="n", note_vi="g")
    for lang in ("vi", "en"):
        expected = trajectory.values_table(frame, lang)
        expected[t("fdi_col_note", lang)] = frame["note" if lang == "en" else "note_vi"].tolist()
        pd.testing.assert_frame_equal(parts.table_with_notes(frame, lang), expected, check_dtype=False)


@pytest.mark.parametrize("sizes", [[2], [3, 2], [10, 2, 7], [40, 3, 3, 12, 2]])
def test_bar_panels_give_each_indicator_its_own_panel_sized_by_its_bars(sizes):
    frame = pd.DataFrame([dict(panel=f"P{p}", category=f"c{p}-{i}", value=float(i + 1), text="t", hover="h",
                               colour="#0072B2", look="year", legend="L", group=f"g{p}")
                          for p, size in enumerate(sizes) for i in range(size)])
    figure = bars.bar_panels(frame, "vi", title="T", source_text="S", no_data_text="–")
    assert [tr.yaxis for tr in figure.data] == ["y"] + [f"y{row}" for row in range(2, len(sizes) + 1)]
    heights = []
    for row in range(1, len(sizes) + 1):
        axis = figure.layout["yaxis" if row == 1 else f"yaxis{row}"]
        heights.append(axis.domain[1] - axis.domain[0])
        assert list(axis.categoryarray) == [f"c{row - 1}-{i}" for i in range(sizes[row - 1])]
        title = next(a for a in figure.layout.annotations if a.text == f"P{row - 1}")
        assert title.y == axis.domain[1]  # the panel's name sits on top of its panel
    for height, size in zip(heights, sizes):
        assert height / sum(heights) == pytest.approx(size / sum(sizes), rel=0.01)
    assert all((tr.orientation, tr.textposition, tr.cliponaxis) == ("h", "outside", False) for tr in figure.data)


@pytest.mark.parametrize("summary", ["", "S" * 150, "S" * 400])
@pytest.mark.parametrize("title", ["T", "Thái Nguyên – Vốn FDI cấp mới, năm 2024: tăng khoảng 104,7 % so với năm 2023" * 2])
@pytest.mark.parametrize("sizes", [[1], [6, 2], [17, 9, 8], [30]])
def test_bar_slides_fit_the_screen_and_show_every_bar_once_on_its_panels_scale(sizes, title, summary):
    frame = pd.DataFrame([dict(panel=f"P{p}", category=f"c{p}-{i}", value=float((i * 7) % 11 + p), text="t",
                               hover="h", colour="#0072B2", look="year", legend="L", group=f"g{p}")
                          for p, size in enumerate(sizes) for i in range(size)])
    slides = bars.bar_slides(frame, "vi", title=title, source_text="S", no_data_text="–", summary=summary,
                             style=base.PRESENTER)
    shown: dict[str, list] = {}
    for slide in slides:
        figure = slide.figure
        assert slide.summary == summary
        assert figure.layout.height <= base.slide_room(summary) or len(figure.data[0].y) == 1  # fits under it
        panel = figure.layout.xaxis.title.text
        name = panel.split(" · ")[0]
        shown.setdefault(name, []).append((list(figure.data[0].y), tuple(figure.layout.xaxis.range)))
    for p, size in enumerate(sizes):
        pages = shown[f"P{p}"]
        assert [c for categories, _ in pages for c in categories] == [f"c{p}-{i}" for i in range(size)]  # in order
        assert len({scale for _, scale in pages}) == 1  # one scale over the panel's slides
        assert max(len(c) for c, _ in pages) - min(len(c) for c, _ in pages) <= 1  # shared out evenly
    # the pages of a panel are numbered
    assert all(" · " not in s.figure.layout.xaxis.title.text for s in slides) == all(
        len(pages) == 1 for pages in shown.values())


def test_shared_hover_lines_are_said_once_per_trace_and_read_the_same():
    hovers = ["<b>Vĩnh Phúc</b><br>1 tỷ USD<br>năm 2023<br>kỳ chưa trọn năm",
              "<b>Vĩnh Phúc</b><br>2 tỷ USD<br>năm 2024<br>kỳ chưa trọn năm"]
    trace = {}
    base.set_hover(trace, "hovertext", hovers)
    assert trace["meta"] == ["<b>Vĩnh Phúc</b><br>", "<br>kỳ chưa trọn năm"]
    assert trace["hovertext"] == ["1 tỷ USD<br>năm 2023", "2 tỷ USD<br>năm 2024"]
    assert rendered(go.Bar(**trace)) == hovers
    single = {}
    base.set_hover(single, "text", hovers[:1])
    assert single == {"text": hovers[:1], "hovertemplate": "%{text}<extra></extra>"}


# --- the page on a small synthetic national database -------------------------------------------------------

@pytest.fixture(scope="module")
def national_db(tmp_path_factory):
    target = tmp_path_factory.mktemp("fdi_national") / "national.duckdb"
    scale_db.generate(50_000, target, seed=0, quiet=True)  # monthly FDI series for the four default places
    return target


def test_page_at_national_scale_sends_years_not_months(built_db, national_db, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(national_db))
    at = open_app_page("app_pages/foreign_investment.py", check_entry=True)
    assert not at.exception
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    assert len(specs) == 2 + len(fdi_flows.CAPITAL_FLOWS + fdi_flows.PROJECT_FLOWS)  # stocks, then a chart per flow
    assert sum(len(chart.proto.spec.encode()) for chart in at.get("plotly_chart")) < 300_000
    for spec in specs:
        assert len(spec["layout"].get("annotations", [])) <= max(fdi_stock.MAX_DECLINE_MARKERS, 3)
        for axis in (k for k in spec["layout"] if k.startswith("yaxis")):  # the newest full year of each series
            assert len(spec["layout"][axis].get("categoryarray", [])) <= 2 * fdi_flows.MAX_PANEL_BARS  # and no more
        for trace in spec["data"]:
            if trace["type"] == "bar" and trace["y"] and "(kỳ chưa trọn năm)" in trace["y"][0]:
                periods = {label.split("<br>")[1].split(" · ")[0] for label in trace["y"]}
                months = {p for p in periods if re.match(r"tháng \d+/\d{4}", p)}
                assert len(months) <= 1, periods  # the latest single month only, never a run of months
            if trace["type"] == "scatter" and trace.get("mode", "").startswith("lines"):
                # a point a year per source, not twelve (the hover names each point's source; real years can
                # have several sources, e.g. Thái Nguyên 2023 and 2024 have three each)
                years = [x[:4] for x in trace["x"]]
                shared = " ".join(trace.get("meta") or [])  # a source the whole line shares is sent once, in meta
                sources = [text.rsplit("Nguồn: ", 1)[-1] if "Nguồn: " in text else shared for text in trace["text"]]
                assert all("Nguồn: " in text or "Nguồn: " in shared for text in trace["text"])
                assert len(set(zip(years, sources))) == len(years), trace["name"]
    captions = "\n".join(c.value for c in at.caption)
    assert "Mỗi nguồn chỉ được vẽ số cuối cùng của mỗi năm" in captions
    assert "mỗi chuỗi chỉ vẽ kỳ mới nhất" in captions
    assert "năm trọn gần nhất" in captions
    growth = at.dataframe[-1].value
    assert len(growth) <= 4 * fdi_growth.MAX_GROWTH_ROWS
