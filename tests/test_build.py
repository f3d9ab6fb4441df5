"""`make db`: deterministic, atomic, and a plain message for every kind of bad input."""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from provdash import build, paths
from tests.conftest import FIXTURES, seeds_available

BAD = sorted((FIXTURES / "bad").glob("*.csv"))

# What each bad fixture must be reported as: (line or None, field or None, words in the message).
EXPECTED = {
    "coverage_notes--empty-note-vi": (3, "note_vi", "is empty but required"),
    "coverage_notes--finding-unknown": (3, "finding", "is not one of: not_published, not_found"),
    "coverage_notes--first-year-after-last-year": (3, "first_year", "the first year (2024) is after the last year (2019)"),
    "coverage_notes--merged-province-before-it-existed": (3, "first_year", "thai_nguyen_2025 did not exist before"),
    "coverage_notes--missing-column-note-en": (1, None, "missing column(s): note_en"),
    "coverage_notes--note-contradicts-an-actual": (3, "first_year", "the store holds the figure for 2022"),
    "coverage_notes--old-province-after-merger": (3, "last_year", "vinh_phuc ceased to exist on 2025-06-30"),
    "coverage_notes--overlapping-notes": (3, "first_year", "overlaps the note on line 2"),
    "coverage_notes--unknown-indicator": (3, "indicator", "is not a known indicator"),
    "coverage_notes--unknown-method": (3, "method", "is not a known method"),
    "coverage_notes--year-not-four-digits": (3, "last_year", "'24' is not a year"),
    "events--by-date-after-source-published": (3, "date", "cannot be later than its source, published 2024-08-16"),
    "events--date-precision-unknown": (3, "date_precision", "is not one of: day, month, year, by"),
    "events--month-precision-not-first-day": (3, "date", "is not the first day of a month"),
    "events--old-province-after-merger": (3, "jurisdiction", "ceased to exist"),
    "events--quote-not-in-seed-article": (3, "quote", "is not found in 003_e6c1780fa81d8148.txt"),
    "events--quote-too-long": (3, "quote", "keep quotes to short spans"),
    "events--seed-event-without-quote": (3, "quote", "an event read from 003_e6c1780fa81d8148.txt needs the span"),
    "events--unknown-jurisdiction": (3, "jurisdiction", "is not a known jurisdiction"),
    "events--note-without-vietnamese": (3, "note_vi", "a note needs both languages"),
    "observation_notes--unknown-source": (3, "source_id", "is not a known source"),
    "indicators--direction-unknown": (2, "direction", "is not one of"),
    "indicators--missing-title-en": (2, "title_en", "is empty but required"),
    "jurisdictions--successor-unknown": (3, "successor", "is not a known jurisdiction"),
    "observations--binary-garbage": (None, None, "looks binary"),
    "observations--byte-order-mark": (1, None, "byte-order mark"),
    "observations--comma-decimal-in-value": (3, "value", "comma as the decimal point"),
    "observations--crlf-line-ends": (1, None, "CRLF"),
    "observations--date-not-iso": (3, "period_start", "is not a date"),
    "observations--duplicate-key": (3, "key", "duplicates line 2"),
    "observations--empty-file": (None, None, "the file is empty"),
    "observations--empty-period-label": (3, "period_label", "is empty but required"),
    "observations--extra-column": (1, None, "unexpected column(s): comment"),
    "observations--impossible-date": (3, "period_start", "is not a date"),
    "observations--kind-not-actual-or-target": (3, "kind", "is not one of: actual, target"),
    "observations--leading-space-in-cell": (3, "jurisdiction", "leading or trailing spaces"),
    "observations--missing-column-note": (1, None, "missing column(s): note"),
    "observations--negative-area": (3, "value", "below the smallest allowed ha"),
    "observations--negative-project-count": (3, "value", "below the smallest allowed projects"),
    "observations--old-province-after-merger": (3, "jurisdiction", "ceased to exist"),
    "observations--period-start-after-end": (3, "period_start", "after it ends"),
    "observations--quote-not-in-seed-article": (3, "quote", "is not found in 003_e6c1780fa81d8148.txt"),
    "observations--seed-value-without-quote": (3, "quote", "needs the span that states it"),
    "observations--share-above-100": (3, "value", "above the largest allowed %"),
    "observations--thousands-separator-in-value": (3, "value", "without thousands separators"),
    "observations--too-few-fields": (3, None, "has 3 fields, expected 14"),
    "observations--truncated-file": (3, None, "may be truncated"),
    "observations--unclosed-quote": (3, None, "cannot be read as CSV"),
    "observations--unknown-indicator": (3, "indicator", "is not a known indicator"),
    "observations--unknown-jurisdiction": (3, "jurisdiction", "is not a known jurisdiction"),
    "observations--unknown-qualifier": (3, "qualifier", "is not a known qualifier"),
    "observations--unknown-scope": (3, "scope", "is not a known scope"),
    "observations--unknown-source-id": (3, "source_id", "is not a known source"),
    "observations--unknown-unit": (3, "unit", "is not a known unit"),
    "observations--value-infinite": (3, "value", "is not a number"),
    "observations--value-not-a-number": (3, "value", "is not a number"),
    "observations--windows-1258-encoding": (2, None, "not valid UTF-8"),
    "sources--duplicate-source-id": (3, "source_id", "duplicates line 2"),
    "sources--published-not-a-date": (2, "published", "is not a date"),
    "sources--url-not-http": (2, "url", "is not an http(s) URL"),
    "units--zero-factor": (2, "factor", "must be greater than 0"),
}
NEEDS_SEEDS = {"observations--quote-not-in-seed-article", "events--quote-not-in-seed-article"}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def table_contents(path: Path) -> dict[str, list]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables}  # names from the catalog
    finally:
        con.close()


@pytest.fixture
def good_db(tmp_path) -> Path:
    target = tmp_path / "good.duckdb"
    build.build(target=target)
    return target


def test_every_bad_fixture_has_an_expectation():
    assert {p.stem for p in BAD} == set(EXPECTED), "each fixture in tests/fixtures/bad needs an EXPECTED entry"
    assert len(BAD) >= 30


@pytest.mark.parametrize("fixture", BAD, ids=[p.stem for p in BAD])
def test_bad_input_is_refused_plainly_and_the_old_database_survives(fixture, data_copy, good_db, capsys):
    if fixture.stem in NEEDS_SEEDS and not seeds_available():
        pytest.skip("needs the seed articles")
    table = fixture.stem.split("--")[0]
    shutil.copyfile(fixture, data_copy / f"{table}.csv")
    before = digest(good_db)

    exit_code = build.main(["--data", str(data_copy), "--out", str(good_db)])

    err = capsys.readouterr().err
    line, field, words = EXPECTED[fixture.stem]
    assert exit_code != 0
    assert "Traceback" not in err
    assert f"data/{table}.csv" in err
    assert words in err, err
    if line is not None:
        assert f"line {line}" in err, err
    if field is not None:
        assert f"field '{field}'" in err, err
    assert digest(good_db) == before, "a failed build must leave the previous database byte-identical"
    assert not list(good_db.parent.glob("*.tmp-*")), "a failed build must not leave temporary files"


def test_build_is_deterministic(tmp_path):
    first, second = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    build.build(target=first)
    build.build(target=second)
    assert table_contents(first) == table_contents(second)


def test_rebuild_replaces_the_file_atomically(good_db):
    """A reader holding the old file keeps a consistent view while the new one replaces it."""
    reader = duckdb.connect(str(good_db), read_only=True)
    try:
        before = reader.execute("SELECT count(*) FROM observations").fetchone()[0]
        build.build(target=good_db)
        assert reader.execute("SELECT count(*) FROM observations").fetchone()[0] == before
    finally:
        reader.close()
    assert build.database_is_usable(good_db)


def test_constraints_reject_bad_rows_even_without_the_checks(good_db):
    """The DDL is the first line of defence: a share of 120 % cannot be inserted by any route."""
    con = duckdb.connect(str(good_db))
    try:
        row = con.execute("SELECT * FROM observation_facts WHERE unit = 'pct' LIMIT 1").fetchone()
        bad = ("x" * 12,) + row[1:5] + (120.0,) + row[6:]
        with pytest.raises(duckdb.ConstraintException):
            con.execute(f"INSERT INTO observation_facts VALUES ({', '.join('?' * len(bad))})", bad)
        with pytest.raises(duckdb.ConstraintException):
            con.execute("INSERT INTO observation_facts SELECT 'y' || obs_id, indicator, jurisdiction, period_end + 1, "
                        "period_start, period_label, value, unit, kind, qualifier, scope, method, source_id, quote, note, "
                        "period_label_en, note_vi "
                        "FROM observation_facts LIMIT 1")
        with pytest.raises(duckdb.ConstraintException):
            con.execute("INSERT INTO observation_facts SELECT 'z' || obs_id, indicator, jurisdiction, period_start, "
                        "period_end, period_label, value, 'percent', kind, qualifier, scope, method, source_id, quote, "
                        "note, period_label_en, note_vi FROM observation_facts LIMIT 1")
    finally:
        con.close()


def test_unusable_database_files_are_detected(tmp_path, good_db):
    assert build.database_is_usable(good_db)
    assert not build.database_is_usable(tmp_path / "missing.duckdb")
    empty = tmp_path / "empty.duckdb"
    empty.write_bytes(b"")
    assert not build.database_is_usable(empty)
    garbage = tmp_path / "garbage.duckdb"
    garbage.write_bytes(os.urandom(4096))
    assert not build.database_is_usable(garbage)
    truncated = tmp_path / "truncated.duckdb"
    truncated.write_bytes(good_db.read_bytes()[:8192])
    assert not build.database_is_usable(truncated)


def test_build_killed_half_way_leaves_the_old_file_intact(tmp_path, good_db):
    """SIGKILL during a build: the target is still the old, usable database."""
    before = digest(good_db)
    script = (
        "import sys, time\n"
        "from provdash import build\n"
        "original = build._insert\n"
        "def slow(con, table, frame):\n"
        "    original(con, table, frame)\n"
        "    if table == 'observation_facts':\n"
        "        print('inserted', flush=True); time.sleep(60)\n"
        "build._insert = slow\n"
        f"build.build(target=__import__('pathlib').Path({str(good_db)!r}))\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script], cwd=paths.ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "inserted"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert digest(good_db) == before
    assert build.database_is_usable(good_db)


def test_make_db_command_prints_no_traceback_on_bad_data(data_copy, tmp_path):
    (data_copy / "observations.csv").write_text("not,a,header\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "provdash.build", "--data", str(data_copy), "--out",
                             str(tmp_path / "x.duckdb")], cwd=paths.ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "data/observations.csv, line 1" in result.stderr
    assert not (tmp_path / "x.duckdb").exists()


@pytest.mark.parametrize("row", [
    ("kcn_area", "vinh_phuc", "", 2015, 2019, "missing", "x", "x"),         # finding outside the vocabulary
    ("kcn_area", "vinh_phuc", "", 2019, 2015, "not_found", "x", "x"),       # years in the wrong order
    ("kcn_area", "vinh_phuc", "", 15, 2019, "not_found", "x", "x"),         # not a four-digit year
    ("kcn_area", "vinh_phuc", "", 2015, 2019, "not_found", "", "x"),        # no Vietnamese note
    ("no_such", "vinh_phuc", "", 2015, 2019, "not_found", "x", "x"),        # unknown indicator
    ("kcn_area", "thai_nguyen", "", 2015, 2016, "not_found", "x", "x"),     # same key as a curated note
])
def test_coverage_notes_constraints_hold_without_the_checks(good_db, row):
    con = duckdb.connect(str(good_db))
    try:
        with pytest.raises(duckdb.ConstraintException):
            con.execute("INSERT INTO coverage_notes VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row)
        con.execute("INSERT INTO coverage_notes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    ("net_emissions", "vinh_phuc", "", 2015, 2019, "not_found", "x", "x"))  # a good row goes in
    finally:
        con.close()
