-- All values (actuals and targets) of one indicator for the chosen jurisdictions, within the chosen years, with sources.
-- params: $indicator, $jurisdictions, $start, $end
SELECT *
FROM observations
WHERE indicator = $indicator
  AND list_contains($jurisdictions, jurisdiction)
  AND period_end >= $start AND period_start <= $end
ORDER BY jurisdiction, period_end, kind, scope, method, source_id
