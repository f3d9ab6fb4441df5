"""Saving reviewed rows from a new article: validate, append to the curated files, rebuild, record.

The only way data changes besides editing data/*.csv by hand. Everything is checked on a scratch copy first
(the same named checks and DDL as `make db`); only when the copy builds are the curated files replaced and
the database swapped in, atomically, and a line appended to data/audit_log.csv. Writing needs the planner
secret; wrong secrets are slowed down. No Streamlit here.
"""
from __future__ import annotations

import csv
import hmac
import io
import os
import re
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from provdash import build, paths
from provdash.validate import TABLE_BY_NAME, Problem, validate

AUDIT_FILE = "audit_log.csv"
AUDIT_HEADER = ["saved_at", "saved_by", "source_id", "rows_added", "data_fingerprint"]
OBSERVATION_COLUMNS = TABLE_BY_NAME["observations"].header
SOURCE_COLUMNS = TABLE_BY_NAME["sources"].header

_write_lock = threading.Lock()
_failures = {"count": 0, "last": 0.0}


class AccessDenied(PermissionError):
    """The planner secret is missing or wrong: nothing was written."""


@dataclass
class SaveResult:
    saved: bool
    problems: list[Problem] = field(default_factory=list)
    rows_added: int = 0
    source_id: str = ""


def check_secret(given: str | None, expected: str | None) -> None:
    """Raise AccessDenied unless `given` matches the configured secret. Each failure waits longer (≤ 8 s)."""
    if not expected:
        raise AccessDenied("saving is switched off: no planner secret is configured on this server")
    if given and hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        _failures["count"] = 0
        return
    _failures["count"] += 1
    _failures["last"] = time.monotonic()
    time.sleep(min(8.0, 0.5 * 2 ** (_failures["count"] - 1)))
    raise AccessDenied("the planner secret is wrong; nothing was saved")


def new_source_id(existing: set[str], published: str, outlet: str) -> str:
    """A stable ascii id for a new source, e.g. upd_20251004_baothainguyen."""
    slug = re.sub(r"[^a-z0-9]+", "", outlet.lower().encode("ascii", "ignore").decode()) or "source"
    stem = f"upd_{published.replace('-', '')[:8] or 'undated'}_{slug[:20]}"
    candidate, n = stem, 1
    while candidate in existing:
        n += 1
        candidate = f"{stem}_{n}"
    return candidate


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


def save(rows: list[dict], source: dict, saved_by: str, *, secret: str | None, expected_secret: str | None,
         data_dir: Path | None = None, target: Path | None = None, seeds: Path | None = None) -> SaveResult:
    """Append `rows` (observation dicts) and `source` (a sources row; its id is assigned when empty).

    Nothing is written unless the secret matches and the whole curated set, with the new rows, passes every
    check and builds. Returns the problems otherwise (file, line, field, why).
    """
    check_secret(secret, expected_secret)
    data_dir = data_dir or paths.DATA_DIR
    target = target or paths.db_path()
    if not rows:
        return SaveResult(False, [Problem("data/observations.csv", None, None, "there are no rows to save")])
    with _write_lock:
        sources_text = (data_dir / "sources.csv").read_text(encoding="utf-8")
        existing = {r["source_id"] for r in csv.DictReader(io.StringIO(sources_text))}
        source = dict(source)
        if not source.get("source_id"):
            source["source_id"] = new_source_id(existing, source.get("published", ""), source.get("outlet", ""))
        new_sources = source["source_id"] not in existing
        rows = [{**row, "source_id": source["source_id"]} for row in rows]
        observations_text = (data_dir / "observations.csv").read_text(encoding="utf-8")
        sources_after = sources_text + (_csv_text(SOURCE_COLUMNS, [source]) if new_sources else "")
        observations_after = observations_text + _csv_text(OBSERVATION_COLUMNS, rows)
        with tempfile.TemporaryDirectory() as scratch:
            scratch_dir = Path(scratch) / "data"
            shutil.copytree(data_dir, scratch_dir, ignore=shutil.ignore_patterns("*.duckdb*", AUDIT_FILE, ".*"))
            (scratch_dir / "sources.csv").write_text(sources_after, encoding="utf-8", newline="")
            (scratch_dir / "observations.csv").write_text(observations_after, encoding="utf-8", newline="")
            _, problems = validate(scratch_dir, seeds if seeds is not None else paths.seeds_dir())
            offset = observations_text.count("\n")
            if problems:
                return SaveResult(False, [_renumber(p, offset) for p in problems], source_id=source["source_id"])
            scratch_db = Path(scratch) / "indicators.duckdb"
            try:
                build.build(scratch_dir, scratch_db, seeds)
            except build.BuildError as err:
                return SaveResult(False, err.problems, source_id=source["source_id"])
            # All checks passed: replace the curated files, then the database, then record the save.
            _replace_file(data_dir / "sources.csv", sources_after)
            _replace_file(data_dir / "observations.csv", observations_after)
            target.parent.mkdir(parents=True, exist_ok=True)
            staged = target.with_name(f"{target.name}.tmp-save-{os.getpid()}")
            shutil.copyfile(scratch_db, staged)
            os.replace(staged, target)
        append_audit(data_dir, saved_by, source["source_id"], len(rows), build.data_fingerprint(data_dir))
    return SaveResult(True, rows_added=len(rows), source_id=source["source_id"])


def _renumber(problem: Problem, offset: int) -> Problem:
    """Problems in the appended rows, named as 'new row N' so the planner finds them in the editor."""
    if problem.file == "data/observations.csv" and problem.line and problem.line > offset:
        return Problem("new rows", problem.line - offset, problem.field, problem.message)
    return problem


def append_audit(data_dir: Path, saved_by: str, source_id: str, rows_added: int, fingerprint: str) -> None:
    """Append one line to the audit log (created with its header the first time); never rewrites it."""
    path = data_dir / AUDIT_FILE
    new = not path.exists()
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        if new:
            writer.writerow(AUDIT_HEADER)
        writer.writerow([datetime.now(timezone.utc).isoformat(timespec="seconds"), saved_by.strip()[:80] or "(unnamed)",
                         source_id, rows_added, fingerprint])


def read_audit(data_dir: Path | None = None) -> list[dict]:
    path = (data_dir or paths.DATA_DIR) / AUDIT_FILE
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
