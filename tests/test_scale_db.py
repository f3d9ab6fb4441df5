"""The synthetic national-scale database (provdash.scale_db) at a tiny size, and that the benchmark imports.

The benchmark itself (`make bench`) is not a test; these checks stay fast.
"""
from __future__ import annotations

import importlib

import duckdb
import pytest

from provdash import build, periods, scale_db

ROWS = 2000


@pytest.fixture(scope="module")
def small_db(tmp_path_factory):
    target = tmp_path_factory.mktemp("scale") / "small.duckdb"
    scale_db.generate(ROWS, target, seed=0, quiet=True)
    return target


def query(path, sql):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_exactly_the_rows_asked_for_and_the_app_accepts_the_file(small_db):
    assert query(small_db, "SELECT count(*) FROM observations") == [(ROWS,)]
    assert build.database_is_usable(small_db), "the app's start-up check would try to rebuild it"
    assert not list(small_db.parent.glob("*.tmp-*")), "no temporary file left behind"


def test_curated_values_and_vocabularies_are_kept(small_db):
    real = query(small_db, "SELECT count(*) FROM observation_facts WHERE note <> 'synthetic'")[0][0]
    assert real >= 100
    places = {row[0] for row in query(small_db, "SELECT jurisdiction FROM jurisdictions")}
    assert {"thai_nguyen", "vinh_phuc", "thai_nguyen_2025", "phu_tho_2025", "ha_noi"} <= places
    assert query(small_db, "SELECT count(*) FROM jurisdictions WHERE level = 'province' AND valid_to IS NULL")[0][0] >= 34
    assert query(small_db, "SELECT count(*) FROM indicators WHERE indicator = 'digital_economy_share_grdp'") == [(1,)]


def test_values_respect_units_and_lifetimes(small_db):
    assert query(small_db, """
        SELECT count(*) FROM observations o JOIN units u USING (unit)
        WHERE (u.min_value IS NOT NULL AND o.value < u.min_value) OR (u.max_value IS NOT NULL AND o.value > u.max_value)
    """) == [(0,)]
    assert query(small_db, """
        SELECT count(*) FROM observation_facts f JOIN jurisdictions j USING (jurisdiction)
        WHERE f.note = 'synthetic' AND f.kind = 'actual' AND j.valid_to IS NOT NULL AND f.period_end > j.valid_to
    """) == [(0,)]
    kinds = {row[0] for row in query(small_db, "SELECT DISTINCT kind FROM observation_facts WHERE note = 'synthetic'")}
    assert kinds == {"actual", "target"}


def test_synthetic_english_period_labels_are_those_the_build_would_make(small_db):
    labels = query(small_db, "SELECT DISTINCT period_start, period_end, period_label, period_label_en FROM observation_facts")
    wrong = [(s, e, vi, en, periods.english_label(s, e, vi)) for s, e, vi, en in labels
             if en != periods.english_label(s, e, vi)]
    assert len(labels) > 20 and not wrong, wrong[:5]


def test_same_seed_same_file_contents(small_db, tmp_path):
    again = tmp_path / "again.duckdb"
    scale_db.generate(ROWS, again, seed=0, quiet=True)
    digest = "SELECT sum(hash(obs_id, value, qualifier)) FROM observation_facts"
    assert query(again, digest) == query(small_db, digest)


def test_too_few_rows_is_refused(tmp_path):
    with pytest.raises(ValueError):
        scale_db.generate(10, tmp_path / "tiny.duckdb", quiet=True)
    assert not (tmp_path / "tiny.duckdb").exists()


@pytest.mark.parametrize("module", ["bench", "bench.run", "bench.apptest_worker", "bench.browser"])
def test_benchmark_modules_import(module):
    importlib.import_module(module)


def test_benchmark_reads_the_page_list():
    from bench.run import dashboard_pages

    pages = dashboard_pages()
    assert ("app_pages/home.py", "trang_chu") in pages
