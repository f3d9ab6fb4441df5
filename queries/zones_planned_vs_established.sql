-- How many industrial zones (KCN), clusters (CCN) and IT parks, on how much land, has each province planned and established?
-- params: $jurisdictions, $start, $end
-- Plans are kept whatever the years chosen (a plan for 2030 is the yardstick); established figures follow the years.
SELECT *
FROM observations
WHERE indicator IN ('kcn_count', 'kcn_area', 'ccn_count', 'ccn_area', 'it_park_count')
  AND list_contains($jurisdictions, jurisdiction)
  AND (kind = 'target' OR (period_end >= $start AND period_start <= $end))
ORDER BY indicator, jurisdiction, kind, period_end, scope, method, source_id
