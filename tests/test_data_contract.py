"""The public data contract: the `observations` view, its coverage of the sources, and its documentation."""
from __future__ import annotations

import csv
import re
from datetime import date

import duckdb
import pytest

from provdash import paths

CONTRACT_COLUMNS = [
    "jurisdiction", "jurisdiction_name", "indicator", "indicator_name", "value", "unit", "period_start",
    "period_end", "period_label", "kind", "qualifier", "scope", "method", "source_id", "source_title",
    "source_url", "source_file", "quote",
]
REFERENCE = paths.ROOT.parent / "shared" / "reference" / "public_figures.csv"
PROVINCES = {
    "Thái Nguyên": "thai_nguyen",
    "Thái Nguyên (merged)": "thai_nguyen_2025",
    "Vĩnh Phúc": "vinh_phuc",
    "Phú Thọ (merged; includes Vĩnh Phúc)": "phu_tho_2025",
}
RENAMED = {"kcn_established": "kcn_count", "ccn_established": "ccn_count"}


@pytest.fixture(scope="module")
def con(built_db):
    connection = duckdb.connect(str(built_db), read_only=True)
    yield connection
    connection.close()


def rows(con, sql, params=None):
    cursor = con.cursor()
    result = cursor.execute(sql, params or {}).fetchall()
    cursor.close()
    return result


def test_check_view_has_every_contract_column(con):
    columns = [r[0] for r in rows(con, "DESCRIBE observations")]
    missing = [c for c in CONTRACT_COLUMNS if c not in columns]
    assert not missing, f"the observations view lacks {missing}"
    types = {r[0]: r[1] for r in rows(con, "DESCRIBE observations")}
    assert types["value"] == "DOUBLE" and types["period_start"] == "DATE" and types["period_end"] == "DATE"


def test_check_readme_documents_every_view_column(con):
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\|\s*`([a-z_]+)`\s*\|", readme, re.MULTILINE))
    columns = [r[0] for r in rows(con, "DESCRIBE observations")]
    undocumented = [c for c in columns if c not in documented]
    assert not undocumented, f"README.md does not document these observations columns: {undocumented}"


def test_check_at_least_60_values_from_the_seed_articles(con):
    (count,) = rows(con, "SELECT count(*) FROM observations WHERE source_file <> ''")[0]
    assert count >= 60, f"only {count} values come from the five seed articles; expected 60 or more"
    per_file = dict(rows(con, "SELECT source_file, count(*) FROM observations WHERE source_file <> '' GROUP BY 1"))
    assert len(per_file) == 5, f"every seed article should contribute values; got {per_file}"


def test_check_every_value_has_a_resolvable_source(con):
    orphans = rows(con, "SELECT obs_id FROM observations WHERE source_url = '' AND source_file = ''")
    assert not orphans, f"values without a URL or a seed file: {orphans}"


@pytest.mark.skipif(not REFERENCE.is_file(), reason="shared/reference/public_figures.csv is not beside the project")
def test_check_every_reference_row_is_curated(con):
    """Each row of the reference list appears with its jurisdiction, indicator, kind, value and period end."""
    missing = []
    with REFERENCE.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            indicator = RENAMED.get(row["indicator"], row["indicator"])
            found = rows(con, """
                SELECT count(*) FROM observations
                WHERE jurisdiction = $j AND indicator = $i AND kind = $k AND abs(value - $v) < 1e-9
                  AND source_url = $u AND strftime(period_end, '%Y') = $y""", {
                "j": PROVINCES[row["province"]], "i": indicator, "k": row["kind"], "v": float(row["value"]),
                "u": row["source_url"], "y": row["period"].split("..")[-1][:4]})[0][0]
            if found != 1:
                missing.append(f"line {line}: {row['province']} {row['indicator']} {row['value']} {row['period']}")
    assert not missing, "reference rows not curated exactly once:\n" + "\n".join(missing)


@pytest.mark.parametrize("quote_part, indicator, value, unit, start, end, qualifier, scope, kind", [
    ("11, 2 tỷ USD", "fdi_registered_capital", 11.2, "usd_bn", date(2025, 4, 22), date(2025, 4, 22), "", "province", "actual"),
    ("556 triệu USD", "fdi_new_capital", 556, "usd_mn", date(2024, 1, 1), date(2024, 10, 31), "over", "industrial_zones", "actual"),
    ("376 dự án FDI", "fdi_projects_active", 376, "projects", date(2024, 12, 6), date(2024, 12, 6), "", "industrial_zones", "actual"),
    ("4.245 ha", "kcn_area", 4245, "ha", date(2030, 1, 1), date(2030, 12, 31), "plan", "kcn_incl_it_park", "target"),
    ("389 nghìn tỷ", "digital_economy_revenue", 389, "vnd_tn", date(2024, 1, 1), date(2024, 6, 30), "estimate", "province", "actual"),
    ("12,03%", "industry_va_growth", 12.03, "pct_per_year", date(2021, 1, 1), date(2030, 12, 31), "", "excluding_samsung", "target"),
])
def test_check_hand_verified_seed_values(con, quote_part, indicator, value, unit, start, end, qualifier, scope, kind):
    found = rows(con, """
        SELECT value, unit, period_start, period_end, qualifier, scope, kind FROM observations
        WHERE indicator = $i AND contains(quote, $q)""", {"i": indicator, "q": quote_part})
    assert found, f"no {indicator} value quoting {quote_part!r}"
    assert found[0] == (value, unit, start, end, qualifier, scope, kind)


def test_check_digital_economy_targets_and_method_break(con):
    targets = rows(con, """
        SELECT value, qualifier, year(period_end) FROM observations
        WHERE indicator = 'digital_economy_share_grdp' AND kind = 'target' AND jurisdiction = 'thai_nguyen'
        ORDER BY 3""")
    assert (20.0, "", 2025) in targets and (30.0, "over", 2030) in targets
    methods = dict(rows(con, """
        SELECT jurisdiction, list(DISTINCT method ORDER BY method) FROM observations
        WHERE indicator = 'digital_economy_share_grdp' AND kind = 'actual' GROUP BY 1"""))
    assert methods["thai_nguyen"] == ["annual_report_2022"]
    assert methods["thai_nguyen_2025"] == ["gso_value_added"]


def test_check_old_provinces_have_no_outcomes_after_the_merger(con):
    late = rows(con, """
        SELECT o.obs_id, o.jurisdiction, o.period_start FROM observations o JOIN jurisdictions j USING (jurisdiction)
        WHERE j.valid_to IS NOT NULL AND o.kind = 'actual' AND o.period_start > j.valid_to""")
    assert not late, f"actual values dated after their province ceased to exist: {late}"


def test_check_mergers_are_modelled(con):
    successors = dict(rows(con, "SELECT jurisdiction, successor FROM jurisdictions WHERE successor IS NOT NULL"))
    assert successors["thai_nguyen"] == successors["bac_kan"] == "thai_nguyen_2025"
    assert successors["vinh_phuc"] == "phu_tho_2025"


# --- depth of the published series (issue 13) --------------------------------------------------------------

# Years with at least one actual value, per headline line (indicator, jurisdiction, method, scope), as curated
# from public pages. A later edit that removes values fails here; adding values never does.
HEADLINE_DEPTH = {
    ("digital_economy_share_grdp", "thai_nguyen", "annual_report_2022", "province"): 1,  # 2022
    ("digital_economy_share_grdp", "vinh_phuc", "annual_report_2022", "province"): 1,  # 2022
    ("digital_economy_share_grdp", "thai_nguyen_2025", "gso_value_added", "province"): 1,  # 2025
    ("digital_economy_share_grdp", "phu_tho_2025", "gso_value_added", "province"): 1,  # 2025
    ("digital_economy_share_grdp", "viet_nam", "gso_value_added", "province"): 6,  # 2020-2025, national context
    ("digital_economy_share_grdp", "viet_nam", "annual_report_2022", "province"): 2,  # 2021-2022
    ("fdi_registered_capital", "thai_nguyen", "", "province"): 7,  # 2018, 2019, 2021-2025
    ("fdi_registered_capital", "vinh_phuc", "", "province"): 6,  # 2017, 2019-2022, 2025
    ("fdi_registered_capital", "vinh_phuc", "", "industrial_zones"): 4,  # 2018, 2020, 2023, 2024
    ("kcn_area", "thai_nguyen", "", "province"): 2,  # 2022, 2023 (established zones)
    ("kcn_area", "vinh_phuc", "", "province"): 5,  # 2019, 2021-2024 (established zones)
}
COVERAGE_NOTES = paths.DATA_DIR / "coverage_notes.csv"
COVERAGE_HEADER = "indicator,jurisdiction,method,first_year,last_year,finding,note_vi,note_en"


def years_of_actuals(con) -> dict[tuple[str, str, str, str], int]:
    return {tuple(r[:4]): r[4] for r in rows(con, """
        SELECT indicator, jurisdiction, coalesce(method, ''), scope, count(DISTINCT year(period_end))
        FROM observations WHERE kind = 'actual' GROUP BY ALL""")}


@pytest.mark.parametrize("line, depth", HEADLINE_DEPTH.items(), ids=["-".join(k) for k in HEADLINE_DEPTH])
def test_check_headline_series_keep_their_depth(con, line, depth):
    found = years_of_actuals(con).get(line, 0)
    assert found >= depth, f"{line}: {found} years of actual values, {depth} were curated"


def coverage_notes() -> list[dict[str, str]]:
    with COVERAGE_NOTES.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_check_coverage_notes_file_is_plain_and_uses_known_ids(con):
    raw = COVERAGE_NOTES.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw and raw.endswith(b"\n")
    assert raw.decode("utf-8").split("\n", 1)[0] == COVERAGE_HEADER
    known = {table: {r[0] for r in rows(con, f"SELECT {column} FROM {table}")}
             for table, column in (("indicators", "indicator"), ("jurisdictions", "jurisdiction"))}
    methods = {r[0] or "" for r in rows(con, "SELECT method FROM methods")} | {""}
    notes = coverage_notes()
    assert notes
    for line, note in enumerate(notes, start=2):
        assert note["indicator"] in known["indicators"], f"line {line}: {note['indicator']}"
        assert note["jurisdiction"] in known["jurisdictions"], f"line {line}: {note['jurisdiction']}"
        assert note["method"] in methods, f"line {line}: {note['method']}"
        assert note["finding"] in ("not_published", "not_found"), f"line {line}: {note['finding']}"
        assert 2015 <= int(note["first_year"]) <= int(note["last_year"]) <= 2026, f"line {line}"
        assert note["note_vi"].strip() and note["note_en"].strip(), f"line {line}"


@pytest.mark.parametrize("line", [k for k, depth in HEADLINE_DEPTH.items()
                                  if depth < 5 and k[1] in ("thai_nguyen", "vinh_phuc")],
                         ids=lambda k: "-".join(k) if isinstance(k, tuple) else str(k))
def test_check_thin_headline_lines_say_what_is_missing(line):
    """A headline line of an old province with fewer than five years has a coverage note saying what is missing."""
    indicator, jurisdiction = line[:2]
    assert any(n["indicator"] == indicator and n["jurisdiction"] == jurisdiction for n in coverage_notes()), line
