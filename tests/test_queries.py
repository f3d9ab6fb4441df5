"""The query layer: every queries/*.sql runs on the real database and declares exactly what it uses."""
from __future__ import annotations

import re
from datetime import date

import pytest

from provdash import paths
from provdash.queries import connect_readonly, load_query, query_names, run_query

# Example values for every parameter any query declares; a new parameter needs an example here.
EXAMPLES = {
    "indicator": "digital_economy_share_grdp",
    "indicators": ["digital_economy_share_grdp", "fdi_registered_capital"],
    "jurisdiction": "thai_nguyen",
    "jurisdictions": ["thai_nguyen", "vinh_phuc"],
    "category": "digital_economy",
    "categories": ["digital_economy", "fdi"],
    "start": date(2015, 1, 1),
    "end": date(2035, 12, 31),
    "search": "FDI",
    "kind": "actual",
    "source_id": "seed_003",
    "limit": 200,
    "offset": 0,
    "year": 2022,
    "method": "",
    "scope": "province",
}


def test_there_are_queries():
    assert len(query_names()) >= 3


@pytest.mark.parametrize("name", query_names())
def test_query_header_declares_its_parameters(name):
    query = load_query(name)
    assert query.description, f"queries/{name}.sql must start with a comment saying what it answers"
    assert re.search(r"^--\s*params:", query.sql, re.MULTILINE), f"queries/{name}.sql needs a '-- params:' line"
    assert query.declared == query.used, (
        f"queries/{name}.sql declares {sorted(query.declared)} but uses {sorted(query.used)}")


@pytest.mark.parametrize("name", query_names())
def test_query_runs_on_the_real_database(built_db, name):
    query = load_query(name)
    missing = query.declared - EXAMPLES.keys()
    assert not missing, f"add example values for {sorted(missing)} to EXAMPLES"
    con = connect_readonly(built_db)
    try:
        frame = run_query(con, name, **{p: EXAMPLES[p] for p in query.declared})
    finally:
        con.close()
    assert len(frame.columns) > 0


def test_no_sql_is_assembled_with_string_formatting():
    """Values are bound, never formatted into SQL: no f-strings or .format around execute() in the code."""
    offenders = []
    for path in list((paths.ROOT / "provdash").glob("*.py")) + list(paths.PAGES_DIR.glob("*.py")):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"\.execute\(\s*f[\"']", text):
            line = text[: match.start()].count("\n") + 1
            if "names from our own spec" not in text.splitlines()[line - 1]:
                offenders.append(f"{path.name}:{line}")
    assert not offenders, f"SQL built with f-strings: {offenders}"


def test_unknown_parameters_are_refused(built_db):
    con = connect_readonly(built_db)
    try:
        with pytest.raises(TypeError):
            run_query(con, "store_summary", province="x")
        with pytest.raises(KeyError):
            run_query(con, "../etc/passwd")
    finally:
        con.close()


def test_viewer_connection_is_read_only(built_db):
    con = connect_readonly(built_db)
    try:
        with pytest.raises(Exception, match="read-only|read only"):
            con.execute("DELETE FROM observation_facts")
    finally:
        con.close()
