-- What has each of the chosen jurisdictions reported for one indicator (actuals and targets, any period), on the indicator's own scale, with what tells a change of scale (million vs billion USD) from a change of meaning (rank of 63 vs rank of 34)?
-- params: $indicator, $jurisdictions
SELECT
    o.*,
    iu.label_vi    AS indicator_unit_label,
    iu.label_en    AS indicator_unit_label_en,
    iu.max_value   AS indicator_unit_max,
    u.base_unit    AS unit_base,
    u.max_value    AS unit_max
FROM observations o
JOIN indicators i  USING (indicator)
JOIN units      iu ON iu.unit = i.unit
JOIN units      u  ON u.unit = o.unit
WHERE o.indicator = $indicator
  AND list_contains($jurisdictions, o.jurisdiction)
ORDER BY o.jurisdiction, o.period_end, o.kind, o.scope, o.method, o.source_id
