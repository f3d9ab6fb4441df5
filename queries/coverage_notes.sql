-- Which gaps in the actuals were looked into — not published, or not found (data/coverage_notes.csv) — for a topic ('' means every topic), these jurisdictions and years?
-- params: $category, $jurisdictions, $start, $end
-- A note is listed when its years overlap the years asked for ($start to $end).
SELECT
    n.indicator,
    i.title_vi  AS indicator_name,
    i.title_en  AS indicator_name_en,
    n.jurisdiction,
    j.name_vi   AS jurisdiction_name,
    j.name_en   AS jurisdiction_name_en,
    n.method,
    m.short_vi  AS method_short,
    m.short_en  AS method_short_en,
    n.first_year,
    n.last_year,
    n.finding,
    n.note_vi,
    n.note_en
FROM coverage_notes n
JOIN indicators    i USING (indicator)
JOIN jurisdictions j USING (jurisdiction)
JOIN methods       m USING (method)
WHERE ($category = '' OR i.category = $category)
  AND list_contains($jurisdictions, n.jurisdiction)
  AND n.first_year <= year($end) AND n.last_year >= year($start)
ORDER BY i.category, n.indicator, n.jurisdiction, n.method, n.first_year
