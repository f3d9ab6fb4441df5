-- Which ids may a planner choose from when reviewing new rows (indicators, jurisdictions, units, …), with their labels in both languages and what the review's checks need: an indicator's unit, category, type and measure; a unit's dimension, base unit, factor and allowed range; a jurisdiction's lifetime and successor.
-- params: none
SELECT 'indicator' AS field, indicator AS id, title_vi AS label_vi, title_en AS label_en,
       unit, category, type, measure, direction,
       NULL AS dimension, NULL AS base_unit, NULL::DOUBLE AS factor, NULL::DOUBLE AS min_value,
       NULL::DOUBLE AS max_value, NULL::DATE AS valid_from, NULL::DATE AS valid_to, NULL AS successor
FROM indicators
UNION ALL
SELECT 'jurisdiction', jurisdiction, name_vi, name_en, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       valid_from, valid_to, successor
FROM jurisdictions
UNION ALL
SELECT 'unit', unit, label_vi, label_en, NULL, NULL, NULL, NULL, NULL, dimension, base_unit, factor, min_value,
       max_value, NULL, NULL, NULL
FROM units
UNION ALL SELECT 'qualifier', qualifier, label_vi, label_en, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                 NULL, NULL, NULL, NULL FROM qualifiers
UNION ALL SELECT 'scope', scope, label_vi, label_en, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                 NULL, NULL, NULL FROM scopes
UNION ALL SELECT 'method', method, label_vi, label_en, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                 NULL, NULL, NULL FROM methods
ORDER BY field, id
