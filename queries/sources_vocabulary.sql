-- How is each unit, qualifier and scope named, in Vietnamese and English?
-- params: none
SELECT 'unit' AS vocabulary, unit AS id, label_vi, label_en FROM units
UNION ALL
SELECT 'qualifier', qualifier, label_vi, label_en FROM qualifiers
UNION ALL
SELECT 'scope', scope, label_vi, label_en FROM scopes
ORDER BY vocabulary, id
