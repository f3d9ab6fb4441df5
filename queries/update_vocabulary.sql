-- Which ids may a planner choose from when reviewing new rows (indicators, jurisdictions, units, …)?
-- params: none
SELECT 'indicator' AS field, indicator AS id, title_vi AS label_vi, title_en AS label_en FROM indicators
UNION ALL SELECT 'jurisdiction', jurisdiction, name_vi, name_en FROM jurisdictions
UNION ALL SELECT 'unit', unit, label_vi, label_en FROM units
UNION ALL SELECT 'qualifier', qualifier, label_vi, label_en FROM qualifiers
UNION ALL SELECT 'scope', scope, label_vi, label_en FROM scopes
UNION ALL SELECT 'method', method, label_vi, label_en FROM methods
ORDER BY field, id
