-- Which dated decisions and events did the sources report for the chosen jurisdictions (national ones always) between two dates?
-- params: $jurisdictions, $start, $end
SELECT
    e.event_id,
    e.date,
    e.date_precision,
    e.date_label,
    e.date_label_en,
    e.jurisdiction,
    j.name_vi   AS jurisdiction_name,
    j.name_en   AS jurisdiction_name_en,
    j.level     AS jurisdiction_level,
    e.type,
    e.title_vi,
    e.title_en,
    e.source_id,
    s.title     AS source_title,
    s.outlet    AS source_outlet,
    s.outlet_label_vi AS source_outlet_label,
    s.outlet_label_en AS source_outlet_label_en,
    s.url       AS source_url,
    s.file      AS source_file,
    s.published AS source_published,
    e.quote,
    e.note,
    e.note_vi
FROM events e
JOIN jurisdictions j USING (jurisdiction)
JOIN sources s USING (source_id)
WHERE (list_contains($jurisdictions, e.jurisdiction) OR j.level = 'country')
  AND e.date BETWEEN $start AND $end
ORDER BY e.date, e.event_id
