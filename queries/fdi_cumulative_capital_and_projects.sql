-- How have cumulative registered FDI capital and the number of active FDI projects developed in each province?
-- params: $jurisdictions, $start, $end
-- One point per source and year: of the values one source gives for one series (indicator, province, scope,
-- method, kind) within a calendar year, only its newest (31 December for a year that is over, the latest date
-- in the current one), so monthly national data arrive as year-end values, never as raw months. A source that
-- gives one value a year (all of the curated data) keeps every value. `values_left_out` (on one row per
-- source and year) counts that source's earlier values of the year that are not returned.
WITH selected AS (
    SELECT *,
           max(period_end) OVER same_year AS newest_in_year,
           count(*) OVER same_year AS values_in_year
    FROM observations
    WHERE indicator IN ('fdi_registered_capital', 'fdi_projects_active')
      AND list_contains($jurisdictions, jurisdiction)
      AND period_end >= $start AND period_start <= $end
    WINDOW same_year AS (PARTITION BY indicator, jurisdiction, scope, method, kind, source_id, year(period_end))
)
SELECT * EXCLUDE (newest_in_year, values_in_year),
       CASE WHEN row_number() OVER shown = 1 THEN values_in_year - count(*) OVER shown ELSE 0 END AS values_left_out
FROM selected
WHERE period_end = newest_in_year
WINDOW shown AS (PARTITION BY indicator, jurisdiction, scope, method, kind, source_id, year(period_end))
ORDER BY indicator, jurisdiction, period_end, kind, scope, method, source_id
