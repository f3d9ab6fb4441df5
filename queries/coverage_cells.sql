-- How many values does the store hold for each indicator × jurisdiction × year of a topic ('' means every topic), by kind, method and scope, for these jurisdictions, these years and a kind ('' means both)?
-- params: $category, $jurisdictions, $start, $end, $kind
-- A value counts for the year its period ends in: a stock as of 31/12/2024, the first half of 2024 and the year 2024
-- are all 2024; a target "by 2030" over 2021–2030 is 2030. The sources page's ?year= filter reads years the same way.
-- n_year_values counts the values that speak for their year: a level (stock) at any date in it, or an amount (flow)
-- over the whole calendar year; the rest are amounts over part of a year (or over several years).
-- Only counts leave the database (one row per indicator, jurisdiction, year and series), never the values.
SELECT
    f.indicator,
    f.jurisdiction,
    year(f.period_end)  AS year,
    f.kind,
    f.method,
    f.scope,
    count(*)            AS n_values,
    count(*) FILTER (WHERE i.measure = 'stock'
                        OR (f.period_start = make_date(year(f.period_end), 1, 1)
                            AND f.period_end = make_date(year(f.period_end), 12, 31)))
                        AS n_year_values,
    m.short_vi          AS method_short,
    m.short_en          AS method_short_en,
    s.label_vi          AS scope_label,
    s.label_en          AS scope_label_en
FROM observation_facts f
JOIN indicators i USING (indicator)
JOIN methods    m USING (method)
JOIN scopes     s USING (scope)
WHERE ($category = '' OR i.category = $category)
  AND list_contains($jurisdictions, f.jurisdiction)
  AND f.period_end BETWEEN $start AND $end
  AND ($kind = '' OR f.kind = $kind)
GROUP BY ALL
ORDER BY f.indicator, f.jurisdiction, f.kind, f.method, f.scope, year
