-- How have cumulative registered FDI capital and the number of active FDI projects developed in each province?
-- params: $jurisdictions, $start, $end
SELECT *
FROM observations
WHERE indicator IN ('fdi_registered_capital', 'fdi_projects_active')
  AND list_contains($jurisdictions, jurisdiction)
  AND period_end >= $start AND period_start <= $end
ORDER BY indicator, jurisdiction, period_end, kind, scope, method, source_id
