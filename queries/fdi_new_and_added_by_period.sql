-- How much new and added FDI capital, and how many new projects and capital increases, did each province register per period?
-- params: $jurisdictions, $start, $end
-- Every full year, multi-year total and target, and of the parts of a year only the latest of each series
-- (indicator, province, scope, method, kind and length of period: "5 tháng đầu năm" is a series of its own, as
-- is a single month): monthly national data arrive as full years plus the newest month, never as raw months.
-- Nothing is added up. `values_left_out` (on one row per series) counts the earlier parts of a year not returned.
WITH selected AS (
    SELECT *,
           (year(period_end) - year(period_start)) * 12 + month(period_end) - month(period_start) + 1 AS period_months
    FROM observations
    WHERE indicator IN ('fdi_registered_new_and_added', 'fdi_new_capital', 'fdi_capital_increase',
                        'fdi_new_projects', 'fdi_capital_increase_projects')
      AND list_contains($jurisdictions, jurisdiction)
      AND period_end >= $start AND period_start <= $end
), marked AS (
    SELECT *,
           max(period_end) OVER series AS newest_end,
           count(*) OVER series AS values_in_series
    FROM selected
    WINDOW series AS (PARTITION BY indicator, jurisdiction, scope, method, kind, period_type, period_months)
)
SELECT * EXCLUDE (period_months, newest_end, values_in_series),
       CASE WHEN period_type = 'part_year' AND row_number() OVER series = 1
            THEN values_in_series - count(*) OVER series ELSE 0 END AS values_left_out
FROM marked
WHERE period_type <> 'part_year' OR period_end = newest_end
WINDOW series AS (PARTITION BY indicator, jurisdiction, scope, method, kind, period_type, period_months)
ORDER BY indicator, jurisdiction, period_end, period_start, kind, scope, method, source_id
