-- Which indicators have actual values for every one of the chosen provinces, counting a province and the merged province that succeeded it as one?
-- params: $jurisdictions
WITH chosen AS (
    SELECT jurisdiction, coalesce(successor, jurisdiction) AS lineage
    FROM jurisdictions
    WHERE list_contains($jurisdictions, jurisdiction)
)
SELECT
    o.indicator,
    any_value(o.indicator_name)    AS indicator_name,
    any_value(o.indicator_name_en) AS indicator_name_en,
    any_value(o.category)          AS category,
    count(*)                       AS actuals
FROM observations o
JOIN chosen c USING (jurisdiction)
WHERE o.kind = 'actual'
  AND o.value_in_indicator_unit IS NOT NULL
GROUP BY o.indicator
HAVING count(DISTINCT c.lineage) = (SELECT count(DISTINCT lineage) FROM chosen)
ORDER BY category, indicator
