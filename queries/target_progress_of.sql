-- The stored status of every target of the given indicators in the chosen provinces (table target_progress, as
-- the build computed it), so that a chart page says exactly what the overview says whatever years it shows.
-- params: $indicators, $jurisdictions
SELECT *
FROM target_progress
WHERE list_contains($indicators, indicator)
  AND list_contains($jurisdictions, jurisdiction)
ORDER BY position
