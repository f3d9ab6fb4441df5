-- Every target, and every actual of an indicator that has a target, with what comparability needs.
-- params: none
SELECT
    obs_id, indicator, indicator_name, indicator_name_en, category, direction, indicator_type, measure,
    jurisdiction, jurisdiction_name, jurisdiction_name_en, kind, value, unit, value_in_indicator_unit,
    indicator_unit, period_start, period_end, period_label, period_type, qualifier, scope, method, method_short, method_short_en,
    source_id
FROM observations
WHERE indicator IN (SELECT DISTINCT indicator FROM observations WHERE kind = 'target')
ORDER BY indicator, jurisdiction, period_end, kind, scope, method, source_id
