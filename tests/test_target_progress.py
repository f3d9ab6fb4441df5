"""The stored target statuses (table target_progress) are exactly what provdash.targets computes from every
actual: the build reads only the actuals a status depends on (queries/target_inputs.sql), and that reduction
must lose nothing — on the curated data and on a synthetic national-scale sample."""
from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd
import pytest

from provdash import build, progress, scale_db
from provdash.queries import connect_readonly, run_query
from provdash.targets import assess_targets, from_store

EVERY_ACTUAL = """
SELECT * FROM observations
WHERE indicator IN (SELECT indicator FROM observations WHERE kind = 'target')
ORDER BY indicator, jurisdiction, period_end, kind, scope, method, source_id
"""


def every_actual(path) -> pd.DataFrame:
    con = connect_readonly(path)
    try:
        return con.execute(EVERY_ACTUAL).df()
    finally:
        con.close()


def stored(path) -> pd.DataFrame:
    con = connect_readonly(path)
    try:
        return from_store(run_query(con, "target_progress_all"))
    finally:
        con.close()


def test_stored_statuses_equal_those_from_every_actual(built_db):
    expected = assess_targets(every_actual(built_db))
    assert len(expected) > 30
    pd.testing.assert_frame_equal(stored(built_db), expected, check_dtype=False)


def test_reduced_inputs_are_fewer_but_give_the_same_statuses(built_db):
    con = connect_readonly(built_db)
    try:
        reduced = run_query(con, "target_inputs")
    finally:
        con.close()
    everything = every_actual(built_db)
    assert len(reduced) < len(everything)
    pd.testing.assert_frame_equal(assess_targets(reduced), assess_targets(everything))


def test_known_statuses_on_the_curated_data(built_db):
    table = stored(built_db)
    assert set(table["status"]) <= set(progress.STATUSES)
    # No target of a province that ceased before the end of its target year is judged: the 2025 mergers.
    ceased = table[table["valid_to"].notna()]
    ceased = ceased[[v < date(y, 12, 31) for v, y in zip(ceased["valid_to"], ceased["target_year"])]]
    assert len(ceased) >= 20 and set(ceased["status"]) == {"superseded"}
    # Thin data is not dressed up, and not the common case either.
    assert (table["status"] == "not_enough_data").sum() < len(table) / 2


def test_no_rank_target_is_met_or_missed_before_its_year_is_measured(built_db):
    table = stored(built_db)
    con = connect_readonly(built_db)
    try:
        ranks = con.execute("SELECT jurisdiction, indicator, year(period_end) AS year FROM observations "
                            "WHERE kind = 'actual' AND indicator_type = 'rank'").df()
    finally:
        con.close()
    judged = table[(table["indicator_type"] == "rank") & table["status"].isin(["met", "not_met"])]
    for row in judged.itertuples():
        years = ranks[(ranks["jurisdiction"] == row.jurisdiction) & (ranks["indicator"] == row.indicator)]["year"]
        assert (years >= row.target_year).any(), f"{row.indicator} {row.jurisdiction} {row.target_year} judged early"


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory):
    target = tmp_path_factory.mktemp("scale") / "rows.duckdb"
    scale_db.generate(60_000, target, seed=3, quiet=True, memory_limit="1GB")
    return target


def test_reduction_loses_nothing_at_scale(synthetic_db):
    expected = assess_targets(every_actual(synthetic_db))
    assert len(expected) > 500  # hundreds of targets over monthly and yearly series, with method breaks
    assert expected["status"].nunique() >= 4
    pd.testing.assert_frame_equal(stored(synthetic_db), expected, check_dtype=False)


def test_changed_thresholds_make_the_database_stale(built_db, tmp_path, monkeypatch):
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(built_db.read_bytes())
    assert build.database_is_usable(copy)
    config = tmp_path / "progress.yaml"
    config.write_text(build.paths.PROGRESS_CONFIG.read_text(encoding="utf-8").replace("0.95", "0.9"),
                      encoding="utf-8")
    monkeypatch.setattr(build.paths, "PROGRESS_CONFIG", config)
    assert not build.database_is_usable(copy)


@pytest.mark.parametrize("status", [None, "probably_fine"], ids=["no status", "outside the vocabulary"])
def test_the_table_rejects_a_status_it_does_not_know(built_db, tmp_path, status):
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(built_db.read_bytes())
    con = duckdb.connect(str(copy))
    try:
        with pytest.raises(duckdb.ConstraintException):
            con.execute("UPDATE target_progress SET status = ? WHERE position = 0", [status])
    finally:
        con.close()
