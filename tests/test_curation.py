"""Saving reviewed rows: planner-only, all-or-nothing, atomic, recorded in an append-only audit log."""
from __future__ import annotations

import hashlib

import duckdb
import pytest

from provdash import build, curation

SECRET = "correct horse battery staple"
SOURCE = {"source_id": "", "title": "Thái Nguyên thu hút FDI 9 tháng 2025", "outlet": "Báo Thái Nguyên",
          "url": "https://baothainguyen.vn/example-article", "file": "", "published": "2025-10-04", "language": "vi",
          "note": "test"}
GOOD_ROW = {"indicator": "fdi_new_capital", "jurisdiction": "thai_nguyen_2025", "period_start": "2025-01-01",
            "period_end": "2025-09-30", "period_label": "9 tháng năm 2025", "value": "1234.5", "unit": "usd_mn",
            "kind": "actual", "qualifier": "over", "scope": "province", "method": "", "quote": "trên 1.234,5 triệu USD",
            "note": ""}


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(autouse=True)
def no_slowdown(monkeypatch):
    monkeypatch.setattr(curation.time, "sleep", lambda seconds: None)
    curation._failures["count"] = 0


@pytest.fixture
def store(data_copy, tmp_path):
    target = tmp_path / "indicators.duckdb"
    build.build(data_copy, target)
    return data_copy, target


def test_saving_without_the_secret_writes_nothing(store):
    data_dir, target = store
    before = (digest(data_dir / "observations.csv"), digest(target))
    for given, expected in [(None, SECRET), ("wrong", SECRET), (SECRET, None), ("", "")]:
        with pytest.raises(curation.AccessDenied):
            curation.save([GOOD_ROW], SOURCE, "tester", secret=given, expected_secret=expected,
                          data_dir=data_dir, target=target)
    assert (digest(data_dir / "observations.csv"), digest(target)) == before
    assert not (data_dir / curation.AUDIT_FILE).exists()


def test_repeated_wrong_secrets_are_slowed_down(monkeypatch):
    waits = []
    monkeypatch.setattr(curation.time, "sleep", waits.append)
    for _ in range(4):
        with pytest.raises(curation.AccessDenied):
            curation.check_secret("guess", SECRET)
    assert waits == sorted(waits) and waits[-1] > waits[0]


def test_invalid_rows_are_listed_and_nothing_is_written(store):
    data_dir, target = store
    before = (digest(data_dir / "observations.csv"), digest(data_dir / "sources.csv"), digest(target))
    bad = dict(GOOD_ROW, unit="percent", period_end="2025-06-30")
    share = dict(GOOD_ROW, indicator="digital_economy_share_grdp", unit="pct", value="130")
    result = curation.save([GOOD_ROW, bad, share], SOURCE, "tester", secret=SECRET, expected_secret=SECRET,
                           data_dir=data_dir, target=target)
    assert not result.saved
    messages = [str(p) for p in result.problems]
    assert any("new rows, line 2, field 'unit'" in m for m in messages), messages
    assert any("new rows, line 3, field 'value'" in m for m in messages), messages
    assert (digest(data_dir / "observations.csv"), digest(data_dir / "sources.csv"), digest(target)) == before


def test_a_good_save_appends_rebuilds_and_records(store):
    data_dir, target = store
    old_lines = (data_dir / "observations.csv").read_text(encoding="utf-8").splitlines()
    result = curation.save([GOOD_ROW], SOURCE, "Planner Hà", secret=SECRET, expected_secret=SECRET,
                           data_dir=data_dir, target=target)
    assert result.saved and result.rows_added == 1 and result.source_id.startswith("upd_20251004_")
    new_lines = (data_dir / "observations.csv").read_text(encoding="utf-8").splitlines()
    assert new_lines[: len(old_lines)] == old_lines and len(new_lines) == len(old_lines) + 1
    con = duckdb.connect(str(target), read_only=True)
    try:
        value = con.execute("SELECT value, qualifier, source_title FROM observations WHERE source_id = ?",
                            [result.source_id]).fetchall()
    finally:
        con.close()
    assert value == [(1234.5, "over", SOURCE["title"])]
    audit = curation.read_audit(data_dir)
    assert [(a["saved_by"], a["source_id"], a["rows_added"]) for a in audit] == [("Planner Hà", result.source_id, "1")]

    # A second save only appends to the audit log.
    first_log = (data_dir / curation.AUDIT_FILE).read_text(encoding="utf-8")
    second = curation.save([dict(GOOD_ROW, period_end="2025-10-31", period_label="10 tháng năm 2025")],
                           SOURCE, "Planner Hà", secret=SECRET, expected_secret=SECRET, data_dir=data_dir, target=target)
    assert second.saved and second.source_id != result.source_id
    assert (data_dir / curation.AUDIT_FILE).read_text(encoding="utf-8").startswith(first_log)


def test_empty_save_is_refused(store):
    data_dir, target = store
    result = curation.save([], SOURCE, "x", secret=SECRET, expected_secret=SECRET, data_dir=data_dir, target=target)
    assert not result.saved and "no rows" in str(result.problems[0])
