"""Saving new rows into the curated files: validate, append, rebuild, record — and never the same value twice.

The only way data changes besides editing data/*.csv by hand. Two callers: the update page (rows a planner
reviewed from an article, `save`) and the spreadsheet import (provdash.importer, through `commit`).

- **Never twice.** A source whose URL (or title and publication date) is already known is reused, not created
  again. A new row that matches a stored value (same indicator, jurisdiction, period, kind, scope and method) is
  compared with it: identical values are skipped by default; a different value needs an explicit choice (keep
  both as two sources' claims, or skip). Saving the same article again adds nothing (`plan_save`).
- **All or nothing.** Everything is checked on a scratch copy first (the same named checks and DDL as
  `make db`); only when the copy builds are the curated files replaced and the database swapped in,
  atomically, and a line appended to data/audit_log.csv.
- Writing needs the planner secret; wrong secrets are slowed down. No Streamlit here.
"""
from __future__ import annotations

import csv
import hmac
import io
import math
import os
import re
import shutil
import tempfile
import threading
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from provdash import build, paths
from provdash.validate import TABLE_BY_NAME, Problem, parse_number, validate

AUDIT_FILE = "audit_log.csv"
AUDIT_HEADER = ["saved_at", "saved_by", "source_id", "rows_added", "data_fingerprint", "action", "details"]
OBSERVATION_COLUMNS = TABLE_BY_NAME["observations"].header
SOURCE_COLUMNS = TABLE_BY_NAME["sources"].header
INDICATOR_COLUMNS = TABLE_BY_NAME["indicators"].header
# What makes two rows claims about the same thing (the observation key without the source)
MATCH_COLUMNS = ("indicator", "jurisdiction", "period_start", "period_end", "kind", "scope", "method")
OBSERVATION_KEY = TABLE_BY_NAME["observations"].key

# How a new row relates to what is stored
NEW = "new"                        # nothing stored for its indicator, place, period, kind, scope, method
IDENTICAL = "identical"            # another source already states the same value: skipped unless kept
DIFFERENT = "different"            # another source states another value: keep both or skip, by choice
ALREADY_SAVED = "already_saved"    # this very source already has this value (a re-save): always skipped
SOURCE_CONFLICT = "source_conflict"  # this source already has another value for it: skipped (fix by hand)
KEEP, SKIP = "keep", "skip"
DEFAULT_DECISIONS = {NEW: KEEP, IDENTICAL: SKIP, DIFFERENT: "", ALREADY_SAVED: SKIP, SOURCE_CONFLICT: SKIP}
CHOOSABLE = (IDENTICAL, DIFFERENT)  # statuses whose decision a planner may change

_write_lock = threading.Lock()
_failures = {"count": 0, "last": 0.0}


class AccessDenied(PermissionError):
    """The planner secret is missing or wrong: nothing was written. `reason`: not_configured, empty or wrong."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


@dataclass
class SaveResult:
    saved: bool
    problems: list[Problem] = field(default_factory=list)
    rows_added: int = 0
    source_id: str = ""
    source_reused: bool = False
    skipped: int = 0                    # rows not written because they are stored already (or by choice)
    nothing_new: bool = False           # every row is stored already: nothing was written at all
    indicators_added: list[str] = field(default_factory=list)
    sources_added: list[str] = field(default_factory=list)


def check_secret(given: str | None, expected: str | None) -> None:
    """Raise AccessDenied unless `given` matches the configured secret. Each wrong guess waits longer (≤ 8 s);
    an empty secret is not a guess: it is refused at once ("enter the secret")."""
    if not expected:
        raise AccessDenied("saving is switched off: no planner secret is configured on this server", "not_configured")
    if not given:
        raise AccessDenied("enter the planner secret", "empty")
    if hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        _failures["count"] = 0
        return
    _failures["count"] += 1
    _failures["last"] = time.monotonic()
    time.sleep(min(8.0, 0.5 * 2 ** (_failures["count"] - 1)))
    raise AccessDenied("the planner secret is wrong; nothing was saved", "wrong")


def new_source_id(existing: set[str], published: str, outlet: str) -> str:
    """A stable ascii id for a new source, e.g. upd_20251004_baothainguyen."""
    slug = re.sub(r"[^a-z0-9]+", "", _ascii(outlet).lower()) or "source"
    stem = f"upd_{published.replace('-', '')[:8] or 'undated'}_{slug[:20]}"
    candidate, n = stem, 1
    while candidate in existing:
        n += 1
        candidate = f"{stem}_{n}"
    return candidate


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in folded if not unicodedata.combining(ch)).encode("ascii", "ignore").decode()


# --- is it known already? ---------------------------------------------------------------------------------

_TRACKING = re.compile(r"utm_\w+|fbclid|gclid|zarsrc|zalo_\w+")


def url_identity(url: str) -> str:
    """A URL reduced to what names the page: scheme and "www." ignored, host lower-cased, no fragment, no
    tracking parameters, no trailing slash ("https://www.Bao.vn/a/?utm_source=x#top" ≡ "http://bao.vn/a")."""
    text = (url or "").strip()
    if not text:
        return ""
    parts = urlsplit(text if "://" in text else "http://" + text)
    host = (parts.hostname or "").lower().removeprefix("www.")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if not _TRACKING.fullmatch(k)))
    return urlunsplit(("", host + (f":{parts.port}" if parts.port else ""), parts.path.rstrip("/"), query, ""))


def _title_identity(title: str) -> str:
    return " ".join(unicodedata.normalize("NFC", title or "").casefold().split())


def find_source(sources: list[dict], source: dict) -> tuple[dict | None, str]:
    """The stored source that is the same publication as `source`, and why ("id", "url", "title_date"), or
    (None, "")."""
    wanted_id = (source.get("source_id") or "").strip()
    if wanted_id:
        for row in sources:
            if row["source_id"] == wanted_id:
                return row, "id"
    url = url_identity(source.get("url", ""))
    if url:
        for row in sources:
            if url_identity(row.get("url", "")) == url:
                return row, "url"
    title, published = _title_identity(source.get("title", "")), (source.get("published") or "").strip()
    if title and published:
        for row in sources:
            if _title_identity(row.get("title", "")) == title and (row.get("published") or "").strip() == published:
                return row, "title_date"
    return None, ""


def _units(data_dir: Path) -> dict[str, dict]:
    return {r["unit"]: r for r in _read_csv(data_dir / "units.csv")}


def same_value(a: dict, b: dict, units: dict[str, dict]) -> bool:
    """Whether two rows state the same value: same qualifier, and the same number once in one unit
    (3,2 tỷ USD ≡ 3.200 triệu USD)."""
    if (a.get("qualifier") or "") != (b.get("qualifier") or ""):
        return False
    try:
        x, y = parse_number(str(a["value"])), parse_number(str(b["value"]))
    except (KeyError, ValueError):
        return False
    if a.get("unit") == b.get("unit"):
        return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12)
    ua, ub = units.get(a.get("unit", "")), units.get(b.get("unit", ""))
    if not ua or not ub or (ua["dimension"], ua["base_unit"]) != (ub["dimension"], ub["base_unit"]):
        return False
    return math.isclose(x * float(ua["factor"]), y * float(ub["factor"]), rel_tol=1e-9)


@dataclass
class RowPlan:
    """One new row, how it relates to what is stored, and what will be done with it."""
    index: int                                     # its position among the rows given to plan_save
    row: dict                                      # in the curated format, with the source id filled in
    status: str                                    # NEW, IDENTICAL, DIFFERENT, ALREADY_SAVED, SOURCE_CONFLICT
    stored: list[dict] = field(default_factory=list)  # the stored rows it matches, each with source_title
    decision: str = ""                             # KEEP, SKIP, or "" (a choice is still needed)


@dataclass
class SavePlan:
    """What saving would do: which source the rows cite (new or reused) and, row by row, write or skip."""
    source: dict
    source_is_new: bool
    reused_because: str                            # "", "id", "url" or "title_date"
    rows: list[RowPlan]

    @property
    def to_write(self) -> list[dict]:
        return [p.row for p in self.rows if p.decision == KEEP]

    @property
    def skipped(self) -> list[RowPlan]:
        return [p for p in self.rows if p.decision == SKIP]

    @property
    def undecided(self) -> list[RowPlan]:
        return [p for p in self.rows if not p.decision]


def plan_save(rows: list[dict], source: dict, decisions: dict[int, str] | None = None,
              data_dir: Path | None = None) -> SavePlan:
    """Which source the rows will cite, and for each row whether it is new or stored already (and by whom).

    `decisions` (row index → KEEP or SKIP) overrides the default for rows a planner may choose for
    (IDENTICAL, DIFFERENT); other rows keep their fixed decision. Reads the curated files; writes nothing."""
    data_dir = data_dir or paths.DATA_DIR
    sources = _read_csv(data_dir / "sources.csv")
    known, why = find_source(sources, source)
    if known is not None:
        chosen, is_new = dict(known), False
    else:
        chosen, is_new = dict(source), True
        if not chosen.get("source_id"):
            chosen["source_id"] = new_source_id({r["source_id"] for r in sources}, chosen.get("published", ""),
                                                chosen.get("outlet", ""))
    source_id = chosen["source_id"]
    titles = {r["source_id"]: r["title"] for r in sources}
    stored_by_match: dict[tuple, list[dict]] = {}
    for line, stored in enumerate(_read_csv(data_dir / "observations.csv"), start=2):
        stored = dict(stored, line=line, source_title=titles.get(stored["source_id"], ""))
        stored_by_match.setdefault(tuple(stored[c] for c in MATCH_COLUMNS), []).append(stored)
    units = _units(data_dir)
    plans = []
    for index, row in enumerate(rows):
        row = {**{c: "" for c in OBSERVATION_COLUMNS}, **row, "source_id": source_id}
        matches = stored_by_match.get(tuple(row.get(c, "") for c in MATCH_COLUMNS), [])
        plans.append(RowPlan(index, row, _status(row, matches, units), matches))
    for plan in plans:
        plan.decision = DEFAULT_DECISIONS[plan.status]
        wanted = (decisions or {}).get(plan.index)
        if plan.status in CHOOSABLE and wanted in (KEEP, SKIP):
            plan.decision = wanted
    return SavePlan(chosen, is_new, why, plans)


def _status(row: dict, matches: list[dict], units: dict[str, dict]) -> str:
    if not matches:
        return NEW
    own = [m for m in matches if m["source_id"] == row["source_id"]]
    if own:
        return ALREADY_SAVED if any(same_value(row, m, units) for m in own) else SOURCE_CONFLICT
    return IDENTICAL if any(same_value(row, m, units) for m in matches) else DIFFERENT


# --- writing -------------------------------------------------------------------------------------------


@dataclass
class Additions:
    """Rows to append to the curated files, and for each a name a person finds it by in problems
    ("new row 3", "observations, row 7")."""
    sources: list[dict] = field(default_factory=list)
    observations: list[dict] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)
    source_origins: list[tuple[str, int]] = field(default_factory=list)
    observation_origins: list[tuple[str, int]] = field(default_factory=list)
    indicator_origins: list[tuple[str, int]] = field(default_factory=list)

    def empty(self) -> bool:
        return not (self.sources or self.observations or self.indicators)


def save(rows: list[dict], source: dict, saved_by: str, *, secret: str | None, expected_secret: str | None,
         decisions: dict[int, str] | None = None, new_indicators: list[dict] | None = None,
         data_dir: Path | None = None, target: Path | None = None, seeds: Path | None = None) -> SaveResult:
    """Save `rows` (observation dicts) read from `source` (a sources row), with `new_indicators` (indicators
    rows a planner proposed) if any.

    The source is reused when already known; rows stored already are skipped (see plan_save). Nothing is
    written unless the secret matches, every stored-with-another-value row has a decision, and the whole
    curated set with the new rows passes every check and builds. Returns the problems otherwise."""
    check_secret(secret, expected_secret)
    data_dir = data_dir or paths.DATA_DIR
    if not rows:
        return SaveResult(False, [Problem("new rows", None, None, "there are no rows to save")])
    with _write_lock:
        plan = plan_save(rows, source, decisions, data_dir)
        source_id = plan.source["source_id"]
        if plan.undecided:
            return SaveResult(False, [
                Problem("new rows", p.index + 1, None, "another source already states a different value for this "
                        "indicator, place, period, kind, scope and method: choose to keep both or to skip it")
                for p in plan.undecided], source_id=source_id, source_reused=not plan.source_is_new)
        written = plan.to_write
        used = {r["indicator"] for r in written}
        indicators = [i for i in new_indicators or [] if i.get("indicator") in used]
        if not written and not indicators:
            return SaveResult(False, source_id=source_id, source_reused=not plan.source_is_new,
                              skipped=len(plan.skipped), nothing_new=True)
        additions = Additions(
            sources=[plan.source] if plan.source_is_new and written else [],
            observations=written,
            indicators=indicators,
            source_origins=[("source", 1)],
            observation_origins=[("new rows", p.index + 1) for p in plan.rows if p.decision == KEEP],
            indicator_origins=[("new indicator", n + 1) for n in range(len(indicators))],
        )
        details = [f"skipped {len(plan.skipped)} stored already"] if plan.skipped else []
        if not plan.source_is_new:
            details.append(f"source reused ({plan.reused_because})")
        result = _commit_locked(additions, saved_by, "article", details, data_dir, target, seeds)
    result.source_id, result.source_reused, result.skipped = source_id, not plan.source_is_new, len(plan.skipped)
    return result


def commit(additions: Additions, saved_by: str, action: str, details: list[str] | None = None, *,
           data_dir: Path | None = None, target: Path | None = None, seeds: Path | None = None) -> SaveResult:
    """Append `additions` to the curated files if, together with everything stored, they pass every check of
    `make db` and build; then swap the database in and record the change. All or nothing."""
    with _write_lock:
        return _commit_locked(additions, saved_by, action, details or [], data_dir or paths.DATA_DIR, target, seeds)


def _commit_locked(additions: Additions, saved_by: str, action: str, details: list[str], data_dir: Path,
                   target: Path | None, seeds: Path | None) -> SaveResult:
    target = target or paths.db_path()
    appended = {"sources": (additions.sources, SOURCE_COLUMNS, additions.source_origins),
                "observations": (additions.observations, OBSERVATION_COLUMNS, additions.observation_origins),
                "indicators": (additions.indicators, INDICATOR_COLUMNS, additions.indicator_origins)}
    before, after, offsets, origins = {}, {}, {}, {}
    for name, (rows, header, where) in appended.items():
        before[name] = (data_dir / f"{name}.csv").read_text(encoding="utf-8")
        after[name] = before[name] + _csv_text(header, rows)
        offsets[name] = before[name].count("\n")
        origins[f"data/{name}.csv"] = (offsets[name], where)
    with tempfile.TemporaryDirectory() as scratch:
        scratch_dir = Path(scratch) / "data"
        shutil.copytree(data_dir, scratch_dir, ignore=shutil.ignore_patterns("*.duckdb*", AUDIT_FILE, ".*"))
        for name, text in after.items():
            (scratch_dir / f"{name}.csv").write_text(text, encoding="utf-8", newline="")
        _, problems = validate(scratch_dir, seeds if seeds is not None else paths.seeds_dir())
        if problems:
            return SaveResult(False, [_renumber(p, origins) for p in problems])
        scratch_db = Path(scratch) / "indicators.duckdb"
        try:
            build.build(scratch_dir, scratch_db, seeds)
        except build.BuildError as err:
            return SaveResult(False, err.problems)
        # All checks passed: replace the curated files, then the database, then record the change.
        for name in appended:
            if after[name] != before[name]:
                _replace_file(data_dir / f"{name}.csv", after[name])
        target.parent.mkdir(parents=True, exist_ok=True)
        staged = target.with_name(f"{target.name}.tmp-save-{os.getpid()}")
        shutil.copyfile(scratch_db, staged)
        os.replace(staged, target)
    source_ids = list(dict.fromkeys([s["source_id"] for s in additions.sources]
                                    + [o["source_id"] for o in additions.observations]))
    indicator_ids = [i["indicator"] for i in additions.indicators]
    if indicator_ids:
        details = details + ["new indicators: " + ", ".join(indicator_ids)]
    append_audit(data_dir, saved_by, ",".join(source_ids), len(additions.observations),
                 build.data_fingerprint(data_dir), action=action, details="; ".join(details))
    return SaveResult(True, rows_added=len(additions.observations), source_id=source_ids[0] if source_ids else "",
                      indicators_added=indicator_ids, sources_added=[s["source_id"] for s in additions.sources])


def _renumber(problem: Problem, origins: dict[str, tuple[int, list[tuple[str, int]]]]) -> Problem:
    """A problem in an appended row named by where the person put it ("new row 3", "observations, row 7"),
    and the line it duplicates likewise."""
    if problem.file in origins and problem.line:
        offset, where = origins[problem.file]
        position = problem.line - offset - 1
        if 0 <= position < len(where):
            name, line = where[position]
            message = problem.message
            duplicated = re.match(r"duplicates line (\d+)", message)
            if duplicated:
                other = int(duplicated.group(1)) - offset - 1
                if 0 <= other < len(where):
                    message = message.replace(duplicated.group(0), f"duplicates {where[other][0]} row {where[other][1]}")
                else:
                    message = message.replace(duplicated.group(0), f"duplicates the stored row at {problem.file} "
                                                                   f"line {duplicated.group(1)}")
            return Problem(name, line, problem.field, message)
    return problem


def _read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _csv_text(header: list[str], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n", extrasaction="ignore")
    for row in rows:
        writer.writerow({k: "" if row.get(k) is None else str(row.get(k)) for k in header})
    return buffer.getvalue()


def _replace_file(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    temporary.write_text(text, encoding="utf-8", newline="")
    os.replace(temporary, path)


# --- the audit log -------------------------------------------------------------------------------------


def append_audit(data_dir: Path, saved_by: str, source_id: str, rows_added: int, fingerprint: str, *,
                 action: str = "article", details: str = "") -> None:
    """Append one line to the audit log (created with its header the first time); never rewrites it. A log
    begun by an older version keeps its own columns."""
    path = data_dir / AUDIT_FILE
    header = AUDIT_HEADER
    if path.exists() and path.stat().st_size:
        with path.open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle), AUDIT_HEADER) or AUDIT_HEADER
    new = not path.exists() or not path.stat().st_size
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n", extrasaction="ignore")
        if new:
            writer.writeheader()
        writer.writerow({"saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                         "saved_by": saved_by.strip()[:80] or "(unnamed)", "source_id": source_id,
                         "rows_added": rows_added, "data_fingerprint": fingerprint, "action": action,
                         "details": details})


def read_audit(data_dir: Path | None = None) -> list[dict]:
    path = (data_dir or paths.DATA_DIR) / AUDIT_FILE
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: v or "" for k, v in row.items() if k is not None} for row in csv.DictReader(handle)]
