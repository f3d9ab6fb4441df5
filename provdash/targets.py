"""Every target with its comparable actuals and its progress status (pure Python and pandas; no Streamlit, no SQL).

Comparable actuals for a target are those of the same indicator, jurisdiction and scope, and of a single
method (the method of the most recent actual): values on either side of a method or boundary break are
never combined. Flows (amounts over a period) are compared only between periods of the same type, so the
first five months of a year are never set against a full year. A target needs a year to aim at: plan counts
stated "as of today" are listed but not assessed.

The status depends only on a few actuals per target (the first and the latest comparable one up to the
target's date, the one for exactly the target's period, the latest of each method): queries/target_inputs.sql
selects just those, so `assess_targets` gives the same result on them as on every actual. The build stores the
result in the table `target_progress` (provdash/build.py), which the pages read.
"""
from __future__ import annotations

from datetime import date

import pandas as pd

from provdash import periods, progress
from provdash.progress import Point, decimal_year

COLUMNS = [
    "indicator", "indicator_name", "indicator_name_en", "category", "jurisdiction", "jurisdiction_name",
    "jurisdiction_name_en", "indicator_type", "direction", "unit", "target_value", "target_year", "target_label",
    "target_label_en", "qualifier", "scope", "target_source_id", "status", "assessment", "ratio", "base_value",
    "base_year", "latest_value", "latest_date", "latest_label", "latest_label_en", "latest_method",
    "latest_method_label", "latest_method_label_en",
    "latest_source_id", "gap", "pace_achieved",
    "pace_needed", "pace_unit", "reason",
]
SERIES = ["indicator", "jurisdiction", "scope"]


def months(start: date, end: date) -> int:
    """Length of a period in whole months (a calendar year is 12, a first half 6)."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def comparable_actuals(actuals: list[dict], target: dict) -> tuple[list[dict], str]:
    """The actuals a target can be measured against (oldest first), and a reason when there are fewer than two.

    `actuals` are the series' actuals with a value, ordered by (period_end, source_id)."""
    if not actuals:
        return [], "no_actuals"
    latest_method = actuals[-1]["method"]
    reason = "method_break" if len({a["method"] for a in actuals}) > 1 else ""
    usable = [a for a in actuals if a["method"] == latest_method]
    if target["measure"] == "flow":
        # Amounts over a period compare only with periods like the target's own (a year with years).
        span = months(target["period_start"], target["period_end"])
        usable = [a for a in usable if months(a["period_start"], a["period_end"]) == span]
    if len(usable) < 2 and not reason:
        reason = "one_actual"
    return usable, reason


def assess_one(target: dict, actuals: list[dict]) -> dict:
    usable, reason = comparable_actuals(actuals, target)
    points = [Point(decimal_year(a["period_end"]), float(a["value_in_indicator_unit"])) for a in usable]
    goal = Point(decimal_year(target["period_end"]), float(target["value_in_indicator_unit"]))
    share = target["indicator_type"] == "share"
    if target["indicator_type"] == "rank":
        result = progress.assess_rank(points, goal)
    elif target["indicator_type"] == "rate" or target["measure"] == "flow":  # one period: met or not
        matching = [a for a in usable
                    if a["period_start"] == target["period_start"] and a["period_end"] == target["period_end"]]
        result = progress.assess_threshold(
            [Point(decimal_year(a["period_end"]), float(a["value_in_indicator_unit"])) for a in matching],
            goal, target["direction"], target["qualifier"])
        reason = "" if matching else "period_not_measured"
    else:
        result = progress.assess_level(points, goal, target["direction"], target["qualifier"], share)
    latest = None
    if result.latest is not None:
        latest = [a for a, p in zip(usable, points) if abs(p.time - result.latest.time) < 1e-9][-1]
    return {
        "indicator": target["indicator"], "indicator_name": target["indicator_name"],
        "indicator_name_en": target["indicator_name_en"], "category": target["category"],
        "jurisdiction": target["jurisdiction"], "jurisdiction_name": target["jurisdiction_name"],
        "jurisdiction_name_en": target["jurisdiction_name_en"], "indicator_type": target["indicator_type"],
        "direction": target["direction"], "unit": target["indicator_unit"],
        "target_value": float(target["value_in_indicator_unit"]), "target_year": int(target["period_end"].year),
        "target_label": target["period_label"], "target_label_en": periods.label(target, "en"),
        "qualifier": target["qualifier"], "scope": target["scope"],
        "target_source_id": target["source_id"], "status": result.status, "assessment": result.method,
        "ratio": result.ratio,
        "base_value": result.base.value if result.base else None,
        "base_year": int(result.base.time - 1e-9) if result.base else None,
        "latest_value": result.latest.value if result.latest else None,
        "latest_date": latest["period_end"] if latest else None,
        "latest_label": latest["period_label"] if latest else None,
        "latest_label_en": periods.label(latest, "en") if latest else None,
        "latest_method": latest["method"] if latest else None,
        "latest_method_label": latest.get("method_short", "") if latest else "",
        "latest_method_label_en": latest.get("method_short_en", "") if latest else "",
        "latest_source_id": latest["source_id"] if latest else None,
        "gap": result.gap, "pace_achieved": result.pace_achieved, "pace_needed": result.pace_needed,
        "pace_unit": "pp" if share else ("pct" if result.method == "level" else ""),
        "reason": "" if result.status in (progress.ACHIEVED, progress.MET, progress.NOT_MET) and not reason == "method_break"
        else reason,
    }


def _as_dates(column: pd.Series) -> list[date]:
    return [d.date() if hasattr(d, "date") else d for d in pd.to_datetime(column)]


def assess_targets(observations: pd.DataFrame) -> pd.DataFrame:
    """One row per assessable target (a target with a year to aim at), with status and paces.

    `observations`: rows of the `observations` view — all of a series' actuals, or only those
    queries/target_inputs.sql keeps; the result is the same."""
    frame = observations[observations["value_in_indicator_unit"].notna()]
    targets = frame[(frame["kind"] == "target") & (frame["period_type"] != "point")]
    # The same goal reported by several sources is one target.
    targets = targets.drop_duplicates(["indicator", "jurisdiction", "scope", "period_start", "period_end",
                                       "value_in_indicator_unit", "qualifier"])
    actuals = frame[frame["kind"] == "actual"].sort_values(SERIES + ["period_end", "source_id"], kind="stable")
    # Plain records, split by series once: each target reads only its own series.
    by_series: dict[tuple, list[dict]] = {}
    for record in _records(actuals):
        by_series.setdefault((record["indicator"], record["jurisdiction"], record["scope"]), []).append(record)
    rows = [assess_one(target, by_series.get((target["indicator"], target["jurisdiction"], target["scope"]), []))
            for target in _records(targets)]
    result = pd.DataFrame(rows, columns=COLUMNS)
    return result.sort_values(["category", "indicator", "jurisdiction", "target_year", "scope"], kind="stable",
                              ignore_index=True)


def _records(frame: pd.DataFrame) -> list[dict]:
    records = frame.to_dict("records")
    starts, ends = _as_dates(frame["period_start"]), _as_dates(frame["period_end"])
    for record, start, end in zip(records, starts, ends):
        record["period_start"], record["period_end"] = start, end
    return records


def from_store(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows of the table target_progress as `assess_targets` returns them (latest_date as a date or None)."""
    result = frame.reindex(columns=COLUMNS)
    result["latest_date"] = pd.Series([None if pd.isna(d) else pd.Timestamp(d).date() for d in result["latest_date"]],
                                      index=result.index, dtype=object)
    result["base_year"] = result["base_year"].astype("float64")
    result["target_year"] = result["target_year"].astype("int64")
    return result
