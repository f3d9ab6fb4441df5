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

    # A second save from the same article (another period) reuses its source and only appends to the log.
    first_log = (data_dir / curation.AUDIT_FILE).read_text(encoding="utf-8")
    sources_before = digest(data_dir / "sources.csv")
    second = curation.save([dict(GOOD_ROW, period_end="2025-10-31", period_label="10 tháng năm 2025")],
                           SOURCE, "Planner Hà", secret=SECRET, expected_secret=SECRET, data_dir=data_dir, target=target)
    assert second.saved and second.source_id == result.source_id and second.source_reused
    assert digest(data_dir / "sources.csv") == sources_before
    assert (data_dir / curation.AUDIT_FILE).read_text(encoding="utf-8").startswith(first_log)


def test_empty_save_is_refused(store):
    data_dir, target = store
    result = curation.save([], SOURCE, "x", secret=SECRET, expected_secret=SECRET, data_dir=data_dir, target=target)
    assert not result.saved and "no rows" in str(result.problems[0])


# --- never twice ---------------------------------------------------------------------------------------


def files_and_database(data_dir, target):
    return {name: digest(data_dir / name) for name in ("sources.csv", "observations.csv", "indicators.csv")} | {
        "db": digest(target), "audit": (data_dir / curation.AUDIT_FILE).read_text(encoding="utf-8")
        if (data_dir / curation.AUDIT_FILE).exists() else ""}


def save(rows, data_dir, target, source=SOURCE, **options):
    return curation.save(rows, source, "Planner Hà", secret=SECRET, expected_secret=SECRET, data_dir=data_dir,
                         target=target, **options)


def test_saving_the_same_article_again_adds_nothing(store):
    data_dir, target = store
    rows = [GOOD_ROW, dict(GOOD_ROW, indicator="fdi_new_projects", value="12", unit="projects", qualifier="")]
    first = save(rows, data_dir, target)
    assert first.saved and first.rows_added == 2
    before = files_and_database(data_dir, target)

    again = save(rows, data_dir, target)

    assert not again.saved and again.nothing_new and again.skipped == 2 and again.rows_added == 0
    assert again.source_id == first.source_id and again.source_reused
    assert files_and_database(data_dir, target) == before, "a re-save changed a file, the database or the log"


@pytest.mark.parametrize("variant", [
    {"url": "http://www.baothainguyen.vn/example-article/"},
    {"url": "https://baothainguyen.vn/example-article?utm_source=zalo&utm_medium=share#comments"},
    {"url": "", "title": "  THÁI NGUYÊN thu hút FDI 9 tháng 2025 "},
])
def test_a_known_source_is_reused_whatever_its_url_decoration(store, variant):
    data_dir, target = store
    first = save([GOOD_ROW], data_dir, target)
    plan = curation.plan_save([GOOD_ROW], dict(SOURCE, **variant), data_dir=data_dir)
    assert not plan.source_is_new and plan.source["source_id"] == first.source_id
    assert [p.status for p in plan.rows] == [curation.ALREADY_SAVED] and plan.to_write == []


def test_a_new_url_and_title_is_a_new_source(store):
    data_dir, target = store
    save([GOOD_ROW], data_dir, target)
    plan = curation.plan_save([GOOD_ROW], dict(SOURCE, url="https://baothainguyen.vn/another-article",
                                               title="Thu hút FDI: kết quả 9 tháng"), data_dir=data_dir)
    assert plan.source_is_new and plan.rows[0].status == curation.IDENTICAL


def stored_target(data_dir):
    """A stored target value of the shipped data, as a new row would state it."""
    import csv
    with (data_dir / "observations.csv").open(encoding="utf-8", newline="") as handle:
        row = next(r for r in csv.DictReader(handle)
                   if r["indicator"] == "digital_economy_share_grdp" and r["kind"] == "target")
    return {k: row[k] for k in curation.OBSERVATION_COLUMNS if k != "source_id"}, row


def test_a_value_another_source_states_identically_is_skipped_unless_kept(store):
    data_dir, target = store
    row, stored = stored_target(data_dir)
    plan = curation.plan_save([row], SOURCE, data_dir=data_dir)
    assert plan.rows[0].status == curation.IDENTICAL and plan.rows[0].decision == curation.SKIP
    assert plan.rows[0].stored[0]["source_id"] == stored["source_id"] and plan.rows[0].stored[0]["source_title"]
    before = files_and_database(data_dir, target)
    assert save([row], data_dir, target).nothing_new
    assert files_and_database(data_dir, target) == before

    kept = save([row], data_dir, target, decisions={0: curation.KEEP})
    assert kept.saved and kept.rows_added == 1


def test_a_different_value_needs_a_choice(store):
    data_dir, target = store
    row, _ = stored_target(data_dir)
    other = dict(row, value=str(float(row["value"]) + 1), qualifier="over")
    before = files_and_database(data_dir, target)

    undecided = save([other], data_dir, target)
    assert not undecided.saved and not undecided.nothing_new
    assert "choose to keep both or to skip" in str(undecided.problems[0])
    skipped = save([other], data_dir, target, decisions={0: curation.SKIP})
    assert skipped.nothing_new
    assert files_and_database(data_dir, target) == before

    kept = save([other], data_dir, target, decisions={0: curation.KEEP})
    assert kept.saved and kept.rows_added == 1
    import duckdb
    con = duckdb.connect(str(target), read_only=True)
    try:
        claims = con.execute("SELECT count(DISTINCT source_id) FROM observations WHERE indicator = ? AND "
                             "jurisdiction = ? AND period_end = ? AND kind = 'target'",
                             [row["indicator"], row["jurisdiction"], row["period_end"]]).fetchone()[0]
    finally:
        con.close()
    assert claims >= 2, "both sources' claims are kept"


def test_the_same_source_with_another_value_is_never_written_twice(store):
    data_dir, target = store
    assert save([GOOD_ROW], data_dir, target).saved
    plan = curation.plan_save([dict(GOOD_ROW, value="999")], SOURCE, decisions={0: curation.KEEP},
                              data_dir=data_dir)
    assert plan.rows[0].status == curation.SOURCE_CONFLICT and plan.rows[0].decision == curation.SKIP


def test_units_are_compared_after_conversion():
    units = {"usd_bn": {"dimension": "money_usd", "base_unit": "usd", "factor": "1000000000"},
             "usd_mn": {"dimension": "money_usd", "base_unit": "usd", "factor": "1000000"},
             "ha": {"dimension": "area", "base_unit": "ha", "factor": "1"}}
    a = {"value": "3.2", "unit": "usd_bn", "qualifier": ""}
    assert curation.same_value(a, {"value": "3200", "unit": "usd_mn", "qualifier": ""}, units)
    assert not curation.same_value(a, {"value": "3200", "unit": "usd_mn", "qualifier": "over"}, units)
    assert not curation.same_value(a, {"value": "3.2", "unit": "ha", "qualifier": ""}, units)


def test_an_empty_secret_is_asked_for_not_called_wrong(monkeypatch):
    waits = []
    monkeypatch.setattr(curation.time, "sleep", waits.append)
    for empty in ("", None):
        with pytest.raises(curation.AccessDenied) as caught:
            curation.check_secret(empty, SECRET)
        assert caught.value.reason == "empty"
    assert waits == []
    with pytest.raises(curation.AccessDenied) as caught:
        curation.check_secret("guess", SECRET)
    assert caught.value.reason == "wrong" and waits


NEW_INDICATOR = {"indicator": "cashless_test_share", "title_vi": "Tỷ lệ thử nghiệm", "title_en": "Test share",
                 "unit": "pct", "category": "digital_economy", "direction": "higher", "type": "share",
                 "measure": "stock", "definition": "proposed on the update page"}


def test_a_proposed_indicator_is_checked_saved_and_audited(store):
    data_dir, target = store
    row = dict(GOOD_ROW, indicator="cashless_test_share", value="45", unit="pct", qualifier="")
    bad = save([row], data_dir, target, new_indicators=[dict(NEW_INDICATOR, unit="percent")])
    assert not bad.saved
    assert any(str(p).startswith("new indicator, line 1, field 'unit'") for p in bad.problems), bad.problems

    good = save([row], data_dir, target, new_indicators=[NEW_INDICATOR])
    assert good.saved and good.indicators_added == ["cashless_test_share"]
    assert "cashless_test_share," in (data_dir / "indicators.csv").read_text(encoding="utf-8")
    assert "new indicators: cashless_test_share" in curation.read_audit(data_dir)[-1]["details"]


def test_an_old_audit_log_keeps_its_columns(tmp_path):
    (tmp_path / curation.AUDIT_FILE).write_text("saved_at,saved_by,source_id,rows_added,data_fingerprint\n"
                                                "2025-01-01T00:00:00+00:00,A,s,1,f\n", encoding="utf-8")
    curation.append_audit(tmp_path, "B", "t", 2, "g", action="import", details="x")
    rows = curation.read_audit(tmp_path)
    assert [r["saved_by"] for r in rows] == ["A", "B"] and rows[1]["rows_added"] == "2"


def test_the_update_log_is_shown_in_vietnam_time():
    from provdash.catalogue import audit_table, local_time
    assert local_time("2024-12-06T09:02:05+00:00") == "06/12/2024 16:02"
    assert local_time("2024-12-31T20:30:00+00:00") == "01/01/2025 03:30"   # across midnight and the year
    table = audit_table([{"saved_at": "2024-12-06T09:02:05+00:00", "saved_by": "Hà", "source_id": "s",
                          "rows_added": "2", "action": "import"}], "vi")
    assert table.iloc[0].tolist() == ["06/12/2024 16:02", "Hà", "nhập bảng tính", "s", "2"]
    assert "giờ Việt Nam" in table.columns[0]
