"""Every target with its comparable actuals and its progress status (pure pandas; no Streamlit, no SQL).

Comparable actuals for a target are those of the same indicator, jurisdiction and scope, and of a single
method (the method of the most recent actual): values on either side of a method or boundary break are
never combined. Flows (amounts over a period) are compared only between periods of the same type, so the
first five months of a year are never set against a full year. A target needs a year to aim at: plan counts
stated "as of today" are listed but not assessed.
"""
from __future__ import annotations

import pandas as pd

from provdash import progress
from provdash.progress import Point, decimal_year

COLUMNS = [
    "indicator", "indicator_name", "indicator_name_en", "category", "jurisdiction", "jurisdiction_name",
    "jurisdiction_name_en", "indicator_type", "direction", "unit", "target_value", "target_year", "target_label",
    "qualifier", "scope", "target_source_id", "status", "assessment", "ratio", "base_value", "base_year",
    "latest_value", "latest_date", "latest_label", "latest_method", "latest_method_label", "latest_method_label_en",
    "latest_source_id", "gap", "pace_achieved",
    "pace_needed", "pace_unit", "actuals_used", "reason",
]


def comparable_actuals(actuals: pd.DataFrame, target: pd.Series) -> tuple[pd.DataFrame, str]:
    """The actuals a target can be measured against, and a reason when there are fewer than two."""
    same = actuals[(actuals["indicator"] == target["indicator"])
                   & (actuals["jurisdiction"] == target["jurisdiction"])
                   & (actuals["scope"] == target["scope"])
                   & actuals["value_in_indicator_unit"].notna()]
    if same.empty:
        return same, "no_actuals"
    latest = same.sort_values("period_end").iloc[-1]
    reason = ""
    if same["method"].nunique() > 1:
        reason = "method_break"
    same = same[same["method"] == latest["method"]]
    if target["measure"] == "flow":
        # Amounts over a period compare only with periods like the target's own (a year with years).
        span = _months(target["period_start"], target["period_end"])
        same = same[[_months(s, e) == span for s, e in zip(same["period_start"], same["period_end"])]]
    if len(same) < 2 and not reason:
        reason = "one_actual"
    return same.sort_values("period_end"), reason


def _months(start, end) -> int:
    """Length of a period in whole months (a calendar year is 12, a first half 6)."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    return (end.year - start.year) * 12 + end.month - start.month + 1


def assess_one(target: pd.Series, actuals: pd.DataFrame) -> dict:
    usable, reason = comparable_actuals(actuals, target)
    points = [Point(decimal_year(r.period_end), float(r.value_in_indicator_unit)) for r in usable.itertuples()]
    goal = Point(decimal_year(target["period_end"]), float(target["value_in_indicator_unit"]))
    share = target["indicator_type"] == "share"
    if target["indicator_type"] == "rank":
        result = progress.assess_rank(points, goal)
    elif target["indicator_type"] == "rate" or target["measure"] == "flow":  # one period: met or not
        matching = usable[(usable["period_start"] == target["period_start"]) & (usable["period_end"] == target["period_end"])]
        result = progress.assess_threshold(
            [Point(decimal_year(r.period_end), float(r.value_in_indicator_unit)) for r in matching.itertuples()],
            goal, target["direction"], target["qualifier"])
        reason = "" if not matching.empty else "period_not_measured"
    else:
        result = progress.assess_level(points, goal, target["direction"], target["qualifier"], share)
    latest_row = None
    if result.latest is not None:
        latest_row = usable.iloc[[abs(decimal_year(d) - result.latest.time) < 1e-9 for d in usable["period_end"]]].iloc[-1]
    return {
        "indicator": target["indicator"], "indicator_name": target["indicator_name"],
        "indicator_name_en": target["indicator_name_en"], "category": target["category"],
        "jurisdiction": target["jurisdiction"], "jurisdiction_name": target["jurisdiction_name"],
        "jurisdiction_name_en": target["jurisdiction_name_en"], "indicator_type": target["indicator_type"],
        "direction": target["direction"], "unit": target["indicator_unit"],
        "target_value": float(target["value_in_indicator_unit"]), "target_year": int(target["period_end"].year),
        "target_label": target["period_label"], "qualifier": target["qualifier"], "scope": target["scope"],
        "target_source_id": target["source_id"], "status": result.status, "assessment": result.method,
        "ratio": result.ratio,
        "base_value": result.base.value if result.base else None,
        "base_year": int(result.base.time - 1e-9) if result.base else None,
        "latest_value": result.latest.value if result.latest else None,
        "latest_date": latest_row["period_end"] if latest_row is not None else None,
        "latest_label": latest_row["period_label"] if latest_row is not None else None,
        "latest_method": latest_row["method"] if latest_row is not None else None,
        "latest_method_label": latest_row.get("method_short", "") if latest_row is not None else "",
        "latest_method_label_en": latest_row.get("method_short_en", "") if latest_row is not None else "",
        "latest_source_id": latest_row["source_id"] if latest_row is not None else None,
        "gap": result.gap, "pace_achieved": result.pace_achieved, "pace_needed": result.pace_needed,
        "pace_unit": "pp" if share else ("pct" if result.method == "level" else ""),
        "actuals_used": len(points),
        "reason": "" if result.status in (progress.ACHIEVED, progress.MET, progress.NOT_MET) and not reason == "method_break"
        else reason,
    }


def assess_targets(observations: pd.DataFrame) -> pd.DataFrame:
    """One row per assessable target (a target with a year to aim at), with status and paces."""
    frame = observations.copy()
    for column in ("period_start", "period_end"):
        frame[column] = pd.to_datetime(frame[column]).dt.date
    targets = frame[(frame["kind"] == "target") & (frame["period_type"] != "point")
                    & frame["value_in_indicator_unit"].notna()]
    # The same goal reported by several sources is one target.
    targets = targets.drop_duplicates(["indicator", "jurisdiction", "scope", "period_start", "period_end",
                                       "value_in_indicator_unit", "qualifier"])
    actuals = frame[frame["kind"] == "actual"]
    # Each target reads only the actuals of its indicator, jurisdiction and scope: split them once.
    by_series = dict(iter(actuals.groupby(["indicator", "jurisdiction", "scope"], sort=False)))
    empty = actuals.iloc[:0]
    rows = [assess_one(target, by_series.get((target["indicator"], target["jurisdiction"], target["scope"]), empty))
            for _, target in targets.iterrows()]
    result = pd.DataFrame(rows, columns=COLUMNS)
    return result.sort_values(["category", "indicator", "jurisdiction", "target_year", "scope"], kind="stable",
                              ignore_index=True)
