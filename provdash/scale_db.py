"""A synthetic national-scale database with the real schema, for the performance benchmark (`make scale-db`).

    python -m provdash.scale_db --rows 10000000 --out bench/.cache/rows-10000000.duckdb [--seed 0]

# Load inputs: the real curated files, built by provdash.build (so the schema, the `observations` view, the
#   controlled vocabularies, the real indicators, jurisdictions, sources and the 167 curated values are the
#   real ones, checked as `make db` checks them).
# Process data: in DuckDB, with SQL only (no Python loop per row): 32 more post-2025 provinces (34 with the real
#   merged Thái Nguyên and Phú Thọ), synthetic sources, hundreds of synthetic indicators (as many as ROWS
#   needs), and a catalogue of series (indicator × jurisdiction × source × scope × method × kind) whose rows
#   are monthly or yearly values from 2000–2010 to 2025 plus targets for 2025–2050. Values come from a
#   hash of (seed, series, period): deterministic for a seed and a DuckDB version.
# Save outputs: everything is written into a temporary file next to --out, which then replaces --out.

What the rows look like, so every page has something plausible to draw:
- the real indicators get series for every jurisdiction, first for the four the pages default to; their scale
  is anchored on the real curated values (a share stays a share between 0 and 100, a rank between 1 and 63);
- stocks (registered capital, active projects) are monthly "as of" values; flows (new capital, revenue)
  are monthly amounts plus full-year totals; shares, ranks and growth rates are yearly;
- 1–3 sources per series that disagree slightly; FDI series also inside industrial zones only; the digital
  economy's share has the real method break (2022 annual report on the old provinces, GSO method on the
  merged ones); qualifiers (about, over, estimate) on a few values; targets for 2025, 2030 and 2045 (growth
  rates: a threshold per year 2025–2030);
- provinces that ended on 2025-06-30 have no actual values after that day; merged provinces carry values
  back-cast on their new boundaries.

Every synthetic source says it is synthetic, so a chart drawn from this file can never pass for real data.
This module must never write anywhere but the temporary file and, at the very end, the target path.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from provdash import build, paths

# Bump when the same arguments would write different rows, so cached files (bench/.cache) are regenerated.
GENERATOR_VERSION = "3"  # 2: target_progress computed for the synthetic targets; 3: English period labels
MAIN_JURISDICTIONS = ("thai_nguyen", "thai_nguyen_2025", "vinh_phuc", "phu_tho_2025")

# The 34 provinces and cities after 1 July 2025 (Resolution 202/2025/QH15), less the two the curated data holds
# (thai_nguyen_2025, phu_tho_2025). (id, Vietnamese name, English name, merged in 2025)
PROVINCES_2025 = [
    ("ha_noi", "Hà Nội", "Hanoi", False), ("hue", "Huế", "Huế", False),
    ("lai_chau", "Lai Châu", "Lai Châu", False), ("dien_bien", "Điện Biên", "Điện Biên", False),
    ("son_la", "Sơn La", "Sơn La", False), ("lang_son", "Lạng Sơn", "Lạng Sơn", False),
    ("quang_ninh", "Quảng Ninh", "Quảng Ninh", False), ("thanh_hoa", "Thanh Hóa", "Thanh Hóa", False),
    ("nghe_an", "Nghệ An", "Nghệ An", False), ("ha_tinh", "Hà Tĩnh", "Hà Tĩnh", False),
    ("cao_bang", "Cao Bằng", "Cao Bằng", False),
    ("tuyen_quang_2025", "Tuyên Quang (sau sáp nhập)", "Tuyên Quang (merged)", True),
    ("lao_cai_2025", "Lào Cai (sau sáp nhập)", "Lào Cai (merged)", True),
    ("bac_ninh_2025", "Bắc Ninh (sau sáp nhập)", "Bắc Ninh (merged)", True),
    ("hung_yen_2025", "Hưng Yên (sau sáp nhập)", "Hưng Yên (merged)", True),
    ("hai_phong_2025", "Hải Phòng (sau sáp nhập)", "Hai Phong (merged)", True),
    ("ninh_binh_2025", "Ninh Bình (sau sáp nhập)", "Ninh Bình (merged)", True),
    ("quang_tri_2025", "Quảng Trị (sau sáp nhập)", "Quảng Trị (merged)", True),
    ("da_nang_2025", "Đà Nẵng (sau sáp nhập)", "Da Nang (merged)", True),
    ("quang_ngai_2025", "Quảng Ngãi (sau sáp nhập)", "Quảng Ngãi (merged)", True),
    ("gia_lai_2025", "Gia Lai (sau sáp nhập)", "Gia Lai (merged)", True),
    ("khanh_hoa_2025", "Khánh Hòa (sau sáp nhập)", "Khánh Hòa (merged)", True),
    ("lam_dong_2025", "Lâm Đồng (sau sáp nhập)", "Lâm Đồng (merged)", True),
    ("dak_lak_2025", "Đắk Lắk (sau sáp nhập)", "Đắk Lắk (merged)", True),
    ("ho_chi_minh_2025", "TP. Hồ Chí Minh (sau sáp nhập)", "Ho Chi Minh City (merged)", True),
    ("dong_nai_2025", "Đồng Nai (sau sáp nhập)", "Đồng Nai (merged)", True),
    ("tay_ninh_2025", "Tây Ninh (sau sáp nhập)", "Tây Ninh (merged)", True),
    ("can_tho_2025", "Cần Thơ (sau sáp nhập)", "Can Tho (merged)", True),
    ("vinh_long_2025", "Vĩnh Long (sau sáp nhập)", "Vĩnh Long (merged)", True),
    ("dong_thap_2025", "Đồng Tháp (sau sáp nhập)", "Đồng Tháp (merged)", True),
    ("ca_mau_2025", "Cà Mau (sau sáp nhập)", "Cà Mau (merged)", True),
    ("an_giang_2025", "An Giang (sau sáp nhập)", "An Giang (merged)", True),
]
ACTUAL_SOURCES = 60  # synthetic publications reporting values
CATEGORY_NAMES = {
    "digital_economy": ("kinh tế số", "digital economy"), "enterprises": ("doanh nghiệp", "enterprises"),
    "rankings": ("xếp hạng", "rankings"), "infrastructure": ("hạ tầng", "infrastructure"), "fdi": ("FDI", "FDI"),
    "industrial_zones": ("khu công nghiệp", "industrial zones"), "growth": ("tăng trưởng", "growth"),
    "environment": ("môi trường", "environment"),
}
# Units a synthetic indicator may have, with the type, measure and direction that go with each.
SYNTHETIC_UNITS = [
    ("pct", "share", "stock", "higher"), ("usd_mn", "level", "flow", "higher"), ("vnd_bn", "level", "flow", "higher"),
    ("vnd_tn", "level", "stock", "higher"), ("projects", "count", "stock", "higher"),
    ("enterprises", "count", "stock", "higher"), ("ha", "level", "stock", "higher"),
    ("pct_change", "rate", "flow", "higher"), ("rank_of_63", "rank", "stock", "lower"),
    ("projects", "count", "flow", "higher"), ("tco2e_net", "level", "flow", "lower"),
]
# A scale for units the curated data holds no actual of.
DEFAULT_ANCHORS = {
    "pct": 20, "pct_change": 7, "pct_per_year": 8, "usd_bn": 3, "usd_mn": 200, "vnd_tn": 50, "vnd_bn": 2000,
    "vnd_mn": 80, "ha": 1500, "rank_of_63": 30, "rank_of_34": 15, "tco2e_net": 1000000,
}
SERIES_PER_SYNTHETIC_INDICATOR_BATCH = 64


def _lookup_tables(con: duckdb.DuckDBPyConnection, seed: int) -> None:
    """Synthetic provinces and sources beside the real ones (the real ones come from the build)."""
    con.execute("CREATE TEMP TABLE new_provinces (jurisdiction VARCHAR, name_vi VARCHAR, name_en VARCHAR, merged BOOLEAN)")
    con.executemany("INSERT INTO new_provinces VALUES (?, ?, ?, ?)", PROVINCES_2025)
    con.execute("""
        INSERT INTO jurisdictions
        SELECT jurisdiction, name_vi, name_en, 'province', printf('S%02d', row_number() OVER (ORDER BY jurisdiction)),
               CASE WHEN merged THEN DATE '2025-07-01' ELSE DATE '1997-01-01' END, NULL, NULL,
               'synthetic benchmark province (provdash.scale_db): the name is real, every value is made up'
        FROM new_provinces
    """)
    con.execute("""
        INSERT INTO sources
        SELECT printf('syn_source_%03d', i), printf('Nguồn tổng hợp số %d (dữ liệu giả lập)', i),
               'Dữ liệu giả lập / synthetic', printf('https://example.invalid/synthetic/%d', i), '',
               printf('%d-%02d', 2015 + i % 11, 1 + i % 12), 'vi',
               'synthetic benchmark source (provdash.scale_db): not a real publication', 'Dữ liệu giả lập',
               'Synthetic data'
        FROM range(1, $sources + 1) r(i)
    """, {"sources": ACTUAL_SOURCES})
    con.execute("""
        INSERT INTO sources
        SELECT 'syn_plan_' || jurisdiction, 'Nghị quyết giả lập về mục tiêu phát triển – ' || name_vi,
               'Dữ liệu giả lập / synthetic', 'https://example.invalid/synthetic/plan/' || jurisdiction, '',
               '2021', 'vi', 'synthetic benchmark source (provdash.scale_db): the targets are made up',
               'Dữ liệu giả lập', 'Synthetic data'
        FROM jurisdictions
    """)
    del seed


def _indicator_catalogue(con: duckdb.DuckDBPyConnection, seed: int, synthetic: int) -> None:
    """`ind`: every indicator that gets series, in order of priority, with its scale and how often it is reported."""
    con.execute("CREATE OR REPLACE TEMP TABLE synthetic_units (k INTEGER, unit VARCHAR, type VARCHAR, measure VARCHAR, "
                "direction VARCHAR)")
    con.executemany("INSERT INTO synthetic_units VALUES (?, ?, ?, ?, ?)",
                    [(k, *row) for k, row in enumerate(SYNTHETIC_UNITS)])
    con.execute("CREATE OR REPLACE TEMP TABLE default_anchors (unit VARCHAR, anchor DOUBLE)")
    con.executemany("INSERT INTO default_anchors VALUES (?, ?)", list(DEFAULT_ANCHORS.items()))
    con.execute("CREATE OR REPLACE TEMP TABLE category_names (category VARCHAR, name_vi VARCHAR, name_en VARCHAR)")
    con.executemany("INSERT INTO category_names VALUES (?, ?, ?)", [(k, *v) for k, v in CATEGORY_NAMES.items()])
    con.execute("""
        CREATE OR REPLACE TEMP TABLE synthetic_indicators AS
        WITH numbered AS (
            SELECT i, (hash($seed, 'unit', i) % (SELECT count(*) FROM synthetic_units))::INTEGER AS k,
                   (SELECT list(category ORDER BY category) FROM category_names)[1 + (hash($seed, 'cat', i) % 8)::BIGINT] AS category
            FROM range(1, $count + 1) r(i)
        )
        SELECT printf('syn_%s_%04d', n.category, n.i) AS indicator,
               printf('Chỉ tiêu giả lập %d (%s)', n.i, c.name_vi) AS title_vi,
               printf('Synthetic indicator %d (%s)', n.i, c.name_en) AS title_en,
               u.unit, n.category, u.direction, u.type, u.measure, n.i
        FROM numbered n JOIN synthetic_units u USING (k) JOIN category_names c USING (category)
    """, {"seed": seed, "count": synthetic})
    con.execute("""
        CREATE OR REPLACE TEMP TABLE ind AS
        WITH real_anchor AS (
            SELECT indicator, median(abs(value_in_indicator_unit)) AS anchor
            FROM observations WHERE kind = 'actual' AND value_in_indicator_unit IS NOT NULL
            GROUP BY indicator
        ), everything AS (
            SELECT i.indicator, i.unit, i.category, i.direction, i.type, i.measure, FALSE AS synthetic,
                   row_number() OVER (ORDER BY i.indicator) AS ind_order, 2010 AS first_year
            FROM indicators i
            UNION ALL
            SELECT indicator, unit, category, direction, type, measure, TRUE, 100000 + i,
                   2000 + (hash($seed, 'start', indicator) % 11)::INTEGER
            FROM synthetic_indicators
        )
        SELECT e.*, coalesce(r.anchor, d.anchor, 300) AS anchor, u.max_value AS unit_max,
               CASE WHEN e.type IN ('share', 'rank', 'rate') THEN 'yearly'
                    WHEN e.measure = 'flow' THEN 'flow' ELSE 'stock' END AS frequency
        FROM everything e
        JOIN units u USING (unit)
        LEFT JOIN real_anchor r USING (indicator)
        LEFT JOIN default_anchors d ON d.unit = e.unit
    """, {"seed": seed})


def _series_catalogue(con: duckdb.DuckDBPyConnection, seed: int) -> None:
    """`series`: one row per series with how many rows it would have, in order of priority."""
    con.execute("""
        CREATE OR REPLACE TEMP TABLE jur AS
        SELECT jurisdiction, level, valid_to,
               list_position($main, jurisdiction) IS NOT NULL AS main,
               coalesce(list_position($main, jurisdiction), 100) * 1000
                 + row_number() OVER (ORDER BY level, jurisdiction) AS jur_order
        FROM jurisdictions
    """, {"main": list(MAIN_JURISDICTIONS)})
    con.execute("""
        CREATE OR REPLACE TEMP TABLE series AS
        WITH pairs AS (
            SELECT ind.*, jur.jurisdiction, jur.level, jur.valid_to, jur.main, jur.jur_order,
                   1 + (hash($seed, 'sources', ind.indicator, jur.jurisdiction) % (CASE WHEN ind.synthetic THEN 3 ELSE 2 END))::BIGINT
                     AS source_count
            FROM ind CROSS JOIN jur
        ), scoped AS (
            SELECT p.*, s.scope FROM pairs p,
                   (SELECT unnest(['province', 'industrial_zones']) AS scope) s
            WHERE s.scope = 'province'
               OR (p.type IN ('level', 'count') AND p.level = 'province'
                   AND ((NOT p.synthetic AND p.category = 'fdi')
                        OR (p.synthetic AND hash($seed, 'kcn', p.indicator) % 10 = 0)))
        ), replicated AS (
            SELECT s.*, r.replica,
                   CASE WHEN s.indicator = 'digital_economy_share_grdp' AND s.valid_to IS NOT NULL THEN 'annual_report_2022'
                        WHEN s.indicator = 'digital_economy_share_grdp' THEN 'gso_value_added'
                        ELSE '' END AS method
            FROM scoped s, LATERAL (SELECT unnest(range(s.source_count)) AS replica) r
        ), parts AS (
            -- a flow is reported monthly and as a full-year total: two series
            SELECT r.*, p.part FROM replicated r,
                   LATERAL (SELECT unnest(CASE r.frequency WHEN 'flow' THEN ['month', 'year']
                                                           WHEN 'stock' THEN ['point'] ELSE ['year'] END) AS part) p
        ), actual_series AS (
            SELECT *, 'actual' AS kind,
                   printf('syn_source_%03d',
                          1 + ((hash($seed, 'source', indicator, jurisdiction, scope) + replica * 7) % $sources)::BIGINT) AS source_id,
                   make_date(first_year, 1, 1) AS first_day,
                   CASE WHEN method = 'annual_report_2022' THEN DATE '2022-12-31'
                        ELSE least(DATE '2025-12-31', coalesce(valid_to, DATE '2025-12-31')) END AS last_day
            FROM parts
        )
        SELECT indicator, jurisdiction, scope, method, kind, source_id, replica, part, unit, type, direction,
               level, anchor, unit_max, synthetic, ind_order, jur_order, main, first_day,
               CASE WHEN part = 'year' THEN year(last_day + 1) - year(first_day)
                    ELSE (year(last_day + 1) - year(first_day)) * 12 + month(last_day + 1) - month(first_day) END AS n,
               CASE part WHEN 'year' THEN 1 WHEN 'month' THEN 2 ELSE 0 END AS part_order
        FROM actual_series
        WHERE last_day >= first_day
        UNION ALL
        -- targets: each jurisdiction's plan, for the province as a whole
        SELECT indicator, jurisdiction, 'province', '', 'target', 'syn_plan_' || jurisdiction, 0, 'target', unit, type,
               direction, level, anchor, unit_max, synthetic, ind_order, jur_order, main, DATE '2025-01-01',
               CASE WHEN type = 'rate' THEN 6 ELSE 3 END, 3
        FROM pairs
    """, {"seed": seed, "sources": ACTUAL_SOURCES})


def _choose_series(con: duckdb.DuckDBPyConnection, rows: int) -> None:
    """`chosen`: series in order of priority until they hold `rows` rows (the last one cut short)."""
    con.execute("""
        CREATE OR REPLACE TEMP TABLE chosen AS
        WITH ordered AS (
            SELECT *, sum(n) OVER (ORDER BY synthetic, NOT main, ind_order, jur_order, kind, scope, method, replica,
                                           part_order ROWS UNBOUNDED PRECEDING) - n AS offset_before
            FROM series
        )
        SELECT * REPLACE (least(n, $rows - offset_before)::BIGINT AS n)
        FROM ordered WHERE offset_before < $rows
    """, {"rows": rows})


def _insert_facts(con: duckdb.DuckDBPyConnection, seed: int, order: str) -> int:
    """The values of the chosen series, into observation_facts. Returns how many observations there are now."""
    # Values: a level that grows with time (shares by points a year, levels by a rate a year), one factor per
    # jurisdiction and per source, noise per value; clamped to what the unit allows.
    ordering = {"obs_id": "obs_id", "indicator": "indicator, jurisdiction, period_end, obs_id"}[order]
    insert_sql = f"""
        INSERT INTO observation_facts
        WITH periods AS (
            SELECT c.*, k,
                   CASE c.part
                       WHEN 'point' THEN last_day((c.first_day + to_months(k))::DATE)
                       WHEN 'month' THEN (c.first_day + to_months(k))::DATE
                       WHEN 'year' THEN make_date(year(c.first_day) + k, 1, 1)
                       ELSE make_date(CASE WHEN c.type = 'rate' THEN 2025 + k ELSE [2025, 2030, 2045][k + 1] END, 1, 1)
                   END AS period_start,
                   CASE c.part
                       WHEN 'point' THEN last_day((c.first_day + to_months(k))::DATE)
                       WHEN 'month' THEN last_day((c.first_day + to_months(k))::DATE)
                       WHEN 'year' THEN make_date(year(c.first_day) + k, 12, 31)
                       ELSE make_date(CASE WHEN c.type = 'rate' THEN 2025 + k ELSE [2025, 2030, 2045][k + 1] END, 12, 31)
                   END AS period_end
            FROM chosen c, LATERAL (SELECT unnest(range(c.n)) AS k)
        ), shaped AS (
            SELECT p.*,
                   (hash($seed, 'jur', indicator, jurisdiction) % 1000000) / 1e6 AS u_jur,
                   (hash($seed, 'trend', indicator, jurisdiction) % 1000000) / 1e6 AS u_trend,
                   (hash($seed, 'src', indicator, jurisdiction, source_id) % 1000000) / 1e6 AS u_src,
                   (hash($seed, 'row', indicator, jurisdiction, source_id, scope, period_start, part) % 1000000) / 1e6 AS u_row,
                   date_diff('day', DATE '2025-01-01', period_end) / 365.25 AS t,
                   CASE WHEN level = 'country' THEN 25.0 ELSE 1.0 END * (0.4 + 1.6
                       * (hash($seed, 'jur', indicator, jurisdiction) % 1000000) / 1e6)
                     * CASE WHEN scope = 'industrial_zones' THEN 0.6 ELSE 1.0 END AS size
            FROM periods p
        ), valued AS (
            SELECT s.*,
                   CASE
                       WHEN type = 'share' THEN
                           CASE WHEN kind = 'target'
                                THEN least(100, anchor * (0.5 + u_jur) + (0.3 + 1.5 * u_trend) * t + 2 + 8 * u_row)
                                ELSE greatest(0, least(100, anchor * (0.5 + u_jur) + (0.3 + 1.5 * u_trend) * t
                                                            + (u_src - 0.5) + 2 * (u_row - 0.5))) END
                       WHEN type = 'rank' THEN
                           CASE WHEN kind = 'target' THEN 3 + round(12 * u_row)
                                ELSE greatest(1, least(coalesce(unit_max, 63),
                                         round(anchor * (0.3 + 1.4 * u_jur) - (u_trend - 0.3) * t + 6 * (u_row - 0.5)))) END
                       WHEN type = 'rate' THEN anchor * (0.6 + 0.8 * u_jur) + CASE WHEN kind = 'target' THEN 1 + 2 * u_row
                                                                                    ELSE 6 * (u_row - 0.5) END
                       ELSE anchor * size * pow(1 + 0.02 + 0.10 * u_trend, t)
                            * CASE part WHEN 'month' THEN (1 + 0.4 * (u_row - 0.5)) / 12
                                        WHEN 'target' THEN CASE WHEN direction = 'lower' THEN 0.8 ELSE 1.1 + 0.3 * u_row END
                                        ELSE 1 + 0.04 * (u_row - 0.5) END
                            * (1 + 0.03 * (u_src - 0.5))
                   END AS raw_value
            FROM shaped s
        ), finished AS (
            SELECT v.*,
                   CASE WHEN unit IN ('projects', 'enterprises', 'zones', 'clusters', 'routes', 'certificates', 'installs',
                                      'countries', 'centres') OR type = 'rank'
                        THEN greatest(0, round(raw_value)) ELSE round(raw_value, 3) END AS value,
                   CASE
                       WHEN kind = 'target' THEN CASE WHEN type = 'rank' THEN 'top'
                                                      ELSE ['', 'at_least', 'over', 'about'][1 + (hash($seed, 'tq', indicator, jurisdiction, k) % 4)::BIGINT] END
                       WHEN u_row < 0.04 THEN 'about'
                       WHEN u_row > 0.97 THEN 'over'
                       WHEN period_end >= DATE '2025-07-01' AND u_row > 0.85 THEN 'estimate'
                       ELSE '' END AS qualifier,
                   CASE part
                       WHEN 'point' THEN printf('tháng %d/%d', month(period_end), year(period_end))
                       WHEN 'month' THEN printf('tháng %d/%d', month(period_end), year(period_end))
                       WHEN 'year' THEN printf('năm %d', year(period_end))
                       ELSE printf('đến năm %d', year(period_end)) END AS period_label,
                   -- the same words as provdash.periods.english_label gives for these (a test compares them)
                   CASE part
                       WHEN 'point' THEN strftime(period_end, 'as of %b %Y')
                       WHEN 'month' THEN strftime(period_end, '%b %Y')
                       WHEN 'year' THEN printf('%d', year(period_end))
                       ELSE printf('by %d', year(period_end)) END AS period_label_en
            FROM valued v
        )
        SELECT substr(sha1(concat_ws('|', source_id, indicator, jurisdiction, kind, scope, method,
                                     strftime(period_start, '%Y-%m-%d'), strftime(period_end, '%Y-%m-%d'))), 1, 16) AS obs_id,
               indicator, jurisdiction, period_start, period_end, period_label, value, unit, kind, qualifier, scope,
               method, source_id, '' AS quote, 'synthetic' AS note, period_label_en, '' AS note_vi
        FROM finished
        ORDER BY {ordering}
    """  # formatted with our own column names and ordering only; values are bound
    con.execute(insert_sql, {"seed": seed})
    return con.execute("SELECT count(*) FROM observation_facts").fetchone()[0]


def synthetic_tag(rows: int, seed: int, order: str = "obs_id", data_dir: Path | None = None) -> str:
    """What a file written by `generate` says it is (build_info 'synthetic'): enough to tell a stale one."""
    curated = build.data_fingerprint(data_dir or paths.DATA_DIR)[:12]
    return (f"rows={rows} seed={seed} order={order} generator={GENERATOR_VERSION} schema={build.SCHEMA_VERSION} "
            f"curated={curated}")


def generate(rows: int, out: Path, seed: int = 0, data_dir: Path | None = None, order: str = "obs_id",
             memory_limit: str = "6GB", quiet: bool = False) -> dict[str, float]:
    """Write a database of exactly `rows` observations to `out` (atomically). Returns timings and sizes."""
    started = time.perf_counter()
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = out.with_name(f"{out.name}.tmp-{os.getpid()}")
    leftovers = (temporary, temporary.with_name(temporary.name + ".wal"))
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)
    say = (lambda *a: None) if quiet else (lambda *a: print(*a, file=sys.stderr, flush=True))
    try:
        # Load inputs: the real curated data, checked and built exactly as `make db` does.
        real = build.build(data_dir=data_dir or paths.DATA_DIR, target=temporary)
        if rows < real:
            raise ValueError(f"--rows must be at least the {real} curated values")
        say(f"curated data built: {real} values ({time.perf_counter() - started:.1f} s)")
        con = duckdb.connect(str(temporary))
        try:
            with tempfile.TemporaryDirectory(prefix="scale-db-", dir=out.parent) as spill:
                # SET takes no bound parameters: the limit is checked by main(), the folder is our own.
                limit_sql = f"SET memory_limit = '{memory_limit}'"
                con.execute(limit_sql)
                con.execute("SET temp_directory = '{}'".format(spill.replace("'", "''")))
                # Process data.
                _lookup_tables(con, seed)
                synthetic = 0
                while True:
                    _indicator_catalogue(con, seed, synthetic)
                    _series_catalogue(con, seed)
                    available = con.execute("SELECT coalesce(sum(n), 0) FROM series").fetchone()[0] + real
                    if available >= rows:
                        break
                    synthetic = max(SERIES_PER_SYNTHETIC_INDICATOR_BATCH, synthetic * 2)
                _choose_series(con, rows - real)
                con.execute("""
                    INSERT INTO indicators
                    SELECT indicator, title_vi, title_en, unit, category, direction, type, measure,
                           'synthetic benchmark indicator (provdash.scale_db): values are made up'
                    FROM synthetic_indicators
                    WHERE indicator IN (SELECT indicator FROM chosen)
                """)
                used = con.execute("SELECT count(DISTINCT indicator), count(*) FILTER (WHERE synthetic) "
                                   "FROM (SELECT DISTINCT indicator, synthetic FROM chosen)").fetchone()
                catalogued = time.perf_counter()
                say(f"series chosen: {used[0]} indicators, {used[1]} of them synthetic ({catalogued - started:.1f} s)")
                # Save outputs.
                total = _insert_facts(con, seed, order)
                facts = time.perf_counter()
                say(f"observations written: {total} ({facts - catalogued:.1f} s)")
                assessed = build.store_target_progress(con)
                say(f"target statuses computed: {assessed} ({time.perf_counter() - facts:.1f} s)")
                con.execute("DELETE FROM build_info WHERE key IN ('data_fingerprint', 'observations')")
                con.execute("INSERT INTO build_info VALUES ('data_fingerprint', $f), ('observations', $n), "
                            "('synthetic', $s)", {"f": f"synthetic-seed-{seed}-rows-{rows}-order-{order}",
                                                   "n": str(total), "s": synthetic_tag(rows, seed, order, data_dir)})
                con.execute("CHECKPOINT")
        finally:
            con.close()
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, out)
    finally:
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
    elapsed = time.perf_counter() - started
    return {"rows": float(total), "seconds": elapsed, "bytes": float(out.stat().st_size),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic national-scale database with the real schema.")
    parser.add_argument("--rows", type=int, required=True, help="number of observations (at least the curated ones)")
    parser.add_argument("--out", type=Path, required=True, help="database file to write")
    parser.add_argument("--seed", type=int, default=0, help="seed of the pseudo-random values (default 0)")
    parser.add_argument("--data", type=Path, default=paths.DATA_DIR, help="folder of curated CSV files")
    parser.add_argument("--order", choices=["obs_id", "indicator"], default="obs_id",
                        help="physical row order: obs_id (as `make db` writes) or indicator, jurisdiction, period")
    parser.add_argument("--memory-limit", default="6GB", help="DuckDB memory limit while generating (default 6GB)")
    args = parser.parse_args(argv)
    if not args.memory_limit[:-2].replace(".", "").isdigit() or args.memory_limit[-2:] not in ("MB", "GB"):
        parser.error("--memory-limit looks like 6GB or 512MB")
    try:
        result = generate(args.rows, args.out, args.seed, args.data, args.order, args.memory_limit)
    except build.BuildError as err:
        print(f"The curated data does not build: {len(err.problems)} problem(s); run `make db` to see them.",
              file=sys.stderr)
        return 1
    except ValueError as err:
        print(f"scale-db: {err}", file=sys.stderr)
        return 2
    print(f"Wrote {args.out} with {int(result['rows'])} observations in {result['seconds']:.1f} s "
          f"({result['bytes'] / 1e6:.0f} MB on disk, peak memory {result['peak_rss_mb']:.0f} MB).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
