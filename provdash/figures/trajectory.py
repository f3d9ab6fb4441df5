"""Trajectory charts: actuals against targets, with the path required from the latest actual to each target
and the projection at the achieved pace (where two comparable actuals exist). Used by the digital-economy,
FDI and industrial-zone pages. Pure: DataFrames of the `observations` view in, a Figure and texts out.
"""
from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from provdash import periods, progress, statuses, views
from provdash.figures import base
from provdash.i18n import t
from provdash.numbers import format_number
from provdash.targets import assess_targets


def status_text(status: str, lang: str) -> str:
    """Icon and words, so a status never depends on colour alone (provdash.statuses.label)."""
    return statuses.label(status, lang)


def _year_end(year: int) -> date:
    return date(year, 12, 31)


def pace_text(value: float | None, unit: str, lang: str) -> str:
    if value is None or pd.isna(value):
        return "–"
    sign = "+" if value >= 0 else "−"
    number = format_number(abs(value), lang, decimals=2)
    return t("pace_pp" if unit == "pp" else "pace_pct", lang, value=f"{sign}{number}")


def trajectory(frame: pd.DataFrame, lang: str, *, title: str, y_title: str, source_text: str = "",
               style: base.Style = base.NORMAL, show_required: bool = True, show_projection: bool = True,
               assessments: pd.DataFrame | None = None) -> tuple[go.Figure, pd.DataFrame]:
    """Actuals (one series per jurisdiction, scope and method), targets as stars, and the paths between.

    Returns the figure and the target assessments it drew from (for summaries and tables).
    """
    actuals = frame[frame["kind"] == "actual"]
    targets = frame[frame["kind"] == "target"]
    figure = go.Figure()
    base.add_value_series(figure, actuals, lang, style)
    if assessments is None:  # pages pass the stored statuses (table target_progress), the same on every page
        assessments = assess_targets(frame)  # every column, even with no target within the chosen years
    assessments = with_latest_x(assessments, frame)
    if show_required:
        _add_required_paths(figure, assessments, lang, style)
    if show_projection:
        _add_projections(figure, assessments, lang, style)
    base.add_targets(figure, targets, lang, style)
    base.apply_layout(figure, lang, title, y_title, source_text, style)
    base.year_axis(figure, base.trace_xs(figure))
    base.headroom(figure, style=style)
    return figure, assessments


def with_latest_x(assessments: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """The assessments with `latest_x`: where their latest actual is drawn (base.plot_x), so the paths drawn from
    it start on its marker."""
    actuals = frame[frame["kind"] == "actual"]
    where = {(r["indicator"], r["jurisdiction"], r["scope"], pd.Timestamp(r["period_end"])): base.plot_x(r)
             for r in base.records(actuals, ["indicator", "jurisdiction", "scope", "period_start", "period_end",
                                             "kind", "period_type"])}
    latest = [where.get((r["indicator"], r["jurisdiction"], r["scope"], pd.Timestamp(r["latest_date"])))
              if r["latest_date"] is not None and not pd.isna(r["latest_date"]) else None
              for r in base.records(assessments, ["indicator", "jurisdiction", "scope", "latest_date"])]
    return assessments.assign(latest_x=pd.Series(latest, index=assessments.index, dtype=object))


def _add_required_paths(figure: go.Figure, assessments: pd.DataFrame, lang: str, style: base.Style) -> None:
    for row in assessments.itertuples():
        if (row.latest_value is None or pd.isna(row.latest_value) or row.status in progress.REACHED
                or row.status == progress.SUPERSEDED):
            continue
        if row.assessment != "level" or row.latest_date is None or row.latest_x is None or pd.isna(row.latest_x):
            continue  # (no latest value on this chart: it lies outside the chosen years)
        name = t("required_path", lang, name=row.jurisdiction_name_en if lang == "en" else row.jurisdiction_name,
                 year=row.target_year)
        hover = [name, t("pace_needed_hover", lang, pace=pace_text(row.pace_needed, row.pace_unit, lang))]
        base.add_path(figure, [row.latest_x, base.year_middle(row.target_year)], [row.latest_value, row.target_value],
                      name, row.jurisdiction, "dash", style, hover=hover, legend_name=t("required_path_legend", lang))


def _add_projections(figure: go.Figure, assessments: pd.DataFrame, lang: str, style: base.Style) -> None:
    drawn: set[tuple] = set()
    for row in assessments.itertuples():
        if (row.pace_achieved is None or pd.isna(row.pace_achieved) or row.latest_date is None
                or row.latest_x is None or pd.isna(row.latest_x)):
            continue
        key = (row.jurisdiction, row.scope)
        if key in drawn:
            continue
        drawn.add(key)
        horizon = int(assessments[(assessments["jurisdiction"] == row.jurisdiction)]["target_year"].max())
        latest = progress.Point(progress.decimal_year(row.latest_date), float(row.latest_value))
        years = [progress.decimal_year(_year_end(y)) for y in range(row.latest_date.year + 1, horizon + 1)]
        points = progress.project(latest, years, float(row.pace_achieved), row.pace_unit == "pp")
        name = t("projection", lang, name=row.jurisdiction_name_en if lang == "en" else row.jurisdiction_name)
        base.add_path(figure, [row.latest_x] + [base.year_middle(int(p.time - 1e-9)) for p in points],
                      [row.latest_value] + [p.value for p in points], name, row.jurisdiction, "dot", style,
                      hover=[name] * (len(points) + 1), legend_name=t("projection_legend", lang))


def summary_sentence(assessments: pd.DataFrame, unit_label: str, lang: str, values: pd.DataFrame | None = None) -> str:
    """One clause per jurisdiction: its nearest target that is still its own (else its nearest superseded one)
    with the status and what it rests on ("Thái Nguyên (sau sáp nhập), mục tiêu khoảng 35 % (2026–2030): ≠ …").
    `unit_label` is kept for callers; the unit comes with each assessment row. Without a target to measure
    against, the newest value of each series of `values`, and that no target is in view."""
    if assessments.empty or "indicator" not in assessments:
        return latest_values_sentence(values, lang) if values is not None else ""
    parts = []
    several = assessments["indicator"].nunique() > 1
    for _, group in assessments.groupby(["indicator", "jurisdiction"], sort=False):
        first = group.iloc[0]
        name = first["jurisdiction_name_en"] if lang == "en" else first["jurisdiction_name"]
        if several:
            name = f"{first['indicator_name_en'] if lang == 'en' else first['indicator_name']} – {name}"
        own = group[group["status"] != progress.SUPERSEDED]
        nearest = (own if not own.empty else group).sort_values("target_year").iloc[0]
        status = statuses.sentence(nearest, lang) if not own.empty else statuses.brief(nearest, lang)
        parts.append(t("summary_target", lang, name=name, target=statuses.target_text(nearest, lang),
                       years=statuses.target_years(nearest), status=status))
    return "; ".join(parts) + ("." if parts else "")


def latest_values_sentence(frame: pd.DataFrame, lang: str) -> str:
    """"Không có mục tiêu trong giai đoạn đã chọn. Số liệu mới nhất: Thái Nguyên 42,92 % (năm 2022); …": the
    newest actual of each indicator and jurisdiction, in the source's unit and words."""
    actuals = frame[frame["kind"] == "actual"].sort_values(["period_end", "source_id"], kind="stable")
    if actuals.empty:
        return t("summary_no_target_no_value", lang)
    newest = actuals.drop_duplicates(["indicator", "jurisdiction"], keep="last")
    several = newest["indicator"].nunique() > 1
    parts = []
    for row in newest.sort_values(["indicator", "jurisdiction"], kind="stable").to_dict("records"):
        name = base.localised(row, "jurisdiction_name", lang)
        if several:
            name = f"{base.localised(row, 'indicator_name', lang)} – {name}"
        value = base.qualified_value_text(row["value"], base.localised(row, "unit_label", lang),
                                          base.localised(row, "qualifier_label", lang), lang)
        parts.append(f"{name} {value} ({row['period_label']})")
    return t("summary_no_target", lang, values="; ".join(parts))


def values_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The data behind a chart, one row per value, with unit, period, qualifier, scope, method and source."""
    rows = frame.to_dict("records")
    return pd.DataFrame({
        t("col_jurisdiction", lang): [base.localised(r, "jurisdiction_name", lang) for r in rows],
        t("col_indicator", lang): [base.localised(r, "indicator_name", lang) for r in rows],
        t("col_kind", lang): [t("kind_" + k, lang) for k in frame["kind"]],
        t("col_period", lang): [periods.label(r, lang) for r in rows],
        t("col_value", lang): [format_number(v, lang) for v in frame["value"]],
        t("col_unit", lang): [base.localised(r, "unit_label", lang) for r in rows],
        t("col_qualifier", lang): [base.localised(r, "qualifier_label", lang) for r in rows],
        t("col_scope", lang): [base.localised(r, "scope_label", lang) for r in rows],
        t("col_method", lang): [base.localised(r, "method_label", lang) for r in rows],
        t("col_source", lang): [views.source_cell(r, lang) for r in rows],
        t("col_link", lang): [views.link_cell(r) for r in rows],
        t("col_quote", lang): frame["quote"].tolist(),
    })


def revenue_summary(frame: pd.DataFrame, lang: str) -> str:
    """"Doanh thu kinh tế số: ước 389 nghìn tỷ đồng (06 tháng đầu năm 2024); …" from the actual values."""
    actual = frame[frame["kind"] == "actual"].sort_values("period_end")
    values = [f"{base.qualified_value_text(r['value'], base.localised(r, 'unit_label', lang), base.localised(r, 'qualifier_label', lang), lang)}"
              f" ({periods.label(r, lang)}, {base.localised(r, 'jurisdiction_name', lang)})" for _, r in actual.iterrows()]
    return t("de_revenue_summary", lang, values="; ".join(values))
