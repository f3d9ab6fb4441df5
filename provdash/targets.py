"""Every target with its comparable actuals and its progress status (pure Python and pandas; no Streamlit, no SQL).

The rules, in the order they apply (README "Progress status"; the sources page states them too):

1. **Mergers.** A target whose province ceased before the end of its target year (the 2025 mergers) is
   `superseded`: never judged. The row names the successor and the successor's own target for the same
   indicator when there is one, and keeps the old province's last values as context.
2. **Comparable actuals** are those of the same indicator, province and scope, one method at a time: a
   target that states its method is measured against that method only; one that does not is measured against
   each method that has actuals. For the indicators listed under `lineage_indicators` in config/progress.yaml
   (the digital-economy share) the predecessors' actuals count too, each as its own series: a merged
   province's goal is set against what its parts measured, but values are never joined across a boundary.
   Flows (amounts over a period) are compared only with periods of the same length.
3. **By type.** Levels, counts and shares: Open SDG ratio (provdash.progress.assess_level). Ranks: on track
   or off track from the latest published rank until the rank for the target year is published, then met or
   not met. One-period thresholds (a year's growth): met or not met once that period is measured.
4. **Methods.** Where the series' verdicts differ (one has reached the target and another has not, or their
   paces give different statuses), the status is `methods_disagree`; where they agree it is their common
   status. Every series that was used is kept as `evidence` (value, year, method, place), so that every text
   that shows a status can say what it rests on.

A target needs a year to aim at: plan counts stated "as of today" are listed but not assessed.

The status depends only on a few actuals per target (per series: the first and the latest comparable one up to
the target's date, the one for exactly the target's period, the first one after it); queries/target_inputs.sql
selects just those, so `assess_targets` gives the same result on them as on every actual. The build stores the
result in the table `target_progress` (provdash/build.py), which the pages read.
"""
from __future__ import annotations

import json
from datetime import date
from functools import lru_cache

import pandas as pd
import yaml

from provdash import paths, progress
from provdash.progress import Point, decimal_year

COLUMNS = [
    "indicator", "indicator_name", "indicator_name_en", "category", "jurisdiction", "jurisdiction_name",
    "jurisdiction_name_en", "indicator_type", "direction", "unit", "target_value", "target_year", "target_label",
    "qualifier", "scope", "target_source_id", "status", "assessment", "ratio", "base_value", "base_year",
    "latest_value", "latest_date", "latest_label", "latest_method", "latest_method_label", "latest_method_label_en",
    "latest_source_id", "gap", "pace_achieved",
    "pace_needed", "pace_unit", "reason",
    "scope_label", "scope_label_en", "unit_label", "unit_label_en", "target_start_year", "target_method", "valid_to", "successor", "successor_name", "successor_name_en",
    "successor_target", "evidence",
]
SERIES = ["indicator", "jurisdiction", "scope"]
NUMBERS = ["ratio", "base_value", "base_year", "latest_value", "gap", "pace_achieved", "pace_needed"]


@lru_cache(maxsize=1)
def lineage_indicators() -> frozenset[str]:
    """Indicators whose predecessors' actuals count for a merged province's targets (config/progress.yaml)."""
    config = yaml.safe_load(paths.PROGRESS_CONFIG.read_text(encoding="utf-8"))
    return frozenset(config.get("lineage_indicators") or [])


def months(start: date, end: date) -> int:
    """Length of a period in whole months (a calendar year is 12, a first half 6)."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _usable(actuals: list[dict], target: dict) -> list[dict]:
    """The actuals of one series a target can be measured against: flows only over periods like its own."""
    if target["measure"] != "flow":
        return actuals
    span = months(target["period_start"], target["period_end"])
    return [a for a in actuals if months(a["period_start"], a["period_end"]) == span]


def _point(actual: dict) -> Point:
    return Point(decimal_year(actual["period_end"]), float(actual["value_in_indicator_unit"]))


def _assess_series(target: dict, usable: list[dict]) -> tuple[progress.Assessment, dict | None, str]:
    """The assessment of one series (one place, one method), the actual its latest value is, and a reason."""
    goal = Point(decimal_year(target["period_end"]), float(target["value_in_indicator_unit"]))
    points = [_point(a) for a in usable]
    reason = ""
    if target["indicator_type"] == "rank":
        result = progress.assess_rank(points, goal)
    elif target["indicator_type"] == "rate" or target["measure"] == "flow":  # one period: met or not
        matching = [a for a in usable
                    if a["period_start"] == target["period_start"] and a["period_end"] == target["period_end"]]
        result = progress.assess_threshold([_point(a) for a in matching], goal, target["direction"],
                                           target["qualifier"])
        reason = "" if matching else "period_not_measured"
    else:
        result = progress.assess_level(points, goal, target["direction"], target["qualifier"],
                                       target["indicator_type"] == "share")
        if result.status == progress.NOT_ENOUGH_DATA:
            reason = "no_actuals" if result.latest is None else "one_actual"
    latest = None
    if result.latest is not None:
        latest = [a for a, p in zip(usable, points) if abs(p.time - result.latest.time) < 1e-9][-1]
    elif not reason:
        reason = "no_actuals"
    return result, latest, reason


def _series(target: dict, by_series: dict[tuple, list[dict]], predecessors: dict[str, list[str]]
            ) -> list[tuple[str, str, list[dict]]]:
    """(place, method, actuals) of every series the target is measured against: its own place's, one per
    method (only the target's method when it states one), then its predecessors' for lineage indicators."""
    places = [target["jurisdiction"]]
    if target["indicator"] in lineage_indicators():
        places += predecessors.get(target["jurisdiction"], [])
    found = []
    for place in places:
        by_method: dict[str, list[dict]] = {}
        for actual in by_series.get((target["indicator"], place, target["scope"]), []):
            if not target["method"] or actual["method"] == target["method"]:
                by_method.setdefault(actual["method"], []).append(actual)
        found += [(place, method, actuals) for method, actuals in by_method.items()]
    return found


def _evidence(actual: dict, status: str) -> dict:
    """What a status rests on, for texts: one series' latest value with its year, method and place."""
    end = actual["period_end"]
    return {
        "jurisdiction": actual["jurisdiction"], "jurisdiction_name": actual["jurisdiction_name"],
        "jurisdiction_name_en": actual["jurisdiction_name_en"], "method": actual["method"] or "",
        "method_short": actual.get("method_short") or "", "method_short_en": actual.get("method_short_en") or "",
        "value": float(actual["value_in_indicator_unit"]), "start": actual["period_start"].isoformat(),
        "end": end.isoformat(), "label": actual["period_label"] or "", "source_id": actual["source_id"],
        "status": status,
    }


def _combined_status(statuses: list[str]) -> str:
    """One status from the verdicts of several series (methods, or a predecessor's)."""
    reached = [s for s in statuses if s in progress.REACHED]
    paced = {s for s in statuses if s in progress.PACE_STATUSES}
    judged = [s for s in statuses if s != progress.NOT_ENOUGH_DATA]
    if reached and len(reached) < len(statuses):
        return progress.METHODS_DISAGREE  # one series has reached the target, another has not
    if len(paced) > 1:
        return progress.METHODS_DISAGREE
    if not judged:
        return progress.NOT_ENOUGH_DATA
    return reached[0] if reached else next(iter(paced))


def _successor_target(target: dict, successor: str, targets_by_place: dict[tuple, list[dict]]) -> str:
    """The successor's own target for the same indicator (and scope when it has one), nearest in year at or after
    the old target's year; '' when there is none."""
    candidates = targets_by_place.get((target["indicator"], successor), [])
    same_scope = [c for c in candidates if c["scope"] == target["scope"]]
    candidates = same_scope or candidates
    if not candidates:
        return ""
    later = [c for c in candidates if c["period_end"] >= target["period_end"]]
    chosen = min(later or candidates,
                 key=lambda c: (abs((c["period_end"] - target["period_end"]).days), c.get("source_id", "")))
    return json.dumps({
        "value": float(chosen["value_in_indicator_unit"]), "qualifier": chosen["qualifier"] or "",
        "start_year": chosen["period_start"].year, "year": chosen["period_end"].year,
        "label": chosen["period_label"] or "", "scope": chosen["scope"],
    }, ensure_ascii=False, sort_keys=True)


def assess_one(target: dict, by_series: dict[tuple, list[dict]], predecessors: dict[str, list[str]] | None = None,
               targets_by_place: dict[tuple, list[dict]] | None = None) -> dict:
    """The status of one target and everything a text about it needs (one row of `target_progress`)."""
    predecessors = predecessors or {}
    valid_to = _day(target.get("jurisdiction_valid_to"))
    successor = target.get("jurisdiction_successor") or ""
    successor = successor if isinstance(successor, str) else ""
    row = {
        "indicator": target["indicator"], "indicator_name": target["indicator_name"],
        "indicator_name_en": target["indicator_name_en"], "category": target["category"],
        "jurisdiction": target["jurisdiction"], "jurisdiction_name": target["jurisdiction_name"],
        "jurisdiction_name_en": target["jurisdiction_name_en"], "indicator_type": target["indicator_type"],
        "direction": target["direction"], "unit": target["indicator_unit"],
        "target_value": float(target["value_in_indicator_unit"]), "target_year": int(target["period_end"].year),
        "target_label": target["period_label"], "qualifier": target["qualifier"], "scope": target["scope"],
        "target_source_id": target["source_id"], "scope_label": _text(target.get("scope_label")),
        "scope_label_en": _text(target.get("scope_label_en")), "unit_label": _text(target.get("indicator_unit_label")),
        "unit_label_en": _text(target.get("indicator_unit_label_en")), "target_start_year": int(target["period_start"].year),
        "target_method": target["method"] or "", "valid_to": valid_to, "successor": successor,
        "successor_name": _text(target.get("jurisdiction_successor_name")),
        "successor_name_en": _text(target.get("jurisdiction_successor_name_en")), "successor_target": "",
        "ratio": None, "base_value": None, "base_year": None, "latest_value": None, "latest_date": None,
        "latest_label": None, "latest_method": None, "latest_method_label": "", "latest_method_label_en": "",
        "latest_source_id": None, "gap": None, "pace_achieved": None, "pace_needed": None,
        "pace_unit": "pp" if target["indicator_type"] == "share" else (
            "pct" if _assessment_kind(target) == "level" else ""),
        "reason": "", "evidence": "[]",
    }
    series = _series(target, by_series, predecessors)

    if valid_to is not None and valid_to < target["period_end"]:
        # The province ceased before the end of the target year: the target passed to its successor.
        context = []
        for _place, _method, actuals in series:
            before = [a for a in _usable(actuals, target)
                      if a["period_end"] <= valid_to and a["jurisdiction"] == target["jurisdiction"]]
            if before:
                context.append(_evidence(before[-1], ""))
        context.sort(key=lambda e: e["end"], reverse=True)
        if context:  # the old province's last value, shown as context (never judged)
            last = context[0]
            row.update(latest_value=last["value"], latest_date=date.fromisoformat(last["end"]),
                       latest_label=last["label"], latest_method=last["method"],
                       latest_method_label=last["method_short"], latest_method_label_en=last["method_short_en"],
                       latest_source_id=last["source_id"])
        row.update(status=progress.SUPERSEDED, assessment="superseded", evidence=_json(context),
                   successor_target=_successor_target(target, successor, targets_by_place or {}) if successor else "")
        return row

    assessed = []  # (assessment, latest actual, reason, own place?)
    for place, _method, actuals in series:
        result, latest, reason = _assess_series(target, _usable(actuals, target))
        assessed.append((result, latest, reason, place == target["jurisdiction"]))
    with_data = [item for item in assessed if item[1] is not None]
    if not with_data:
        reasons = [reason for _, _, reason, _ in assessed if reason]
        row.update(status=progress.NOT_ENOUGH_DATA, reason=reasons[0] if reasons else "no_actuals",
                   assessment=_assessment_kind(target))
        return row
    # The series a single line of text follows: the target's own place first, then the newest value.
    with_data.sort(key=lambda item: (not item[3], -item[0].latest.time, item[1]["source_id"]))
    result, latest, reason, _own = with_data[0]
    statuses = [item[0].status for item in with_data]
    status = _combined_status(statuses) if len(with_data) > 1 else result.status
    share = target["indicator_type"] == "share"
    row.update(
        status=status, assessment=result.method, ratio=result.ratio,
        base_value=result.base.value if result.base else None,
        base_year=progress.calendar_year(result.base.time) if result.base else None,
        latest_value=result.latest.value, latest_date=latest["period_end"], latest_label=latest["period_label"],
        latest_method=latest["method"], latest_method_label=latest.get("method_short") or "",
        latest_method_label_en=latest.get("method_short_en") or "", latest_source_id=latest["source_id"],
        gap=result.gap, pace_achieved=result.pace_achieved, pace_needed=result.pace_needed,
        pace_unit="pp" if share else ("pct" if result.method == "level" else ""),
        reason="" if status in progress.REACHED or status == progress.METHODS_DISAGREE else reason,
        evidence=_json([_evidence(item[1], item[0].status) for item in with_data]),
    )
    return row


def _assessment_kind(target: dict) -> str:
    if target["indicator_type"] == "rank":
        return "rank"
    if target["indicator_type"] == "rate" or target["measure"] == "flow":
        return "threshold"
    return "level"


def _json(items: list[dict]) -> str:
    return json.dumps(items, ensure_ascii=False, sort_keys=True)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _day(value: object) -> date | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value if isinstance(value, date) else pd.Timestamp(value).date()


def _as_dates(column: pd.Series) -> list[date]:
    return [d.date() if hasattr(d, "date") else d for d in pd.to_datetime(column)]


def assess_targets(observations: pd.DataFrame) -> pd.DataFrame:
    """One row per assessable target (a target with a year to aim at), with status, paces and evidence.

    `observations`: rows of the `observations` view — all of a series' actuals, or only those
    queries/target_inputs.sql keeps; the result is the same. Predecessors count only when their rows are in
    `observations` (the build passes every series a target depends on)."""
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
    predecessors: dict[str, list[str]] = {}
    if "jurisdiction_successor" in frame:
        pairs = frame[["jurisdiction", "jurisdiction_successor"]].drop_duplicates()
        for old, new in sorted(zip(pairs["jurisdiction"], pairs["jurisdiction_successor"])):
            if isinstance(new, str) and new:
                predecessors.setdefault(new, []).append(old)
    target_records = _records(targets)
    targets_by_place: dict[tuple, list[dict]] = {}
    for record in target_records:
        targets_by_place.setdefault((record["indicator"], record["jurisdiction"]), []).append(record)
    rows = [assess_one(target, by_series, predecessors, targets_by_place) for target in target_records]
    result = pd.DataFrame(rows, columns=COLUMNS)
    for column in NUMBERS:
        result[column] = result[column].astype("float64")
    return result.sort_values(["category", "indicator", "jurisdiction", "target_year", "scope"], kind="stable",
                              ignore_index=True)


def _records(frame: pd.DataFrame) -> list[dict]:
    records = frame.to_dict("records")
    starts, ends = _as_dates(frame["period_start"]), _as_dates(frame["period_end"])
    for record, start, end in zip(records, starts, ends):
        record["period_start"], record["period_end"] = start, end
    return records


def evidence(row: pd.Series | dict) -> list[dict]:
    """The series a stored status rests on (see `assess_one`), newest-first as stored."""
    text = row.get("evidence") if hasattr(row, "get") else None
    return json.loads(text) if isinstance(text, str) and text else []


def successor_target(row: pd.Series | dict) -> dict | None:
    text = row.get("successor_target") if hasattr(row, "get") else None
    return json.loads(text) if isinstance(text, str) and text else None


def from_store(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows of the table target_progress as `assess_targets` returns them (dates as dates or None)."""
    result = frame.reindex(columns=COLUMNS)
    for column in ("latest_date", "valid_to"):
        result[column] = pd.Series([None if pd.isna(d) else pd.Timestamp(d).date() for d in result[column]],
                                   index=result.index, dtype=object)
    result["base_year"] = result["base_year"].astype("float64")
    result["target_year"] = result["target_year"].astype("int64")
    return result
