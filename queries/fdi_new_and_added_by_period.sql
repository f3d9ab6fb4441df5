-- How much new and added FDI capital, and how many new projects and capital increases, did each province register per period?
-- params: $jurisdictions, $start, $end
SELECT *
FROM observations
WHERE indicator IN ('fdi_registered_new_and_added', 'fdi_new_capital', 'fdi_capital_increase',
                    'fdi_new_projects', 'fdi_capital_increase_projects')
  AND list_contains($jurisdictions, jurisdiction)
  AND period_end >= $start AND period_start <= $end
ORDER BY indicator, jurisdiction, period_end, period_start, kind, scope, method, source_id
