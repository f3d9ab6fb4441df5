-- Which indicators, jurisdictions, years, methods and scopes can the sources page's filters offer, with their names? Indicators, jurisdictions and years that hold values; every method and scope.
-- params: none
-- A year is the year a value's period ends in, as in sources_values_page.sql's $year and on the coverage page.
SELECT 'indicator' AS facet, i.indicator AS id, i.title_vi AS label_vi, i.title_en AS label_en, i.category
FROM indicators i
WHERE i.indicator IN (SELECT DISTINCT indicator FROM observation_facts)
UNION ALL
SELECT 'jurisdiction', j.jurisdiction, j.name_vi, j.name_en, ''
FROM jurisdictions j
WHERE j.jurisdiction IN (SELECT DISTINCT jurisdiction FROM observation_facts)
UNION ALL
SELECT 'year', y::VARCHAR, y::VARCHAR, y::VARCHAR, ''
FROM (SELECT DISTINCT year(period_end) AS y FROM observation_facts)
UNION ALL
SELECT 'method', method, short_vi, short_en, '' FROM methods
UNION ALL
SELECT 'scope', scope, label_vi, label_en, '' FROM scopes
ORDER BY facet, category, id
