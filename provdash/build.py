"""Build data/indicators.duckdb from the curated files in data/ (`make db`).

# Load inputs: read and check every curated CSV (provdash.validate).
# Process data: type the values, give every observation a stable id.
# Save outputs: write a new DuckDB file beside the old one, then atomically replace it.

A failed build prints each problem (file, line, field, why) and leaves the previous database untouched.
It must never write anywhere but the temporary file and, at the very end, the target path.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import sys
from pathlib import Path

import duckdb
import pandas as pd

from provdash import paths, targets
from provdash.queries import load_query
from provdash.validate import TABLES, Problem, Rows, parse_date, parse_number, validate

SCHEMA_VERSION = "5"  # 3: the events table; 4: target_progress; 5: superseded targets, evidence, lifetimes in the view


class BuildError(Exception):
    """The curated data cannot be built; `problems` says why in plain words."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the curated data")
        self.problems = problems


def observation_id(record: dict[str, str]) -> str:
    """A stable id from the observation's key, so links to a value survive rebuilds and additions."""
    key = "|".join(record[c] for c in ("source_id", "indicator", "jurisdiction", "kind", "scope", "method",
                                         "period_start", "period_end"))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def typed_frame(rows: Rows) -> pd.DataFrame:
    """The rows of one table as a DataFrame with the column types of the schema."""
    data: dict[str, list] = {}
    for column in rows.table.columns:
        raw = [r[column.name] for r in rows.records]
        if column.kind == "number":
            data[column.name] = [parse_number(v) if v else None for v in raw]
        elif column.kind == "date":
            data[column.name] = [parse_date(v) if v else None for v in raw]
        elif column.name in ("successor",):
            data[column.name] = [v or None for v in raw]
        else:
            data[column.name] = raw
    frame = pd.DataFrame(data)
    for column in rows.table.columns:
        if column.kind == "number":
            frame[column.name] = frame[column.name].astype("float64")
        elif column.kind == "date":
            frame[column.name] = pd.to_datetime(frame[column.name]).dt.date
        else:
            frame[column.name] = frame[column.name].astype(object)
    return frame


def data_fingerprint(data_dir: Path) -> str:
    digest = hashlib.sha256()
    for table in TABLES:
        digest.update(table.file_name.encode())
        digest.update((data_dir / table.file_name).read_bytes())
    return digest.hexdigest()


def progress_config_digest() -> str:
    """Digest of config/progress.yaml: the stored statuses depend on its thresholds."""
    return hashlib.sha256(paths.PROGRESS_CONFIG.read_bytes()).hexdigest()[:16]


def store_target_progress(con: duckdb.DuckDBPyConnection) -> int:
    """(Re)compute the table target_progress from the observations in `con`. Returns the number of targets."""
    inputs = con.execute(load_query("target_inputs").sql).df()
    assessed = targets.assess_targets(inputs)
    assessed.insert(0, "position", range(len(assessed)))
    con.execute("DELETE FROM target_progress")
    _insert(con, "target_progress", assessed)
    con.execute("INSERT OR REPLACE INTO build_info VALUES ('progress_config', ?)", [progress_config_digest()])
    return len(assessed)


def latest_published(rows: Rows) -> str:
    dates = sorted(r["published"] for r in rows.records if r["published"])
    return dates[-1] if dates else ""


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    columns = ", ".join(f'"{c}"' for c in frame.columns)
    con.register("incoming", frame)
    try:
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM incoming")  # names from our own spec
    finally:
        con.unregister("incoming")


def write_database(all_rows: dict[str, Rows], target: Path, fingerprint: str) -> None:
    """Write every table into a temporary file next to `target`, then replace `target` in one step."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f"{target.name}.tmp-{os.getpid()}")
    for leftover in (temporary, temporary.with_name(temporary.name + ".wal")):
        leftover.unlink(missing_ok=True)
    try:
        con = duckdb.connect(str(temporary))
        try:
            con.execute(paths.SCHEMA_FILE.read_text(encoding="utf-8"))
            for name in ("units", "qualifiers", "scopes", "methods", "sources", "indicators"):
                _insert(con, name, typed_frame(all_rows[name]))
            # Successors refer to other jurisdictions: insert those without one first.
            places = typed_frame(all_rows["jurisdictions"])
            ordered = pd.concat([places[places["successor"].isna()], places[places["successor"].notna()]])
            _insert(con, "jurisdictions", ordered)
            facts = typed_frame(all_rows["observations"])
            facts.insert(0, "obs_id", [observation_id(r) for r in all_rows["observations"].records])
            facts = facts.sort_values("obs_id", kind="stable")
            _insert(con, "observation_facts", facts)
            events = typed_frame(all_rows["events"]).sort_values(["date", "event_id"], kind="stable")
            _insert(con, "events", events)
            info = pd.DataFrame({
                "key": ["schema_version", "data_fingerprint", "latest_source_published", "observations", "events"],
                "value": [SCHEMA_VERSION, fingerprint, latest_published(all_rows["sources"]), str(len(facts)),
                          str(len(events))],
            })
            _insert(con, "build_info", info)
            store_target_progress(con)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except duckdb.ConstraintException as err:
        raise BuildError([Problem("data/", None, None, f"the database rejected the data: {err}")]) from err
    finally:
        for leftover in (temporary, temporary.with_name(temporary.name + ".wal")):
            leftover.unlink(missing_ok=True)


def build(data_dir: Path | None = None, target: Path | None = None, seeds: Path | None = None) -> int:
    """Validate the curated files and write the database. Returns the number of observations written."""
    data_dir = data_dir or paths.DATA_DIR
    target = target or paths.db_path()
    seeds = seeds if seeds is not None else paths.seeds_dir()
    all_rows, problems = validate(data_dir, seeds)
    if problems:
        raise BuildError(problems)
    write_database(all_rows, target, data_fingerprint(data_dir))
    return len(all_rows["observations"].records)


def database_is_usable(target: Path) -> bool:
    """True when `target` opens read-only, holds the observations view and was built by this schema and with
    the progress thresholds configured now."""
    if not target.is_file() or target.stat().st_size == 0:
        return False
    try:
        con = duckdb.connect(str(target), read_only=True)
        try:
            con.execute("SELECT * FROM observations LIMIT 1").fetchall()  # binds every table, reads one row
            info = dict(con.execute("SELECT key, value FROM build_info "
                                    "WHERE key IN ('schema_version', 'progress_config')").fetchall())
            return (info.get("schema_version") == SCHEMA_VERSION
                    and info.get("progress_config") == progress_config_digest())
        finally:
            con.close()
    except Exception:  # any failure to open means: rebuild it
        return False


def synthetic_database(target: Path) -> bool:
    """True when `target` is a synthetic benchmark database (provdash.scale_db): never rebuilt from data/ in its
    place, even when it is stale, as that would replace millions of rows by the curated few hundred."""
    try:
        con = duckdb.connect(str(target), read_only=True)
        try:
            return bool(con.execute("SELECT count(*) FROM build_info WHERE key = 'synthetic'").fetchone()[0])
        finally:
            con.close()
    except Exception:  # unreadable: not one we can recognise
        return False


SYNTHETIC_STALE = ("{path} is a synthetic benchmark database made by an older version of the code. "
                   "It was left as it is; make it again with `make scale-db ROWS=… OUT={path}`.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the indicator database from the curated files.")
    parser.add_argument("--data", type=Path, default=paths.DATA_DIR, help="folder of curated CSV files")
    parser.add_argument("--out", type=Path, default=None, help="database file to write (default: $DASHBOARD_DB "
                        "or data/indicators.duckdb)")
    parser.add_argument("--if-needed", action="store_true", help="only build when the database is missing or unusable")
    args = parser.parse_args(argv)
    target = (args.out or paths.db_path()).resolve()
    if args.if_needed and database_is_usable(target):
        print(f"{target.relative_to(paths.ROOT) if target.is_relative_to(paths.ROOT) else target} is up to date enough; "
              "run `make db` to rebuild")
        return 0
    if args.if_needed and synthetic_database(target):
        print(SYNTHETIC_STALE.format(path=target), file=sys.stderr)
        return 1
    try:
        count = build(args.data, target)
    except BuildError as err:
        print(f"Build failed: {len(err.problems)} problem(s) in the curated data. "
              "The previous database was left unchanged.", file=sys.stderr)
        for problem in err.problems[:50]:
            print(f"  - {problem}", file=sys.stderr)
        if len(err.problems) > 50:
            print(f"  … and {len(err.problems) - 50} more", file=sys.stderr)
        return 1
    except Exception as err:  # a plain message, never a traceback, for whoever runs `make db`
        print(f"Build failed: {type(err).__name__}: {err}. The previous database was left unchanged.",
              file=sys.stderr)
        return 2
    print(f"Built {target} with {count} observations.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
