-- Every target, and only the actuals its status depends on (provdash/targets.py gives the same result on these
-- as on every actual): per target, the first and the latest comparable actual up to its date and the latest one
-- for exactly its period; per series, method and period length, the first and the latest actual (which keeps
-- the newest method, every method break and whether a series has two values). Run by the build.
-- params: none
WITH targets AS (
    SELECT * FROM observations
    WHERE kind = 'target' AND period_type <> 'point' AND value_in_indicator_unit IS NOT NULL
),
actuals AS (
    SELECT *,
           (year(period_end) - year(period_start)) * 12 + month(period_end) - month(period_start) + 1 AS span
    FROM observations
    WHERE kind = 'actual' AND value_in_indicator_unit IS NOT NULL
      AND (indicator, jurisdiction, scope) IN (SELECT DISTINCT (indicator, jurisdiction, scope) FROM targets)
),
newest_method AS (  -- the method of each series' most recent actual
    SELECT indicator, jurisdiction, scope, arg_max(method, (period_end, source_id)) AS method
    FROM actuals GROUP BY ALL
),
per_target AS (     -- each target's comparable actuals up to its date
    SELECT t.obs_id AS target_id, t.period_start AS target_start, t.period_end AS target_end, a.obs_id,
           a.period_start, a.period_end, a.source_id
    FROM targets t
    JOIN newest_method n USING (indicator, jurisdiction, scope)
    JOIN actuals a ON a.indicator = t.indicator AND a.jurisdiction = t.jurisdiction AND a.scope = t.scope
                  AND a.method = n.method AND a.period_end <= t.period_end
                  AND (t.measure <> 'flow'
                       OR a.span = (year(t.period_end) - year(t.period_start)) * 12
                                   + month(t.period_end) - month(t.period_start) + 1)
),
kept AS (
    SELECT arg_min(obs_id, (period_end, source_id)) AS obs_id FROM per_target GROUP BY target_id
    UNION
    SELECT arg_max(obs_id, (period_end, source_id)) FROM per_target GROUP BY target_id
    UNION
    SELECT arg_max(obs_id, source_id) FROM per_target
    WHERE period_start = target_start AND period_end = target_end GROUP BY target_id
    UNION
    SELECT arg_min(obs_id, (period_end, source_id)) FROM actuals GROUP BY indicator, jurisdiction, scope, method, span
    UNION
    SELECT arg_max(obs_id, (period_end, source_id)) FROM actuals GROUP BY indicator, jurisdiction, scope, method, span
)
SELECT
    obs_id, indicator, indicator_name, indicator_name_en, category, direction, indicator_type, measure,
    jurisdiction, jurisdiction_name, jurisdiction_name_en, kind, value, unit, value_in_indicator_unit,
    indicator_unit, period_start, period_end, period_label, period_label_en, period_type, qualifier, scope, method, method_short,
    method_short_en, source_id
FROM observations
WHERE obs_id IN (SELECT obs_id FROM targets UNION ALL SELECT obs_id FROM kept)
ORDER BY indicator, jurisdiction, period_end, kind, scope, method, source_id
