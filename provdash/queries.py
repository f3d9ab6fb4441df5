"""Run the questions in queries/*.sql by name, with bound parameters, on a read-only connection.

A query file starts with a comment header:

    -- <what question it answers>
    -- params: $jurisdiction, $indicator     (or "-- params: none")

Values are always bound (`$name`), never formatted into SQL. This module has no Streamlit in it; the
app wraps `run_query` in its caches (provdash.ui).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

from provdash import paths

PARAM_PATTERN = re.compile(r"(?<![\w$])\$([a-z_][a-z0-9_]*)")
HEADER_PARAMS = re.compile(r"^--\s*params:\s*(.*)$", re.MULTILINE)


@dataclass(frozen=True)
class QueryFile:
    name: str
    description: str
    declared: frozenset[str]
    sql: str

    @property
    def used(self) -> frozenset[str]:
        body = "\n".join(line for line in self.sql.splitlines() if not line.lstrip().startswith("--"))
        return frozenset(PARAM_PATTERN.findall(body))


def query_names() -> list[str]:
    return sorted(p.stem for p in paths.QUERIES_DIR.glob("*.sql"))


@lru_cache(maxsize=None)
def load_query(name: str) -> QueryFile:
    if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        raise KeyError(f"no such query: {name!r}")
    path = paths.QUERIES_DIR / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"no such query: {name!r}")
    sql = path.read_text(encoding="utf-8")
    first = sql.splitlines()[0] if sql else ""
    description = first.removeprefix("--").strip()
    match = HEADER_PARAMS.search(sql)
    declared_text = match.group(1).strip() if match else ""
    declared = frozenset() if declared_text in ("", "none") else frozenset(
        p.strip().lstrip("$") for p in declared_text.split(",") if p.strip())
    return QueryFile(name, description, declared, sql)


def connect_readonly(path: Path | None = None, config: dict[str, str] | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the database file as it is now: viewer pages can never write to it.

    The file is ATTACHed to a private in-memory instance rather than opened with duckdb.connect(path): DuckDB
    shares one instance per path within a process, so after a rebuild replaced the file a plain connect
    would keep reading the old one. Each connection here sees exactly one version of the file. `config` is
    DuckDB's (e.g. a memory_limit and a temp_directory to spill to, for an export of every row).
    """
    con = duckdb.connect(config=config or {})
    con.execute("ATTACH $path AS store (READ_ONLY)", {"path": str(path or paths.db_path())})
    con.execute("USE store")
    return con


def _checked(name: str, params: dict) -> QueryFile:
    query = load_query(name)
    missing = query.declared - params.keys()
    extra = params.keys() - query.declared
    if missing or extra:
        raise TypeError(f"query {name!r} takes {sorted(query.declared)}; got {sorted(params)}")
    return query


def run_query(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> pd.DataFrame:
    """Run queries/<name>.sql on a fresh cursor of `con` with exactly its declared parameters bound."""
    query = _checked(name, params)
    cursor = con.cursor()
    try:
        cursor.execute("USE store")  # a cursor starts in the in-memory catalog
        return cursor.execute(query.sql, params).df()
    finally:
        cursor.close()


COPY_TARGET = "copy_target"  # the bound parameter holding copy_query_csv's file name


def copy_query_csv(con: duckdb.DuckDBPyConnection, name: str, target: Path, **params: object) -> None:
    """Write the result of queries/<name>.sql to the file `target` as CSV (header, commas, UTF-8) with DuckDB's
    COPY: no row passes through Python, however many there are. Parameters are bound as in run_query."""
    query = _checked(name, params)
    if COPY_TARGET in params:
        raise TypeError(f"${COPY_TARGET} is reserved for the file name")
    # The statement wraps a query file of ours; values, the file name included, stay bound parameters.
    statement = ("COPY (\n" + query.sql.strip().rstrip(";") + "\n) TO $" + COPY_TARGET
                 + " (FORMAT csv, HEADER, DELIMITER ',')")
    cursor = con.cursor()
    try:
        cursor.execute("USE store")
        cursor.execute(statement, {**params, COPY_TARGET: str(target)})
    finally:
        cursor.close()
