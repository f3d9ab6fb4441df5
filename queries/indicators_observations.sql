-- All values (actuals and targets) of several indicators for the chosen jurisdictions and years, with sources.
-- params: $indicators, $jurisdictions, $start, $end
SELECT *
FROM observations
WHERE list_contains($indicators, indicator)
  AND list_contains($jurisdictions, jurisdiction)
  AND period_end >= $start AND period_start <= $end
ORDER BY indicator, jurisdiction, period_end, kind, scope, method, source_id
