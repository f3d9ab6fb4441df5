-- Where does each province rank nationally for attracting FDI (every published rank, newest last)?
-- params: $jurisdictions
SELECT *
FROM observations
WHERE indicator = 'fdi_attraction_rank'
  AND list_contains($jurisdictions, jurisdiction)
ORDER BY jurisdiction, period_end, source_id
