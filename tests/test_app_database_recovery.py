"""A missing, empty, truncated or garbage database at app start is rebuilt, and the user is told."""
from __future__ import annotations

import os

import pytest
from streamlit.testing.v1 import AppTest

from provdash import build, paths


@pytest.mark.parametrize("damage", ["missing", "zero-byte", "truncated", "garbage"])
def test_broken_database_is_rebuilt_at_start(tmp_path, built_db, monkeypatch, damage):
    target = tmp_path / "indicators.duckdb"
    if damage == "zero-byte":
        target.write_bytes(b"")
    elif damage == "truncated":
        target.write_bytes(built_db.read_bytes()[:10000])
    elif damage == "garbage":
        target.write_bytes(os.urandom(50000))
    monkeypatch.setenv("DASHBOARD_DB", str(target))
    at = AppTest.from_file(str(paths.ROOT / "dashboard.py"), default_timeout=90).run()
    assert not at.exception
    assert any("rebuilt" in i.value or "dựng lại" in i.value for i in at.info), [i.value for i in at.info]
    assert build.database_is_usable(target)
    assert at.title[0].value.startswith("Mục tiêu")


def test_unbuildable_data_is_reported_plainly(tmp_path, data_copy, monkeypatch):
    """When even the rebuild fails, the page says why instead of crashing."""
    (data_copy / "observations.csv").write_text("broken\n", encoding="utf-8")
    monkeypatch.setattr(paths, "DATA_DIR", data_copy)
    monkeypatch.setenv("DASHBOARD_DB", str(tmp_path / "none.duckdb"))
    at = AppTest.from_file(str(paths.ROOT / "dashboard.py"), default_timeout=90).run()
    assert not at.exception
    assert any("observations.csv" in e.value for e in at.error), [e.value for e in at.error]


def stale_synthetic(tmp_path, built_db):
    """A synthetic benchmark database from an older schema: marked synthetic, schema version out of date."""
    import duckdb

    target = tmp_path / "big.duckdb"
    target.write_bytes(built_db.read_bytes())
    con = duckdb.connect(str(target))
    try:
        con.execute("INSERT INTO build_info VALUES ('synthetic', 'rows=1000 seed=0')")
        con.execute("UPDATE build_info SET value = '0' WHERE key = 'schema_version'")
    finally:
        con.close()
    return target


def test_a_stale_synthetic_database_is_never_overwritten_at_start(tmp_path, built_db, monkeypatch):
    target = stale_synthetic(tmp_path, built_db)
    before = target.read_bytes()
    monkeypatch.setenv("DASHBOARD_DB", str(target))
    at = AppTest.from_file(str(paths.ROOT / "dashboard.py"), default_timeout=90).run()
    assert not at.exception
    assert any("make scale-db" in e.value for e in at.error), [e.value for e in at.error]
    assert target.read_bytes() == before


def test_make_run_refuses_to_rebuild_a_stale_synthetic_database(tmp_path, built_db, capsys):
    target = stale_synthetic(tmp_path, built_db)
    before = target.read_bytes()
    assert build.main(["--if-needed", "--out", str(target)]) == 1
    assert "make scale-db" in capsys.readouterr().err
    assert target.read_bytes() == before
