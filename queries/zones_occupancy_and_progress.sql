-- How full are the industrial zones, how many projects do they hold, and how many clusters have an infrastructure investor?
-- params: $jurisdictions, $start, $end
SELECT *
FROM observations
WHERE indicator IN ('kcn_occupancy_rate', 'kcn_projects_active', 'ccn_with_infrastructure_investor')
  AND list_contains($jurisdictions, jurisdiction)
  AND period_end >= $start AND period_start <= $end
ORDER BY indicator, jurisdiction, period_end, kind, scope, method, source_id
