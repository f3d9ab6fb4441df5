-- Every target, and only the actuals its status depends on (provdash/targets.py gives the same result on these
-- as on every actual). A target is measured against each series (place, method) of its indicator and scope:
-- its own province's, and its predecessors' (the 2025 mergers; targets.py uses those only for the lineage
-- indicators of config/progress.yaml). Per target and series: the first and the latest comparable actual up to
-- the target's date, the latest for exactly its period, and the first after it (a rank published later).
-- Run by the build.
-- params: none
WITH targets AS (
    SELECT *,
           (year(period_end) - year(period_start)) * 12 + month(period_end) - month(period_start) + 1 AS span
    FROM observations
    WHERE kind = 'target' AND period_type <> 'point' AND value_in_indicator_unit IS NOT NULL
),
counted AS (        -- whose actuals count for a target's place: the place itself and its predecessors
    SELECT jurisdiction AS place, jurisdiction AS counted FROM jurisdictions
    UNION ALL
    SELECT successor, jurisdiction FROM jurisdictions WHERE successor IS NOT NULL
),
actuals AS (
    SELECT *,
           (year(period_end) - year(period_start)) * 12 + month(period_end) - month(period_start) + 1 AS span
    FROM observations
    WHERE kind = 'actual' AND value_in_indicator_unit IS NOT NULL
      AND (indicator, jurisdiction, scope) IN (
          SELECT DISTINCT (t.indicator, c.counted, t.scope) FROM targets t JOIN counted c ON c.place = t.jurisdiction)
),
per_target AS (     -- each target's comparable actuals, series by series
    SELECT t.obs_id AS target_id, t.period_start AS target_start, t.period_end AS target_end, a.obs_id,
           a.jurisdiction, a.method, a.period_start, a.period_end, a.source_id
    FROM targets t
    JOIN counted c ON c.place = t.jurisdiction
    JOIN actuals a ON a.indicator = t.indicator AND a.jurisdiction = c.counted AND a.scope = t.scope
                  AND (t.method = '' OR a.method = t.method)
                  AND (t.measure <> 'flow' OR a.span = t.span)
),
kept AS (
    SELECT arg_min(obs_id, (period_end, source_id)) AS obs_id FROM per_target WHERE period_end <= target_end
    GROUP BY target_id, jurisdiction, method
    UNION
    SELECT arg_max(obs_id, (period_end, source_id)) FROM per_target WHERE period_end <= target_end
    GROUP BY target_id, jurisdiction, method
    UNION
    SELECT arg_max(obs_id, source_id) FROM per_target
    WHERE period_start = target_start AND period_end = target_end GROUP BY target_id, jurisdiction, method
    UNION
    SELECT arg_min(obs_id, (period_end, source_id)) FROM per_target WHERE period_end > target_end
    GROUP BY target_id, jurisdiction, method
)
SELECT
    obs_id, indicator, indicator_name, indicator_name_en, category, direction, indicator_type, measure,
    jurisdiction, jurisdiction_name, jurisdiction_name_en, jurisdiction_valid_to, jurisdiction_successor,
    jurisdiction_successor_name, jurisdiction_successor_name_en, kind, value, unit, value_in_indicator_unit,
    indicator_unit, indicator_unit_label, indicator_unit_label_en, period_start, period_end, period_label,
    period_type, qualifier, scope, scope_label, scope_label_en, method, method_short, method_short_en, source_id
FROM observations
WHERE obs_id IN (SELECT obs_id FROM targets UNION ALL SELECT obs_id FROM kept)
ORDER BY indicator, jurisdiction, period_end, kind, scope, method, source_id
